/**
 * Sender-constrained tokens: the pieces shared by the authentication policies (which record how a
 * token was presented) and `sender-constraint` (which checks the binding).
 *
 * - {@link splitAuthorization} / {@link recordPresentedToken}: an authentication method that reads an
 *   access token records it with the scheme it came with (`Bearer`, `DPoP`, or none for a custom
 *   header), so a DPoP-bound token presented as a bearer token can be refused (RFC 9449 §7.1).
 * - {@link verifyDpopProof}: the checks of RFC 9449 §4.3 on one DPoP proof JWT.
 * - {@link DpopNonces}: stateless server nonces (RFC 9449 §8).
 * - {@link ReplayCache}: a bounded in-process `jti` memory, used when no state store is available.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';
import { calculateJwkThumbprint, compactVerify, importJWK, type JWK } from 'jose';
import { LRUCache } from 'lru-cache';
import type { RequestContext } from '../pipeline/types.ts';
import { normaliseTyp, parseCompactJws } from '../policies/jwt-auth/token.ts';

/** `ctx.state` key under which authentication methods record the access tokens they read. */
export const ACCESS_TOKEN_STATE = 'access-token';

/** How an access token reached the gateway. */
export type TokenScheme = 'bearer' | 'dpop' | 'none';

/** An access token as an authentication method read it from the request. */
export interface PresentedToken {
  /** The authentication policy that read it (`jwt-auth`, `oauth-introspection`). */
  readonly method: string;
  /** The raw access token. It is a secret: never log it. */
  readonly token: string;
  /** `bearer` / `dpop` for `Authorization: Bearer|DPoP …`; `none` for a bare token in a custom header. */
  readonly scheme: TokenScheme;
}

/** The credentials of an `Authorization` header value. */
export interface AuthorizationCredentials {
  readonly scheme: 'bearer' | 'dpop';
  /** What follows the scheme and its spaces (may be empty when only spaces follow). */
  readonly token: string;
}

/**
 * Splits `Authorization: Bearer <token>` or `Authorization: DPoP <token>` (RFC 6750 §2.1, RFC 9449
 * §7.1; the scheme is case-insensitive). Undefined for any other scheme and for a bare scheme.
 *
 * @example
 * splitAuthorization('DPoP eyJ…'); // { scheme: 'dpop', token: 'eyJ…' }
 * splitAuthorization('Basic Zm9v'); // undefined
 */
export function splitAuthorization(raw: string): AuthorizationCredentials | undefined {
  let scheme: 'bearer' | 'dpop';
  let s: number;
  if (
    raw.length > 7 &&
    raw.charCodeAt(6) === 32 &&
    (raw.startsWith('Bearer') || raw.slice(0, 6).toLowerCase() === 'bearer')
  ) {
    scheme = 'bearer';
    s = 7;
  } else if (
    raw.length > 5 &&
    raw.charCodeAt(4) === 32 &&
    (raw.startsWith('DPoP') || raw.slice(0, 4).toLowerCase() === 'dpop')
  ) {
    scheme = 'dpop';
    s = 5;
  } else return undefined;
  while (s < raw.length && raw.charCodeAt(s) === 32) s++;
  return { scheme, token: raw.slice(s) };
}

/**
 * Records the access token an authentication method read, with its scheme, in
 * `ctx.state['access-token']` (a list: one entry per method). `sender-constraint` reads it to compute
 * the DPoP `ath` and to refuse a bound token presented as a bearer token.
 *
 * @example
 * recordPresentedToken(ctx, 'jwt-auth', token, 'dpop');
 */
export function recordPresentedToken(
  ctx: RequestContext,
  method: string,
  token: string,
  scheme: TokenScheme,
): void {
  const entry: PresentedToken = { method, token, scheme };
  const list = ctx.state[ACCESS_TOKEN_STATE] as PresentedToken[] | undefined;
  if (list === undefined) {
    ctx.state[ACCESS_TOKEN_STATE] = [entry];
    return;
  }
  const i = list.findIndex((p) => p.method === method);
  if (i >= 0) list[i] = entry;
  else list.push(entry);
}

/** The access token `method` recorded for this request, if any. */
export function presentedToken(ctx: RequestContext, method: string): PresentedToken | undefined {
  const list = ctx.state[ACCESS_TOKEN_STATE] as PresentedToken[] | undefined;
  return list?.find((p) => p.method === method);
}

