import type { Config } from '../lib/config/index.ts';
import { GateError } from '../lib/errors.ts';
import { PROFILE_NAMES, resolveProfile, safetyProblems, type LoadProfile, type RouteSpec } from '../load/index.ts';
import type { ModePlan } from './gate/modes.ts';

/** What the load phase will run: a profile (overrides applied) and its name for reports. */
export interface LoadPlan {
  name: string;
  profile: LoadProfile;
}

/** Routes the app serves without a session; anything else under /api/ gets the bearer token when we have one. */
function routeNeedsAuth(path: string): boolean {
  return path.startsWith('/api/') && !/^\/api\/(health|auth|pricing)(\/|$)/.test(path);
}

/**
 * Pure: the load of this run, validated up front so a bad profile, route, rate or cap is a usage
 * error (exit 64) before anything runs. `--route` builds a one-route profile (investigate mode).
 * `willHaveToken`: post-deploy/nightly reuse the checks' session; investigate logs in once if it must.
 */
export function planLoad(config: Config, plan: ModePlan, route: string | undefined, willHaveToken: boolean): { plan?: LoadPlan; problems: string[] } {
  const problems: string[] = [];
  if (route !== undefined && plan.mode !== 'investigate') problems.push('--route: only with --mode investigate');
  if (route !== undefined && config.loadProfile !== undefined) problems.push('--route and --profile (CJ_LOAD_PROFILE): give one, not both');
  if (plan.mode === 'investigate' && route === undefined && config.loadProfile === undefined) {
    problems.push('--mode investigate: needs --profile NAME or --route PATH (with --rate and --duration)');
  }
  if (config.loadProfile !== undefined && !(PROFILE_NAMES as readonly string[]).includes(config.loadProfile)) {
    problems.push(`CJ_LOAD_PROFILE (--profile): ${JSON.stringify(config.loadProfile)} is not one of ${PROFILE_NAMES.join(', ')}`);
  }
  if (problems.length > 0) return { problems };
  const overrides = { durationS: config.loadDurationS, rate: config.loadRate };
  let profile: LoadProfile;
  if (route !== undefined) {
    const spec: RouteSpec = { path: route, method: 'GET', weight: 1, auth: willHaveToken && routeNeedsAuth(route) };
    const base = resolveProfile('smoke', overrides);
    profile = { ...base, name: `route${route.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}`, description: `ad hoc: GET ${route}`, routes: [spec] };
  } else {
    try {
      profile = resolveProfile(config.loadProfile ?? plan.defaultProfile, overrides);
    } catch (e) {
      return { problems: e instanceof GateError ? [...e.problems] : [(e as Error).message] };
    }
  }
  problems.push(
    ...safetyProblems({
      target: config.baseUrl,
      routes: profile.routes,
      engine: profile.engine,
      rate: profile.rate,
      durationS: profile.durationS,
      rateCap: config.rateCap,
      allowRateLimited: config.allowRateLimited,
      hasToken: willHaveToken,
    }).map((p) => `load: ${p}`),
  );
  return problems.length > 0 ? { problems } : { plan: { name: profile.name, profile }, problems };
}

/** Without a session (the checks could not log in) the authenticated routes are left out, and said so. */
export function withoutAuthRoutes(profile: LoadProfile): { profile: LoadProfile; dropped: string[] } {
  const dropped = profile.routes.filter((r) => r.auth).map((r) => r.path);
  return { profile: { ...profile, routes: profile.routes.filter((r) => !r.auth) }, dropped };
}
