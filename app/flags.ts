import { configSchema, FIELDS, JUNIT_STYLES, MODES, REPORT_FIELDS, type FieldName, type ReportFieldName } from '../lib/config/index.ts';
import { PROFILE_NAMES } from '../lib/runbook/profiles.ts';
import type { FlagSpec, ParsedArgv } from './args.ts';

/** Config fields that have a flag (the rest are env only: credentials, the auth dir). */
type FlaggedField = { [K in FieldName]: (typeof FIELDS)[K]['flag'] extends string ? K : never }[FieldName];

interface FieldText {
  value?: string;
  description: string;
  /** When the schema's own default is not what a reader needs to know. */
  defaultText?: string;
}

/** What each config flag does, for --help. Keyed by field, so a new flagged field without a text is a type error. */
const TEXT: Record<FlaggedField, FieldText> = {
  baseUrl: { value: 'URL', description: 'base URL of the deployment (http/https)', defaultText: 'none, required' },
  expectedVersion: { value: 'VERSION', description: 'version /health must report (RB-01)', defaultText: 'not checked' },
  mode: { value: 'MODE', description: `${MODES.join(', ')}: everything, cheap and non-destructive, or load only` },
  outDir: { value: 'DIR', description: "where every report goes; the previous run's reports are removed first and the dir is locked while running" },
  requestTimeoutMs: { value: 'MS', description: 'deadline of each HTTP request (checks, load, watch polls, webhook)' },
  preflightTimeoutMs: { value: 'MS', description: 'deadline of the preflight GET /health' },
  chromiumPath: { value: 'PATH', description: 'browser binary', defaultText: "Playwright's Chromium, else the system one" },
  syntheticClient: { value: 'NAME', description: 'client name the checks create once and reuse' },
  withGeneration: { description: 'nightly: also run RB-09/10/11 (spends one generation)' },
  loadProfile: { value: 'NAME', description: `load profile: ${PROFILE_NAMES.join(', ')}`, defaultText: "the mode's" },
  loadDurationS: { value: 'S', description: 'load duration override, seconds', defaultText: "the profile's" },
  loadRate: { value: 'N', description: 'load rate override, requests/s', defaultText: "the profile's" },
  rateCap: { value: 'N', description: 'maximum load rate against a non-loopback target (req/s)' },
  allowRateLimited: { description: 'allow load on routes the app rate-limits' },
  notifyWebhook: { value: 'URL', description: 'Slack-compatible webhook for the rollback notice (a secret: prefer the env variable)' },
  compareTo: { value: 'URL', description: 'the live deployment to judge the target against: the same load schedule to both, interleaved (routes that need a session are left out)', defaultText: 'no comparison' },
};

/** The schema's default for a field, as text ("10000", "post-deploy"), when it has one. */
function schemaDefault(field: FieldName): string | undefined {
  const shape = configSchema.shape as Record<string, { safeParse: (v: unknown) => { success: boolean; data?: unknown } }>;
  const parsed = shape[field]?.safeParse(undefined);
  return parsed?.success && parsed.data !== undefined ? String(parsed.data) : undefined;
}

/** The flag of a config field, described from the config's own tables (name, env variable, default). */
export function configFlag(field: FlaggedField, overrides: Partial<FieldText> = {}): FlagSpec & { field: FieldName } {
  const spec = FIELDS[field];
  const text = { ...TEXT[field], ...overrides };
  const isBoolean = field === 'withGeneration' || field === 'allowRateLimited';
  const defaultText = text.defaultText ?? schemaDefault(field);
  return {
    name: spec.flag.slice(2),
    type: isBoolean ? 'boolean' : 'value',
    ...(text.value ? { value: text.value } : {}),
    description: text.description,
    env: spec.env,
    ...(defaultText !== undefined ? { defaultText } : {}),
    field,
  };
}

/** Pure: the config fields set by flags, ready for loadConfig({ flags }). */
export function configFlagValues(values: ParsedArgv['values'], flags: readonly FlagSpec[]): Partial<Record<FieldName, string | boolean>> {
  const out: Partial<Record<FieldName, string | boolean>> = {};
  for (const f of flags) {
    const field = (f as { field?: FieldName }).field;
    const v = values[f.name];
    if (field && v !== undefined) out[field] = Array.isArray(v) ? (v.at(-1) ?? '') : v;
  }
  return out;
}

const REPORT_TEXT: Record<ReportFieldName, FieldText> = {
  history: { value: 'FILE', description: 'append one JSON line per run, whatever its verdict, to this file (kept across runs; `trend` draws it)', defaultText: 'none' },
  pushgateway: { value: 'URL', description: 'also push metrics.prom to this Prometheus Pushgateway (job jumpstart_gate, grouped by target and mode); a failure is a warning (with user info a secret: prefer the env variable)', defaultText: 'none' },
  junit: { value: JUNIT_STYLES.join('|'), description: "strict: junit.xml and the load side files without per-testcase properties (valid against Jenkins' junit-10.xsd)", defaultText: 'default' },
};

/** Where every gating command files its run besides the out dir; the pipeline adds them to each one's flags. */
export const REPORT_FLAGS: readonly FlagSpec[] = (Object.keys(REPORT_FIELDS) as ReportFieldName[]).map((field) => ({
  name: REPORT_FIELDS[field].flag.slice(2),
  type: 'value',
  ...(REPORT_TEXT[field].value ? { value: REPORT_TEXT[field].value } : {}),
  description: REPORT_TEXT[field].description,
  env: REPORT_FIELDS[field].env,
  ...(REPORT_TEXT[field].defaultText ? { defaultText: REPORT_TEXT[field].defaultText } : {}),
}));

/** Pure: the report options given as flags, by field. */
export function reportFlagValues(values: ParsedArgv['values']): Partial<Record<ReportFieldName, string>> {
  const out: Partial<Record<ReportFieldName, string>> = {};
  for (const field of Object.keys(REPORT_FIELDS) as ReportFieldName[]) {
    const v = values[REPORT_FIELDS[field].flag.slice(2)];
    if (typeof v === 'string') out[field] = v;
  }
  return out;
}

/** Env-only settings, for the notes of --help. */
export const ENV_ONLY_NOTE =
  'Env only: CJ_EMAIL and CJ_PASSWORD (the synthetic operator; secrets never go in flags), threshold overrides\n' +
  'CJ_<THRESHOLD>_TARGET / _ALERT (README "Configuration").';

export const EXIT_NOTE =
  'Exit codes: 0 promote · 1 hold · 2 rollback · 3 inconclusive (also: cancelled by a signal) · 64 usage or configuration error.';
