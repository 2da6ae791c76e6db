import { readFileSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { compactVerify, errors as joseErrors } from 'jose';
import type { Agent } from 'undici';
import { recordFailure, recordSuccess } from '../../identity/consumer.ts';
import {
  ACCESS_TOKEN_STATE,
  type PresentedToken,
  recordPresentedToken,
  splitAuthorization,
  type TokenScheme,
} from '../../identity/dpop.ts';
import { authFailure } from '../../identity/errors.ts';
import { CONSUMER_HEADERS, type Consumer } from '../../identity/types.ts';
import { HOP_BY_HOP } from '../../lib/headers.ts';
import {
  definePolicy,
  type PolicyDeps,
  type PolicyInstance,
  type RequestContext,
} from '../../pipeline/types.ts';
import { credentialGate } from '../brute-force/gate.ts';
import { type VerifiedToken, VerifiedTokenCache } from './cache.ts';
import { createJwksAgent, KeyEntry, KeySource } from './jwks.ts';
import { type IssuerConfig, type JwsAlgorithm, type JwtAuthConfig, JwtAuthSchema } from './schema.ts';
import {
  audienceMatches,
  claimHeaderValue,
  critAcceptable,
  freezeJson,
  type JwtFailureReason,
  normaliseTyp,
  parseCompactJws,
  scopesOf,
  timeClaims,
} from './token.ts';

const METHOD = 'jwt-auth';
/** Longest `kid` looked up; longer ones are malformed. */
const MAX_KID_CHARS = 256;
/** Longest consumer id / credential id taken from a token (they become header values). */
const MAX_ID_CHARS = 256;
/** Longest claim value forwarded as a header. */
export const MAX_FORWARD_VALUE_CHARS = 2048;
/** Most keys tried for one token (several keys share a kid, or the token has none). */
const MAX_CANDIDATES = 8;
/** Largest PEM file read through `file:`. */
const MAX_PEM_FILE_BYTES = 64 * 1024;
const HS_MIN_BYTES: Partial<Record<JwsAlgorithm, number>> = { HS256: 32, HS384: 48, HS512: 64 };

/** Headers a claim may never be forwarded as. */
const RESERVED_FORWARD = new Set<string>([
  ...HOP_BY_HOP,
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'authorization',
  'proxy-authorization',
  'cookie',
  'forwarded',
  'via',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  ...Object.values(CONSUMER_HEADERS),
]);

/** An issuer compiled at config load. */
interface Issuer {
  readonly index: number;
  readonly issuer: string;
  readonly audiences: ReadonlySet<string>;
  readonly algorithms: ReadonlySet<string>;
  readonly required: readonly string[];
  readonly leeway: number;
  readonly maxAge: number | undefined;
  readonly maxLifetime: number | undefined;
  readonly typ: string | undefined;
  readonly crit: ReadonlySet<string>;
  readonly critOption: Readonly<Record<string, boolean>>;
  readonly consumerClaim: string;
  readonly forward: readonly (readonly [string, string])[];
  readonly source: KeySource;
}

const PRINTABLE_ID = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** A claim usable as an identifier in a header: printable ASCII, no edge spaces, bounded. */
function idClaim(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v !== 'string' || v.length > MAX_ID_CHARS || !PRINTABLE_ID.test(v)) return undefined;
  return v;
}

function readPemRef(ref: string, at: string): string {
  if (!ref.startsWith('file:')) return ref;
  const path = ref.slice(5);
  if (!isAbsolute(path)) throw new TypeError(`${at}: file: references must be absolute paths`);
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a regular file');
    if (st.size > MAX_PEM_FILE_BYTES) throw new Error(`larger than ${MAX_PEM_FILE_BYTES} bytes`);
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new TypeError(`${at}: cannot read ${JSON.stringify(path)} (${(err as Error).message})`);
  }
}

