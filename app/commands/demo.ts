import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { EXIT } from '../../lib/errors.ts';
import { parseFaultNames, unknownFaultMessage } from '../../simulator/faults.ts';
import { startSimulator } from '../../simulator/index.ts';
import type { FlagSpec } from '../args.ts';
import { defineCommand, type RunContext } from '../command.ts';
import { PROJECT_ROOT } from '../root.ts';

const EMAIL = 'operator@jumpstart.local';
const PASSWORD = 'jumpstart-demo-password';
const VERSION = '1.4.2';
/** Hard stop for the gate child (it normally finishes in under 2 minutes on a 2-core machine). */
const DEADLINE_MS = 5 * 60_000;
/** After its signal the gate cleans up and writes its reports within seconds; past this it is killed. */
const KILL_GRACE_MS = 15_000;

const FLAGS: readonly FlagSpec[] = [{ name: 'fault', type: 'list', value: 'a,b', description: 'run the simulator with these faults (see the fault table in README.md)' }];

interface DemoPlan {
  faults: string[];
  outDir: string;
}

/** The gate as a child process through the bin (the same code path as CI), its signals forwarded once each. */
function runGateChild(url: string, outDir: string, ctx: RunContext): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...ctx.env, CJ_EMAIL: EMAIL, CJ_PASSWORD: PASSWORD, CJ_EXPECTED_VERSION: VERSION };
  const args = [join(PROJECT_ROOT, 'bin/jumpstart-gate.js'), 'gate', '--target', url, '--mode', 'post-deploy', '--out', outDir];
  return new Promise((done) => {
    // Own process group: a terminal Ctrl-C reaches the gate only through the forwarding below, once.
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: 'inherit', detached: true });
    const timers = [
      setTimeout(() => child.kill('SIGTERM'), DEADLINE_MS),
      setTimeout(() => child.kill('SIGKILL'), DEADLINE_MS + KILL_GRACE_MS),
    ];
    const onCancel = () => {
      child.kill('SIGINT');
      timers.push(setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS));
    };
    const onHurry = () => child.kill('SIGTERM');
    ctx.signal.addEventListener('abort', onCancel, { once: true });
    ctx.hurry.addEventListener('abort', onHurry, { once: true });
    child.on('close', (code) => {
      for (const t of timers) clearTimeout(t);
      ctx.signal.removeEventListener('abort', onCancel);
      ctx.hurry.removeEventListener('abort', onHurry);
      done(code ?? EXIT.inconclusive);
    });
  });
}

export const demoCommand = defineCommand({
  kind: 'plain',
  name: 'demo',
  usage: 'jumpstart-gate demo [--fault a,b]',
  summary:
    "The suite's embedded default: starts the simulator in-process (port 0, short generation), runs the\n" +
    'post-deploy gate against it as a child process, stops the simulator and exits with the gate\'s code.',
  flags: FLAGS,
  notes: 'Reports go to CJ_OUT_DIR (default reports/).',
  plan: (args, env) => {
    const parsed = parseFaultNames((args.values.fault as string[] | undefined) ?? []);
    const problems = parsed.unknown.length > 0 ? [`--fault: ${unknownFaultMessage(parsed.unknown)}`] : [];
    return { plan: { faults: parsed.faults, outDir: resolve(env.CJ_OUT_DIR || join(PROJECT_ROOT, 'reports')) }, problems };
  },
  run: async ({ faults, outDir }: DemoPlan, ctx) => {
    const sim = await startSimulator({ port: 0, generationSeconds: 2, email: EMAIL, password: PASSWORD, version: VERSION, faults });
    const started = Date.now();
    ctx.log(`demo: simulator on ${sim.url}${faults.length ? ` with faults ${faults.join(', ')}` : ''}; running the post-deploy gate`);
    let code: number = EXIT.inconclusive;
    try {
      // A signal that came while the simulator was starting fires no event: the gate is not started then.
      if (ctx.signal.aborted) ctx.log('demo: cancelled before the gate started');
      else code = await runGateChild(sim.url, outDir, ctx);
    } finally {
      await sim.close();
    }
    const s = sim.stats();
    const requests = Object.values(s.requests).reduce((sum, byStatus) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
    ctx.log(`\ndemo: gate exit ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s · simulator saw ${requests} requests, ${s.logins} logins, ${s.generations} generations, ${s.projects.live} projects left`);
    ctx.log(`demo: reports in ${outDir} — summary.md, junit.xml, verdict.json, playwright-report/index.html, load/post-deploy.html`);
    return code;
  },
});
