import { GatewayError } from '../../errors/gateway-error.ts';
import {
  definePolicy,
  type LocalReply,
  type RequestContext,
  type ResponseContext,
} from '../../pipeline/types.ts';
import { assertHeaderName } from '../headers/hygiene.ts';
import { type CorsConfig, CorsSchema } from './schema.ts';

/** Longest Origin / Access-Control-Request-Headers value considered at all. */
const MAX_ORIGIN = 512;
const MAX_REQUEST_HEADERS = 4096;
/** A serialized origin as browsers send it: lower-case scheme and host, optional port, nothing else. */
const ORIGIN_RE = /^[a-z][a-z0-9+.-]*:\/\/(?:[a-z0-9_.-]+|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/;
/** Config form of an origin before normalisation (any case, no path/query/userinfo). */
const CONFIG_ORIGIN_RE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#@\s\\]+$/;
const LABELS_RE = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;
const TOKEN_RE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `ctx.state` key marking a preflight this policy answered (its response hook then does nothing). */
const STATE_KEY = 'cors';

const UPSTREAM_CORS_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-expose-headers',
  'access-control-max-age',
  'access-control-allow-private-network',
] as const;

/** Normalises a configured origin (`HTTPS://Example.com:443` → `https://example.com`). */
function normalizeOrigin(entry: string): string {
  if (!CONFIG_ORIGIN_RE.test(entry)) {
    throw new TypeError(
      `cors: allow_origins: ${JSON.stringify(entry)} must be scheme://host[:port] with no path, query or credentials`,
    );
  }
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new TypeError(`cors: allow_origins: ${JSON.stringify(entry)} is not a valid origin`);
  }
  // Non-special schemes (e.g. chrome-extension://id) have an opaque URL origin; browsers send them verbatim.
  const origin = url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : entry.toLowerCase();
  if (!ORIGIN_RE.test(origin))
    throw new TypeError(`cors: allow_origins: ${JSON.stringify(entry)} is not a valid origin`);
  return origin;
}

interface SubdomainRule {
  readonly prefix: string;
  readonly suffix: string;
}

function compileSubdomain(entry: string): SubdomainRule {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)\*\.(.+)$/.exec(entry);
  if (m === null)
    throw new TypeError(
      `cors: allow_origins: ${JSON.stringify(entry)}: "*" is only allowed as "scheme://*.domain"`,
    );
  const base = normalizeOrigin(`${m[1]}${m[2]}`);
  const scheme = base.slice(0, base.indexOf('://') + 3);
  const rest = base.slice(scheme.length);
  if (rest.startsWith('[') || /^[0-9.]+(?::|$)/.test(rest) || !rest.includes('.')) {
    throw new TypeError(
      `cors: allow_origins: ${JSON.stringify(entry)}: the wildcard needs a registrable domain`,
    );
  }
  return Object.freeze({ prefix: scheme, suffix: `.${rest}` });
}

function compilePattern(source: string): RegExp {
  try {
    return new RegExp(`^(?:${source})$`);
  } catch (err) {
    throw new TypeError(
      `cors: allow_origin_patterns: ${JSON.stringify(source)} is not a valid regular expression`,
      {
        cause: err,
      },
    );
  }
}

function appendVary(headers: Record<string, string | string[]>, value: string): void {
  const current = headers.vary;
  if (current === undefined) {
    headers.vary = value;
    return;
  }
  const joined = Array.isArray(current) ? current.join(', ') : current;
  const tokens = joined
    .toLowerCase()
    .split(',')
    .map((t) => t.trim());
  if (tokens.includes('*') || tokens.includes(value.toLowerCase())) return;
  headers.vary = joined === '' ? value : `${joined}, ${value}`;
}

function denied(reason: string, detail: string): GatewayError {
  return new GatewayError('GW_CORS_DENIED', { reason, detail });
}

/**
 * `cors`: answers CORS preflights (204 with the allowed methods/headers) for allowed origins and
 * adds `Access-Control-Allow-Origin` (the origin, or `*` when configured without credentials),
 * `Vary: Origin` and expose headers to every response. A preflight from an origin that is not
 * allowed (or asking for a method/header that is not) is refused with `GW_CORS_DENIED`. Origins are
 * never reflected unless listed, matched by `https://*.domain`, or matched in full by a pattern;
 * `null` only when listed. CORS headers from the upstream are removed so the policy is authoritative.
 *
 * @example
 * cors:
 *   allow_origins: [https://app.example.com, https://*.example.org]
 *   allow_methods: [GET, POST, DELETE]
 *   allow_headers: [content-type, authorization]
 *   allow_credentials: true
 */
