/**
 * Filing a finished run beyond its out dir: its line in the history and its metrics on a Pushgateway.
 * Neither may cost the run its verdict: every failure comes back as a warning.
 */
import { appendHistory } from '../lib/history/index.ts';
import type { VerdictDocument } from '../lib/report/document.ts';
import { renderMetrics } from '../lib/report/metrics.ts';
import { pushMetrics } from '../lib/report/pushgateway.ts';
import { scrubText, scrubValue } from '../lib/scrub/index.ts';

/**
 * A cancelled run is followed by CI's SIGKILL a few seconds later (README "CI templates"): its push
 * gets at most this long, so the reports written after it are not lost to a slow Pushgateway.
 */
const CANCELLED_PUSH_MS = 1500;

export interface Filed {
  /** Said on stdout. */
  notes: string[];
  /** Said on stderr and in summary.md; the verdict stands. */
  warnings: string[];
}

export interface PushRequest {
  url: string;
  doc: VerdictDocument;
  secrets: readonly string[];
  timeoutMs: number;
  cancelled: boolean;
}

/** metrics.prom's text exactly as the writer scrubs it, pushed to the group of the run's target and mode. */
export async function pushRun(req: PushRequest): Promise<Filed> {
  const doc = scrubValue(req.doc, req.secrets);
  const text = scrubText(renderMetrics(doc), req.secrets);
  const timeoutMs = req.cancelled ? Math.min(req.timeoutMs, CANCELLED_PUSH_MS) : req.timeoutMs;
  // The grouping key repeats the target and mode labels of every series: it must hold the same values.
  const out = await pushMetrics(req.url, text, { grouping: { target: doc.target, mode: doc.mode }, timeoutMs });
  const said = scrubText(out.ok ? out.detail : out.warning, req.secrets);
  return out.ok ? { notes: [said], warnings: [] } : { notes: [], warnings: [said] };
}

/** The run's line appended to the history file (scrubbed by appendHistory). */
export async function fileHistory(path: string, doc: VerdictDocument, secrets: readonly string[]): Promise<Filed> {
  const out = await appendHistory(path, doc, secrets);
  if (out.ok) return { notes: [`history: this run appended to ${out.path}`], warnings: [] };
  return { notes: [], warnings: [scrubText(out.warning, secrets)] };
}
