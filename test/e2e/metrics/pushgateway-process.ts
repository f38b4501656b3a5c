/**
 * Debian's prometheus-pushgateway as a child process on a free loopback port, for the tests that
 * push real metrics. Port 0 lets the kernel pick the port; the Pushgateway logs the address it got.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access } from 'node:fs/promises';

export const PUSHGATEWAY_BIN = process.env.PUSHGATEWAY_BIN ?? '/usr/bin/prometheus-pushgateway';

export interface Pushgateway {
  url: string;
  pid: number;
  /** Stops it (SIGTERM, then SIGKILL after 3 s); resolves once it has exited. Safe to call twice. */
  stop: () => Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

/** Starts one; registers its stop with `t.after`, so it stops even when the test fails. */
export async function startPushgateway(t: { after: (fn: () => Promise<void>) => void }): Promise<Pushgateway> {
  await access(PUSHGATEWAY_BIN).catch(() => {
    throw new Error(`${PUSHGATEWAY_BIN} not found: install Debian's prometheus-pushgateway (.ci/run does) or set PUSHGATEWAY_BIN`);
  });
  const child = spawn(PUSHGATEWAY_BIN, ['--web.listen-address=127.0.0.1:0', '--persistence.file=', '--log.level=info'], { stdio: ['ignore', 'ignore', 'pipe'] });
  // If this test process dies without running its hooks, the Pushgateway must not outlive it.
  const onExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', onExit);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', onExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGCONT');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited(child);
    clearTimeout(timer);
  };
  t.after(stop);
  const address = await new Promise<string>((resolve, reject) => {
    let log = '';
    const deadline = setTimeout(() => reject(new Error(`the Pushgateway did not report its address within 10 s:\n${log}`)), 10_000);
    child.stderr?.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /msg="Listening on" address=(127\.0\.0\.1:\d+)/.exec(log);
      if (m?.[1]) {
        clearTimeout(deadline);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(deadline);
      reject(new Error(`the Pushgateway exited (${code}) before listening:\n${log}`));
    });
  });
  return { url: `http://${address}`, pid: child.pid ?? 0, stop };
}

/** The Pushgateway's own /metrics, as Prometheus would scrape it. */
export async function scrape(url: string): Promise<string> {
  const res = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) });
  if (res.status !== 200) throw new Error(`GET ${url}/metrics answered ${res.status}`);
  return res.text();
}
