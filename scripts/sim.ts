/**
 * `npm run sim -- --port N [--fault a,b] [--generation-seconds S] [--slow-api-ms N] [--dashboard-dir DIR] [--log]`
 * Starts the Content Jumpstart simulator until SIGINT/SIGTERM. Bad flags or env: every problem, exit 64.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { EXIT } from '../lib/errors.ts';
import { parseFaultNames, unknownFaultMessage } from '../simulator/faults.ts';
import { RATE_LIMITS, startSimulator, type SimulatorHandle, type SimulatorOptions } from '../simulator/index.ts';

export const USAGE = `Usage: npm run sim -- [--port N] [--fault a,b] [--generation-seconds S] [--slow-api-ms N] [--dashboard-dir DIR] [--log]
  --port N                 port on 127.0.0.1 (default 8000; 0 = any free port)
  --fault a,b              faults active from the start (repeatable; preset real-head = the real app's HEAD bugs); see simulator/README.md
  --generation-seconds S   duration of a healthy 30-post run (default 6)
  --slow-api-ms N          delay of every /api/* response under the slow-api fault, 0–60000 (default 700)
  --dashboard-dir DIR      serve this built dashboard (index.html + assets) instead of the bundled one
  --log                    one line per request on stderr
Env: SIM_EMAIL, SIM_PASSWORD (seeded operator), SIM_FAULTS (a,b), SIM_ADMIN_TOKEN (for /__sim/*),
     SIM_VERSION, SIM_RATE_LIMITS (e.g. login=3,generate-all=2)`;

const FLAGS = {
  port: { type: 'string' },
  fault: { type: 'string', multiple: true },
  'generation-seconds': { type: 'string' },
  'slow-api-ms': { type: 'string' },
  'dashboard-dir': { type: 'string' },
  log: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type ParsedSimArgs = { kind: 'run'; options: SimulatorOptions } | { kind: 'help' } | { kind: 'invalid'; problems: string[] };

function parseRateLimits(raw: string, problems: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of raw.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const m = /^([\w-]+)=(\d+)$/.exec(part);
    if (!m) problems.push(`SIM_RATE_LIMITS: "${part}" is not name=N`);
    else if (!Object.hasOwn(RATE_LIMITS, m[1] as string)) problems.push(`SIM_RATE_LIMITS: unknown route "${m[1]}" (known: ${Object.keys(RATE_LIMITS).join(', ')})`);
    else if (Number(m[2]) < 1) problems.push(`SIM_RATE_LIMITS: ${m[1]} must be at least 1`);
    else out[m[1] as string] = Number(m[2]);
  }
  return out;
}

/** Pure but for checking that --dashboard-dir exists: argv and env come in as parameters. */
export function parseSimArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedSimArgs {
  const problems: string[] = [];
  const { values, positionals, tokens } = parseArgs({ args: [...argv], options: FLAGS, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens ?? []) {
    if (t.kind === 'option' && !Object.hasOwn(FLAGS, t.name)) problems.push(`unknown flag ${t.rawName}`);
    else if (t.kind === 'option' && FLAGS[t.name as keyof typeof FLAGS].type === 'string' && t.value === undefined) problems.push(`${t.rawName} needs a value`);
  }
  if (positionals.length > 0) problems.push(`unexpected argument${positionals.length > 1 ? 's' : ''}: ${positionals.join(' ')}`);
  if (values.help === true) return { kind: 'help' };
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const options: SimulatorOptions = { port: 8000, log: values.log === true };

  const port = str(values.port);
  if (port !== undefined) {
    if (!/^\d+$/.test(port) || Number(port) > 65535) problems.push(`--port must be an integer 0–65535, got "${port}"`);
    else options.port = Number(port);
  }
  const faultInputs = [...(Array.isArray(values.fault) ? values.fault.filter((f): f is string => typeof f === 'string') : []), env['SIM_FAULTS'] ?? ''];
  const { faults, unknown } = parseFaultNames(faultInputs);
  if (unknown.length > 0) problems.push(`--fault/SIM_FAULTS: ${unknownFaultMessage(unknown)}`);
  options.faults = faults;

  const gs = str(values['generation-seconds']);
  if (gs !== undefined) {
    const n = Number(gs);
    if (gs.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 3600) problems.push(`--generation-seconds must be a number > 0 and ≤ 3600, got "${gs}"`);
    else options.generationSeconds = n;
  }
  const slow = str(values['slow-api-ms']);
  if (slow !== undefined) {
    const n = Number(slow);
    // Bounded: the delay is held by a timer per request, which outlives close() until it fires.
    if (slow.trim() === '' || !Number.isFinite(n) || n < 0 || n > 60_000) problems.push(`--slow-api-ms must be a number of milliseconds from 0 to 60000, got "${slow}"`);
    else options.slowApiMs = n;
  }
  const dir = str(values['dashboard-dir']);
  if (dir !== undefined) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) problems.push(`--dashboard-dir: no such directory: ${dir}`);
    else if (!existsSync(join(dir, 'index.html'))) problems.push(`--dashboard-dir: ${dir} has no index.html (is it a built dist/?)`);
    else options.dashboardDir = dir;
  }
  const email = env['SIM_EMAIL'];
  if (email !== undefined && email !== '') {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) problems.push('SIM_EMAIL must be an email address');
    else options.email = email;
  }
  const password = env['SIM_PASSWORD'];
  if (password !== undefined && password !== '') {
    if (password.length > 200) problems.push('SIM_PASSWORD must be at most 200 characters');
    else options.password = password;
  }
  const token = env['SIM_ADMIN_TOKEN'];
  if (token !== undefined && token !== '') {
    if (token.length < 8) problems.push('SIM_ADMIN_TOKEN must be at least 8 characters');
    else options.adminToken = token;
  }
  const version = env['SIM_VERSION'];
  if (version !== undefined && version.trim() !== '') options.version = version.trim();
  const limits = env['SIM_RATE_LIMITS'];
  if (limits !== undefined && limits.trim() !== '') options.rateLimits = parseRateLimits(limits, problems);
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'run', options };
}

async function main(): Promise<void> {
  const parsed = parseSimArgs(process.argv.slice(2), process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (parsed.kind === 'invalid') {
    process.stderr.write(`sim: ${parsed.problems.length} problem${parsed.problems.length > 1 ? 's' : ''}:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}\n\n${USAGE}\n`);
    process.exit(EXIT.usage);
  }
  let sim: SimulatorHandle;
  try {
    sim = await startSimulator(parsed.options);
  } catch (e) {
    process.stderr.write(`sim: cannot start: ${(e as Error).message}\n`);
    process.exit(EXIT.usage);
  }
  const o = parsed.options;
  process.stdout.write(`Simulator listening on ${sim.url}\n`);
  process.stdout.write(
    `Faults: ${sim.faults().join(', ') || 'none'} · operator: ${o.email ?? 'operator@jumpstart.local'} · dashboard: ${o.dashboardDir ?? 'bundled'} · ` +
      `/__sim token: ${o.adminToken ? 'from SIM_ADMIN_TOKEN' : 'random (set SIM_ADMIN_TOKEN to use /__sim)'}\n`,
  );
  const stop = (signal: string) => {
    process.stderr.write(`sim: ${signal}, stopping\n`);
    // Bounded: a hung socket must not keep the process alive.
    setTimeout(() => process.exit(0), 3000).unref();
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
