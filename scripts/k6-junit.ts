/**
 * `npm run k6:junit -- SUMMARY.json [--k6-exit-code N]`: a k6 summary → the suite's JUnit + CheckResults.
 * k6 exit 99 (thresholds crossed) is a verdict; 100+ is a tool error and yields errors, never a pass.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXIT, GateError } from '../lib/errors.ts';
import { renderJUnit } from '../lib/report/junit.ts';
import { decideVerdict } from '../lib/verdict/decide.ts';
import { K6_USAGE, convertK6File, parseK6Args } from '../load/k6-cli.ts';
import { reportName } from '../load/report.ts';

const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = parseK6Args(argv);
  if (args.help) return say(K6_USAGE), 0;
  if (args.problems.length > 0 || args.file === undefined) {
    process.stderr.write(`k6:junit: ${args.problems.length} problem(s):\n${args.problems.map((p) => `  - ${p}`).join('\n')}\n${K6_USAGE}\n`);
    return EXIT.usage;
  }
  let converted;
  try {
    converted = await convertK6File({ ...args, file: args.file }, env);
  } catch (e) {
    if (e instanceof GateError && e.code === 'CONFIG') {
      process.stderr.write(`k6:junit: ${e.message}:\n${e.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  const dir = join(args.outDir ?? env.CJ_OUT_DIR ?? 'reports', 'load');
  await mkdir(dir, { recursive: true });
  const base = join(dir, `k6-${reportName(converted.profile)}`);
  await writeFile(`${base}.junit.xml`, renderJUnit(converted.results, { name: `jumpstart-gate k6 ${converted.profile}` }));
  await writeFile(`${base}.results.json`, `${JSON.stringify(converted.results, null, 2)}\n`);
  for (const n of converted.notes) say(`note: ${n}`);
  for (const r of converted.results) say(`  ${r.status.toUpperCase().padEnd(5)} ${r.title}: ${r.message ?? ''}`);
  const decision = decideVerdict(converted.results);
  say(`verdict: ${decision.verdict} (junit: ${base}.junit.xml)`);
  return EXIT[decision.verdict];
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`k6:junit: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT.inconclusive;
  },
);
