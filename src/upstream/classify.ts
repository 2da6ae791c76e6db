/** Failure kinds reported to `Upstream.onEnd` for errors (as opposed to bad statuses). */
export type UpstreamErrorKind = 'connect' | 'timeout' | 'reset';

const CONNECT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'HOSTNAME_MISMATCH',
]);

const TIMEOUT_CODES: ReadonlySet<string> = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function codeOf(err: unknown): string | undefined {
  for (let e = err, depth = 0; e !== null && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return typeof (err as { code?: unknown } | null)?.code === 'string'
    ? (err as { code: string }).code
    : undefined;
}

/**
 * Maps an error from an undici dispatch to the `kind` of `Upstream.onEnd`:
 * - `connect`: the TCP connection or TLS session could not be established (refused, DNS, unreachable,
 *   connect timeout, certificate rejected either way); the upstream application never processed the
 *   request, so it is safe to retry whatever the method.
 * - `timeout`: no response head (`header_ms`) or a body stall (`body_ms`).
 * - `reset`: anything else (connection reset or closed mid-exchange); the request may have been processed.
 *
 * @example
 * classifyUpstreamError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })); // 'connect'
 */
export function classifyUpstreamError(err: unknown): UpstreamErrorKind {
  const code = codeOf(err);
  if (code === undefined) return 'reset';
  if (TIMEOUT_CODES.has(code)) return 'timeout';
  if (CONNECT_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) return 'connect';
  return 'reset';
}
