import { createHash } from 'node:crypto';
import { GatewayError } from '../../errors/gateway-error.ts';
import { normalizeIp, parseIp } from '../../lib/ip.ts';
import {
  definePolicy,
  type HookResult,
  type MaybePromise,
  type PolicyDeps,
  type RequestContext,
  type ResponseContext,
} from '../../pipeline/types.ts';
import type { StateStore } from '../../stores/types.ts';
import { banRegistry } from '../../traffic/bans.ts';
import { isCredentialFailure } from '../auth-requirement/results.ts';
import { type CredentialGate, GATE_STATE_KEY } from './gate.ts';
import { type BruteForceConfig, BruteForceSchema } from './schema.ts';

const NAME = 'brute-force';
/** At most this many distinct credential ids are counted per failed request. */
const MAX_CREDENTIALS_PER_REQUEST = 8;
/** A refused subject produces at most one `auth_blocked` event per this interval (per worker). */
const EVENT_INTERVAL_MS = 10_000;
const EVENT_MEMORY = 4096;

function isThenable<T>(v: MaybePromise<T>): v is Promise<T> {
  return v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * The counting key of a client address: IPv4 (and IPv4-mapped IPv6) as is, IPv6 reduced to its
 * `prefix` (hex of the masked bytes), anything unparseable shares one `invalid` bucket.
 *
 * @example
 * clientKey('2001:db8:1:2:3:4:5:6', 64); // '20010db800010002/64'
 */
export function clientKey(ip: string, prefix: number): string {
  const n = normalizeIp(ip);
  if (n === undefined) return 'invalid';
  if (!n.includes(':') || prefix >= 128) return n;
  const parsed = parseIp(n);
  if (parsed === undefined) return 'invalid';
  const whole = prefix >> 3;
  let hex = Buffer.from(parsed.bytes.subarray(0, whole)).toString('hex');
  const rest = prefix & 7;
  if (rest !== 0) hex += (parsed.bytes[whole]! & (0xff << (8 - rest)) & 0xff).toString(16).padStart(2, '0');
  return `${hex}/${prefix}`;
}

/** Store-key form of a credential: never the id itself (it may be long, odd or personal). */
function credentialKey(method: string, credentialId: string): string {
  return createHash('sha256')
    .update(method)
    .update('\0')
    .update(credentialId)
    .digest('base64url')
    .slice(0, 22);
}

/**
 * `brute-force` (order 760, before authentication): counts failed authentications per client
 * address and per credential id in the state store (exact across workers, and across nodes with
 * Redis) and blocks with exponential back-off.
 *
 * Counting happens in the response phase, for 401 answers that carry a credential failure in
 * `ctx.auth.failures` (a missing credential, or a 401 from an authorization policy, is not a
 * guess); with `count_upstream_401` an upstream 401 counts for the address too.
 * - `max_failures` (per credential; per address unless `max_failures_per_ip`) within `window_s`
 *   blocks the subject for `base_block_s`, doubling with each repeated block up to `max_block_s`;
 *   the level resets `decay_s` after the first block of a series.
 * - `max_distinct_credentials` distinct credential ids failing from one address within `window_s`
 *   block the address (credential stuffing).
 *
 * A blocked address gets `429` with `Retry-After` before any authentication runs (reason
 * `auth_blocked`, security event `auth_blocked`). Blocked credentials are refused by the
 * authentication method through {@link CredentialGate} (`ctx.state['brute-force']`), before the
 * secret is verified. Counters are shared by every `brute-force` instance of the gateway. Store
 * failures: `on_store_error: deny` (default) answers 503, `allow` lets the request through.
 *
 * @example
 * brute-force:
 *   max_failures: 5
 *   window_s: 600
 *   max_distinct_credentials: 10
 */
export const policy = definePolicy({
  name: NAME,
  order: 760,
  phases: ['request', 'response'],
  status: 'beta',
  posture: 'hardened',
  description:
    'Blocks client addresses and credentials after repeated failed authentications (exponential back-off, credential-stuffing detection).',
  supportsMode: true,
  schema: BruteForceSchema,
  create(config: BruteForceConfig, deps: PolicyDeps) {
    const maybeStore = deps.store;
    if (maybeStore === undefined) throw new TypeError('brute-force: needs the state store');
    const store: StateStore = maybeStore;
    if (config.max_block_s < config.base_block_s) {
      throw new TypeError('brute-force: "max_block_s" must be at least "base_block_s"');
    }
    const windowMs = config.window_s * 1000;
    const baseMs = config.base_block_s * 1000;
    const maxMs = config.max_block_s * 1000;
    const decayMs = config.decay_s * 1000;
    const credMax = config.max_failures;
    const ipMax = config.max_failures_per_ip ?? config.max_failures;
    const maxDistinct = config.max_distinct_credentials;
    const prefix = config.ipv6_prefix;
    const failOpen = config.on_store_error === 'allow';
    const lastEvent = new Map<string, number>();

    const fields = (ctx: RequestContext): Record<string, unknown> => ({
      'client.ip': ctx.clientIp,
      'http.request.id': ctx.id,
      'gatehouse.route': ctx.route.name,
    });

    const storeFailed = (ctx: RequestContext, err: unknown): undefined => {
      deps.logger.warn({ err, 'http.request.id': ctx.id }, 'brute-force: state store failed');
      if (failOpen) return undefined;
      throw new GatewayError('GW_NOT_READY', {
        reason: 'store_unavailable',
        headers: { 'retry-after': '1' },
        cause: err,
      });
    };

    const refuseIfBlocked = (
      ctx: RequestContext,
      ttlMs: number,
      subject: string,
      reason: string,
    ): undefined => {
      if (!(ttlMs > 0)) return undefined;
      const retryAfter = Math.max(1, Math.ceil(ttlMs / 1000));
      const now = Date.now();
      const last = lastEvent.get(subject);
      if (last === undefined || now - last >= EVENT_INTERVAL_MS) {
        if (lastEvent.size >= EVENT_MEMORY) lastEvent.clear();
        lastEvent.set(subject, now);
        deps.event('auth_blocked', {
          ...fields(ctx),
          'event.reason': reason,
          'gatehouse.policy': NAME,
          'gatehouse.retry_after_s': retryAfter,
        });
      }
      throw new GatewayError('GW_RATE_LIMITED', {
        reason: reason === 'ip_blocked' ? 'auth_blocked' : reason,
        headers: { 'retry-after': String(retryAfter) },
      });
    };

    /** Checks one block mark; sync when the store is. */
    const checkBlock = (ctx: RequestContext, subject: string, reason: string): MaybePromise<undefined> => {
      let ttl: MaybePromise<number>;
      try {
        ttl = store.markTtl(`bf:b:${subject}`);
      } catch (err) {
        return storeFailed(ctx, err);
      }
      if (isThenable(ttl)) {
        return ttl.then(
          (t) => refuseIfBlocked(ctx, t, subject, reason),
          (err: unknown) => storeFailed(ctx, err),
        );
      }
      return refuseIfBlocked(ctx, ttl, subject, reason);
    };

    const gate: CredentialGate = Object.freeze({
      check(ctx: RequestContext, method: string, credentialId: string): MaybePromise<void> {
        return checkBlock(ctx, `cr:${credentialKey(method, credentialId)}`, 'credential_blocked');
      },
    });

    const block = async (
      ctx: RequestContext,
      subject: string,
      reason: string,
      counter: string,
    ): Promise<void> => {
      const level = await store.incr(`bf:l:${subject}`, 1, decayMs);
      const ms = Math.min(baseMs * 2 ** Math.min(Math.max(level, 1) - 1, 40), maxMs);
      await store.mark(`bf:b:${subject}`, ms);
      await store.delete(counter);
      const isIp = subject.startsWith('ip:');
      const t = Date.now();
      banRegistry.record(
        {
          id: `${NAME}:${deps.scope}:${subject}`,
          policy: NAME,
          scope: deps.scope,
          subject: isIp ? 'ip' : 'credential',
          ...(isIp ? { client_ip: subject.slice(3) } : {}),
          route: ctx.route.name,
          level,
          since: t,
          until: t + ms,
        },
        () => store.delete(`bf:b:${subject}`),
      );
      deps.event('auth_block_started', {
        ...fields(ctx),
        'event.reason': reason,
        'gatehouse.policy': NAME,
        'gatehouse.block.subject': subject.startsWith('ip:') ? 'ip' : 'credential',
        'gatehouse.block.level': level,
        'gatehouse.block.duration_s': ms / 1000,
      });
    };

    const record = async (ctx: RequestContext, ip: string, credentials: readonly string[]): Promise<void> => {
      const ipSubject = `ip:${ip}`;
      const ipCounter = `bf:f:${ipSubject}`;
      if ((await store.incr(ipCounter, 1, windowMs)) === ipMax) {
        await block(ctx, ipSubject, 'too_many_failures', ipCounter);
      }
      for (const cred of credentials) {
        const credSubject = `cr:${cred}`;
        const credCounter = `bf:f:${credSubject}`;
        if ((await store.incr(credCounter, 1, windowMs)) === credMax) {
          await block(ctx, credSubject, 'too_many_failures', credCounter);
        }
        if (maxDistinct > 0 && (await store.markIfAbsent(`bf:p:${ip}:${cred}`, windowMs))) {
          const distinct = `bf:d:${ipSubject}`;
          if ((await store.incr(distinct, 1, windowMs)) === maxDistinct) {
            await block(ctx, ipSubject, 'credential_stuffing', distinct);
          }
        }
      }
    };

    return Object.freeze({
      onRequest(ctx: RequestContext): MaybePromise<HookResult> {
        ctx.state[GATE_STATE_KEY] = gate;
        return checkBlock(ctx, `ip:${clientKey(ctx.clientIp, prefix)}`, 'ip_blocked');
      },

      onResponse(ctx: ResponseContext): Promise<void> | undefined {
        if (ctx.status !== 401) return undefined;
        let failed = false;
        const credentials: string[] = [];
        for (const f of ctx.auth.failures) {
          if (!isCredentialFailure(f)) continue;
          failed = true;
          if (f.credentialId === undefined || f.credentialId === '') continue;
          if (credentials.length >= MAX_CREDENTIALS_PER_REQUEST) continue;
          const key = credentialKey(f.method, f.credentialId);
          if (!credentials.includes(key)) credentials.push(key);
        }
        if (!failed && !(config.count_upstream_401 && !ctx.local)) return undefined;
        return record(ctx, clientKey(ctx.clientIp, prefix), credentials).catch((err: unknown) => {
          deps.logger.warn(
            { err, 'http.request.id': ctx.id },
            'brute-force: could not count a failed authentication (state store failed)',
          );
        });
      },
    });
  },
});
