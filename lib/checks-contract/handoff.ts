import { z } from 'zod';
import type { BrowserChoice } from '../browser.ts';
import { MODES, type Config } from '../config/index.ts';
import { GateError } from '../errors.ts';
import { THRESHOLDS, type ThresholdName, type ThresholdSet } from '../runbook/thresholds.ts';
import { readJson, writePrivate } from './private-file.ts';

/**
 * The config hand-off from the gate to `playwright test`: ONE document, written once by the gate after
 * it validated everything, read (and checked against this schema) by every Playwright process. It holds
 * no secret: the password reaches the checks by env (`CJ_PASSWORD`) only, so the file could be shown
 * to anyone; it still lives in the run's private auth dir (0700) with mode 0600.
 */
export const HANDOFF_ENV = 'CJ_CHECKS_RUN';
const SCHEMA_ID = 'jumpstart-gate/checks-run@1';

/** The settings the checks use: a subset of the gate's Config, secrets left out. */
export type ChecksConfig = Pick<
  Config,
  'baseUrl' | 'email' | 'expectedVersion' | 'mode' | 'withGeneration' | 'requestTimeoutMs' | 'syntheticClient' | 'chromiumPath' | 'outDir' | 'authDir' | 'thresholds'
> & { password?: string };

/** The browser as the gate resolved it (lib/browser.ts), or why there is none. */
export type BrowserHandoff = BrowserChoice | { error: string };

export interface ChecksHandoff {
  config: Omit<ChecksConfig, 'password'>;
  /** RB-09/10/11 run only when true (nightly runs skip generation unless --with-generation). */
  generation: boolean;
  /** Keep token.json after teardown: the gate reuses it for the load, then deletes the dir itself. */
  keepToken: boolean;
  browser: BrowserHandoff;
}

const threshold = z.object({ target: z.number().positive(), alert: z.number().positive() });
const thresholdsSchema = z.object(Object.fromEntries(Object.keys(THRESHOLDS).map((k) => [k, threshold])) as Record<ThresholdName, typeof threshold>);
const absolute = z.string().regex(/^\//, 'must be an absolute path');

const handoffSchema = z.object({
  schema: z.literal(SCHEMA_ID),
  config: z.object({
    baseUrl: z.string().url(),
    email: z.string().min(1).optional(),
    expectedVersion: z.string().min(1).optional(),
    mode: z.enum(MODES),
    withGeneration: z.boolean(),
    requestTimeoutMs: z.number().positive(),
    syntheticClient: z.string().min(1),
    chromiumPath: z.string().min(1).optional(),
    outDir: absolute,
    authDir: absolute,
    thresholds: thresholdsSchema,
  }),
  generation: z.boolean(),
  keepToken: z.boolean(),
  browser: z.union([
    z.object({ kind: z.enum(['playwright', 'system']), executablePath: z.string().min(1), args: z.array(z.string()), describe: z.string() }),
    z.object({ error: z.string() }),
  ]),
});

/** Written by the gate before it spawns Playwright. */
export function writeHandoff(path: string, handoff: ChecksHandoff): void {
  writePrivate(path, { schema: SCHEMA_ID, ...handoff });
}

/** Read by each Playwright process. Throws GateError('CONFIG') naming every problem of the document. */
export function readHandoff(path: string): ChecksHandoff {
  const parsed = handoffSchema.safeParse(readJson(path));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${HANDOFF_ENV} (${path}) ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new GateError('CONFIG', `the gate's hand-off document is missing or invalid (${problems.length} problem(s))`, problems);
  }
  const { schema: _schema, config, ...rest } = parsed.data;
  const thresholds = {} as ThresholdSet;
  for (const name of Object.keys(THRESHOLDS) as ThresholdName[]) thresholds[name] = { ...THRESHOLDS[name], ...config.thresholds[name] };
  return { ...rest, config: { ...config, thresholds } };
}
