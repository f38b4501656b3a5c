import type { Verdict } from '../lib/verdict/types.ts';
import type { Reply } from './http.ts';
import type { Ctx, SimState } from './state.ts';

/**
 * The hook points through which a fault acts. Each fault is one file under `simulator/faults/`
 * declaring what it breaks, what must catch it, and its effect through these points; the server,
 * the routes and the dashboard call the points and never name a fault. Adding a fault is one file.
 */

/** One request as it arrives (before routing). */
export interface RequestInfo {
  method: string;
  path: string;
  /** `/api` or below it. */
  api: boolean;
}

/** A matched route being answered: `route` is "<METHOD> <template>", e.g. "GET /api/runs/{id}". */
export interface RouteCall {
  ctx: Ctx;
  route: string;
}

/** A non-API path served from the dashboard build (see spa.ts). */
export interface PageInfo {
  method: string;
  path: string;
  /** index = `/` or `/index.html`; asset = a file under /assets/; file = another file; fallback = SPA fallback. */
  kind: 'index' | 'asset' | 'file' | 'fallback';
  /** The first stylesheet index.html links. */
  stylesheet: boolean;
}

/** What a fault does to a page: delay it, answer 404 (no dist), or serve the SPA fallback instead of the file. */
export interface PageEffect {
  delayMs?: number;
  answer?: 'not-found' | 'fallback';
}

/** How a generation run goes, decided when it starts (a fault may shorten, slow or break it). */
export interface GenerationPlan {
  /** Posts the run creates. */
  target: number;
  seconds: number;
  /** Step at which the run fails (-1 = never), with this errorMessage. */
  failAt: number;
  failMessage: string;
}

interface FaultHooks {
  /** Before routing (may wait): every request but `/__sim/*`. */
  request?(r: RequestInfo, state: SimState): Promise<void> | void;
  /** Before a route's handler: a reply (or a thrown HttpError/SimulatedFault) answers instead of it. */
  before?(call: RouteCall): Reply | undefined | Promise<Reply | undefined>;
  /** After a route answered (errors included, as their reply): may replace the reply. */
  after?(call: RouteCall, reply: Reply): Reply | Promise<Reply>;
  /** A page of the dashboard build (never a `--dashboard-dir` page's content, only how it is served). */
  page?(p: PageInfo, state: SimState): PageEffect | undefined;
  /** The final response headers (security, CORS, timing) of a non-admin reply; may delete or change them. */
  headers?(h: Record<string, string>, reply: Reply, state: SimState): void;
  /** When a generation run starts. */
  generation?(plan: GenerationPlan, state: SimState): GenerationPlan;
}

/** The runbook side of a fault: what it breaks, which checks must fail on it, the verdict it must cause. */
export interface FaultSpec {
  breaks: string;
  /** RB ids that must FAIL when this fault is active (the fault matrix asserts them, with cascades). */
  catches: readonly string[];
  verdict: Verdict;
}

export interface Fault extends FaultSpec {
  /** Equals the file name under simulator/faults/ (the registry checks it). */
  name: string;
  /** A bug of the real app at HEAD 3a2615f (contract §13): part of the `real-head` preset. */
  realHead?: boolean;
  /** Acts in the bundled dashboard: reaches it as `<meta name="sim-faults">` (never a --dashboard-dir build). */
  ui?: boolean;
  /** Switches of the app's configuration rather than a hook: debug mode, open CORS, no auth. */
  flags?: { debug?: true; corsOpen?: true; authOpen?: true };
  hooks?: FaultHooks;
}

/** Identity with a type: lets a fault file declare itself with checking and completion. */
export const defineFault = (f: Fault): Fault => f;

/** Whether an active fault sets this configuration flag. */
export function hasFlag(state: SimState, flag: keyof NonNullable<Fault['flags']>): boolean {
  return state.active.some((f) => f.flags?.[flag] === true);
}

/** Per-instance memory of a fault (e.g. counters), created on first use, gone with the simulator. */
export function faultMemory<T>(state: SimState, key: string, init: () => T): T {
  if (!state.faultMemory.has(key)) state.faultMemory.set(key, init());
  return state.faultMemory.get(key) as T;
}

function hooks(state: SimState): FaultHooks[] {
  return state.active.flatMap((f) => (f.hooks ? [f.hooks] : []));
}

export async function onRequest(r: RequestInfo, state: SimState): Promise<void> {
  for (const h of hooks(state)) await h.request?.(r, state);
}

/** The first active fault that answers instead of the route, in table order. */
export async function beforeRoute(call: RouteCall): Promise<Reply | undefined> {
  for (const h of hooks(call.ctx.state)) {
    const reply = await h.before?.(call);
    if (reply !== undefined) return reply;
  }
  return undefined;
}

export async function afterRoute(call: RouteCall, reply: Reply): Promise<Reply> {
  let out = reply;
  for (const h of hooks(call.ctx.state)) if (h.after) out = await h.after(call, out);
  return out;
}

/** Every active fault's effect on a page, merged: delays add up, 404 beats the fallback. */
export function pageEffect(p: PageInfo, state: SimState): PageEffect {
  const out: PageEffect = {};
  for (const h of hooks(state)) {
    const e = h.page?.(p, state);
    if (!e) continue;
    if (e.delayMs) out.delayMs = (out.delayMs ?? 0) + e.delayMs;
    if (e.answer === 'not-found' || (e.answer === 'fallback' && out.answer === undefined)) out.answer = e.answer;
  }
  return out;
}

export function fixHeaders(h: Record<string, string>, reply: Reply, state: SimState): void {
  for (const x of hooks(state)) x.headers?.(h, reply, state);
}

export function planGeneration(plan: GenerationPlan, state: SimState): GenerationPlan {
  return hooks(state).reduce((p, h) => h.generation?.(p, state) ?? p, plan);
}
