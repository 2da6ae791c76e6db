/**
 * Who a limit counts against: the `key` setting shared by `quota` and `concurrency-limit`,
 * compiled once per config load into a function of the request.
 *
 * Subjects are short, bounded store-key fragments that never carry a secret or a raw header:
 * - `consumer` → `c:<id>` (the authenticated consumer, `ctx.consumer`)
 * - `credential` → `k:<digest>` (the first authentication success that named a credential)
 * - `ip` → `ip:<address>` (the client address after trusted-proxy processing; IPv6 reduced to a prefix)
 * - `route` → `r:<route>`, `service` → `s:<service>`, `all` → `all`
 * - no material (with `on_missing_key: shared`) → `missing`
 * - `header:<name>` → `h:<digest>` (first value of that request header)
 */
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { GatewayError } from '../../errors/gateway-error.ts';
import { parseIp } from '../../lib/ip.ts';
import type { RequestContext } from '../../pipeline/types.ts';

/** Header-name characters (RFC 9110 token). */
const TOKEN = "[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}";

/** TypeBox schema of the `key` setting. */
export const KeySchema = (description: string, def: string) =>
  Type.String({
    pattern: `^(?:consumer|credential|ip|route|service|all|header:${TOKEN})$`,
    default: def,
    description,
  });

/** What to do with a request that has no material for the key (as `rate-limit`'s `on_missing_key`, plus `deny`). */
export type OnMissingKey = 'ip' | 'shared' | 'skip' | 'deny';

/** TypeBox schema of the `on_missing_key` setting. */
export const MissingKeySchema = Type.Union(
  [Type.Literal('ip'), Type.Literal('shared'), Type.Literal('skip'), Type.Literal('deny')],
  {
    default: 'ip',
    description:
      'When a request has no material for `key` (e.g. `consumer` on an anonymous request, an absent header): `ip` counts it against its client address, `shared` against one bucket shared by all such requests, `skip` does not count it, `deny` refuses it (403).',
  },
);

/** TypeBox schema of the `ipv6_prefix` setting. */
export const Ipv6PrefixSchema = Type.Integer({
  minimum: 32,
  maximum: 128,
  default: 64,
  description: 'IPv6 clients are counted per prefix of this length (a client usually controls a whole /64).',
});

/** What a compiled key yields for one request: a subject, or what to do without one. */
export type SubjectOf = (ctx: RequestContext) => string | undefined;

/** Consumer ids this shape are used verbatim (readable in the admin API); others are digested. */
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;

/** 22 base64url characters (132 bits) of SHA-256: a bounded, opaque store-key fragment. */
export function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 22);
}

/**
 * The subject of a consumer id, as `quota`/`concurrency-limit` with `key: consumer` count it.
 *
 * @example
 * consumerSubject('alice'); // 'c:alice'
 */
export function consumerSubject(id: string): string {
  return PLAIN_ID.test(id) ? `c:${id}` : `c#${digest(id)}`;
}

/**
 * The subject of a client address: IPv4 as is, IPv6 reduced to `prefix` bits (hex of the masked
 * bytes), anything unparseable shares one `ip:invalid` subject.
 *
 * @example
 * ipSubject('2001:db8:1:2:3:4:5:6', 64); // 'ip:20010db800010002/64'
 */
export function ipSubject(ip: string, prefix: number): string {
  const parsed = parseIp(ip);
  if (parsed === undefined) return 'ip:invalid';
  const b = parsed.bytes;
  if (parsed.version === 4) return `ip:${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
  const mapped = b.subarray(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
  if (mapped) return `ip:${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
  if (prefix >= 128) return `ip:${Buffer.from(b).toString('hex')}`;
  const whole = prefix >> 3;
  let hex = Buffer.from(b.subarray(0, whole)).toString('hex');
  const rest = prefix & 7;
  if (rest !== 0) hex += (b[whole]! & (0xff << (8 - rest)) & 0xff).toString(16).padStart(2, '0');
  return `ip:${hex}/${prefix}`;
}

/**
 * The subject of a request header value, as counted with `key: header:<name>`.
 *
 * @example
 * headerSubject('tenant-42'); // 'h:…' (a digest)
 */
export function headerSubject(value: string): string {
  return `h:${digest(value)}`;
}

/** The subject of a credential (authentication method + credential id). */
export function credentialSubject(method: string, credentialId: string): string {
  return `k:${digest(`${method}\0${credentialId}`)}`;
}

/**
 * Compiles `key` (+ `on_missing_key`, `ipv6_prefix`) into a function returning the subject of a
 * request, or `undefined` when the request must go through uncounted (`on_missing_key: skip`).
 * Requests without key material share the subject `missing` with `shared`; with `deny` the
 * function throws a 403 `GatewayError` (reason `no_limit_key`).
 *
 * @example
 * const subjectOf = compileSubject('consumer', 'ip', 64);
 * subjectOf(ctx); // 'c:alice', or 'ip:203.0.113.7' for an anonymous request
 */
export function compileSubject(key: string, missing: OnMissingKey, prefix: number): SubjectOf {
  const ip = (ctx: RequestContext) => ipSubject(ctx.clientIp, prefix);
  const orMissing = (ctx: RequestContext): string | undefined => {
    if (missing === 'ip') return ip(ctx);
    if (missing === 'shared') return 'missing';
    if (missing === 'skip') return undefined;
    throw new GatewayError('GW_FORBIDDEN', {
      reason: 'no_limit_key',
      detail: 'This request carries nothing to count it against.',
    });
  };
  switch (key) {
    case 'consumer':
      return (ctx) => {
        const c = ctx.consumer;
        return c === undefined ? orMissing(ctx) : consumerSubject(c.id);
      };
    case 'credential':
      return (ctx) => {
        for (const s of ctx.auth.successes) {
          if (s.credentialId !== undefined && s.credentialId !== '') {
            return credentialSubject(s.method, s.credentialId);
          }
        }
        return orMissing(ctx);
      };
    case 'ip':
      return ip;
    case 'route':
      return (ctx) => `r:${ctx.route.name}`;
    case 'service':
      return (ctx) => (ctx.route.service === undefined ? orMissing(ctx) : `s:${ctx.route.service}`);
    case 'all':
      return () => 'all';
    default: {
      if (!key.startsWith('header:')) throw new TypeError(`unknown key "${key}"`);
      const name = key.slice('header:'.length).toLowerCase();
      return (ctx) => {
        const v = ctx.headers[name];
        const first = Array.isArray(v) ? v[0] : v;
        return first === undefined || first === '' ? orMissing(ctx) : headerSubject(first);
      };
    }
  }
}

/**
 * The default counter bucket of a policy instance: where it is configured (`global`,
 * `service:orders`, `route:checkout`, `consumer:alice`), from `deps.scope` (`quota@route:checkout`).
 * Stable across reloads, so counters survive a config change.
 */
export function bucketOf(scope: string): string {
  const at = scope.indexOf('@');
  return at < 0 ? scope : scope.slice(at + 1);
}