function compileIssuer(
  cfg: IssuerConfig,
  index: number,
  config: JwtAuthConfig,
  deps: PolicyDeps,
  agent: () => Agent,
  onChange: () => void,
): Issuer {
  const at = `issuers[${index}]`;
  const algs = new Set<JwsAlgorithm>(cfg.algorithms);
  const hmac = [...algs].filter((a) => a.startsWith('HS'));
  const asymmetric = [...algs].filter((a) => !a.startsWith('HS'));
  const sources = [cfg.jwks_uri, cfg.discovery, cfg.jwks_file].filter((x) => x !== undefined);
  if (sources.length > 1) throw new TypeError(`${at}: jwks_uri, discovery and jwks_file are exclusive`);
  if (hmac.length > 0 && cfg.secret === undefined) {
    throw new TypeError(`${at}: ${hmac.join(', ')} need a "secret"`);
  }
  if (cfg.secret !== undefined) {
    if (hmac.length === 0) throw new TypeError(`${at}: "secret" is set but no HS* algorithm is allowed`);
    const need = Math.max(...hmac.map((a) => HS_MIN_BYTES[a] ?? 32));
    if (Buffer.byteLength(cfg.secret, 'utf8') < need) {
      throw new TypeError(`${at}: secret must be at least ${need} bytes for ${hmac.join(', ')}`);
    }
  }
  if (asymmetric.length > 0 && sources.length === 0 && cfg.keys.length === 0) {
    throw new TypeError(`${at}: ${asymmetric.join(', ')} need keys (jwks_uri, discovery, jwks_file or keys)`);
  }
  if (asymmetric.length === 0 && (sources.length > 0 || cfg.keys.length > 0)) {
    throw new TypeError(`${at}: public keys are configured but only HS* algorithms are allowed`);
  }
  const staticKeys: KeyEntry[] = [];
  cfg.keys.forEach((k, i) => {
    const where = `${at}.keys[${i}]`;
    let entry: KeyEntry;
    if (typeof k === 'string') {
      try {
        entry = KeyEntry.fromPem(readPemRef(k, where));
      } catch (err) {
        throw new TypeError(`${where}: ${(err as Error).message}`);
      }
    } else {
      const e = KeyEntry.fromJwk(k as Record<string, unknown>);
      if (typeof e === 'string') throw new TypeError(`${where}: ${e}`);
      entry = e;
    }
    if (!asymmetric.some((a) => entry.supports(a))) {
      throw new TypeError(
        `${where}: this key verifies none of the allowed algorithms (${asymmetric.join(', ')})`,
      );
    }
    staticKeys.push(entry);
  });
  if (cfg.secret !== undefined) staticKeys.push(KeyEntry.fromSecret(cfg.secret));
  const forward: [string, string][] = [];
  for (const [claim, header] of Object.entries(cfg.forward_claims)) {
    if (RESERVED_FORWARD.has(header) || header === config.header) {
      throw new TypeError(`${at}.forward_claims.${claim}: "${header}" cannot carry a claim`);
    }
    forward.push([claim, header]);
  }
  if (cfg.allow_http && (cfg.jwks_uri?.startsWith('http:') || cfg.discovery?.startsWith('http:'))) {
    deps.logger.warn({ issuer: cfg.issuer }, 'jwt-auth: keys are fetched over plain HTTP (allow_http)');
  }
  const source = new KeySource({
    issuer: cfg.issuer,
    jwksUri: cfg.jwks_uri,
    discovery: cfg.discovery,
    file: cfg.jwks_file,
    staticKeys,
    allowHttp: cfg.allow_http,
    refreshMs: config.jwks_refresh_s * 1000,
    cooldownMs: config.jwks_cooldown_ms,
    timeoutMs: config.jwks_timeout_ms,
    logger: deps.logger,
    onChange,
    dispatcher: cfg.jwks_uri !== undefined || cfg.discovery !== undefined ? agent() : undefined,
  });
  return Object.freeze({
    index,
    issuer: cfg.issuer,
    audiences: new Set(cfg.audiences),
    algorithms: algs as ReadonlySet<string>,
    required: Object.freeze([...new Set(cfg.required_claims)]),
    leeway: cfg.leeway_s,
    maxAge: cfg.max_token_age_s,
    maxLifetime: cfg.max_lifetime_s,
    typ: cfg.typ === undefined ? undefined : normaliseTyp(cfg.typ),
    crit: new Set(cfg.crit),
    critOption: Object.freeze(Object.fromEntries(cfg.crit.map((c) => [c, true]))),
    consumerClaim: cfg.consumer_claim,
    forward: Object.freeze(forward),
    source,
  });
}

/** Outcome of the checks on a token's verified payload. */
type ClaimsOutcome = { ok: true; entry: VerifiedToken } | { ok: false; reason: JwtFailureReason };

