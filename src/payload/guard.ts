/**
 * The request-phase glue shared by `json-threat-protection` and `xml-threat-protection`: pick the requests
 * whose media type is inspected, feed the body to a {@link PayloadScanner} chunk by chunk while buffering it
 * (never more than `maxSize` bytes), refuse at the first violation, and hand the unchanged bytes to the proxy
 * through `ctx.state[BUFFERED_BODY_KEY]`.
 *
 * @example
 * const guard = createPayloadGuard({ policy: 'json-threat-protection', prefix: 'json', contentTypes, maxSize,
 *   scanner: () => createJsonScanner(limits), deps });
 * await guard(ctx);
 */
import { GatewayError } from '../errors/gateway-error.ts';
import { requestMayHaveBody } from '../pipeline/body.ts';
import type { PolicyDeps, RequestContext } from '../pipeline/types.ts';
import { BUFFERED_BODY_KEY } from '../policies/waf/body.ts';
import type { PayloadScanner, Violation } from './types.ts';

/** Media type of a Content-Type value: lower-case, without parameters, '' when malformed. */
export function mediaType(value: string): string {
  const semi = value.indexOf(';');
  const mt = (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
  const slash = mt.indexOf('/');
  return slash <= 0 || slash === mt.length - 1 || mt.indexOf('/', slash + 1) !== -1 ? '' : mt;
}

/**
 * Compiles media ranges (`type/subtype`, `type/*`, `type/*+suffix`) into a predicate on media types.
 *
 * @example
 * mediaTypeMatcher(['application/*+json'])('application/vnd.api+json'); // true
 */
export function mediaTypeMatcher(ranges: readonly string[]): (mt: string) => boolean {
  const exact = new Set<string>();
  const types = new Set<string>();
  const suffixes = new Set<string>();
  for (const r of ranges) {
    const l = r.toLowerCase();
    const slash = l.indexOf('/');
    if (slash <= 0) throw new TypeError(`${JSON.stringify(r)} is not a media range`);
    if (l.endsWith('/*')) types.add(l.slice(0, slash));
    else if (l[slash + 1] === '*') suffixes.add(l.slice(0, slash + 1) + l.slice(slash + 2));
    else exact.add(l);
  }
  return (mt) => {
    if (mt === '') return false;
    if (exact.has(mt)) return true;
    const slash = mt.indexOf('/');
    if (types.has(mt.slice(0, slash))) return true;
    const plus = mt.lastIndexOf('+');
    return plus > slash && suffixes.has(mt.slice(0, slash + 1) + mt.slice(plus));
  };
}

/** Options of {@link createPayloadGuard}. */
export interface PayloadGuardOptions {
  /** Policy name, for decisions and events. */
  readonly policy: string;
  /** Reason prefix: reasons are `<prefix>:<violation code>`. */
  readonly prefix: string;
  /** Media ranges whose bodies are inspected; other bodies stream through untouched. */
  readonly contentTypes: readonly string[];
  /** Largest body, in bytes (also the buffer bound). */
  readonly maxSize: number;
  /** A fresh scanner per request. */
  readonly scanner: () => PayloadScanner;
  readonly deps: PolicyDeps;
}

const DIGITS = /^[0-9]+$/;

function toError(prefix: string, v: Violation): GatewayError {
  return new GatewayError(v.code === 'size' ? 'GW_PAYLOAD_TOO_LARGE' : 'GW_BAD_REQUEST', {
    reason: `${prefix}:${v.code}`,
    detail: v.detail,
  });
}

function listenerTooLarge(max: number): GatewayError {
  return new GatewayError('GW_PAYLOAD_TOO_LARGE', {
    detail: `The request body exceeds ${max} bytes.`,
    reason: 'body_too_large',
  });
}

/** Bytes already read, then the rest of the stream (the listener limit still enforced). */
async function* replay(
  read: readonly Buffer[],
  it: AsyncIterator<Buffer>,
  already: number,
  hardMax: number,
): AsyncGenerator<Buffer> {
  for (const c of read) yield c;
  let n = already;
  for (;;) {
    const r = await it.next();
    if (r.done === true) return;
    n += r.value.length;
    if (n > hardMax) throw listenerTooLarge(hardMax);
    yield r.value;
  }
}

/** The body still to be read: what an earlier policy buffered (e.g. `waf`), else the request stream. */
function bodySource(ctx: RequestContext): AsyncIterable<Buffer> {
  const prior = ctx.state[BUFFERED_BODY_KEY] as Buffer | AsyncIterable<Buffer> | undefined;
  if (prior === undefined) {
    ctx.sendContinue?.();
    return ctx.req as AsyncIterable<Buffer>;
  }
  if (!Buffer.isBuffer(prior)) return prior;
  return (async function* one(): AsyncGenerator<Buffer> {
    yield prior;
  })();
}

/**
 * Builds the request hook: skips bodiless requests and other media types, refuses a Content-Length above
 * `maxSize` before reading, then scans while buffering. A violation emits a `payload_rejected` event; in
 * `enforce` mode it throws a GatewayError (400, or 413 for size) and the rest of the body is never read nor
 * forwarded; in `report-only` mode it records a `would-deny` decision and forwards the whole body unchanged.
 */
export function createPayloadGuard(opts: PayloadGuardOptions): (ctx: RequestContext) => Promise<undefined> {
  const { policy, prefix, maxSize, deps } = opts;
  const inspected = mediaTypeMatcher(opts.contentTypes);
  const reportOnly = deps.mode === 'report-only';

  /** Records the violation; returns the error to throw (enforce) or undefined (report-only). */
  function violation(ctx: RequestContext, v: Violation): GatewayError | undefined {
    const err = toError(prefix, v);
    deps.event('payload_rejected', {
      'event.reason': err.reason,
      'event.outcome': reportOnly ? 'would-deny' : 'deny',
      'gatehouse.policy': policy,
      'gatehouse.payload.limit': v.limit,
      'gatehouse.payload.offset': v.offset,
      'client.ip': ctx.clientIp,
      'http.request.id': ctx.id,
      'gatehouse.route': ctx.route.name,
      ...(ctx.consumer ? { 'gatehouse.consumer.id': ctx.consumer.id } : {}),
    });
    if (!reportOnly) return err;
    ctx.decisions.push({ policy, action: 'would-deny', reason: err.reason, status: err.status });
    return undefined;
  }

  return async function guard(ctx: RequestContext): Promise<undefined> {
    const h = ctx.headers;
    const cl = h['content-length'];
    if (!requestMayHaveBody(ctx)) return undefined;
    const ct = h['content-type'];
    if (!inspected(typeof ct === 'string' ? mediaType(ct) : '')) return undefined;
    if (typeof cl === 'string' && DIGITS.test(cl) && Number(cl) > maxSize) {
      const err = violation(ctx, {
        code: 'size',
        limit: maxSize,
        offset: 0,
        detail: `The request body exceeds ${maxSize} bytes.`,
      });
      if (err !== undefined) throw err;
      return undefined;
    }
    const hardMax = ctx.maxBodyBytes;
    const scanner = opts.scanner();
    const it = bodySource(ctx)[Symbol.asyncIterator]();
    const chunks: Buffer[] = [];
    let n = 0;
    for (;;) {
      let r: IteratorResult<Buffer>;
      try {
        r = await it.next();
      } catch (cause) {
        throw new GatewayError('GW_BAD_REQUEST', { reason: 'body_read_error', cause });
      }
      if (r.done === true) break;
      const chunk = typeof r.value === 'string' ? Buffer.from(r.value, 'latin1') : r.value;
      n += chunk.length;
      if (n > hardMax) throw listenerTooLarge(hardMax);
      chunks.push(chunk);
      const v = scanner.write(chunk);
      if (v !== null) {
        const err = violation(ctx, v);
        if (err !== undefined) throw err;
        ctx.state[BUFFERED_BODY_KEY] = replay(chunks, it, n, hardMax);
        return undefined;
      }
    }
    const v = scanner.end();
    ctx.state[BUFFERED_BODY_KEY] = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, n);
    if (v !== null) {
      const err = violation(ctx, v);
      if (err !== undefined) throw err;
    }
    return undefined;
  };
}
