import { LRUCache } from 'lru-cache';
import type { AuthSuccess, Consumer } from '../../identity/types.ts';

/** Longest time an entry of a token without `exp` is kept, in seconds. */
export const MAX_UNBOUNDED_TTL_S = 3600;

/**
 * What is remembered about a token whose signature and static claims (issuer, audience, typ, crit,
 * required claims, lifetime) were verified. Only the time-based checks remain for a later request:
 * `notBefore <= now < notAfter` (both with the leeway already applied).
 */
export interface VerifiedToken {
  readonly issuerIndex: number;
  /** Seconds since the epoch; at or after it the token is refused with `lateReason`. */
  readonly notAfter: number;
  readonly lateReason: 'expired' | 'too_old';
  /** Seconds since the epoch; before it the token is refused as `not_yet_valid`. */
  readonly notBefore: number;
  /** Value of the consumer claim (validated: printable ASCII, bounded). */
  readonly consumerId: string;
  /** Used when the consumer directory does not know `consumerId`. */
  readonly synthetic: Consumer;
  /** Everything of the AuthSuccess but the consumer (looked up per request). */
  readonly success: Omit<AuthSuccess, 'consumer'>;
  /** Headers for the upstream: `[name, value]`. */
  readonly forward: readonly (readonly [string, string])[];
  /** Approximate size in bytes (for the cache bound). */
  readonly size: number;
}

/**
 * An LRU of verified tokens keyed by the token string. An entry lives until the token's time bound
 * (`notAfter`, capped at {@link MAX_UNBOUNDED_TTL_S} for tokens without one), until evicted, or until
 * {@link VerifiedTokenCache.clear} (called when an issuer's keys change). `generation` lets a
 * verification that raced with a key change avoid re-inserting a token checked against the old keys.
 *
 * @example
 * const cache = new VerifiedTokenCache(10_000, 32 << 20);
 * const hit = cache.get(token);
 */
export class VerifiedTokenCache {
  readonly #lru: LRUCache<string, VerifiedToken> | undefined;
  #generation = 0;

  constructor(maxEntries: number, maxBytes: number) {
    this.#lru =
      maxEntries > 0
        ? new LRUCache<string, VerifiedToken>({
            max: maxEntries,
            maxSize: maxBytes,
            sizeCalculation: (v, k) => Math.max(1, v.size + k.length * 2),
            ttlAutopurge: false,
            // perf.now() on each lookup rather than a cached clock refreshed by a timer per millisecond.
            ttlResolution: 0,
            updateAgeOnGet: false,
          })
        : undefined;
  }

  /** Incremented by every clear(). */
  get generation(): number {
    return this.#generation;
  }

  /** Number of entries (for tests and diagnostics). */
  get size(): number {
    return this.#lru?.size ?? 0;
  }

  /** The verified entry for this exact token, if any. */
  get(token: string): VerifiedToken | undefined {
    return this.#lru?.get(token);
  }

  /**
   * Remembers a verified token, unless the cache was cleared since `generation` was read (the keys it
   * was checked against may be gone) or the token is already out of its time window.
   */
  set(token: string, entry: VerifiedToken, nowS: number, generation: number): void {
    if (!this.#lru || generation !== this.#generation) return;
    const ttlS = Math.min(entry.notAfter - nowS, MAX_UNBOUNDED_TTL_S);
    if (!(ttlS > 0)) return;
    this.#lru.set(token, entry, { ttl: Math.ceil(ttlS * 1000) });
  }

  /** Forgets every entry. */
  clear(): void {
    this.#generation++;
    this.#lru?.clear();
  }
}
