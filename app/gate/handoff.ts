import { resolve } from 'node:path';
import { resolveBrowser } from '../../lib/browser.ts';
import { HANDOFF_ENV, type BrowserHandoff, type ChecksHandoff } from '../../lib/checks-contract/index.ts';
import type { Config } from '../../lib/config/index.ts';
import { GateError } from '../../lib/errors.ts';

/** The browser, resolved once for the whole run (lib/browser.ts), or why there is none. */
export function browserHandoff(chromiumPath: string | undefined): BrowserHandoff {
  try {
    return resolveBrowser(chromiumPath);
  } catch (e) {
    if (e instanceof GateError && e.code === 'BROWSER') return { error: e.message };
    throw e;
  }
}

/** Pure: what the checks get of the validated config: only what they use, no secret. */
export function checksHandoff(config: Config, authDir: string, browser: BrowserHandoff): ChecksHandoff {
  const c: ChecksHandoff['config'] = {
    baseUrl: config.baseUrl,
    mode: config.mode,
    withGeneration: config.withGeneration,
    requestTimeoutMs: config.requestTimeoutMs,
    syntheticClient: config.syntheticClient,
    outDir: resolve(config.outDir),
    authDir,
    thresholds: config.thresholds,
  };
  if (config.email !== undefined) c.email = config.email;
  if (config.expectedVersion !== undefined) c.expectedVersion = config.expectedVersion;
  if (config.chromiumPath !== undefined) c.chromiumPath = config.chromiumPath;
  return { config: c, generation: config.mode !== 'nightly' || config.withGeneration, keepToken: true, browser };
}

/**
 * Pure: the env of the spawned `playwright test`: the gate's own, without any CJ_* setting (the
 * hand-off document is the only source, so a stale variable cannot disagree with it), plus the
 * document's path and the password — the one secret the checks need, passed by env only.
 */
export function checksChildEnv(base: NodeJS.ProcessEnv, handoffPath: string, password: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!k.startsWith('CJ_') && k !== 'CHROMIUM_PATH') env[k] = v;
  env[HANDOFF_ENV] = handoffPath;
  if (password !== undefined) env.CJ_PASSWORD = password;
  return env;
}
