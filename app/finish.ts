import { resolve } from 'node:path';
import type { JUnitStyle } from '../lib/config/index.ts';
import { buildVerdictDocument, type VerdictDocument } from '../lib/report/document.ts';
import { renderRollbackNotice } from '../lib/report/rollback.ts';
import { renderTable } from '../lib/report/summary.ts';
import { scrubText, sweepSecrets } from '../lib/scrub/index.ts';
import { postWebhook, webhookPayload } from '../lib/report/webhook.ts';
import { writeReports, type WrittenReports } from '../lib/report/write.ts';
import { decideVerdict, type Decision } from '../lib/verdict/decide.ts';
import type { CheckResult } from '../lib/verdict/types.ts';
import { fileHistory, pushRun, type Filed } from './file-run.ts';

/** What every gating command reports under (from its validated plan). */
export interface ReportSettings {
  command: VerdictDocument['command'];
  outDir: string;
  target: string;
  mode: string;
  expectedVersion?: string;
  notifyWebhook?: string;
  requestTimeoutMs: number;
  /** --history: the file this run's line is appended to, whatever the verdict. */
  history?: string;
  /** --pushgateway: where metrics.prom is pushed too. */
  pushgateway?: string;
  /** --junit: strict leaves out the per-testcase properties. */
  junit?: JUnitStyle;
}

export interface FinishInput {
  settings: ReportSettings;
  results: readonly CheckResult[];
  startedAt: Date;
  reportedVersion?: string;
  browser?: string;
  /** The load's lines for summary.md (timing, vs live). */
  loadLines?: readonly string[];
  secrets: readonly string[];
  /** The signal that cancelled the run, if one did. */
  cancelled?: string;
  /** The run's cancellation: a signal that comes while the run is filed cuts the filing short (FILING_GRACE_MS). */
  signal?: AbortSignal;
  /** $GITHUB_STEP_SUMMARY, when set. */
  stepSummaryPath?: string;
  log: (line: string) => void;
  /** Warnings that leave the verdict as it is (stderr). */
  warn: (line: string) => void;
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
 * After a signal, how long the webhook and the Pushgateway may still take before the reports are
 * written without their answer: CI's SIGKILL follows its first signal within seconds, and a slow
 * endpoint (each bounded only by --request-timeout-ms) must not cost the run its verdict.json.
 */
const FILING_GRACE_MS = 1500;

/** `work`'s outcome, or `late(why)` when a signal came and `work` was still not done FILING_GRACE_MS later. */
function beforeCut<T>(work: Promise<T>, signal: AbortSignal | undefined, late: (why: string) => T): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolvePromise, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = (): void => {
      const cause = (signal.reason as Error | undefined)?.message ?? 'cancelled';
      timer = setTimeout(() => resolvePromise(late(`no answer ${FILING_GRACE_MS / 1000} s after the signal (${cause})`)), FILING_GRACE_MS);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolvePromise, reject).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    });
  });
}

/** The rollback notice posted to the webhook, when the verdict is rollback and one is set; its outcome. */
async function notifyRollback(doc: VerdictDocument, input: FinishInput, outDir: string): Promise<string | undefined> {
  const { settings } = input;
  if (doc.verdict !== 'rollback' || !settings.notifyWebhook) return undefined;
  const text = scrubText(renderRollbackNotice(doc), input.secrets);
  const posting = postWebhook(settings.notifyWebhook, webhookPayload(text, `Reports: ${outDir}`), settings.requestTimeoutMs);
  const outcome = await beforeCut(posting, input.signal, (why) => ({ ok: false, detail: `could not post the rollback notice to the webhook: ${why}` }));
  const notify = scrubText(outcome.detail, input.secrets);
  input.log(notify);
  return notify;
}

/** The run filed beyond the out dir (Pushgateway and webhook at once, then the history): what was said. */
async function fileRun(doc: VerdictDocument, input: FinishInput, outDir: string): Promise<{ notify?: string; filed: Filed }> {
  const { settings, secrets } = input;
  const none: Filed = { notes: [], warnings: [] };
  const push = (url: string): Promise<Filed> => {
    const pushing = pushRun({ url, doc, secrets, timeoutMs: settings.requestTimeoutMs, cancelled: input.cancelled !== undefined });
    return beforeCut(pushing, input.signal, (why) => ({ notes: [], warnings: [`metrics not pushed to the Pushgateway: ${why}`] }));
  };
  const [notify, pushed] = await Promise.all([notifyRollback(doc, input, outDir), settings.pushgateway ? push(settings.pushgateway) : none]);
  const history = settings.history ? await fileHistory(settings.history, doc, secrets) : none;
  const filed = { notes: [...pushed.notes, ...history.notes], warnings: [...pushed.warnings, ...history.warnings] };
  for (const n of filed.notes) input.log(n);
  for (const w of filed.warnings) input.warn(`warning: ${w}`);
  return notify === undefined ? { filed } : { notify, filed };
}

/**
 * The end of every gating command: decide, notify on rollback and push the metrics (neither changing
 * the verdict), append the history line, write every registered report, sweep the out dir for
 * secrets, print the table.
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
  const { notify, filed } = await fileRun(doc, input, outDir);
  const extras = {
    reportsDir: outDir,
    ...(notify ? { notify } : {}),
    ...(filed.warnings.length > 0 ? { warnings: filed.warnings } : {}),
    ...(input.loadLines ? { load: input.loadLines } : {}),
  };
  const reports = await writeReports({
    outDir,
    report: { doc, results: input.results, extras, options: { junitStrict: settings.junit === 'strict' } },
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