/** Asymmetric algorithms a DPoP proof may be signed with (never `none`, never HMAC). */
export const DPOP_ALGORITHMS = ['ES256', 'RS256', 'PS256', 'EdDSA'] as const;
/** One of {@link DPOP_ALGORITHMS}. */
export type DpopAlgorithm = (typeof DPOP_ALGORITHMS)[number];

/** Why a DPoP proof was refused (the `event.reason` of the security event, prefixed `dpop_`). */
export type DpopFailure =
  | 'malformed'
  | 'too_large'
  | 'bad_typ'
  | 'alg_not_allowed'
  | 'bad_jwk'
  | 'private_jwk'
  | 'bad_signature'
  | 'missing_claim'
  | 'bad_htm'
  | 'bad_htu'
  | 'stale'
  | 'future'
  | 'bad_ath'
  | 'key_mismatch'
  | 'nonce';

/** What the request expects of its proof. */
export interface DpopExpectations {
  /** Request method (`htm` must equal it, case-sensitively). */
  readonly method: string;
  /** Whether the proof's `htu` names this request (origin and normalised path; see {@link parseHtu}). */
  readonly htu: (htu: string) => boolean;
  /** Access token presented with the proof: `ath` must be its hash. */
  readonly accessToken: string | undefined;
  /** `cnf.jkt` of the token: the proof key's RFC 7638 thumbprint must equal it. */
  readonly jkt: string | undefined;
  readonly algorithms: ReadonlySet<string>;
  /** Seconds since the epoch. */
  readonly nowS: number;
  /** Oldest accepted `iat`: `now - maxAgeS - leewayS`. */
  readonly maxAgeS: number;
  /** Clock skew allowed both ways. */
  readonly leewayS: number;
  /** When set, the proof's `nonce` must satisfy it (server-provided nonces). */
  readonly nonce: ((nonce: string) => boolean) | undefined;
  readonly maxBytes: number;
}

/** A proof that passed every check (its `jti` must still be checked for replay). */
export interface VerifiedDpopProof {
  readonly jti: string;
  /** RFC 7638 SHA-256 thumbprint of the proof key. */
  readonly jkt: string;
  readonly iat: number;
}

/** Outcome of {@link verifyDpopProof}. */
export type DpopOutcome = { ok: true; proof: VerifiedDpopProof } | { ok: false; reason: DpopFailure };

/** Longest `jti` accepted. */
const MAX_JTI_CHARS = 512;
/** Longest `htu` accepted. */
const MAX_HTU_CHARS = 4096;
/** Members that make a JWK private (RFC 7518 §6.2.2, §6.3.2, §6.4). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
const B64U = /^[A-Za-z0-9_-]+$/;

function b64uBytes(v: unknown, min: number, max: number): number | undefined {
  if (typeof v !== 'string' || v.length === 0 || v.length > Math.ceil((max * 4) / 3) || !B64U.test(v)) {
    return undefined;
  }
  const n = Buffer.from(v, 'base64url').length;
  return n >= min && n <= max ? n : undefined;
}

/**
 * The public key of a proof's `jwk` header, reduced to the members RFC 7638 hashes, or a failure:
 * private members present, or key type/curve/size not bound to `alg` (EC P-256 for ES256, RSA of
 * 2048 to 4096 bits for RS256/PS256, OKP Ed25519 for EdDSA).
 */
export function publicProofJwk(jwk: unknown, alg: DpopAlgorithm): JWK | 'private_jwk' | 'bad_jwk' {
  if (jwk === null || typeof jwk !== 'object' || Array.isArray(jwk)) return 'bad_jwk';
  const j = jwk as Record<string, unknown>;
  for (const m of PRIVATE_MEMBERS) if (Object.hasOwn(j, m)) return 'private_jwk';
  if (j.alg !== undefined && j.alg !== alg) return 'bad_jwk';
  if (j.use !== undefined && j.use !== 'sig') return 'bad_jwk';
  switch (alg) {
    case 'ES256':
      if (j.kty !== 'EC' || j.crv !== 'P-256') return 'bad_jwk';
      if (b64uBytes(j.x, 32, 32) === undefined || b64uBytes(j.y, 32, 32) === undefined) return 'bad_jwk';
      return { kty: 'EC', crv: 'P-256', x: j.x as string, y: j.y as string };
    case 'RS256':
    case 'PS256':
      if (j.kty !== 'RSA') return 'bad_jwk';
      if (b64uBytes(j.n, 256, 512) === undefined || b64uBytes(j.e, 1, 8) === undefined) return 'bad_jwk';
      return { kty: 'RSA', n: j.n as string, e: j.e as string };
    case 'EdDSA':
      if (j.kty !== 'OKP' || j.crv !== 'Ed25519' || b64uBytes(j.x, 32, 32) === undefined) return 'bad_jwk';
      return { kty: 'OKP', crv: 'Ed25519', x: j.x as string };
  }
}

