import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { renderJUnit } from '../../../lib/report/junit.ts';
import type { CheckResult } from '../../../lib/verdict/types.ts';
import { ROOT } from '../../support/gate.ts';

const results: CheckResult[] = [
  { id: 'RB-01', title: 'RB-01 health endpoint', severity: 'critical', status: 'pass', source: 'checks', durationMs: 12 },
  { id: 'RB-14', title: 'RB-14 API latency p95 under load (post-deploy)', severity: 'major', status: 'pass', measured: 41.5, unit: 'ms', threshold: 'target < 200 ms, alert > 500 ms', source: 'load' },
  { id: 'RB-16', title: 'RB-16 database query latency p95 under load (post-deploy)', severity: 'minor', status: 'fail', measured: 812.25, unit: 'ms', threshold: 'target < 50 ms, alert > 200 ms', source: 'load' },
  { id: 'RB-12', title: 'RB-12 dashboard page load', severity: 'minor', status: 'warn', measured: 2500, unit: 'ms', threshold: 'target < 2000 ms, alert > 5000 ms', source: 'checks' },
  { id: 'RB-09', title: 'RB-09 generate 30 posts', severity: 'major', status: 'skip', message: 'nightly: no generation', source: 'checks' },
  { id: 'RB-07', title: 'RB-07 dashboard login', severity: 'critical', status: 'error', message: 'no browser', source: 'gate' },
];

/** Errors of `xml` against Jenkins' junit-10.xsd exactly as shipped (empty = valid). */
async function unmodifiedSchemaErrors(xml: string): Promise<string[]> {
  const xsd = await readFile(join(ROOT, 'test/fixtures/junit-10.xsd'), 'utf8');
  const res = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [{ fileName: 'junit-10.xsd', contents: xsd }] });
  return res.valid ? [] : res.errors.map((e) => e.rawMessage);
}

test('strict: validates against the unmodified junit-10.xsd; the default, with its properties, does not', async () => {
  assert.deepEqual(await unmodifiedSchemaErrors(renderJUnit(results, { strict: true, timestamp: new Date('2026-12-01T02:00:00Z') })), []);
  const errors = await unmodifiedSchemaErrors(renderJUnit(results));
  assert.ok(errors.some((e) => /properties/.test(e)), `the default is rejected for its testcase properties: ${errors.join('; ')}`);
});

test('strict leaves out only the per-testcase properties; measured vs threshold stays readable', () => {
  const strict = renderJUnit(results, { strict: true });
  assert.doesNotMatch(strict, /<propert/);
  assert.match(strict, /<failure message="measured 812.25 ms vs target &lt; 50 ms, alert > 200 ms" type="minor">/);
  assert.match(strict, /name="RB-14[^"]*"[^>]*>\s*<system-out><!\[CDATA\[measured 41.5 ms vs target < 200 ms, alert > 500 ms\]\]><\/system-out>/);
  assert.match(strict, /<system-out><!\[CDATA\[warning: measured 2500 ms vs target < 2000 ms, alert > 5000 ms/);
  assert.match(strict, /<skipped\/>/);
  assert.match(strict, /<error message="no browser" type="error">/);
  assert.equal(renderJUnit(results, { strict: false }), renderJUnit(results), 'the default keeps its properties');
  assert.match(renderJUnit(results), /<property name="measured" value="41.5 ms"\/>/);
});
