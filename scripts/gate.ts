/**
 * `npm run gate -- --target URL [--mode post-deploy|nightly|investigate] [--expected-version V] [--out DIR]`
 * Exit: 0 promote · 1 hold · 2 rollback · 3 inconclusive · 64 usage/config (README "Exit codes").
 */
import { describeFlags } from '../app/args.ts';
import { runGate } from '../app/gate/run.ts';
import { GATE_FLAGS, setupGate } from '../app/gate/setup.ts';
import { EXIT } from '../lib/errors.ts';
import { abortOnSignals, exitCodeFor, PROJECT_ROOT } from '../app/cli.ts';

const HELP = `Usage: npm run gate -- --target URL [options]

Runs the release gate against a Content Jumpstart deployment: preflight, the Playwright checks
RB-01..RB-13, the load profile (RB-14..RB-16), then decides promote / hold / rollback.
Credentials come from env only: CJ_EMAIL, CJ_PASSWORD.

Options (each also settable by env):
${describeFlags(GATE_FLAGS)}

Modes: post-deploy (everything) · nightly (non-destructive, no generation unless --with-generation,
light load) · investigate (load only: --profile NAME, or --route PATH --rate N --duration S).
Exit codes: 0 promote · 1 hold · 2 rollback · 3 inconclusive · 64 usage or configuration error.
Reports: <out>/junit.xml, verdict.json, summary.md (default out: reports/).
`;

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let setup;
  try {
    setup = setupGate(argv, env);
  } catch (e) {
    return exitCodeFor('gate', e);
  }
  if (setup.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const ac = abortOnSignals(() => process.exit(EXIT.inconclusive));
  try {
    const out = await runGate(setup, { env, projectRoot: PROJECT_ROOT, log: (l) => process.stdout.write(`${l}\n`), signal: ac.signal });
    return out.exitCode;
  } catch (e) {
    return exitCodeFor('gate', e);
  }
}

process.exitCode = await main(process.argv.slice(2), process.env);
