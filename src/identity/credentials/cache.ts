import { LRUCache } from 'lru-cache';
import type { ApiKeyRecord } from './types.ts';

/** Options of a {@link RecordCache}. */
export interface RecordCacheOptions {
  /** Most lookups kept (found and not found alike). Default 10,000. */
  readonly max?: number;
  /** Longest time an entry is trusted without a change notification, ms. Default 60,000. */
  readonly ttlMs?: number;
}

interface Entry {
  readonly rec: ApiKeyRecord | undefined;
}

/**
 * In-memory LRU of lookups by key hash, negative answers included (so a flood of unknown but
 * well-formed keys does not hit the store each time; bounded by `max`).
 *
 * Writes race with lookups in flight on asynchronous back ends: a lookup that started before an
 * invalidation must not put its (possibly stale) answer into the cache afterwards. Each invalidation
 * bumps a generation; {@link set} ignores answers obtained under an older one.
 *
 * @example
 * const gen = cache.generation;
 * const rec = await backend.find(hash);
 * cache.set(hash, rec, gen);
 */
export class RecordCache {
  readonly #lru: LRUCache<string, Entry>;
  #generation = 0;

  constructor(opts: RecordCacheOptions = {}) {
    const max = opts.max ?? 10_000;
    const ttl = opts.ttlMs ?? 60_000;
    if (!Number.isSafeInteger(max) || max < 1) throw new TypeError('cache max must be a positive integer');
    if (!Number.isSafeInteger(ttl) || ttl < 1) throw new TypeError('cache ttlMs must be a positive integer');
    this.#lru = new LRUCache<string, Entry>({ max, ttl, ttlAutopurge: false });
  }

  /** Current generation; pass it back to {@link set}. */
  get generation(): number {
    return this.#generation;
  }

  /** `{ rec }` when cached (rec undefined = known absent), undefined when not cached. */
  get(hash: string): Entry | undefined {
    return this.#lru.get(hash);
  }

  /** Caches an answer obtained while the generation was `generation` (ignored if it changed since). */
  set(hash: string, rec: ApiKeyRecord | undefined, generation: number): void {
    if (generation !== this.#generation) return;
    this.#lru.set(hash, { rec });
  }

  /** Drops one entry (a write or a notification about this hash). */
  invalidate(hash: string): void {
    this.#generation++;
    this.#lru.delete(hash);
  }

  /** Drops everything (missed notifications, another process changed the store). */
  clear(): void {
    this.#generation++;
    this.#lru.clear();
  }

  /** Entries held. */
  get size(): number {
    return this.#lru.size;
  }
}