function checkClaims(
  iss: Issuer,
  payload: Readonly<Record<string, unknown>>,
  tokenLength: number,
  deps: PolicyDeps,
): ClaimsOutcome {
  if (!audienceMatches(payload.aud, iss.audiences)) return { ok: false, reason: 'bad_audience' };
  for (const c of iss.required) if (!Object.hasOwn(payload, c)) return { ok: false, reason: 'missing_claim' };
  const t = timeClaims(payload);
  if (!t) return { ok: false, reason: 'malformed' };
  if (iss.maxLifetime !== undefined) {
    if (t.exp === undefined || t.iat === undefined) return { ok: false, reason: 'missing_claim' };
    if (t.exp - t.iat > iss.maxLifetime) return { ok: false, reason: 'lifetime_too_long' };
  }
  if (iss.maxAge !== undefined && t.iat === undefined) return { ok: false, reason: 'missing_claim' };
  const consumerId = Object.hasOwn(payload, iss.consumerClaim)
    ? idClaim(payload[iss.consumerClaim])
    : undefined;
  if (consumerId === undefined) return { ok: false, reason: 'missing_claim' };

  const expBound = t.exp === undefined ? Number.POSITIVE_INFINITY : t.exp + iss.leeway;
  const ageBound =
    iss.maxAge === undefined || t.iat === undefined
      ? Number.POSITIVE_INFINITY
      : t.iat + iss.maxAge + iss.leeway;
  const notBefore = Math.max(
    t.nbf === undefined ? Number.NEGATIVE_INFINITY : t.nbf - iss.leeway,
    t.iat === undefined ? Number.NEGATIVE_INFINITY : t.iat - iss.leeway,
  );
  const forward: (readonly [string, string])[] = [];
  for (const [claim, header] of iss.forward) {
    if (!Object.hasOwn(payload, claim)) continue;
    const v = claimHeaderValue(payload[claim], MAX_FORWARD_VALUE_CHARS);
    if (v === undefined) {
      deps.logger.debug(
        { claim, header },
        'jwt-auth: claim not forwarded (not a printable ASCII scalar or too long)',
      );
      continue;
    }
    forward.push([header, v]);
  }
  const credentialId = idClaim(payload.jti) ?? idClaim(payload.sub);
  const claims = freezeJson({ ...payload });
  const amr = Array.isArray(payload.amr) ? payload.amr.filter((m): m is string => typeof m === 'string') : [];
  const entry: VerifiedToken = Object.freeze({
    issuerIndex: iss.index,
    notAfter: Math.min(expBound, ageBound),
    lateReason: expBound <= ageBound ? 'expired' : 'too_old',
    notBefore,
    consumerId,
    synthetic: Object.freeze({ id: consumerId, groups: Object.freeze([]), metadata: Object.freeze({}) }),
    success: Object.freeze({
      method: METHOD,
      credentialId,
      claims,
      scopes: Object.freeze(scopesOf(payload)),
      acr: typeof payload.acr === 'string' ? payload.acr : undefined,
      amr: Object.freeze(amr),
      authTime:
        typeof payload.auth_time === 'number' && Number.isFinite(payload.auth_time)
          ? payload.auth_time
          : undefined,
    }),
    forward: Object.freeze(forward),
    size: tokenLength * 2 + 512,
  });
  return { ok: true, entry };
}

/**
 * `jwt-auth`: verifies a JWT bearer token against the keys of the issuer its `iss` names (JWKS URL,
 * OIDC discovery, local JWKS file or static PEM/JWK/secret), with an explicit algorithm allowlist per
 * issuer, required `aud`, `exp` required by default, `nbf`/`iat` with leeway, `typ`, `crit`, a size
 * limit, maximum age and lifetime. On success the consumer named by `consumer_claim` (or a synthetic
 * consumer with that id and no groups when the consumer directory does not know it) is recorded,
 * selected claims are forwarded as headers and the token is removed before forwarding.
 *
 * A verified token is remembered (LRU keyed by the token) so a repeated token costs a map lookup and
 * the time checks instead of a signature verification; the cache is cleared whenever an issuer's keys
 * change, so a key removed from the JWKS stops validating within one refresh.
 *
 * The token comes as `Authorization: Bearer <token>` or `Authorization: DPoP <token>` (RFC 9449 §7.1;
 * the proof and the binding are checked by `sender-constraint`, which also refuses a DPoP-bound token
 * presented as a bearer token). The token and its scheme are recorded in `ctx.state['access-token']`
 * (see `recordPresentedToken`) for later policies.
 *
 * Failures answer a generic 401 (`WWW-Authenticate: Bearer …`); the reason (`expired`,
 * `bad_signature`, `unknown_kid`, …) goes to the security event stream, logs and metrics only.
 *
 * @example
 * jwt-auth:
 *   issuers:
 *     - issuer: https://idp.example.com/
 *       audiences: [orders-api]
 *       algorithms: [RS256, ES256]
 *       discovery: https://idp.example.com/.well-known/openid-configuration
 *       typ: at+jwt
 *       forward_claims: { sub: x-auth-subject }
 */
