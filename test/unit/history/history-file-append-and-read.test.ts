import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendHistory, historyPathProblem } from '../../../lib/history/append.ts';
import { HISTORY_FORMAT, toHistoryLine } from '../../../lib/history/line.ts';
import { parseHistory, readHistory } from '../../../lib/history/read.ts';
import { GateError } from '../../../lib/errors.ts';
import { runDoc, steadyNights } from './runs.ts';

async function tempDir(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'history-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test('two runs appended leave two lines, each a whole run with thresholds as numbers', async (t) => {
  const file = join(await tempDir(t), 'nested', 'history.jsonl');
  const [a, b] = steadyNights(2).map(runDoc);
  assert.ok(a && b);
  const rollback = { ...b, verdict: 'rollback' as const, exitCode: 2 };
  assert.equal((await appendHistory(file, a)).ok, true);
  assert.equal((await appendHistory(file, rollback)).ok, true, 'written whatever the verdict');
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n');
  assert.equal(lines.length, 3, 'two lines and the final newline');
  assert.equal(lines[2], '');
  const first = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
  assert.equal(first.format, HISTORY_FORMAT);
  for (const k of ['time', 'startedAt', 'target', 'version', 'mode', 'verdict', 'exitCode', 'durationMs', 'results']) assert.ok(k in first, `has ${k}`);
  const { entries, warnings } = await readHistory(file);
  assert.deepEqual(warnings, []);
  assert.deepEqual(entries.map((e) => e.verdict), ['promote', 'rollback']);
  const rb14 = entries[0]?.results.find((r) => r.id === 'RB-14');
  assert.deepEqual(rb14 && { target: rb14.target, alert: rb14.alert, unit: rb14.unit, threshold: rb14.threshold }, { target: 200, alert: 500, unit: 'ms', threshold: 'target < 200 ms, alert > 500 ms' });
  assert.equal(rb14?.measured, a.checks.find((c) => c.id === 'RB-14')?.measured);
  assert.equal(entries[0]?.time, a.finishedAt);
  assert.equal(entries[0]?.version, '1.4.2');
});

test('concurrent appends through separate descriptors never interleave or lose a line', async (t) => {
  const file = join(await tempDir(t), 'history.jsonl');
  // Lines of ~40 KB (well past PIPE_BUF and a page), written from the thread pool at once.
  const big = runDoc({ at: 0, apiP95Ms: 12 });
  big.checks.push(...Array.from({ length: 300 }, (_, i) => ({ id: 'RB-13', title: `RB-13 no unexpected errors ${i} ${'x'.repeat(100)}`, severity: 'major' as const, status: 'pass' as const, source: 'checks' as const })));
  const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => appendHistory(file, { ...big, durationMs: i })));
  assert.ok(outcomes.every((o) => o.ok));
  const { entries, warnings } = parseHistory(await readFile(file, 'utf8'));
  assert.deepEqual(warnings, []);
  assert.deepEqual(entries.map((e) => e.durationMs).sort((x, y) => x - y), Array.from({ length: 40 }, (_, i) => i));
});

test('corrupt, foreign and future lines are skipped with a warning naming the line; the rest is read', () => {
  const good = JSON.stringify(toHistoryLine(runDoc({ at: 0, apiP95Ms: 10 })));
  const text = [
    good,
    '{"format":"jumpstart-gate/history@1","time":"2026-11-0', // cut short by a crash
    '{"level":"info","msg":"some other tool"}',
    '[1,2,3]',
    JSON.stringify({ ...JSON.parse(good), format: 'jumpstart-gate/history@2' }),
    JSON.stringify({ ...JSON.parse(good), verdict: 'maybe' }),
    '',
    '   ',
    good + '\r',
  ].join('\n');
  const { entries, warnings } = parseHistory(text, 'h.jsonl');
  assert.equal(entries.length, 2);
  assert.equal(warnings.length, 5, warnings.join('\n'));
  assert.match(warnings[0] ?? '', /^h\.jsonl line 2: skipped, not JSON/);
  assert.match(warnings[1] ?? '', /line 3: skipped, not a jumpstart-gate history line/);
  assert.match(warnings[2] ?? '', /line 4: skipped, not a JSON object/);
  assert.match(warnings[3] ?? '', /line 5: skipped, format jumpstart-gate\/history@2 is not jumpstart-gate\/history@1/);
  assert.match(warnings[4] ?? '', /line 6: skipped, malformed: verdict/);
});

test('a file whose last line was cut short gets a newline first, so the new line stays readable', async (t) => {
  const file = join(await tempDir(t), 'history.jsonl');
  await writeFile(file, JSON.stringify(toHistoryLine(runDoc({ at: 0 }))) + '\n{"format":"jumpstart-gate/hist');
  assert.equal((await appendHistory(file, runDoc({ at: 1440 }))).ok, true);
  const { entries, warnings } = await readHistory(file);
  assert.equal(entries.length, 2);
  assert.equal(warnings.length, 1);
});

test('a history that cannot be written is a warning, never a throw; bad paths are named up front', async (t) => {
  const dir = await tempDir(t);
  const outcome = await appendHistory(dir, runDoc({ at: 0 }));
  assert.equal(outcome.ok, false);
  assert.match(outcome.ok ? '' : outcome.warning, /could not append this run: EISDIR/);
  assert.match((await historyPathProblem(dir)) ?? '', /is a directory/);
  await writeFile(join(dir, 'file'), 'x');
  assert.match((await historyPathProblem(join(dir, 'file', 'h.jsonl'))) ?? '', /is not a directory/);
  assert.equal(await historyPathProblem(join(dir, 'new', 'deeper', 'h.jsonl')), undefined);
  await mkdir(join(dir, 'ro'));
  await chmod(join(dir, 'ro'), 0o500);
  if (process.getuid?.() !== 0) assert.match((await historyPathProblem(join(dir, 'ro', 'h.jsonl'))) ?? '', /not writable/);
});

test('a missing history file is a configuration error naming the file', async (t) => {
  const file = join(await tempDir(t), 'none.jsonl');
  await assert.rejects(readHistory(file), (e: unknown) => e instanceof GateError && e.code === 'CONFIG' && e.message.includes(file) && e.message.includes('does not exist'));
});

test('secrets never reach the history', async (t) => {
  const file = join(await tempDir(t), 'history.jsonl');
  const doc = runDoc({ at: 0 });
  const secret = 'Sup3r-Secret-Pw';
  doc.checks[0] = { ...doc.checks[0]!, title: `RB-05 database connection ${secret}` };
  await appendHistory(file, { ...doc, target: `https://app.example.com/?t=${secret}` }, [secret]);
  const text = await readFile(file, 'utf8');
  assert.ok(!text.includes(secret));
  assert.match(text, /\*\*\*/);
});
