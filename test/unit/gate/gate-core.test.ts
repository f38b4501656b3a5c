import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../../lib/config/index.ts';
import { checksChildEnv, checksHandoff } from '../../../app/gate/handoff.ts';
import { readHandoff, writeHandoff } from '../../../lib/checks-contract/index.ts';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseChecksFile } from '../../../lib/checks-contract/checks-file.ts';
import { withoutAuthRoutes } from '../../../app/load-plan.ts';
import { preflight } from '../../../app/gate/preflight.ts';
import { runChild } from '../../../app/spawn.ts';
import { httpCall } from '../../../lib/http.ts';
import { resolveProfile } from '../../../load/index.ts';

test('parseChecksFile: keeps the results, drops null measurements, names every shape problem', () => {
  const ok = parseChecksFile(JSON.stringify({ browser: 'system Chromium', results: [{ id: 'RB-01', title: 'RB-01 health', severity: 'critical', status: 'pass', measured: null, durationMs: 5 }] }));
  assert.equal(ok.browser, 'system Chromium');
  assert.deepEqual(ok.results, [{ id: 'RB-01', title: 'RB-01 health', severity: 'critical', status: 'pass', source: 'checks', durationMs: 5 }]);
  assert.throws(() => parseChecksFile('{"results": ['), /checks\.json is not JSON/);
  assert.throws(() => parseChecksFile(JSON.stringify({ results: [{ id: 'X', title: '', severity: 'huge', status: 'maybe' }] })), (e: Error) => {
    for (const field of ['results.0.id', 'results.0.title', 'results.0.severity', 'results.0.status']) assert.ok(e.message.includes(field), `${field} in ${e.message}`);
    return true;
  });
  assert.throws(() => parseChecksFile('{}'), /results/);
});

test('the hand-off: one validated document without secrets; the child env has only it and the password', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'handoff-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const config = loadConfig({
    env: { CJ_EMAIL: 'op@example.com', CJ_PASSWORD: 'pw-secret', CJ_NOTIFY_WEBHOOK: 'https://hooks.example.com/x', CJ_PAGE_LOAD_MS_ALERT: '3000' },
    flags: { baseUrl: 'http://127.0.0.1:9/', mode: 'nightly', outDir: 'out', withGeneration: true },
  });
  const file = join(dir, 'checks-run.json');
  writeHandoff(file, checksHandoff(config, dir, { error: 'no Chromium found' }));
  assert.equal((await stat(file)).mode & 0o777, 0o600, 'only the owner reads it');
  const text = JSON.stringify(readHandoff(file));
  assert.ok(!text.includes('pw-secret') && !text.includes('hooks.example.com'), 'no secret in the document');
  const back = readHandoff(file);
  assert.equal(back.config.baseUrl, 'http://127.0.0.1:9');
  assert.equal(back.config.mode, 'nightly');
  assert.equal(back.generation, true);
  assert.equal(back.keepToken, true);
  assert.match(back.config.outDir, /^\/.*\/out$/, 'absolute');
  assert.equal(back.config.thresholds.pageLoad.alert, 3000);
  assert.equal(back.config.thresholds.apiP95.target, 200, 'defaults handed down too');
  assert.deepEqual(back.browser, { error: 'no Chromium found' });

  const env = checksChildEnv({ PATH: '/bin', CJ_NOTIFY_WEBHOOK: 'https://hooks.example.com/x', CJ_EXPECTED_VERSION: 'stale', CHROMIUM_PATH: '/x' }, file, 'pw-secret');
  assert.deepEqual(env, { PATH: '/bin', CJ_CHECKS_RUN: file, CJ_PASSWORD: 'pw-secret' }, 'no stale CJ_* can disagree with the document');

  writeHandoff(file, { ...checksHandoff(config, 'relative/auth', { error: 'x' }) });
  assert.throws(() => readHandoff(file), (e: Error & { problems?: string[] }) => /config\.authDir: must be an absolute path/.test((e.problems ?? []).join()));
});

test('withoutAuthRoutes leaves out the routes that need a session and says which', () => {
  const { profile, dropped } = withoutAuthRoutes(resolveProfile('post-deploy'));
  assert.deepEqual(dropped, ['/api/runs/']);
  assert.ok(profile.routes.every((r) => !r.auth) && profile.routes.length > 0);
});

test('preflight: any HTTP answer passes (with the version); no answer fails RB-01; an abort is an error', async (t) => {
  let mode: 'ok' | 'down' | 'hang' = 'ok';
  const server = createServer((_req, res) => {
    if (mode === 'hang') return;
    res.statusCode = mode === 'ok' ? 200 : 503;
    res.end(JSON.stringify({ status: 'healthy', version: '9.9.9' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const up = await preflight(url, 2000);
  assert.equal(up.ok, true);
  assert.equal(up.version, '9.9.9');
  assert.equal(up.result.source, 'gate');
  mode = 'down';
  assert.equal((await preflight(url, 2000)).ok, true, 'a 503 is RB-01 business, not unreachable');
  mode = 'hang';
  const hung = await preflight(url, 300);
  assert.equal(hung.ok, false);
  assert.equal(hung.result.status, 'fail');
  assert.equal(hung.result.severity, 'critical');
  assert.match(hung.result.message ?? '', /health: timed out after 300 ms without a complete answer/);
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 100);
  const aborted = await preflight(url, 5000, ac.signal);
  assert.equal(aborted.ok, false);
  assert.equal(aborted.result.status, 'error', 'interrupted is no evidence, not a failure');
});

test('preflight: a 429 is a failure naming the Retry-After (seconds or a date), not a pass', async (t) => {
  let retryAfter: string | undefined = '30';
  const server = createServer((_req, res) => {
    res.statusCode = 429;
    if (retryAfter !== undefined) res.setHeader('retry-after', retryAfter);
    res.end('{"detail":"Too Many Requests"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const limited = await preflight(url, 2000);
  assert.equal(limited.ok, false);
  assert.equal(limited.result.status, 'fail');
  assert.match(limited.result.message ?? '', /answered 429 Too Many Requests \(Retry-After: 30 s\)/);
  retryAfter = 'Fri, 09 Jan 2026 14:03:00 GMT';
  assert.match((await preflight(url, 2000)).result.message ?? '', /Retry-After: Fri, 09 Jan 2026 14:03:00 GMT/);
  retryAfter = undefined;
  assert.match((await preflight(url, 2000)).result.message ?? '', /429 Too Many Requests \(no Retry-After header\)/);
});

test('runChild: a signal aborted before the spawn stops the child at once, not at the deadline', async () => {
  const started = Date.now();
  const out = await runChild({
    command: process.execPath,
    args: ['-e', 'setTimeout(() => {}, 60_000)'],
    cwd: process.cwd(),
    env: process.env,
    timeoutMs: 30_000,
    signal: AbortSignal.abort(),
    onLine: () => {},
  });
  assert.equal(out.timedOut, false);
  assert.equal(out.code, null, 'killed, not exited');
  assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
});

test('httpCall: the body is cut at maxBodyBytes and an endless body does not hold the call', async (t) => {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = 'x'.repeat(1024);
    const timer = setInterval(() => res.write(chunk), 5);
    res.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));
  const { port } = server.address() as AddressInfo;
  const out = await httpCall(`http://127.0.0.1:${port}/`, { timeoutMs: 5000, maxBodyBytes: 4096 });
  assert.equal(out.status, 200);
  assert.equal(out.error, undefined);
  assert.equal(out.body.length, 4096);
  assert.ok(out.durationMs < 4000, `returned after ${Math.round(out.durationMs)} ms`);
});
