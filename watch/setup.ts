import { loadConfig, type Config } from '../lib/config/index.ts';
import { GateError } from '../lib/errors.ts';
import { parseArgs, type ExtraFlags } from '../app/args.ts';
import { WATCH_API_PATH } from './run.ts';

export const WATCH_FLAGS: ExtraFlags = {
  minutes: { takesValue: true, help: 'length of the watch window after the traffic switch (default 10)' },
  interval: { takesValue: true, help: 'seconds between polls (default 10)' },
  'api-route': { takesValue: true, help: `light API route polled beside /health (default ${WATCH_API_PATH})` },
};

export interface WatchSetup {
  config: Config;
  minutes: number;
  intervalS: number;
  apiPath: string;
}

const MAX_MINUTES = 24 * 60;

function positive(raw: string | boolean | undefined, fallback: number, flag: string, problems: string[]): number {
  if (raw === undefined) return fallback;
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) {
    problems.push(`${flag}: must be a positive number, got ${JSON.stringify(raw)}`);
    return fallback;
  }
  return n;
}

/** Pure: argv + env → the watch's settings; throws GateError('CONFIG') with every problem. */
export function setupWatch(argv: readonly string[], env: Record<string, string | undefined>): WatchSetup | { help: true } {
  const args = parseArgs(argv, WATCH_FLAGS);
  if (args.help) return { help: true };
  const problems = [...args.problems];
  const minutes = positive(args.extra.minutes, 10, '--minutes', problems);
  const intervalS = positive(args.extra.interval, 10, '--interval', problems);
  if (minutes > MAX_MINUTES) problems.push(`--minutes: at most ${MAX_MINUTES}, got ${minutes}`);
  if (intervalS > minutes * 60) problems.push(`--interval: ${intervalS} s is longer than the window (${minutes} min)`);
  const apiRaw = args.extra['api-route'];
  const apiPath = typeof apiRaw === 'string' ? apiRaw : WATCH_API_PATH;
  if (!apiPath.startsWith('/') || apiPath.startsWith('//')) problems.push(`--api-route: must be a path starting with "/", got ${JSON.stringify(apiPath)}`);
  let config: Config | undefined;
  try {
    config = loadConfig({ env, flags: args.flags, require: ['baseUrl'] });
  } catch (e) {
    if (!(e instanceof GateError)) throw e;
    problems.push(...e.problems);
  }
  if (problems.length > 0 || !config) throw new GateError('CONFIG', `invalid configuration (${problems.length} problem(s))`, problems);
  return { config, minutes, intervalS, apiPath };
}
