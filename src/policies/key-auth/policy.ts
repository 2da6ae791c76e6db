import { timingSafeEqual } from 'node:crypto';
import { GatewayError } from '../../errors/gateway-error.ts';
import { recordFailure, recordSuccess } from '../../identity/consumer.ts';
import {
  type ApiKeyRecord,
  apiKeyStatus,
  type CredentialDeps,
  type CredentialSource,
  isKeyHash,
} from '../../identity/credentials/index.ts';
import { authFailure } from '../../identity/errors.ts';
import { hasApiKeyShape, hashApiKey, keyIdOf, looksLikeApiKey } from '../../identity/keys.ts';
import { CONSUMER_HEADERS, type Consumer } from '../../identity/types.ts';
import {
  definePolicy,
  type HookResult,
  type MaybePromise,
  type PolicyDeps,
  type RequestContext,
} from '../../pipeline/types.ts';
import { DEFAULT_REDACT_QUERY_PARAMS } from '../../telemetry/access-log.ts';
import { credentialGate } from '../brute-force/gate.ts';
import { type KeyAuthConfig, KeyAuthSchema } from './schema.ts';

const METHOD = 'key-auth';

/** Headers that cannot carry an API key: credentials of other schemes, framing, hop-by-hop, routing. */
const RESERVED_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
]);

const BEARER_RE = /^bearer +([^ ]+) *$/i;

