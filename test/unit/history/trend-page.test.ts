import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toHistoryLine, type HistoryLine } from '../../../lib/history/line.ts';
import { renderTrendPage } from '../../../lib/history/page.ts';
import { readHistory } from '../../../lib/history/read.ts';
import { writeTrendOf } from '../../../lib/history/trend.ts';
import { runDoc, steadyNights } from './runs.ts';

function history(): HistoryLine[] {
  const nights = steadyNights(12);
  for (const n of nights.slice(6)) n.version = '1.4.3';
  nights.at(-1)!.generationS = 64;
  nights[4]!.db = 'fail';
  return nights.map((n) => toHistoryLine(runDoc(n)));
}

/** The <figure> of one check, by its title. */
function figure(html: string, title: string): string {
  const at = html.indexOf(`<figcaption>${title}`);
  assert.ok(at > 0, `a chart for ${title}`);
  return html.slice(html.lastIndexOf('<figure', at), html.indexOf('</figure>', at));
}

test('one self-contained page: no script, no external reference', () => {
  const html = renderTrendPage(history());
  assert.match(html, /^<!doctype html>/);
  assert.doesNotMatch(html, /<script|<link|src=|https?:\/\/(?!app\.example\.com)/);
});

test('a chart per measured check, with its values, target and alert lines, status markers and version change', () => {
  const html = renderTrendPage(history());
  const rb14 = figure(html, 'RB-14 API latency p95 under load (nightly) (ms)');
  assert.match(rb14, /data-id="RB-14"/);
  assert.equal((rb14.match(/<circle class="marker status-pass"/g) ?? []).length, 12, 'one marker per run');
  assert.match(rb14, /class="limit target"/);
  assert.match(rb14, /class="limit alert"/);
  assert.equal((rb14.match(/class="version-change"/g) ?? []).length, 1);
  assert.match(rb14, />1\.4\.3<\/text>/);
  const rb12 = figure(html, 'RB-12 dashboard page load (ms)');
  assert.match(rb12, /class="limit target"/);
  assert.match(rb12, /class="limit alert"/);
  assert.ok(!html.includes('<figcaption>RB-05'), 'no chart for a check that measures nothing');
  assert.match(html, /<tr><th>RB-05 database connection<\/th>(<td[^>]*><\/td>){12}<\/tr>/, 'its statuses as a strip instead');
  assert.match(html, /status-fail" style="background:#c92a2a" title="run 5: fail"/);
});

test('an alert far above the values and the target is named, not drawn, so the values stay readable', () => {
  const doc = runDoc({ at: 0 });
  doc.checks.push({ id: 'RB-16', title: 'RB-16 database query latency p95 under load (nightly)', severity: 'minor', status: 'pass', measured: 9, unit: 'ms', threshold: 'target < 50 ms, alert > 200 ms', target: 50, alert: 200, source: 'load' });
  const rb16 = figure(renderTrendPage([toHistoryLine(doc)]), 'RB-16 database query latency p95 under load (nightly) (ms)');
  assert.match(rb16, /class="limit target"/);
  assert.doesNotMatch(rb16, /class="limit alert"/);
  assert.match(rb16, /alert 200 ms is above this range/);
});

test('the regressions come first on the page; a history without them says so', () => {
  const html = renderTrendPage(history());
  const section = html.slice(html.indexOf('<section id="regressions">'), html.indexOf('</section>', html.indexOf('<section id="regressions">')));
  assert.ok(html.indexOf('id="regressions"') < html.indexOf('id="charts"'));
  assert.match(section, /<li class="regression jump" data-id="RB-09">RB-09 generate 30 posts: 64 s in run 12/);
  const quiet = renderTrendPage(steadyNights(6).map((n) => toHistoryLine(runDoc(n))));
  assert.match(quiet, /<p class="none">No regressions in 6 runs\.<\/p>/);
  assert.match(renderTrendPage([]), /No regressions in 0 runs[\s\S]*No measured values in these runs/);
});

test('--last shows the last N runs, still judging regressions on the whole history', () => {
  const html = renderTrendPage(history(), { last: 3 });
  const rb09 = figure(html, 'RB-09 generate 30 posts (s)');
  assert.equal((rb09.match(/<circle /g) ?? []).length, 3);
  assert.match(html, /runs 10–12 of 12/);
  assert.match(html, /data-id="RB-09">RB-09 generate 30 posts: 64 s in run 12, far above the median [\d.]+ s of its previous 10 runs/);
});

test('titles and versions are escaped', () => {
  const doc = runDoc({ at: 0, apiP95Ms: 5, version: '<b>1</b>' });
  doc.checks.push({ id: 'RB-13', title: 'RB-13 <script>alert(1)</script>', severity: 'major', status: 'fail', measured: 2, unit: 'errors', threshold: '0', source: 'checks' });
  const html = renderTrendPage([toHistoryLine(doc), toHistoryLine({ ...doc, reportedVersion: '2' })]);
  assert.ok(!html.includes('<script>') && !html.includes('<b>1</b>'));
  assert.ok(html.includes('RB-13 &lt;script&gt;alert(1)&lt;/script&gt;'));
});

test('readHistory then writeTrendOf: writes trend.html and returns the same list as text, with skipped lines', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'trend-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'history.jsonl');
  await writeFile(file, history().map((l) => JSON.stringify(l)).join('\n') + '\nnot json\n');
  const req = { history: file, outDir: join(dir, 'out') };
  const out = await writeTrendOf(await readHistory(file), req);
  assert.equal(out.page, join(dir, 'out', 'trend.html'));
  assert.equal(out.runs, 12);
  assert.deepEqual(out.regressions.map((r) => r.id), ['RB-09']);
  assert.match(out.text, /^1 regression in 12 runs:\n- RB-09 generate 30 posts: 64 s in run 12/);
  assert.equal(out.warnings.length, 1);
  const html = await readFile(out.page, 'utf8');
  assert.match(html, /<section id="skipped">[\s\S]*line 13: skipped, not JSON/);
});
