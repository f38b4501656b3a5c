/** `jumpstart-gate load`: usage errors before anything runs, one login, the gating outputs, exit codes per verdict, baseline. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../../simulator/index.ts';
import { runBin } from '../../support/gate.ts';
import { parseArgv } from '../../../app/args.ts';
import { loadCommand, planLoadCommand } from '../../../app/commands/load.ts';

const EMAIL = 'operator@jumpstart.local';
const PASSWORD = 'load-cli-secret-pw';

function load(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runBin('load', args, { PATH: process.env.PATH ?? '', ...env }, 45_000);
}

test('usage: every problem at once, exit 64, nothing sent', { timeout: 30_000 }, async () => {
  // .invalid never resolves: even a bug here could not send traffic anywhere
  const r = await load(['--target', 'http://gate-test.invalid', '--route', '/api/clients/', '--rate', '80', '--engine', 'sideways', '--bogus', '--connections', '0', '--duration']);
  assert.equal(r.code, 64, r.stdout + r.stderr);
  for (const want of [/unknown flag --bogus/, /--duration: needs a value/, /--engine: must be open or closed/, /--connections: must be an integer/, /\/api\/clients\/.*--allow-rate-limited/, /80 req\/s.*cap of 50/, /CJ_EMAIL and CJ_PASSWORD: required/]) {
    assert.match(r.stderr, want);
  }
  assert.match(r.stderr, /nothing was run/);
  assert.equal(r.stdout, '', 'no load line was printed');
  const bad = await load(['--profile', 'weekly', '--baseline', '/nonexistent/base.json']);
  assert.equal(bad.code, 64);
  assert.match(bad.stderr, /CJ_BASE_URL \(--target\): is required/);
  assert.match(bad.stderr, /--baseline: cannot read load result/);
});

test('planLoadCommand: --route needs rate and duration; --profile and --route exclude each other', async () => {
  const plan = (argv: string[]) => planLoadCommand(parseArgv(argv, loadCommand.flags), {});
  const { problems } = await plan(['--target', 'http://127.0.0.1:1', '--route', '/health', '--profile', 'smoke']);
  assert.ok(problems.some((p) => /give one, not both/.test(p)));
  assert.ok(problems.some((p) => /--rate \(CJ_LOAD_RATE\): required with --route/.test(p)));
  assert.ok(problems.some((p) => /--duration \(CJ_LOAD_DURATION_S\): required with --route/.test(p)));
  const ok = await plan(['--target=http://127.0.0.1:1', '--route', '/health', '--route', '/api/health/db', '--rate', '5', '--duration', '1']);
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.plan?.load.name, 'route-health-api-health-db');
  assert.deepEqual(ok.plan?.load.profile.routes.map((r) => r.auth), [false, false], 'no login needed');
});

test('post-deploy against the simulator: one login, reports written, exit 0; a 5xx burst → exit 2; baseline compared', { timeout: 90_000 }, async (t) => {
  const sim = await startSimulator({ port: 0, email: EMAIL, password: PASSWORD });
  t.after(() => sim.close());
  const out = await mkdtemp(join(tmpdir(), 'load-cli-'));
  t.after(() => rm(out, { recursive: true, force: true }));
  const env = { CJ_EMAIL: EMAIL, CJ_PASSWORD: PASSWORD, CJ_OUT_DIR: out, CJ_LOAD_DURATION_S: '2', CJ_LOAD_RATE: '20' };

  const good = await load(['--target', sim.url, '--profile', 'post-deploy', '--json', join(out, 'copy.json')], env);
  assert.equal(good.code, 0, good.stdout + good.stderr);
  assert.match(good.stdout, /load post-deploy 1 s: \d+ sent/, 'a progress line per second');
  assert.match(good.stdout, /verdict: PROMOTE \(exit 0\)/);
  const files = (await readdir(join(out, 'load'))).sort();
  assert.deepEqual(files, ['post-deploy.html', 'post-deploy.json', 'post-deploy.junit.xml']);
  assert.match(await readFile(join(out, 'load', 'post-deploy.junit.xml'), 'utf8'), /<property name="id" value="RB-14"/, 'the default keeps the per-testcase properties');
  assert.deepEqual((await readdir(out)).filter((f) => !f.startsWith('.')).sort(), ['copy.json', 'junit.xml', 'load', 'metrics.prom', 'summary.md', 'verdict.json'], 'the gating outputs too');
  assert.equal((JSON.parse(await readFile(join(out, 'verdict.json'), 'utf8')) as { command: string; verdict: string }).verdict, 'promote');
  const result = JSON.parse(await readFile(join(out, 'load', 'post-deploy.json'), 'utf8')) as { requests: { sent: number; errors: number }; perRoute: Record<string, { requests: { sent: number } }> };
  assert.equal(result.requests.sent, 40);
  assert.equal(result.requests.errors, 0, 'the token reached /api/runs/ (no 401s)');
  assert.equal(result.perRoute['/api/runs/']?.requests.sent, 10);
  assert.equal(sim.stats().logins, 1, 'one login per run');
  for (const f of [...files.map((f) => join(out, 'load', f)), join(out, 'copy.json')]) {
    const text = await readFile(f, 'utf8');
    assert.ok(!text.includes(PASSWORD), `${f} holds no password`);
    assert.doesNotMatch(text, /eyJ[A-Za-z0-9_-]{8,}\.eyJ/, `${f} holds no token`);
  }
  assert.ok(!good.stdout.includes(PASSWORD));

  sim.setFaults(['slow-api']);
  const base = join(out, 'load', 'post-deploy.json'); // in the out dir: kept by the clean-up because it is an input
  const slow = await load(['--target', sim.url, '--profile', 'post-deploy', '--name', 'slow', '--baseline', base], { ...env, CJ_LOAD_DURATION_S: '1' });
  assert.equal(slow.code, 1, slow.stdout + slow.stderr); // RB-14 p95 over 500 ms: hold
  assert.match(slow.stdout, /vs baseline .*: regression/);
  const slowJson = JSON.parse(await readFile(join(out, 'load', 'slow.json'), 'utf8')) as { baselineComparison?: { change: string } };
  assert.equal(slowJson.baselineComparison?.change, 'regression', 'a baseline comparison is kept apart from compare mode\'s `comparison`');

  sim.setFaults(['5xx-burst']);
  const burst = await load(['--target', sim.url, '--profile', 'smoke', '--name', 'burst', '--duration', '3', '--rate', '30', '--junit', 'strict'], env);
  assert.equal(burst.code, 2, burst.stdout + burst.stderr);
  assert.match(burst.stdout, /RB-15 5xx share under load \(burst\) +critical +FAIL/);
  for (const f of [join(out, 'junit.xml'), join(out, 'load', 'burst.junit.xml')]) {
    const text = await readFile(f, 'utf8');
    assert.match(text, /<failure/, `${f} reports the failure`);
    assert.doesNotMatch(text, /<propert/, `--junit strict: ${f} has no <properties>`);
  }
});

test('a load that cannot run (login refused) still writes its reports, errors from the catalog, exit 3', { timeout: 30_000 }, async (t) => {
  const sim = await startSimulator({ port: 0, email: EMAIL, password: PASSWORD });
  t.after(() => sim.close());
  const out = await mkdtemp(join(tmpdir(), 'load-cli-'));
  t.after(() => rm(out, { recursive: true, force: true }));
  // a fresh out dir: nothing has created <out>/load yet when the login fails
  const r = await load(['--target', sim.url, '--profile', 'post-deploy'], { CJ_EMAIL: EMAIL, CJ_PASSWORD: 'wrong-password', CJ_OUT_DIR: out, CJ_LOAD_DURATION_S: '1', CJ_LOAD_RATE: '5' });
  assert.equal(r.code, 3, r.stdout + r.stderr);
  assert.doesNotMatch(r.stderr, /internal error/);
  // One cause met by the three load checks is printed once, with the checks it hit.
  assert.match(r.stdout, /RB-14 API latency under load \(p95\) +major +ERROR +cause 1/);
  assert.match(r.stdout, /cause 1 \(RB-14, RB-15, RB-16\): load post-deploy could not run: login/);
  const junit = await readFile(join(out, 'load', 'post-deploy.junit.xml'), 'utf8');
  assert.equal((junit.match(/<error message="load post-deploy could not run/g) ?? []).length, 3, 'one error per load check');
  assert.match(await readFile(join(out, 'summary.md'), 'utf8'), /INCONCLUSIVE/);
  assert.ok(!junit.includes('wrong-password') && !r.stdout.includes('wrong-password'));
});
