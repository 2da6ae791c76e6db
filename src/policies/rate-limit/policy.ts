import { GatewayError } from '../../errors/gateway-error.ts';
import {
  definePolicy,
  type HookResult,
  type MaybePromise,
  type PolicyDeps,
  type RequestContext,
  type ResponseContext,
} from '../../pipeline/types.ts';
import { StoreError } from '../../stores/errors.ts';
import { createLocalStore, type LocalStore } from '../../stores/local/index.ts';
import type { StateStore } from '../../stores/types.ts';
import { anomalyActions } from '../../traffic/anomaly-actions.ts';
import { banRegistry } from '../../traffic/bans.ts';
import { ceilSeconds, rateLimitHeader } from './headers.ts';
import { compileKey, hashKey, ipMaterial } from './keys.ts';
import {
  attempt,
  type CompiledLimit,
  chain,
  compileLimits,
  decide,
  type LimitSet,
  type LimitState,
  type Outcome,
} from './limits.ts';
import { type RateLimitConfig, RateLimitSchema } from './schema.ts';

const NAME = 'rate-limit';
/** Warning and ban events are raised at most once per key per this interval (per worker). */
const EVENT_INTERVAL_MS = 10_000;
const EVENT_MEMORY = 4096;
/** A ban seen in the store is remembered in the worker for at most this long (flood traffic stays local). */
const BAN_CACHE_MS = 1000;
const BAN_CACHE_SIZE = 10_000;
/** While the store reports itself unhealthy, one request per this interval still tries it (a probe). */
const PROBE_INTERVAL_MS = 250;
/** Slots of the local fallback table (created on the first store failure, 3 MiB). */
const FALLBACK_CAPACITY = 65_536;

/** What `onResponse` turns into headers (`ctx.state['rate-limit']`). */
interface HeaderState {
  readonly policyHeader: string;
  /** Limits and their states; absent when the store could not decide (fail-open). */
  readonly limits: readonly CompiledLimit[] | undefined;
  readonly states: readonly LimitState[] | undefined;
}

/** One request being decided. */
interface Pending {
  readonly ctx: RequestContext;
  readonly set: LimitSet;
  readonly hash: string;
  readonly arrival: number;
}

/** Internals a test may replace. */
export interface RateLimitInternals {
  /** The table used while the store is unavailable (`local-fallback`); default: created on first use. */
  readonly fallbackStore?: StateStore;
  /** Wall clock for throttling deadlines and the ban cache (default `Date.now`). */
  readonly now?: () => number;
}

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Builds a `rate-limit` instance; {@link policy}`.create` with replaceable internals (tests).
 * Throws a TypeError for a config that cannot work.
 */
