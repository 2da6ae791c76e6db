/**
 * The shared-memory hash table behind the local store: one `SharedArrayBuffer`, fixed capacity,
 * open addressing with linear probing, one spin/futex lock per slot and one insertion lock.
 *
 * Layout (little-endian, all threads see the same bytes):
 * ```
 * header   16 × int32   magic, version, capacity, maxProbe, insert lock, seed1, seed2,
 *                       lock steals, full errors, lock-steal ms
 * slots    capacity × 4 × int32     h1, h2, lock, kind   (kind 0 = never used)
 * state    capacity × 4 × float64   expiresAt (ms since epoch; 0 = free), a, b, c
 * ```
 * 48 bytes per slot: the default 65,536 slots take 3 MiB.
 *
 * Invariants that make decisions exact:
 * - A key (kind, h1, h2) lives in at most one slot. Key fields are written only while holding the
 *   insertion lock, after a full scan of the key's probe chain under that lock found no slot for it.
 * - Slots are never returned to "never used", so a key is always found between its home slot and
 *   the first never-used slot (or `maxProbe` slots, whichever comes first).
 * - Every read-modify-write of a slot's state happens under the slot's lock, after re-checking
 *   under the lock that the slot still holds the key (it may have been reclaimed meanwhile).
 * - A slot whose state expired (`expiresAt <= now`) is reclaimed for a new key only under its lock,
 *   re-checking the expiry there.
 */
import { StoreFullError } from '../errors.ts';
import { hashKey, lastH2 } from './hash.ts';

const MAGIC = 0x47484c53; // 'GHLS'
const VERSION = 1;
const HEADER_I32 = 16;
const H_MAGIC = 0;
const H_VERSION = 1;
const H_CAPACITY = 2;
const H_MAX_PROBE = 3;
const H_INSERT_LOCK = 4;
const H_SEED1 = 5;
const H_SEED2 = 6;
const H_LOCK_STEALS = 7;
const H_FULL_ERRORS = 8;
const H_STEAL_MS = 9;

/** Spins (compare-and-swap attempts) before a waiter sleeps on the lock word. */
const SPINS = 64;
/** A sleeping waiter re-checks at least this often (ms). */
const WAIT_MS = 1;

/** Lowest and highest accepted capacities (slots). */
export const MIN_CAPACITY = 16;
export const MAX_CAPACITY = 1 << 22;

/** Operation families: the namespaces of a key (see `types.ts`). */
export const K_GCRA = 1;
export const K_WINDOW = 2;
export const K_COUNTER = 3;
export const K_MARK = 4;
export const K_SEMAPHORE = 5;

/** Sizes and tunables of a table. */
export interface TableOptions {
  capacity: number;
  maxProbe: number;
  lockStealMs: number;
}

/** Allocates and initialises a table's shared memory. */
export function allocateTable(opts: TableOptions): SharedArrayBuffer {
  const { capacity, maxProbe, lockStealMs } = opts;
  const sab = new SharedArrayBuffer(HEADER_I32 * 4 + capacity * 16 + capacity * 32);
  const h = new Int32Array(sab, 0, HEADER_I32);
  const seeds = new Int32Array(2);
  crypto.getRandomValues(seeds);
  h[H_MAGIC] = MAGIC;
  h[H_VERSION] = VERSION;
  h[H_CAPACITY] = capacity;
  h[H_MAX_PROBE] = maxProbe;
  h[H_SEED1] = seeds[0]!;
  h[H_SEED2] = seeds[1]!;
  h[H_STEAL_MS] = lockStealMs;
  return sab;
}

/**
 * One thread's view of a table. Every method is synchronous and allocation-free; `find` returns a
 * slot with its lock held, which the caller must give back with `unlock`.
 */
export class SharedTable {
  readonly capacity: number;
  readonly i32: Int32Array;
  readonly f64: Float64Array;
  readonly #header: Int32Array;
  readonly #mask: number;
  readonly #maxProbe: number;
  readonly #seed1: number;
  readonly #seed2: number;
  readonly #stealMs: number;

  constructor(sab: SharedArrayBuffer) {
    if (!(sab instanceof SharedArrayBuffer) || sab.byteLength < HEADER_I32 * 4) {
      throw new TypeError('not a local store buffer');
    }
    const h = new Int32Array(sab, 0, HEADER_I32);
    const capacity = h[H_CAPACITY]!;
    if (
      h[H_MAGIC] !== MAGIC ||
      h[H_VERSION] !== VERSION ||
      sab.byteLength !== HEADER_I32 * 4 + capacity * 48
    ) {
      throw new TypeError('not a local store buffer (bad magic, version or size)');
    }
    this.capacity = capacity;
    this.#header = h;
    this.i32 = new Int32Array(sab, 0, HEADER_I32 + capacity * 4);
    this.f64 = new Float64Array(sab, HEADER_I32 * 4 + capacity * 16, capacity * 4);
    this.#mask = capacity - 1;
    this.#maxProbe = h[H_MAX_PROBE]!;
    this.#seed1 = h[H_SEED1]!;
    this.#seed2 = h[H_SEED2]!;
    this.#stealMs = h[H_STEAL_MS]!;
  }

