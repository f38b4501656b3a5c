/**
 * Why no response came, named the way an operator acts on it: a refused connection (nothing listens:
 * wrong port, app down), DNS (wrong host name), TLS (the certificate, with its error), a timeout (the
 * app hangs), a reset (it crashed mid-answer). "No answer within N ms" for all of them sent people
 * looking for a slow server when the certificate had expired.
 */
type FailureKind = 'refused' | 'dns' | 'tls' | 'timeout' | 'reset' | 'unreachable' | 'interrupted' | 'other';

export interface HttpFailure {
  kind: FailureKind;
  /** One line naming what happened and the error code, e.g. "TLS: certificate not accepted: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)". */
  message: string;
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const TIMEOUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
const RESET = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED']);
const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);
/** OpenSSL's certificate codes, Node's TLS codes and protocol mismatches (https to a plain-http port). */
const TLS = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|^ERR_TLS|^ERR_SSL|^EPROTO$/;

interface ErrorLike {
  name?: string;
  code?: string | number;
  message?: string;
  hostname?: string;
  cause?: ErrorLike;
}

/** The innermost error with a code: undici wraps socket errors, fetch wraps undici's. */
function root(err: ErrorLike): ErrorLike {
  let e = err;
  for (let i = 0; i < 5 && typeof e.code !== 'string' && e.cause && typeof e.cause === 'object'; i++) e = e.cause;
  return e;
}

function what(kind: FailureKind, e: ErrorLike, host: string): string {
  const code = typeof e.code === 'string' ? e.code : '';
  const msg = e.message ?? String(e);
  switch (kind) {
    case 'refused':
      return `connection refused: nothing listens at ${host} (${code})`;
    case 'dns':
      return `DNS: the host name ${e.hostname ?? host.replace(/:\d+$/, '')} could not be resolved (${code})`;
    case 'tls':
      return `TLS: certificate not accepted: ${msg}${code && !msg.includes(code) ? ` (${code})` : ''}`;
    case 'reset':
      return `connection closed by the target before a complete response (${code}: ${msg})`;
    case 'unreachable':
      return `network unreachable: no route to ${host} (${code})`;
    default:
      return code && !msg.includes(code) ? `${code}: ${msg}` : msg;
  }
}

/**
 * Pure: classifies an error from undici's `request` for `url`. `timedOut` / `interrupted` say which of
 * the call's own signals fired (an abort looks the same from inside: only the caller knows which).
 */
export function classifyFailure(err: unknown, url: string, timeoutMs: number, signals: { timedOut: boolean; interrupted: boolean }): HttpFailure {
  if (signals.interrupted) return { kind: 'interrupted', message: 'interrupted before the target answered' };
  if (signals.timedOut) return { kind: 'timeout', message: `timed out after ${timeoutMs} ms without a complete answer` };
  const e = root((err ?? {}) as ErrorLike);
  const code = typeof e.code === 'string' ? e.code : '';
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the URL as given
  }
  let kind: FailureKind = 'other';
  if (code === 'ECONNREFUSED') kind = 'refused';
  else if (DNS.has(code)) kind = 'dns';
  else if (TLS.test(code)) kind = 'tls';
  else if (TIMEOUT.has(code)) kind = 'timeout';
  else if (RESET.has(code)) kind = 'reset';
  else if (UNREACHABLE.has(code)) kind = 'unreachable';
  if (kind === 'timeout') return { kind, message: `timed out after ${timeoutMs} ms without a complete answer (${code})` };
  return { kind, message: what(kind, e, host) };
}
