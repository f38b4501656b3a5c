import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeLabelValue, renderMetrics } from '../../../lib/report/metrics.ts';
import { groupUrl } from '../../../lib/report/pushgateway.ts';
import { buildVerdictDocument, type VerdictDocument } from '../../../lib/report/document.ts';
import { decideVerdict } from '../../../lib/verdict/decide.ts';
import type { CheckResult } from '../../../lib/verdict/types.ts';

const results: CheckResult[] = [
  { id: 'RB-01', title: 'RB-01 health endpoint', severity: 'critical', status: 'pass', source: 'checks' },
  { id: 'RB-14', title: 'RB-14 API latency p95 under load (post-deploy)', severity: 'major', status: 'warn', measured: 212.5, unit: 'ms', threshold: 'target < 200 ms, alert > 500 ms', source: 'load' },
  { id: 'RB-15', title: 'RB-15 error rate under load (post-deploy)', severity: 'major', status: 'pass', measured: 0, unit: '%', threshold: 'target < 0.1 %, alert > 1 %', source: 'load' },
  { id: 'RB-15', title: 'RB-15 5xx share under load (post-deploy)', severity: 'critical', status: 'pass', measured: 0, unit: '%', threshold: 'rollback > 10 %', source: 'load' },
  { id: 'RB-16', title: 'RB-16 database query latency p95 under load (post-deploy)', severity: 'minor', status: 'error', unit: 'ms', threshold: 'target < 50 ms, alert > 200 ms', message: 'no samples', source: 'load' },
  { id: 'RB-07', title: 'RB-07 dashboard "login" \\ path\nsecond line', severity: 'critical', status: 'error', source: 'gate' },
  { id: 'RB-07', title: 'RB-07 dashboard "login" \\ path\nsecond line', severity: 'critical', status: 'error', source: 'gate' },
  { id: 'RB-12', title: 'RB-12 dashboard page load', severity: 'minor', status: 'fail', measured: Number.NaN, unit: 'ms', threshold: 'target < 2000 ms, alert > 5000 ms', source: 'checks' },
];

function doc(): VerdictDocument {
  return buildVerdictDocument({
    command: 'gate',
    results,
    decision: decideVerdict(results),
    target: 'https://green.example.com/app',
    mode: 'post-deploy',
    reportedVersion: '1.4.3',
    startedAt: new Date('2026-12-01T02:00:00Z'),
    finishedAt: new Date('2026-12-01T02:03:20.5Z'),
  });
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*)\} (\S+)$/;

/** A strict reading of the text format: HELP and TYPE once per family, before its samples. */
function parse(text: string): Array<{ name: string; labels: string; value: number }> {
  assert.ok(text.endsWith('\n') && !text.includes('\r'));
  const samples: Array<{ name: string; labels: string; value: number }> = [];
  const declared = new Map<string, Set<string>>();
  for (const line of text.slice(0, -1).split('\n')) {
    const meta = /^# (HELP|TYPE) (\S+) (.+)$/.exec(line);
    if (meta) {
      const [, kind = '', name = ''] = meta;
      assert.match(name, NAME);
      assert.ok(!samples.some((s) => s.name === name), `${kind} of ${name} before its samples`);
      const seen = declared.get(name) ?? new Set();
      assert.ok(!seen.has(kind), `one ${kind} for ${name}`);
      declared.set(name, seen.add(kind));
      if (kind === 'TYPE') assert.equal(meta[3], 'gauge');
      continue;
    }
    const m = SAMPLE.exec(line);
    assert.ok(m, `a valid sample line: ${line}`);
    const [, name = '', labels = '', value = ''] = m;
    assert.ok(declared.get(name)?.has('HELP') && declared.get(name)?.has('TYPE'), `${name} declared`);
    assert.ok(Number.isFinite(Number(value)), `a finite value: ${line}`);
    samples.push({ name, labels, value: Number(value) });
  }
  return samples;
}

