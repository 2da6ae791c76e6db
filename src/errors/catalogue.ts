/**
 * The closed catalogue of error codes Gatehouse can put in front of a client.
 * Every code has a stable title, an HTTP status and a documentation anchor.
 *
 * @example
 * throw new GatewayError('GW_RATE_LIMITED', { detail: 'Too many requests for this key.' });
 */
export const ERROR_CATALOGUE = {
  GW_BAD_REQUEST: { status: 400, title: 'Bad request' },
  GW_BAD_PATH: { status: 400, title: 'Malformed or ambiguous request path' },
  GW_BAD_HOST: { status: 400, title: 'Missing or invalid Host' },
  GW_AMBIGUOUS_FRAMING: { status: 400, title: 'Ambiguous request framing' },
  GW_UNAUTHORIZED: { status: 401, title: 'Authentication required' },
  GW_FORBIDDEN: { status: 403, title: 'Forbidden' },
  GW_IP_DENIED: { status: 403, title: 'Client address not allowed' },
  GW_CORS_DENIED: { status: 403, title: 'Cross-origin request not allowed' },
  GW_NOT_FOUND: { status: 404, title: 'No route matches this request' },
  GW_METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  GW_REQUEST_TIMEOUT: { status: 408, title: 'Request timed out' },
  GW_PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large' },
  GW_EXPECTATION_FAILED: { status: 417, title: 'Expectation failed' },
  GW_URI_TOO_LONG: { status: 414, title: 'Request URI too long' },
  GW_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  GW_RATE_LIMITED: { status: 429, title: 'Too many requests' },
  GW_HEADERS_TOO_LARGE: { status: 431, title: 'Request header fields too large' },
  GW_INTERNAL: { status: 500, title: 'Internal gateway error' },
  GW_NOT_IMPLEMENTED: { status: 501, title: 'Not implemented' },
  GW_UPSTREAM_ERROR: { status: 502, title: 'Upstream failed' },
  GW_UPSTREAM_UNAVAILABLE: { status: 503, title: 'No healthy upstream target' },
  GW_CIRCUIT_OPEN: { status: 503, title: 'Upstream circuit open' },
  GW_OVERLOADED: { status: 503, title: 'Gateway overloaded' },
  GW_NOT_READY: { status: 503, title: 'Gateway not ready' },
  GW_UPSTREAM_TIMEOUT: { status: 504, title: 'Upstream timed out' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Base URL of the per-code documentation, used as the RFC 9457 `type`. */
export const ERROR_DOCS_BASE = 'https://gatehouse.dev/errors/';

export function errorTypeUri(code: ErrorCode): string {
  return ERROR_DOCS_BASE + code.toLowerCase().replaceAll('_', '-');
}
