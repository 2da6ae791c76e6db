/**
 * API key format, generation and hashing.
 *
 * A key looks like `gh_<random>_<checksum>`:
 * - `gh` is the prefix (configurable: `gh_live`, `acme_test`, …): 1–4 lower-case alphanumeric segments
 *   joined by `_`, the first starting with a letter, each at most 16 characters;
 * - `<random>` is 32 base62 characters drawn from the CSPRNG without modulo bias: 32·log2(62) ≈ 190 bits;
 * - `<checksum>` is the CRC32 of `<prefix>_<random>` in 6 base62 characters (left-padded with `0`).
 *
 * The checksum lets the gateway (and secret scanners) reject garbage, typos and altered keys without a
 * store lookup, and lets scanners tell real keys from look-alikes with almost no false positives.
 * Regex for secret scanners (default prefix; replace `gh` by yours):
 *
 *     \bgh(?:_[a-z0-9]{1,16}){0,3}_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}\b
 *
 * and for any Gatehouse key: {@link API_KEY_SCANNER_PATTERN}. Validate a hit with {@link looksLikeApiKey}.
 *
 * Keys are stored only as `sha256:<hex>` ({@link hashApiKey}) and never logged: logs and upstream headers
 * carry the key's id (by default {@link keyIdOf}, derived from the hash).
 */
import { hash as digest, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** Characters of the random part and the checksum, in value order. */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Length of the random part (≈190 bits of entropy). */
export const API_KEY_RANDOM_CHARS = 32;
/** Length of the base62 CRC32 checksum. */
export const API_KEY_CHECKSUM_CHARS = 6;
/** Default prefix of generated keys. */
export const DEFAULT_API_KEY_PREFIX = 'gh';

/** What a prefix may look like (anchored source, also usable in a JSON Schema `pattern`). */
export const API_KEY_PREFIX_PATTERN = '^[a-z][a-z0-9]{0,15}(?:_[a-z0-9]{1,16}){0,3}$';
const PREFIX_RE = new RegExp(API_KEY_PREFIX_PATTERN);

/** Unanchored pattern matching any Gatehouse API key in text, for secret scanners. */
export const API_KEY_SCANNER_PATTERN =
  '\\b[a-z][a-z0-9]{0,15}(?:_[a-z0-9]{1,16}){0,3}_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}\\b';

/** Anchored shape of a key (prefix, random part, checksum) without the checksum check. */
const SHAPE_RE = /^[a-z][a-z0-9]{0,15}(?:_[a-z0-9]{1,16}){0,3}_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}$/;

/** Longest possible key: a 67-character prefix, two separators, 32 + 6 characters. */
export const MAX_API_KEY_LENGTH = 67 + 2 + API_KEY_RANDOM_CHARS + API_KEY_CHECKSUM_CHARS;
const MIN_API_KEY_LENGTH = 1 + 2 + API_KEY_RANDOM_CHARS + API_KEY_CHECKSUM_CHARS;

/** A freshly generated key: show `key` once, store only `hash`, refer to it by `lookupId`. */
export interface GeneratedApiKey {
  /** The secret. Shown to its owner once; never stored or logged by Gatehouse. */
  readonly key: string;
  /** `sha256:<64 hex>`, what the config and the credential stores hold. */
  readonly hash: string;
  /** Non-secret id derived from the hash (`k_<16 hex>`), the default key id in logs and headers. */
  readonly lookupId: string;
}

function checksum(body: string): string {
  let n = crc32(body) >>> 0;
  let out = '';
  for (let i = 0; i < API_KEY_CHECKSUM_CHARS; i++) {
    out = BASE62[n % 62]! + out;
    n = Math.floor(n / 62);
  }
  return out;
}

