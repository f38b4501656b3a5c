import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunReport } from './output.ts';
import { reportOutputs } from './registry.ts';
import { scrubText, scrubValue } from '../scrub/index.ts';

export interface WriteInput {
  outDir: string;
  report: RunReport;
  /** Passwords, tokens, webhook URL: replaced by *** in every file. */
  secrets: readonly string[];
  /** $GITHUB_STEP_SUMMARY, when set. */
  stepSummaryPath?: string;
}

/** File name → path written, and the scrubbed text of each (for printing). */
export type WrittenReports = Record<string, { path: string; text: string }>;

/**
 * The I/O edge of reporting: every registered format, rendered from the scrubbed report and scrubbed
 * again as text (a secret can hide in a rendered form), then written under the out dir.
 */
export async function writeReports(input: WriteInput): Promise<WrittenReports> {
  await mkdir(input.outDir, { recursive: true });
  const report = scrubValue(input.report, input.secrets);
  const written: WrittenReports = {};
  for (const output of await reportOutputs()) {
    const text = scrubText(output.render(report), input.secrets);
    const path = join(input.outDir, output.file);
    await writeFile(path, text);
    written[output.file] = { path, text };
    if (output.stepSummary && input.stepSummaryPath) await appendFile(input.stepSummaryPath, `${text}\n`);
  }
  return written;
}