/** base64url(SHA-256(ASCII token)): the `ath` of RFC 9449 §4.2. */
export function accessTokenHash(token: string): string {
  return createHash('sha256').update(token, 'latin1').digest('base64url');
}

/** Key of a proof's `jti` in the state store: `dpop:jti:<base64url(SHA-256(jti))>`. */
export function dpopReplayKey(jti: string): string {
  return `dpop:jti:${createHash('sha256').update(jti, 'utf8').digest('base64url')}`;
}

type ImportedKey = Awaited<ReturnType<typeof importJWK>>;

/**
 * Imported proof keys by thumbprint and algorithm, so a client that sends many proofs with one key
 * pays the import once. Bounded; shared by every policy instance of the thread.
 */
const importedKeys = new LRUCache<string, Promise<ImportedKey>>({ max: 2048 });

function importProofKey(jwk: JWK, alg: DpopAlgorithm, jkt: string): Promise<ImportedKey> {
  const k = `${alg}:${jkt}`;
  let p = importedKeys.get(k);
  if (p === undefined) {
    p = importJWK(jwk, alg);
    importedKeys.set(k, p);
    p.catch(() => importedKeys.delete(k));
  }
  return p;
}

/**
 * Verifies one DPoP proof JWT per RFC 9449 §4.3: compact JWS, `typ` `dpop+jwt`, an allowed asymmetric
 * `alg`, a public `jwk` header (no private members) bound to the algorithm, a valid signature with
 * that key, `jti`, `htm` = the request method, `htu` naming this request, `iat` inside
 * `[now - maxAge - leeway, now + leeway]`, `ath` = hash of the access token, the key's thumbprint =
 * `cnf.jkt`, and (when nonces are required) a valid `nonce`. The nonce is checked last, so a proof
 * that is wrong in any other way is reported as such. Replay (`jti`) is left to the caller.
 *
 * @example
 * const r = await verifyDpopProof(proof, { method: 'GET', htu: (u) => u === 'https://api.test/x', accessToken, jkt,
 *   algorithms: new Set(DPOP_ALGORITHMS), nowS: Date.now() / 1000, maxAgeS: 60, leewayS: 5, nonce: undefined, maxBytes: 8192 });
 */
