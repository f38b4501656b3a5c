/**
 * `npm run bench`: figures and ratios measured side by side in one run (no pass/fail: a table).
 * The simulator runs in a child process so it and the generator each get a core of the two.
 * Env: BENCH_SECONDS (per step, default 4), BENCH_MAX_RATE (open-engine search ceiling, default 20000).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { runLoad } from '../load/run.ts';
import type { LoadResult } from '../load/types.ts';

const ROOT = join(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4) || 4;
const MAX_RATE = Number(process.env.BENCH_MAX_RATE ?? 20_000) || 20_000;
const STEPS = [2500, 5000, 7500, 10_000, 12_500, 15_000, 20_000];
const HEALTH = [{ path: '/health', method: 'GET' as const, weight: 1, auth: false }];
const say = (s: string): void => void process.stdout.write(`${s}\n`);

/** A Node child running TS code; it dies with us (stdin closes) and prints one JSON line when ready. */
function child(code: string, nodeFlags: string[] = []): { proc: ChildProcess; ready: Promise<Record<string, unknown>> } {
  const proc = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout! });
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('child not ready within 30 s')), 30_000);
    lines.once('line', (l) => (clearTimeout(timer), resolve(JSON.parse(l) as Record<string, unknown>)));
    proc.once('exit', (c) => (clearTimeout(timer), reject(new Error(`child exited ${c} before it was ready`))));
  });
  return { proc, ready };
}

const SIM = `import { startSimulator } from './simulator/index.ts';
const t = performance.now();
const sim = await startSimulator({ port: 0 });
console.log(JSON.stringify({ url: sim.url, startupMs: performance.now() - t }));
process.stdin.on('end', () => sim.close().then(() => process.exit(0)));
process.stdin.resume();`;

/** 1 million latencies through the same fold the engines use; heap + array buffers, after GC. */
const MEMORY = `import { createRecorder } from './load/recorder.ts';
const mem = () => { globalThis.gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const rec = createRecorder(['/health']);
const before = mem();
const marks = [];
for (let i = 1; i <= 1_000_000; i++) {
  const at = i * 0.2; // 5,000 req/s for 200 s of timeline
  rec.send(0, at, 0.05);
  rec.response(0, at, 0.5 + (i % 1000) / 10, 200);
  if (i % 250_000 === 0) { rec.settle(Math.floor(at / 1000)); marks.push(mem() - before); }
}
console.log(JSON.stringify({ marks }));`;

async function stepOpen(url: string, rate: number): Promise<LoadResult> {
  return runLoad({ target: url, routes: HEALTH, engine: 'open', rate, durationS: SECONDS, warmupS: 1, connections: 64, maxInFlight: 2000, rateCap: 50, allowRateLimited: false, timeoutMs: 5000 });
}

const sustainable = (r: LoadResult, rate: number): boolean =>
  r.requests.dropped === 0 && r.requests.errors === 0 && (r.schedulingLagMs.p99 ?? Infinity) < 5 && r.achievedRate >= rate * 0.97;

async function main(): Promise<void> {
  const spawnedAt = performance.now();
  const sim = child(SIM);
  const info = await sim.ready;
  const coldMs = performance.now() - spawnedAt;
  const url = String(info.url);
  const rows: [string, string, string][] = [];
  try {
    rows.push(['simulator startup (startSimulator)', `${Number(info.startupMs).toFixed(1)} ms`, `cold spawn to ready incl. tsx: ${coldMs.toFixed(0)} ms`]);
    const closed = await runLoad({ target: url, routes: HEALTH, engine: 'closed', durationS: SECONDS, connections: 10, rateCap: 50, allowRateLimited: false, timeoutMs: 5000 });
    const closedMax = closed.maxSustainedRate ?? closed.achievedRate;
    rows.push(['simulator /health, closed loop (autocannon, 10 conns)', `${closedMax.toFixed(0)} req/s`, `issue 2 wants > 5,000: ${closedMax > 5000 ? 'yes' : 'NO'}; p99 ${closed.latencyMs.p99} ms`]);

    // Ascending steps until two in a row do not hold (one may be a hiccup of a shared box): 5,000 is
    // issue 2's bar, the rest finds the ceiling.
    let best = 0;
    let misses = 0;
    for (const rate of STEPS.filter((r) => r <= MAX_RATE)) {
      if (misses >= 2) break;
      const r = await stepOpen(url, rate);
      const holds = sustainable(r, rate);
      const line = `achieved ${r.achievedRate.toFixed(0)} req/s, lag p50 ${r.schedulingLagMs.p50} / p99 ${r.schedulingLagMs.p99} ms, dropped ${r.requests.dropped}, late ${r.requests.late}, errors ${r.requests.errors}, latency p99 ${r.latencyMs.p99} ms`;
      say(`  open ${rate} req/s: ${line}: ${holds ? 'holds' : 'does not hold'}`);
      if (rate === 5000) rows.push(['open engine at 5,000 req/s', holds ? 'holds' : 'does NOT hold', `${line} (want lag p99 < 5 ms, nothing dropped)`]);
      misses = holds ? 0 : misses + 1;
      if (holds) best = rate;
    }
    rows.push(['open engine sustainable rate', `${best} req/s`, `ratio to the closed-loop maximum: ${closedMax > 0 ? (best / closedMax).toFixed(2) : 'n/a'} (steps ${STEPS.join(', ')})`]);
  } finally {
    sim.proc.stdin?.end();
    await Promise.race([once(sim.proc, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
    if (sim.proc.exitCode === null) sim.proc.kill('SIGTERM');
  }
  const mem = child(MEMORY, ['--expose-gc']);
  const marks = ((await mem.ready).marks as number[]).map((b) => b / 1024 / 1024);
  rows.push(['memory while recording 1M samples', `${(marks.at(-1) ?? Number.NaN).toFixed(1)} MB`, `at 250k/500k/750k/1M: ${marks.map((m) => m.toFixed(1)).join(' / ')} MB (want < 50, flat)`]);

  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
  say(`\nbench (${SECONDS} s per step; simulator in a child process; both share this machine's cores)`);
  say(`${'measure'.padEnd(w[0] ?? 0)} | ${'value'.padEnd(w[1] ?? 0)} | notes`);
  say(`${'-'.repeat(w[0] ?? 0)}-+-${'-'.repeat(w[1] ?? 0)}-+------`);
  for (const [a, b, c] of rows) say(`${a.padEnd(w[0] ?? 0)} | ${b.padEnd(w[1] ?? 0)} | ${c}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