test('valid text exposition: jumpstart_gate_ names, HELP/TYPE once, no timestamps, no duplicate series', () => {
  const samples = parse(renderMetrics(doc()));
  for (const s of samples) assert.match(s.name, /^jumpstart_gate_/);
  const keys = samples.map((s) => `${s.name}{${s.labels}}`);
  assert.equal(new Set(keys).size, keys.length, 'no duplicate series');
  for (const s of samples) assert.match(s.labels, /^target="https:\/\/green\.example\.com\/app",mode="post-deploy"(,|$)/);
});

test('the measured value, status, thresholds of each result by RB id; the verdict, duration and end time', () => {
  const text = renderMetrics(doc());
  assert.ok(text.includes('jumpstart_gate_check_measured{target="https://green.example.com/app",mode="post-deploy",id="RB-14",check="RB-14 API latency p95 under load (post-deploy)",unit="ms"} 212.5\n'));
  assert.ok(text.includes('id="RB-14",check="RB-14 API latency p95 under load (post-deploy)",severity="major",status="warn"} 1\n'));
  assert.ok(text.includes('id="RB-14",check="RB-14 API latency p95 under load (post-deploy)",severity="major",status="pass"} 0\n'));
  assert.match(text, /jumpstart_gate_check_target\{[^}]*id="RB-14"[^}]*\} 200\n/);
  assert.match(text, /jumpstart_gate_check_alert\{[^}]*id="RB-14"[^}]*\} 500\n/);
  assert.match(text, /jumpstart_gate_check_alert\{[^}]*check="RB-15 5xx share under load \(post-deploy\)"[^}]*\} 10\n/);
  assert.match(text, /jumpstart_gate_verdict\{[^}]*verdict="inconclusive"\} 1\n/);
  assert.match(text, /jumpstart_gate_verdict\{[^}]*verdict="promote"\} 0\n/);
  assert.match(text, /jumpstart_gate_exit_code\{[^}]*\} 3\n/, 'errors and no blocking failure: inconclusive');
  assert.match(text, /jumpstart_gate_run_duration_seconds\{[^}]*\} 200\.5\n/);
  assert.match(text, /jumpstart_gate_run_end_timestamp_seconds\{[^}]*\} 1796090600\.5\n/);
  assert.match(text, /jumpstart_gate_run_info\{[^}]*command="gate",version="1\.4\.3"\} 1\n/);
});

test('missing evidence is no sample, never a number', () => {
  const text = renderMetrics(doc());
  assert.doesNotMatch(text, /jumpstart_gate_check_measured\{[^}]*id="RB-16"/);
  assert.doesNotMatch(text, /jumpstart_gate_check_measured\{[^}]*id="RB-12"/, 'NaN measured');
  assert.doesNotMatch(text, /NaN|Inf/);
  assert.match(text, /id="RB-16"[^}]*status="error"\} 1/);
});

test('label values escape backslash, quote and newline; duplicate titles get unique check labels', () => {
  assert.equal(escapeLabelValue('a\\b"c\nd'), 'a\\\\b\\"c\\nd');
  const text = renderMetrics(doc());
  assert.ok(text.includes('check="RB-07 dashboard \\"login\\" \\\\ path\\nsecond line",severity="critical",status="error"} 1'));
  assert.ok(text.includes('check="RB-07 dashboard \\"login\\" \\\\ path\\nsecond line (2)",severity="critical",status="error"} 1'));
});

test('grouping key: plain values as is, URLs and empty values in the @base64 form, credentials never in the URL', () => {
  const url = groupUrl('http://user:pw@pgw.example:9091/prefix/', 'jumpstart_gate', { target: 'https://green.example.com/app', mode: 'post-deploy', empty: '' });
  assert.equal(url.href, `http://pgw.example:9091/prefix/metrics/job/jumpstart_gate/target@base64/${Buffer.from('https://green.example.com/app').toString('base64url')}/mode/post-deploy/empty@base64/=`);
  assert.equal(Buffer.from('aHR0cHM6Ly9ncmVlbi5leGFtcGxlLmNvbS9hcHA', 'base64url').toString(), 'https://green.example.com/app');
});
