/**
 * The decision arithmetic shared by the stores: GCRA and the sliding window as pure functions, plus
 * argument checks. The local store calls these under a slot lock; the Redis Lua scripts
 * (`redis/scripts.ts`) implement the same formulas line for line — a change here must be made there.
 *
 * GCRA runs in units of the emission interval `T` (a stored TAT of 5 means 5·T ms since the Unix
 * epoch). In those units, consuming `c` requests adds the integer `c` to TAT, which is exact in
 * floating point, so "`limit + burst` requests from idle" is an exact count at any `T`.
 */
import type { GcraLimit, GcraResult, WindowLimit, WindowResult } from './types.ts';

/** Absorbs the last-bit rounding of float sums of request counts. */
export const EPS = 1e-9;

/**
 * A request that would pass within this many ms passes now (one microsecond). Clock readings in ms
 * since the epoch carry ~0.25 µs of float rounding; this slack keeps `retryAfterMs` honest (waiting
 * exactly that long is enough) without letting an extra request through: emission intervals are at
 * least {@link MIN_INTERVAL_MS}, ten times the slack.
 */
export const SLACK_MS = 1e-3;

/** Smallest GCRA emission interval (periodMs / limit): 100,000 requests per second per key. */
export const MIN_INTERVAL_MS = 0.01;

/** Throws a TypeError unless `key` is a non-empty string. */
export function checkKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0)
    throw new TypeError('store key must be a non-empty string');
}

/** Throws a TypeError unless `limit` is a valid {@link GcraLimit}. */
export function checkGcraLimit(limit: GcraLimit): void {
  if (
    !Number.isSafeInteger(limit.limit) ||
    limit.limit < 1 ||
    !(limit.periodMs > 0) ||
    !Number.isFinite(limit.periodMs) ||
    !Number.isSafeInteger(limit.burst) ||
    limit.burst < 0 ||
    limit.periodMs / limit.limit < MIN_INTERVAL_MS
  ) {
    throw new TypeError(
      'GCRA limit needs an integer limit >= 1, a finite periodMs > 0 (at most 100 requests per ms) and an integer burst >= 0',
    );
  }
}

/** Throws a TypeError unless `limit` is a valid {@link WindowLimit}. */
export function checkWindowLimit(limit: WindowLimit): void {
  if (
    !Number.isSafeInteger(limit.limit) ||
    limit.limit < 1 ||
    !(limit.windowMs > 0) ||
    !Number.isFinite(limit.windowMs)
  ) {
    throw new TypeError('window limit needs an integer limit >= 1 and a finite windowMs > 0');
  }
}

/** Throws a TypeError unless `cost` is a finite number >= 0. */
export function checkCost(cost: number): void {
  if (!(cost >= 0) || !Number.isFinite(cost)) throw new TypeError('cost must be a finite number >= 0');
}

/** Throws a TypeError unless `ttlMs` is a finite number > 0. */
export function checkTtl(ttlMs: number): void {
  if (!(ttlMs > 0) || !Number.isFinite(ttlMs)) throw new TypeError('ttlMs must be a finite number > 0');
}

/** Throws a TypeError unless `max` is an integer >= 1. */
export function checkMax(max: number): void {
  if (!Number.isSafeInteger(max) || max < 1) throw new TypeError('max must be an integer >= 1');
}

/** Throws a TypeError unless `by` is a finite number. */
export function checkBy(by: number): void {
  if (typeof by !== 'number' || !Number.isFinite(by)) throw new TypeError('by must be a finite number');
}

/**
 * One GCRA decision.
 * @param tat the theoretical arrival time in T units, already raised to at least `n`
 * @param n now in T units (`nowMs / T`)
 * @param cap capacity (`limit + burst`)
 * @param cost requests to consume (0 = peek, described as a request of cost 1)
 * @param T emission interval in ms
 *
 * @example
 * gcraDecide(n + 10, n, 10, 1, 100) // → { allowed: false, retryAfterMs: 100, remaining: 0, resetMs: 1000 }
 */
export function gcraDecide(tat: number, n: number, cap: number, cost: number, T: number): GcraResult {
  const c = cost > 0 ? cost : 1;
  const ahead = tat + c - n;
  if (ahead <= cap + SLACK_MS / T) {
    if (cost === 0) {
      return { allowed: true, remaining: floorPos(cap - (tat - n)), retryAfterMs: 0, resetMs: (tat - n) * T };
    }
    return { allowed: true, remaining: floorPos(cap - ahead), retryAfterMs: 0, resetMs: ahead * T };
  }
  return {
    allowed: false,
    remaining: floorPos(cap - (tat - n)),
    retryAfterMs: c > cap ? Number.POSITIVE_INFINITY : (ahead - cap) * T,
    resetMs: (tat - n) * T,
  };
}

/**
 * One sliding-window decision.
 * @param prev count of the previous fixed window
 * @param cur count of the current fixed window
 * @param elapsed ms since the current window started
 * @param cost requests to consume (0 = peek, described as a request of cost 1)
 *
 * @example
 * windowDecide(10, 0, 500, 1000, 10, 1) // count 5 → allowed, count 6, remaining 4
 */
export function windowDecide(
  prev: number,
  cur: number,
  elapsed: number,
  windowMs: number,
  limit: number,
  cost: number,
): WindowResult {
  const c = cost > 0 ? cost : 1;
  const count = prev * (1 - elapsed / windowMs) + cur;
  if (count + c <= limit + EPS + (prev * SLACK_MS) / windowMs) {
    const after = count + cost;
    const nowCur = cur + cost;
    return {
      allowed: true,
      count: after,
      remaining: floorPos(limit - after),
      retryAfterMs: 0,
      resetMs: windowReset(prev, nowCur, elapsed, windowMs),
    };
  }
  return {
    allowed: false,
    count,
    remaining: floorPos(limit - count),
    retryAfterMs: windowRetry(prev, cur, elapsed, windowMs, limit - c),
    resetMs: windowReset(prev, cur, elapsed, windowMs),
  };
}

/** ms until `count <= need` if nothing more is counted (the count decays linearly). */
function windowRetry(prev: number, cur: number, elapsed: number, w: number, need: number): number {
  if (need < -EPS) return Number.POSITIVE_INFINITY;
  if (cur <= need + EPS) {
    // Reachable inside the current window: prev·(1 - e/w) + cur <= need.
    const e = prev > 0 ? w * (1 - (need - cur) / prev) : elapsed;
    return Math.max(0, Math.min(e, w) - elapsed);
  }
  // Next window: prev' = cur, cur' = 0 → cur·(1 - e'/w) <= need.
  return w - elapsed + w * (1 - Math.max(0, need) / cur);
}

function windowReset(prev: number, cur: number, elapsed: number, w: number): number {
  if (cur > 0) return 2 * w - elapsed;
  if (prev > 0) return w - elapsed;
  return 0;
}

function floorPos(x: number): number {
  const f = Math.floor(x + EPS);
  return f > 0 ? f : 0;
}
