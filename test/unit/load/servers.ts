/** Throwaway loopback servers with one scripted behaviour each (as autocannon's test helper does). */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenLoopback } from '../../support/loopback.ts';

export interface TestServer {
  url: string;
  /** Requests received, in arrival order: path and authorization header. */
  seen: { path: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

/** A server on 127.0.0.1:0; `handle` may leave a request unanswered (a silent target). */
export async function startServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const seen: TestServer['seen'] = [];
  const srv = createServer((req, res) => {
    seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
    handle(req, res);
  });
  return { ...(await listenLoopback(srv)), seen };
}

export const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
