/**
 * Test helpers for the store-backed limit policies (quota, concurrency-limit): a real local store
 * with a settable clock, the same store answering through promises (as Redis does), and a store
 * that fails like an unreachable back end. Only test files import this module.
 *
 * @example
 * const clock = { now: Date.UTC(2026, 10, 28, 12) };
 * const store = testStore(clock);
 * clock.now += 86_400_000;
 */
import { StoreUnavailableError } from '../../stores/errors.ts';
import { createLocalStore, type LocalStore } from '../../stores/local/index.ts';
import type { StateStore } from '../../stores/types.ts';

/** A mutable clock (ms since the epoch). */
export interface TestClock {
  now: number;
}

/** A real local store (1,024 slots) reading `clock.now`. */
export function testStore(clock: TestClock): LocalStore {
  return createLocalStore({ capacity: 1024, clock: () => clock.now });
}

/**
 * The same store, but every answer is a promise and `kind` is `redis` (so policies take their
 * asynchronous paths and persist nothing locally). `delayMs` delays every answer.
 */
export function asyncStore(inner: StateStore, delayMs = 0): StateStore {
  const later = <T>(fn: () => T): Promise<T> =>
    new Promise((resolve, reject) => {
      setTimeout(() => {
        try {
          resolve(fn());
        } catch (err) {
          reject(err);
        }
      }, delayMs);
    });
  return {
    kind: 'redis',
    now: () => later(() => inner.now() as number),
    gcra: (k, l, c) => later(() => inner.gcra(k, l, c) as never),
    slidingWindow: (k, l, c) => later(() => inner.slidingWindow(k, l, c) as never),
    incr: (k, by, ttl) => later(() => inner.incr(k, by, ttl) as number),
    count: (k) => later(() => inner.count(k) as number),
    markIfAbsent: (k, ttl) => later(() => inner.markIfAbsent(k, ttl) as boolean),
    markTtl: (k) => later(() => inner.markTtl(k) as number),
    mark: (k, ttl) => later(() => inner.mark(k, ttl) as undefined),
    delete: (k) => later(() => inner.delete(k) as undefined),
    acquire: (k, max, ttl) => later(() => inner.acquire(k, max, ttl) as boolean),
    release: (k) => later(() => inner.release(k) as undefined),
    publish: (ch, m) => later(() => inner.publish(ch, m) as undefined),
    subscribe: (ch, fn) => inner.subscribe(ch, fn),
    healthy: () => inner.healthy(),
    close: () => inner.close(),
  };
}

/** A store whose every operation fails (synchronously, or as a rejected promise with `async`). */
export function failingStore(async = false): StateStore {
  const fail = (): never => {
    throw new StoreUnavailableError('store down');
  };
  const op = async ? () => Promise.reject(new StoreUnavailableError('store down')) : fail;
  return {
    kind: async ? 'redis' : 'local',
    // A local store's clock never fails; Redis's is not used per request.
    now: () => Date.now(),
    gcra: op as never,
    slidingWindow: op as never,
    incr: op as never,
    count: op as never,
    markIfAbsent: op as never,
    markTtl: op as never,
    mark: op as never,
    delete: op as never,
    acquire: op as never,
    release: op as never,
    publish: op as never,
    subscribe: () => () => undefined,
    healthy: () => false,
    close: () => Promise.resolve(),
  };
}