/** The scheme this policy's token came with (`dpop`, `bearer` or `none`), once it was read. */
function presentedScheme(ctx: RequestContext): TokenScheme | undefined {
  const list = ctx.state[ACCESS_TOKEN_STATE] as PresentedToken[] | undefined;
  return list?.find((p) => p.method === METHOD)?.scheme;
}

export const policy = definePolicy({
  name: 'jwt-auth',
  order: 740,
  phases: ['request'],
  status: 'beta',
  posture: 'hardened',
  description:
    'Verifies JWT bearer tokens (JWKS, OIDC discovery or static keys) and maps their claims to a consumer.',
  supportsMode: true,
  schema: JwtAuthSchema,
  create(config: JwtAuthConfig, deps: PolicyDeps): PolicyInstance {
    if (config.issuers.length === 0) throw new TypeError('issuers: at least one issuer is required');
    const cache = new VerifiedTokenCache(config.cache.max_entries, config.cache.max_bytes);
    let agent: Agent | undefined;
    const getAgent = () => (agent ??= createJwksAgent(config.jwks_timeout_ms));
    const byIss = new Map<string, Issuer>();
    const issuers: Issuer[] = [];
    const sources: KeySource[] = [];
    try {
      config.issuers.forEach((cfg, i) => {
        if (byIss.has(cfg.issuer))
          throw new TypeError(`issuers[${i}]: duplicate issuer ${JSON.stringify(cfg.issuer)}`);
        const iss = compileIssuer(cfg, i, config, deps, getAgent, () => cache.clear());
        sources.push(iss.source);
        byIss.set(cfg.issuer, iss);
        issuers.push(iss);
      });
    } catch (err) {
      for (const s of sources) s.close();
      void agent?.close();
      throw err;
    }
    const headerName = config.header;
    const bearerRequired = headerName === 'authorization';
    const maxToken = config.max_token_bytes;
    const maxHeaderChars = maxToken + 64;
    const hide = config.hide_credentials;
    const optional = config.optional;
    const forwardHeaders = [...new Set(issuers.flatMap((i) => i.forward.map(([, h]) => h)))];

    const fail = (ctx: RequestContext, reason: JwtFailureReason, credentialId?: string): undefined => {
      // A token presented with the DPoP scheme is answered with a DPoP challenge (RFC 9449 §7.1).
      const scheme = presentedScheme(ctx) === 'dpop' ? 'DPoP' : 'Bearer';
      const opts = credentialId === undefined ? { scheme } : { credentialId, scheme };
      const err = authFailure(ctx, deps, METHOD, reason, opts);
      if (optional) return undefined;
      throw err;
    };
    const missing = (ctx: RequestContext): undefined => {
      if (optional) {
        recordFailure(ctx, { method: METHOD, reason: 'missing', credentialId: undefined });
        return undefined;
      }
      throw authFailure(ctx, deps, METHOD, 'missing', { missing: true });
    };
    const accept = (ctx: RequestContext, e: VerifiedToken, nowS: number): undefined | Promise<undefined> => {
      // A credential that brute-force blocked gets the same 429 whether the token is still valid or not.
      const id = e.success.credentialId;
      const pending = id === undefined ? undefined : credentialGate(ctx)?.check(ctx, METHOD, id);
      if (pending !== undefined && typeof (pending as Promise<void>).then === 'function') {
        return (pending as Promise<void>).then(() => admit(ctx, e, nowS));
      }
      return admit(ctx, e, nowS);
    };
    const admit = (ctx: RequestContext, e: VerifiedToken, nowS: number): undefined => {
      if (nowS >= e.notAfter) return fail(ctx, e.lateReason, e.success.credentialId);
      if (nowS < e.notBefore) return fail(ctx, 'not_yet_valid', e.success.credentialId);
      const consumer: Consumer = deps.consumers?.get(e.consumerId) ?? e.synthetic;
      recordSuccess(ctx, { ...e.success, consumer });
      const h = ctx.upstreamHeaders;
      for (const [name, value] of e.forward) h[name] = value;
      return undefined;
    };

    /**
     * Everything that needs no key runs synchronously, so garbage costs no promise; only tokens that
     * pass it go on to the (asynchronous) key lookup and signature check.
     */
    const verify = (ctx: RequestContext, token: string): undefined | Promise<undefined> => {
      const jws = parseCompactJws(token);
      if (!jws) return fail(ctx, 'malformed');
      const { header, payload } = jws;
      const alg = header.alg;
      if (typeof alg !== 'string') return fail(ctx, 'malformed');
      const sub = idClaim(payload.sub);
      if (alg.toLowerCase() === 'none') return fail(ctx, 'alg_not_allowed', sub);
      const iss = typeof payload.iss === 'string' ? byIss.get(payload.iss) : undefined;
      if (!iss) return fail(ctx, 'unknown_issuer', sub);
      if (!iss.algorithms.has(alg)) return fail(ctx, 'alg_not_allowed', sub);
      if (jws.signature.length === 0) return fail(ctx, 'bad_signature', sub);
      if (Object.hasOwn(header, 'b64')) return fail(ctx, 'malformed', sub);
      if (!critAcceptable(header, iss.crit)) return fail(ctx, 'bad_crit', sub);
      if (iss.typ !== undefined && (typeof header.typ !== 'string' || normaliseTyp(header.typ) !== iss.typ)) {
        return fail(ctx, 'bad_typ', sub);
      }
      const kid = header.kid;
      if (kid !== undefined && (typeof kid !== 'string' || kid.length === 0 || kid.length > MAX_KID_CHARS)) {
        return fail(ctx, 'malformed', sub);
      }
      return verifySignature(ctx, token, iss, alg as JwsAlgorithm, kid, payload, sub);
    };

    const verifySignature = async (
      ctx: RequestContext,
      token: string,
      iss: Issuer,
      a: JwsAlgorithm,
      kid: string | undefined,
      payload: Readonly<Record<string, unknown>>,
      sub: string | undefined,
    ): Promise<undefined> => {
      const generation = cache.generation;
      const src = iss.source;
      let keys = src.current;
      if (!keys) {
        await src.refetch();
        keys = src.current;
        if (!keys) return fail(ctx, 'jwks_unavailable', sub);
      }
      let candidates = keys.candidates(kid, a);
      if (candidates.length === 0 && kid !== undefined && !keys.hasKid(kid) && src.refreshable) {
        await src.refetch();
        keys = src.current ?? keys;
        candidates = keys.candidates(kid, a);
      }
      if (candidates.length === 0) {
        return fail(ctx, kid !== undefined && keys.hasKid(kid) ? 'bad_signature' : 'unknown_kid', sub);
      }
      let verified = false;
      let failure: JwtFailureReason = 'bad_signature';
      for (const c of candidates.slice(0, MAX_CANDIDATES)) {
        try {
          await compactVerify(token, await c.key(a), { algorithms: [a], crit: iss.critOption });
          verified = true;
          break;
        } catch (err) {
          if (err instanceof joseErrors.JWSInvalid) failure = 'malformed';
          else if (err instanceof joseErrors.JOSENotSupported) failure = 'bad_crit';
        }
      }
      if (!verified) return fail(ctx, failure, sub);
      const outcome = checkClaims(iss, payload, token.length, deps);
      if (!outcome.ok) return fail(ctx, outcome.reason, sub);
      const nowS = Date.now() / 1000;
      const entry = outcome.entry;
      if (nowS < entry.notAfter && nowS >= entry.notBefore) cache.set(token, entry, nowS, generation);
      return accept(ctx, entry, nowS);
    };

    return Object.freeze({
      onRequest(ctx: RequestContext): undefined | Promise<undefined> {
        const up = ctx.upstreamHeaders;
        for (let i = 0; i < forwardHeaders.length; i++) delete up[forwardHeaders[i]!];
        const raw = ctx.headers[headerName];
        if (raw === undefined || raw === '') return missing(ctx);
        if (typeof raw !== 'string') {
          if (hide) delete up[headerName];
          return fail(ctx, 'malformed');
        }
        if (raw.length > maxHeaderChars) {
          if (hide) delete up[headerName];
          return fail(ctx, 'too_large');
        }
        let token: string;
        let scheme: TokenScheme;
        const creds = splitAuthorization(raw);
        if (creds !== undefined) {
          // `Bearer` (RFC 6750) or `DPoP` (RFC 9449 §7.1; the proof is checked by sender-constraint).
          token = creds.token;
          scheme = creds.scheme;
        } else if (bearerRequired) {
          // Another scheme (Basic, …): not a token credential, left for other policies.
          return missing(ctx);
        } else {
          token = raw;
          scheme = 'none';
        }
        if (hide) delete up[headerName];
        if (token.length > maxToken) return fail(ctx, 'too_large');
        if (token.length === 0) return fail(ctx, 'malformed');
        recordPresentedToken(ctx, METHOD, token, scheme);
        const hit = cache.get(token);
        if (hit !== undefined) return accept(ctx, hit, Date.now() / 1000);
        return verify(ctx, token);
      },
      close() {
        for (const s of sources) s.close();
        cache.clear();
        const a = agent;
        agent = undefined;
        return a?.close();
      },
    });
  },
});