/** 32 uniform base62 characters from the CSPRNG (rejection sampling: bytes ≥ 248 are dropped). */
function randomBase62(count: number): string {
  let out = '';
  while (out.length < count) {
    const bytes = randomBytes(count * 2);
    for (let i = 0; i < bytes.length && out.length < count; i++) {
      const b = bytes[i]!;
      if (b < 248) out += BASE62[b % 62];
    }
  }
  return out;
}

/** True when `prefix` is an acceptable key prefix (`gh`, `gh_live`, `acme_test`). */
export function isValidApiKeyPrefix(prefix: string): boolean {
  return typeof prefix === 'string' && PREFIX_RE.test(prefix);
}

/**
 * Generates a new API key with `prefix`. Throws a TypeError for an invalid prefix.
 *
 * @example
 * const { key, hash, lookupId } = generateApiKey('gh_live');
 * // key: 'gh_live_4bT0…(32)…_0x3F9a', hash: 'sha256:…', lookupId: 'k_1f0c…'
 */
export function generateApiKey(prefix: string = DEFAULT_API_KEY_PREFIX): GeneratedApiKey {
  if (!isValidApiKeyPrefix(prefix)) {
    throw new TypeError(
      `API key prefix ${JSON.stringify(prefix)} is invalid: 1-4 lower-case alphanumeric segments joined by "_", starting with a letter`,
    );
  }
  const body = `${prefix}_${randomBase62(API_KEY_RANDOM_CHARS)}`;
  const key = `${body}_${checksum(body)}`;
  const hash = hashApiKey(key);
  return { key, hash, lookupId: keyIdOf(hash) };
}

/**
 * The stored form of a key: `sha256:<hex>`.
 *
 * A fast, unsalted hash is the right choice here, unlike for passwords: a key carries 190 bits from the
 * CSPRNG, so nobody can enumerate candidate keys to test against a leaked hash (slow hashes and salts
 * defend low-entropy secrets against guessing, which does not apply), and a deterministic hash is what
 * makes the per-request lookup a single hash-map probe instead of a scan with a slow KDF per entry.
 *
 * @example
 * hashApiKey(key) // 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'
 */
export function hashApiKey(key: string): string {
  return `sha256:${digest('sha256', key, 'hex')}`;
}

/**
 * Non-secret identifier of a key derived from its hash (`k_` + the first 16 hex digits): the default
 * key id, and what logs and brute-force counters see for a well-formed key that is not known.
 *
 * @example
 * keyIdOf('sha256:9f86d081884c7d65…') // 'k_9f86d081884c7d65'
 */
export function keyIdOf(hash: string): string {
  return `k_${hash.slice(7, 23)}`;
}

/**
 * Cheap structural test (no checksum): does `s` have the shape of a Gatehouse key? Used to decide
 * whether an `Authorization: Bearer` token is meant for key-auth (a JWT or opaque token is not).
 */
export function hasApiKeyShape(s: string): boolean {
  return (
    typeof s === 'string' &&
    s.length >= MIN_API_KEY_LENGTH &&
    s.length <= MAX_API_KEY_LENGTH &&
    SHAPE_RE.test(s)
  );
}

/**
 * Full offline check of a presented key: shape and CRC32 checksum (which catches every single-character
 * change, case changes included). Garbage is rejected without touching a credential store.
 *
 * @example
 * looksLikeApiKey(generateApiKey().key) // true
 * looksLikeApiKey('gh_' + 'a'.repeat(32) + '_000000') // false (checksum)
 */
export function looksLikeApiKey(s: string): boolean {
  if (!hasApiKeyShape(s)) return false;
  const cut = s.length - API_KEY_CHECKSUM_CHARS - 1;
  return checksum(s.slice(0, cut)) === s.slice(cut + 1);
}

/** The prefix of a well-shaped key (`gh_live` of `gh_live_…_…`), or undefined. */
export function apiKeyPrefixOf(s: string): string | undefined {
  if (!hasApiKeyShape(s)) return undefined;
  return s.slice(0, s.length - API_KEY_CHECKSUM_CHARS - API_KEY_RANDOM_CHARS - 2);
}
