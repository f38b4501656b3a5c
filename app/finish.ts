import { resolve } from 'node:path';
import { buildVerdictDocument, type VerdictDocument } from '../lib/report/document.ts';
import { renderRollbackNotice } from '../lib/report/rollback.ts';
import { scrubText } from '../lib/scrub/index.ts';
import { renderTable } from '../lib/report/summary.ts';
import { sweepSecrets } from '../lib/scrub/index.ts';
import { postWebhook, webhookPayload } from '../lib/report/webhook.ts';
import { writeReports, type WrittenReports } from '../lib/report/write.ts';
import { decideVerdict, type Decision } from '../lib/verdict/decide.ts';
import type { CheckResult } from '../lib/verdict/types.ts';

/** What every gating command reports under (from its validated plan). */
export interface ReportSettings {
  command: VerdictDocument['command'];
  outDir: string;
  target: string;
  mode: string;
  expectedVersion?: string;
  notifyWebhook?: string;
  requestTimeoutMs: number;
}

export interface FinishInput {
  settings: ReportSettings;
  results: readonly CheckResult[];
  startedAt: Date;
  reportedVersion?: string;
  browser?: string;
  secrets: readonly string[];
  /** The signal that cancelled the run, if one did. */
  cancelled?: string;
  /** $GITHUB_STEP_SUMMARY, when set. */
  stepSummaryPath?: string;
  log: (line: string) => void;
}

export interface FinishOutput {
  doc: VerdictDocument;
  reports: WrittenReports;
  exitCode: number;
}

/** Pure: a cancelled run proves nothing either way: inconclusive, whatever it saw before the signal. */
function decide(results: readonly CheckResult[], cancelled: string | undefined): Decision {
  const decision = decideVerdict(results);
  if (cancelled === undefined) return decision;
  return { ...decision, verdict: 'inconclusive', reasons: [`cancelled by ${cancelled}`, ...decision.reasons] };
}

/**
 * The end of every gating command: decide, notify on rollback (never changing the verdict), write
 * every registered report, sweep the out dir for secrets, print the table.
 */
export async function finishRun(input: FinishInput): Promise<FinishOutput> {
  const { settings } = input;
  const doc = buildVerdictDocument({
    command: settings.command,
    results: input.results,
    decision: decide(input.results, input.cancelled),
    target: settings.target,
    mode: settings.mode,
    ...(input.reportedVersion !== undefined ? { reportedVersion: input.reportedVersion } : {}),
    ...(settings.expectedVersion !== undefined ? { expectedVersion: settings.expectedVersion } : {}),
    ...(input.browser !== undefined ? { browser: input.browser } : {}),
    ...(input.cancelled !== undefined ? { cancelled: input.cancelled } : {}),
    startedAt: input.startedAt,
    finishedAt: new Date(),
  });
  const outDir = resolve(settings.outDir);
  let notify: string | undefined;
  if (doc.verdict === 'rollback' && settings.notifyWebhook) {
    const text = scrubText(renderRollbackNotice(doc), input.secrets);
    const outcome = await postWebhook(settings.notifyWebhook, webhookPayload(text, `Reports: ${outDir}`), settings.requestTimeoutMs);
    notify = scrubText(outcome.detail, input.secrets);
    input.log(notify);
  }
  const reports = await writeReports({
    outDir,
    report: { doc, results: input.results, extras: { reportsDir: outDir, ...(notify ? { notify } : {}) } },
    secrets: input.secrets,
    ...(input.stepSummaryPath ? { stepSummaryPath: input.stepSummaryPath } : {}),
  });
  const swept = await sweepSecrets(outDir, input.secrets);
  if (swept.length > 0) input.log(`scrubbed secrets from ${swept.length} file(s) under ${outDir}`);
  input.log('');
  input.log(scrubText(renderTable(doc), input.secrets));
  input.log(`reports: ${Object.values(reports).map((r) => r.path).join(', ')}`);
  return { doc, reports, exitCode: doc.exitCode };
}
