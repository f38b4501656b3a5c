import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderJUnit } from '../../../lib/report/junit.ts';
import type { CheckResult } from '../../../lib/verdict/types.ts';
import { junitSchemaErrors } from '../../support/gate.ts';

const results: CheckResult[] = [
  { id: 'RB-01', title: 'RB-01 health endpoint', severity: 'critical', status: 'pass', source: 'checks', durationMs: 12.3456 },
  { id: 'RB-14', title: 'RB-14 API latency p95 under load (post-deploy)', severity: 'major', status: 'fail', measured: 812.25, unit: 'ms', threshold: 'target < 200 ms, alert > 500 ms', message: 'p95 over all routes 812.25 ms: above alert ]]> <&>', source: 'load', durationMs: 1e-7 },
  { id: 'RB-12', title: 'RB-12 dashboard page load', severity: 'minor', status: 'warn', measured: 2500, unit: 'ms', threshold: 'target < 2000 ms, alert > 5000 ms', source: 'checks', durationMs: 2600 },
  { id: 'RB-09', title: 'RB-09 generate 30 posts', severity: 'major', status: 'skip', message: 'nightly: no generation', source: 'checks' },
  { id: 'RB-07', title: 'RB-07 dashboard login', severity: 'critical', status: 'error', message: 'no browser', source: 'gate' },
  { id: 'RB-07', title: 'RB-07 dashboard login', severity: 'critical', status: 'error', message: 'again', source: 'gate' },
];

test('renderJUnit output validates against junit-10.xsd', async () => {
  const xml = renderJUnit(results, { timestamp: new Date('2026-01-09T10:00:00Z') });
  assert.deepEqual(await junitSchemaErrors(xml), []);
  assert.deepEqual(await junitSchemaErrors(renderJUnit([])), []);
});

test('the validator is real: a broken document is rejected', async () => {
  const xml = renderJUnit(results).replace('<skipped/>', '<skipped/><bogus/>');
  assert.ok((await junitSchemaErrors(xml)).length > 0);
});

test('one testcase per result, names unique and starting with the id', () => {
  const xml = renderJUnit(results);
  const names = [...xml.matchAll(/<testcase [^>]*name="([^"]+)"/g)].map((m) => m[1] ?? '');
  assert.equal(names.length, results.length);
  assert.equal(new Set(names).size, names.length, `unique: ${names.join(' | ')}`);
  for (const n of names) assert.match(n, /^RB-\d{2} /);
  assert.ok(names.includes('RB-07 dashboard login (2)'));
});

test('failure message is measured vs threshold; properties carry measured, threshold, severity, status', () => {
  const xml = renderJUnit(results);
  const rb14 = xml.slice(xml.indexOf('name="RB-14'), xml.indexOf('</testcase>', xml.indexOf('name="RB-14')));
  assert.match(rb14, /<failure message="measured 812.25 ms vs target &lt; 200 ms, alert > 500 ms" type="major">/);
  for (const p of ['name="measured" value="812.25 ms"', 'name="threshold" value="target &lt; 200 ms, alert > 500 ms"', 'name="severity" value="major"', 'name="status" value="fail"']) {
    assert.ok(rb14.includes(p), `has ${p}`);
  }
  assert.ok(rb14.includes(']] >'), 'CDATA terminator defused');
});

test('warn passes with a warning property and system-out; skip is <skipped/>; error is <error>', () => {
  const xml = renderJUnit(results);
  const rb12 = xml.slice(xml.indexOf('name="RB-12'), xml.indexOf('</testcase>', xml.indexOf('name="RB-12')));
  assert.doesNotMatch(rb12, /<failure|<error|<skipped/);
  assert.match(rb12, /name="warning" value="measured 2500 ms vs target &lt; 2000 ms, alert > 5000 ms"/);
  assert.match(rb12, /<system-out><!\[CDATA\[warning: /);
  assert.match(xml, /name="RB-09 generate 30 posts"[^>]*>[\s\S]*?<skipped\/>/);
  assert.match(xml, /name="RB-07 dashboard login"[^>]*>[\s\S]*?<error message="no browser" type="error">/);
});

test('time is a rounded plain decimal, never exponent notation; counts add up', () => {
  const xml = renderJUnit(results);
  const times = [...xml.matchAll(/ time="([^"]*)"/g)].map((m) => m[1] ?? '');
  for (const t of times) assert.match(t, /^\d+(\.\d{1,3})?$/, `time ${t}`);
  assert.match(xml, /name="RB-01 health endpoint" time="0.012"/);
  assert.match(xml, /<testsuites name="jumpstart-gate" tests="6" failures="1" errors="2"/);
});
