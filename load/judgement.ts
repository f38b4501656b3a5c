import { GENERATOR_LAG_SHARE, evaluateThreshold, type Threshold, type ThresholdOutcome } from '../lib/runbook/thresholds.ts';
import type { CheckStatus } from '../lib/verdict/types.ts';
import type { ErrorCause, LoadMeasurements } from './measurements.ts';

/** Share 0..1 as % with 3 decimals. */
export const pct = (share: number): number => Math.round(share * 100_000) / 1000;

const RANK: Record<ThresholdOutcome, number> = { pass: 0, warn: 1, fail: 2 };

/** "100 × 404 GET /api/health/db, 3 × timeout GET /health": the three largest causes, and how many more. */
export function causesText(causes: readonly ErrorCause[], withRoute = true): string {
  const top = causes.slice(0, 3).map((c) => `${c.count} × ${c.what}${withRoute && c.route ? ` ${c.route}` : ''}`);
  const rest = causes.length - top.length;
  return `${top.join(', ')}${rest > 0 ? ` and ${rest} more cause(s)` : ''}`;
}

/**
 * The generator's own share of an open-model latency. A note when its scheduling lag is large against the
 * target. When a failure exists only because of it (the service time, sent → done, is within what the
 * latency breached), the result is an error: that is the generator's delay, and blaming the target for it
 * would be false. A warning (not blocking) stays a warning, with the same explanation.
 */
export function generatorCheck(outcome: CheckStatus, p95: number, serviceP95: number | null, lagP99: number | null, t: Threshold): { note?: string; error?: string } {
  if (lagP99 === null) return {};
  const out: { note?: string; error?: string } = {};
  const service = serviceP95 === null ? '' : ` (service time p95 ${serviceP95} ms, sent → done)`;
  if (lagP99 > GENERATOR_LAG_SHARE * t.target) {
    out.note = `the load generator's scheduling lag p99 was ${lagP99} ms, more than ${GENERATOR_LAG_SHARE * 100} % of the ${t.target} ${t.unit} target: part of these figures is its own delay${service}`;
  }
  if ((outcome === 'warn' || outcome === 'fail') && serviceP95 !== null) {
    const byService = evaluateThreshold(serviceP95, t);
    if (RANK[byService] >= RANK[outcome]) return out;
    const why = `the load generator fell behind by ${lagP99} ms (scheduling lag p99); its own delay is in these figures: the service time p95 ${serviceP95} ms (sent → done) is ${byService === 'pass' ? 'within target' : 'only above target'}, so the ${p95} ms ${outcome === 'fail' ? 'failure' : 'warning'} is not the target's`;
    if (outcome === 'fail') out.error = why;
    else out.note = out.note ? `${why}; ${out.note}` : why;
  }
  return out;
}

/**
 * 429s are not server errors, so they are not in the error rate; but a run the target rate-limited measured
 * less than planned and must say so: at best a warning, and no evidence at all (error) when the unmeasured
 * share exceeds the error-rate alert. A failure it saw is still a failure.
 */
export function rateLimitCheck(status: CheckStatus, rl: LoadMeasurements['rateLimit'], t: Threshold): { status: CheckStatus; note?: string } {
  const unmeasured = rl.responses + rl.skipped;
  if (unmeasured === 0 || rl.intended === 0) return { status };
  const share = pct(unmeasured / rl.intended);
  const where = rl.paths.length > 0 ? ` on ${rl.paths.join(', ')}` : '';
  const skipped = rl.skipped > 0 ? `, ${rl.skipped} send(s) skipped while paused` : '';
  const note = `rate limited: ${rl.responses} × 429${where}${skipped}: ${share} % of the planned requests were not measured`;
  if (status === 'fail') return { status, note };
  if (share > t.alert) return { status: 'error', note: `${note}, more than the error-rate alert (${t.alert} %): this run is no evidence of the error rate` };
  return { status: 'warn', note: `${note} (rate limiting is not a server error, but the load is less than planned)` };
}
