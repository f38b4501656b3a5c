/** Throwaway servers on 127.0.0.1 for tests: a port of their own, and a close that does not wait on keep-alive. */
import type { Server } from 'node:http';
import { createServer as createTcp, type AddressInfo } from 'node:net';

export interface Listening {
  /** e.g. "http://127.0.0.1:40123" (no trailing slash). */
  url: string;
  /** Drops open connections first: close() alone waits for every keep-alive socket to end. */
  close: () => Promise<void>;
}

/** Starts `server` on 127.0.0.1:0. */
export async function listenLoopback(server: Server): Promise<Listening> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A loopback port that was just free: a server bound to it and closed again. */
export async function closedPort(): Promise<number> {
  const s = createTcp();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
