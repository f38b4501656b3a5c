import type { Route } from './state.ts';

export type Match =
  | { kind: 'ok'; route: Route; params: Record<string, string>; template: string }
  /** The path exists with other methods: 405. */
  | { kind: 'method'; template: string }
  /** FastAPI's redirect_slashes: the path exists with/without a trailing slash: 307. */
  | { kind: 'redirect'; location: string; template: string }
  | { kind: 'none' };

interface Compiled {
  segments: string[];
  routes: Route[];
  template: string;
}

/** Exact templates resolve by Map lookup (the /health hot path); templates with params by segments. */
export function createRouter(routes: readonly Route[]): (method: string, path: string) => Match {
  const exact = new Map<string, Compiled>();
  const dynamic: Compiled[] = [];
  for (const r of routes) {
    const hasParam = r.path.includes('{');
    const existing = hasParam ? dynamic.find((c) => c.template === r.path) : exact.get(r.path);
    if (existing) existing.routes.push(r);
    else {
      const c: Compiled = { segments: r.path.split('/'), routes: [r], template: r.path };
      if (hasParam) dynamic.push(c);
      else exact.set(r.path, c);
    }
  }

  function find(path: string): { c: Compiled; params: Record<string, string> } | undefined {
    const e = exact.get(path);
    if (e) return { c: e, params: {} };
    const segs = path.split('/');
    for (const c of dynamic) {
      if (c.segments.length !== segs.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segs.length && ok; i++) {
        const t = c.segments[i] as string;
        const s = segs[i] as string;
        if (t.startsWith('{')) {
          if (s === '') ok = false;
          else params[t.slice(1, -1)] = decodeURIComponent(s);
        } else ok = t === s;
      }
      if (ok) return { c, params };
    }
    return undefined;
  }

  return (method, path) => {
    let found: ReturnType<typeof find>;
    try {
      found = find(path);
    } catch {
      return { kind: 'none' }; // a malformed %-escape is simply not a route
    }
    if (!found) {
      const other = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
      const alt = other === '' ? undefined : find(other);
      return alt ? { kind: 'redirect', location: other, template: alt.c.template } : { kind: 'none' };
    }
    const route = found.c.routes.find((r) => r.method === method);
    if (!route) return { kind: 'method', template: found.c.template };
    return { kind: 'ok', route, params: found.params, template: found.c.template };
  };
}
