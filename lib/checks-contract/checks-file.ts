import { z } from 'zod';
import type { CheckResult } from '../verdict/types.ts';

const resultSchema = z.object({
  id: z.string().regex(/^RB-\d{2}$/, 'must be an RB id such as RB-07'),
  title: z.string().min(1),
  severity: z.enum(['critical', 'major', 'minor']),
  status: z.enum(['pass', 'warn', 'fail', 'skip', 'error']),
  measured: z.number().nullable().optional(),
  unit: z.string().optional(),
  threshold: z.string().optional(),
  message: z.string().optional(),
  durationMs: z.number().nonnegative().optional(),
  source: z.string().optional(),
});

/** `<outDir>/checks.json`, as the Playwright checks write it. */
const checksFileSchema = z.object({
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  browser: z.string().optional(),
  results: z.array(resultSchema),
});

export interface ChecksFile {
  browser?: string;
  results: CheckResult[];
}

/**
 * Pure: validates the checks' report. Throws an Error naming every problem; the caller turns that
 * into `error` results (a report we cannot read is missing evidence, never a pass).
 */
export function parseChecksFile(text: string): ChecksFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`checks.json is not JSON: ${(e as Error).message}`);
  }
  const parsed = checksFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`checks.json does not have the expected shape: ${problems.join('; ')}`);
  }
  const results = parsed.data.results.map((r): CheckResult => {
    const out: CheckResult = { id: r.id, title: r.title, severity: r.severity, status: r.status, source: 'checks' };
    // A null measurement is "nothing measured", not zero.
    if (typeof r.measured === 'number') out.measured = r.measured;
    if (r.unit !== undefined) out.unit = r.unit;
    if (r.threshold !== undefined) out.threshold = r.threshold;
    if (r.message !== undefined) out.message = r.message;
    if (r.durationMs !== undefined) out.durationMs = r.durationMs;
    return out;
  });
  return parsed.data.browser !== undefined ? { browser: parsed.data.browser, results } : { results };
}
