import { randomBytes } from 'node:crypto';
import type { StaticSite } from './dashboard/site.ts';
import { parseFaultNames, unknownFaultMessage, type FaultName } from './faults.ts';
import { RATE_LIMITS, type RateLimitName } from './ratelimit.ts';

/** Upper bound of every injected delay (ms). */
const MAX_DELAY_MS = 60_000;

/** Options of `startSimulator`. Every field is optional; defaults are in `resolveOptions`. */
export interface SimulatorOptions {
  /** 0 = an ephemeral port. */
  port?: number;
  host?: string;
  /** Faults active from the start (names of FAULTS, or presets such as "real-head"). */
  faults?: string[];
  /** Duration of a healthy 30-post generation run, in seconds (the real app needs 60–90 s). */
  generationSeconds?: number;
  /** Serve this built dashboard directory (any Vite build) instead of the bundled one. */
  dashboardDir?: string;
  /** A site already in memory (tests); wins over dashboardDir and is treated like the bundled one. */
  site?: StaticSite;
  /** The seeded operator account. */
  email?: string;
  password?: string;
  /** Extra seeded accounts, e.g. a second user for ownership (403) checks. */
  extraUsers?: Array<{ email: string; password: string; fullName?: string; isSuperuser?: boolean }>;
  /**
   * Clients the seeded operator already has (complete profiles), as after an earlier gate run: the
   * wizard's "Use Existing Client" path is then what a check meets.
   */
  seedClients?: string[];
  /** Token for /__sim/*; random when unset. */
  adminToken?: string;
  /** Reported by /health and /openapi.json. */
  version?: string;
  /** The app's DEBUG_MODE: permissive CORS, no HSTS, detailed 500s. */
  debug?: boolean;
  corsOrigins?: string[];
  /** Per-route hourly limits, e.g. { login: 3 }. Names: keys of RATE_LIMITS. */
  rateLimits?: Partial<Record<string, number>>;
  /** One line per request on stderr. */
  log?: boolean;
  /** The slow-api fault's delay of every /api/* response (ms, 0–60000; default 700). */
  slowApiMs?: number;
  stallMs?: number;
  stallPeriodMs?: number;
  burstFraction?: number;
  burstAfter?: number;
  slowPageMs?: number;
  /** Defaults to 4 × generationSeconds. */
  slowGenerationSeconds?: number;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  faults: FaultName[];
  generationSeconds: number;
  dashboardDir: string | undefined;
  site: StaticSite | undefined;
  email: string;
  password: string;
  extraUsers: Array<{ email: string; password: string; fullName?: string; isSuperuser?: boolean }>;
  seedClients: string[];
  adminToken: string;
  version: string;
  debug: boolean;
  corsOrigins: string[];
  rateLimits: Record<RateLimitName, number>;
  log: boolean;
  slowApiMs: number;
  stallMs: number;
  stallPeriodMs: number;
  burstFraction: number;
  burstAfter: number;
  slowPageMs: number;
  slowGenerationSeconds: number;
}

function check(problems: string[], ok: boolean, message: string): void {
  if (!ok) problems.push(message);
}

const nonNegative = (n: number): boolean => Number.isFinite(n) && n >= 0;

/** Applies defaults and validates; throws one Error listing every problem. */
export function resolveOptions(o: SimulatorOptions = {}): ResolvedOptions {
  const problems: string[] = [];
  const { faults, unknown } = parseFaultNames(o.faults ?? []);
  if (unknown.length > 0) problems.push(unknownFaultMessage(unknown));
  const generationSeconds = o.generationSeconds ?? 6;
  const rateLimits = { ...RATE_LIMITS } as Record<RateLimitName, number>;
  for (const [name, value] of Object.entries(o.rateLimits ?? {})) {
    if (!Object.hasOwn(RATE_LIMITS, name)) problems.push(`rateLimits: unknown route "${name}" (known: ${Object.keys(RATE_LIMITS).join(', ')})`);
    else if (value === undefined || !Number.isInteger(value) || value < 1) problems.push(`rateLimits.${name} must be a positive integer`);
    else rateLimits[name as RateLimitName] = value;
  }
  const r: ResolvedOptions = {
    port: o.port ?? 0,
    host: o.host ?? '127.0.0.1',
    faults,
    generationSeconds,
    dashboardDir: o.dashboardDir,
    site: o.site,
    email: o.email ?? 'operator@jumpstart.local',
    password: o.password ?? 'jumpstart-sim-password',
    extraUsers: o.extraUsers ?? [],
    seedClients: o.seedClients ?? [],
    adminToken: o.adminToken ?? randomBytes(24).toString('hex'),
    version: o.version ?? '1.4.2',
    debug: o.debug ?? false,
    corsOrigins: o.corsOrigins ?? ['http://localhost:5173'],
    rateLimits,
    log: o.log ?? false,
    slowApiMs: o.slowApiMs ?? 700,
    stallMs: o.stallMs ?? 1000,
    stallPeriodMs: o.stallPeriodMs ?? 5000,
    burstFraction: o.burstFraction ?? 0.2,
    burstAfter: o.burstAfter ?? 20,
    slowPageMs: o.slowPageMs ?? 2500,
    slowGenerationSeconds: o.slowGenerationSeconds ?? 4 * generationSeconds,
  };
  check(problems, Number.isInteger(r.port) && r.port >= 0 && r.port <= 65535, 'port must be an integer 0–65535');
  check(problems, Number.isFinite(r.generationSeconds) && r.generationSeconds > 0 && r.generationSeconds <= 3600, 'generationSeconds must be > 0 and ≤ 3600');
  check(problems, Number.isFinite(r.slowGenerationSeconds) && r.slowGenerationSeconds > 0, 'slowGenerationSeconds must be > 0');
  check(problems, /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(r.email), 'email must be an email address');
  check(problems, r.password.length >= 1 && r.password.length <= 200, 'password must be 1–200 characters');
  check(problems, r.adminToken.length >= 8, 'adminToken must be at least 8 characters');
  check(problems, r.version.trim() !== '', 'version must not be empty');
  check(problems, r.seedClients.every((n) => typeof n === 'string' && n.trim().length >= 1 && n.length <= 200), 'seedClients must be names of 1–200 characters');
  check(problems, nonNegative(r.burstAfter), 'burstAfter must be a number ≥ 0');
  // Delays are held by timers that outlive close() until they fire: keep them bounded.
  for (const k of ['slowApiMs', 'stallMs', 'slowPageMs', 'stallPeriodMs'] as const) {
    check(problems, nonNegative(r[k]) && r[k] <= MAX_DELAY_MS, `${k} must be a number from 0 to ${MAX_DELAY_MS}`);
  }
  check(problems, r.slowGenerationSeconds <= 3600, 'slowGenerationSeconds must be ≤ 3600');
  check(problems, Number.isFinite(r.stallPeriodMs) && r.stallPeriodMs > r.stallMs, 'stallPeriodMs must be greater than stallMs');
  check(problems, r.burstFraction > 0 && r.burstFraction <= 1, 'burstFraction must be in (0, 1]');
  if (problems.length > 0) throw new Error(`invalid simulator options: ${problems.join('; ')}`);
  return r;
}
