import { GatewayError } from '../../errors/gateway-error.ts';
import {
  definePolicy,
  type HookResult,
  type MaybePromise,
  type PolicyDeps,
  type RequestContext,
  type ResponseContext,
} from '../../pipeline/types.ts';
import type { StateStore } from '../../stores/types.ts';
import { PeriodClock } from './period.ts';
import { attachQuotaPersistence, type QuotaPersistence } from './persist.ts';
import { type QuotaConfig, QuotaSchema } from './schema.ts';
import { bucketOf, compileSubject } from './subject.ts';
import { quotaKey } from './usage.ts';

export { restoreQuotaUsage } from './persist.ts';
export { type QuotaUsage, type QuotaUsageQuery, quotaKey, readQuotaUsage } from './usage.ts';

const NAME = 'quota';
/** A period's counters stay readable this long after the period ended (then the store drops them). */
export const RETAIN_MS = 3_600_000;

/** What the response phase needs to write the quota headers. */
interface QuotaState {
  limit: number;
  remaining: number;
  resetS: number;
}

function isThenable<T>(v: MaybePromise<T>): v is Promise<T> {
  return v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * `quota` (order 510): a daily or monthly allowance per consumer (or credential, client address,
 * route, service, header value), counted in the state store — exact across worker threads, and
 * across nodes with Redis.
 *
 * Each admitted request adds 1 to the counter `quota:<bucket>:<period id>:<subject>` (e.g.
 * `quota:global:2026-11-28:c:alice`). The period id comes from `time_zone`: a new day or month is a
 * new key, so the reset is exact and needs no sweep; a counter expires an hour after its period.
 * A request that finds the allowance used up gets `429 GW_RATE_LIMITED` (reason
 * `quota_exhausted`) with `Retry-After` = seconds until the reset, and is not counted. Responses
 * carry `X-Quota-Limit`, `X-Quota-Remaining` and `X-Quota-Reset` (seconds until the reset).
 * `group_limits` sets allowances per consumer group (plans).
 *
 * Restarts: with `state.backend: redis` the counters live in Redis. With `local` they are
 * snapshotted to `persist_path` every `persist_interval_s` and at shutdown (or reload), and
 * restored once per process before the first request is counted (see `persist.ts`): a crash
 * forgets at most the last interval's counts, a clean shutdown nothing.
 *
 * Usage is readable with {@link readQuotaUsage} (after `restoreQuotaUsage` when nothing was
 * counted yet since a local-store restart). Store failures: `on_store_error: deny` (503) or
 * `allow`. `mode: report-only` logs `would-deny` instead of refusing.
 *
 * @example
 * quota:
 *   limit: 10000
 *   period: month
 *   time_zone: Europe/Paris
 *   group_limits: { gold: 1000000 }
 */
export const policy = definePolicy({
  name: NAME,
  order: 510,
  phases: ['request', 'response'],
  status: 'beta',
  posture: 'hardened',
  description:
    'Daily or monthly allowances per consumer (or credential, client address, header) that survive restarts, with a well-defined reset time zone.',
  supportsMode: true,
  schema: QuotaSchema,
  create(config: QuotaConfig, deps: PolicyDeps) {
    const maybeStore = deps.store;
    if (maybeStore === undefined) throw new TypeError('quota: needs the state store');
    const store: StateStore = maybeStore;
    const periods = new PeriodClock(config.period, config.time_zone);
    const subjectOf = compileSubject(config.key, config.on_missing_key, config.ipv6_prefix);
    const bucket = config.bucket ?? bucketOf(deps.scope);
    const limit = config.limit;
    const groups = Object.entries(config.group_limits);
    const failOpen = config.on_store_error === 'allow';
    const withHeaders = config.headers;
    const word = config.period === 'day' ? 'daily' : 'monthly';
    const local = store.kind === 'local';
    const now = local ? () => store.now() as number : Date.now;

    // Persistence attaches on the first request this instance counts, not here: a config check
    // builds (and at once retires) every policy against a throwaway store, and that build must
    // neither restore the snapshot into it nor write its empty counters over the real ones.
    let persistence: QuotaPersistence | undefined;
    let persistPending = local && config.persist;
    const persistenceOptions = {
      path: config.persist_path,
      intervalMs: config.persist_interval_s * 1000,
      maxKeys: config.persist_max_keys,
      logger: deps.logger,
    };

    const limitFor = (ctx: RequestContext): number => {
      const c = ctx.consumer;
      if (c === undefined || groups.length === 0) return limit;
      let best = -1;
      for (const [group, n] of groups) if (n > best && c.groups.includes(group)) best = n;
      return best < 0 ? limit : best;
    };

    const storeFailed = (ctx: RequestContext, err: unknown): undefined => {
      deps.logger.warn({ err, 'http.request.id': ctx.id }, 'quota: state store failed');
      if (failOpen) return undefined;
      throw new GatewayError('GW_NOT_READY', {
        reason: 'store_unavailable',
        headers: { 'retry-after': '1' },
        cause: err,
      });
    };

    const decide = (
      ctx: RequestContext,
      key: string,
      used: number,
      max: number,
      t: number,
      endMs: number,
      ttl: number,
    ): undefined => {
      persistence?.track(key, endMs + RETAIN_MS);
      const resetS = Math.max(1, Math.ceil((endMs - t) / 1000));
      if (used <= max) {
        if (withHeaders) ctx.state[NAME] = { limit: max, remaining: max - used, resetS } satisfies QuotaState;
        return undefined;
      }
      // Over the allowance: this request is not counted (exact: a refused request only ever
      // raises the counter above the limit for a moment, so it can never admit another one).
      try {
        const back = store.incr(key, -1, ttl);
        if (isThenable(back)) back.catch((err: unknown) => storeFailedQuietly(ctx, err));
      } catch (err) {
        storeFailedQuietly(ctx, err);
      }
      if (withHeaders) ctx.state[NAME] = { limit: max, remaining: 0, resetS } satisfies QuotaState;
      const headers: Record<string, string> = { 'retry-after': String(resetS) };
      if (withHeaders) {
        headers['x-quota-limit'] = String(max);
        headers['x-quota-remaining'] = '0';
        headers['x-quota-reset'] = String(resetS);
      }
      throw new GatewayError('GW_RATE_LIMITED', {
        reason: 'quota_exhausted',
        detail: `The ${word} quota is used up.`,
        headers,
      });
    };

    const storeFailedQuietly = (ctx: RequestContext, err: unknown): void => {
      deps.logger.warn({ err, 'http.request.id': ctx.id }, 'quota: could not give back a refused request');
    };

    const onRequest = (ctx: RequestContext): MaybePromise<HookResult> => {
      const subject = subjectOf(ctx);
      if (subject === undefined) return undefined;
      if (persistPending) {
        // Before the first count: the restore (once per process) must come first.
        persistPending = false;
        persistence = attachQuotaPersistence(store, persistenceOptions);
      }
      // While another worker thread is still restoring the usage, wait for it (once, briefly).
      const pending = persistence?.restored();
      if (pending !== undefined) return pending.then(() => count(ctx, subject));
      return count(ctx, subject);
    };

    const count = (ctx: RequestContext, subject: string): MaybePromise<HookResult> => {
      const max = limitFor(ctx);
      const t = now();
      const p = periods.at(t);
      const key = quotaKey(bucket, p.id, subject);
      const ttl = p.endMs - t + RETAIN_MS;
      let used: MaybePromise<number>;
      try {
        used = store.incr(key, 1, ttl);
      } catch (err) {
        return storeFailed(ctx, err);
      }
      if (isThenable(used)) {
        return used.then(
          (v) => decide(ctx, key, v, max, t, p.endMs, ttl),
          (err: unknown) => storeFailed(ctx, err),
        );
      }
      return decide(ctx, key, used, max, t, p.endMs, ttl);
    };

    const onResponse = (ctx: ResponseContext): undefined => {
      const s = ctx.state[NAME] as QuotaState | undefined;
      if (s === undefined) return undefined;
      const h = ctx.responseHeaders;
      h['x-quota-limit'] = String(s.limit);
      h['x-quota-remaining'] = String(s.remaining);
      h['x-quota-reset'] = String(s.resetS);
      return undefined;
    };

    const close = (): void => {
      persistPending = false;
      persistence?.release();
      persistence = undefined;
    };

    return Object.freeze(withHeaders ? { onRequest, onResponse, close } : { onRequest, close });
  },
});
