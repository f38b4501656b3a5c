/**
 * The gate and the watch spawned as processes on bad input and bad targets: usage errors exit 64
 * before anything runs; unreachable, non-resolving and hanging targets end in a verdict within a
 * bounded time with reports written; no browser is inconclusive; the webhook carries the rollback
 * notice and its failure never changes the verdict; investigate mode runs load only, without login.
 * (Cancellation: cancel.test.ts; the out dir: out-dir.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../../simulator/index.ts';
import { cleanEnv, describeChecks, filesContaining, gateEnv, junitSchemaErrors, readVerdict, runBin, SIM_EMAIL, SIM_PASSWORD, SIM_VERSION } from '../../support/gate.ts';

async function tempDir(t: { after: (fn: () => Promise<void>) => void }, prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A local server; `hang` accepts connections and never answers. Counts requests; records bodies. */
async function server(t: { after: (fn: () => Promise<void>) => void }, mode: 'hang' | 'ok' | 'fail'): Promise<{ url: string; requests: () => number; bodies: string[] }> {
  let count = 0;
  const bodies: string[] = [];
  const s: Server = createServer((req, res) => {
    count++;
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      bodies.push(body);
      if (mode === 'hang') return;
      res.statusCode = mode === 'ok' ? 200 : 500;
      res.end(mode);
    });
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  t.after(async () => {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  });
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, requests: () => count, bodies };
}

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

test('bad input: exit 64 before anything runs, every problem listed', async (t) => {
  const dir = await tempDir(t, 'gate-usage-');
  const target = await server(t, 'ok');
  const outDir = join(dir, 'reports');
  // Everything wrong at once: invalid URL, no credentials, negative and non-numeric thresholds, unknown mode.
  const all = await runBin('gate', ['--target', 'not-a-url', '--mode', 'weekly'], cleanEnv({ CJ_OUT_DIR: outDir, CJ_API_P95_MS_ALERT: '-5', CJ_GENERATION_S_TARGET: 'soon' }), 30_000);
  assert.equal(all.code, 64, all.stderr);
  for (const needle of ['CJ_BASE_URL', 'CJ_MODE', 'CJ_EMAIL', 'CJ_PASSWORD', 'CJ_API_P95_MS_ALERT', 'CJ_GENERATION_S_TARGET']) {
    assert.match(all.stderr, new RegExp(needle), `names ${needle}`);
  }
  // A reachable target with one bad setting: nothing is sent to it and nothing is written.
  const one = await runBin('gate', ['--target', target.url], cleanEnv({ CJ_OUT_DIR: outDir, CJ_EMAIL: SIM_EMAIL, CJ_PASSWORD: SIM_PASSWORD, CJ_PAGE_LOAD_MS_ALERT: 'abc' }), 30_000);
  assert.equal(one.code, 64, one.stderr);
  assert.match(one.stderr, /CJ_PAGE_LOAD_MS_ALERT: must be a plain decimal number such as 2000 or 0.5, got "abc"/);
  const flag = await runBin('gate', ['--target', target.url, '--no-such-flag'], cleanEnv({ CJ_OUT_DIR: outDir, CJ_EMAIL: SIM_EMAIL, CJ_PASSWORD: SIM_PASSWORD }), 30_000);
  assert.equal(flag.code, 64);
  assert.match(flag.stderr, /unknown flag --no-such-flag/);
  const watch = await runBin('watch', ['--target', target.url, '--minutes', '-1', '--interval', 'x'], cleanEnv({ CJ_OUT_DIR: outDir }), 30_000);
  assert.equal(watch.code, 64);
  assert.match(watch.stderr, /--minutes[\s\S]*--interval/);
  assert.equal(target.requests(), 0, 'nothing ran');
  assert.equal(await exists(outDir), false, 'no report written');
});

