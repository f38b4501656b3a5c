import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { analyzeHistory, renderTrendPage, type TrendOptions } from './page.ts';
import type { ParsedHistory } from './read.ts';
import type { Regression } from './regressions.ts';
import { renderRegressionsText } from './text.ts';

export interface TrendRequest extends Omit<TrendOptions, 'warnings' | 'source'> {
  /** The history file (JSON lines). */
  history: string;
  /** Where trend.html goes (created when missing). */
  outDir: string;
}

export interface TrendOutput {
  /** Path of the page written. */
  page: string;
  /** The regressions as plain text, for stdout. */
  text: string;
  /** Lines of the history that were skipped, one warning each. */
  warnings: string[];
  /** Runs read from the history (0: the page says so, and the caller decides what that means). */
  runs: number;
  regressions: Regression[];
}

/** The I/O edge of the trend, from a history already read (a command checks it before writing anything): writes `<outDir>/trend.html`, returns the text list. */
export async function writeTrendOf({ entries, warnings }: ParsedHistory, req: TrendRequest): Promise<TrendOutput> {
  const { history: _history, outDir: _outDir, ...options } = req;
  const analysis = analyzeHistory(entries, options);
  const { runs, regressions } = analysis;
  const outDir = resolve(req.outDir);
  await mkdir(outDir, { recursive: true });
  const page = join(outDir, 'trend.html');
  await writeFile(page, renderTrendPage(entries, { ...options, warnings, source: resolve(req.history) }, analysis));
  return { page, text: renderRegressionsText(regressions, runs.length), warnings, runs: runs.length, regressions };
}
