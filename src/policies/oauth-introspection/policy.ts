import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { recordFailure, recordSuccess } from '../../identity/consumer.ts';
import { recordPresentedToken, splitAuthorization, type TokenScheme } from '../../identity/dpop.ts';
import { authFailure } from '../../identity/errors.ts';
import type { AuthSuccess, Consumer } from '../../identity/types.ts';
import {
  definePolicy,
  type PolicyDeps,
  type PolicyInstance,
  type RequestContext,
} from '../../pipeline/types.ts';
import { audienceMatches, freezeJson, scopesOf } from '../jwt-auth/token.ts';
import { IntrospectionClient } from './client.ts';
import { type OAuthIntrospectionConfig, OAuthIntrospectionSchema } from './schema.ts';

const METHOD = 'oauth-introspection';
/** Longest consumer id / credential id taken from a response (they become header values). */
const MAX_ID_CHARS = 256;
/** At most one "endpoint failed" warning per this many ms (the security event is per request). */
const WARN_INTERVAL_MS = 1000;

/** Reasons of `oauth-introspection` failures (the `event.reason` of security events). */
export type IntrospectionFailureReason =
  | 'missing'
  | 'malformed'
  | 'too_large'
  | 'inactive'
  | 'expired'
  | 'not_yet_valid'
  | 'bad_issuer'
  | 'bad_audience'
  | 'missing_claim'
  | 'introspection_unavailable';

/** RFC 6750 §2.1 b64token. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const PRINTABLE_ID = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

function idClaim(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v !== 'string' || v.length > MAX_ID_CHARS || !PRINTABLE_ID.test(v)) return undefined;
  return v;
}

function finiteOrAbsent(v: unknown): number | undefined | null {
  if (v === undefined) return undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * What is remembered about one token: either a refusal (inactive, wrong issuer/audience, no consumer
 * claim) or an active result whose time bounds are re-checked on every use.
 */
type Entry =
  | {
      readonly ok: false;
      readonly reason: IntrospectionFailureReason;
      readonly credentialId: string | undefined;
      /** Approximate memory in bytes (for the cache bound). */
      readonly size: number;
    }
  | {
      readonly ok: true;
      readonly size: number;
      readonly exp: number | undefined;
      readonly nbf: number | undefined;
      readonly consumerId: string;
      readonly synthetic: Consumer;
      readonly success: Omit<AuthSuccess, 'consumer'>;
    };

/** An introspection round trip's outcome: an entry, or the endpoint failed. */
type Outcome = Entry | { readonly ok: 'error' };

/**
 * `oauth-introspection`: validates opaque access tokens (from `Authorization: Bearer` or `DPoP`) at an
 * RFC 7662 endpoint, POSTing `token=…&token_type_hint=access_token` with client authentication
 * (`client_secret_basic` or `client_secret_post`). The response must say `active: true`; `exp`/`nbf`
 * are checked with a leeway, `iss` and `aud` when configured. The consumer comes from
 * `consumer_claim` (a synthetic consumer when the directory does not know it); `scope`, `acr`, `amr`
 * and `auth_time` go to `ctx.auth`, and every member (including `cnf`, for `sender-constraint`) is kept
 * as the success's claims.
 *
 * Results are cached by SHA-256 of the token: active ones for at most `cache_ttl_s` and never past the
 * token's `exp`, refusals (inactive, wrong audience, …) for `negative_ttl_s`. Concurrent requests
 * with the same uncached token share one call. Endpoint failures (network, timeout, non-200, oversized
 * or non-JSON answer, `max_in_flight` reached) are never cached and fail closed with a 401
 * (`introspection_unavailable`), even with `optional`.
 *
 * @example
 * oauth-introspection:
 *   endpoint: https://idp.example.com/oauth2/introspect
 *   client_id: gateway
 *   client_secret: file:/run/secrets/introspection
 *   audiences: [orders-api]
 *   consumer_claim: client_id
 */
