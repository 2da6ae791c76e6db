/**
 * The `embedded` credential store (the default): a SQLite file (node:sqlite, WAL mode) that survives
 * restarts, read through an in-memory LRU of lookups.
 *
 * Cache invalidation, so a revocation takes effect at once:
 * - instances in the same thread (an old and a new runtime during a reload, the admin API) are told
 *   synchronously, before the write returns;
 * - other worker threads get a message on the `credentials` channel of the shared StateStore, or,
 *   without one, on a `BroadcastChannel`;
 * - other processes writing the same file are noticed through SQLite's `PRAGMA data_version`, checked
 *   at most every `pollMs` (default 1 s) on lookup.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { BroadcastChannel } from 'node:worker_threads';
import type { StateStore } from '../../stores/types.ts';
import { RecordCache } from './cache.ts';
import { rotateKey } from './rotate.ts';
import {
  type ApiKeyRecord,
  CREDENTIALS_CHANNEL,
  type CredentialChange,
  type CredentialStore,
  normalizeRecord,
  type RotatedKey,
  type RotateOptions,
  validateRecord,
} from './types.ts';

/** The logger subset the credential stores use. */
export interface CredentialLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Options of {@link openEmbeddedCredentialStore}. */
export interface EmbeddedStoreOptions {
  /** Database file. Its directory is created (0700) when missing; the file is kept at 0600. */
  readonly path: string;
  /** Shared state store whose `credentials` channel carries invalidations to other worker threads. */
  readonly store?: StateStore | undefined;
  readonly logger?: CredentialLogger | undefined;
  /** Most cached lookups (default 10,000). */
  readonly cacheMax?: number;
  /** Longest time a cached lookup is trusted (default 60 s). */
  readonly cacheTtlMs?: number;
  /** How often lookups check whether another process changed the file (default 1000 ms). */
  readonly pollMs?: number;
  /** Wall clock for createdAt/revokedAt (tests). */
  readonly clock?: () => number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS api_keys (
  hash TEXT PRIMARY KEY NOT NULL,
  id TEXT NOT NULL UNIQUE,
  consumer_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  not_before INTEGER,
  revoked_at INTEGER,
  grace_until INTEGER
) STRICT;
CREATE INDEX IF NOT EXISTS api_keys_consumer ON api_keys (consumer_id, created_at);
`;

const BROADCAST_NAME = `gatehouse:${CREDENTIALS_CHANNEL}`;

/** Stores of this thread by database file, told synchronously about each other's writes. */
const sameThread = new Map<string, Set<EmbeddedCredentialStore>>();

interface Row {
  hash: string;
  id: string;
  consumer_id: string;
  created_at: number;
  expires_at: number | null;
  not_before: number | null;
  revoked_at: number | null;
  grace_until: number | null;
}

function fromRow(r: Row): ApiKeyRecord {
  return normalizeRecord({
    id: r.id,
    consumerId: r.consumer_id,
    hash: r.hash,
    createdAt: r.created_at,
    expiresAt: r.expires_at ?? undefined,
    notBefore: r.not_before ?? undefined,
    revokedAt: r.revoked_at ?? undefined,
    graceUntil: r.grace_until ?? undefined,
  });
}

/**
 * Opens (creating when needed) the embedded credential store at `opts.path`. Throws a TypeError when
 * the file cannot be created or opened, or is not a Gatehouse credential database.
 *
 * @example
 * const store = openEmbeddedCredentialStore({ path: '.gatehouse/credentials.db' });
 * await store.put({ id: 'ci', consumerId: 'alice', hash: hashApiKey(key), createdAt: Date.now() });
 */
export function openEmbeddedCredentialStore(opts: EmbeddedStoreOptions): EmbeddedCredentialStore {
  return new EmbeddedCredentialStore(opts);
}

/** Creates the parent directory (0700) and the file (0600), and tightens a file others can read. */
function prepareFile(path: string, logger: CredentialLogger | undefined): string {
  const abs = resolve(path);
  mkdirSync(dirname(abs), { recursive: true, mode: 0o700 });
  closeSync(openSync(abs, 'a', 0o600));
  const st = statSync(abs);
  if (!st.isFile()) throw new Error('not a regular file');
  if ((st.mode & 0o077) !== 0) {
    chmodSync(abs, 0o600);
    logger?.warn({ path: abs }, 'credential database was readable by others; permissions set to 0600');
  }
  const dirMode = statSync(dirname(abs)).mode;
  if ((dirMode & 0o022) !== 0) {
    logger?.warn({ path: dirname(abs) }, 'the credential database directory is writable by others');
  }
  return realpathSync(abs);
}

/** See {@link openEmbeddedCredentialStore}. */
export class EmbeddedCredentialStore implements CredentialStore {
  readonly kind = 'embedded' as const;
  /** Absolute, resolved path of the database file. */
  readonly path: string;
  readonly #db: DatabaseSync;
  readonly #cache: RecordCache;
  readonly #listeners = new Set<(change: CredentialChange) => void>();
  readonly #origin = randomUUID();
  readonly #clock: () => number;
  readonly #pollMs: number;
  readonly #logger: CredentialLogger | undefined;
  readonly #store: StateStore | undefined;
  #nextPoll = 0;
  #dataVersion: number;
  #unsubscribe: (() => void) | undefined;
  #channel: BroadcastChannel | undefined;
  #closed = false;
  readonly #q: {
    byHash: StatementSync;
    byId: StatementSync;
    byConsumer: StatementSync;
    upsert: StatementSync;
    revoke: StatementSync;
    dataVersion: StatementSync;
  };

  constructor(opts: EmbeddedStoreOptions) {
    if (typeof opts?.path !== 'string' || opts.path === '' || opts.path === ':memory:') {
      throw new TypeError('credentials.path: a database file path is required');
    }
    this.#logger = opts.logger;
    this.#clock = opts.clock ?? Date.now;
    this.#pollMs = opts.pollMs ?? 1000;
    if (!Number.isSafeInteger(this.#pollMs) || this.#pollMs < 1)
      throw new TypeError('pollMs must be a positive integer');
    this.#cache = new RecordCache({ max: opts.cacheMax, ttlMs: opts.cacheTtlMs });
    let path: string;
    try {
      path = prepareFile(opts.path, opts.logger);
    } catch (err) {
      throw new TypeError(
        `credentials.path: cannot create ${opts.path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      );
    }
    this.path = path;
    let db: DatabaseSync | undefined;
    try {
      db = new DatabaseSync(path, { timeout: 5000 });
      db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
      db.exec(SCHEMA);
      this.#q = {
        byHash: db.prepare('SELECT * FROM api_keys WHERE hash = ?'),
        byId: db.prepare('SELECT * FROM api_keys WHERE id = ?'),
        byConsumer: db.prepare('SELECT * FROM api_keys WHERE consumer_id = ? ORDER BY created_at, id'),
        upsert:
          db.prepare(`INSERT INTO api_keys (hash, id, consumer_id, created_at, expires_at, not_before, revoked_at, grace_until)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (hash) DO UPDATE SET
            created_at = excluded.created_at, expires_at = excluded.expires_at, not_before = excluded.not_before,
            grace_until = excluded.grace_until,
            revoked_at = CASE
              WHEN api_keys.revoked_at IS NULL THEN excluded.revoked_at
              WHEN excluded.revoked_at IS NULL THEN api_keys.revoked_at
              ELSE MIN(api_keys.revoked_at, excluded.revoked_at) END`),
        revoke: db.prepare(
          'UPDATE api_keys SET revoked_at = ? WHERE id = ? AND (revoked_at IS NULL OR revoked_at > ?)',
        ),
        dataVersion: db.prepare('PRAGMA data_version'),
      };
    } catch (err) {
      try {
        db?.close();
      } catch {
        // already failing
      }
      throw new TypeError(
        `credentials.path: cannot open ${path} as a credential database (${(err as Error).message})`,
      );
    }
    this.#db = db;
    this.#dataVersion = this.#readDataVersion();
    this.#store = opts.store;
    if (opts.store) {
      this.#unsubscribe = opts.store.subscribe(CREDENTIALS_CHANNEL, (m) => this.#onMessage(m));
    } else {
      const ch = new BroadcastChannel(BROADCAST_NAME);
      ch.onmessage = (e) => this.#onMessage((e as MessageEvent).data);
      ch.unref();
      this.#channel = ch;
    }
    let peers = sameThread.get(path);
    if (!peers) sameThread.set(path, (peers = new Set()));
    peers.add(this);
  }

  #readDataVersion(): number {
    const row = this.#q.dataVersion.get() as { data_version: number } | undefined;
    return Number(row?.data_version ?? 0);
  }

  #checkOpen(): void {
    if (this.#closed) throw new Error('credential store is closed');
  }

  /** Drops the cached entry and tells this instance's listeners. */
  #invalidate(hash: string): void {
    this.#cache.invalidate(hash);
    for (const fn of this.#listeners) {
      try {
        fn({ hash });
      } catch (err) {
        this.#logger?.warn({ err }, 'credential change listener threw');
      }
    }
  }

  #onMessage(message: unknown): void {
    if (this.#closed || typeof message !== 'string') return;
    let m: { o?: unknown; p?: unknown; h?: unknown };
    try {
      m = JSON.parse(message) as typeof m;
    } catch {
      return;
    }
    if (m.o === this.#origin || m.p !== this.path || typeof m.h !== 'string') return;
    this.#invalidate(m.h);
  }

  /** A write happened here: invalidate here and in same-thread peers now, tell other threads. */
  #changed(hash: string): void {
    this.#invalidate(hash);
    for (const peer of sameThread.get(this.path) ?? []) if (peer !== this) peer.#invalidate(hash);
    const msg = JSON.stringify({ o: this.#origin, p: this.path, h: hash });
    try {
      if (this.#store) {
        const r = this.#store.publish(CREDENTIALS_CHANNEL, msg);
        if (r && typeof (r as Promise<void>).catch === 'function') {
          (r as Promise<void>).catch((err: unknown) =>
            this.#logger?.warn({ err }, 'could not publish a credential invalidation'),
          );
        }
      } else this.#channel?.postMessage(msg);
    } catch (err) {
      this.#logger?.warn({ err }, 'could not publish a credential invalidation');
    }
  }

  /** Clears the cache when another connection (process) committed since the last check. */
  #poll(): void {
    const t = performance.now();
    if (t < this.#nextPoll) return;
    this.#nextPoll = t + this.#pollMs;
    const v = this.#readDataVersion();
    if (v !== this.#dataVersion) {
      this.#dataVersion = v;
      this.#cache.clear();
    }
  }

  find(hash: string): ApiKeyRecord | undefined {
    this.#checkOpen();
    this.#poll();
    const hit = this.#cache.get(hash);
    if (hit) return hit.rec;
    const gen = this.#cache.generation;
    const row = this.#q.byHash.get(hash) as Row | undefined;
    const rec = row ? fromRow(row) : undefined;
    this.#cache.set(hash, rec, gen);
    return rec;
  }

  get(id: string): ApiKeyRecord | undefined {
    this.#checkOpen();
    const row = this.#q.byId.get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  list(consumerId: string): ApiKeyRecord[] {
    this.#checkOpen();
    return (this.#q.byConsumer.all(consumerId) as unknown as Row[]).map(fromRow);
  }

  put(input: ApiKeyRecord): void {
    this.#checkOpen();
    const rec = validateRecord(input);
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const byId = this.#q.byId.get(rec.id) as Row | undefined;
      if (byId && byId.hash !== rec.hash) throw new Error(`API key id "${rec.id}" is already in use`);
      const byHash = this.#q.byHash.get(rec.hash) as Row | undefined;
      if (byHash && byHash.id !== rec.id) throw new Error(`this key is already stored as "${byHash.id}"`);
      if (byHash && byHash.consumer_id !== rec.consumerId) {
        throw new Error(`API key "${rec.id}" belongs to another consumer`);
      }
      this.#q.upsert.run(
        rec.hash,
        rec.id,
        rec.consumerId,
        rec.createdAt,
        rec.expiresAt ?? null,
        rec.notBefore ?? null,
        rec.revokedAt ?? null,
        rec.graceUntil ?? null,
      );
      this.#db.exec('COMMIT');
    } catch (err) {
      this.#db.exec('ROLLBACK');
      throw err;
    }
    this.#changed(rec.hash);
  }

  revoke(id: string, at?: number): boolean {
    this.#checkOpen();
    const when = at ?? this.#clock();
    if (!Number.isSafeInteger(when) || when < 0) throw new TypeError('revoke: at must be ms since the epoch');
    const row = this.#q.byId.get(id) as Row | undefined;
    if (!row) return false;
    this.#q.revoke.run(when, id, when);
    this.#changed(row.hash);
    return true;
  }

  rotate(id: string, graceMs: number, opts: RotateOptions = {}): Promise<RotatedKey> {
    return rotateKey(this, id, graceMs, opts, this.#clock());
  }

  onChange(fn: (change: CredentialChange) => void): () => void {
    const wrapped = (c: CredentialChange) => fn(c);
    this.#listeners.add(wrapped);
    return () => this.#listeners.delete(wrapped);
  }

  /** Cached lookups held (tests, diagnostics). */
  get cacheSize(): number {
    return this.#cache.size;
  }

  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    const peers = sameThread.get(this.path);
    peers?.delete(this);
    if (peers?.size === 0) sameThread.delete(this.path);
    this.#unsubscribe?.();
    this.#channel?.close();
    this.#listeners.clear();
    this.#cache.clear();
    this.#db.close();
    return Promise.resolve();
  }
}
