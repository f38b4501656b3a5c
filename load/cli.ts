import { loadConfig, type Config, type FieldName } from '../lib/config/index.ts';
import { GateError } from '../lib/errors.ts';
import { PROFILE_NAMES, type LoadEngine, type LoadProfile, type RouteSpec } from '../lib/runbook/profiles.ts';
import { resolveProfile } from './run.ts';
import { safetyProblems } from './safety.ts';

export const LOAD_USAGE = `usage: npm run load -- --target URL [--profile NAME | --route PATH [--route PATH…] --rate N --duration S]
        [--engine open|closed] [--connections N] [--name NAME] [--json FILE] [--baseline FILE]
        [--rate-cap N] [--allow-rate-limited] [--out DIR] [--request-timeout-ms N]
profiles: ${PROFILE_NAMES.join(', ')}. Credentials for routes that need a session: CJ_EMAIL, CJ_PASSWORD (env only).
exit: 0 promote · 1 hold · 2 rollback · 3 inconclusive · 64 usage`;

/** Flags that map onto lib/config fields (flags win over env there). */
const CONFIG_FLAGS: Record<string, FieldName> = {
  '--target': 'baseUrl',
  '--profile': 'loadProfile',
  '--rate': 'loadRate',
  '--duration': 'loadDurationS',
  '--rate-cap': 'rateCap',
  '--out': 'outDir',
  '--request-timeout-ms': 'requestTimeoutMs',
};
const OWN_FLAGS = ['--route', '--engine', '--json', '--baseline', '--name', '--connections'] as const;

export interface LoadArgs {
  configFlags: Partial<Record<FieldName, string | boolean>>;
  routes: string[];
  engine?: string;
  json?: string;
  baseline?: string;
  name?: string;
  connections?: string;
  help: boolean;
  problems: string[];
}

/** Pure argv parsing: unknown flags and missing values are problems, all collected. */
export function parseLoadArgs(argv: readonly string[]): LoadArgs {
  const out: LoadArgs = { configFlags: {}, routes: [], help: false, problems: [] };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith('--') && eq > 0 ? raw.slice(eq + 1) : undefined;
    if (flag === '--help' || flag === '-h') out.help = true;
    else if (flag === '--allow-rate-limited') out.configFlags.allowRateLimited = true;
    else if (flag in CONFIG_FLAGS || (OWN_FLAGS as readonly string[]).includes(flag)) {
      const value = inline ?? argv[i + 1];
      if (inline === undefined) i += 1;
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        out.problems.push(`${flag}: needs a value`);
        if (value?.startsWith('--')) i -= 1;
        continue;
      }
      const field = CONFIG_FLAGS[flag];
      if (field) out.configFlags[field] = value;
      else if (flag === '--route') out.routes.push(value);
      else if (flag === '--engine') out.engine = value;
      else if (flag === '--json') out.json = value;
      else if (flag === '--baseline') out.baseline = value;
      else if (flag === '--name') out.name = value;
      else if (flag === '--connections') out.connections = value;
    } else out.problems.push(`${raw}: unknown argument (see --help)`);
  }
  return out;
}

/** /api/* routes other than health, auth and pricing need the session (contract §2–§3). */
export function routeNeedsAuth(path: string): boolean {
  return path.startsWith('/api/') && !/^\/api\/(health|auth|pricing)(\/|$)/.test(path);
}

export interface LoadPlanCli {
  config: Config;
  profile: LoadProfile;
  name: string;
  engine: LoadEngine;
  connections?: number;
  needsLogin: boolean;
  json?: string;
  baseline?: string;
}

/** Config + args → what to run, or every problem at once (exit 64 before anything runs). */
export function planLoadCli(args: LoadArgs, env: Record<string, string | undefined>): { plan?: LoadPlanCli; problems: string[] } {
  const problems = [...args.problems];
  let config: Config | undefined;
  try {
    config = loadConfig({ env, flags: args.configFlags });
  } catch (e) {
    if (!(e instanceof GateError)) throw e;
    problems.push(...e.problems);
  }
  const engine = args.engine;
  if (engine !== undefined && engine !== 'open' && engine !== 'closed') problems.push(`--engine: must be open or closed, got ${JSON.stringify(engine)}`);
  const connections = args.connections === undefined ? undefined : Number(args.connections);
  if (connections !== undefined && !(Number.isInteger(connections) && connections > 0 && connections <= 1000)) problems.push(`--connections: must be an integer 1..1000, got ${JSON.stringify(args.connections)}`);
  if (!config) return { problems };

  let profile: LoadProfile | undefined;
  if (args.routes.length > 0) {
    if (config.loadProfile !== undefined) problems.push('--route and --profile (CJ_LOAD_PROFILE): give one, not both');
    if (config.loadRate === undefined && engine !== 'closed') problems.push('--rate: required with --route (req/s)');
    if (config.loadDurationS === undefined) problems.push('--duration: required with --route (seconds)');
    const routes: RouteSpec[] = args.routes.map((path) => ({ path, method: 'GET', weight: 1, auth: routeNeedsAuth(path) }));
    const slug = args.routes.join('-').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    profile = { name: `route-${slug || 'root'}`, description: 'ad hoc routes', engine: 'open', durationS: config.loadDurationS ?? 0, rate: config.loadRate ?? 0, connections: 64, routes };
  } else {
    try {
      profile = resolveProfile(config.loadProfile ?? 'post-deploy', { durationS: config.loadDurationS, rate: config.loadRate });
    } catch (e) {
      problems.push(...(e instanceof GateError ? e.problems : [(e as Error).message]));
    }
  }
  if (!profile) return { problems };
  const chosen: LoadEngine = engine === 'closed' || engine === 'open' ? engine : profile.engine;
  const needsLogin = profile.routes.some((r) => r.auth);
  if (needsLogin && (!config.email || !config.password)) {
    const which = profile.routes.filter((r) => r.auth).map((r) => r.path).join(', ');
    problems.push(`CJ_EMAIL and CJ_PASSWORD: required to log in once for ${which}`);
  }
  const safety = safetyProblems({
    target: config.baseUrl, routes: profile.routes, engine: chosen, rate: profile.rate, durationS: profile.durationS,
    rateCap: config.rateCap, allowRateLimited: config.allowRateLimited, hasToken: true, // credentials are checked above
  });
  // With --route the missing rate/duration were already named; do not repeat them.
  problems.push(...safety.filter((p) => !(args.routes.length > 0 && /^(rate|duration):.*got 0$/.test(p))));
  if (problems.length > 0) return { problems };
  return {
    plan: {
      config, profile, engine: chosen, needsLogin, name: args.name ?? profile.name,
      ...(connections !== undefined ? { connections } : {}),
      ...(args.json !== undefined ? { json: args.json } : {}),
      ...(args.baseline !== undefined ? { baseline: args.baseline } : {}),
    },
    problems,
  };
}
