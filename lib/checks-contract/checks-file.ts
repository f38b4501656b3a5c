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

/** `<outDir>/checks.json`: written by the checks' reporter, read by the gate, one schema for both. */
const checksFileSchema = z.object({
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  browser: z.string().optional(),
  mode: z.string().optional(),
  /** Playwright's overall status: passed, failed, timedout, interrupted. */
  runStatus: z.string().optional(),
  /** What global teardown deleted and could not delete. */
  cleanup: z.object({ deleted: z.array(z.string()), problems: z.array(z.string()) }).optional(),
  results: z.array(resultSchema),
});

/** The document as the reporter writes it. */
export type ChecksFileDoc = z.input<typeof checksFileSchema>;

export interface ChecksFile {
  browser?: string;
  cleanup?: { deleted: string[]; problems: string[] };
  results: CheckResult[];
}

/** The writer's side: the same schema the reader applies, so a document the gate would reject is never written. */
export function renderChecksFile(doc: ChecksFileDoc): string {
  return `${JSON.stringify(checksFileSchema.parse(doc), null, 2)}\n`;
}

function toResult({ measured, source: _source, ...result }: z.output<typeof resultSchema>): CheckResult {
  // A null measurement is "nothing measured", not zero.
  return { ...result, ...(typeof measured === 'number' ? { measured } : {}), source: 'checks' };
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
  const out: ChecksFile = { results: parsed.data.results.map(toResult) };
  if (parsed.data.browser !== undefined) out.browser = parsed.data.browser;
  if (parsed.data.cleanup !== undefined) out.cleanup = parsed.data.cleanup;
  return out;
}
