import type { HttpMethod } from '../lib/runbook/profiles.ts';
import type { LoadProgress } from './types.ts';

/** A route ready to send: headers resolved (the token lives only here, in memory). */
export interface EngineRoute {
  path: string;
  method: HttpMethod;
  weight: number;
  headers: Record<string, string>;
}

/** A second deployment on the same schedule (compare mode): same paths and weights, its own headers. */
interface EngineTarget {
  /** Origin only. */
  origin: string;
  /** In the order of `EngineOptions.routes`; headers are this target's own (a token never crosses origins). */
  routes: EngineRoute[];
}

/** What both engines take, already validated by runLoad. */
export interface EngineOptions {
  /** Result name, usually the profile's. */
  name: string;
  /** Origin only, e.g. http://127.0.0.1:8000 */
  origin: string;
  routes: EngineRoute[];
  /** Open: requests per second. Closed: an upper bound per second, 0 = unbounded. */
  rate: number;
  durationS: number;
  /** Open: pool size (per target). Closed: concurrent connections. */
  connections: number;
  /** Open: sends beyond this many in flight (per target) are dropped (and counted). */
  maxInFlight: number;
  /** Open engine: seconds sent at the same rate before t=0 and not recorded (JIT, connections). Default 0. */
  warmupS?: number | undefined;
  /** Per-request bound; a request still waiting after it is a timeout. */
  timeoutMs: number;
  /** Open engine only: the live deployment, sent the same schedule interleaved send by send. */
  compare?: EngineTarget | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((p: LoadProgress) => void) | undefined;
}
