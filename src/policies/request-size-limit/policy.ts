import { GatewayError } from '../../errors/gateway-error.ts';
import { requestMayHaveBody } from '../../pipeline/body.ts';
import { definePolicy, type RequestContext } from '../../pipeline/types.ts';
import { MEDIA_RANGE_PATTERN, type RequestSizeLimitConfig, RequestSizeLimitSchema } from './schema.ts';

const DIGITS = /^[0-9]+$/;
const MEDIA_RANGE_RE = new RegExp(MEDIA_RANGE_PATTERN);

/** Media type of a Content-Type value, lower-case without parameters, or '' when malformed. */
function mediaType(value: string): string {
  const semi = value.indexOf(';');
  const mt = (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
  const slash = mt.indexOf('/');
  return slash <= 0 || slash === mt.length - 1 ? '' : mt;
}

/**
 * `request-size-limit`: refuses bodies larger than `max_bytes` (413, reason `body_too_large`) when
 * Content-Length says so, and otherwise lowers `ctx.maxBodyBytes` so the proxy cuts off a longer
 * stream. Optionally requires Content-Length (411) and restricts the body's media type (415).
 *
 * @example
 * request-size-limit:
 *   max_bytes: 65536
 *   allowed_content_types: [application/json, application/*+json]
 */
export const policy = definePolicy({
  name: 'request-size-limit',
  order: 450,
  phases: ['request'],
  status: 'stable',
  posture: 'hardened',
  description: 'Caps request body size; optionally requires Content-Length and restricts Content-Type.',
  supportsMode: true,
  schema: RequestSizeLimitSchema,
  create(config: RequestSizeLimitConfig) {
    const max = config.max_bytes;
    const requireLength = config.require_content_length;
    const exact = new Set<string>();
    const wildcardTypes = new Set<string>();
    const wildcardSuffixes = new Set<string>();
    for (const entry of config.allowed_content_types) {
      if (typeof entry !== 'string' || !MEDIA_RANGE_RE.test(entry)) {
        throw new TypeError(
          `request-size-limit: allowed_content_types: ${JSON.stringify(entry)} is not a media type`,
        );
      }
      const lower = entry.toLowerCase();
      const slash = lower.indexOf('/');
      if (lower.endsWith('/*')) wildcardTypes.add(lower.slice(0, slash));
      else if (lower[slash + 1] === '*')
        wildcardSuffixes.add(lower.slice(0, slash + 1) + lower.slice(slash + 2));
      else exact.add(lower);
    }
    const checkType = config.allowed_content_types.length > 0;
    const typeDetail = `Content-Type must be one of: ${config.allowed_content_types.join(', ')}.`;
    const tooLarge = `The request body exceeds ${max} bytes.`;
    const allowedType = (mt: string): boolean => {
      if (mt === '') return false;
      if (exact.has(mt)) return true;
      const slash = mt.indexOf('/');
      if (wildcardTypes.has(mt.slice(0, slash))) return true;
      const plus = mt.lastIndexOf('+');
      return plus > slash && wildcardSuffixes.has(mt.slice(0, slash + 1) + mt.slice(plus));
    };

    return Object.freeze({
      onRequest(ctx: RequestContext): undefined {
        const headers = ctx.headers;
        const cl = headers['content-length'];
        // Transfer-Encoding, or an HTTP/2 stream with a body and no Content-Length.
        const chunked = cl === undefined && requestMayHaveBody(ctx);
        let length = 0;
        if (cl !== undefined) {
          if (typeof cl !== 'string' || !DIGITS.test(cl)) {
            throw new GatewayError('GW_BAD_REQUEST', {
              reason: 'bad_content_length',
              detail: 'Content-Length must be a single decimal number.',
            });
          }
          length = Number(cl);
          if (length > max) {
            throw new GatewayError('GW_PAYLOAD_TOO_LARGE', { reason: 'body_too_large', detail: tooLarge });
          }
        } else if (chunked && requireLength) {
          throw new GatewayError('GW_BAD_REQUEST', {
            status: 411,
            reason: 'length_required',
            detail: 'A Content-Length header is required for request bodies.',
          });
        }
        if (ctx.maxBodyBytes > max) ctx.maxBodyBytes = max;
        if (checkType && (length > 0 || chunked)) {
          const ct = headers['content-type'];
          const mt = typeof ct === 'string' ? mediaType(ct) : '';
          if (!allowedType(mt)) {
            throw new GatewayError('GW_UNSUPPORTED_MEDIA_TYPE', {
              reason: 'media_type_not_allowed',
              detail: typeDetail,
            });
          }
        }
        return undefined;
      },
    });
  },
});