export function createRateLimit(
  config: RateLimitConfig,
  deps: PolicyDeps,
  internals: RateLimitInternals = {},
) {
  const maybeStore = deps.store;
  if (maybeStore === undefined) throw new TypeError('rate-limit: needs the state store');
  const store: StateStore = maybeStore;
  const now = internals.now ?? Date.now;
  const reportOnly = deps.mode === 'report-only';
  const share = config.local_fallback_share ?? 1 / config.expected_nodes;
  const base = compileLimits(config.limits, share, 'limits');
  const key = compileKey(config.key, { ipv6Prefix: config.ipv6_prefix, consumers: deps.consumers });
  const ns = hashKey(`${NAME}\0${config.bucket ?? deps.scope}`).slice(0, 11);
  const storeKey = (name: string, hash: string): string => `rl:${ns}:${name}:${hash}`;

  // Plans: a consumer id wins; otherwise the first plan (in order) with one of the consumer's groups.
  const byConsumer = new Map<string, LimitSet>();
  const byGroup = new Map<string, { index: number; set: LimitSet }>();
  config.plans.forEach((p, index) => {
    if (p.consumers.length === 0 && p.groups.length === 0) {
      throw new TypeError(`plans[${index}]: names no consumer and no group`);
    }
    const set = compileLimits(p.limits, share, `plans[${index}].limits`);
    for (const id of p.consumers) if (!byConsumer.has(id)) byConsumer.set(id, set);
    for (const g of p.groups) if (!byGroup.has(g)) byGroup.set(g, { index, set });
  });
  const planFor = (ctx: RequestContext): LimitSet => {
    const c = ctx.consumer;
    if (c === undefined || (byConsumer.size === 0 && byGroup.size === 0)) return base;
    const own = byConsumer.get(c.id);
    if (own !== undefined) return own;
    let best: { index: number; set: LimitSet } | undefined;
    for (const g of c.groups) {
      const p = byGroup.get(g);
      if (p !== undefined && (best === undefined || p.index < best.index)) best = p;
    }
    return best?.set ?? base;
  };

  const warnAt = config.warn_at;
  const throttle = reportOnly ? undefined : config.throttle;
  const ban = config.ban;
  if (ban !== undefined && ban.max_s < ban.base_s) {
    throw new TypeError('ban: "max_s" must be at least "base_s"');
  }
  const failMode = config.on_store_error;
  const sendHeaders = config.headers && !reportOnly;

  const lastEvent = new Map<string, number>();
  /** Bans seen in the store: when the ban ends, and until when this worker answers without asking again. */
  const bans = new Map<string, { until: number; recheck: number }>();
  let queued = 0;
  let fallbackStore: StateStore | undefined = internals.fallbackStore;
  let ownFallback: LocalStore | undefined;
  let down = false;
  let lastProbe = 0;

  const fields = (ctx: RequestContext, hash: string): Record<string, unknown> => ({
    'client.ip': ctx.clientIp,
    'http.request.id': ctx.id,
    'gatehouse.route': ctx.route.name,
    'gatehouse.policy': NAME,
    'gatehouse.scope': deps.scope,
    'gatehouse.rate_limit.key': hash,
    ...(reportOnly ? { 'gatehouse.mode': 'report-only' } : {}),
  });

  /** True when an event for `subject` may be raised now (per-worker throttle). */
  const eventDue = (subject: string): boolean => {
    const t = now();
    const last = lastEvent.get(subject);
    if (last !== undefined && t - last < EVENT_INTERVAL_MS) return false;
    if (lastEvent.size >= EVENT_MEMORY) lastEvent.clear();
    lastEvent.set(subject, t);
    return true;
  };

  const tag = (ctx: RequestContext, reason: string): void => {
    ctx.decisions.push({ policy: NAME, action: 'tag', reason });
  };

  const setHeaders = (ctx: RequestContext, state: HeaderState): void => {
    if (sendHeaders) ctx.state[NAME] = state;
  };

  const headerFields = (state: HeaderState): Record<string, string> => {
    if (!sendHeaders) return {};
    const h: Record<string, string> = { 'ratelimit-policy': state.policyHeader };
    if (state.limits !== undefined && state.states !== undefined) {
      h.ratelimit = serviceLimits(state.limits, state.states);
    }
    return h;
  };

  // ---- store health ---------------------------------------------------------------------------

  const markHealthy = (): void => {
    if (!down) return;
    down = false;
    deps.logger.info({ scope: deps.scope }, 'rate-limit: state store available again');
    deps.event('rate_limit_store_recovered', { 'gatehouse.policy': NAME, 'gatehouse.scope': deps.scope });
  };

  const markDown = (err: unknown): void => {
    lastProbe = now();
    if (down) return;
    down = true;
    deps.logger.warn(
      { err, scope: deps.scope, mode: failMode },
      `rate-limit: state store unavailable, ${failMode}`,
    );
    deps.event('rate_limit_store_unavailable', {
      'gatehouse.policy': NAME,
      'gatehouse.scope': deps.scope,
      'gatehouse.rate_limit.on_store_error': failMode,
      'error.message': err instanceof Error ? err.message : String(err),
    });
  };

  /** While the store says it is unhealthy, skip it except for one probe per interval. */
  const skipStore = (): boolean => {
    if (!down || store.healthy()) return false;
    const t = now();
    if (t - lastProbe >= PROBE_INTERVAL_MS) {
      lastProbe = t;
      return false;
    }
    return true;
  };

  const fallback = (): StateStore => {
    if (fallbackStore === undefined) {
      ownFallback = createLocalStore({ capacity: FALLBACK_CAPACITY });
      fallbackStore = ownFallback;
    }
    return fallbackStore;
  };

  // ---- refusals -------------------------------------------------------------------------------

  const rateLimited = (p: Pending, limits: readonly CompiledLimit[], policyHeader: string, o: Outcome) => {
    let retryMs = 0;
    const violated: string[] = [];
    for (let i = 0; i < o.states.length; i++) {
      const s = o.states[i]!;
      if (s.allowed) continue;
      violated.push(limits[i]!.name);
      if (s.retryAfterMs > retryMs) retryMs = s.retryAfterMs;
    }
    const retryAfter = Math.max(1, ceilSeconds(retryMs));
    const state: HeaderState = { policyHeader, limits, states: o.states };
    setHeaders(p.ctx, state);
    return new GatewayError('GW_RATE_LIMITED', {
      reason: 'rate_limited',
      detail: `Rate limit exceeded; retry after ${retryAfter} s.`,
      headers: { 'retry-after': String(retryAfter), ...headerFields(state) },
      extensions: { 'violated-policies': violated },
    });
  };

  const banned = (p: Pending, ttlMs: number, policyHeader: string): GatewayError => {
    const retryAfter = Math.max(1, ceilSeconds(ttlMs));
    const state: HeaderState = { policyHeader, limits: undefined, states: undefined };
    setHeaders(p.ctx, state);
    return new GatewayError('GW_RATE_LIMITED', {
      reason: 'rate_limit_banned',
      detail: `Temporarily banned after repeated rate limit violations; retry after ${retryAfter} s.`,
      headers: { 'retry-after': String(retryAfter), ...headerFields(state) },
    });
  };

  // ---- bans -----------------------------------------------------------------------------------

  const banKey = (hash: string): string => `rl:${ns}:!ban:${hash}`;

  const rememberBan = (hash: string, ttlMs: number): void => {
    if (bans.size >= BAN_CACHE_SIZE) bans.clear();
    const t = now();
    bans.set(hash, { until: t + ttlMs, recheck: t + Math.min(ttlMs, BAN_CACHE_MS) });
  };

  /**
   * Counts a violation; on the `after_violations`-th within `within_s`, bans the key for
   * `base_s · 2^(level-1)` (at most `max_s`). Resolves to the ban length placed (0 when none).
   * Store failures here are logged, never turned into a decision.
   */
  const recordViolation = (p: Pending, s: StateStore): MaybePromise<number> => {
    if (ban === undefined) return 0;
    const vKey = `rl:${ns}:!viol:${p.hash}`;
    const lost = (err: unknown): number => {
      deps.logger.warn({ err, 'http.request.id': p.ctx.id }, 'rate-limit: could not record a violation');
      return 0;
    };
    return attempt(
      () => s.incr(vKey, 1, ban.within_s * 1000),
      (count): MaybePromise<number> => {
        if (count !== ban.after_violations) return 0;
        return attempt(
          () => s.incr(`rl:${ns}:!level:${p.hash}`, 1, ban.decay_s * 1000),
          (level) => {
            const ms = Math.min(
              ban.base_s * 1000 * 2 ** Math.min(Math.max(level, 1) - 1, 40),
              ban.max_s * 1000,
            );
            return chain(s.mark(banKey(p.hash), ms), () => {
              rememberBan(p.hash, ms);
              const t = now();
              banRegistry.record(
                {
                  id: `${NAME}:${deps.scope}:${p.hash}`,
                  policy: NAME,
                  scope: deps.scope,
                  subject: 'key',
                  client_ip: p.ctx.clientIp,
                  ...(p.ctx.consumer ? { consumer: p.ctx.consumer.id } : {}),
                  route: p.ctx.route.name,
                  level,
                  since: t,
                  until: t + ms,
                },
                () => {
                  bans.delete(p.hash);
                  return s.delete(banKey(p.hash));
                },
              );
              deps.event('rate_limit_ban', {
                ...fields(p.ctx, p.hash),
                'gatehouse.ban.level': level,
                'gatehouse.ban.duration_s': ms / 1000,
              });
              return chain(s.delete(vKey), () => ms);
            });
          },
          lost,
        );
      },
      lost,
    );
  };

  // ---- the decision ---------------------------------------------------------------------------

  /** Limits (and, for throttling, waits) on one store: the process store, or the fallback table. */
  const limitOn = (p: Pending, s: StateStore, useFallback: boolean): MaybePromise<HookResult> => {
    const limits = useFallback ? p.set.fallback.limits : p.set.limits;
    const policyHeader = useFallback ? p.set.fallback.policyHeader : p.set.policyHeader;
    return chain(
      decide(
        s,
        limits,
        (l) => storeKey(l.name, p.hash),
        anomalyActions.costFor(p.ctx.route.name, p.ctx.consumer?.id),
      ),
      (o): MaybePromise<HookResult> => {
        if (o.allowed) {
          setHeaders(p.ctx, { policyHeader, limits, states: o.states });
          if (warnAt !== undefined) warnIfClose(p, limits, o.states);
          return undefined;
        }
        if (throttle !== undefined) {
          let waitMs = 0;
          for (const st of o.states) if (!st.allowed && st.retryAfterMs > waitMs) waitMs = st.retryAfterMs;
          if (queued < throttle.max_queued && now() + waitMs <= p.arrival + throttle.max_delay_ms) {
            return delay(p, s, useFallback, waitMs, limits, policyHeader, o);
          }
        }
        return chain(recordViolation(p, s), (banMs) => {
          throw banMs > 0 ? banned(p, banMs, policyHeader) : rateLimited(p, limits, policyHeader, o);
        });
      },
    );
  };

  const delay = async (
    p: Pending,
    s: StateStore,
    useFallback: boolean,
    waitMs: number,
    limits: readonly CompiledLimit[],
    policyHeader: string,
    o: Outcome,
  ): Promise<HookResult> => {
    queued++;
    let completed: boolean;
    try {
      completed = await sleep(Math.ceil(waitMs), p.ctx.signal);
    } finally {
      queued--;
    }
    if (!completed) throw rateLimited(p, limits, policyHeader, o);
    // One decision per request, even when the re-check after the wait delays it once more (a slow machine).
    if (!p.ctx.decisions.some((d) => d.policy === NAME && d.reason === 'rate_limit_delayed')) {
      tag(p.ctx, 'rate_limit_delayed');
    }
    return limitOn(p, s, useFallback);
  };

  const warnIfClose = (p: Pending, limits: readonly CompiledLimit[], states: readonly LimitState[]): void => {
    for (let i = 0; i < states.length; i++) {
      const l = limits[i]!;
      if (l.capacity - states[i]!.remaining < warnAt! * l.capacity) continue;
      tag(p.ctx, 'rate_limit_warning');
      if (eventDue(`w:${l.name}:${p.hash}`)) {
        deps.event('rate_limit_warning', {
          ...fields(p.ctx, p.hash),
          'gatehouse.rate_limit.limit': l.name,
          'gatehouse.rate_limit.remaining': states[i]!.remaining,
        });
      }
      return;
    }
  };

  /** Ban check, then the limits, on one store. */
  const evaluateOn = (p: Pending, s: StateStore, useFallback: boolean): MaybePromise<HookResult> => {
    if (ban === undefined) return limitOn(p, s, useFallback);
    return chain(s.markTtl(banKey(p.hash)), (ttl) => {
      if (ttl > 0) {
        rememberBan(p.hash, ttl);
        throw banned(p, ttl, useFallback ? p.set.fallback.policyHeader : p.set.policyHeader);
      }
      return limitOn(p, s, useFallback);
    });
  };

  const storeFailed = (p: Pending, err: unknown): MaybePromise<HookResult> => {
    markDown(err);
    tag(p.ctx, 'store_unavailable');
    if (failMode === 'fail-open') {
      setHeaders(p.ctx, { policyHeader: p.set.policyHeader, limits: undefined, states: undefined });
      return undefined;
    }
    if (failMode === 'local-fallback') {
      return attempt(
        () => evaluateOn(p, fallback(), true),
        (r) => r,
        (e) => {
          if (e instanceof StoreError) throw notReady(e);
          throw e;
        },
      );
    }
    throw notReady(err);
  };

  const evaluate = (p: Pending): MaybePromise<HookResult> => {
    if (ban !== undefined) {
      const seen = bans.get(p.hash);
      if (seen !== undefined) {
        const t = now();
        if (t < seen.recheck) throw banned(p, seen.until - t, p.set.policyHeader);
        bans.delete(p.hash);
      }
    }
    if (skipStore()) return storeFailed(p, new StoreError('STORE_UNAVAILABLE', 'state store unhealthy'));
    return attempt(
      () => evaluateOn(p, store, false),
      (r) => {
        markHealthy();
        return r;
      },
      (err) => {
        if (err instanceof StoreError) return storeFailed(p, err);
        if (err instanceof GatewayError) markHealthy();
        throw err;
      },
    );
  };

  return Object.freeze({
    onRequest(ctx: RequestContext): MaybePromise<HookResult> {
      const set = planFor(ctx);
      if (set.limits.length === 0) return undefined;
      let material = key.material(ctx);
      if (material === undefined) {
        if (config.on_missing_key === 'skip') return undefined;
        material = config.on_missing_key === 'ip' ? ipMaterial(ctx, config.ipv6_prefix) : 'shared';
      }
      return evaluate({ ctx, set, hash: hashKey(material), arrival: now() });
    },

    onResponse(ctx: ResponseContext): undefined {
      const s = ctx.state[NAME] as HeaderState | undefined;
      if (s === undefined) return undefined;
      ctx.responseHeaders['ratelimit-policy'] = s.policyHeader;
      if (s.limits !== undefined && s.states !== undefined) {
        ctx.responseHeaders.ratelimit = serviceLimits(s.limits, s.states);
      }
      return undefined;
    },

    close(): Promise<void> | undefined {
      return ownFallback?.close();
    },
  });
}

