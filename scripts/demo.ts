/**
 * `npm run demo [-- --fault a,b]` — the suite's embedded default: starts the simulator in-process
 * (port 0, short generation), runs the post-deploy gate against it as a child process (the same
 * code path as `npm run gate`), stops the simulator and exits with the gate's code.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { EXIT } from '../lib/errors.ts';
import { parseFaultNames, unknownFaultMessage } from '../simulator/faults.ts';
import { startSimulator } from '../simulator/index.ts';
import { PROJECT_ROOT } from '../app/cli.ts';

const EMAIL = 'operator@jumpstart.local';
const PASSWORD = 'jumpstart-demo-password';
const VERSION = '1.4.2';
/** Hard stop for the gate child (it normally finishes in under 2 minutes on a 2-core machine). */
const DEADLINE_MS = 5 * 60_000;
/** After SIGTERM the gate stops its phases and writes reports; past this it is killed. */
const KILL_GRACE_MS = 60_000;

function faultsFrom(argv: readonly string[]): { faults: string[]; problems: string[] } {
  const raw: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--fault' && argv[i + 1] !== undefined) raw.push(argv[++i] ?? '');
    else if (a.startsWith('--fault=')) raw.push(a.slice('--fault='.length));
    else problems.push(`unknown argument ${JSON.stringify(a)} (usage: npm run demo [-- --fault a,b])`);
  }
  const parsed = parseFaultNames(raw);
  if (parsed.unknown.length > 0) problems.push(unknownFaultMessage(parsed.unknown));
  return { faults: parsed.faults, problems };
}

function runGateChild(url: string, outDir: string): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, CJ_EMAIL: EMAIL, CJ_PASSWORD: PASSWORD, CJ_EXPECTED_VERSION: VERSION };
  const args = ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/gate.ts'), '--target', url, '--mode', 'post-deploy', '--out', outDir];
  return new Promise((done) => {
    // Own process group: a terminal Ctrl-C reaches the gate only through `forward`, once. Twice (the
    // terminal's and ours) would be the gate's "quit now" and skip its reports.
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: 'inherit', detached: true });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS).unref();
    }, DEADLINE_MS);
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('close', (code) => {
      clearTimeout(timer);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      done(code ?? EXIT.inconclusive);
    });
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const { faults, problems } = faultsFrom(argv);
  if (problems.length > 0) {
    process.stderr.write(`demo: ${problems.join('\n  ')}\n`);
    return EXIT.usage;
  }
  const outDir = resolve(process.env.CJ_OUT_DIR ?? join(PROJECT_ROOT, 'reports'));
  const sim = await startSimulator({ port: 0, generationSeconds: 2, email: EMAIL, password: PASSWORD, version: VERSION, faults });
  const started = Date.now();
  process.stdout.write(`demo: simulator on ${sim.url}${faults.length ? ` with faults ${faults.join(', ')}` : ''}; running the post-deploy gate\n`);
  let code: number;
  try {
    code = await runGateChild(sim.url, outDir);
  } finally {
    await sim.close();
  }
  const s = sim.stats();
  const requests = Object.values(s.requests).reduce((sum, byStatus) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
  process.stdout.write(
    `\ndemo: gate exit ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s · simulator saw ${requests} requests, ${s.logins} logins, ${s.generations} generations, ${s.projects.live} projects left\n` +
      `demo: reports in ${outDir} — summary.md, junit.xml, verdict.json, playwright-report/index.html, load/post-deploy.html\n`,
  );
  return code;
}

process.exitCode = await main(process.argv.slice(2));
