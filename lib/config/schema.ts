import { z } from 'zod';
import { THRESHOLDS, type ThresholdName } from '../runbook/thresholds.ts';
import { RULES, parseBounded, type NumberRule } from './bounds.ts';

/**
 * Every setting of the suite, with the env variable and flag that set it.
 * Flags win over env. Secrets come only from env (never a flag: flags end up in shell history and CI logs).
 */
export const FIELDS = {
  baseUrl: { env: 'CJ_BASE_URL', flag: '--target', secret: false },
  email: { env: 'CJ_EMAIL', flag: undefined, secret: false },
  password: { env: 'CJ_PASSWORD', flag: undefined, secret: true },
  expectedVersion: { env: 'CJ_EXPECTED_VERSION', flag: '--expected-version', secret: false },
  mode: { env: 'CJ_MODE', flag: '--mode', secret: false },
  outDir: { env: 'CJ_OUT_DIR', flag: '--out', secret: false },
  requestTimeoutMs: { env: 'CJ_REQUEST_TIMEOUT_MS', flag: '--request-timeout-ms', secret: false },
  preflightTimeoutMs: { env: 'CJ_PREFLIGHT_TIMEOUT_MS', flag: '--preflight-timeout-ms', secret: false },
  chromiumPath: { env: 'CHROMIUM_PATH', flag: '--chromium-path', secret: false },
  syntheticClient: { env: 'CJ_SYNTHETIC_CLIENT', flag: '--synthetic-client', secret: false },
  withGeneration: { env: 'CJ_WITH_GENERATION', flag: '--with-generation', secret: false },
  loadProfile: { env: 'CJ_LOAD_PROFILE', flag: '--profile', secret: false },
  loadDurationS: { env: 'CJ_LOAD_DURATION_S', flag: '--duration', secret: false },
  loadRate: { env: 'CJ_LOAD_RATE', flag: '--rate', secret: false },
  rateCap: { env: 'CJ_RATE_CAP', flag: '--rate-cap', secret: false },
  allowRateLimited: { env: 'CJ_ALLOW_RATE_LIMITED', flag: '--allow-rate-limited', secret: false },
  notifyWebhook: { env: 'CJ_NOTIFY_WEBHOOK', flag: '--notify-webhook', secret: true },
  compareTo: { env: 'CJ_COMPARE_TO', flag: '--compare-to', secret: false },
  authDir: { env: 'CJ_AUTH_DIR', flag: undefined, secret: false },
} as const;

export type FieldName = keyof typeof FIELDS;

const httpUrl = z
  .string()
  .trim()
  .min(1, 'is required')
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL such as https://app.example.com')
  .transform((s) => s.replace(/\/+$/, ''));

/** No user or password in the URL: they would go to the deployment it names, and only the target gets a login. */
function withoutCredentials(s: string): boolean {
  try {
    const u = new URL(s);
    return u.username === '' && u.password === '';
  } catch {
    return true; // not a URL: httpUrl names that problem
  }
}

const boolish = z
  .union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no', ''])])
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'yes');

/** A positive plain-decimal number within `rule` (bounds.ts says why each bound exists). */
function bounded(rule: NumberRule) {
  return z.union([z.string(), z.number()], { error: 'must be a number' }).transform((v, ctx) => {
    const out = parseBounded(String(v), rule);
    if ('value' in out) return out.value;
    ctx.issues.push({ code: 'custom', message: out.problem, input: v });
    return z.NEVER;
  });
}

export const MODES = ['post-deploy', 'nightly', 'investigate'] as const;
export type Mode = (typeof MODES)[number];

export const configSchema = z.object({
  baseUrl: httpUrl,
  email: z.string().trim().email('must be an email address').optional(),
  password: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  expectedVersion: z.string().trim().min(1).optional(),
  mode: z.enum(MODES, { error: `must be one of ${MODES.join(', ')}` }).default('post-deploy'),
  outDir: z.string().trim().min(1).default('reports'),
  requestTimeoutMs: bounded(RULES.timeoutMs).default(10_000),
  preflightTimeoutMs: bounded(RULES.timeoutMs).default(10_000),
  chromiumPath: z.string().trim().min(1).optional(),
  syntheticClient: z.string().trim().min(2).max(100).default('Jumpstart Gate Synthetic Client'),
  withGeneration: boolish.default(false),
  loadProfile: z.string().trim().min(1).optional(),
  /** Overrides the profile's duration (seconds) and rate (req/s); self-tests shrink them. */
  loadDurationS: bounded(RULES.durationS).optional(),
  loadRate: bounded(RULES.rate).optional(),
  rateCap: bounded(RULES.rate).default(50),
  allowRateLimited: boolish.default(false),
  notifyWebhook: httpUrl.optional(),
  /** Compare mode: the live deployment (blue-green: the one still serving) the target is judged against. */
  compareTo: httpUrl.refine(withoutCredentials, 'must not carry credentials: nothing of a login ever goes to the live deployment').optional(),
  /** Where the checks keep the session (storage state) during a run; gitignored, deleted after the run. */
  authDir: z.string().trim().min(1).default('.auth'),
});

export type BaseConfig = z.output<typeof configSchema>;

/** A threshold override: `<env>_TARGET` / `<env>_ALERT`, e.g. CJ_API_P95_MS_ALERT=800. */
export function thresholdEnvNames(name: ThresholdName): { target: string; alert: string } {
  const prefix = THRESHOLDS[name].env;
  return { target: `${prefix}_TARGET`, alert: `${prefix}_ALERT` };
}
