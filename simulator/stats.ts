import type { SimState, Stats } from './state.ts';

export const createStats = (): Stats => ({ requests: new Map(), logins: 0, generations: 0 });

/** Counts one answered request under "<METHOD> <route template>". */
export function recordRequest(stats: Stats, key: string, status: number): void {
  let byStatus = stats.requests.get(key);
  if (!byStatus) {
    byStatus = new Map();
    stats.requests.set(key, byStatus);
  }
  byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
}

export interface StatsSnapshot {
  requests: Record<string, Record<string, number>>;
  /** Login calls that reached the handler (the real rate limit's unit). */
  logins: number;
  /** generate-all calls that were accepted (200). */
  generations: number;
  projects: { live: number; created: number; deleted: number };
  /** Clients in the store (clients cannot be deleted). */
  clients: number;
}

export function statsSnapshot(state: SimState): StatsSnapshot {
  const requests: Record<string, Record<string, number>> = {};
  for (const [key, byStatus] of state.stats.requests) requests[key] = Object.fromEntries([...byStatus].map(([s, n]) => [String(s), n]));
  const { store } = state;
  return {
    requests,
    logins: state.stats.logins,
    generations: state.stats.generations,
    projects: { live: store.projects.size, created: store.counters.projectsCreated, deleted: store.counters.projectsDeleted },
    clients: store.clients.size,
  };
}
