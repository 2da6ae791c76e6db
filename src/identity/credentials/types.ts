/**
 * Credential stores: where API key records live. Three back ends share one interface:
 * `config` (read-only, the `consumers[].api_keys` of the YAML, for GitOps), `embedded` (a local
 * SQLite file that survives restarts; the default) and `redis` (shared by every node of a cluster).
 * A store holds records keyed by the key's SHA-256 hash; the key itself is never stored.
 */

/** A value, or a promise of it (the embedded and config stores answer synchronously, redis does not). */
export type MaybePromise<T> = T | Promise<T>;

/**
 * One API key. Times are milliseconds since the Unix epoch.
 *
 * @example
 * { id: 'k_1f0c9a2b3c4d5e6f', consumerId: 'alice', hash: 'sha256:…', createdAt: 1767225600000 }
 */
export interface ApiKeyRecord {
  /** Non-secret key id (shown in logs and `X-Credential-Id`). Unique per store. */
  readonly id: string;
  readonly consumerId: string;
  /** `sha256:<64 lower-case hex>` of the key. Unique per store. */
  readonly hash: string;
  readonly createdAt: number;
  /** The key stops working at this time. */
  readonly expiresAt?: number | undefined;
  /** The key starts working at this time. */
  readonly notBefore?: number | undefined;
  /** The key is revoked from this time on. */
  readonly revokedAt?: number | undefined;
  /** Set by a rotation: the old key keeps working until this time, then never again. */
  readonly graceUntil?: number | undefined;
}

/** Why a record does not authenticate right now, or `ok`. */
export type ApiKeyStatus = 'ok' | 'revoked' | 'not_yet_valid' | 'expired';

/**
 * The status of a record at `now`, in the order key-auth checks: revoked → not yet valid → expired
 * (`expiresAt`, or the end of a rotation's grace window).
 *
 * @example
 * apiKeyStatus(record, Date.now()) // 'ok'
 */
export function apiKeyStatus(rec: ApiKeyRecord, now: number): ApiKeyStatus {
  if (rec.revokedAt !== undefined && rec.revokedAt <= now) return 'revoked';
  if (rec.notBefore !== undefined && now < rec.notBefore) return 'not_yet_valid';
  if (rec.expiresAt !== undefined && now >= rec.expiresAt) return 'expired';
  if (rec.graceUntil !== undefined && now >= rec.graceUntil) return 'expired';
  return 'ok';
}

/** A change notification: the record with this hash was created, updated or revoked. */
export interface CredentialChange {
  readonly hash: string;
}

/** What a rotation returns: the new key (shown once) and its record. */
export interface RotatedKey {
  readonly key: string;
  readonly record: ApiKeyRecord;
}

/** Options of a rotation. */
export interface RotateOptions {
  /** Prefix of the new key (default `gh`). */
  readonly prefix?: string;
  /** Id of the new key (default: derived from its hash). */
  readonly id?: string;
  /** Expiry of the new key. */
  readonly expiresAt?: number;
}

/** The read side key-auth needs: a single lookup by hash. */
export interface CredentialLookup {
  /** The record whose `hash` is exactly `hash` (`sha256:<hex>`), or undefined. Never throws for unknown keys. */
  find(hash: string): MaybePromise<ApiKeyRecord | undefined>;
}

/**
 * A credential store. Reads may be cached; every write invalidates the cached entry in this store and
 * notifies every other instance of the same store (other worker threads, other nodes).
 */
export interface CredentialStore extends CredentialLookup {
  readonly kind: 'config' | 'embedded' | 'redis';
  /** The record with this id, or undefined. */
  get(id: string): MaybePromise<ApiKeyRecord | undefined>;
  /**
   * Creates or replaces the record with `rec.hash`. Throws when `rec.id` already belongs to another
   * hash, and (config store) always: it is read-only.
   */
  put(rec: ApiKeyRecord): MaybePromise<void>;
  /** Revokes the key `id` from `at` (default now). False when no such key. Never un-revokes. */
  revoke(id: string, at?: number): MaybePromise<boolean>;
  /** Every record of a consumer, ordered by creation time. */
  list(consumerId: string): MaybePromise<ApiKeyRecord[]>;
  /**
   * Issues a new key for the consumer of key `id` and lets the old key work only until
   * `now + graceMs` (both work in between). Throws when `id` is unknown or revoked.
   */
  rotate(id: string, graceMs: number, opts?: RotateOptions): Promise<RotatedKey>;
  /** Called for every change seen by this instance (its own writes and other instances'). Returns an unsubscribe. */
  onChange(fn: (change: CredentialChange) => void): () => void;
  close(): Promise<void>;
}

/** The broadcast channel name used for invalidations (StateStore channel and BroadcastChannel). */
export const CREDENTIALS_CHANNEL = 'credentials';

const HASH_RE = /^sha256:[0-9a-f]{64}$/;
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CONSUMER_RE = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;

function checkTime(name: string, v: unknown, optional: boolean): void {
  if (v === undefined && optional) return;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new TypeError(`api key record: ${name} must be a non-negative integer (ms since the epoch)`);
  }
}

/** True when `s` is a `sha256:<64 hex>` key hash. */
export function isKeyHash(s: unknown): s is string {
  return typeof s === 'string' && HASH_RE.test(s);
}

/**
 * Checks a record before a store writes it; throws TypeError naming the bad field. Returns a frozen
 * copy without unknown fields.
 */
export function validateRecord(rec: ApiKeyRecord): ApiKeyRecord {
  if (rec === null || typeof rec !== 'object') throw new TypeError('api key record must be an object');
  if (typeof rec.id !== 'string' || !ID_RE.test(rec.id)) throw new TypeError('api key record: invalid id');
  if (typeof rec.consumerId !== 'string' || !CONSUMER_RE.test(rec.consumerId)) {
    throw new TypeError('api key record: invalid consumerId');
  }
  if (!isKeyHash(rec.hash)) throw new TypeError('api key record: hash must be sha256:<64 lower-case hex>');
  checkTime('createdAt', rec.createdAt, false);
  checkTime('expiresAt', rec.expiresAt, true);
  checkTime('notBefore', rec.notBefore, true);
  checkTime('revokedAt', rec.revokedAt, true);
  checkTime('graceUntil', rec.graceUntil, true);
  return normalizeRecord(rec);
}

/** A frozen copy of a record with only its known fields, optional ones omitted when undefined. */
export function normalizeRecord(rec: ApiKeyRecord): ApiKeyRecord {
  const out: {
    id: string;
    consumerId: string;
    hash: string;
    createdAt: number;
    expiresAt?: number;
    notBefore?: number;
    revokedAt?: number;
    graceUntil?: number;
  } = { id: rec.id, consumerId: rec.consumerId, hash: rec.hash, createdAt: rec.createdAt };
  if (rec.expiresAt !== undefined) out.expiresAt = rec.expiresAt;
  if (rec.notBefore !== undefined) out.notBefore = rec.notBefore;
  if (rec.revokedAt !== undefined) out.revokedAt = rec.revokedAt;
  if (rec.graceUntil !== undefined) out.graceUntil = rec.graceUntil;
  return Object.freeze(out);
}

/** Checks a rotation's grace period (ms, 0 to 1 year). */
export function checkGraceMs(graceMs: number): void {
  if (!Number.isSafeInteger(graceMs) || graceMs < 0 || graceMs > 366 * 86_400_000) {
    throw new TypeError('graceMs must be an integer number of ms from 0 to one year');
  }
}
