import { pValueText } from './live.ts';
import type { LiveComparison } from './live-types.ts';
import type { LoadResult } from './types.ts';

const ms = (v: number | null): string => (v === null ? '—' : `${v} ms`);

/**
 * Pure, one line for a summary or a console: response time (intended → done) beside service time
 * (sent → done) and the generator's own lag, so a reader sees whose delay a latency is.
 * "latency p95 26.1 ms (intended start → done) · service time p95 25.9 ms (sent → done) · generator lag p99 0.4 ms"
 */
export function timingLine(r: LoadResult): string {
  const head = r.engine === 'open' ? 'intended start → done' : 'send → done';
  const lag = r.engine === 'open' ? ` · generator lag p99 ${ms(r.schedulingLagMs.p99)}` : ' · no schedule (closed loop)';
  return `latency p95 ${ms(r.latencyMs.p95)} (${head}) · service time p95 ${ms(r.serviceTimeMs.p95)} (sent → done)${lag}`;
}

/** Pure, one line: "vs live http://…: fail · p95 29.5 ms vs 4.1 ms (7.107×, p = 6.6e-12) · errors 0.000 % vs 0.000 %". */
export function liveLine(c: LiveComparison): string {
  const o = c.overall;
  const p = o.latency ? `, p = ${pValueText(o.latency.pValue)}` : '';
  return `vs live ${c.live}: ${c.status} · p95 ${ms(o.candidate.p95)} vs ${ms(o.live.p95)} (${o.p95Ratio ?? '—'}×${p}) · errors ${(o.candidate.errorRate * 100).toFixed(3)} % vs ${(o.live.errorRate * 100).toFixed(3)} %`;
}
