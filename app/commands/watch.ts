import { loadConfig, secretValues, type Config } from '../../lib/config/index.ts';
import { GateError } from '../../lib/errors.ts';
import { DEFAULT_TRIGGERS as T, runWatch, WATCH_API_PATH } from '../../watch/index.ts';
import type { FlagSpec, ParsedArgv } from '../args.ts';
import { defineCommand } from '../command.ts';
import { configFlag, configFlagValues, EXIT_NOTE } from '../flags.ts';

const FLAGS: readonly FlagSpec[] = [
  configFlag('baseUrl'),
  { name: 'minutes', type: 'value', value: 'M', description: 'length of the watch window after the traffic switch', defaultText: '10' },
  { name: 'interval', type: 'value', value: 'S', description: 'seconds between polls', defaultText: '10' },
  { name: 'api-route', type: 'value', value: 'PATH', description: 'light API route polled beside /health', defaultText: WATCH_API_PATH },
  configFlag('expectedVersion'),
  configFlag('outDir'),
  configFlag('requestTimeoutMs', { description: 'deadline of each poll (capped to the interval)' }),
  configFlag('notifyWebhook'),
];

export interface WatchPlan {
  config: Config;
  minutes: number;
  intervalS: number;
  apiPath: string;
}

const MAX_MINUTES = 24 * 60;

function positive(raw: unknown, fallback: number, flag: string, problems: string[]): number {
  if (raw === undefined) return fallback;
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) {
    problems.push(`${flag}: must be a positive number, got ${JSON.stringify(raw)}`);
    return fallback;
  }
  return n;
}

/** Pure: flags + env → the watch's settings, or every problem at once. */
export function planWatch(args: ParsedArgv, env: Record<string, string | undefined>): { plan?: WatchPlan; problems: string[] } {
  const problems: string[] = [];
  const minutes = positive(args.values.minutes, 10, '--minutes', problems);
  const intervalS = positive(args.values.interval, 10, '--interval', problems);
  if (minutes > MAX_MINUTES) problems.push(`--minutes: at most ${MAX_MINUTES}, got ${minutes}`);
  if (intervalS > minutes * 60) problems.push(`--interval: ${intervalS} s is longer than the window (${minutes} min)`);
  const apiRaw = args.values['api-route'];
  const apiPath = typeof apiRaw === 'string' ? apiRaw : WATCH_API_PATH;
  if (!apiPath.startsWith('/') || apiPath.startsWith('//')) problems.push(`--api-route: must be a path starting with "/", got ${JSON.stringify(apiPath)}`);
  let config: Config | undefined;
  try {
    config = loadConfig({ env, flags: configFlagValues(args.values, FLAGS), require: ['baseUrl'] });
  } catch (e) {
    if (!(e instanceof GateError)) throw e;
    problems.push(...e.problems);
  }
  return config && problems.length === 0 ? { plan: { config, minutes, intervalS, apiPath }, problems } : { problems };
}

export const watchCommand = defineCommand({
  kind: 'gating',
  name: 'watch',
  usage: 'jumpstart-gate watch --target URL [--minutes M] [--interval S] [flags]',
  summary:
    'RB-17: polls GET /health and a light API route for the window after the traffic switch, a line per poll.\n' +
    `Fails (rollback, exit 2) on ${T.consecutiveHealthFailures} consecutive health failures or more than ${T.max5xxInWindow} 5xx in any ${T.window5xxS} s, and stops there.`,
  flags: FLAGS,
  notes: EXIT_NOTE,
  plan: planWatch,
  settings: ({ config }) => ({
    command: 'watch',
    outDir: config.outDir,
    target: config.baseUrl,
    mode: 'watch',
    ...(config.expectedVersion !== undefined ? { expectedVersion: config.expectedVersion } : {}),
    ...(config.notifyWebhook !== undefined ? { notifyWebhook: config.notifyWebhook } : {}),
    requestTimeoutMs: config.requestTimeoutMs,
    secrets: secretValues(config),
    expectedIds: ['RB-17'],
  }),
  run: async (plan, ctx, evidence) => {
    ctx.log(`watch: ${plan.config.baseUrl} for ${plan.minutes} min, a poll every ${plan.intervalS} s (/health and ${plan.apiPath})`);
    const out = await runWatch({
      baseUrl: plan.config.baseUrl,
      minutes: plan.minutes,
      intervalS: plan.intervalS,
      requestTimeoutMs: plan.config.requestTimeoutMs,
      apiPath: plan.apiPath,
      signal: ctx.signal,
      onProgress: ctx.log,
    });
    evidence.results.push(out.result);
    if (out.version !== undefined) evidence.reportedVersion = out.version;
  },
});
