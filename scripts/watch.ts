/**
 * `npm run watch -- --target URL --minutes M --interval S` — RB-17, the watch window after the
 * traffic switch. Same reports and exit codes as the gate (0 promote · 2 rollback · 3 inconclusive · 64).
 */
import { secretValues } from '../lib/config/index.ts';
import { describeFlags } from '../app/args.ts';
import { finishRun } from '../app/finish.ts';
import { runWatch } from '../watch/run.ts';
import { setupWatch, WATCH_FLAGS } from '../watch/setup.ts';
import { DEFAULT_TRIGGERS as T } from '../watch/window.ts';
import { EXIT } from '../lib/errors.ts';
import { abortOnSignals, exitCodeFor } from '../app/cli.ts';

const HELP = `Usage: npm run watch -- --target URL [--minutes M] [--interval S] [options]

Polls GET /health and a light API route for the window after the traffic switch (RB-17).
Fails (rollback, exit 2) on ${T.consecutiveHealthFailures} consecutive health failures or more than ${T.max5xxInWindow} 5xx in any ${T.window5xxS} s.

Options (each config option also settable by env):
${describeFlags(WATCH_FLAGS)}

Exit codes: 0 promote · 2 rollback · 3 inconclusive · 64 usage or configuration error.
`;

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let setup;
  try {
    setup = setupWatch(argv, env);
  } catch (e) {
    return exitCodeFor('watch', e);
  }
  if ('help' in setup) {
    process.stdout.write(HELP);
    return 0;
  }
  const { config } = setup;
  const ac = abortOnSignals(() => process.exit(EXIT.inconclusive));
  const log = (l: string) => process.stdout.write(`${l}\n`);
  try {
    const startedAt = new Date();
    log(`watch: ${config.baseUrl} for ${setup.minutes} min, a poll every ${setup.intervalS} s (/health and ${setup.apiPath})`);
    const out = await runWatch({
      baseUrl: config.baseUrl,
      minutes: setup.minutes,
      intervalS: setup.intervalS,
      requestTimeoutMs: config.requestTimeoutMs,
      apiPath: setup.apiPath,
      signal: ac.signal,
      onProgress: log,
    });
    const done = await finishRun({
      command: 'watch',
      config,
      results: [out.result],
      startedAt,
      ...(out.version !== undefined ? { reportedVersion: out.version } : {}),
      secrets: secretValues(config),
      ...(env.GITHUB_STEP_SUMMARY ? { stepSummaryPath: env.GITHUB_STEP_SUMMARY } : {}),
      log,
    });
    return done.exitCode;
  } catch (e) {
    return exitCodeFor('watch', e);
  }
}

process.exitCode = await main(process.argv.slice(2), process.env);