export const policy = definePolicy({
  name: METHOD,
  order: 735,
  phases: ['request'],
  status: 'beta',
  posture: 'hardened',
  description:
    'Validates opaque access tokens at an OAuth 2.0 introspection endpoint (RFC 7662), with client authentication and bounded caching.',
  supportsMode: true,
  schema: OAuthIntrospectionSchema,
  create(config: OAuthIntrospectionConfig, deps: PolicyDeps): PolicyInstance {
    let endpoint: URL;
    try {
      endpoint = new URL(config.endpoint);
    } catch {
      throw new TypeError('endpoint: must be an absolute http(s) URL');
    }
    if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') {
      throw new TypeError('endpoint: must be an absolute http(s) URL');
    }
    if (endpoint.username !== '' || endpoint.password !== '') {
      throw new TypeError('endpoint: put the client credentials in client_id/client_secret, not in the URL');
    }
    if (endpoint.protocol === 'http:') {
      if (!config.allow_http) throw new TypeError('endpoint: must use https (or set allow_http)');
      deps.logger.warn({ scope: deps.scope }, 'oauth-introspection: the endpoint is called over plain HTTP');
    }
    if (config.client_id === '' || config.client_secret === '') {
      throw new TypeError('client_id and client_secret are required');
    }
    const client = new IntrospectionClient({
      endpoint: endpoint.href,
      clientId: config.client_id,
      clientSecret: config.client_secret,
      clientAuth: config.client_auth,
      timeoutMs: config.timeout_ms,
      maxResponseBytes: config.max_response_bytes,
    });
    const positiveTtlMs = config.cache_ttl_s * 1000;
    const negativeTtlMs = config.negative_ttl_s * 1000;
    const cache =
      config.cache_max_entries > 0 && (positiveTtlMs > 0 || negativeTtlMs > 0)
        ? new LRUCache<string, Entry>({
            max: config.cache_max_entries,
            maxSize: config.cache_max_bytes,
            sizeCalculation: (v) => Math.max(1, v.size),
            ttlAutopurge: false,
            ttlResolution: 0,
            updateAgeOnGet: false,
          })
        : undefined;
    const inFlight = new Map<string, Promise<Outcome>>();
    const maxInFlight = config.max_in_flight;
    const audiences: ReadonlySet<string> = new Set(config.audiences);
    const issuer = config.issuer;
    const consumerClaim = config.consumer_claim;
    const leeway = config.leeway_s;
    const headerName = config.header;
    const schemeRequired = headerName === 'authorization';
    const maxToken = config.max_token_bytes;
    const hide = config.hide_credentials;
    const optional = config.optional;
    let lastWarn = 0;
    let suppressed = 0;

    const warn = (err: unknown): void => {
      const now = Date.now();
      if (now - lastWarn < WARN_INTERVAL_MS) {
        suppressed++;
        return;
      }
      lastWarn = now;
      deps.logger.warn(
        { scope: deps.scope, err: (err as Error).message, suppressed },
        'oauth-introspection: the introspection endpoint failed; tokens are refused until it answers',
      );
      suppressed = 0;
    };

    /** Turns an endpoint answer into a cache entry (every check that does not depend on time). */
    const toEntry = (body: Record<string, unknown>, bytes: number): Entry | undefined => {
      if (body.active !== true) return { ok: false, reason: 'inactive', credentialId: undefined, size: 64 };
      const exp = finiteOrAbsent(body.exp);
      const nbf = finiteOrAbsent(body.nbf);
      if (exp === null || nbf === null) return undefined;
      const sub = idClaim(body.sub);
      const refused = (reason: IntrospectionFailureReason): Entry => ({
        ok: false,
        reason,
        credentialId: sub,
        size: 600,
      });
      if (issuer !== undefined && body.iss !== issuer) return refused('bad_issuer');
      if (audiences.size > 0 && !audienceMatches(body.aud, audiences)) return refused('bad_audience');
      const consumerId = Object.hasOwn(body, consumerClaim) ? idClaim(body[consumerClaim]) : undefined;
      if (consumerId === undefined) return refused('missing_claim');
      const amr = Array.isArray(body.amr) ? body.amr.filter((m): m is string => typeof m === 'string') : [];
      return Object.freeze({
        ok: true,
        exp,
        nbf,
        size: bytes * 3 + 1024,
        consumerId,
        synthetic: Object.freeze({ id: consumerId, groups: Object.freeze([]), metadata: Object.freeze({}) }),
        success: Object.freeze({
          method: METHOD,
          credentialId: idClaim(body.jti) ?? sub,
          claims: freezeJson({ ...body }),
          scopes: Object.freeze(scopesOf(body)),
          acr: typeof body.acr === 'string' ? body.acr : undefined,
          amr: Object.freeze(amr),
          authTime:
            typeof body.auth_time === 'number' && Number.isFinite(body.auth_time)
              ? body.auth_time
              : undefined,
        }),
      });
    };

    const remember = (key: string, entry: Entry): void => {
      if (!cache) return;
      let ttl = entry.ok ? positiveTtlMs : negativeTtlMs;
      if (entry.ok && entry.exp !== undefined) ttl = Math.min(ttl, Math.floor(entry.exp * 1000 - Date.now()));
      if (ttl > 0) cache.set(key, entry, { ttl });
    };

    const introspect = (key: string, token: string): Promise<Outcome> => {
      const pending = inFlight.get(key);
      if (pending) return pending;
      if (inFlight.size >= maxInFlight) {
        warn(new Error(`${maxInFlight} introspection calls already in flight`));
        return Promise.resolve({ ok: 'error' });
      }
      const p = client.introspect(token).then(
        ({ body, bytes }): Outcome => {
          const entry = toEntry(body, bytes);
          if (entry === undefined) {
            warn(new Error('response has a non-numeric exp or nbf'));
            return { ok: 'error' };
          }
          remember(key, entry);
          return entry;
        },
        (err: unknown): Outcome => {
          warn(err);
          return { ok: 'error' };
        },
      );
      inFlight.set(key, p);
      void p.finally(() => inFlight.delete(key));
      return p;
    };

    const fail = (
      ctx: RequestContext,
      reason: IntrospectionFailureReason,
      credentialId?: string,
    ): undefined => {
      const err = authFailure(ctx, deps, METHOD, reason, credentialId === undefined ? {} : { credentialId });
      if (optional && reason !== 'introspection_unavailable') return undefined;
      throw err;
    };

    const missing = (ctx: RequestContext): undefined => {
      if (optional) {
        recordFailure(ctx, { method: METHOD, reason: 'missing', credentialId: undefined });
        return undefined;
      }
      throw authFailure(ctx, deps, METHOD, 'missing', { missing: true });
    };

    const apply = (ctx: RequestContext, outcome: Outcome): undefined => {
      if (outcome.ok === 'error') return fail(ctx, 'introspection_unavailable');
      if (!outcome.ok) return fail(ctx, outcome.reason, outcome.credentialId);
      const nowS = Date.now() / 1000;
      const cid = outcome.success.credentialId;
      if (outcome.exp !== undefined && nowS >= outcome.exp + leeway) return fail(ctx, 'expired', cid);
      if (outcome.nbf !== undefined && nowS < outcome.nbf - leeway) return fail(ctx, 'not_yet_valid', cid);
      const consumer = deps.consumers?.get(outcome.consumerId) ?? outcome.synthetic;
      recordSuccess(ctx, { ...outcome.success, consumer });
      return undefined;
    };

    return Object.freeze({
      onRequest(ctx: RequestContext): undefined | Promise<undefined> {
        const raw = ctx.headers[headerName];
        if (raw === undefined || raw === '') return missing(ctx);
        const up = ctx.upstreamHeaders;
        if (typeof raw !== 'string') {
          if (hide) delete up[headerName];
          return fail(ctx, 'malformed');
        }
        if (raw.length > maxToken + 64) {
          if (hide) delete up[headerName];
          return fail(ctx, 'too_large');
        }
        let token: string;
        let scheme: TokenScheme;
        const creds = splitAuthorization(raw);
        if (creds !== undefined) {
          token = creds.token;
          scheme = creds.scheme;
        } else if (schemeRequired) {
          // Another scheme (Basic, …): not ours, left for other policies.
          return missing(ctx);
        } else {
          token = raw;
          scheme = 'none';
        }
        if (hide) delete up[headerName];
        if (token.length > maxToken) return fail(ctx, 'too_large');
        if (!B64TOKEN.test(token)) return fail(ctx, 'malformed');
        recordPresentedToken(ctx, METHOD, token, scheme);
        const key = createHash('sha256').update(token, 'latin1').digest('base64url');
        const hit = cache?.get(key);
        if (hit !== undefined) return apply(ctx, hit);
        return introspect(key, token).then((outcome) => apply(ctx, outcome));
      },
      close() {
        cache?.clear();
        return client.close();
      },
    });
  },
});
