/**
 * Quota counters that survive a restart of a gateway using the `local` state store.
 *
 * The local store lives in process memory (a `SharedArrayBuffer`), so a restart would hand every
 * consumer a fresh allowance. Each thread that counts quotas keeps the set of quota keys it
 * touched and, every `intervalMs` and whenever a quota instance closes (reload, shutdown), writes
 * their current values — read from the shared store, so exact across workers — to its own file:
 * `<path>` for the main thread, `<path>.w<threadId>` for a worker thread. Writes are atomic
 * (a temporary file, then `rename`) and the files are created 0600 in a 0700 directory.
 *
 * Before the first request is counted, the first thread of the process to get there (elected
 * through the store itself, so exactly one does it) reads every such file, keeps the largest value
 * seen per key (each file holds values of the same shared counters, read at different times), adds
 * the values back with `incr` (with the key's remaining lifetime), immediately writes the merged
 * set as its own file and removes the others; threads that start counting meanwhile wait until it
 * is done (at most {@link RESTORE_WAIT_MS}). Keys of a period that has ended are skipped: the
 * period id is part of the key. Nothing happens for a policy instance that never counts, such as
 * the throwaway build of a config check.
 *
 * Loss window: requests counted after the last write before a crash (at most `intervalMs` of
 * traffic) are forgotten; a clean shutdown loses nothing. With `state.backend: redis` nothing is
 * written here: Redis holds the counters (configure its own persistence, RDB or AOF).
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { chmod, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { StateStore, StoreLogger } from '../../stores/types.ts';

/** Every quota counter key starts with this; a snapshot holding anything else is refused. */
export const QUOTA_KEY_PREFIX = 'quota:';
/** Largest snapshot file read back (bytes). */
export const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;
/** Format version written in snapshots. */
const VERSION = 1;
/** The restore marker lives as long as the process (the local store dies with it). */
const MARKER_TTL_MS = 100 * 365 * 86_400_000;
/** A thread waits at most this long for another thread's restore before counting anyway (ms). */
export const RESTORE_WAIT_MS = 5000;

/** Options of {@link attachQuotaPersistence}. */
export interface QuotaPersistenceOptions {
  /** Snapshot file (relative paths resolve against the working directory). */
  readonly path: string;
  /** Time between snapshots (ms). */
  readonly intervalMs: number;
  /** Most keys one thread tracks; further keys are counted but not persisted (logged once). */
  readonly maxKeys: number;
  readonly logger: StoreLogger & { error(obj: object, msg: string): void };
  /** Clock (ms since the epoch) for expiry checks; default: the store's (local) clock. */
  readonly clock?: () => number;
}

/** A handle on the persistence of one snapshot path in this thread. */
export interface QuotaPersistence {
  /**
   * `undefined` once the process's counters are restored; while another thread is still restoring
   * them, a promise that settles when it is done (or after {@link RESTORE_WAIT_MS}). Counting before
   * that would let requests through that the restored usage refuses.
   */
  restored(): Promise<void> | undefined;
  /** Records that `key` holds a quota counter that expires at `expiresAtMs`. Cheap; call per request. */
  track(key: string, expiresAtMs: number): void;
  /** Writes a snapshot now, synchronously. */
  flush(): void;
  /** This handle is no longer used: writes a final snapshot (the timer stops with the last handle). */
  release(): void;
  /** The file this thread writes. */
  readonly file: string;
}

/** One snapshot file: `[key, value, expiresAtMs]` per counter. */
interface Snapshot {
  v: number;
  written_at: string;
  counters: [string, number, number][];
}

class Persister {
  readonly file: string;
  readonly #store: StateStore;
  readonly #opts: QuotaPersistenceOptions;
  readonly #clock: () => number;
  readonly keys = new Map<string, number>();
  #dirty = false;
  #writing = false;
  #fullLogged = false;
  #timer: NodeJS.Timeout | undefined;
  refs = 0;

  constructor(store: StateStore, file: string, opts: QuotaPersistenceOptions) {
    this.#store = store;
    this.file = file;
    this.#opts = opts;
    this.#clock = opts.clock ?? (() => localNow(store));
  }

  track(key: string, expiresAtMs: number): void {
    this.#dirty = true;
    const keys = this.keys;
    if (keys.get(key) === expiresAtMs) return;
    if (!keys.has(key) && keys.size >= this.#opts.maxKeys) {
      this.#prune();
      if (keys.size >= this.#opts.maxKeys) {
        if (!this.#fullLogged) {
          this.#fullLogged = true;
          this.#opts.logger.warn(
            { 'gatehouse.quota.persist_max_keys': this.#opts.maxKeys, file: this.file },
            'quota: too many quota keys to persist; further keys are counted but will not survive a restart',
          );
        }
        return;
      }
    }
    keys.set(key, expiresAtMs);
  }

