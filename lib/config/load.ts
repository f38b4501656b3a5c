import { GateError } from '../errors.ts';
import { THRESHOLDS, type Threshold, type ThresholdName, type ThresholdSet } from '../runbook/thresholds.ts';
import { RULES, parseBounded, type NumberRule } from './bounds.ts';
import { FIELDS, configSchema, thresholdEnvNames, type BaseConfig, type FieldName } from './schema.ts';

/** The suite's resolved settings. */
export interface Config extends BaseConfig {
  thresholds: ThresholdSet;
}

export interface ConfigInput {
  env: Record<string, string | undefined>;
  /** Already-parsed flags keyed by field name (scripts/ parse argv; this stays pure). */
  flags?: Partial<Record<FieldName, string | boolean | undefined>>;
  /** Fields that must be present for this command, e.g. credentials for the checks. */
  require?: readonly FieldName[];
}

function label(field: string): string {
  const f = FIELDS[field as FieldName];
  if (!f) return field;
  return f.flag ? `${f.env} (${f.flag})` : f.env;
}

/** A time threshold is bounded like a timeout (nothing waits longer), a percentage by 100. */
const THRESHOLD_RULE: Record<Threshold['unit'], NumberRule> = { ms: RULES.timeoutMs, s: RULES.timeoutS, '%': RULES.percent, '×': RULES.ratio };

function readThresholds(env: ConfigInput['env'], problems: string[]): ThresholdSet {
  const out = {} as ThresholdSet;
  for (const name of Object.keys(THRESHOLDS) as ThresholdName[]) {
    const base = THRESHOLDS[name];
    const names = thresholdEnvNames(name);
    const pick = (key: 'target' | 'alert'): number => {
      const raw = env[names[key]];
      if (raw === undefined || raw === '') return base[key];
      const out = parseBounded(raw, THRESHOLD_RULE[base.unit]);
      if ('value' in out) return out.value;
      problems.push(`${names[key]}: ${out.problem}`);
      return base[key];
    };
    const target = pick('target');
    const alert = pick('alert');
    if (alert < target) problems.push(`${names.alert}: alert (${alert}) must not be below target (${target})`);
    out[name] = { ...base, target, alert };
  }
  return out;
}

/**
 * Reads and validates every setting at once. Throws GateError('CONFIG') listing every problem,
 * each naming its env variable (and flag), before anything runs.
 */
export function loadConfig(input: ConfigInput): Config {
  const raw: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(FIELDS)) {
    const fromFlag = input.flags?.[field as FieldName];
    const fromEnv = input.env[spec.env];
    const value = fromFlag !== undefined ? fromFlag : fromEnv === '' ? undefined : fromEnv;
    if (value !== undefined) raw[field] = value;
  }
  const problems: string[] = [];
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const msg = issue.code === 'invalid_type' && raw[field] === undefined ? 'is required' : issue.message;
      problems.push(`${label(field)}: ${msg}`);
    }
  }
  for (const field of input.require ?? []) {
    if (raw[field] === undefined && !problems.some((p) => p.startsWith(label(field)))) {
      problems.push(`${label(field)}: is required`);
    }
  }
  const thresholds = readThresholds(input.env, problems);
  if (problems.length > 0 || !parsed.success) {
    throw new GateError('CONFIG', `invalid configuration (${problems.length} problem(s))`, problems);
  }
  return { ...parsed.data, thresholds };
}

/** The config as it may be printed: secrets replaced. */
export function redactConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const [field, spec] of Object.entries(FIELDS)) {
    if (spec.secret && out[field] !== undefined) out[field] = '***';
  }
  return out;
}

/** Secret values, for scrubbing anything written to disk. */
export function secretValues(config: Pick<Config, 'password' | 'notifyWebhook'>): string[] {
  return [config.password, config.notifyWebhook].filter((s): s is string => typeof s === 'string' && s.length > 0);
}
