/** A bad --compare-to is a usage error of the bin (exit 64) before a single request reaches either deployment. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../../simulator/index.ts';
import { cleanEnv, runBin } from '../../support/gate.ts';

test('same origin, not http(s), credentials in the URL, closed engine: exit 64, every problem named, nothing sent', { timeout: 60_000 }, async (t) => {
  const [target, live] = await Promise.all([startSimulator({ port: 0 }), startSimulator({ port: 0 })]);
  t.after(() => Promise.all([target.close(), live.close()]));
  const out = await mkdtemp(join(tmpdir(), 'compare-usage-'));
  t.after(() => rm(out, { recursive: true, force: true }));
  const env = cleanEnv({ CJ_OUT_DIR: out, CJ_LOAD_DURATION_S: '1', CJ_LOAD_RATE: '5' });
  const livePort = new URL(live.url).port;
  // Every rule is unit-tested at plan time (test/unit/app/compare-to-plan.test.ts); here the bin's own exit.
  const cases: Array<[string, string[], RegExp]> = [
    ['the target itself', ['load', '--target', target.url, '--compare-to', `${target.url}/`, '--profile', 'smoke'], /--compare-to\): http:\/\/127\.0\.0\.1:\d+ is the target itself/],
    ['credentials', ['gate', '--mode', 'investigate', '--target', target.url, '--compare-to', `http://op:Live-Pw-9z@127.0.0.1:${livePort}`, '--profile', 'smoke'], /CJ_COMPARE_TO \(--compare-to\): must not carry credentials/],
    ['not http(s)', ['load', '--target', target.url, '--compare-to', live.url.replace('http:', 'ftp:'), '--profile', 'smoke'], /CJ_COMPARE_TO \(--compare-to\): must be an absolute http\(s\) URL/],
    ['closed engine', ['load', '--target', target.url, '--compare-to', live.url, '--profile', 'smoke', '--engine', 'closed'], /--compare-to \(CJ_COMPARE_TO\): only with the open engine/],
  ];
  for (const [what, [command, ...args], want] of cases) {
    const r = await runBin(command ?? 'load', args, env, 30_000);
    assert.equal(r.code, 64, `${what}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, want, what);
    assert.match(r.stderr, /nothing was run/, what);
    assert.ok(!r.stderr.includes('Live-Pw-9z') && !r.stdout.includes('Live-Pw-9z'), `${what}: no password echoed`);
  }
  assert.deepEqual(target.stats().requests, {}, 'nothing reached the target');
  assert.deepEqual(live.stats().requests, {}, 'nothing reached the live deployment');
});
