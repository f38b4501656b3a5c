import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { GateError } from '../errors.ts';
import { HISTORY_FORMAT, type HistoryLine } from './line.ts';

const resultSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  severity: z.enum(['critical', 'major', 'minor']),
  status: z.enum(['pass', 'warn', 'fail', 'skip', 'error']),
  measured: z.number().optional(),
  unit: z.string().optional(),
  threshold: z.string().optional(),
  target: z.number().optional(),
  alert: z.number().optional(),
});

const lineSchema = z.object({
  format: z.literal(HISTORY_FORMAT),
  time: z.iso.datetime({ offset: true }),
  startedAt: z.string(),
  target: z.string(),
  version: z.string().nullable(),
  expectedVersion: z.string().optional(),
  mode: z.string(),
  command: z.string(),
  verdict: z.enum(['promote', 'hold', 'rollback', 'inconclusive']),
  exitCode: z.number().int(),
  durationMs: z.number(),
  results: z.array(resultSchema),
});

export interface ParsedHistory {
  entries: HistoryLine[];
  /** One line per skipped line, naming the line number and why. */
  warnings: string[];
}

const FAMILY = HISTORY_FORMAT.slice(0, HISTORY_FORMAT.indexOf('@') + 1);

/** The run a parsed JSON value holds (fields this version does not know are dropped), or why not. */
function toEntry(value: unknown): HistoryLine | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const format = (value as { format?: unknown }).format;
  if (typeof format !== 'string' || !format.startsWith(FAMILY)) return 'not a jumpstart-gate history line (no format field)';
  if (format !== HISTORY_FORMAT) return `format ${format} is not ${HISTORY_FORMAT}, the one this version reads`;
  const parsed = lineSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `malformed: ${issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'invalid'}`;
}

/**
 * Pure: the runs in a history file's text, in file order. A corrupt, foreign or future-format line
 * is skipped with a warning, never fatal: one bad night must not cost the whole history. Blank lines
 * are skipped silently.
 */
export function parseHistory(text: string, source = 'history'): ParsedHistory {
  const entries: HistoryLine[] = [];
  const warnings: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      warnings.push(`${source} line ${i + 1}: skipped, not JSON (${line.length > 40 ? `${line.slice(0, 40)}…` : line})`);
      return;
    }
    const entry = toEntry(value);
    if (typeof entry === 'string') warnings.push(`${source} line ${i + 1}: skipped, ${entry}`);
    else entries.push(entry);
  });
  return { entries, warnings };
}

/** Reads a history file. A missing or unreadable file is a GateError (CONFIG): the caller named it. */
export async function readHistory(path: string): Promise<ParsedHistory> {
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? String(err)})`;
    throw new GateError('CONFIG', `history file ${file} ${why}`);
  }
  return parseHistory(text, file);
}
