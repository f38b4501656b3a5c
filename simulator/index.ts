import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StaticSite } from './dashboard/site.ts';
import { hasFlag } from './fault-hooks.ts';
import { faultsNamed, parseFaultNames, unknownFaultMessage, type FaultName } from './faults.ts';
import { resolveOptions, type ResolvedOptions, type SimulatorOptions } from './options.ts';
import { createRateLimiter } from './ratelimit.ts';
import { allRoutes } from './routes/index.ts';
import { createRequestHandler } from './server.ts';
import { serveSite, type ServedSite } from './spa.ts';
import { createTimers, type SimState } from './state.ts';
import { loadDashboardDir } from './static-dir.ts';
import { createStats, statsSnapshot, type StatsSnapshot } from './stats.ts';
import { seedClient } from './seed.ts';
import { addUser, createStore } from './store.ts';

export { FAULTS, FAULT_NAMES } from './faults.ts';
export { RATE_LIMITS } from './ratelimit.ts';
export type { SimulatorOptions } from './options.ts';
export { loadDashboardDir } from './static-dir.ts';

/** A running simulator. */
export interface SimulatorHandle {
  /** e.g. "http://127.0.0.1:40123" (no trailing slash). */
  url: string;
  port: number;
  /** Send as `X-Sim-Admin-Token` to /__sim/*. */
  adminToken: string;
  /** Stops background runs, closes every connection, resolves when the port is free. Idempotent. */
  close(): Promise<void>;
  /** Replaces the active faults (presets such as "real-head" expand); throws naming unknown ones (nothing changes then). */
  setFaults(names: readonly string[]): void;
  faults(): FaultName[];
  stats(): StatsSnapshot;
}

/** The bundled SPA, imported lazily: it is built by simulator/dashboard/ and not needed with dashboardDir. */
async function loadBundled(): Promise<StaticSite> {
  const spec = new URL('./dashboard/bundle.ts', import.meta.url).href;
  let mod: { loadBundledDashboard?: () => Promise<StaticSite> };
  try {
    mod = (await import(spec)) as typeof mod;
  } catch (e) {
    throw new Error(`the bundled dashboard is not available (simulator/dashboard/bundle.ts: ${(e as Error).message}); pass dashboardDir`);
  }
  if (typeof mod.loadBundledDashboard !== 'function') throw new Error('simulator/dashboard/bundle.ts does not export loadBundledDashboard()');
  return mod.loadBundledDashboard();
}

async function loadSite(opts: ResolvedOptions): Promise<ServedSite> {
  if (opts.site) return serveSite(opts.site, true);
  if (opts.dashboardDir !== undefined) return serveSite(await loadDashboardDir(opts.dashboardDir), false);
  return serveSite(await loadBundled(), true);
}

/** Starts a Content Jumpstart simulator on plain node:http (see simulator/README.md). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const opts = resolveOptions(options);
  const site = await loadSite(opts);
  const store = createStore();
  const seededUser = addUser(store, { email: opts.email, password: opts.password, fullName: 'Jumpstart Operator' });
  for (const u of opts.extraUsers) addUser(store, u);
  for (const name of opts.seedClients) seedClient(store, seededUser, name);
  const timers = createTimers();
  const state: SimState = {
    opts,
    store,
    active: faultsNamed(opts.faults),
    faultMemory: new Map(),
    limiter: createRateLimiter(opts.rateLimits),
    stats: createStats(),
    // A fresh signing key per instance: tokens of another run never validate here.
    jwtKey: randomBytes(32),
    seededUser,
    site,
    timers,
    debug: () => opts.debug || hasFlag(state, 'debug'),
  };
  const server = createServer({ keepAliveTimeout: 5000 }, createRequestHandler(state, allRoutes(opts.version)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    adminToken: opts.adminToken,
    close() {
      closing ??= new Promise<void>((resolve) => {
        timers.clearAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
    setFaults(names) {
      const parsed = parseFaultNames(names);
      if (parsed.unknown.length > 0) throw new Error(unknownFaultMessage(parsed.unknown));
      state.active = faultsNamed(parsed.faults);
    },
    faults: () => state.active.map((f) => f.name),
    stats: () => statsSnapshot(state),
  };
}