  start(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => void this.#writeAsync(), this.#opts.intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #prune(): void {
    const now = this.#clock();
    for (const [k, exp] of this.keys) if (exp <= now) this.keys.delete(k);
  }

  #serialise(): string {
    this.#prune();
    const counters: [string, number, number][] = [];
    for (const [k, exp] of this.keys) {
      const v = this.#store.count(k);
      if (typeof v !== 'number') continue; // not a local store: nothing to persist
      if (v > 0) counters.push([k, v, exp]);
    }
    const snap: Snapshot = { v: VERSION, written_at: new Date().toISOString(), counters };
    return JSON.stringify(snap);
  }

  flush(): void {
    try {
      const data = this.#serialise();
      this.#dirty = false;
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      const tmp = `${this.file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
      writeFileSync(tmp, data, { mode: 0o600, flag: 'wx' });
      try {
        chmodSync(tmp, 0o600);
        renameSync(tmp, this.file);
      } catch (err) {
        safeUnlinkSync(tmp);
        throw err;
      }
    } catch (err) {
      this.#dirty = true;
      this.#opts.logger.error({ err, file: this.file }, 'quota: could not write the usage snapshot');
    }
  }

  async #writeAsync(): Promise<void> {
    if (!this.#dirty || this.#writing) return;
    this.#writing = true;
    this.#dirty = false;
    const tmp = `${this.file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      const data = this.#serialise();
      mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
      await writeFile(tmp, data, { mode: 0o600, flag: 'wx' });
      await chmod(tmp, 0o600);
      await rename(tmp, this.file);
    } catch (err) {
      this.#dirty = true;
      await unlink(tmp).catch(() => undefined);
      this.#opts.logger.error({ err, file: this.file }, 'quota: could not write the usage snapshot');
    } finally {
      this.#writing = false;
    }
  }
}

function safeUnlinkSync(p: string): void {
  try {
    unlinkSync(p);
  } catch {
    // already gone
  }
}

/** The local store's clock when it has a synchronous one, else the wall clock. */
function localNow(store: StateStore): number {
  const t = store.kind === 'local' ? store.now() : Date.now();
  return typeof t === 'number' ? t : Date.now();
}

/** The mark set once the restore of `path` is complete (in whichever thread did it). */
function doneKey(path: string): string {
  return `${QUOTA_KEY_PREFIX}restored:${path}`;
}

function isDone(store: StateStore, path: string): boolean {
  const ttl = store.markTtl(doneKey(path));
  return typeof ttl === 'number' && ttl > 0;
}

/** Polls for the done mark every 2 ms, for at most {@link RESTORE_WAIT_MS}. */
async function waitDone(store: StateStore, path: string, opts: QuotaPersistenceOptions): Promise<void> {
  const until = Date.now() + RESTORE_WAIT_MS;
  while (!isDone(store, path)) {
    if (Date.now() >= until) {
      opts.logger.warn(
        { file: path },
        'quota: another thread is still restoring usage; counting without waiting',
      );
      return;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Persisters of this thread, per store and absolute path (a store closed and dropped takes its own). */
const registry = new WeakMap<StateStore, Map<string, Persister>>();

/** The file this thread writes for snapshot path `path` (absolute). */
export function threadFile(path: string, thread = threadId): string {
  return thread === 0 ? path : `${path}.w${thread}`;
}

/** True for `base` itself and `base.w<digits>` (the files of every thread). */
function isSnapshotName(name: string, base: string): boolean {
  if (name === base) return true;
  return name.startsWith(`${base}.w`) && /^\d+$/.test(name.slice(base.length + 2));
}

/** Reads and checks one snapshot file; throws on anything unexpected. */
export function readSnapshot(file: string): [string, number, number][] {
  const st = lstatSync(file);
  if (!st.isFile()) throw new Error('not a regular file');
  if (st.size > MAX_SNAPSHOT_BYTES) throw new Error(`larger than ${MAX_SNAPSHOT_BYTES} bytes`);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Snapshot> | null;
  if (
    parsed === null ||
    typeof parsed !== 'object' ||
    parsed.v !== VERSION ||
    !Array.isArray(parsed.counters)
  ) {
    throw new Error('not a quota snapshot (version 1)');
  }
  const out: [string, number, number][] = [];
  for (const entry of parsed.counters as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 3) throw new Error('malformed counter entry');
    const [k, v, exp] = entry as [unknown, unknown, unknown];
    if (
      typeof k !== 'string' ||
      !k.startsWith(QUOTA_KEY_PREFIX) ||
      k.length > 1024 ||
      typeof v !== 'number' ||
      !Number.isFinite(v) ||
      v < 0 ||
      v > Number.MAX_SAFE_INTEGER ||
      typeof exp !== 'number' ||
      !Number.isFinite(exp)
    ) {
      throw new Error('malformed counter entry');
    }
    out.push([k, v, exp]);
  }
  return out;
}

/** Restores every snapshot of `path` into the store (run once per process); returns the keys restored. */
function restore(p: Persister, store: StateStore, path: string, opts: QuotaPersistenceOptions): number {
  const dir = dirname(path);
  const base = basename(path);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => isSnapshotName(n, base));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    opts.logger.error(
      { err, dir },
      'quota: cannot list the usage snapshot directory; usage starts from zero',
    );
    return 0;
  }
  const merged = new Map<string, [number, number]>();
  const readable: string[] = [];
  for (const name of names) {
    const file = join(dir, name);
    try {
      for (const [k, v, exp] of readSnapshot(file)) {
        const have = merged.get(k);
        if (have === undefined || v > have[0]) merged.set(k, [v, Math.max(exp, have?.[1] ?? exp)]);
      }
      readable.push(file);
    } catch (err) {
      opts.logger.error(
        { err, file },
        'quota: unreadable usage snapshot ignored (renamed to *.corrupt); its counts are lost',
      );
      try {
        renameSync(file, `${file}.corrupt`);
      } catch {
        // leave it
      }
    }
  }
  const now = localNow(store);
  let restored = 0;
  for (const [k, [v, exp]] of merged) {
    if (exp <= now || v <= 0) continue;
    try {
      const r = store.incr(k, v, exp - now);
      if (typeof r !== 'number') void Promise.resolve(r).catch(() => undefined);
      p.track(k, exp);
      restored++;
    } catch (err) {
      opts.logger.error({ err, key: k }, 'quota: could not restore a usage counter');
    }
  }
  p.flush();
  for (const f of readable) if (f !== p.file) safeUnlinkSync(f);
  opts.logger.info({ file: path, counters: restored }, 'quota: usage restored from snapshot');
  return restored;
}

