import jrb from 'junit-report-builder';
import type { Builder, TestCase } from 'junit-report-builder';
import type { CheckResult } from '../verdict/types.ts';
import { formatMeasured, junitSeconds, measuredVsThreshold, uniqueTitles } from './format.ts';

// The package's d.ts declares an ES default export but ships `module.exports = builder` (MEASUREMENT.md).
const root = jrb as unknown as Builder;

export interface JUnitOptions {
  /** Name of the <testsuites> element. */
  name?: string;
  /** When the run started; junit-report-builder writes it as local time without a zone. */
  timestamp?: Date;
  /**
   * Leave out the per-testcase <properties>, which the unmodified junit-10.xsd (Jenkins xUnit)
   * rejects; a passed measurement then keeps its value in <system-out>. Default false.
   */
  strict?: boolean;
}

const SUITES: Record<CheckResult['source'], string> = {
  checks: 'runbook checks (Playwright)',
  load: 'load',
  gate: 'gate',
  watch: 'watch window',
};

/** CDATA cannot hold "]]>"; xmlbuilder would throw on it. */
function cdataSafe(text: string): string {
  return text.replace(/]]>/g, ']] >');
}

function addProperties(tc: TestCase, r: CheckResult): void {
  tc.property('id', r.id).property('severity', r.severity).property('status', r.status);
  const measured = formatMeasured(r);
  if (measured !== undefined) tc.property('measured', measured);
  if (r.threshold) tc.property('threshold', r.threshold);
}

function addCase(tc: TestCase, r: CheckResult, strict: boolean): void {
  if (!strict) addProperties(tc, r);
  const summary = measuredVsThreshold(r);
  const detail = cdataSafe([summary, r.message && r.message !== summary ? r.message : undefined].filter(Boolean).join('\n'));
  switch (r.status) {
    case 'fail':
      tc.failure(summary, r.severity).stacktrace(detail);
      break;
    case 'error':
      tc.error(r.message ?? 'could not be evaluated', 'error', detail);
      break;
    case 'skip':
      tc.skipped();
      if (r.message) tc.standardOutput(cdataSafe(`skipped: ${r.message}`));
      break;
    case 'warn':
      // A warning passes (DESIGN.md) but must stay visible to JUnit readers.
      if (!strict) tc.property('warning', summary);
      tc.standardOutput(cdataSafe(`warning: ${detail}`));
      break;
    case 'pass': {
      const out = strict && r.measured !== undefined ? detail : r.message;
      if (out) tc.standardOutput(cdataSafe(out));
      break;
    }
  }
}

/**
 * Pure: one JUnit document for every result. One testcase per CheckResult (names unique, the id
 * first), one testsuite per producer; failure message = measured vs threshold; properties carry
 * id, severity, status, measured, threshold (and warning for warn), unless `strict`; skip =
 * <skipped/>; error = <error>.
 */
export function renderJUnit(results: readonly CheckResult[], options: JUnitOptions = {}): string {
  const builder = root.newBuilder();
  builder.name(options.name ?? 'jumpstart-gate');
  const names = uniqueTitles(results);
  const sources = [...new Set(results.map((r) => r.source))];
  for (const source of sources) {
    const suite = builder.testSuite().name(SUITES[source]);
    if (options.timestamp) suite.timestamp(options.timestamp);
    let suiteMs = 0;
    results.forEach((r, i) => {
      if (r.source !== source) return;
      suiteMs += r.durationMs ?? 0;
      const tc = suite.testCase().className(`jumpstart-gate.${source}`).name(names[i] ?? r.title).time(junitSeconds(r.durationMs));
      addCase(tc, r, options.strict === true);
    });
    suite.time(junitSeconds(suiteMs));
  }
  const totalMs = results.reduce((sum, r) => sum + (r.durationMs ?? 0), 0);
  return fixRoot(builder.build(), junitSeconds(totalMs));
}

/**
 * junit-report-builder puts `skipped` on <testsuites>, which junit-10.xsd does not allow there
 * (the per-suite counts keep it), and writes no total time; fix the root tag only.
 */
function fixRoot(xml: string, seconds: number): string {
  return xml.replace(/<testsuites\b[^>]*>/, (tag) => tag.replace(/\sskipped="\d+"/, '').replace(/\/?>$/, (end) => ` time="${seconds}"${end}`));
}
