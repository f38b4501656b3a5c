import type { CheckResult } from '../verdict/types.ts';

/** "123.4 ms", "0.25 %", "87 s": rounded for humans (3 significant decimals at most). */
export function formatMeasured(r: Pick<CheckResult, 'measured' | 'unit'>): string | undefined {
  if (r.measured === undefined) return undefined;
  const v = Number.isFinite(r.measured) ? String(Math.round(r.measured * 1000) / 1000) : String(r.measured);
  if (!r.unit) return v;
  return r.unit === '%' ? `${v} %` : `${v} ${r.unit}`;
}

/**
 * "2026-12-01 02:00 UTC" (any ISO time, offsets included, in UTC; anything else as given): minutes are
 * enough to tell runs apart, and shorter to read.
 */
export function utcMinute(iso: string): string {
  return Number.isFinite(Date.parse(iso)) ? `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC` : iso;
}

/** "measured 812 ms vs target < 200 ms, alert > 500 ms", or the message when nothing was measured. */
export function measuredVsThreshold(r: CheckResult): string {
  const m = formatMeasured(r);
  if (m !== undefined && r.threshold) return `measured ${m} vs ${r.threshold}`;
  if (m !== undefined) return `measured ${m}`;
  return r.message ?? r.status;
}

/** JUnit `time` must be a plain decimal (MEASUREMENT.md): seconds, 3 decimals, never exponent notation. */
export function junitSeconds(ms: number | undefined): number {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return 0;
  return Math.round(ms) / 1000;
}

/** Titles become JUnit testcase names; GitLab keeps only the first of duplicates, so make them unique. */
export function uniqueTitles(results: readonly Pick<CheckResult, 'id' | 'title'>[]): string[] {
  const used = new Set<string>();
  return results.map((r) => {
    const base = r.title.startsWith(r.id) ? r.title : `${r.id} ${r.title}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    return name;
  });
}

/** Text for HTML and inline SVG (the load report, the trend page). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
