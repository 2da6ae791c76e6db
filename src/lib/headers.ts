/**
 * Header hygiene shared by the request and response paths.
 */

/** Hop-by-hop headers (RFC 9110 §7.6.1) plus the legacy ones proxies must not forward. */
export const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-authorization',
  'proxy-authenticate',
  'http2-settings',
]);

/** Request headers never forwarded upstream besides the hop-by-hop ones. */
const REQUEST_DROP: ReadonlySet<string> = new Set([
  ...HOP_BY_HOP,
  'expect',
  'host',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-real-ip',
  'forwarded',
]);

/** Response headers never passed to the client: hop-by-hop and version/stack disclosure. */
export const RESPONSE_DROP: ReadonlySet<string> = new Set([
  ...HOP_BY_HOP,
  'server',
  'x-powered-by',
  'x-aspnet-version',
  'x-aspnetmvc-version',
]);

/** A compiled set of header names: exact names and `prefix*` wildcards, lower-case. */
export interface HeaderNameSet {
  has(name: string): boolean;
  readonly empty: boolean;
}

/**
 * Compiles `['x-consumer-*', 'x-internal']` into a matcher.
 *
 * @example compileHeaderNameSet(['x-consumer-*']).has('x-consumer-id') // true
 */
export function compileHeaderNameSet(patterns: readonly string[]): HeaderNameSet {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const p of patterns) {
    const l = p.toLowerCase();
    if (l.endsWith('*')) prefixes.push(l.slice(0, -1));
    else exact.add(l);
  }
  const empty = exact.size === 0 && prefixes.length === 0;
  return {
    empty,
    has(name: string): boolean {
      if (exact.has(name)) return true;
      for (let i = 0; i < prefixes.length; i++) if (name.startsWith(prefixes[i]!)) return true;
      return false;
    },
  };
}

/** Names listed in a Connection header value (lower-case, trimmed). */
export function connectionTokens(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const s = Array.isArray(value) ? value.join(',') : value;
  const out: string[] = [];
  for (const part of s.split(',')) {
    const t = part.trim().toLowerCase();
    if (t && t !== 'close' && t !== 'keep-alive') out.push(t);
  }
  return out;
}

/**
 * Copies the client's headers for the upstream: drops hop-by-hop headers, every header named in
 * `Connection`, forwarding headers (set again by the caller from the real peer), `strip` matches and
 * HTTP/2 pseudo-headers (`:method`, `:path`, `:authority`, `:scheme`, which Node's compatibility API
 * puts in `req.headers`; they are never valid HTTP/1.1 field names).
 */
export function upstreamRequestHeaders(
  incoming: Record<string, string | string[] | undefined>,
  strip: HeaderNameSet,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const conn = incoming.connection;
  const named = conn === undefined ? undefined : connectionTokens(conn);
  for (const k in incoming) {
    if (k.charCodeAt(0) === 58 /* : */ || REQUEST_DROP.has(k)) continue;
    if (!strip.empty && strip.has(k)) continue;
    const v = incoming[k];
    if (v === undefined) continue;
    out[k] = v;
  }
  if (named) for (const n of named) delete out[n];
  return out;
}

/** RFC 7239 node: IPv6 addresses are quoted and bracketed. */
export function forwardedNode(ip: string): string {
  return ip.includes(':') ? `"[${ip}]"` : ip;
}

/** A header value is safe to forward/emit when it has no CR, LF or NUL. */
export function isSafeHeaderValue(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 13 || c === 10 || c === 0) return false;
  }
  return true;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** RFC 9110 token (valid header name). */
export function isToken(s: string): boolean {
  return TOKEN.test(s);
}
