/**
 * `npm run load -- --target URL [--profile NAME | --route PATH --rate N --duration S] …`
 * Ad hoc load (DESIGN.md use 3): honest percentiles, <out>/load/<name>.{json,html,junit.xml}, exit per verdict.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogEntry } from '../lib/runbook/catalog.ts';
import { EXIT, GateError } from '../lib/errors.ts';
import { loginOnce } from '../app/gate/login.ts';
import { renderJUnit } from '../lib/report/junit.ts';
import { scrubText } from '../lib/report/scrub.ts';
import { decideVerdict } from '../lib/verdict/decide.ts';
import type { CheckResult } from '../lib/verdict/types.ts';
import { LOAD_USAGE, parseLoadArgs, planLoadCli } from '../load/cli.ts';
import { compareResults, comparisonCheck, type Comparison } from '../load/compare.ts';
import { evaluateLoad } from '../load/evaluate.ts';
import { readLoadResult, reportName, writeLoadReports } from '../load/report.ts';
import { runLoad } from '../load/run.ts';
import type { LoadProgress, LoadResult } from '../load/types.ts';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

function progressLine(name: string, p: LoadProgress): string {
  const p95 = p.p95 === null ? '—' : `${p.p95.toFixed(1)} ms`;
  return `load ${name} ${p.elapsedS} s: ${p.sent} sent, ${p.completed} completed, ${p.errors} errors, ${p.dropped} dropped, ${p.inFlight} in flight, p95 ${p95}`;
}

function errorResults(name: string, message: string): CheckResult[] {
  return (['RB-14', 'RB-15', 'RB-16'] as const).map((id) => ({
    id, title: `${id} load (${name}) could not run`, severity: catalogEntry(id).severity, status: 'error', message, source: 'load',
  }));
}

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = parseLoadArgs(argv);
  if (args.help) return say(LOAD_USAGE), 0;
  const { plan, problems } = planLoadCli(args, env);
  let baseline: LoadResult | undefined;
  if (args.baseline !== undefined) {
    try {
      baseline = await readLoadResult(args.baseline);
    } catch (e) {
      problems.push(`--baseline: ${(e as Error).message}`);
    }
  }
  if (!plan || problems.length > 0) {
    process.stderr.write(`load: ${problems.length} problem(s), nothing was run:\n${problems.map((p) => `  - ${p}`).join('\n')}\n${LOAD_USAGE}\n`);
    return EXIT.usage;
  }
  const { config, profile, name } = plan;
  const secrets = [config.password].filter((s): s is string => Boolean(s));
  const outDir = config.outDir;
  const ac = new AbortController();
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130); // a second Ctrl-C: the user really wants out
    say('interrupted: stopping, writing partial results (Ctrl-C again to quit at once)');
    ac.abort();
  };
  process.on('SIGINT', onSigint);

  let results: CheckResult[];
  let comparison: Comparison | undefined;
  try {
    let token: string | undefined;
    if (plan.needsLogin && config.email && config.password) {
      const login = await loginOnce(config.baseUrl, config.email, config.password, config.requestTimeoutMs);
      if (!login.token) throw new GateError('TARGET', `login for the authenticated routes failed: ${login.error ?? 'no token'}`);
      token = login.token;
      secrets.push(token);
    }
    say(`load ${name}: ${plan.engine} engine, ${plan.engine === 'open' ? `${profile.rate} req/s` : `${plan.connections ?? profile.connections} connections`} for ${profile.durationS} s on ${profile.routes.map((r) => r.path).join(', ')} → ${new URL(config.baseUrl).origin}`);
    const result = await runLoad({
      target: config.baseUrl, profile, name, engine: plan.engine, token, rateCap: config.rateCap, allowRateLimited: config.allowRateLimited,
      timeoutMs: config.requestTimeoutMs, signal: ac.signal, onProgress: (p) => say(progressLine(name, p)),
      ...(plan.connections !== undefined ? { connections: plan.connections } : {}),
    });
    results = evaluateLoad(result, config.thresholds);
    if (baseline) {
      comparison = compareResults(baseline, result);
      results.push(comparisonCheck(comparison, name));
      say(`vs baseline ${args.baseline}: ${comparison.summary}`);
    }
    const files = await writeLoadReports(result, outDir, name, comparison);
    // The result never holds a header or body, so no secret can be in it (and scrubbing could corrupt the base64 histogram).
    if (plan.json) await writeFile(plan.json, `${JSON.stringify(comparison ? { ...result, comparison } : result, null, 2)}\n`);
    const l = result.latencyMs;
    say(`load ${name}: ${result.requests.sent} sent, ${result.requests.errors} errors, ${result.requests.dropped} dropped; p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms; lag p99 ${result.schedulingLagMs.p99 ?? '—'} ms`);
    for (const note of result.notes) say(`  note: ${note}`);
    say(`reports: ${files.json}, ${files.html}`);
  } catch (e) {
    if (e instanceof GateError && e.code === 'CONFIG') {
      process.stderr.write(`load: ${e.message}:\n${e.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return EXIT.usage;
    }
    results = errorResults(name, scrubText((e as Error).message, secrets));
  } finally {
    process.off('SIGINT', onSigint);
  }
  const junit = join(outDir, 'load', `${reportName(name)}.junit.xml`);
  // on the error path writeLoadReports never ran, so the directory may not exist yet
  await mkdir(join(outDir, 'load'), { recursive: true });
  await writeFile(junit, scrubText(renderJUnit(results, { name: `jumpstart-gate load ${name}` }), secrets));
  const decision = decideVerdict(results);
  for (const r of results) say(`  ${r.status.toUpperCase().padEnd(5)} ${r.title}: ${scrubText(r.message ?? '', secrets)}`);
  say(`verdict: ${decision.verdict} (junit: ${junit})`);
  return EXIT[decision.verdict];
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`load: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT.inconclusive;
  },
);
