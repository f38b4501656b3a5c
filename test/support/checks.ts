import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { embeddedReportTexts } from '../../checks/support/scrub.ts';
import type { CheckResult } from '../../lib/verdict/types.ts';
import { listenLoopback } from './loopback.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const PLAYWRIGHT = join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');

export interface ChecksJson {
  startedAt: string;
  finishedAt: string;
  browser: string;
  cleanup: { deleted: string[]; problems: string[] };
  results: CheckResult[];
}

export interface ChecksRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  outDir: string;
  authDir: string;
  checks: ChecksJson | undefined;
  byId: (id: string) => CheckResult;
}

/** A scratch dir removed by `t.after` (KEEP_SCRATCH=1 keeps it, to inspect a failed run). */
export function scratch(t: { after: (fn: () => void) => void }, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => process.env.KEEP_SCRATCH ? undefined : rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Spawns `playwright test` as the CI would, with only the env given here (no CJ_* of the caller).
 * Bounded: killed (its process group, by pid) after `timeoutMs`.
 */
export async function runChecks(opts: { env: Record<string, string>; args?: string[]; dir: string; timeoutMs?: number }): Promise<ChecksRun> {
  const outDir = join(opts.dir, 'reports');
  const authDir = join(opts.dir, 'auth');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('CJ_') && k !== 'CI') env[k] = v;
  Object.assign(env, { CJ_OUT_DIR: outDir, CJ_AUTH_DIR: authDir, FORCE_COLOR: '0' }, opts.env);
  const started = performance.now();
  const child = spawn(process.execPath, [PLAYWRIGHT, 'test', ...(opts.args ?? [])], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  }, opts.timeoutMs ?? 150_000);
  const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
  clearTimeout(timer);
  let checks: ChecksJson | undefined;
  try {
    checks = JSON.parse(readFileSync(join(outDir, 'checks.json'), 'utf8')) as ChecksJson;
  } catch {
    checks = undefined;
  }
  const byId = (id: string): CheckResult => {
    const r = checks?.results.find((x) => x.id === id);
    if (!r) throw new Error(`no result for ${id} in checks.json\n${stdout}\n${stderr}`);
    return r;
  };
  return { code, stdout, stderr, ms: performance.now() - started, outDir, authDir, checks, byId };
}

/** One line per result, for assertion messages. */
export function summary(run: ChecksRun): string {
  return (run.checks?.results ?? []).map((r) => `${r.id} ${r.status}: ${r.message ?? ''}`).join('\n') || `no checks.json\n${run.stdout}\n${run.stderr}`;
}

/**
 * Every text the run left under `dir`: plain files, the entries of every zip (traces), and the HTML
 * report's embedded data (a base64 zip inside index.html).
 */
export function allTexts(dir: string): Array<{ where: string; text: string }> {
  const out: Array<{ where: string; text: string }> = [];
  const walk = (d: string, depth: number): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) {
        if (depth < 10) walk(p, depth + 1);
        continue;
      }
      const bytes = readFileSync(p);
      out.push({ where: p, text: bytes.toString('utf8') });
      if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
        try {
          for (const [entry, data] of Object.entries(unzipSync(bytes))) out.push({ where: `${p}!${entry}`, text: strFromU8(data) });
        } catch {
          // a corrupt zip (RB-11's fault) has no entries to read
        }
      }
      if (name.endsWith('.html')) for (const text of embeddedReportTexts(bytes.toString('utf8'))) out.push({ where: `${p}!embedded`, text });
    }
  };
  walk(dir, 0);
  return out;
}

/** A canned answer the proxy gives instead of the simulator's (a fault the simulator has no switch for). */
export interface ProxyAnswer {
  status: number;
  type: string;
  body: string;
  headers?: Record<string, string>;
}

/**
 * A pass-through proxy in front of the simulator that remembers every token the login route issued,
 * so a test can prove none of them reached a report. `answer` may replace the response for a path
 * (with its query, if any).
 */
export async function tokenRecordingProxy(
  target: string,
  answer: (path: string) => ProxyAnswer | undefined = () => undefined,
): Promise<{ url: string; tokens: Set<string>; close: () => Promise<void> }> {
  const tokens = new Set<string>();
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const canned = answer(url.pathname + url.search);
    if (canned) {
      req.resume();
      res.writeHead(canned.status, { 'content-type': canned.type, ...canned.headers });
      res.end(canned.body);
      return;
    }
    const fwd = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (up) => {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const body = Buffer.concat(chunks);
          if (req.url?.startsWith('/api/auth/')) {
            for (const m of body.toString('utf8').matchAll(/"(?:access_token|refresh_token)"\s*:\s*"([^"]+)"/g)) if (m[1]) tokens.add(m[1]);
          }
          res.writeHead(up.statusCode ?? 502, up.headers);
          res.end(body);
        });
      },
    );
    fwd.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(fwd);
  });
  return { ...(await listenLoopback(server)), tokens };
}

/** Fails naming the file when any secret (in raw or JSON-escaped form) is found anywhere under `dir`. */
export function assertNoSecrets(dir: string, secrets: readonly string[]): number {
  const forms = secrets.flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]).filter((s) => s.length >= 6);
  const texts = allTexts(dir);
  if (!texts.some((x) => x.where.endsWith('!embedded'))) throw new Error(`no HTML report data found under ${dir}`);
  for (const { where, text } of texts) {
    for (const s of forms) if (text.includes(s)) throw new Error(`${where} contains a secret (${s.slice(0, 6)}…)`);
  }
  return texts.length;
}

export async function simStats(url: string, adminToken: string): Promise<{ logins: number; generations: number; projects: { live: number } }> {
  const res = await fetch(`${url}/__sim/stats`, { headers: { 'X-Sim-Admin-Token': adminToken }, signal: AbortSignal.timeout(5000) });
  if (res.status !== 200) throw new Error(`/__sim/stats answered ${res.status}`);
  return (await res.json()) as { logins: number; generations: number; projects: { live: number } };
}

/** A redirect answer to `to` + the request's path (e.g. another loopback server: another origin). */
export function redirectTo(to: string, path: string, status = 307): ProxyAnswer {
  return { status, type: 'text/plain', body: '', headers: { location: `${to}${path}` } };
}

export interface Recorded {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

/**
 * A throwaway server standing for "another origin": it records every request it ever receives (method,
 * path, Authorization header, body) and answers a small HTML page, so a test can prove that no
 * password or token ever reached it.
 */
export async function recordingServer(): Promise<{ url: string; requests: Recorded[]; close: () => Promise<void> }> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><title>elsewhere</title><label for="email">Email address</label><input id="email"><label for="password">Password</label><input id="password" type="password"><button>Sign in</button>');
    });
  });
  return { ...(await listenLoopback(server)), requests };
}