export async function verifyDpopProof(proof: string, e: DpopExpectations): Promise<DpopOutcome> {
  if (proof.length > e.maxBytes) return { ok: false, reason: 'too_large' };
  const jws = parseCompactJws(proof);
  if (!jws) return { ok: false, reason: 'malformed' };
  const { header, payload } = jws;
  if (typeof header.typ !== 'string' || normaliseTyp(header.typ) !== 'dpop+jwt') {
    return { ok: false, reason: 'bad_typ' };
  }
  const alg = header.alg;
  if (typeof alg !== 'string' || !e.algorithms.has(alg)) return { ok: false, reason: 'alg_not_allowed' };
  if (Object.hasOwn(header, 'b64') || Object.hasOwn(header, 'crit'))
    return { ok: false, reason: 'malformed' };
  if (jws.signature.length === 0) return { ok: false, reason: 'bad_signature' };
  const jwk = publicProofJwk(header.jwk, alg as DpopAlgorithm);
  if (typeof jwk === 'string') return { ok: false, reason: jwk };

  const jti = payload.jti;
  const htm = payload.htm;
  const htu = payload.htu;
  const iat = payload.iat;
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > MAX_JTI_CHARS) {
    return { ok: false, reason: 'missing_claim' };
  }
  if (
    typeof htm !== 'string' ||
    typeof htu !== 'string' ||
    typeof iat !== 'number' ||
    !Number.isFinite(iat)
  ) {
    return { ok: false, reason: 'missing_claim' };
  }
  if (htm !== e.method) return { ok: false, reason: 'bad_htm' };
  if (htu.length > MAX_HTU_CHARS || !e.htu(htu)) return { ok: false, reason: 'bad_htu' };
  if (iat > e.nowS + e.leewayS) return { ok: false, reason: 'future' };
  if (iat < e.nowS - e.maxAgeS - e.leewayS) return { ok: false, reason: 'stale' };
  if (e.accessToken !== undefined) {
    const ath = payload.ath;
    if (typeof ath !== 'string') return { ok: false, reason: 'missing_claim' };
    const want = Buffer.from(accessTokenHash(e.accessToken));
    const got = Buffer.from(ath);
    if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, reason: 'bad_ath' };
  }

  let jkt: string;
  try {
    jkt = await calculateJwkThumbprint(jwk, 'sha256');
  } catch {
    return { ok: false, reason: 'bad_jwk' };
  }
  if (e.jkt !== undefined && jkt !== e.jkt) return { ok: false, reason: 'key_mismatch' };
  let key: ImportedKey;
  try {
    key = await importProofKey(jwk, alg as DpopAlgorithm, jkt);
  } catch {
    return { ok: false, reason: 'bad_jwk' };
  }
  try {
    await compactVerify(proof, key, { algorithms: [alg] });
  } catch {
    return { ok: false, reason: 'bad_signature' };
  }
  if (e.nonce !== undefined) {
    const n = payload.nonce;
    if (typeof n !== 'string' || !e.nonce(n)) return { ok: false, reason: 'nonce' };
  }
  return { ok: true, proof: { jti, jkt, iat } };
}

/** Scheme and authority of a URL as RFC 3986 §6.2.2/§6.2.3 normalise them (lower case, no default port). */
function originOf(u: URL): string {
  return `${u.protocol}//${u.host}`;
}

/**
 * Normalises a request origin (`scheme://host[:port]`): lower case, default port removed.
 * Undefined when it is not an http(s) origin.
 *
 * @example
 * normaliseOrigin('https', 'API.example.com:443'); // 'https://api.example.com'
 */
export function normaliseOrigin(scheme: 'http' | 'https', authority: string): string | undefined {
  try {
    const u = new URL(`${scheme}://${authority}`);
    if (u.username !== '' || u.password !== '' || u.pathname !== '/' || u.search !== '' || u.hash !== '') {
      return undefined;
    }
    return originOf(u);
  } catch {
    return undefined;
  }
}

/**
 * Parses a proof's `htu` into its normalised origin and path (query and fragment ignored, as RFC 9449
 * §4.3 says). Undefined for anything but an absolute http(s) URL without user information.
 */
export function parseHtu(htu: string): { origin: string; path: string } | undefined {
  let u: URL;
  try {
    u = new URL(htu);
  } catch {
    return undefined;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username !== '' || u.password !== '') {
    return undefined;
  }
  return { origin: originOf(u), path: u.pathname };
}

/** Per-thread secret for nonces when none is configured; see {@link processNonceSecret}. */
const NONCE_SECRET_KEY = 'gatehouse:dpop-nonce-secret';

function initProcessSecret(): Buffer {
  const inherited = getEnvironmentData(NONCE_SECRET_KEY);
  if (typeof inherited === 'string' && inherited.length >= 43) return Buffer.from(inherited, 'base64url');
  const fresh = randomBytes(32).toString('base64url');
  // Worker threads started after this copy the environment data, so every worker of this process
  // (spawned by the main thread, which loads this module before it spawns them) shares the secret.
  setEnvironmentData(NONCE_SECRET_KEY, fresh);
  return Buffer.from(fresh, 'base64url');
}

const PROCESS_SECRET = initProcessSecret();

/**
 * The random nonce secret of this process: generated when the main thread first loads this module
 * and handed to every worker thread through `worker_threads` environment data (never through
 * `process.env`), so a nonce issued by one worker is accepted by the others. Different processes
 * (nodes) have different secrets: configure `nonce_secret` when a client may reach several.
 */
export function processNonceSecret(): Buffer {
  return PROCESS_SECRET;
}

