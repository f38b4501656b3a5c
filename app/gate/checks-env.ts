import { resolve } from 'node:path';
import { thresholdEnvNames, type Config } from '../../lib/config/index.ts';
import type { ThresholdName } from '../../lib/runbook/thresholds.ts';

/**
 * Pure: the environment of the spawned `playwright test`. Everything the gate validated (flags
 * included) is handed down as the env names the checks read, so both sides see one configuration.
 */
export function checksEnv(config: Config, authDir: string, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  const set = (name: string, value: string | number | boolean | undefined) => {
    if (value === undefined) delete env[name];
    else env[name] = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  };
  set('CJ_BASE_URL', config.baseUrl);
  set('CJ_EMAIL', config.email);
  set('CJ_PASSWORD', config.password);
  set('CJ_EXPECTED_VERSION', config.expectedVersion);
  set('CJ_MODE', config.mode);
  set('CJ_WITH_GENERATION', config.withGeneration);
  set('CJ_OUT_DIR', resolve(config.outDir));
  set('CJ_AUTH_DIR', authDir);
  set('CJ_KEEP_TOKEN', '1');
  set('CJ_REQUEST_TIMEOUT_MS', config.requestTimeoutMs);
  set('CJ_SYNTHETIC_CLIENT', config.syntheticClient);
  set('CHROMIUM_PATH', config.chromiumPath);
  // The checks have no use for it, and a child should not hold a secret it does not need.
  set('CJ_NOTIFY_WEBHOOK', undefined);
  for (const name of Object.keys(config.thresholds) as ThresholdName[]) {
    const names = thresholdEnvNames(name);
    set(names.target, config.thresholds[name].target);
    set(names.alert, config.thresholds[name].alert);
  }
  return env;
}
