/**
 * Verification keys of one issuer: static keys (PEM, JWK, shared secret), a local JWKS file, a JWKS
 * URL or an OIDC discovery document. Keys are chosen only by `kid` among the issuer's own keys and by
 * compatibility with the token's `alg` (key type and curve bound to the algorithm); nothing in a
 * token (`jku`, `x5u`, `x5c`, `jwk`) ever names or supplies a key.
 */
import { createPublicKey, type JsonWebKey, X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { importJWK, type JWK } from 'jose';
import type { Logger } from 'pino';
import { Agent, request } from 'undici';
import type { JwsAlgorithm } from './schema.ts';

/** A key as jose verifies with it (a CryptoKey, or the bytes of an HMAC secret). */
export type VerifyKey = Awaited<ReturnType<typeof importJWK>>;

/** Largest JWKS or discovery document accepted, in bytes. */
export const MAX_JWKS_BYTES = 512 * 1024;
/** Most keys taken from one JWKS document. */
export const MAX_JWKS_KEYS = 100;

/** Key type (and curve) each algorithm needs. */
const ALG_KEY: Record<JwsAlgorithm, { kty: 'RSA' | 'EC' | 'OKP' | 'oct'; crv?: string }> = {
  RS256: { kty: 'RSA' },
  RS384: { kty: 'RSA' },
  RS512: { kty: 'RSA' },
  PS256: { kty: 'RSA' },
  PS384: { kty: 'RSA' },
  PS512: { kty: 'RSA' },
  ES256: { kty: 'EC', crv: 'P-256' },
  ES384: { kty: 'EC', crv: 'P-384' },
  ES512: { kty: 'EC', crv: 'P-521' },
  EdDSA: { kty: 'OKP', crv: 'Ed25519' },
  HS256: { kty: 'oct' },
  HS384: { kty: 'oct' },
  HS512: { kty: 'oct' },
};

/**
 * One verification key. `supports(alg)` binds the key to the algorithms its type allows (an RSA key
 * never verifies HS256, an HMAC secret never verifies RS256); `key(alg)` imports it with jose for
 * exactly that algorithm, once.
 *
 * @example
 * const k = KeyEntry.fromPem(pem); if (k.supports('RS256')) await compactVerify(token, await k.key('RS256'));
 */
export class KeyEntry {
  readonly kid: string | undefined;
  readonly jwk: Readonly<JWK>;
  /** Canonical text of the public key material (for change detection). */
  readonly id: string;
  readonly #imported = new Map<string, Promise<VerifyKey>>();

  constructor(jwk: JWK) {
    this.jwk = Object.freeze({ ...jwk });
    this.kid = jwk.kid;
    this.id = JSON.stringify([
      jwk.kid ?? null,
      jwk.kty,
      jwk.alg ?? null,
      jwk.crv ?? null,
      jwk.n ?? jwk.x ?? jwk.k ?? null,
      jwk.e ?? jwk.y ?? null,
    ]);
  }

  /** Whether this key may verify a token signed with `alg`. */
  supports(alg: JwsAlgorithm): boolean {
    const need = ALG_KEY[alg];
    const j = this.jwk;
    if (j.kty !== need.kty) return false;
    if (need.crv !== undefined && j.crv !== need.crv) return false;
    if (j.alg !== undefined && j.alg !== alg) return false;
    if (j.use !== undefined && j.use !== 'sig') return false;
    if (j.key_ops !== undefined && !j.key_ops.includes('verify')) return false;
    return true;
  }

  /** The key imported for `alg` (call only when `supports(alg)`). */
  key(alg: JwsAlgorithm): Promise<VerifyKey> {
    let k = this.#imported.get(alg);
    if (k === undefined) {
      k = importJWK({ ...this.jwk, alg }, alg);
      this.#imported.set(alg, k);
      k.catch(() => this.#imported.delete(alg));
    }
    return k;
  }

  /** A shared HMAC secret (UTF-8 bytes). */
  static fromSecret(secret: string): KeyEntry {
    return new KeyEntry({ kty: 'oct', k: Buffer.from(secret, 'utf8').toString('base64url') });
  }

  /**
   * A PEM public key (SPKI) or certificate. Throws TypeError for private keys and unusable keys.
   */
  static fromPem(pem: string): KeyEntry {
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
      throw new TypeError('a private key was given where a public key belongs');
    }
    let jwk: JWK;
    try {
      const key = pem.includes('-----BEGIN CERTIFICATE-----')
        ? new X509Certificate(pem).publicKey
        : createPublicKey({ key: pem, format: 'pem' });
      jwk = key.export({ format: 'jwk' }) as JWK;
    } catch (err) {
      throw new TypeError(`not a usable PEM public key or certificate (${(err as Error).message})`);
    }
    const problem = publicKeyProblem(jwk);
    if (problem) throw new TypeError(problem);
    return new KeyEntry(jwk);
  }

  /** A public JWK; returns a reason string instead when the key is unusable. */
  static fromJwk(input: Record<string, unknown>): KeyEntry | string {
    const kty = input.kty;
    if (kty !== 'RSA' && kty !== 'EC' && kty !== 'OKP') return `unsupported kty ${JSON.stringify(kty)}`;
    for (const priv of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'priv']) {
      if (input[priv] !== undefined) return 'private or symmetric key material';
    }
    if (
      input.kid !== undefined &&
      (typeof input.kid !== 'string' || input.kid === '' || input.kid.length > 256)
    ) {
      return 'kid must be a non-empty string';
    }
    if (input.use !== undefined && input.use !== 'sig') return 'use is not "sig"';
    if (
      input.alg !== undefined &&
      (typeof input.alg !== 'string' || !(input.alg in ALG_KEY) || input.alg.startsWith('HS'))
    ) {
      return `unsupported alg ${JSON.stringify(input.alg)}`;
    }
    if (
      input.key_ops !== undefined &&
      (!Array.isArray(input.key_ops) || !input.key_ops.every((o) => typeof o === 'string'))
    ) {
      return 'key_ops must be an array of strings';
    }
    const members: Record<string, unknown> = { kty };
    const names = kty === 'RSA' ? ['n', 'e'] : kty === 'EC' ? ['crv', 'x', 'y'] : ['crv', 'x'];
    for (const n of names) {
      if (typeof input[n] !== 'string') return `missing ${n}`;
      members[n] = input[n];
    }
    try {
      createPublicKey({ key: members as JsonWebKey, format: 'jwk' });
    } catch (err) {
      return `invalid key material (${(err as Error).message})`;
    }
    const jwk: JWK = { ...(members as JWK) };
    if (input.kid !== undefined) jwk.kid = input.kid as string;
    if (input.alg !== undefined) jwk.alg = input.alg as string;
    if (input.use !== undefined) jwk.use = 'sig';
    if (input.key_ops !== undefined) jwk.key_ops = [...(input.key_ops as string[])];
    const problem = publicKeyProblem(jwk);
    return problem ?? new KeyEntry(jwk);
  }
}

