/** Shared by the gate's end-to-end tests and the JUnit unit test: XSD validation, spawning, file scans. */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const XSD = join(ROOT, 'test/fixtures/junit-10.xsd');

/** junit-10.xsd predates per-testcase <properties>; the same schema with just that one allowance. */
function withTestcaseProperties(xsd: string): string {
  const anchor = '<xs:element ref="skipped"/>';
  if (!xsd.includes(anchor)) throw new Error('junit-10.xsd changed: cannot find the testcase choice');
  return xsd.replace(anchor, `<xs:element ref="properties"/>\n                    ${anchor}`);
}

/** Testcase-level <properties> blocks removed (suite-level ones stay). */
function withoutTestcaseProperties(xml: string): string {
  return xml.replace(/(<testcase\b[^>]*>)\s*<properties>[\s\S]*?<\/properties>/g, '$1');
}

/**
 * Validates a JUnit document twice with libxml2 (xmllint-wasm): as is against junit-10.xsd plus the
 * per-testcase properties extension, and with those properties removed against the unmodified
 * junit-10.xsd. Returns every error (empty = valid).
 */
export async function junitSchemaErrors(xml: string): Promise<string[]> {
  const xsd = await readFile(XSD, 'utf8');
  const runs = [
    { label: 'junit-10.xsd (unmodified, testcase properties removed)', xml: withoutTestcaseProperties(xml), xsd },
    { label: 'junit-10.xsd + testcase properties', xml, xsd: withTestcaseProperties(xsd) },
  ];
  const errors: string[] = [];
  for (const run of runs) {
    const res = await validateXML({ xml: [{ fileName: 'junit.xml', contents: run.xml }], schema: [{ fileName: 'junit.xsd', contents: run.xsd }] });
    if (!res.valid) errors.push(...res.errors.map((e) => `${run.label}: ${e.rawMessage}`));
  }
  return errors;
}

export interface RunOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Signals to send to the command, each `[signal, ms after the start]` (a CI cancel is SIGINT, SIGTERM, SIGKILL). */
export type SignalPlan = ReadonlyArray<readonly [NodeJS.Signals, number]>;

/**
 * Spawns the bin (`node bin/jumpstart-gate.js <command> …`, exactly as CI runs it) with a hard deadline;
 * kills its group on timeout. `signals` go to the command alone, like a CI runner's to its step, timed
 * from when `signalsFrom` settles (default: the start).
 */
export function runBin(command: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number, signals: SignalPlan = [], signalsFrom: Promise<unknown> = Promise.resolve()): Promise<RunOutcome> {
  const started = Date.now();
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/jumpstart-gate.js'), command, ...args], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // To the gate alone: its children are in their own groups and must be stopped by it.
    const sent: NodeJS.Timeout[] = [];
    void signalsFrom.then(() => {
      for (const [sig, ms] of signals) sent.push(setTimeout(() => child.kill(sig), ms));
    });
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        // gone
      }
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      for (const t of sent) clearTimeout(t);
      resolvePromise({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The env a gate child gets in tests: the parent's, minus anything CJ_* that could leak in from the shell. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('CJ_') && !k.startsWith('SIM_') && k !== 'GITHUB_STEP_SUMMARY') env[k] = v;
  return { ...env, ...extra };
}

async function* files(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile()) yield p;
  }
}

/**
 * Every file under `dir` (zips opened, and the HTML report's embedded zip too) that contains one of
 * `needles` or matches one of `patterns`.
 */
export async function filesContaining(dir: string, needles: readonly string[], patterns: readonly RegExp[] = []): Promise<string[]> {
  const hits: string[] = [];
  const check = (label: string, text: string) => {
    for (const n of needles) if (n && text.includes(n)) hits.push(`${label} contains ${n.slice(0, 4)}…`);
    for (const p of patterns) if (p.test(text)) hits.push(`${label} matches ${p.source.slice(0, 12)}…`);
  };
  const checkZip = (label: string, bytes: Uint8Array) => {
    try {
      for (const [name, data] of Object.entries(unzipSync(bytes))) check(`${label}!${name}`, strFromU8(data, true));
    } catch {
      // not a zip
    }
  };
  for await (const f of files(dir)) {
    const bytes = await readFile(f);
    const text = bytes.toString('utf8');
    check(f, text);
    if (/\.(zip|docx)$/i.test(f)) checkZip(f, bytes);
    for (const m of text.matchAll(/data:application\/zip;base64,([A-Za-z0-9+/=]+)/g)) checkZip(`${f} (embedded zip)`, Buffer.from(m[1] ?? '', 'base64'));
  }
  return hits;
}

/** The password every gate test gives the simulator: distinctive, so a leak is easy to find. */
export const SIM_PASSWORD = 'Gate-Test-Pw!7xQ#never-in-reports';
export const SIM_EMAIL = 'operator@jumpstart.local';
export const SIM_VERSION = '1.4.2';
/** A JWT anywhere in a report is a leaked session, whoever issued it. */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;

/** The env of a gate child against a simulator: credentials, expected version and shrunk load. */
export function gateEnv(url: string, outDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return cleanEnv({
    CJ_BASE_URL: url,
    CJ_EMAIL: SIM_EMAIL,
    CJ_PASSWORD: SIM_PASSWORD,
    CJ_EXPECTED_VERSION: SIM_VERSION,
    CJ_OUT_DIR: outDir,
    CJ_LOAD_DURATION_S: '3',
    CJ_LOAD_RATE: '20',
    CJ_REQUEST_TIMEOUT_MS: '10000',
    ...extra,
  });
}

export interface VerdictJson {
  verdict: string;
  target: string;
  version: string | null;
  startedAt: string;
  durationMs: number;
  exitCode: number;
  checks: Array<{ id: string; title: string; severity: string; status: string; measured?: number; threshold?: string; message?: string; source: string }>;
}

export async function readVerdict(outDir: string): Promise<VerdictJson> {
  return JSON.parse(await readFile(join(outDir, 'verdict.json'), 'utf8')) as VerdictJson;
}

/** Ids whose status is fail or error (what the fault matrix compares). */
export function failing(v: VerdictJson): string[] {
  return [...new Set(v.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.id))].sort();
}

/** "RB-05 fail: …" lines for assertion messages. */
export function describeChecks(v: VerdictJson): string {
  return v.checks.filter((c) => c.status !== 'pass').map((c) => `${c.title.slice(0, 50)} ${c.status}: ${(c.message ?? '').slice(0, 160)}`).join('\n');
}