export const policy = definePolicy({
  name: 'cors',
  order: 950,
  phases: ['request', 'response'],
  status: 'stable',
  posture: 'hardened',
  description:
    'Cross-origin resource sharing: preflight answers and CORS response headers for allowed origins.',
  supportsMode: true,
  schema: CorsSchema,
  create(config: CorsConfig) {
    const credentials = config.allow_credentials;
    const exact = new Set<string>();
    const subdomains: SubdomainRule[] = [];
    let anyOrigin = false;
    for (const entry of config.allow_origins) {
      if (entry === '*') anyOrigin = true;
      else if (entry === 'null') exact.add('null');
      else if (entry.includes('*')) subdomains.push(compileSubdomain(entry));
      else exact.add(normalizeOrigin(entry));
    }
    const patterns = config.allow_origin_patterns.map(compilePattern);
    if (!anyOrigin && exact.size === 0 && subdomains.length === 0 && patterns.length === 0) {
      throw new TypeError('cors: configure allow_origins or allow_origin_patterns');
    }
    if (anyOrigin && credentials) {
      throw new TypeError(
        'cors: allow_origins "*" cannot be combined with allow_credentials (list the origins instead)',
      );
    }

    let anyMethod = false;
    const methods = new Set<string>();
    for (const m of config.allow_methods) {
      if (!TOKEN_RE.test(m)) throw new TypeError(`cors: allow_methods: ${JSON.stringify(m)} is not a method`);
      if (m === '*') anyMethod = true;
      else methods.add(m.toUpperCase());
    }
    let anyHeader = false;
    const allowHeaders = new Set<string>();
    for (const h of config.allow_headers) {
      if (h === '*') anyHeader = true;
      else allowHeaders.add(assertHeaderName(h, 'cors: allow_headers'));
    }
    const expose = new Set<string>();
    for (const h of config.expose_headers) {
      if (h === '*') {
        if (credentials)
          throw new TypeError(
            'cors: expose_headers "*" is treated literally with credentials; list the headers',
          );
        expose.add('*');
      } else {
        expose.add(assertHeaderName(h, 'cors: expose_headers'));
      }
    }
    const methodsValue = [...methods].join(', ');
    const allowHeadersValue = [...allowHeaders].join(', ');
    const exposeValue = expose.size > 0 ? [...expose].join(', ') : undefined;
    const maxAge = String(config.max_age);
    const privateNetwork = config.allow_private_network;
    const preflightVary = privateNetwork
      ? 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network'
      : 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers';

    const originAllowed = (origin: unknown): origin is string => {
      if (typeof origin !== 'string' || origin.length > MAX_ORIGIN) return false;
      if (exact.has(origin)) return true;
      if (!ORIGIN_RE.test(origin)) return false;
      if (anyOrigin) return true;
      for (const rule of subdomains) {
        if (
          origin.length > rule.prefix.length + rule.suffix.length &&
          origin.startsWith(rule.prefix) &&
          origin.endsWith(rule.suffix) &&
          LABELS_RE.test(origin.slice(rule.prefix.length, origin.length - rule.suffix.length))
        ) {
          return true;
        }
      }
      for (const re of patterns) if (re.test(origin)) return true;
      return false;
    };

    /** Lower-cased requested header names, or undefined when one is malformed or not allowed. */
    const requestedHeaders = (value: unknown): string[] | undefined => {
      if (value === undefined) return [];
      if (typeof value !== 'string' || value.length > MAX_REQUEST_HEADERS) return undefined;
      const out: string[] = [];
      for (const part of value.split(',')) {
        const name = part.trim().toLowerCase();
        if (name === '') continue;
        if (!TOKEN_RE.test(name)) return undefined;
        if (!anyHeader && !allowHeaders.has(name)) return undefined;
        out.push(name);
      }
      return out;
    };

    return Object.freeze({
      onRequest(ctx: RequestContext): LocalReply | undefined {
        if (ctx.method !== 'OPTIONS') return undefined;
        const headers = ctx.headers;
        const origin = headers.origin;
        const requestMethod = headers['access-control-request-method'];
        if (origin === undefined || requestMethod === undefined) return undefined;
        if (!originAllowed(origin)) throw denied('cors_origin_denied', 'This origin is not allowed.');
        if (
          typeof requestMethod !== 'string' ||
          !TOKEN_RE.test(requestMethod) ||
          !(anyMethod || methods.has(requestMethod))
        ) {
          throw denied('cors_method_denied', 'This method is not allowed for cross-origin requests.');
        }
        const names = requestedHeaders(headers['access-control-request-headers']);
        if (names === undefined) throw denied('cors_header_denied', 'A requested header is not allowed.');
        const reply: Record<string, string> = {
          'access-control-allow-origin': anyOrigin ? '*' : origin,
          'access-control-allow-methods': anyMethod ? requestMethod : methodsValue,
          'access-control-max-age': maxAge,
          vary: preflightVary,
        };
        if (credentials) reply['access-control-allow-credentials'] = 'true';
        if (names.length > 0)
          reply['access-control-allow-headers'] = anyHeader ? names.join(', ') : allowHeadersValue;
        if (privateNetwork && headers['access-control-request-private-network'] === 'true') {
          reply['access-control-allow-private-network'] = 'true';
        }
        ctx.state[STATE_KEY] = true;
        return { status: 204, headers: reply };
      },

      onResponse(ctx: ResponseContext): void {
        if (ctx.state[STATE_KEY] === true) return;
        const out = ctx.responseHeaders;
        for (const name of UPSTREAM_CORS_HEADERS) if (out[name] !== undefined) delete out[name];
        appendVary(out, 'Origin');
        const origin = ctx.headers.origin;
        if (!originAllowed(origin)) return;
        out['access-control-allow-origin'] = anyOrigin ? '*' : origin;
        if (credentials) out['access-control-allow-credentials'] = 'true';
        if (exposeValue !== undefined) out['access-control-expose-headers'] = exposeValue;
      },
    });
  },
});
