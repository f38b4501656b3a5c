import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldReasons, sharedCauses } from '../../../lib/report/causes.ts';
import { buildVerdictDocument } from '../../../lib/report/document.ts';
import { renderRollbackNotice } from '../../../lib/report/rollback.ts';
import { renderSummary, renderTable } from '../../../lib/report/summary.ts';
import { CATALOG } from '../../../lib/runbook/catalog.ts';
import { decideVerdict } from '../../../lib/verdict/decide.ts';
import type { CheckResult } from '../../../lib/verdict/types.ts';

const NO_BROWSER =
  "no Chromium found: looked at CHROMIUM_PATH (unset), Playwright's browser (not installed) and /usr/bin/chromium, /usr/lib/chromium/chromium, /usr/bin/chromium-browser. Install one (apt-get install chromium, or npx playwright install chromium) or set CHROMIUM_PATH.";
const BROWSER = ['RB-07', 'RB-08', 'RB-09', 'RB-10', 'RB-11', 'RB-12', 'RB-13'];

function result(id: string, status: CheckResult['status'], message?: string): CheckResult {
  const e = CATALOG.find((c) => c.id === id);
  assert.ok(e, id);
  return { id, title: `${id} ${e.title}`, severity: e.severity, status, source: 'checks', ...(message ? { message } : {}) };
}

function doc(results: CheckResult[], browser?: string) {
  return buildVerdictDocument({ command: 'gate', results, ...(browser ? { browser } : {}), decision: decideVerdict(results), target: 'https://cj.example.com', mode: 'post-deploy', reportedVersion: '1.4.3', startedAt: new Date('2026-01-09T14:00:00Z'), finishedAt: new Date('2026-01-09T14:03:30Z') });
}

/** The gate's outcome with no browser: API checks and load pass, the seven browser checks error alike. */
const noBrowser = CATALOG.filter((c) => c.id !== 'RB-17').map((c) => (BROWSER.includes(c.id) ? result(c.id, 'error', `not evaluated: no browser: ${NO_BROWSER}`) : result(c.id, 'pass', 'ok')));

const count = (text: string, needle: string) => text.split(needle).length - 1;

test('no browser: summary.md writes the "no Chromium found" text once, with the seven checks it hit', () => {
  const md = renderSummary(doc(noBrowser, `none: ${NO_BROWSER}`));
  assert.equal(count(md, 'no Chromium found'), 1, md);
  assert.match(md, /\nBrowser: none \(cause 1\)\n/);
  assert.match(md, /\*\*Why\*\*\n\n- RB-07, RB-08, RB-09, RB-10, RB-11, RB-12, RB-13 could not be evaluated: cause 1\n/);
  assert.match(md, /- \*\*cause 1\*\* \(RB-07, RB-08, RB-09, RB-10, RB-11, RB-12, RB-13\): not evaluated: no browser: no Chromium found: .* or set CHROMIUM_PATH\.\n/);
  assert.equal(count(md, '| 💥 error |  |  | cause 1 |'), 7, 'each row refers to the cause');
  assert.match(md, /\*\*Could not be evaluated\*\*\n\n- RB-07, RB-08, RB-09, RB-10, RB-11, RB-12, RB-13: cause 1\n/);
});

test('no browser: the terminal table writes it once too, below the rows, and the verdict line refers to it', () => {
  const t = renderTable(doc(noBrowser));
  assert.equal(count(t, 'no Chromium found'), 1, t);
  assert.match(t, /^cause 1 \(RB-07, RB-08, RB-09, RB-10, RB-11, RB-12, RB-13\): not evaluated: no browser: no Chromium found: .*or set CHROMIUM_PATH\.$/m);
  assert.equal(t.split('\n').filter((l) => /ERROR\s+cause 1$/.test(l)).length, 7);
  assert.match(t, /verdict: INCONCLUSIVE \(exit 3\) — RB-07, RB-08, RB-09, RB-10, RB-11, RB-12, RB-13 could not be evaluated: cause 1$/);
});

test('the rollback notice, read on its own, names a shared cause once with its message', () => {
  const cut = 'GET https://cj.example.com/api/auth/login: connection refused: nothing listens at cj.example.com:443 (ECONNREFUSED)';
  const d = doc([result('RB-01', 'pass', 'ok'), result('RB-04', 'fail', cut), result('RB-07', 'fail', cut), result('RB-05', 'fail', 'HTTP 503')]);
  const n = renderRollbackNotice(d);
  assert.equal(count(n, 'connection refused'), 1, n);
  assert.match(n, /due to RB-04, RB-07 failed: GET .*\(ECONNREFUSED\); RB-05 database connection \(critical\) failed: HTTP 503\./);
});

test('unique messages are left as they were; a cause shared with a non-reason check is referred to, not repeated', () => {
  const unique = doc([result('RB-05', 'fail', 'HTTP 503'), result('RB-06', 'fail', 'debug on')]);
  assert.deepEqual(sharedCauses(unique.checks), []);
  assert.deepEqual(foldReasons(unique.reasons, unique.checks, []), unique.reasons);
  const mixed = doc([result('RB-05', 'fail', 'target down'), result('RB-12', 'fail', 'target down'), result('RB-14', 'skip', 'not run: target down')]);
  const causes = sharedCauses(mixed.checks);
  assert.deepEqual(causes, [{ n: 1, message: 'target down', ids: ['RB-05', 'RB-12'] }]);
  assert.deepEqual(foldReasons(mixed.reasons, mixed.checks, causes), ['RB-05 database connection (critical) failed: cause 1'], 'one reason: its title stays');
  const md = renderSummary(mixed);
  const notice = /```\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
  assert.equal(count(notice, 'target down'), 1, 'the paste-ready notice stands on its own');
  assert.equal(count(md.replace(notice, ''), 'target down'), 2, 'elsewhere: the cause once, plus the unrelated skip message');
});
