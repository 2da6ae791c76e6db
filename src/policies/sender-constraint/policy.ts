import { timingSafeEqual } from 'node:crypto';
import { GatewayError } from '../../errors/gateway-error.ts';
import {
  DpopNonces,
  dpopReplayKey,
  normaliseOrigin,
  type PresentedToken,
  parseHtu,
  presentedToken,
  processNonceSecret,
  ReplayCache,
  type VerifiedDpopProof,
  verifyDpopProof,
} from '../../identity/dpop.ts';
import { authFailure } from '../../identity/errors.ts';
import { isPathError, normalizeTarget } from '../../lib/path.ts';
import {
  definePolicy,
  type PolicyDeps,
  type PolicyInstance,
  type RequestContext,
  type ResponseContext,
} from '../../pipeline/types.ts';
import type { StateStore } from '../../stores/types.ts';
import { type SenderConstraintConfig, SenderConstraintSchema } from './schema.ts';

const METHOD = 'sender-constraint';
/** Longest `cnf.jkt` / `cnf["x5t#S256"]` accepted (a SHA-256 thumbprint is 43 characters). */
const MAX_THUMBPRINT_CHARS = 128;

/** What kind of challenge a refusal carries. */
type Challenge = 'token' | 'proof' | 'nonce';

function sameThumbprint(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function isThenable<T>(v: T | Promise<T>): v is Promise<T> {
  return v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';
}

/** The public base URL (`htu_base`) split into a normalised origin and a path prefix without trailing `/`. */
function compileBase(base: string | undefined): { origin: string; prefix: string } | undefined {
  if (base === undefined) return undefined;
  const parsed = parseHtu(base);
  if (!parsed) throw new TypeError('dpop.htu_base: must be an absolute http(s) URL without user information');
  let prefix = parsed.path.replace(/\/+$/, '');
  if (prefix !== '') {
    const n = normalizeTarget(prefix);
    if (isPathError(n) || n.path !== prefix) {
      throw new TypeError('dpop.htu_base: the path must be normalised (no dot segments, escapes or `;`)');
    }
    prefix = n.path;
  }
  return { origin: parsed.origin, prefix };
}

/**
 * `sender-constraint` (order 720, after the authentication methods): makes sure a bound access token is
 * used by the client it was issued to. For every successful token authentication (`ctx.auth.successes`
 * with claims) it reads the token's confirmation claim `cnf`:
 *
 * - `cnf["x5t#S256"]` (RFC 8705 §3): the connection must present a verified mTLS client certificate
 *   whose SHA-256 thumbprint equals it (`cert_required`, `cert_binding_mismatch`).
 * - `cnf.jkt` (RFC 9449), or `dpop.required`: the token must come as `Authorization: DPoP <token>`
 *   (a bearer presentation is a downgrade: `dpop_downgrade`) with exactly one `DPoP` proof JWT whose
 *   `typ`, asymmetric `alg`, public `jwk`, signature, `htm`, `htu`, `iat`, `ath` and key thumbprint
 *   (= `cnf.jkt`) are checked, and whose `jti` was never seen (the state store's `markIfAbsent`; a
 *   bounded in-process memory when no store is configured, which only covers one worker thread).
 *   With `dpop.nonce`, proofs must carry a stateless server nonce (`DPoP-Nonce`).
 * - A `cnf` with no confirmation method this policy knows is refused (`unsupported_cnf`): a bound
 *   token is never silently accepted as a bearer token.
 *
 * Refusals are generic 401s (`WWW-Authenticate: DPoP error="invalid_dpop_proof"` for proofs,
 * `error="use_dpop_nonce"` with a `DPoP-Nonce` for a missing nonce, `error="invalid_token"` otherwise);
 * the reason goes to the security event stream only. Requests without a token authentication pass
 * untouched: requiring authentication is the job of the authentication policies.
 *
 * @example
 * jwt-auth: { issuers: [...] }
 * sender-constraint:
 *   dpop: { required: true, nonce: true, htu_base: https://api.example.com }
 */
export const policy = definePolicy({
  name: METHOD,
  order: 720,
  phases: ['request', 'response'],
  status: 'beta',
  posture: 'hardened',
  description:
    'Sender-constrained tokens: DPoP proofs (RFC 9449) and certificate-bound tokens (RFC 8705) for tokens authenticated earlier in the chain.',
  supportsMode: true,
  schema: SenderConstraintSchema,
  create(config: SenderConstraintConfig, deps: PolicyDeps): PolicyInstance {
    const d = config.dpop;
    const dpopRequired = d.required;
    const certRequired = config.certificate_bound.required;
    const algorithms: ReadonlySet<string> = new Set(d.algorithms);
    const algsParam = `algs="${d.algorithms.join(' ')}"`;
    const base = compileBase(d.htu_base);
    if (d.nonce_secret !== undefined && !d.nonce) {
      deps.logger.warn(
        { scope: deps.scope },
        'sender-constraint: dpop.nonce_secret is set but dpop.nonce is off',
      );
    }
    const nonces = d.nonce
      ? new DpopNonces(
          d.nonce_secret === undefined ? processNonceSecret() : Buffer.from(d.nonce_secret, 'utf8'),
          d.nonce_window_s * 1000,
        )
      : undefined;
    const maxAgeS = d.max_age_s;
    const leewayS = d.leeway_s;
    // A proof is acceptable while now ∈ [iat - leeway, iat + max_age + leeway]: remember its jti longer.
    const replayTtlMs = (maxAgeS + 2 * leewayS + 1) * 1000;
    const store: StateStore | undefined = deps.store;
    const local = new ReplayCache(d.replay_cache_max);
    const fallbackOnError = d.on_store_error === 'local';
    if (store === undefined) {
      deps.logger.warn(
        { scope: deps.scope },
        'sender-constraint: no state store; DPoP proof replay (jti) is tracked in this worker thread only',
      );
    }
    const hideProof = d.hide_proof;

    const challenge = (kind: Challenge, scheme: 'Bearer' | 'DPoP'): Record<string, string> => {
      if (kind === 'nonce') {
        return {
          'www-authenticate': `DPoP realm="gatehouse", error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof", ${algsParam}`,
          'dpop-nonce': nonces!.current(Date.now()),
        };
      }
      if (kind === 'proof') {
        return {
          'www-authenticate': `DPoP realm="gatehouse", error="invalid_dpop_proof", error_description="Invalid DPoP proof", ${algsParam}`,
        };
      }
      return {
        'www-authenticate':
          scheme === 'DPoP'
            ? `DPoP realm="gatehouse", error="invalid_token", ${algsParam}`
            : 'Bearer realm="gatehouse", error="invalid_token"',
      };
    };

    /** Records the failure (ctx.auth, security event) and builds the generic 401 with the right challenge. */
    const refuse = (
      ctx: RequestContext,
      reason: string,
      kind: Challenge,
      scheme: 'Bearer' | 'DPoP',
      credentialId: string | undefined,
    ): GatewayError => {
      const recorded = authFailure(ctx, deps, METHOD, reason, {
        scheme,
        ...(credentialId === undefined ? {} : { credentialId }),
      });
      const headers = challenge(kind, scheme);
      if (nonces !== undefined && headers['dpop-nonce'] === undefined && ctx.headers.dpop !== undefined) {
        headers['dpop-nonce'] = nonces.current(Date.now());
      }
      return new GatewayError('GW_UNAUTHORIZED', { reason: recorded.reason, headers });
    };

    /** Whether a proof's `htu` names this request (origin as the client addressed it, normalised path). */
    const htuMatcher = (ctx: RequestContext): ((htu: string) => boolean) => {
      let origin: string | undefined;
      let prefix = '';
      if (base !== undefined) {
        origin = base.origin;
        prefix = base.prefix;
      } else {
        const authority = ctx.headers.host ?? ctx.headers[':authority'];
        origin =
          typeof authority === 'string'
            ? normaliseOrigin(ctx.secure ? 'https' : 'http', authority)
            : undefined;
      }
      const want = prefix + ctx.path;
      const url = ctx.req.url ?? '';
      const q = url.indexOf('?');
      const rawPath = url.startsWith('/') ? (q < 0 ? url : url.slice(0, q)) : undefined;
      return (htu: string): boolean => {
        const p = parseHtu(htu);
        if (p === undefined || origin === undefined || p.origin !== origin) return false;
        const n = normalizeTarget(p.path);
        if (!isPathError(n) && n.path === want) return true;
        return prefix === '' && rawPath !== undefined && p.path === rawPath;
      };
    };

    const replayed = (ctx: RequestContext, credentialId: string | undefined): GatewayError =>
      refuse(ctx, 'dpop_replay', 'proof', 'DPoP', credentialId);

    const localMark = (ctx: RequestContext, key: string, credentialId: string | undefined): undefined => {
      const r = local.markIfAbsent(key, replayTtlMs, Date.now());
      if (r === 'full') {
        deps.logger.warn(
          { scope: deps.scope, 'http.request.id': ctx.id },
          'sender-constraint: in-process DPoP replay memory is full; refusing new proofs',
        );
        throw new GatewayError('GW_OVERLOADED', {
          reason: 'dpop_replay_cache_full',
          headers: { 'retry-after': '1' },
        });
      }
      if (!r) throw replayed(ctx, credentialId);
      return undefined;
    };

    const storeFailed = (
      ctx: RequestContext,
      key: string,
      credentialId: string | undefined,
      err: unknown,
    ): undefined => {
      deps.logger.warn(
        { err, 'http.request.id': ctx.id },
        'sender-constraint: state store failed (DPoP replay check)',
      );
      if (fallbackOnError) return localMark(ctx, key, credentialId);
      throw new GatewayError('GW_NOT_READY', {
        reason: 'store_unavailable',
        headers: { 'retry-after': '1' },
        cause: err,
      });
    };

    /** Marks the proof's jti; refuses a replay. Synchronous with the local store or no store. */
    const markJti = (
      ctx: RequestContext,
      proof: VerifiedDpopProof,
      credentialId: string | undefined,
    ): undefined | Promise<undefined> => {
      const key = dpopReplayKey(proof.jti);
      if (store === undefined) return localMark(ctx, key, credentialId);
      let r: boolean | Promise<boolean>;
      try {
        r = store.markIfAbsent(key, replayTtlMs);
      } catch (err) {
        return storeFailed(ctx, key, credentialId, err);
      }
      if (isThenable(r)) {
        return r.then(
          (fresh) => {
            if (!fresh) throw replayed(ctx, credentialId);
            return undefined;
          },
          (err: unknown) => storeFailed(ctx, key, credentialId, err),
        );
      }
      if (!r) throw replayed(ctx, credentialId);
      return undefined;
    };

    const checkProof = async (
      ctx: RequestContext,
      jkt: string,
      token: string,
      credentialId: string | undefined,
    ): Promise<undefined> => {
      const raw = ctx.headers.dpop;
      if (raw === undefined || raw === '')
        throw refuse(ctx, 'dpop_proof_missing', 'proof', 'DPoP', credentialId);
      if (typeof raw !== 'string') throw refuse(ctx, 'dpop_malformed', 'proof', 'DPoP', credentialId);
      const nowMs = Date.now();
      const outcome = await verifyDpopProof(raw, {
        method: ctx.method,
        htu: htuMatcher(ctx),
        accessToken: token,
        jkt,
        algorithms,
        nowS: nowMs / 1000,
        maxAgeS,
        leewayS,
        nonce: nonces === undefined ? undefined : (n: string) => nonces.valid(n, nowMs),
        maxBytes: d.max_proof_bytes,
      });
      if (!outcome.ok) {
        if (outcome.reason === 'nonce') throw refuse(ctx, 'dpop_nonce', 'nonce', 'DPoP', credentialId);
        throw refuse(ctx, `dpop_${outcome.reason}`, 'proof', 'DPoP', credentialId);
      }
      return markJti(ctx, outcome.proof, credentialId);
    };

    const onRequest = (ctx: RequestContext): undefined | Promise<undefined> => {
      if (hideProof) delete ctx.upstreamHeaders.dpop;
      const successes = ctx.auth.successes;
      if (successes.length === 0) return undefined;
      let jkt: string | undefined;
      let bound: PresentedToken | undefined;
      let credentialId: string | undefined;
      for (const s of successes) {
        const claims = s.claims;
        if (claims === undefined) continue;
        const presented = presentedToken(ctx, s.method);
        const scheme = presented?.scheme === 'dpop' ? 'DPoP' : 'Bearer';
        const cid = s.credentialId;
        const cnf = claims.cnf;
        if (cnf === undefined) {
          if (dpopRequired || certRequired || presented?.scheme === 'dpop') {
            throw refuse(ctx, 'token_not_bound', 'token', dpopRequired ? 'DPoP' : scheme, cid);
          }
          continue;
        }
        if (cnf === null || typeof cnf !== 'object' || Array.isArray(cnf)) {
          throw refuse(ctx, 'bad_cnf', 'token', scheme, cid);
        }
        const c = cnf as Readonly<Record<string, unknown>>;
        const x5t = c['x5t#S256'];
        const k = c.jkt;
        if (x5t === undefined && k === undefined) throw refuse(ctx, 'unsupported_cnf', 'token', scheme, cid);
        if (x5t !== undefined) {
          if (typeof x5t !== 'string' || x5t.length === 0 || x5t.length > MAX_THUMBPRINT_CHARS) {
            throw refuse(ctx, 'bad_cnf', 'token', scheme, cid);
          }
          const cert = ctx.auth.clientCertificate;
          if (cert === undefined) throw refuse(ctx, 'cert_required', 'token', scheme, cid);
          if (!sameThumbprint(cert.x5tS256, x5t))
            throw refuse(ctx, 'cert_binding_mismatch', 'token', scheme, cid);
        } else if (certRequired) {
          throw refuse(ctx, 'token_not_bound', 'token', scheme, cid);
        }
        if (k === undefined) {
          if (dpopRequired || presented?.scheme === 'dpop') {
            throw refuse(ctx, 'token_not_bound', 'token', 'DPoP', cid);
          }
          continue;
        }
        if (typeof k !== 'string' || k.length === 0 || k.length > MAX_THUMBPRINT_CHARS) {
          throw refuse(ctx, 'bad_cnf', 'token', 'DPoP', cid);
        }
        if (presented === undefined) throw refuse(ctx, 'no_access_token', 'token', 'DPoP', cid);
        if (presented.scheme !== 'dpop') throw refuse(ctx, 'dpop_downgrade', 'token', 'DPoP', cid);
        if (jkt !== undefined && (jkt !== k || bound?.token !== presented.token)) {
          // Two token authentications bound to different keys or tokens cannot share one proof.
          throw refuse(ctx, 'dpop_ambiguous', 'token', 'DPoP', cid);
        }
        jkt = k;
        bound = presented;
        credentialId = cid;
      }
      if (jkt === undefined || bound === undefined) return undefined;
      return checkProof(ctx, jkt, bound.token, credentialId);
    };
    if (nonces === undefined) return Object.freeze({ onRequest });
    return Object.freeze({
      onRequest,
      /** Hands the current nonce to every DPoP client, so it can refresh before its nonce expires. */
      onResponse(ctx: ResponseContext): undefined {
        if (ctx.headers.dpop !== undefined && ctx.responseHeaders['dpop-nonce'] === undefined) {
          ctx.responseHeaders['dpop-nonce'] = nonces.current(Date.now());
        }
        return undefined;
      },
    });
  },
});
