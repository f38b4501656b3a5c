/**
 * metrics.prom: the run in Prometheus' text exposition format (0.0.4), for node_exporter's textfile
 * collector and the Pushgateway. No sample timestamps (both reject them). HELP texts are constant:
 * a Pushgateway shows one HELP per name across all its groups, the first it was given. Every series
 * carries `target` and `mode`, the labels the Pushgateway groups by, so queries read the same either way.
 */
import type { CheckStatus, Verdict } from '../verdict/types.ts';
import type { VerdictCheck, VerdictDocument } from './document.ts';
import { uniqueTitles } from './format.ts';

const VERDICTS: readonly Verdict[] = ['promote', 'hold', 'rollback', 'inconclusive'];
const STATUSES: readonly CheckStatus[] = ['pass', 'warn', 'fail', 'skip', 'error'];

type Labels = Record<string, string>;
interface Sample {
  labels: Labels;
  value: number;
}
interface Family {
  name: string;
  help: string;
  samples: Sample[];
}

/** Label values escape backslash, double quote and newline (exposition format). */
export function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function value(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  return String(n);
}

function line(name: string, s: Sample): string {
  const labels = Object.entries(s.labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  return `${name}{${labels.join(',')}} ${value(s.value)}`;
}

function render(families: readonly Family[]): string {
  return families
    .filter((f) => f.samples.length > 0)
    .map((f) => [`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} gauge`, ...f.samples.map((s) => line(f.name, s))].join('\n'))
    .join('\n')
    .concat('\n');
}

function runFamilies(doc: VerdictDocument, run: Labels): Family[] {
  const seconds = (iso: string): number => Date.parse(iso) / 1000;
  return [
    { name: 'jumpstart_gate_run_info', help: 'Always 1; labels describe the run (command, reported version).', samples: [{ labels: { ...run, command: doc.command, version: doc.reportedVersion ?? '' }, value: 1 }] },
    { name: 'jumpstart_gate_verdict', help: 'The run verdict: 1 for the verdict given, 0 for the others.', samples: VERDICTS.map((v) => ({ labels: { ...run, verdict: v }, value: doc.verdict === v ? 1 : 0 })) },
    { name: 'jumpstart_gate_exit_code', help: 'Exit code of the run (0 promote, 1 hold, 2 rollback, 3 inconclusive).', samples: [{ labels: run, value: doc.exitCode }] },
    { name: 'jumpstart_gate_run_duration_seconds', help: 'Duration of the run in seconds.', samples: [{ labels: run, value: doc.durationMs / 1000 }] },
    { name: 'jumpstart_gate_run_start_timestamp_seconds', help: 'When the run started, in seconds since the Unix epoch.', samples: [{ labels: run, value: seconds(doc.startedAt) }] },
    { name: 'jumpstart_gate_run_end_timestamp_seconds', help: 'When the run ended, in seconds since the Unix epoch.', samples: [{ labels: run, value: seconds(doc.finishedAt) }] },
  ];
}

function checkFamilies(checks: readonly VerdictCheck[], run: Labels): Family[] {
  // Several results share an id (RB-15's two results, one load result per profile): the unique title tells them apart.
  const names = uniqueTitles(checks);
  const status: Sample[] = [];
  const measured: Sample[] = [];
  const target: Sample[] = [];
  const alert: Sample[] = [];
  checks.forEach((c, i) => {
    const key = { ...run, id: c.id, check: names[i] ?? c.title };
    for (const s of STATUSES) status.push({ labels: { ...key, severity: c.severity, status: s }, value: c.status === s ? 1 : 0 });
    const withUnit = { ...key, unit: c.unit ?? '' };
    // Missing evidence is no sample at all, never a number.
    if (c.measured !== undefined && Number.isFinite(c.measured)) measured.push({ labels: withUnit, value: c.measured });
    if (c.target !== undefined) target.push({ labels: withUnit, value: c.target });
    if (c.alert !== undefined) alert.push({ labels: withUnit, value: c.alert });
  });
  return [
    { name: 'jumpstart_gate_check_status', help: 'Status of a runbook check: 1 for its status, 0 for the others.', samples: status },
    { name: 'jumpstart_gate_check_measured', help: 'Measured value of a runbook check, in the unit of its unit label.', samples: measured },
    { name: 'jumpstart_gate_check_target', help: 'Target of a runbook check: good strictly below, in the unit of its unit label.', samples: target },
    { name: 'jumpstart_gate_check_alert', help: 'Alert threshold of a runbook check: fails strictly above, in the unit of its unit label.', samples: alert },
  ];
}

/** Pure: the run as Prometheus text exposition (every series a gauge, names jumpstart_gate_*). */
export function renderMetrics(doc: VerdictDocument): string {
  const run = { target: doc.target, mode: doc.mode };
  return render([...runFamilies(doc, run), ...checkFamilies(doc.checks, run)]);
}
