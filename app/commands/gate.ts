import { secretValues } from '../../lib/config/index.ts';
import { defineCommand } from '../command.ts';
import { ENV_ONLY_NOTE, EXIT_NOTE } from '../flags.ts';
import { LOAD_IDS } from '../load-step.ts';
import { PROJECT_ROOT } from '../root.ts';
import { runGate } from '../gate/run.ts';
import { GATE_FLAGS, planGate } from '../gate/setup.ts';

export const gateCommand = defineCommand({
  kind: 'gating',
  name: 'gate',
  usage: 'jumpstart-gate gate --target URL [flags]',
  summary:
    'Runs the release gate against a Content Jumpstart deployment: preflight (GET /health), the Playwright\n' +
    'checks RB-01..RB-13, the load profile (RB-14..RB-16), then decides promote / hold / rollback and writes\n' +
    'verdict.json, junit.xml, summary.md and metrics.prom under --out.',
  flags: GATE_FLAGS,
  notes: `${ENV_ONLY_NOTE}\n${EXIT_NOTE}`,
  plan: planGate,
  settings: ({ config, plan }) => ({
    command: 'gate',
    outDir: config.outDir,
    target: config.baseUrl,
    mode: config.mode,
    ...(config.expectedVersion !== undefined ? { expectedVersion: config.expectedVersion } : {}),
    ...(config.notifyWebhook !== undefined ? { notifyWebhook: config.notifyWebhook } : {}),
    requestTimeoutMs: config.requestTimeoutMs,
    secrets: secretValues(config),
    expectedIds: ['RB-01', ...plan.checkIds, ...LOAD_IDS],
  }),
  run: (plan, ctx, evidence) => runGate(plan, ctx, evidence, PROJECT_ROOT),
});
