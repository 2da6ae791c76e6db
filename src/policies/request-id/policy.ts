import { randomFillSync, randomUUID } from 'node:crypto';
import {
  definePolicy,
  type PolicyInstance,
  type RequestContext,
  type ResponseContext,
} from '../../pipeline/types.ts';
import { assertWritableHeaderName } from '../headers/hygiene.ts';
import { type RequestIdConfig, RequestIdSchema } from './schema.ts';

/** Key of this policy's entry in `ctx.state`. */
export const REQUEST_ID_STATE = 'request-id';

/** What `request-id` stores in `ctx.state['request-id']` when trace context is on. */
export interface RequestIdState {
  /** 32 lower-case hex digits. */
  readonly traceId: string;
  /** 16 lower-case hex digits: the gateway hop's span, sent upstream as the parent id. */
  readonly spanId: string;
  /** The caller's span id when an incoming trace was continued. */
  readonly parentSpanId: string | undefined;
  readonly sampled: boolean;
}

const ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT_00_RE = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
/** Versions above 00 may append fields after a dash. */
const TRACEPARENT_FUTURE_RE = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}-.*$/;
const TRACESTATE_RE = /^[\x20-\x7e]{1,512}$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

// Random hex is drawn from a pool refilled in bulk: one syscall and one hex encoding per ~170 requests,
// then each id is a cheap substring.
const POOL_BYTES = 4096;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let poolHex = '';
let poolOffset = 0;

function randomHex(chars: number): string {
  if (poolOffset + chars > poolHex.length) {
    randomFillSync(pool);
    poolHex = pool.toString('hex');
    poolOffset = 0;
  }
  const s = poolHex.slice(poolOffset, poolOffset + chars);
  poolOffset += chars;
  return s;
}

/** A random, non-zero 16-hex span id. */
export function newSpanId(): string {
  let id = randomHex(16);
  while (id === ZERO_SPAN) id = randomHex(16);
  return id;
}

/** A random, non-zero 32-hex trace id. */
export function newTraceId(): string {
  let id = randomHex(32);
  while (id === ZERO_TRACE) id = randomHex(32);
  return id;
}

/** True when `value` is an acceptable client-supplied request id. */
export function isValidRequestId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 128 && ID_RE.test(value);
}

/** The parts of a valid `traceparent`. */
export interface TraceParent {
  readonly traceId: string;
  readonly parentId: string;
  readonly flags: number;
}

/**
 * Parses a W3C `traceparent` header (Trace Context level 1/2). Version `00` must be exactly 55
 * characters; higher versions (not `ff`) are parsed by their version-00 prefix. All-zero ids,
 * upper-case hex and duplicate headers (joined by Node with `, `) are invalid.
 *
 * @example
 * parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
 */
export function parseTraceparent(value: unknown): TraceParent | undefined {
  if (typeof value !== 'string' || value.length < 55 || value.length > 512) return undefined;
  if (value.length === 55) {
    if (!TRACEPARENT_00_RE.test(value) || value.startsWith('ff')) return undefined;
  } else if (!TRACEPARENT_FUTURE_RE.test(value) || value.startsWith('00') || value.startsWith('ff')) {
    return undefined;
  }
  const traceId = value.slice(3, 35);
  const parentId = value.slice(36, 52);
  if (traceId === ZERO_TRACE || parentId === ZERO_SPAN) return undefined;
  return { traceId, parentId, flags: Number.parseInt(value.slice(53, 55), 16) };
}

function flagsHex(flags: number): string {
  return (flags & 0x03).toString(16).padStart(2, '0');
}

/**
 * `request-id`: gives every request an id (`ctx.id`), reusing a well-formed client id when trusted,
 * forwards it upstream and echoes it in the response. With trace context on, it continues a valid
 * W3C `traceparent` with a new span id for the gateway hop (keeping `tracestate`), or starts a new
 * trace, and stores `{ traceId, spanId, parentSpanId, sampled }` in `ctx.state['request-id']`.
 *
 * @example
 * request-id:
 *   header: x-correlation-id
 *   trust_incoming: false
 */
export const policy = definePolicy({
  name: 'request-id',
  order: 990,
  phases: ['request', 'response'],
  status: 'stable',
  posture: 'hardened',
  description: 'Assigns or propagates a request id and W3C trace context (traceparent/tracestate).',
  supportsMode: false,
  schema: RequestIdSchema,
  create(config: RequestIdConfig) {
    const header = assertWritableHeaderName(config.header, 'request-id: header');
    if (header === 'traceparent' || header === 'tracestate') {
      throw new TypeError('request-id: header cannot be traceparent or tracestate');
    }
    const trustId = config.trust_incoming;
    const trace = config.trace_context;
    const trustTrace = config.trust_incoming_trace;
    const newFlags = config.sample_new_traces ? 1 : 0;

    const instance: PolicyInstance = {
      onRequest(ctx: RequestContext): undefined {
        const incoming = trustId ? ctx.headers[header] : undefined;
        const id = isValidRequestId(incoming) ? incoming : randomUUID();
        ctx.id = id;
        const up = ctx.upstreamHeaders;
        up[header] = id;
        if (!trace) return undefined;
        const parent = trustTrace ? parseTraceparent(ctx.headers.traceparent) : undefined;
        const spanId = newSpanId();
        let state: RequestIdState;
        if (parent === undefined) {
          state = { traceId: newTraceId(), spanId, parentSpanId: undefined, sampled: newFlags === 1 };
          up.traceparent = `00-${state.traceId}-${spanId}-${flagsHex(newFlags)}`;
          delete up.tracestate;
        } else {
          state = {
            traceId: parent.traceId,
            spanId,
            parentSpanId: parent.parentId,
            sampled: (parent.flags & 1) === 1,
          };
          up.traceparent = `00-${parent.traceId}-${spanId}-${flagsHex(parent.flags)}`;
          const ts = up.tracestate;
          if (typeof ts === 'string' && TRACESTATE_RE.test(ts)) up.tracestate = ts;
          else delete up.tracestate;
        }
        ctx.state[REQUEST_ID_STATE] = state;
        return undefined;
      },
    };
    if (config.echo) {
      instance.onResponse = (ctx: ResponseContext) => {
        ctx.responseHeaders[header] = ctx.id;
      };
    }
    return Object.freeze(instance);
  },
});
