import { GatewayError } from '../../errors/gateway-error.ts';
import {
  definePolicy,
  type HookResult,
  type LogContext,
  type MaybePromise,
  type PolicyDeps,
  type RequestContext,
} from '../../pipeline/types.ts';
import type { StateStore } from '../../stores/types.ts';
import { bucketOf, compileSubject } from '../quota/subject.ts';
import { type ConcurrencyLimitConfig, ConcurrencyLimitSchema } from './schema.ts';

const NAME = 'concurrency-limit';

/** Per-request record of the slot (in `ctx.state['concurrency-limit']`). */
interface Slot {
  readonly key: string;
  /** A slot is held and must be given back. */
  held: boolean;
  /** The log phase ran: the request is over (a late acquire must give its slot straight back). */
  over: boolean;
}

function isThenable<T>(v: MaybePromise<T>): v is Promise<T> {
  return v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * Store key of the slots of one subject: `cl:<bucket>:<subject>`.
 *
 * @example
 * concurrencyKey('route:upload', 'c:alice'); // 'cl:route:upload:c:alice'
 */
export function concurrencyKey(bucket: string, subject: string): string {
  return `cl:${bucket}:${subject}`;
}

/**
 * `concurrency-limit` (order 520): at most `max` requests in flight at once per consumer (or
 * credential, client address, route, service, header value, or `all`), counted with the state
 * store's `acquire`/`release` — exact across worker threads, and across nodes with Redis.
 *
 * A slot is taken in the request phase and given back in the log phase, which the pipeline runs
 * exactly once per request after the response is over, whatever ended it: a normal response, an
 * upstream error or timeout, a local reply or gateway error from a later policy, or a client that
 * went away mid-request. When every slot is taken the request gets 429 `GW_RATE_LIMITED` (or 503
 * `GW_OVERLOADED` with `status: 503`), reason `concurrency_limited`, with `Retry-After`. A slot
 * not given back (a crashed node) frees itself after `slot_ttl_s`.
 *
 * Store failures: `on_store_error: deny` (503) or `allow`. `mode: report-only` logs `would-deny`
 * and lets the request through without a slot.
 *
 * @example
 * concurrency-limit:
 *   max: 4
 *   key: consumer
 *   slot_ttl_s: 120
 */
export const policy = definePolicy({
  name: NAME,
  order: 520,
  phases: ['request', 'log'],
  status: 'beta',
  posture: 'hardened',
  description:
    'Caps the requests in flight per consumer, credential, client address, route or header value (exact across workers and nodes).',
  supportsMode: true,
  schema: ConcurrencyLimitSchema,
  create(config: ConcurrencyLimitConfig, deps: PolicyDeps) {
    const maybeStore = deps.store;
    if (maybeStore === undefined) throw new TypeError('concurrency-limit: needs the state store');
    const store: StateStore = maybeStore;
    const subjectOf = compileSubject(config.key, config.on_missing_key, config.ipv6_prefix);
    const bucket = config.bucket ?? bucketOf(deps.scope);
    const max = config.max;
    const ttlMs = config.slot_ttl_s * 1000;
    const failOpen = config.on_store_error === 'allow';
    const code = config.status === 503 ? 'GW_OVERLOADED' : 'GW_RATE_LIMITED';
    const retryAfter = String(config.retry_after_s);

    const refuse = (): never => {
      throw new GatewayError(code, {
        reason: 'concurrency_limited',
        detail: 'Too many requests in flight.',
        headers: { 'retry-after': retryAfter },
      });
    };

    const storeFailed = (ctx: RequestContext, err: unknown): undefined => {
      deps.logger.warn({ err, 'http.request.id': ctx.id }, 'concurrency-limit: state store failed');
      if (failOpen) return undefined;
      throw new GatewayError('GW_NOT_READY', {
        reason: 'store_unavailable',
        headers: { 'retry-after': '1' },
        cause: err,
      });
    };

    const giveBack = (key: string, id: string): void => {
      try {
        const r = store.release(key);
        if (isThenable(r)) {
          r.catch((err: unknown) => {
            deps.logger.warn(
              { err, 'http.request.id': id },
              'concurrency-limit: could not give a slot back (it frees itself after slot_ttl_s)',
            );
          });
        }
      } catch (err) {
        deps.logger.warn(
          { err, 'http.request.id': id },
          'concurrency-limit: could not give a slot back (it frees itself after slot_ttl_s)',
        );
      }
    };

    const granted = (ctx: RequestContext, slot: Slot, ok: boolean): undefined => {
      if (!ok) return refuse();
      if (slot.over) {
        // The request ended (client gone) while the store was deciding: give it straight back.
        giveBack(slot.key, ctx.id);
        return undefined;
      }
      slot.held = true;
      return undefined;
    };

    return Object.freeze({
      onRequest(ctx: RequestContext): MaybePromise<HookResult> {
        const subject = subjectOf(ctx);
        if (subject === undefined) return undefined;
        const slot: Slot = { key: concurrencyKey(bucket, subject), held: false, over: false };
        ctx.state[NAME] = slot;
        let r: MaybePromise<boolean>;
        try {
          r = store.acquire(slot.key, max, ttlMs);
        } catch (err) {
          return storeFailed(ctx, err);
        }
        if (isThenable(r)) {
          return r.then(
            (ok) => granted(ctx, slot, ok),
            (err: unknown) => storeFailed(ctx, err),
          );
        }
        return granted(ctx, slot, r);
      },

      onLog(ctx: LogContext): void {
        const slot = ctx.state[NAME] as Slot | undefined;
        if (slot === undefined || slot.over) return;
        slot.over = true;
        if (!slot.held) return;
        slot.held = false;
        giveBack(slot.key, ctx.id);
      },
    });
  },
});
