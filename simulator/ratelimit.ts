/**
 * slowapi as the real app uses it (contract §8): in-memory, fixed window of one hour, one bucket per
 * route and client IP. Handlers call `hit` only after auth and body validation, so 401/422 from
 * dependencies never count — exactly like the real app.
 */
export const RATE_LIMITS = {
  login: 10,
  register: 3,
  refresh: 100,
  'clients-list': 100,
  'clients-create': 100,
  'client-get': 100,
  'client-update': 100,
  'projects-list': 100,
  'projects-create': 100,
  'project-get': 100,
  'project-update': 100,
  'project-delete': 100,
  'deliverables-list': 100,
  'deliverable-get': 100,
  'deliverable-download': 100,
  'deliverable-details': 100,
  'deliverable-deliver': 100,
  'posts-list': 1000,
  'post-get': 1000,
  'post-update': 1000,
  'generate-all': 10,
  regenerate: 20,
  export: 100,
  'research-tools': 1000,
  'research-run': 5,
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

const WINDOW_MS = 60 * 60 * 1000;

export interface RateLimiter {
  /** Counts one request; returns the 429 message when the bucket is over its limit, else undefined. */
  hit(name: RateLimitName, ip: string, now?: number): string | undefined;
}

export function createRateLimiter(limits: Record<RateLimitName, number>): RateLimiter {
  const buckets = new Map<string, { start: number; count: number }>();
  return {
    hit(name, ip, now = Date.now()) {
      const key = `${name}|${ip}`;
      let b = buckets.get(key);
      if (!b || now - b.start >= WINDOW_MS) {
        b = { start: now, count: 0 };
        buckets.set(key, b);
      }
      b.count += 1;
      const limit = limits[name];
      return b.count > limit ? `Rate limit exceeded: ${limit} per 1 hour` : undefined;
    },
  };
}
