import { ERROR_CATALOGUE, type ErrorCode } from './catalogue.ts';

export interface GatewayErrorOptions {
  /** Safe, client-facing text. Never put upstream bodies, hosts or stack traces here. */
  detail?: string;
  /** Override of the catalogue status (e.g. a policy configured to answer 451). */
  status?: number;
  /** Extra response headers (e.g. `Retry-After`, `WWW-Authenticate`, `Allow`). */
  headers?: Record<string, string>;
  /** Extra RFC 9457 extension members (must be safe to show). */
  extensions?: Record<string, unknown>;
  /** The underlying error, logged but never sent. */
  cause?: unknown;
  /** Reason code for logs and metrics (e.g. `ip_denied`, `body_too_large`). */
  reason?: string;
}

/**
 * An error the gateway answers to the client as RFC 9457 problem+json.
 *
 * @example
 * throw new GatewayError('GW_PAYLOAD_TOO_LARGE', { detail: 'Body exceeds 1048576 bytes.', reason: 'body_too_large' });
 */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly extensions: Record<string, unknown> | undefined;
  readonly reason: string;

  constructor(code: ErrorCode, options: GatewayErrorOptions = {}) {
    const entry = ERROR_CATALOGUE[code];
    super(options.detail ?? entry.title, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GatewayError';
    this.code = code;
    this.status = options.status ?? entry.status;
    this.title = entry.title;
    this.detail = options.detail;
    this.headers = options.headers;
    this.extensions = options.extensions;
    this.reason = options.reason ?? code.slice(3).toLowerCase();
  }
}

/** Turns anything thrown into a GatewayError; unknown throws become GW_INTERNAL. */
export function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  return new GatewayError('GW_INTERNAL', { cause: err, reason: 'internal' });
}
