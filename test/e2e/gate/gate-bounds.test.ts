/**
 * Numbers beyond their bounds, end to end: the gate spawned through the package bin exits 64 naming
 * the flag, and the listening target never sees a request (nothing was sent before validation).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin } from '../../support/gate.ts';
import { listenLoopback } from '../../support/loopback.ts';

test('gate --rate 1e8 / --request-timeout-ms 1e12: exit 64, no request sent, no report written', async (t) => {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.end('{"status":"healthy"}');
  });
  const { url: target, close } = await listenLoopback(server);
  const dir = await mkdtemp(join(tmpdir(), 'gate-bounds-'));
  t.after(async () => {
    await close();
    await rm(dir, { recursive: true, force: true });
  });
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, CJ_EMAIL: 'op@example.com', CJ_PASSWORD: 'pw', CJ_OUT_DIR: join(dir, 'reports') };
  for (const [flag, value] of [['--rate', '1e8'], ['--request-timeout-ms', '1e12']] as const) {
    const run = await runBin('gate', ['--target', target, '--mode', 'investigate', '--route', '/health', '--duration', '1', flag, value], env, 60_000);
    assert.equal(run.code, 64, run.stderr);
    assert.match(run.stderr, new RegExp(`\\(${flag}\\): must be a plain decimal number such as 2000 or 0\\.5, got "${value}"`));
  }
  assert.equal(requests, 0, 'the target saw no request');
  await assert.rejects(access(join(dir, 'reports', 'verdict.json')), 'no verdict.json for a usage error');
});