test('unreachable, non-resolving and hanging targets: rollback within a bounded time, reports written', async (t) => {
  const dir = await tempDir(t, 'gate-targets-');
  const closed = await server(t, 'ok');
  const closedUrl = closed.url;
  const hang = await server(t, 'hang');
  // A port nobody listens on: take one and free it.
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const deadUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise<void>((r) => probe.close(() => r()));
  void closedUrl;
  const cases = [
    { name: 'refused', url: deadUrl, cause: /ECONNREFUSED|refused/i },
    { name: 'non-resolving', url: 'http://nonexistent.invalid', cause: /ENOTFOUND|EAI_AGAIN|getaddrinfo|timed out/i },
    { name: 'hanging', url: hang.url, cause: /timed out after 1500 ms/ },
  ];
  for (const c of cases) {
    const outDir = join(dir, c.name);
    const run = await runBin('gate', ['--target', c.url], gateEnv(c.url, outDir, { CJ_PREFLIGHT_TIMEOUT_MS: '1500' }), 60_000);
    const v = await readVerdict(outDir);
    assert.equal(run.code, 2, `${c.name}: ${run.stdout}\n${run.stderr}`);
    assert.equal(v.verdict, 'rollback');
    assert.ok(run.ms < 30_000, `${c.name}: bounded, took ${run.ms} ms`);
    const rb01 = v.checks.find((x) => x.id === 'RB-01' && x.source === 'gate');
    assert.equal(rb01?.status, 'fail');
    assert.match(rb01?.message ?? '', c.cause, `${c.name}: ${rb01?.message}`);
    assert.ok(v.checks.filter((x) => x.id !== 'RB-01').every((x) => x.status === 'skip'), 'the rest is skipped, not passed');
    assert.deepEqual(await junitSchemaErrors(await readFile(join(outDir, 'junit.xml'), 'utf8')), []);
    assert.match(await readFile(join(outDir, 'summary.md'), 'utf8'), /🚨 ROLLBACK REQUIRED: Deployment v1\.4\.2 must be rolled back due to RB-01 preflight/);
  }
});

test('rollback posts the notice to the webhook; a failing webhook never changes the verdict', async (t) => {
  const dir = await tempDir(t, 'gate-webhook-');
  const hang = await server(t, 'hang');
  const hook = await server(t, 'ok');
  const broken = await server(t, 'fail');
  const env = (outDir: string) => gateEnv(hang.url, outDir, { CJ_PREFLIGHT_TIMEOUT_MS: '800' });
  const ok = await runBin('gate', ['--target', hang.url, '--notify-webhook', `${hook.url}/services/T0/B0/hook-secret`], env(join(dir, 'a')), 60_000);
  assert.equal(ok.code, 2);
  assert.equal(hook.bodies.length, 1, 'posted once');
  const payload = JSON.parse(hook.bodies[0] ?? '{}') as { text?: string; blocks?: unknown[] };
  assert.match(payload.text ?? '', /^🚨 ROLLBACK REQUIRED: Deployment v1\.4\.2 must be rolled back due to RB-01 preflight/);
  assert.equal(payload.blocks?.length, 1);
  assert.match(await readFile(join(dir, 'a/summary.md'), 'utf8'), /Notification: rollback notice posted to the webhook \(HTTP 200\)/);
  assert.deepEqual(await filesContaining(join(dir, 'a'), ['hook-secret']), [], 'the webhook URL is a secret');

  const bad = await runBin('gate', ['--target', hang.url, '--notify-webhook', `${broken.url}/hook`], env(join(dir, 'b')), 60_000);
  assert.equal(bad.code, 2, 'still rollback');
  assert.match(await readFile(join(dir, 'b/summary.md'), 'utf8'), /could not post the rollback notice to the webhook: HTTP 500/);
});

