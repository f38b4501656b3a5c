/**
 * Where a gating run files what it found besides its out dir: the run history, a Pushgateway, and the
 * JUnit dialect. Every gating command takes these the same way, so they are settings of the pipeline,
 * not of any one command's config. Flags win over env, as everywhere.
 */

/** Each setting with the env variable and flag that set it. */
export const REPORT_FIELDS = {
  history: { env: 'CJ_HISTORY', flag: '--history' },
  pushgateway: { env: 'CJ_PUSHGATEWAY', flag: '--pushgateway' },
  junit: { env: 'CJ_JUNIT', flag: '--junit' },
} as const;

export type ReportFieldName = keyof typeof REPORT_FIELDS;

export const JUNIT_STYLES = ['default', 'strict'] as const;
export type JUnitStyle = (typeof JUNIT_STYLES)[number];

export interface ReportOptions {
  /** JSON-lines file one line per run is appended to; kept across runs. */
  history?: string;
  /** Base URL of a Prometheus Pushgateway; may carry user info (then it is a secret). */
  pushgateway?: string;
  /** strict: junit.xml without per-testcase properties (the unmodified junit-10.xsd). */
  junit: JUnitStyle;
}

export interface ReportInput {
  env: Record<string, string | undefined>;
  /** Flag values by field; an empty string counts as given (and is a problem), unlike an empty env. */
  flags: Partial<Record<ReportFieldName, string>>;
}

function label(field: ReportFieldName): string {
  return `${REPORT_FIELDS[field].env} (${REPORT_FIELDS[field].flag})`;
}

function raw(input: ReportInput, field: ReportFieldName): string | undefined {
  const flag = input.flags[field];
  if (flag !== undefined) return flag.trim();
  const env = input.env[REPORT_FIELDS[field].env]?.trim();
  return env === '' ? undefined : env;
}

function pushgatewayProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute http(s) URL such as http://pushgateway:9091';
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return 'must be an absolute http(s) URL such as http://pushgateway:9091';
  if (url.search || url.hash) return 'must not carry a query or fragment (the grouping key is the path)';
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    return 'its user info is not valid percent-encoding';
  }
  return undefined;
}

/** Pure: the report options, or every problem with them (each naming its env variable and flag). */
export function loadReportOptions(input: ReportInput): { options?: ReportOptions; problems: string[] } {
  const problems: string[] = [];
  const history = raw(input, 'history');
  if (history === '') problems.push(`${label('history')}: must be a file path`);
  const pushgateway = raw(input, 'pushgateway');
  const pushProblem = pushgateway === undefined ? undefined : pushgatewayProblem(pushgateway);
  if (pushProblem) problems.push(`${label('pushgateway')}: ${pushProblem}`);
  const junit = raw(input, 'junit') ?? 'default';
  if (!(JUNIT_STYLES as readonly string[]).includes(junit)) problems.push(`${label('junit')}: must be one of ${JUNIT_STYLES.join(', ')}, got ${JSON.stringify(junit)}`);
  if (problems.length > 0) return { problems };
  const options: ReportOptions = { junit: junit as JUnitStyle };
  if (history) options.history = history;
  if (pushgateway) options.pushgateway = pushgateway;
  return { options, problems };
}

/**
 * Secrets among the validated options: a Pushgateway URL with user info, whole and its password alone
 * (raw and decoded), so neither reaches a report or a log line. A user name without a password is
 * a token (`http://TOKEN@host`): then it is the secret.
 */
export function reportSecrets(options: Pick<ReportOptions, 'pushgateway'>): string[] {
  if (!options.pushgateway) return [];
  const url = new URL(options.pushgateway);
  if (!url.username && !url.password) return [];
  const credential = url.password || url.username;
  return [...new Set([options.pushgateway, url.href, credential, decodeURIComponent(credential)])];
}
