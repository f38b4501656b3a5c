import { plannedRequestsProblem, type Config } from '../lib/config/index.ts';
import { GateError } from '../lib/errors.ts';
import type { LoadEngine, LoadProfile, RouteSpec } from '../lib/runbook/profiles.ts';
import { resolveProfile, safetyProblems, targetProblems } from '../load/index.ts';

/** What a load step runs: a profile (overrides applied), its engine and its name for reports. */
export interface LoadPlan {
  name: string;
  profile: LoadProfile;
  engine: LoadEngine;
  connections?: number;
  /** Compare mode: the live deployment the same schedule also goes to. */
  compareTo?: string;
  /** Compare mode: the profile's routes that need a session, left out on both sides (see compareMode). */
  leftOut?: string[];
}

export interface LoadRequest {
  /** `--route` paths (ad hoc routes instead of a profile). */
  routes: readonly string[];
  /** The profile when no route and no --profile is given. */
  defaultProfile: string;
  engine?: string;
  connections?: string;
  name?: string;
  /** Where a session comes from: the checks' (gate post-deploy/nightly) or one login of our own. */
  session: 'checks' | 'login';
}

/** /api/* routes other than health, auth and pricing need the session (contract §2–§3). */
function routeNeedsAuth(path: string): boolean {
  return path.startsWith('/api/') && !/^\/api\/(health|auth|pricing)(\/|$)/.test(path);
}

function routesProfile(config: Config, routes: readonly string[], problems: string[], closed: boolean): LoadProfile {
  if (config.loadRate === undefined && !closed) problems.push('--rate (CJ_LOAD_RATE): required with --route (req/s)');
  if (config.loadDurationS === undefined) problems.push('--duration (CJ_LOAD_DURATION_S): required with --route (seconds)');
  const specs: RouteSpec[] = routes.map((path) => ({ path, method: 'GET', weight: 1, auth: routeNeedsAuth(path) }));
  const slug = routes.join('-').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return { name: `route-${slug || 'root'}`, description: `ad hoc: GET ${routes.join(', ')}`, engine: 'open', durationS: config.loadDurationS ?? 0, rate: config.loadRate ?? 0, connections: 64, routes: specs };
}

function options(req: LoadRequest, problems: string[]): { engine?: LoadEngine; connections?: number } {
  const out: { engine?: LoadEngine; connections?: number } = {};
  if (req.engine === 'open' || req.engine === 'closed') out.engine = req.engine;
  else if (req.engine !== undefined) problems.push(`--engine: must be open or closed, got ${JSON.stringify(req.engine)}`);
  if (req.connections !== undefined) {
    const n = /^\d+$/.test(req.connections) ? Number(req.connections) : Number.NaN;
    if (Number.isInteger(n) && n > 0 && n <= 1000) out.connections = n;
    else problems.push(`--connections: must be an integer 1..1000, got ${JSON.stringify(req.connections)}`);
  }
  return out;
}

const COMPARE_FLAG = '--compare-to (CJ_COMPARE_TO)';

/**
 * Compare mode's own rules: the open engine (one schedule for both), the rate cap for the live deployment
 * too, and no session on either side: a login or a token would be a credential sent to the live origin,
 * and loading a route on one side only would compare nothing, so routes that need a session are left out.
 */
function compareMode(live: string, profile: LoadProfile, engine: LoadEngine, rateCap: number, problems: string[]): { profile: LoadProfile; leftOut?: string[] } {
  if (engine !== 'open') problems.push(`${COMPARE_FLAG}: only with the open engine (a closed loop has no schedule to share)`);
  problems.push(...targetProblems(live, { engine, rate: profile.rate, rateCap }).map((p) => `${COMPARE_FLAG}: ${p.replace(/^target: /, '')}`));
  const stripped = withoutAuthRoutes(profile);
  if (stripped.dropped.length === 0) return { profile };
  if (stripped.profile.routes.length === 0) problems.push(`${COMPARE_FLAG}: every route of this load needs a session (${stripped.dropped.join(', ')}), and credentials never go to ${new URL(live).origin}: nothing left to compare`);
  return { profile: stripped.profile, leftOut: stripped.dropped };
}