  /** Locks stolen from a holder that kept one longer than the steal timeout (a dead thread). */
  get lockSteals(): number {
    return Atomics.load(this.#header, H_LOCK_STEALS);
  }

  /** Inserts refused because no slot was free within the probe window. */
  get fullErrors(): number {
    return Atomics.load(this.#header, H_FULL_ERRORS);
  }

  /**
   * Finds the slot of (`kind`, `key`) and returns it locked. When the key has no slot: with
   * `create`, claims a never-used or expired slot for it (state zeroed, `expiresAt` 0) or throws
   * {@link StoreFullError}; without, returns -1 and locks nothing.
   */
  find(kind: number, key: string, create: boolean, now: number): number {
    const h1 = hashKey(kind, key, this.#seed1, this.#seed2);
    const h2 = lastH2;
    const i32 = this.i32;
    const mask = this.#mask;
    const home = h1 & mask;
    for (;;) {
      let retry = false;
      for (let p = 0; p < this.#maxProbe; p++) {
        const s = (home + p) & mask;
        const b = HEADER_I32 + s * 4;
        const k = i32[b + 3]!;
        if (k === 0) break;
        if (k === kind && i32[b] === h1 && i32[b + 1] === h2) {
          this.#lock(b + 2);
          if (i32[b + 3] === kind && i32[b] === h1 && i32[b + 1] === h2) return s;
          // Reclaimed by another key between the scan and the lock: scan again.
          this.#unlock(b + 2);
          retry = true;
          break;
        }
      }
      if (retry) continue;
      if (!create) return -1;
      return this.#insert(kind, h1, h2, home, now);
    }
  }

  /** Releases a slot returned by {@link find}. */
  unlock(slot: number): void {
    this.#unlock(HEADER_I32 + slot * 4 + 2);
  }

  #insert(kind: number, h1: number, h2: number, home: number, now: number): number {
    const i32 = this.i32;
    const f64 = this.f64;
    const mask = this.#mask;
    this.#lock(H_INSERT_LOCK);
    try {
      // Under the insertion lock key fields cannot change: this scan is definitive.
      let end = this.#maxProbe;
      for (let p = 0; p < end; p++) {
        const b = HEADER_I32 + ((home + p) & mask) * 4;
        const k = i32[b + 3]!;
        if (k === 0) {
          end = p + 1;
          break;
        }
        if (k === kind && i32[b] === h1 && i32[b + 1] === h2) {
          // Inserted by another thread since our scan.
          this.#lock(b + 2);
          return (home + p) & mask;
        }
      }
      for (let p = 0; p < end; p++) {
        const s = (home + p) & mask;
        const b = HEADER_I32 + s * 4;
        const fresh = i32[b + 3] === 0;
        if (!fresh && f64[s * 4]! > now) continue;
        this.#lock(b + 2);
        if (fresh || f64[s * 4]! <= now) {
          i32[b] = h1;
          i32[b + 1] = h2;
          i32[b + 3] = kind;
          const f = s * 4;
          f64[f] = 0;
          f64[f + 1] = 0;
          f64[f + 2] = 0;
          f64[f + 3] = 0;
          return s;
        }
        // Revived by its owner between the check and the lock.
        this.#unlock(b + 2);
      }
    } finally {
      this.#unlock(H_INSERT_LOCK);
    }
    Atomics.add(this.#header, H_FULL_ERRORS, 1);
    throw new StoreFullError(
      `local store full: no free or expired slot within ${this.#maxProbe} probes (capacity ${this.capacity})`,
    );
  }

  /** Drepper's futex mutex: 0 free, 1 locked, 2 locked with (possible) waiters. */
  #lock(idx: number): void {
    const i32 = this.i32;
    let c = Atomics.compareExchange(i32, idx, 0, 1);
    if (c === 0) return;
    for (let i = 0; i < SPINS; i++) {
      c = Atomics.compareExchange(i32, idx, 0, 1);
      if (c === 0) return;
    }
    const deadline = performance.now() + this.#stealMs;
    if (c !== 2) c = Atomics.exchange(i32, idx, 2);
    while (c !== 0) {
      Atomics.wait(i32, idx, 2, WAIT_MS);
      c = Atomics.exchange(i32, idx, 2);
      if (c !== 0 && performance.now() > deadline) {
        // Held far longer than any critical section takes (they are a few hundred ns of straight
        // code): its holder died mid-section (a terminated worker). Take it over rather than block
        // this key forever; counted so it shows in stats.
        Atomics.add(this.#header, H_LOCK_STEALS, 1);
        return;
      }
    }
  }

  #unlock(idx: number): void {
    if (Atomics.sub(this.i32, idx, 1) !== 1) {
      Atomics.store(this.i32, idx, 0);
      Atomics.notify(this.i32, idx, 1);
    }
  }
}
