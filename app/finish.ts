import { resolve } from 'node:path';
import type { Config } from '../lib/config/index.ts';
import { buildVerdictDocument, type VerdictDocument } from '../lib/report/document.ts';
import { renderRollbackNotice } from '../lib/report/rollback.ts';
import { scrubText } from '../lib/report/scrub.ts';
import { renderTable } from '../lib/report/summary.ts';
import { sweepSecrets } from '../lib/report/sweep.ts';
import { postWebhook, webhookPayload } from '../lib/report/webhook.ts';
import { writeReports, type WrittenReports } from '../lib/report/write.ts';
import { decideVerdict } from '../lib/verdict/decide.ts';
import type { CheckResult } from '../lib/verdict/types.ts';

export interface FinishInput {
  command: VerdictDocument['command'];
  config: Config;
  results: readonly CheckResult[];
  startedAt: Date;
  reportedVersion?: string;
  browser?: string;
  secrets: readonly string[];
  /** $GITHUB_STEP_SUMMARY, when set. */
  stepSummaryPath?: string;
  log: (line: string) => void;
}

export interface FinishOutput {
  doc: VerdictDocument;
  reports: WrittenReports;
  exitCode: number;
}

/**
 * Steps 3–5, shared by gate and watch: decide, notify on rollback (never changing the verdict),
 * write junit.xml / verdict.json / summary.md, sweep the out dir for secrets, print the table.
 */
export async function finishRun(input: FinishInput): Promise<FinishOutput> {
  const { config } = input;
  const decision = decideVerdict(input.results);
  const doc = buildVerdictDocument({
    command: input.command,
    results: input.results,
    decision,
    target: config.baseUrl,
    mode: input.command === 'watch' ? 'watch' : config.mode,
    ...(input.reportedVersion !== undefined ? { reportedVersion: input.reportedVersion } : {}),
    ...(config.expectedVersion !== undefined ? { expectedVersion: config.expectedVersion } : {}),
    ...(input.browser !== undefined ? { browser: input.browser } : {}),
    startedAt: input.startedAt,
    finishedAt: new Date(),
  });
  const outDir = resolve(config.outDir);
  let notify: string | undefined;
  if (doc.verdict === 'rollback' && config.notifyWebhook) {
    const text = scrubText(renderRollbackNotice(doc), input.secrets);
    const outcome = await postWebhook(config.notifyWebhook, webhookPayload(text, `Reports: ${outDir}`), config.requestTimeoutMs);
    notify = scrubText(outcome.detail, input.secrets);
    input.log(notify);
  }
  const reports = await writeReports({
    outDir,
    results: input.results,
    doc,
    secrets: input.secrets,
    extras: { reportsDir: outDir, ...(notify ? { notify } : {}) },
    ...(input.stepSummaryPath ? { stepSummaryPath: input.stepSummaryPath } : {}),
  });
  const swept = await sweepSecrets(outDir, input.secrets);
  if (swept.length > 0) input.log(`scrubbed secrets from ${swept.length} file(s) under ${outDir}`);
  input.log('');
  input.log(scrubText(renderTable(doc), input.secrets));
  input.log(`reports: ${reports.junit}, ${reports.verdict}, ${reports.summary}`);
  return { doc, reports, exitCode: doc.exitCode };
}
