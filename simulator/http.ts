import type { IncomingMessage } from 'node:http';

/** What a handler returns; the server adds security, CORS and timing headers and writes it. */
export interface Reply {
  status: number;
  /** Serialised as JSON unless `raw` is given. `undefined` with no raw = empty body. */
  json?: unknown;
  raw?: Buffer | string;
  contentType?: string;
  headers?: Record<string, string>;
  /** index.html served by the SPA fallback for a path that is not a file (a deep link). */
  spaFallback?: boolean;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, json: body, headers });

export const detail = (status: number, message: string, headers?: Record<string, string>): Reply => json(status, { detail: message }, headers);

/** An HTTPException of the real app: `{"detail": …}` with its status. */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string> | undefined;
  constructor(status: number, message: string, headers?: Record<string, string>, body?: unknown) {
    super(message);
    this.status = status;
    this.body = body ?? { detail: message };
    this.headers = headers;
  }
}

/** One pydantic v2 error item. */
export interface PydanticError {
  type: string;
  loc: Array<string | number>;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** FastAPI's RequestValidationError: 422 `{"detail":[…]}`. */
export class ValidationError extends Error {
  override name = 'ValidationError';
  readonly errors: PydanticError[];
  constructor(errors: PydanticError[]) {
    super(errors.map((e) => `${e.loc.join('.')}: ${e.msg}`).join('; '));
    this.errors = errors;
  }
}

/** A fault acting out an unhandled exception: answered by the global handler, logged as one line. */
export class SimulatedFault extends Error {
  override name = 'SimulatedFault';
}

const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the request body; refuses more than MAX_BODY_BYTES with 413 instead of buffering it. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > MAX_BODY_BYTES) {
      reject(new HttpError(413, 'Request body too large', { Connection: 'close' }));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, 'Request body too large', { Connection: 'close' }));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * FastAPI's body handling for a JSON model parameter: JSON content types are parsed (invalid JSON → 422
 * json_invalid), an empty body is "missing", any other content type is passed as a string (and then fails
 * model validation, which is why a form-encoded login answers 422).
 */
export function parseJsonBody(buf: Buffer, contentType: string | undefined): unknown {
  if (buf.length === 0) throw new ValidationError([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
  const text = buf.toString('utf8');
  const ct = (contentType ?? '').toLowerCase();
  if (ct !== '' && !/^application\/([\w.+-]*\+)?json\b/.test(ct)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const pos = /position (\d+)/.exec(String(e))?.[1];
    throw new ValidationError([
      { type: 'json_invalid', loc: ['body', pos === undefined ? 0 : Number(pos)], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } },
    ]);
  }
}