test('no browser available: inconclusive (3), the API checks still reported', { timeout: 150_000 }, async (t) => {
  const dir = await tempDir(t, 'gate-nobrowser-');
  const sim = await startSimulator({ port: 0, generationSeconds: 1, email: SIM_EMAIL, password: SIM_PASSWORD, version: SIM_VERSION });
  t.after(() => sim.close());
  const run = await runBin('gate', [], gateEnv(sim.url, dir, { CHROMIUM_PATH: join(dir, 'no-such-chromium') }), 140_000);
  const v = await readVerdict(dir);
  const context = `${run.stdout.slice(-2000)}\n${describeChecks(v)}`;
  assert.equal(run.code, 3, context);
  assert.equal(v.verdict, 'inconclusive');
  assert.equal(v.checks.find((c) => c.id === 'RB-07')?.status, 'error', context);
  assert.equal(v.checks.find((c) => c.id === 'RB-05')?.status, 'pass', context);
  assert.equal(sim.stats().projects.live, 0);
});

test('investigate: load only on one route, no login, percentiles reported', { timeout: 60_000 }, async (t) => {
  const dir = await tempDir(t, 'gate-investigate-');
  const sim = await startSimulator({ port: 0, generationSeconds: 1, email: SIM_EMAIL, password: SIM_PASSWORD, version: SIM_VERSION });
  t.after(() => sim.close());
  const run = await runBin('gate', ['--mode', 'investigate', '--route', '/api/health/db', '--rate', '10', '--duration', '2'], gateEnv(sim.url, dir), 50_000);
  const v = await readVerdict(dir);
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  assert.deepEqual([...new Set(v.checks.map((c) => c.id))].sort(), ['RB-01', 'RB-14', 'RB-15', 'RB-16']);
  assert.ok((v.checks.find((c) => c.id === 'RB-16')?.measured ?? -1) >= 0, 'db p95 measured');
  assert.equal(sim.stats().logins, 0, 'no login for an unauthenticated route');
  assert.equal(sim.stats().requests['GET /api/projects/'], undefined, 'nothing but the route');
});

test('watch: healthy → promote; health down → rollback after 3 polls; hanging → rollback, bounded', { timeout: 60_000 }, async (t) => {
  const dir = await tempDir(t, 'gate-watch-');
  const healthy = await startSimulator({ port: 0, email: SIM_EMAIL, password: SIM_PASSWORD, version: SIM_VERSION });
  const down = await startSimulator({ port: 0, email: SIM_EMAIL, password: SIM_PASSWORD, version: SIM_VERSION, faults: ['health-down'] });
  const hang = await server(t, 'hang');
  t.after(async () => {
    await healthy.close();
    await down.close();
  });
  const args = (url: string) => ['--target', url, '--minutes', '0.05', '--interval', '0.3'];
  const ok = await runBin('watch', args(healthy.url), cleanEnv({ CJ_OUT_DIR: join(dir, 'ok') }), 30_000);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.equal((ok.stdout.match(/^poll \d+\/10 /gm) ?? []).length, 10, 'a progress line per poll');
  const okV = await readVerdict(join(dir, 'ok'));
  assert.deepEqual(okV.checks.map((c) => [c.id, c.status]), [['RB-17', 'pass']]);
  assert.deepEqual(await junitSchemaErrors(await readFile(join(dir, 'ok/junit.xml'), 'utf8')), []);

  const bad = await runBin('watch', args(down.url), cleanEnv({ CJ_OUT_DIR: join(dir, 'down') }), 30_000);
  assert.equal(bad.code, 2, bad.stdout);
  assert.equal((bad.stdout.match(/^poll /gm) ?? []).length, 3, 'stops at the trigger');
  assert.match((await readVerdict(join(dir, 'down'))).checks[0]?.message ?? '', /3 consecutive health check failures/);

  const hung = await runBin('watch', args(hang.url), cleanEnv({ CJ_OUT_DIR: join(dir, 'hang'), CJ_REQUEST_TIMEOUT_MS: '400' }), 30_000);
  assert.equal(hung.code, 2, hung.stdout);
  assert.ok(hung.ms < 15_000, `bounded: ${hung.ms} ms`);
  assert.match(hung.stdout, /\/health no answer ✗/);
});