/** Why a public JWK cannot verify anything we accept (weak RSA, unsupported curve), or undefined. */
function publicKeyProblem(jwk: JWK): string | undefined {
  if (jwk.kty === 'RSA') {
    const bits = Buffer.from(jwk.n ?? '', 'base64url').length * 8;
    if (bits < 2048) return `RSA key of ${bits} bits (at least 2048 required)`;
    return undefined;
  }
  if (jwk.kty === 'EC') {
    return jwk.crv === 'P-256' || jwk.crv === 'P-384' || jwk.crv === 'P-521'
      ? undefined
      : `unsupported curve ${jwk.crv}`;
  }
  if (jwk.kty === 'OKP') return jwk.crv === 'Ed25519' ? undefined : `unsupported curve ${jwk.crv}`;
  return `unsupported kty ${jwk.kty}`;
}

/**
 * An immutable set of keys indexed by `kid`. Keys without a `kid` (static PEMs, the shared secret)
 * are candidates for every token.
 */
export class KeySet {
  readonly #byKid = new Map<string, KeyEntry[]>();
  readonly #anyKid: KeyEntry[] = [];
  /** Changes whenever the key material changes. */
  readonly fingerprint: string;
  readonly size: number;

  constructor(entries: readonly KeyEntry[]) {
    for (const e of entries) {
      if (e.kid === undefined) this.#anyKid.push(e);
      else {
        const list = this.#byKid.get(e.kid);
        if (list) list.push(e);
        else this.#byKid.set(e.kid, [e]);
      }
    }
    this.size = entries.length;
    this.fingerprint = entries
      .map((e) => e.id)
      .sort()
      .join('\n');
  }

