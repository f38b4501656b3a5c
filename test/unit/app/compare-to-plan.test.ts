/** --compare-to at plan time: what it validates (every problem at once, exit 64 before a request), what it leaves out and says. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgv } from '../../../app/args.ts';
import { loadCommand, planLoadCommand } from '../../../app/commands/load.ts';
import { GATE_FLAGS, planGate } from '../../../app/gate/setup.ts';
import { leftOutNote } from '../../../app/load-plan.ts';
import { loadNotRun } from '../../../app/load-step.ts';
import { loadConfig } from '../../../lib/config/index.ts';

const CREDS = { CJ_EMAIL: 'op@example.com', CJ_PASSWORD: 'pw' };
const SHRUNK = { CJ_LOAD_DURATION_S: '2', CJ_LOAD_RATE: '10' };
const planLoad = (argv: string[], env: Record<string, string> = {}) => planLoadCommand(parseArgv(argv, loadCommand.flags), { ...SHRUNK, ...env });
const gate = (argv: string[], env: Record<string, string> = {}) => planGate(parseArgv(argv, GATE_FLAGS), { ...SHRUNK, ...env });

test('the URL: http(s) only, no credentials, another origin than the target; the flag or CJ_COMPARE_TO named', () => {
  const problems = (compareTo: string) => {
    try {
      loadConfig({ env: { CJ_BASE_URL: 'http://127.0.0.1:9/' }, flags: { compareTo } });
      return [];
    } catch (e) {
      return (e as { problems: string[] }).problems;
    }
  };
  assert.match(problems('ftp://live.example').join(), /CJ_COMPARE_TO \(--compare-to\): must be an absolute http\(s\) URL/);
  assert.match(problems('live.example').join(), /CJ_COMPARE_TO \(--compare-to\): must be an absolute http\(s\) URL/);
  const withPassword = problems('http://operator:hunter2-secret@live.example').join();
  assert.match(withPassword, /CJ_COMPARE_TO \(--compare-to\): must not carry credentials/);
  assert.ok(!withPassword.includes('hunter2-secret'), 'the problem does not echo the password');
  assert.match(problems('HTTP://127.0.0.1:9/api').join(), /CJ_COMPARE_TO \(--compare-to\): http:\/\/127\.0\.0\.1:9 is the target itself/);
  assert.deepEqual(problems('http://127.0.0.1:10/'), []);
  const fromEnv = loadConfig({ env: { CJ_BASE_URL: 'http://127.0.0.1:9', CJ_COMPARE_TO: 'https://live.example/' } });
  assert.equal(fromEnv.compareTo, 'https://live.example');
});

test('load: routes that need a session are left out on both sides, so no login is needed and none happens', async () => {
  const { plan, problems } = await planLoad(['--target', 'http://127.0.0.1:9', '--compare-to', 'http://127.0.0.1:10', '--profile', 'post-deploy']);
  assert.deepEqual(problems, [], 'CJ_EMAIL and CJ_PASSWORD are not required: nothing needs a session any more');
  assert.deepEqual(plan?.load.profile.routes.map((r) => r.path), ['/health', '/api/health/db']);
  assert.deepEqual(plan?.load.leftOut, ['/api/runs/']);
  assert.equal(plan?.load.compareTo, 'http://127.0.0.1:10');
  assert.equal(plan && leftOutNote(plan.load), '/api/runs/ left out of the comparison (on both sides): it needs a session, and credentials never go to http://127.0.0.1:10');
  const plain = await planLoad(['--target', 'http://127.0.0.1:9', '--profile', 'post-deploy'], CREDS);
  assert.equal(plain.plan?.load.leftOut, undefined);
  assert.equal(plain.plan && leftOutNote(plain.plan.load), undefined);
});

test('gate post-deploy: the checks still log in on the target, the load leaves /api/runs/ out, so their token is never used against live', () => {
  const { plan, problems } = gate(['--target', 'http://127.0.0.1:9', '--compare-to', 'http://127.0.0.1:10'], CREDS);
  assert.deepEqual(problems, []);
  assert.equal(plan?.plan.runChecks, true);
  assert.deepEqual(plan?.load.profile.routes.filter((r) => r.auth), []);
  assert.deepEqual(plan?.load.leftOut, ['/api/runs/']);
  const investigate = gate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate', '--profile', 'smoke', '--compare-to', 'http://127.0.0.1:10']);
  assert.deepEqual(investigate.problems, []);
  assert.equal(investigate.plan?.load.leftOut, undefined, 'smoke has no route that needs a session');
});

test('every compare-mode problem at once: closed engine, the live rate cap, nothing left to compare', async () => {
  const closed = await planLoad(['--target', 'http://127.0.0.1:9', '--compare-to', 'http://127.0.0.1:10', '--profile', 'smoke', '--engine', 'closed']);
  assert.match(closed.problems.join('\n'), /--compare-to \(CJ_COMPARE_TO\): only with the open engine/);
  // a loopback candidate is not capped, a live deployment elsewhere is
  const capped = await planLoad(['--target', 'http://127.0.0.1:9', '--compare-to', 'https://live.example', '--profile', 'smoke', '--rate', '80']);
  assert.deepEqual(capped.problems, ['--compare-to (CJ_COMPARE_TO): rate: 80 req/s against a non-loopback target exceeds the cap of 50 req/s; raise it explicitly with --rate-cap']);
  const runsOnly = gate(['--target', 'http://127.0.0.1:9', '--mode', 'investigate', '--route', '/api/runs/', '--compare-to', 'http://127.0.0.1:10'], CREDS);
  assert.deepEqual(runsOnly.problems, ['--compare-to (CJ_COMPARE_TO): every route of this load needs a session (/api/runs/), and credentials never go to http://127.0.0.1:10: nothing left to compare']);
});

test('a compare-mode load that cannot run lists the two "vs live" results as errors too', () => {
  const results = loadNotRun({ name: 'post-deploy', compareTo: 'http://127.0.0.1:10' }, 'the target refused');
  assert.deepEqual(results.map((r) => [r.title, r.status]).slice(-2), [['RB-14 latency vs live (post-deploy)', 'error'], ['RB-15 error rate vs live (post-deploy)', 'error']]);
  assert.deepEqual(results.slice(-2).map((r) => r.severity), ['major', 'major']);
  assert.ok(results.every((r) => r.message === 'load post-deploy could not run: the target refused'));
  assert.equal(loadNotRun({ name: 'x' }, 'why').length, 3, 'without --compare-to: RB-14, RB-15, RB-16 only');
});
