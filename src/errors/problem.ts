import { errorTypeUri } from './catalogue.ts';
import type { GatewayError } from './gateway-error.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 body for a GatewayError. `instance` is the request id. */
export function problemBody(err: GatewayError, requestId: string | undefined): string {
  const body: Record<string, unknown> = {
    type: errorTypeUri(err.code),
    title: err.title,
    status: err.status,
  };
  if (err.detail !== undefined) body.detail = err.detail;
  if (requestId !== undefined) body.instance = `urn:gatehouse:request:${requestId}`;
  body.code = err.code;
  if (err.extensions) {
    for (const k of Object.keys(err.extensions)) {
      if (!(k in body)) body[k] = err.extensions[k];
    }
  }
  return JSON.stringify(body);
}
