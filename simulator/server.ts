import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { adminReply } from './admin.ts';
import { afterRoute, beforeRoute, fixHeaders, onRequest } from './fault-hooks.ts';
import { addCorsHeaders, addSecurityHeaders, isPreflight, preflight } from './headers.ts';
import { HttpError, SimulatedFault, ValidationError, parseJsonBody, readBody, type Reply } from './http.ts';
import { createRouter, type Match } from './router.ts';
import { staticReply } from './spa.ts';
import type { Ctx, Route, SimState } from './state.ts';
import { recordRequest } from './stats.ts';

/** The global exception handler's body (contract §8); detailed only in debug mode. */
function globalError(state: SimState, e: unknown): Reply {
  const err = e instanceof Error ? e : new Error(String(e));
  const error = state.debug() ? { code: 'INTERNAL_SERVER_ERROR', message: err.message, type: err.name } : { code: 'INTERNAL_SERVER_ERROR', message: 'An unexpected error occurred' };
  return { status: 500, json: { success: false, error } };
}

function errorReply(state: SimState, e: unknown): Reply {
  if (e instanceof HttpError) return { status: e.status, json: e.body, headers: e.headers };
  if (e instanceof ValidationError) return { status: 422, json: { detail: e.errors } };
  // A fault's 500 is expected (and may come by the hundred under load): logged only with --log.
  if (e instanceof SimulatedFault) {
    if (state.opts.log) process.stderr.write(`[sim] 500: ${e.message}\n`);
  } else process.stderr.write(`[sim] unhandled error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return globalError(state, e);
}

/** Writes a reply with the headers every response carries: security, CORS, X-Process-Time. */
function write(req: IncomingMessage, res: ServerResponse, state: SimState, reply: Reply, t0: number, admin: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const h: Record<string, string> = {};
  let body: Buffer | string | undefined = reply.raw;
  if (body === undefined && reply.json !== undefined) body = JSON.stringify(reply.json);
  const empty = reply.status === 204 || reply.status === 304;
  if (!empty && body !== undefined) {
    h['Content-Type'] = reply.contentType ?? 'application/json';
    h['Content-Length'] = String(Buffer.byteLength(body));
  } else if (!empty) h['Content-Length'] = '0';
  if (!admin) addSecurityHeaders(h, state);
  addCorsHeaders(h, req, state);
  Object.assign(h, reply.headers);
  h['X-Process-Time'] = ((performance.now() - t0) / 1000).toFixed(3);
  if (!admin) fixHeaders(h, reply, state);
  res.writeHead(reply.status, h);
  res.end(empty ? undefined : body);
}

function templateOf(m: Match): string | undefined {
  if (m.kind === 'ok' || m.kind === 'method') return m.template;
  if (m.kind === 'redirect') return m.location.endsWith('/') ? m.template.slice(0, -1) : `${m.template}/`;
  return undefined;
}

export function createRequestHandler(state: SimState, routes: readonly Route[]): (req: IncomingMessage, res: ServerResponse) => void {
  const match = createRouter(routes);

  /**
   * A matched route: faults may answer before it or change its answer after it (errors included, as
   * their replies). A fault acts out an exception by throwing, like the app's own code would.
   */
  async function dispatch(route: Route, ctx: Ctx, template: string): Promise<Reply> {
    const call = { ctx, route: `${route.method} ${template}` };
    let reply: Reply;
    try {
      reply = (await beforeRoute(call)) ?? (await route.handler(ctx));
    } catch (e) {
      reply = errorReply(state, e);
    }
    try {
      return await afterRoute(call, reply);
    } catch (e) {
      return errorReply(state, e);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, t0: number): Promise<void> {
    const url = req.url ?? '/';
    const qi = url.indexOf('?');
    const path = qi < 0 ? url : url.slice(0, qi);
    const search = qi < 0 ? '' : url.slice(qi);
    const method = req.method ?? 'GET';
    if (path.startsWith('/__sim/')) {
      const reply = await adminReply(req, path, state).catch((e: unknown) => errorReply(state, e));
      return write(req, res, state, reply, t0, true);
    }
    const isApi = path === '/api' || path.startsWith('/api/');
    await onRequest({ method, path, api: isApi }, state);

    const m = match(method, path);
    let template = templateOf(m) ?? (isApi ? '/api/{path:path}' : undefined);
    let reply: Reply;
    try {
      if (isPreflight(req)) {
        const p = preflight(req, state);
        reply = { status: p.status, raw: p.text, contentType: 'text/plain; charset=utf-8', headers: p.headers };
        template ??= '/{path:path}';
      } else if (m.kind === 'ok') {
        reply = await dispatch(m.route, makeCtx(req, method, path, search, m.params), m.template);
      } else if (m.kind === 'method') {
        reply = { status: 405, json: { detail: 'Method Not Allowed' } };
      } else if (m.kind === 'redirect') {
        reply = { status: 307, headers: { Location: `http://${req.headers.host ?? 'localhost'}${m.location}${search}` } };
      } else if (isApi) {
        reply = { status: 404, json: { detail: 'Not Found' } };
      } else {
        const s = await staticReply(state, method, path);
        reply = s.reply;
        template = s.template;
      }
    } catch (e) {
      reply = errorReply(state, e);
    }
    write(req, res, state, reply, t0, false);
    recordRequest(state.stats, `${method} ${template ?? path}`, reply.status);
    if (state.opts.log) process.stderr.write(`${method} ${path} ${reply.status} ${(performance.now() - t0).toFixed(1)}ms\n`);
  }

  function makeCtx(req: IncomingMessage, method: string, path: string, search: string, params: Record<string, string>): Ctx {
    let parsed: Promise<unknown> | undefined;
    return {
      req,
      method,
      path,
      query: new URLSearchParams(search),
      params,
      ip: req.socket.remoteAddress ?? 'unknown',
      state,
      body: () => (parsed ??= readBody(req).then((buf) => parseJsonBody(buf, req.headers['content-type']))),
    };
  }

  return (req, res) => {
    const t0 = performance.now();
    handle(req, res, t0).catch((e: unknown) => write(req, res, state, errorReply(state, e), t0, false));
  };
}
