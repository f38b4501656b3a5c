import { isUnlimitedRoute, type LoadEngine, type RouteSpec } from '../lib/runbook/profiles.ts';
import { isLoopbackHost } from './schedule.ts';

export interface SafetyInput {
  target: string;
  routes: readonly RouteSpec[];
  engine: LoadEngine;
  rate: number;
  durationS: number;
  rateCap: number;
  allowRateLimited: boolean;
  hasToken: boolean;
}

/**
 * Pure: why this deployment must not be loaded as asked — a URL that is not http(s), credentials in it,
 * a rate above the cap off loopback. Checked for every target (compare mode: the live one too).
 */
export function targetProblems(target: string, s: Pick<SafetyInput, 'engine' | 'rate' | 'rateCap'>): string[] {
  const problems: string[] = [];
  let loopback = false;
  try {
    const u = new URL(target);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') problems.push(`target: must be http(s), got ${u.protocol}`);
    if (u.username || u.password) problems.push('target: must not carry credentials (use CJ_EMAIL / CJ_PASSWORD)');
    loopback = isLoopbackHost(u.hostname);
  } catch {
    problems.push(`target: not an absolute URL: ${JSON.stringify(target)}`);
  }
  if (!loopback && s.engine === 'open' && s.rate > s.rateCap) {
    problems.push(`rate: ${s.rate} req/s against a non-loopback target exceeds the cap of ${s.rateCap} req/s; raise it explicitly with --rate-cap`);
  }
  return problems;
}

/**
 * Pure: every reason this load must not run, all at once (exit 64 before anything is sent).
 * Production is a shared, rate-limited app: unlimited routes only, a rate cap off loopback, no open-ended run.
 */
export function safetyProblems(s: SafetyInput): string[] {
  const problems = targetProblems(s.target, s);
  if (s.routes.length === 0) problems.push('routes: at least one route is needed (--profile or --route)');
  const seen = new Set<string>();
  for (const r of s.routes) {
    if (!r.path.startsWith('/') || r.path.startsWith('//')) problems.push(`route ${JSON.stringify(r.path)}: must be a path on the target starting with one "/"`);
    if (seen.has(r.path)) problems.push(`route ${r.path}: listed twice`);
    seen.add(r.path);
    if (!Number.isInteger(r.weight) || r.weight < 1) problems.push(`route ${r.path}: weight must be a positive integer, got ${r.weight}`);
    if (r.method !== 'GET' && r.method !== 'HEAD') problems.push(`route ${r.path}: only GET and HEAD are load-tested, got ${String(r.method)}`);
    if (!isUnlimitedRoute(r.path) && !s.allowRateLimited) {
      problems.push(`route ${r.path}: the app rate-limits it (contract §8); loading it burns the shared hourly bucket — pass --allow-rate-limited to do it anyway`);
    }
    if (r.auth && !s.hasToken) problems.push(`route ${r.path}: needs a bearer token (set CJ_EMAIL and CJ_PASSWORD)`);
  }
  if (!(s.durationS > 0) || !Number.isFinite(s.durationS)) problems.push(`duration: must be a positive number of seconds, got ${s.durationS}`);
  if (!(s.rateCap > 0)) problems.push(`rate cap: must be positive, got ${s.rateCap}`);
  if (s.engine === 'open' && (!(s.rate > 0) || !Number.isFinite(s.rate))) problems.push(`rate: the open engine needs a positive rate (req/s), got ${s.rate}`);
  return problems;
}

/** Off loopback the closed engine is bounded by the cap too (a per-second budget its workers share); on loopback it runs flat out. */
export function closedRateBound(target: string, rateCap: number): number {
  try {
    return isLoopbackHost(new URL(target).hostname) ? 0 : rateCap;
  } catch {
    return rateCap;
  }
}
