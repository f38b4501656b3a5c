import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseSimArgs } from '../../../app/commands/sim.ts';
import { PRESETS } from '../../../simulator/faults.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

test('parseSimArgs: defaults, flags and env', () => {
  const r = parseSimArgs(['--port', '0', '--fault', 'slow-api,stall', '--fault', 'db-down', '--generation-seconds', '1.5', '--slow-api-ms', '25', '--log'], {
    SIM_FAULTS: 'stall,health-down',
    SIM_EMAIL: 'ops@example.com',
    SIM_PASSWORD: 'pw',
    SIM_ADMIN_TOKEN: 'admin-token-1',
    SIM_VERSION: '2.0.0',
    SIM_RATE_LIMITS: 'login=3, generate-all=2',
  });
  assert.equal(r.kind, 'run');
  if (r.kind !== 'run') return;
  assert.deepEqual(r.options, {
    port: 0,
    log: true,
    faults: ['slow-api', 'stall', 'db-down', 'health-down'],
    generationSeconds: 1.5,
    slowApiMs: 25,
    email: 'ops@example.com',
    password: 'pw',
    adminToken: 'admin-token-1',
    version: '2.0.0',
    rateLimits: { login: 3, 'generate-all': 2 },
  });
  const d = parseSimArgs([], {});
  assert.equal(d.kind === 'run' && d.options.port, 8000);
  assert.equal(parseSimArgs(['--help'], {}).kind, 'help');
  const head = parseSimArgs(['--fault', 'real-head'], {});
  assert.deepEqual(head.kind === 'run' && [...(head.options.faults ?? [])].sort(), [...(PRESETS['real-head'] ?? [])].sort(), '--fault real-head expands');
});

test('parseSimArgs: --slow-api-ms is bounded to 0–60000 ms', () => {
  assert.deepEqual(parseSimArgs(['--slow-api-ms', '0'], {}).kind === 'run' && parseSimArgs(['--slow-api-ms', '0'], {}), { kind: 'run', options: { port: 8000, log: false, faults: [], slowApiMs: 0 } });
  for (const bad of ['-1', '60001', 'x', '']) {
    const r = parseSimArgs(['--slow-api-ms', bad], {});
    assert.equal(r.kind, 'invalid', bad);
    assert.match(r.kind === 'invalid' ? r.problems.join() : '', /--slow-api-ms must be a number of milliseconds from 0 to 60000/, bad);
  }
});

test('parseSimArgs: every problem at once', () => {
  const r = parseSimArgs(['--port', '70000', '--fault', 'nope', '--bogus', '--generation-seconds', 'x', '--dashboard-dir', '/no/such/dir', 'stray'], {
    SIM_RATE_LIMITS: 'login=0,foo=1,bar',
    SIM_EMAIL: 'not-an-email',
    SIM_ADMIN_TOKEN: 'short',
  });
  assert.equal(r.kind, 'invalid');
  const text = r.kind === 'invalid' ? r.problems.join('\n') : '';
  for (const needle of ['--bogus', 'stray', '--port', 'unknown fault "nope"', '--generation-seconds', '/no/such/dir', 'login must be at least 1', 'unknown route "foo"', '"bar" is not name=N', 'SIM_EMAIL', 'SIM_ADMIN_TOKEN'])
    assert.ok(text.includes(needle), `problems mention ${needle}:\n${text}`);
});

function runSim(args: string[], env: Record<string, string>): { child: ReturnType<typeof spawn>; out: () => string; done: Promise<number | null> } {
  const child = spawn(process.execPath, ['bin/jumpstart-gate.js', 'sim', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, done };
}

test('npm run sim: --fault real-head works, prints the listening line, never the secrets, stops on SIGTERM; bad flags exit 64', async (t) => {
  const secret = 'very-secret-password-42';
  const token = 'very-secret-admin-token';
  const sim = runSim(['--port', '0', '--fault', 'wrong-version,real-head', '--slow-api-ms', '5'], { SIM_PASSWORD: secret, SIM_ADMIN_TOKEN: token });
  t.after(() => {
    if (sim.child.exitCode === null) sim.child.kill('SIGKILL');
  });
  const deadline = Date.now() + 15_000;
  let url: string | undefined;
  while (url === undefined && Date.now() < deadline && sim.child.exitCode === null) {
    url = /^Simulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(sim.out())?.[1];
    if (url === undefined) await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(url, `listening line within 15 s; output:\n${sim.out()}`);
  const health = (await (await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) })).json()) as { version: string };
  assert.equal(health.version, '0.0.0-wrong');
  assert.equal((await fetch(`${url}/api/health/db`, { signal: AbortSignal.timeout(5000) })).status, 404, 'real-head is on');
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'operator@jumpstart.local', password: secret }), signal: AbortSignal.timeout(5000) });
  assert.equal(login.status, 200, 'SIM_PASSWORD seeds the operator');
  assert.equal((await fetch(`${url}/__sim/faults`, { headers: { 'x-sim-admin-token': token }, signal: AbortSignal.timeout(5000) })).status, 200);
  assert.match(sim.out(), /Faults: db-route-missing, deep-link-headers-missing, .*, wrong-version ·/);
  assert.match(sim.out(), /operator@jumpstart\.local/);
  sim.child.kill('SIGTERM');
  assert.equal(await sim.done, 0);
  assert.equal(sim.out().includes(secret) || sim.out().includes(token), false, 'no secret printed');

  const bad = runSim(['--port', 'x', '--fault', 'nope'], {});
  assert.equal(await bad.done, 64);
  assert.match(bad.out(), /--port/);
  assert.match(bad.out(), /unknown fault "nope"/);
});