/** Pure: "/api/runs/ left out of the comparison (on both sides): it needs a session, and credentials never go to http://live…". */
export function leftOutNote(plan: Pick<LoadPlan, 'leftOut' | 'compareTo'>): string | undefined {
  if (!plan.leftOut?.length || plan.compareTo === undefined) return undefined;
  const needs = plan.leftOut.length === 1 ? 'it needs' : 'they need';
  return `${plan.leftOut.join(', ')} left out of the comparison (on both sides): ${needs} a session, and credentials never go to ${new URL(plan.compareTo).origin}`;
}

/** The ad hoc routes' profile or the named one, with the config's overrides. */
function chooseProfile(config: Config, req: LoadRequest, engine: LoadEngine | undefined, problems: string[]): LoadProfile | undefined {
  if (req.routes.length > 0) {
    if (config.loadProfile !== undefined) problems.push('--route and --profile (CJ_LOAD_PROFILE): give one, not both');
    return routesProfile(config, req.routes, problems, engine === 'closed');
  }
  try {
    return resolveProfile(config.loadProfile ?? req.defaultProfile, { durationS: config.loadDurationS, rate: config.loadRate });
  } catch (e) {
    problems.push(...(e instanceof GateError ? e.problems.map((p) => `--profile (CJ_LOAD_PROFILE): ${p}`) : [(e as Error).message]));
    return undefined;
  }
}

/**
 * Pure: the load of this run, validated up front so a bad profile, route, rate, cap or missing
 * credential is a usage error (exit 64) before anything is sent. One planner for the gate and `load`.
 */
export function planLoad(config: Config, req: LoadRequest): { plan?: LoadPlan; problems: string[] } {
  const problems: string[] = [];
  const opts = options(req, problems);
  let profile = chooseProfile(config, req, opts.engine, problems);
  if (!profile) return { problems };
  const engine = opts.engine ?? profile.engine;
  const compare = config.compareTo === undefined ? undefined : compareMode(config.compareTo, profile, engine, config.rateCap, problems);
  if (compare) profile = compare.profile;
  const auth = profile.routes.filter((r) => r.auth).map((r) => r.path);
  if (req.session === 'login' && auth.length > 0 && (!config.email || !config.password)) problems.push(`CJ_EMAIL and CJ_PASSWORD: required to log in once for ${auth.join(', ')}`);
  const safety = safetyProblems({
    target: config.baseUrl, routes: profile.routes, engine, rate: profile.rate, durationS: profile.durationS,
    rateCap: config.rateCap, allowRateLimited: config.allowRateLimited, hasToken: true, // credentials are checked above
  });
  // With --route a missing rate or duration was named already, and compare mode names a load left empty.
  const named = (p: string): boolean => (req.routes.length > 0 && /^(rate|duration):.*got 0$/.test(p)) || (compare !== undefined && p.startsWith('routes: at least one'));
  problems.push(...safety.filter((p) => !named(p)).map((p) => `load: ${p}`));
  // The closed engine has no planned rate: it is bounded by its connections and duration.
  const planned = engine === 'open' ? plannedRequestsProblem(profile.rate, profile.durationS) : undefined;
  if (planned) problems.push(`load: ${planned}`);
  if (problems.length > 0) return { problems };
  const plan: LoadPlan = { name: req.name ?? profile.name, profile, engine };
  if (opts.connections !== undefined) plan.connections = opts.connections;
  if (config.compareTo !== undefined) plan.compareTo = config.compareTo;
  if (compare?.leftOut !== undefined) plan.leftOut = compare.leftOut;
  return { plan, problems };
}

/** Without a session (the checks could not log in) the authenticated routes are left out, and said so. */
export function withoutAuthRoutes(profile: LoadProfile): { profile: LoadProfile; dropped: string[] } {
  const dropped = profile.routes.filter((r) => r.auth).map((r) => r.path);
  return { profile: { ...profile, routes: profile.routes.filter((r) => !r.auth) }, dropped };
}
