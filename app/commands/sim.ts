import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EXIT } from '../../lib/errors.ts';
import { parseFaultNames, unknownFaultMessage } from '../../simulator/faults.ts';
import { RATE_LIMITS, startSimulator, type SimulatorOptions } from '../../simulator/index.ts';
import { parseArgv, stringValue, type FlagSpec, type ParsedArgv } from '../args.ts';
import { defineCommand } from '../command.ts';

const SIM_FLAGS: readonly FlagSpec[] = [
  { name: 'port', type: 'value', value: 'N', description: 'port on 127.0.0.1 (0 = any free port)', defaultText: '8000' },
  { name: 'fault', type: 'list', value: 'a,b', description: "faults active from the start (preset real-head = the real app's HEAD bugs); see simulator/README.md", env: 'SIM_FAULTS' },
  { name: 'generation-seconds', type: 'value', value: 'S', description: 'duration of a healthy 30-post run', defaultText: '6' },
  { name: 'slow-api-ms', type: 'value', value: 'N', description: 'delay of every /api/* response under the slow-api fault, 0–60000', defaultText: '700' },
  { name: 'dashboard-dir', type: 'value', value: 'DIR', description: 'serve this built dashboard (index.html + assets) instead of the bundled one' },
  { name: 'log', type: 'boolean', description: 'one line per request on stderr' },
];

const ENV_NOTE = `Env: SIM_EMAIL, SIM_PASSWORD (seeded operator), SIM_FAULTS (a,b), SIM_ADMIN_TOKEN (for /__sim/*),
     SIM_VERSION, SIM_RATE_LIMITS (e.g. login=3,generate-all=2)`;

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

function flagOptions(args: ParsedArgv, env: Readonly<Record<string, string | undefined>>, options: SimulatorOptions, problems: string[]): void {
  const port = stringValue(args.values, 'port');
  if (port !== undefined) {
    if (!/^\d+$/.test(port) || Number(port) > 65535) problems.push(`--port must be an integer 0–65535, got "${port}"`);
    else options.port = Number(port);
  }
  const { faults, unknown } = parseFaultNames([...((args.values.fault as string[] | undefined) ?? []), env['SIM_FAULTS'] ?? '']);
  if (unknown.length > 0) problems.push(`--fault/SIM_FAULTS: ${unknownFaultMessage(unknown)}`);
  options.faults = faults;
  const gs = stringValue(args.values, 'generation-seconds');
  if (gs !== undefined) {
    const n = Number(gs);
    if (gs.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 3600) problems.push(`--generation-seconds must be a number > 0 and ≤ 3600, got "${gs}"`);
    else options.generationSeconds = n;
  }
  const slow = stringValue(args.values, 'slow-api-ms');
  if (slow !== undefined) {
    const n = Number(slow);
    // Bounded: the delay is held by a timer per request, which outlives close() until it fires.
    if (!/^\d+(\.\d+)?$/.test(slow) || n > 60_000) problems.push(`--slow-api-ms must be a number of milliseconds from 0 to 60000, got "${slow}"`);
    else options.slowApiMs = n;
  }
  const dir = stringValue(args.values, 'dashboard-dir');
  if (dir !== undefined) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) problems.push(`--dashboard-dir: no such directory: ${dir}`);
    else if (!existsSync(join(dir, 'index.html'))) problems.push(`--dashboard-dir: ${dir} has no index.html (is it a built dist/?)`);
    else options.dashboardDir = dir;
  }
}

function envOptions(env: Readonly<Record<string, string | undefined>>, options: SimulatorOptions, problems: string[]): void {
  const email = env['SIM_EMAIL'];
  if (email) {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) problems.push('SIM_EMAIL must be an email address');
    else options.email = email;
  }
  const password = env['SIM_PASSWORD'];
  if (password) {
    if (password.length > 200) problems.push('SIM_PASSWORD must be at most 200 characters');
    else options.password = password;
  }
  const token = env['SIM_ADMIN_TOKEN'];
  if (token) {
    if (token.length < 8) problems.push('SIM_ADMIN_TOKEN must be at least 8 characters');
    else options.adminToken = token;
  }
  const version = env['SIM_VERSION'];
  if (version !== undefined && version.trim() !== '') options.version = version.trim();
  const limits = env['SIM_RATE_LIMITS'];
  if (limits !== undefined && limits.trim() !== '') options.rateLimits = parseRateLimits(limits, problems);
}

/** Pure but for checking that --dashboard-dir exists: flags and env → simulator options, or every problem. */
function planSim(args: ParsedArgv, env: Readonly<Record<string, string | undefined>>): { plan?: SimulatorOptions; problems: string[] } {
  const problems: string[] = [];
  const options: SimulatorOptions = { port: 8000, log: args.values.log === true };
  flagOptions(args, env, options, problems);
  envOptions(env, options, problems);
  return problems.length > 0 ? { problems } : { plan: options, problems };
}

export type ParsedSimArgs = { kind: 'run'; options: SimulatorOptions } | { kind: 'help' } | { kind: 'invalid'; problems: string[] };

/** argv + env → the simulator's options (the command's own parsing, for tests and embedders). */
export function parseSimArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedSimArgs {
  const args = parseArgv(argv, SIM_FLAGS);
  if (args.help) return { kind: 'help' };
  const { plan, problems } = planSim(args, env);
  const all = [...args.problems, ...problems];
  return plan && all.length === 0 ? { kind: 'run', options: plan } : { kind: 'invalid', problems: all };
}

export const simCommand = defineCommand({
  kind: 'plain',
  name: 'sim',
  usage: 'jumpstart-gate sim [--port N] [--fault a,b] [--generation-seconds S] [--slow-api-ms N] [--dashboard-dir DIR] [--log]',
  summary: 'Starts the Content Jumpstart simulator (API + dashboard on one origin, named faults) until SIGINT/SIGTERM.',
  flags: SIM_FLAGS,
  notes: ENV_NOTE,
  plan: planSim,
  run: async (o, ctx) => {
    let sim;
    try {
      sim = await startSimulator(o);
    } catch (e) {
      ctx.warn(`sim: cannot start: ${(e as Error).message}`);
      return EXIT.usage;
    }
    ctx.log(`Simulator listening on ${sim.url}`);
    ctx.log(
      `Faults: ${sim.faults().join(', ') || 'none'} · operator: ${o.email ?? 'operator@jumpstart.local'} · dashboard: ${o.dashboardDir ?? 'bundled'} · ` +
        `/__sim token: ${o.adminToken ? 'from SIM_ADMIN_TOKEN' : 'random (set SIM_ADMIN_TOKEN to use /__sim)'}`,
    );
    // A signal that came while it was starting fires no event: it stops at once then.
    if (!ctx.signal.aborted) await new Promise<void>((r) => ctx.signal.addEventListener('abort', () => r(), { once: true }));
    // Bounded: a hung socket must not keep the process alive.
    await Promise.race([sim.close(), sleep(3000)]);
    return 0;
  },
});