function notReady(cause: unknown): GatewayError {
  return new GatewayError('GW_NOT_READY', {
    reason: 'store_unavailable',
    headers: { 'retry-after': '1' },
    cause,
  });
}

function serviceLimits(limits: readonly CompiledLimit[], states: readonly LimitState[]): string {
  return rateLimitHeader(
    states.map((s, i) => ({
      label: limits[i]!.label,
      remaining: s.allowed ? s.remaining : 0,
      resetMs: s.allowed ? s.resetMs : s.retryAfterMs,
    })),
  );
}

/**
 * `rate-limit` (order 500, request + response phases): limits requests per key with GCRA or a
 * sliding window, exact across worker threads (local store) and across nodes (Redis store).
 *
 * - `limits`: several limits checked together; a request is counted only when all allow it.
 * - `key`: `consumer | credential | ip | route | service | header:<name> | claim:<name> |
 *   cel:<expr>`, or a list combined; hashed (SHA-256) before it becomes a store key. A request
 *   without key material is counted per client address (`on_missing_key`).
 * - `plans`: other limits per consumer id or consumer group.
 * - Graduated responses: `warn_at` (event `rate_limit_warning`), `throttle` (delay up to
 *   `max_delay_ms` instead of refusing), refusal (429 `GW_RATE_LIMITED` with `Retry-After`,
 *   RateLimit headers and `violated-policies`), `ban` (after repeated refusals, 429 for an
 *   escalating, decaying duration without touching the limiter; event `rate_limit_ban`).
 * - Headers: `RateLimit-Policy` and `RateLimit` per draft-ietf-httpapi-ratelimit-headers-11.
 * - `mode: report-only`: refusals become `would-deny` decisions; never delays, sends no RateLimit headers.
 * - `on_store_error`: `fail-closed` (503), `fail-open`, or `local-fallback` (an in-process table,
 *   limits scaled by `local_fallback_share`); decision reason `store_unavailable`, events
 *   `rate_limit_store_unavailable` / `rate_limit_store_recovered`; every request (or, while the store
 *   reports itself unhealthy, one probe per 250 ms) tries the store again.
 *
 * @example
 * rate-limit:
 *   key: consumer
 *   limits:
 *     - { name: per-second, limit: 10, period: 1s, burst: 5 }
 *     - { name: hourly, algorithm: sliding-window, limit: 1000, period: 1h }
 *   plans:
 *     - { groups: [gold], limits: [{ limit: 100, period: 1s }] }
 *   warn_at: 0.8
 *   throttle: { max_delay_ms: 500 }
 *   ban: { after_violations: 20, within_s: 60, base_s: 60, max_s: 3600 }
 *   on_store_error: local-fallback
 *   expected_nodes: 3
 */
export const policy = definePolicy({
  name: NAME,
  order: 500,
  phases: ['request', 'response'],
  status: 'beta',
  posture: 'hardened',
  description:
    'Rate limits (GCRA or sliding window) per consumer, credential, address, route, header, claim or CEL key: exact across workers and nodes, with plans, warnings, throttling, bans and RateLimit headers.',
  supportsMode: true,
  schema: RateLimitSchema,
  create(config: RateLimitConfig, deps: PolicyDeps) {
    return createRateLimit(config, deps);
  },
});
