/**
 * `jumpstart-gate trend` through the one pipeline: trend.html and the regressions on stdout (newest
 * first), skipped lines as warnings on stderr, 64 for bad flags or a history it cannot use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { trendCommand } from '../../../app/commands/trend.ts';
import { runCommand } from '../../../app/run-command.ts';
import { toHistoryLine } from '../../../lib/history/line.ts';
import { scratch } from '../../support/checks.ts';
import { captureIO as io } from '../../support/command.ts';
import { runDoc, steadyNights } from './runs.ts';

/** Twelve nights: RB-14 turned to warn in night 8 and stayed; RB-09's generation time jumps in the last one. */
function nights(): string {
  const specs = steadyNights(12);
  for (const n of specs.slice(7)) n.apiP95Ms = 240;
  specs.at(-1)!.generationS = 62;
  specs.at(-1)!.version = '1.4.3';
  return specs.map((s) => JSON.stringify(toHistoryLine(runDoc(s)))).join('\n') + '\n';
}

test('a history where generation time jumps in the last run: that regression first on stdout and on the page, exit 0', async (t) => {
  const dir = scratch(t, 'trend-command-');
  const history = join(dir, 'history.jsonl');
  await writeFile(history, nights());
  const x = io();
  const code = await runCommand(trendCommand, ['--history', history, '--out', join(dir, 'out')], x);
  assert.equal(code, 0, x.stderr());
  const lines = x.stdout().split('\n');
  assert.equal(lines[0], '3 regressions in 12 runs:');
  assert.match(lines[1] ?? '', /^- RB-09 generate 30 posts: 62 s in run 12, far above the median [\d.]+ s of its previous 10 runs \(robust z [\d.]+\); since run 12 \(2026-11-12 02:01 UTC, version 1\.4\.3\)$/);
  assert.match(lines[2] ?? '', /^- RB-14 API latency p95 under load \(nightly\): warn since run 8 /);
  assert.match(lines[3] ?? '', /^- RB-14 API latency p95 under load \(nightly\): 240 ms in run 12, far above .*; since run 8 /);
  assert.equal(lines.at(-2), `trend page: ${join(dir, 'out', 'trend.html')}`);
  assert.equal(x.stderr(), '', 'no warnings');
  const html = await readFile(join(dir, 'out', 'trend.html'), 'utf8');
  const section = html.slice(html.indexOf('<section id="regressions">'), html.indexOf('</section>', html.indexOf('<section id="regressions">')));
  assert.ok(html.indexOf('<section id="regressions">') < html.indexOf('<section id="charts">'), 'the regressions come before the charts');
  assert.deepEqual([...section.matchAll(/data-id="(RB-\d+)"/g)].map((m) => m[1]), ['RB-09', 'RB-14', 'RB-14'], 'the same list, in the same order');
});

test('--last N charts the last N runs; skipped lines are warnings on stderr, listed on the page; CJ_HISTORY works', async (t) => {
  const dir = scratch(t, 'trend-command-');
  const history = join(dir, 'history.jsonl');
  await writeFile(history, `${nights()}{"not":"ours"}\nnot json at all\n`);
  const x = io({ CJ_HISTORY: history, CJ_OUT_DIR: join(dir, 'reports') });
  assert.equal(await runCommand(trendCommand, ['--last', '3'], x), 0, x.stderr());
  assert.match(x.stdout(), /^3 regressions in 12 runs:/, 'judged on the whole history');
  assert.match(x.stderr(), /^warning: .*history\.jsonl line 13: skipped, not a jumpstart-gate history line/m);
  assert.match(x.stderr(), /^warning: .*line 14: skipped, not JSON/m);
  const html = await readFile(join(dir, 'reports', 'trend.html'), 'utf8');
  assert.match(html, /runs 10–12 of 12/);
  assert.match(html, /<section id="skipped">/);
});

test('an empty history is a page saying so (exit 0); a file with no history line at all is not a history (64, nothing written)', async (t) => {
  const dir = scratch(t, 'trend-command-');
  const empty = join(dir, 'empty.jsonl');
  await writeFile(empty, '');
  const x = io();
  assert.equal(await runCommand(trendCommand, ['--history', empty, '--out', join(dir, 'a')], x), 0, x.stderr());
  assert.match(x.stdout(), /^No runs in the history: nothing to compare\.$/m);
  assert.match(await readFile(join(dir, 'a', 'trend.html'), 'utf8'), /no runs/);

  const verdict = join(dir, 'verdict.json');
  await writeFile(verdict, JSON.stringify({ verdict: 'promote', checks: [] }, null, 2));
  const y = io();
  assert.equal(await runCommand(trendCommand, ['--history', verdict, '--out', join(dir, 'b')], y), 64);
  assert.match(y.stderr(), /--history: .*verdict\.json holds no jumpstart-gate history line \(4 skipped; the first: .*line 1: skipped, not JSON/);
  assert.deepEqual((await readdir(dir)).sort(), ['a', 'empty.jsonl', 'verdict.json'], 'no out dir made, no page');
});

test('bad flags and an unusable history: 64 listing every problem at once', async (t) => {
  const dir = scratch(t, 'trend-command-');
  const x = io();
  assert.equal(await runCommand(trendCommand, ['--history', join(dir, 'missing.jsonl'), '--last', '0', '--bogus'], x), 64);
  assert.match(x.stderr(), /trend: 3 problem\(s\), nothing was run:/);
  assert.match(x.stderr(), /unknown flag --bogus/);
  assert.match(x.stderr(), /--last: must be a whole number of runs from 1 to 1000000, got "0"/);
  assert.match(x.stderr(), /--history \(CJ_HISTORY\): history file .*missing\.jsonl does not exist/);
  const y = io();
  assert.equal(await runCommand(trendCommand, [], y), 64);
  assert.match(y.stderr(), /--history \(CJ_HISTORY\): is required/);
  await mkdir(join(dir, 'a-dir'));
  const z = io();
  assert.equal(await runCommand(trendCommand, ['--history', join(dir, 'a-dir'), '--last', '1e3'], z), 64);
  assert.match(z.stderr(), /a-dir is a directory/);
  assert.match(z.stderr(), /got "1e3"/);
  const history = join(dir, 'h.jsonl');
  await writeFile(history, nights());
  await writeFile(join(dir, 'file'), 'x');
  const w = io();
  assert.equal(await runCommand(trendCommand, ['--history', history, '--out', join(dir, 'file')], w), 64);
  assert.match(w.stderr(), /--out \(CJ_OUT_DIR\): .*file exists and is not a directory/);
});
