import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { FAULT_NAMES, PRESETS, faultsNamed, parseFaultNames, unknownFaultMessage } from './faults.ts';
import { detail, json, parseJsonBody, readBody, ValidationError, type Reply } from './http.ts';
import type { SimState } from './state.ts';
import { statsSnapshot } from './stats.ts';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

function authorized(req: IncomingMessage, state: SimState): boolean {
  const given = req.headers['x-sim-admin-token'];
  return typeof given === 'string' && timingSafeEqual(digest(given), digest(state.opts.adminToken));
}

/** Replaces the active faults (presets expand); throws ValidationError (422) naming unknown faults. */
function applyFaults(state: SimState, input: unknown): void {
  if (!Array.isArray(input) || input.some((f) => typeof f !== 'string')) {
    throw new ValidationError([{ type: 'list_type', loc: ['body', 'faults'], msg: 'faults must be a list of fault names', input }]);
  }
  const { faults, unknown } = parseFaultNames(input as string[]);
  if (unknown.length > 0) {
    throw new ValidationError(unknown.map((u) => ({ type: 'enum', loc: ['body', 'faults'], msg: unknownFaultMessage([u]), input: u })));
  }
  state.active = faultsNamed(faults);
}

const faultsBody = (state: SimState) => ({ faults: state.active.map((f) => f.name), available: FAULT_NAMES, presets: PRESETS });

/** /__sim/*: the control plane. Never counted in stats, never affected by faults, always needs the token. */
export async function adminReply(req: IncomingMessage, path: string, state: SimState): Promise<Reply> {
  if (!authorized(req, state)) return detail(401, 'Missing or invalid X-Sim-Admin-Token');
  const method = req.method ?? 'GET';
  if (path === '/__sim/faults') {
    if (method === 'GET') return json(200, faultsBody(state));
    if (method === 'PUT' || method === 'POST') {
      const body = parseJsonBody(await readBody(req), req.headers['content-type']);
      applyFaults(state, (body as { faults?: unknown } | null)?.faults);
      return json(200, faultsBody(state));
    }
    return detail(405, 'Method Not Allowed');
  }
  if (path === '/__sim/stats') return method === 'GET' ? json(200, statsSnapshot(state)) : detail(405, 'Method Not Allowed');
  return detail(404, 'Not Found');
}