/** Query parameter name as the access log compares it: percent-decoded, `+` as space, lower-case. */
function decodeName(name: string): string {
  if (name.indexOf('%') === -1 && name.indexOf('+') === -1) return name.toLowerCase();
  try {
    return decodeURIComponent(name.replaceAll('+', ' ')).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

function decodeValue(value: string): string | undefined {
  if (value.indexOf('%') === -1 && value.indexOf('+') === -1) return value;
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/** `path?query` without every occurrence of the parameter `name` (compared like {@link decodeName}). */
export function removeQueryParam(pathAndQuery: string, name: string): string {
  const q = pathAndQuery.indexOf('?');
  if (q === -1) return pathAndQuery;
  const kept: string[] = [];
  for (const piece of pathAndQuery.slice(q + 1).split('&')) {
    const eq = piece.indexOf('=');
    if (decodeName(eq === -1 ? piece : piece.slice(0, eq)) !== name) kept.push(piece);
  }
  const base = pathAndQuery.slice(0, q);
  return kept.length === 0 ? base : `${base}?${kept.join('&')}`;
}

/** Where the key was found in one request. */
interface Presented {
  /** Number of places (or values) a key was presented in. */
  count: number;
  /** The (last) presented value; '' for an empty or undecodable one. */
  key: string;
  /** A single header carried several values (`a, b`). */
  multiple: boolean;
  bearer: boolean;
  query: boolean;
}

/**
 * `key-auth`: authenticates a request by an API key from a header (default `X-API-Key`), from
 * `Authorization: Bearer` (when the token has a key's shape), or — only when a route opts in — from
 * one query parameter. Checks, in order: shape and checksum (no store access for garbage), lookup by
 * SHA-256 (config keys first, then the persistent store) with a constant-time comparison of the
 * digests, revocation, `not_before`, expiry (and the end of a rotation's grace window), and that the
 * consumer exists. Success sets the consumer (X-Consumer-Id/-Groups, X-Credential-Id upstream);
 * failure is a generic 401 with reason `missing`, `malformed`, `ambiguous`, `unknown`, `revoked`,
 * `not_yet_valid`, `expired` or `unknown_consumer` in logs, events and metrics. The key never appears
 * in a log line: failures carry the key id, or a hash-derived id for unknown well-formed keys.
 *
 * @example
 * key-auth:
 *   header: x-api-key
 *   query_param: api_key   # only for clients that cannot send headers
 */
export const policy = definePolicy({
  name: 'key-auth',
  order: 750,
  phases: ['request'],
  status: 'beta',
  posture: 'hardened',
  description: 'Authenticates API keys (hashed, checksummed, revocable, rotatable with a grace window).',
  supportsMode: true,
  schema: KeyAuthSchema,
  create(config: KeyAuthConfig, deps: PolicyDeps) {
    const header = config.header.toLowerCase();
    if (RESERVED_HEADERS.has(header)) {
      throw new TypeError(`key-auth: header "${config.header}" cannot carry an API key`);
    }
    const queryParam = config.query_param?.toLowerCase();
    if (queryParam !== undefined && !DEFAULT_REDACT_QUERY_PARAMS.includes(queryParam)) {
      throw new TypeError(`key-auth: query_param "${queryParam}" is not always redacted by the access log`);
    }
    const bearer = config.bearer;
    const hide = config.hide_credentials;
    const optional = config.optional;
    const consumers = deps?.consumers;
    const credentials: CredentialSource | undefined = (deps as (PolicyDeps & CredentialDeps) | undefined)
      ?.credentials;
    if (credentials?.open) credentials.open();
    if (credentials === undefined) {
      deps?.logger?.warn({ policy: METHOD }, 'key-auth has no credential store: every key is refused');
    }
    let anonymous: Consumer | undefined;
    if (config.anonymous !== undefined) {
      if (!optional) throw new TypeError('key-auth: "anonymous" requires "optional: true"');
      anonymous = consumers
        ? consumers.get(config.anonymous)
        : Object.freeze({ id: config.anonymous, groups: Object.freeze([]), metadata: Object.freeze({}) });
      if (anonymous === undefined) {
        throw new TypeError(`key-auth: anonymous consumer "${config.anonymous}" is not a known consumer`);
      }
    }
    const scheme = bearer ? 'Bearer' : 'ApiKey';
    let lastStoreWarning = 0;

    const present = (ctx: RequestContext): Presented => {
      const p: Presented = { count: 0, key: '', multiple: false, bearer: false, query: false };
      const hv = ctx.headers[header];
      if (hv !== undefined) {
        if (Array.isArray(hv)) {
          p.count += hv.length;
          p.key = hv[0] ?? '';
        } else {
          p.count++;
          p.key = hv;
          if (hv.indexOf(',') !== -1) p.multiple = true;
        }
      }
      if (bearer) {
        const auth = ctx.headers.authorization;
        if (typeof auth === 'string') {
          const m = BEARER_RE.exec(auth);
          if (m !== null && hasApiKeyShape(m[1]!)) {
            p.count++;
            p.key = m[1]!;
            p.bearer = true;
          }
        }
      }
      if (queryParam !== undefined && ctx.query !== '') {
        for (const piece of ctx.query.split('&')) {
          const eq = piece.indexOf('=');
          if (decodeName(eq === -1 ? piece : piece.slice(0, eq)) !== queryParam) continue;
          p.count++;
          p.query = true;
          p.key = eq === -1 ? '' : (decodeValue(piece.slice(eq + 1)) ?? '');
        }
      }
      return p;
    };

    const applyAnonymous = (ctx: RequestContext): void => {
      if (anonymous === undefined || ctx.consumer !== undefined) return;
      ctx.consumer = { id: anonymous.id, groups: anonymous.groups };
      const h = ctx.upstreamHeaders;
      h[CONSUMER_HEADERS.id] = anonymous.id;
      if (anonymous.groups.length) h[CONSUMER_HEADERS.groups] = anonymous.groups.join(',');
      h[CONSUMER_HEADERS.anonymous] = 'true';
    };

    const fail = (ctx: RequestContext, reason: string, credentialId: string | undefined): undefined => {
      const err = authFailure(ctx, deps, METHOD, reason, { credentialId, scheme });
      if (optional) return undefined;
      throw err;
    };

    const storeDown = (ctx: RequestContext, err: unknown): GatewayError => {
      recordFailure(ctx, { method: METHOD, reason: 'store_unavailable', credentialId: undefined });
      const now = Date.now();
      if (now - lastStoreWarning > 5000) {
        lastStoreWarning = now;
        deps?.logger?.warn(
          { policy: METHOD, err: { message: (err as Error)?.message } },
          'credential store unavailable: API keys are refused (503) until it is back',
        );
      }
      return new GatewayError('GW_NOT_READY', { reason: `${METHOD}:store_unavailable`, cause: err });
    };

    /** Asks brute-force's gate (if any) about the key's id before telling a good key from a bad one. */
    const decide = (
      ctx: RequestContext,
      rec: ApiKeyRecord | undefined,
      hash: string,
    ): undefined | Promise<undefined> => {
      const known = rec !== undefined && isKeyHash(rec.hash);
      const pending = credentialGate(ctx)?.check(ctx, METHOD, known ? rec.id : keyIdOf(hash));
      if (pending !== undefined && typeof (pending as Promise<void>).then === 'function') {
        return (pending as Promise<void>).then(() => judge(ctx, rec, hash));
      }
      return judge(ctx, rec, hash);
    };

    const judge = (ctx: RequestContext, rec: ApiKeyRecord | undefined, hash: string): undefined => {
      // The store found the record by hash; compare the full hashes once more, in constant time
      // (both are `sha256:` + 64 hex, so equal lengths once isKeyHash holds).
      if (rec === undefined || !isKeyHash(rec.hash)) return fail(ctx, 'unknown', keyIdOf(hash));
      if (!timingSafeEqual(Buffer.from(rec.hash, 'latin1'), Buffer.from(hash, 'latin1'))) {
        return fail(ctx, 'unknown', keyIdOf(hash));
      }
      const status = apiKeyStatus(rec, Date.now());
      if (status !== 'ok') return fail(ctx, status, rec.id);
      const consumer = consumers?.get(rec.consumerId);
      if (consumer === undefined) return fail(ctx, 'unknown_consumer', rec.id);
      recordSuccess(ctx, {
        method: METHOD,
        consumer,
        credentialId: rec.id,
        claims: undefined,
        scopes: [],
        acr: undefined,
        amr: [],
        authTime: undefined,
      });
      return undefined;
    };

    return Object.freeze({
      onRequest(ctx: RequestContext): MaybePromise<HookResult> {
        const p = present(ctx);
        // X-Anonymous-Consumer is gateway-set but not in the default strip list: never let a client's through.
        if (ctx.consumer === undefined) delete ctx.upstreamHeaders[CONSUMER_HEADERS.anonymous];
        if (hide) {
          if (ctx.upstreamHeaders[header] !== undefined) delete ctx.upstreamHeaders[header];
          if (p.bearer) delete ctx.upstreamHeaders.authorization;
        }
        if (p.query) ctx.upstreamPath = removeQueryParam(ctx.upstreamPath, queryParam!);
        if (p.count === 0) {
          if (optional) {
            recordFailure(ctx, { method: METHOD, reason: 'missing', credentialId: undefined });
            applyAnonymous(ctx);
            return undefined;
          }
          throw authFailure(ctx, deps, METHOD, 'missing', { missing: true, scheme });
        }
        if (p.count > 1 || p.multiple) return fail(ctx, 'ambiguous', undefined);
        const key = p.key;
        if (!looksLikeApiKey(key)) return fail(ctx, 'malformed', undefined);
        const hash = hashApiKey(key);
        if (credentials === undefined) return fail(ctx, 'unknown', keyIdOf(hash));
        let found: MaybePromise<ApiKeyRecord | undefined>;
        try {
          found = credentials.find(hash);
        } catch (err) {
          throw storeDown(ctx, err);
        }
        if (found !== undefined && typeof (found as Promise<unknown>).then === 'function') {
          return (found as Promise<ApiKeyRecord | undefined>).then(
            (rec) => decide(ctx, rec, hash),
            (err: unknown) => {
              throw storeDown(ctx, err);
            },
          );
        }
        return decide(ctx, found as ApiKeyRecord | undefined, hash);
      },
    });
  },
});