  /** Keys that may verify a token with this `kid` (undefined: any kid) and `alg`. */
  candidates(kid: string | undefined, alg: JwsAlgorithm): KeyEntry[] {
    const out: KeyEntry[] = [];
    if (kid === undefined) {
      for (const list of this.#byKid.values()) for (const e of list) if (e.supports(alg)) out.push(e);
    } else {
      const list = this.#byKid.get(kid);
      if (list) for (const e of list) if (e.supports(alg)) out.push(e);
    }
    for (const e of this.#anyKid) if (e.supports(alg)) out.push(e);
    return out;
  }

  /** Whether a key with this `kid` exists (whatever its type). */
  hasKid(kid: string): boolean {
    return this.#byKid.has(kid);
  }
}

/**
 * Parses a JWKS document into key entries. Unusable keys (symmetric, private, weak, unknown type,
 * `use: enc`) are skipped and reported through `skip`. Throws TypeError when the document is not a JWKS.
 */
export function parseJwks(doc: unknown, skip: (reason: string, kid: unknown) => void): KeyEntry[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    throw new TypeError('JWKS is not a JSON object');
  const keys = (doc as { keys?: unknown }).keys;
  if (!Array.isArray(keys)) throw new TypeError('JWKS has no "keys" array');
  const out: KeyEntry[] = [];
  for (const k of keys.slice(0, MAX_JWKS_KEYS)) {
    if (k === null || typeof k !== 'object' || Array.isArray(k)) {
      skip('not an object', undefined);
      continue;
    }
    const entry = KeyEntry.fromJwk(k as Record<string, unknown>);
    if (typeof entry === 'string') skip(entry, (k as { kid?: unknown }).kid);
    else out.push(entry);
  }
  if (keys.length > MAX_JWKS_KEYS) skip(`more than ${MAX_JWKS_KEYS} keys; the rest are ignored`, undefined);
  return out;
}

/** Options of a {@link KeySource}. */
export interface KeySourceOptions {
  /** The issuer these keys belong to (discovery documents must name it). */
  readonly issuer: string;
  readonly jwksUri?: string | undefined;
  readonly discovery?: string | undefined;
  /** Absolute path of a local JWKS file. */
  readonly file?: string | undefined;
  /** Keys that never change (PEM, JWK, secret). */
  readonly staticKeys: readonly KeyEntry[];
  readonly allowHttp: boolean;
  readonly refreshMs: number;
  readonly cooldownMs: number;
  readonly timeoutMs: number;
  readonly logger: Logger;
  /** Called after the key material changed (not on the first load). */
  readonly onChange: () => void;
  /** HTTP dispatcher for discovery/JWKS requests. */
  readonly dispatcher?: Agent | undefined;
}

/** Thrown (and logged) when a discovery or JWKS document cannot be used. */
class KeySourceError extends Error {
  override name = 'KeySourceError';
}

/**
 * The keys of one issuer, kept fresh. Remote sources load on first use, then refresh every
 * `refreshMs` on an unref'd timer. {@link KeySource.refetch} (used for an unknown `kid`) runs at most
 * once per `cooldownMs`; concurrent callers share the fetch in flight. A failed refresh keeps the last
 * good keys. A file source is read synchronously at construction (a missing or invalid file is a
 * TypeError, i.e. a config error) and re-read on the same schedule.
 *
 * @example
 * const src = new KeySource({ issuer, jwksUri, staticKeys: [], allowHttp: false, refreshMs: 300_000, cooldownMs: 2000, timeoutMs: 5000, logger, onChange });
 * const keys = src.current ?? (await src.refetch(), src.current);
 */
export class KeySource {
  readonly #o: KeySourceOptions;
  /** Whether the keys can change (JWKS URL, discovery or file), i.e. refetch() does something. */
  readonly refreshable: boolean;
  #keys: KeySet | undefined;
  #jwksUri: string | undefined;
  #inflight: Promise<void> | undefined;
  #lastAttempt = Number.NEGATIVE_INFINITY;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  /** Completed discovery/JWKS/file loads (successful or not). */
  loads = 0;

  constructor(o: KeySourceOptions) {
    this.#o = o;
    this.refreshable = o.jwksUri !== undefined || o.discovery !== undefined || o.file !== undefined;
    this.#jwksUri = o.jwksUri;
    for (const url of [o.jwksUri, o.discovery]) if (url !== undefined) this.#checkUrl(url, true);
    if (o.file !== undefined) {
      let text: string;
      try {
        if (regularFileSize(o.file) > MAX_JWKS_BYTES) throw new Error(`larger than ${MAX_JWKS_BYTES} bytes`);
        text = readFileSync(o.file, 'utf8');
      } catch (err) {
        throw new TypeError(`jwks_file ${JSON.stringify(o.file)}: ${(err as Error).message}`);
      }
      let entries: KeyEntry[];
      try {
        entries = parseJwks(JSON.parse(text), (reason, kid) => this.#skip(reason, kid));
        if (entries.length === 0) throw new Error('the JWKS holds no usable signing key');
      } catch (err) {
        throw new TypeError(`jwks_file ${JSON.stringify(o.file)}: ${(err as Error).message}`);
      }
      this.#keys = new KeySet([...entries, ...o.staticKeys]);
      this.#lastAttempt = performance.now();
      this.#schedule();
    } else if (!this.refreshable) {
      this.#keys = new KeySet(o.staticKeys);
    }
  }

  /** The keys in force, or undefined when a remote source has never loaded. */
  get current(): KeySet | undefined {
    return this.#keys;
  }

  /**
   * Loads the keys again unless a load happened less than `cooldownMs` ago; resolves when the load in
   * flight (if any) has finished. Never rejects.
   */
  refetch(): Promise<void> {
    if (!this.refreshable || this.#closed) return Promise.resolve();
    if (this.#inflight) return this.#inflight;
    if (performance.now() - this.#lastAttempt < this.#o.cooldownMs) return Promise.resolve();
    return this.#startLoad();
  }

  /** Stops the refresh timer. */
  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #startLoad(): Promise<void> {
    this.#lastAttempt = performance.now();
    const p = this.#load()
      .catch((err: unknown) => {
        this.#o.logger.warn(
          { err: { message: (err as Error).message }, issuer: this.#o.issuer },
          'jwt-auth: key refresh failed; keeping the previous keys',
        );
      })
      .finally(() => {
        this.loads++;
        this.#inflight = undefined;
        this.#schedule();
      });
    this.#inflight = p;
    return p;
  }

  #schedule(): void {
    if (this.#closed || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#inflight && !this.#closed) void this.#startLoad();
    }, this.#o.refreshMs);
    this.#timer.unref();
  }

  async #load(): Promise<void> {
    let entries: KeyEntry[];
    if (this.#o.file !== undefined) {
      const st = await stat(this.#o.file);
      if (!st.isFile()) throw new KeySourceError('jwks_file is not a regular file');
      if (st.size > MAX_JWKS_BYTES)
        throw new KeySourceError(`jwks_file is larger than ${MAX_JWKS_BYTES} bytes`);
      entries = parseJwks(JSON.parse(await readFile(this.#o.file, 'utf8')), (r, k) => this.#skip(r, k));
    } else {
      if (this.#jwksUri === undefined) this.#jwksUri = await this.#discover();
      try {
        entries = parseJwks(await this.#getJson(this.#jwksUri), (r, k) => this.#skip(r, k));
      } catch (err) {
        // The discovered jwks_uri may have moved: look it up again next time.
        if (this.#o.discovery !== undefined) this.#jwksUri = undefined;
        throw err;
      }
    }
    if (entries.length === 0) throw new KeySourceError('the JWKS holds no usable signing key');
    const next = new KeySet([...entries, ...this.#o.staticKeys]);
    const prev = this.#keys;
    if (prev && prev.fingerprint === next.fingerprint) return;
    this.#keys = next;
    if (prev) {
      this.#o.logger.info({ issuer: this.#o.issuer, keys: next.size }, 'jwt-auth: issuer keys changed');
      this.#o.onChange();
    }
  }

  async #discover(): Promise<string> {
    const doc = await this.#getJson(this.#o.discovery!);
    if (doc === null || typeof doc !== 'object')
      throw new KeySourceError('discovery document is not an object');
    const d = doc as { issuer?: unknown; jwks_uri?: unknown };
    if (d.issuer !== this.#o.issuer) {
      throw new KeySourceError(
        `discovery document names issuer ${JSON.stringify(d.issuer)}, not the configured one`,
      );
    }
    if (typeof d.jwks_uri !== 'string') throw new KeySourceError('discovery document has no jwks_uri');
    this.#checkUrl(d.jwks_uri, false);
    return d.jwks_uri;
  }

  #checkUrl(url: string, atLoad: boolean): void {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw atLoad
        ? new TypeError(`invalid URL ${JSON.stringify(url)}`)
        : new KeySourceError('invalid jwks_uri');
    }
    const ok = u.protocol === 'https:' || (u.protocol === 'http:' && this.#o.allowHttp);
    if (!ok) {
      const msg = `${u.protocol}// URL ${JSON.stringify(url)} refused (HTTPS required unless allow_http)`;
      throw atLoad ? new TypeError(msg) : new KeySourceError(msg);
    }
  }

  async #getJson(url: string): Promise<unknown> {
    const t = this.#o.timeoutMs;
    const res = await request(url, {
      method: 'GET',
      headers: { accept: 'application/json, application/jwk-set+json' },
      headersTimeout: t,
      bodyTimeout: t,
      signal: AbortSignal.timeout(t),
      ...(this.#o.dispatcher ? { dispatcher: this.#o.dispatcher } : {}),
    });
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new KeySourceError(`GET ${url} answered ${res.statusCode}`);
    }
    const declared = Number(res.headers['content-length']);
    if (declared > MAX_JWKS_BYTES) {
      res.body.destroy();
      throw new KeySourceError(`GET ${url}: document larger than ${MAX_JWKS_BYTES} bytes`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > MAX_JWKS_BYTES) {
        res.body.destroy();
        throw new KeySourceError(`GET ${url}: document larger than ${MAX_JWKS_BYTES} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw new KeySourceError(`GET ${url}: not JSON`);
    }
  }

  #skip(reason: string, kid: unknown): void {
    this.#o.logger.debug(
      { issuer: this.#o.issuer, kid: typeof kid === 'string' ? kid.slice(0, 256) : undefined, reason },
      'jwt-auth: JWKS key skipped',
    );
  }
}

/** Size of a regular file; throws for anything else (a FIFO or device would block or never end). */
function regularFileSize(path: string): number {
  const st = statSync(path);
  if (!st.isFile()) throw new Error('not a regular file');
  return st.size;
}

/** A small keep-alive agent for discovery and JWKS requests. */
export function createJwksAgent(timeoutMs: number): Agent {
  return new Agent({ connections: 4, connect: { timeout: timeoutMs }, keepAliveTimeout: 30_000 });
}