/** Bytes of the MAC kept in a nonce. */
const NONCE_MAC_BYTES = 18;

/**
 * Stateless DPoP server nonces (RFC 9449 §8): `base64url(window || HMAC-SHA256(secret, window))`,
 * where `window = floor(now / windowMs)`. A nonce is valid during its window and the next one, so it
 * lives between `windowMs` and `2 × windowMs`. Nothing is stored; every worker and node sharing the
 * secret accepts the others' nonces.
 *
 * @example
 * const nonces = new DpopNonces(processNonceSecret(), 120_000);
 * const n = nonces.current(Date.now()); nonces.valid(n, Date.now()); // true
 */
export class DpopNonces {
  readonly #secret: Buffer;
  readonly #windowMs: number;
  #cachedWindow = -1;
  #cachedNonce = '';

  constructor(secret: Buffer, windowMs: number) {
    if (secret.length < 32) throw new TypeError('DPoP nonce secret must be at least 32 bytes');
    if (!(windowMs >= 1000)) throw new TypeError('DPoP nonce window must be at least 1 s');
    this.#secret = secret;
    this.#windowMs = windowMs;
  }

  #mac(window: number): Buffer {
    const w = Buffer.alloc(8);
    w.writeBigUInt64BE(BigInt(window));
    return Buffer.concat([
      w,
      createHmac('sha256', this.#secret)
        .update('gatehouse-dpop-nonce:')
        .update(w)
        .digest()
        .subarray(0, NONCE_MAC_BYTES),
    ]);
  }

  /** The nonce of the current window (computed once per window). */
  current(nowMs: number): string {
    const window = Math.floor(nowMs / this.#windowMs);
    if (window !== this.#cachedWindow) {
      this.#cachedNonce = this.#mac(window).toString('base64url');
      this.#cachedWindow = window;
    }
    return this.#cachedNonce;
  }

  /** Whether `nonce` was issued for the current or the previous window with this secret. */
  valid(nonce: string, nowMs: number): boolean {
    if (nonce.length !== Math.ceil(((8 + NONCE_MAC_BYTES) * 4) / 3) || !B64U.test(nonce)) return false;
    const raw = Buffer.from(nonce, 'base64url');
    if (raw.length !== 8 + NONCE_MAC_BYTES) return false;
    const window = raw.readBigUInt64BE(0);
    const now = BigInt(Math.floor(nowMs / this.#windowMs));
    if (window !== now && window !== now - 1n) return false;
    return timingSafeEqual(raw, this.#mac(Number(window)));
  }
}

/**
 * A bounded in-process replay memory: `markIfAbsent(key, ttl)` is true the first time a key is seen
 * within its TTL. Entries are kept in insertion order and expired ones are dropped from the front; when
 * `max` live entries are held, new keys are refused (`'full'`) rather than forgetting a live one, since
 * forgetting would re-open a replay window. Used for DPoP `jti`s when no state store is configured:
 * it covers one worker thread only.
 *
 * @example
 * const seen = new ReplayCache(100_000);
 * seen.markIfAbsent('dpop:jti:…', 70_000, Date.now()); // true, then false for the same key
 */
export class ReplayCache {
  readonly #max: number;
  readonly #entries = new Map<string, number>();

  constructor(max: number) {
    if (!(Number.isInteger(max) && max > 0))
      throw new TypeError('ReplayCache: max must be a positive integer');
    this.#max = max;
  }

  /** Live entries (after dropping expired ones at the front). */
  size(nowMs: number): number {
    this.#purge(nowMs);
    return this.#entries.size;
  }

  #purge(nowMs: number): void {
    for (const [k, exp] of this.#entries) {
      if (exp > nowMs) break;
      this.#entries.delete(k);
    }
  }

  /** True when newly marked, false for a replay, `'full'` when it cannot remember another key. */
  markIfAbsent(key: string, ttlMs: number, nowMs: number): boolean | 'full' {
    this.#purge(nowMs);
    const exp = this.#entries.get(key);
    if (exp !== undefined) {
      if (exp > nowMs) return false;
      this.#entries.delete(key);
    }
    if (this.#entries.size >= this.#max) return 'full';
    this.#entries.set(key, nowMs + ttlMs);
    return true;
  }
}
