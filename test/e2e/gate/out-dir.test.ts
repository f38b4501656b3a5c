/**
 * The out dir, checked before anything is sent: a file → 64 with no request; a run that exits 64
 * leaves no earlier (promote) verdict.json; a second run on a busy out dir → 64 at once, naming the
 * running one's PID, and the running one is unharmed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSimulator } from '../../../simulator/index.ts';
import { scratch } from '../../support/checks.ts';
import { cleanEnv, gateEnv, readVerdict, ROOT, runBin, SIM_EMAIL, SIM_PASSWORD, SIM_VERSION } from '../../support/gate.ts';

test('--out at a file: exit 64 naming it, no request sent; a stale promote verdict.json does not survive a 64', { timeout: 60_000 }, async (t) => {
  const dir = scratch(t, 'gate-outdir-');
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.end('{"status":"healthy"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const file = join(dir, 'not-a-dir');
  await writeFile(file, 'x');
  const run = await runBin('gate', ['--target', url, '--out', file], gateEnv(url, file), 30_000);
  assert.equal(run.code, 64, run.stderr);
  assert.match(run.stderr, /--out \(CJ_OUT_DIR\): .*not-a-dir exists and is not a directory/);
  const proc = await runBin('watch', ['--target', url, '--out', '/proc/jumpstart-gate/x'], cleanEnv({}), 30_000);
  assert.equal(proc.code, 64, proc.stderr);
  assert.equal(requests, 0, 'nothing was sent');

  const stale = join(dir, 'reports');
  await mkdir(stale);
  await writeFile(join(stale, 'verdict.json'), JSON.stringify({ verdict: 'promote', exitCode: 0 }));
  await writeFile(join(stale, 'checks.json'), JSON.stringify({ results: [] }));
  // A usage error (no credentials for post-deploy): exit 64, and Argo must not read the old promote.
  const bad = await runBin('gate', ['--target', url, '--out', stale], cleanEnv({}), 30_000);
  assert.equal(bad.code, 64, bad.stderr);
  await assert.rejects(access(join(stale, 'verdict.json')), 'the earlier verdict.json is gone');
  await assert.rejects(access(join(stale, 'checks.json')), "the earlier run's checks.json is gone");
  assert.equal(requests, 0);
});

test('a second run on a busy out dir exits 64 at once naming the running PID; the first finishes unharmed', { timeout: 90_000 }, async (t) => {
  const dir = scratch(t, 'gate-outdir-');
  const sim = await startSimulator({ port: 0, email: SIM_EMAIL, password: SIM_PASSWORD, version: SIM_VERSION });
  t.after(() => sim.close());
  const out = join(dir, 'reports');
  const first = spawn(process.execPath, [join(ROOT, 'bin/jumpstart-gate.js'), 'watch', '--target', sim.url, '--minutes', '0.5', '--interval', '0.5', '--out', out], { cwd: ROOT, env: cleanEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => void first.kill('SIGKILL'));
  let firstOut = '';
  first.stdout.on('data', (d: Buffer) => (firstOut += d.toString()));
  const firstDone = new Promise<number | null>((r) => first.on('close', (code) => r(code)));
  const deadline = Date.now() + 30_000;
  while (!/^poll 1\//m.test(firstOut) && Date.now() < deadline) await sleep(100);
  assert.match(firstOut, /^poll 1\//m, 'the first run is polling');

  const second = await runBin('gate', ['--target', sim.url, '--out', out], gateEnv(sim.url, out), 30_000);
  assert.equal(second.code, 64, second.stderr);
  assert.match(second.stderr, new RegExp(`in use by a running jumpstart-gate \\(PID ${first.pid}, watch since`));
  assert.equal(sim.stats().logins, 0, 'the second run sent nothing');

  first.kill('SIGINT');
  assert.equal(await firstDone, 3, 'the first run, cancelled, is inconclusive');
  const v = await readVerdict(out);
  assert.equal(v.checks[0]?.id, 'RB-17', 'the out dir holds the first run\'s reports');
  assert.match(await readFile(join(out, 'summary.md'), 'utf8'), /INCONCLUSIVE/);
});
