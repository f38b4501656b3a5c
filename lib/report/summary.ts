import { causeOf, foldReasons, sharedCauses, type SharedCause } from './causes.ts';
import { formatMeasured } from './format.ts';
import type { VerdictCheck, VerdictDocument } from './document.ts';
import { renderRollbackNotice } from './rollback.ts';

const ICON: Record<VerdictDocument['verdict'], string> = {
  promote: '✅',
  hold: '⛔',
  rollback: '🚨',
  inconclusive: '❔',
};

const STATUS: Record<VerdictCheck['status'], string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '❌ fail',
  skip: '⏭️ skip',
  error: '💥 error',
};

/** Markdown table cells cannot hold pipes or newlines. */
function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim();
}

/** A check's detail: its message, or "cause N" when the message is shared with other checks. */
function detail(c: VerdictCheck, causes: readonly SharedCause[]): string | undefined {
  const cause = causeOf(c, causes);
  return cause ? `cause ${cause.n}` : c.message;
}

/** A bullet per check; checks of one shared cause share one bullet. */
function list(title: string, checks: readonly VerdictCheck[], causes: readonly SharedCause[]): string[] {
  if (checks.length === 0) return [];
  const bullets: string[] = [];
  for (const c of checks) {
    const cause = causeOf(c, causes);
    if (!cause) bullets.push(`- ${c.title} (${c.severity})${c.message ? `: ${cell(c.message)}` : ''}`);
    else if (checks.find((o) => causeOf(o, causes) === cause) === c) {
      const hit = checks.filter((o) => causeOf(o, causes) === cause);
      bullets.push(hit.length === 1 ? `- ${c.title} (${c.severity}): cause ${cause.n}` : `- ${hit.map((o) => o.id).join(', ')}: cause ${cause.n}`);
    }
  }
  return [`**${title}**`, '', ...bullets, ''];
}

/** "none: <why>" where the why is already a shared cause: refer to it instead of repeating it. */
function browserLine(browser: string, causes: readonly SharedCause[]): string {
  const why = browser.startsWith('none: ') ? browser.slice('none: '.length) : undefined;
  const cause = why ? causes.find((c) => c.message.includes(why)) : undefined;
  return cause ? `none (cause ${cause.n})` : browser;
}

function causesSection(causes: readonly SharedCause[]): string[] {
  if (causes.length === 0) return [];
  return ['**Causes shared by several checks**', '', ...causes.map((c) => `- **cause ${c.n}** (${c.ids.join(', ')}): ${cell(c.message)}`), ''];
}

export interface SummaryExtras {
  /** Where the reports are, for the reader. */
  reportsDir?: string;
  /** Outcome of --notify-webhook, when one was given. */
  notify?: string;
  /** The load's own lines: response time beside service time and the generator's lag, the comparison with live. */
  load?: readonly string[];
  /** What could not be filed (history, Pushgateway): each a warning that leaves the verdict as it is. */
  warnings?: readonly string[];
}

/**
 * Pure: summary.md, the page a human reads first (also appended to $GITHUB_STEP_SUMMARY).
 * On rollback it carries the runbook's notice, filled in, in a code block ready to paste.
 */
export function renderSummary(doc: VerdictDocument, extras: SummaryExtras = {}): string {
  const lines = [
    `## ${ICON[doc.verdict]} Release gate: **${doc.verdict.toUpperCase()}** (exit ${doc.exitCode})`,
    '',
    `Target \`${doc.target}\` · version ${doc.reportedVersion !== undefined ? `\`${doc.reportedVersion}\`` : 'not reported'}${doc.expectedVersion ? ` (expected \`${doc.expectedVersion}\`)` : ''} · ${doc.command === doc.mode ? doc.command : `${doc.command} ${doc.mode}`} · ${doc.startedAt} · ${(doc.durationMs / 1000).toFixed(1)} s`,
    '',
  ];
  const causes = sharedCauses(doc.checks);
  const reasons = foldReasons(doc.reasons, doc.checks, causes);
  if (reasons.length > 0) lines.push('**Why**', '', ...reasons.map((r) => `- ${cell(r)}`), '');
  lines.push(...causesSection(causes));
  if (doc.verdict === 'rollback') lines.push('**Rollback notice** (paste into #incidents-content-jumpstart)', '', '```', renderRollbackNotice(doc), '```', '');
  if (extras.notify) lines.push(`Notification: ${cell(extras.notify)}`, '');
  if (extras.warnings?.length) lines.push('**Not filed** (the verdict stands)', '', ...extras.warnings.map((w) => `- ${cell(w)}`), '');
  lines.push('| Check | Severity | Status | Measured | Threshold | Detail |', '|---|---|---|---|---|---|');
  for (const c of doc.checks) {
    lines.push(`| ${cell(c.title)} | ${c.severity} | ${STATUS[c.status]} | ${cell(formatMeasured(c))} | ${cell(c.threshold)} | ${cell(detail(c, causes))} |`);
  }
  lines.push('');
  lines.push(...list('Warnings', doc.checks.filter((c) => c.status === 'warn'), causes));
  lines.push(...list('Minor failures (reported, not blocking)', doc.checks.filter((c) => c.status === 'fail' && c.severity === 'minor'), causes));
  lines.push(...list('Could not be evaluated', doc.checks.filter((c) => c.status === 'error'), causes));
  if (extras.load?.length) lines.push('**Load**', '', ...extras.load.map((l) => `- ${cell(l)}`), '');
  if (doc.browser) lines.push(`Browser: ${browserLine(doc.browser, causes)}`, '');
  if (extras.reportsDir) lines.push(`Reports: \`${extras.reportsDir}\``, '');
  return lines.join('\n');
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 3)}...` : s);

/** Pure: the plain-text table printed on the terminal at the end of a run; shared causes once, below it. */
export function renderTable(doc: VerdictDocument): string {
  const causes = sharedCauses(doc.checks);
  const rows = doc.checks.map((c) => [c.title.slice(0, 60), c.severity, c.status.toUpperCase(), formatMeasured(c) ?? '', c.status === 'pass' ? '' : (detail(c, causes) ?? '').slice(0, 80)]);
  const head = ['check', 'severity', 'status', 'measured', 'detail'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) => r.map((v, i) => pad(v, widths[i] ?? 0)).join('  ').trimEnd();
  const out = [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)];
  if (causes.length > 0) out.push('', ...causes.map((c) => `cause ${c.n} (${c.ids.join(', ')}): ${cut(c.message, 600)}`));
  const reasons = foldReasons(doc.reasons, doc.checks, causes);
  const shown = reasons.slice(0, 3).map((r) => cut(r, 160));
  const more = reasons.length > shown.length ? ` (+${reasons.length - shown.length} more in summary.md)` : '';
  out.push('', `verdict: ${doc.verdict.toUpperCase()} (exit ${doc.exitCode})${shown.length ? ` — ${shown.join('; ')}${more}` : ''}`);
  return out.join('\n');
}