/**
 * Attaches to (creating on first use) the persistence of `opts.path` in this thread for `store`,
 * restoring the snapshots into the store when this is the first attachment in the process. Only
 * for the `local` store. Pair with `release()`.
 *
 * @example
 * const persistence = attachQuotaPersistence(store, { path: '.gatehouse/quota.json', intervalMs: 5000, maxKeys: 100_000, logger });
 * persistence.track('quota:global:2026-11-28:c:alice', endOfDay + 3_600_000);
 */
export function attachQuotaPersistence(store: StateStore, opts: QuotaPersistenceOptions): QuotaPersistence {
  if (store.kind !== 'local') throw new TypeError('quota persistence is only for the local store');
  if (!(opts.intervalMs >= 100) || !Number.isFinite(opts.intervalMs)) {
    throw new TypeError('quota persistence: intervalMs must be at least 100');
  }
  const path = resolve(opts.path);
  let byPath = registry.get(store);
  if (byPath === undefined) {
    byPath = new Map();
    registry.set(store, byPath);
  }
  let p = byPath.get(path);
  if (p === undefined) {
    p = new Persister(store, threadFile(path), opts);
    byPath.set(path, p);
    // One restore per process and path: the marker lives in the shared store, so exactly one
    // thread (the first to get here) restores; the others find their counters already in place.
    const first = store.markIfAbsent(`${QUOTA_KEY_PREFIX}restoring:${path}`, MARKER_TTL_MS);
    if (first === true) {
      try {
        restore(p, store, path, opts);
      } finally {
        store.mark(doneKey(path), MARKER_TTL_MS);
      }
    }
  }
  const persister = p;
  persister.refs++;
  persister.start();
  let released = false;
  let done = false;
  let waiting: Promise<void> | undefined;
  const restored = (): Promise<void> | undefined => {
    if (done) return undefined;
    if (isDone(store, path)) {
      done = true;
      return undefined;
    }
    waiting ??= waitDone(store, path, opts).finally(() => {
      done = true;
      waiting = undefined;
    });
    return waiting;
  };
  return {
    file: persister.file,
    restored,
    track: (key, exp) => persister.track(key, exp),
    flush: () => persister.flush(),
    release() {
      if (released) return;
      released = true;
      persister.flush();
      persister.refs--;
      // The key set stays: a later config load (same process) keeps writing the same keys.
      if (persister.refs === 0) persister.stop();
    },
  };
}

/**
 * Makes sure the snapshots of `path` are in the store (restoring them if no thread of this process
 * did yet) without keeping a handle: for readers such as the admin API, which may look at usage
 * before any request was counted after a restart. Only for the local store.
 *
 * @example
 * restoreQuotaUsage(store, '.gatehouse/quota.json', logger);
 * const usage = await readQuotaUsage(store, { bucket: 'global', subject: 'c:alice' });
 */
export function restoreQuotaUsage(
  store: StateStore,
  path: string,
  logger: QuotaPersistenceOptions['logger'],
): void {
  attachQuotaPersistence(store, { path, intervalMs: 60_000, maxKeys: 100_000, logger }).release();
}
