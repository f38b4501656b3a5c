/**
 * Numbers beyond their bounds, end to end: the gate spawned through the package bin exits 64 naming
 * the flag, and the listening target never sees a request (nothing was sent before validation).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function runBin(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/jumpstart-gate.js'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const deadline = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(deadline);
      resolve({ code, stderr });
    });
  });
}

test('gate --rate 1e8 / --request-timeout-ms 1e12: exit 64, no request sent, no report written', async (t) => {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.end('{"status":"healthy"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const dir = await mkdtemp(join(tmpdir(), 'gate-bounds-'));
  t.after(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await rm(dir, { recursive: true, force: true });
  });
  const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, CJ_EMAIL: 'op@example.com', CJ_PASSWORD: 'pw', CJ_OUT_DIR: join(dir, 'reports') };
  for (const [flag, value] of [['--rate', '1e8'], ['--request-timeout-ms', '1e12']] as const) {
    const run = await runBin(['gate', '--target', target, '--mode', 'investigate', '--route', '/health', '--duration', '1', flag, value], env);
    assert.equal(run.code, 64, run.stderr);
    assert.match(run.stderr, new RegExp(`\\(${flag}\\): must be a plain decimal number such as 2000 or 0\\.5, got "${value}"`));
  }
  assert.equal(requests, 0, 'the target saw no request');
  await assert.rejects(access(join(dir, 'reports', 'verdict.json')), 'no verdict.json for a usage error');
});
