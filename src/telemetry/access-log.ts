import type { Logger } from 'pino';
import { GatewayError } from '../errors/gateway-error.ts';
import type { LogContext } from '../pipeline/types.ts';
import { DEFAULT_SENSITIVE_HEADERS, infoLineWriter, REDACTED, sensitiveHeadersOf } from './logger.ts';

/** Query parameters whose values are always redacted (case-insensitive names). */
export const DEFAULT_REDACT_QUERY_PARAMS: readonly string[] = Object.freeze([
  'api_key',
  'apikey',
  'access_token',
  'token',
  'key',
  'password',
  'secret',
]);

/** Longest header value (user agent, logged headers) written to the access log, in characters. */
export const MAX_LOGGED_HEADER_CHARS = 1024;

/** Options of {@link createAccessLogger}. */
export interface AccessLogOptions {
  /** When false no access line is written; internal 5xx errors are still logged. */
  enabled: boolean;
  logger: Logger;
  /** Query parameter names whose values become `[REDACTED]`; added to {@link DEFAULT_REDACT_QUERY_PARAMS}. */
  redactQueryParams: readonly string[];
  /** Header names whose values become `[REDACTED]`; added to the logger's default sensitive headers. */
  redactHeaders: readonly string[];
  /** Request headers copied to `http.request.headers` (sensitive ones redacted). */
  logHeaders?: readonly string[];
}

const EVENT_CATEGORY: readonly string[] = Object.freeze(['web']);
const EVENT_TYPE_ACCESS: readonly string[] = Object.freeze(['access']);
const EVENT_TYPE_ERROR: readonly string[] = Object.freeze(['error']);

function lowerSet(base: readonly string[], extra: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const n of base) out.add(n.toLowerCase());
  for (const n of extra) {
    if (typeof n !== 'string' || n.length === 0)
      throw new TypeError('redaction names must be non-empty strings');
    out.add(n.toLowerCase());
  }
  return out;
}

function decodeName(name: string): string {
  if (name.indexOf('%') === -1 && name.indexOf('+') === -1) return name.toLowerCase();
  try {
    return decodeURIComponent(name.replaceAll('+', ' ')).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/**
 * Replaces the values of sensitive query parameters with `[REDACTED]`, leaving the rest of the raw query as
 * it was. Names compare case-insensitively and after percent-decoding (`API%5FKEY` matches `api_key`).
 *
 * @example
 * redactQuery('a=1&API_KEY=abc', new Set(['api_key'])) // 'a=1&API_KEY=[REDACTED]'
 */
export function redactQuery(query: string, sensitive: ReadonlySet<string>): string {
  if (query.length === 0 || sensitive.size === 0) return query;
  let out = '';
  let changed = false;
  let start = 0;
  const len = query.length;
  while (start <= len) {
    let end = query.indexOf('&', start);
    if (end === -1) end = len;
    const eq = query.indexOf('=', start);
    if (eq !== -1 && eq < end && sensitive.has(decodeName(query.slice(start, eq)))) {
      if (eq + 1 < end) {
        out += query.slice(start, eq + 1) + REDACTED;
        changed = true;
      } else {
        out += query.slice(start, end);
      }
    } else {
      out += query.slice(start, end);
    }
    if (end === len) break;
    out += '&';
    start = end + 1;
  }
  return changed ? out : query;
}

function clip(value: string): string {
  return value.length > MAX_LOGGED_HEADER_CHARS ? value.slice(0, MAX_LOGGED_HEADER_CHARS) : value;
}

function headerValue(value: string | string[]): string | string[] {
  if (typeof value === 'string') return clip(value);
  const out: string[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) out[i] = clip(value[i]!);
  return out;
}

/** Characters JSON.stringify escapes in a string: quote, backslash, controls, (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A JSON string literal, byte for byte what JSON.stringify gives, without its cost in the common case. */
function str(value: string): string {
  if (typeof value !== 'string') return JSON.stringify(value) ?? 'null';
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** A JSON number as pino writes it (non-finite numbers become null). */
function num(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

/** True for errors whose message and stack belong in a separate error line: anything not an expected GatewayError. */
function isInternal(err: Error): boolean {
  return !(err instanceof GatewayError) || err.code === 'GW_INTERNAL';
}

/**
 * Creates the per-request access logger run in the log phase: one ECS JSON line per request, built
 * directly without intermediate copies. Sensitive query values and headers are redacted; a GatewayError adds
 * `error.code` (never a stack); unexpected 5xx errors additionally produce a separate `logger.error` line with
 * message and stack. Never throws.
 *
 * @example
 * const log = createAccessLogger({ enabled: true, logger, redactQueryParams: ['sig'], redactHeaders: [] });
 * log(ctx); // {"log.level":"info",…,"event":{"kind":"event",…},"http":{…},"url":{"path":"/orders"},…}
 */
export function createAccessLogger(opts: AccessLogOptions): (ctx: LogContext) => void {
  const { logger, enabled } = opts;
  if (logger === undefined || typeof logger.info !== 'function') {
    throw new TypeError('createAccessLogger needs a logger');
  }
  const sensitiveQuery = lowerSet(DEFAULT_REDACT_QUERY_PARAMS, opts.redactQueryParams ?? []);
  const sensitiveHeaders = lowerSet(DEFAULT_SENSITIVE_HEADERS, opts.redactHeaders ?? []);
  const logNames: string[] = [];
  const logRedacted: boolean[] = [];
  for (const name of opts.logHeaders ?? []) {
    if (typeof name !== 'string' || name.length === 0)
      throw new TypeError('logHeaders must be non-empty strings');
    const lower = name.toLowerCase();
    if (logNames.includes(lower)) continue;
    logNames.push(lower);
    logRedacted.push(sensitiveHeaders.has(lower));
  }

  function logInternal(ctx: LogContext, err: Error): void {
    logger.error(
      {
        event: {
          kind: 'event',
          category: EVENT_CATEGORY,
          type: EVENT_TYPE_ERROR,
          dataset: 'gatehouse.error',
        },
        error: err instanceof GatewayError && err.cause instanceof Error ? err.cause : err,
        http: { request: { id: ctx.id, method: ctx.method }, response: { status_code: ctx.status } },
        url: { path: ctx.path },
        gatehouse: { route: ctx.route.name, code: err instanceof GatewayError ? err.code : 'GW_INTERNAL' },
      },
      'request failed with an internal error',
    );
  }

  if (!enabled) {
    return (ctx) => {
      const err = ctx.error;
      if (err === undefined || ctx.status < 500 || !isInternal(err)) return;
      try {
        logInternal(ctx, err);
      } catch {
        // Logging must never break the request path.
      }
    };
  }

  const writeLine = infoLineWriter(logger);
  if (writeLine !== undefined) {
    // The logger's own header redaction (pino's log formatter) is skipped on this path: apply its names too.
    const loggerSensitive = sensitiveHeadersOf(logger);
    const redacted = logNames.map((n, i) => logRedacted[i]! || loggerSensitive?.has(n) === true);
    // The same line as the object form below, serialized directly (about 4 µs of pino's per-key work less).
    return (ctx) => {
      try {
        const err = ctx.error;
        if (err !== undefined && ctx.status >= 500 && isInternal(err)) logInternal(ctx, err);
        if (!logger.isLevelEnabled('info')) return;
        const status = ctx.status;
        const outcome = status >= 100 && status < 400 ? 'success' : status >= 400 ? 'failure' : 'unknown';
        let reason = '';
        let error = '';
        if (err !== undefined) {
          if (err instanceof GatewayError) {
            error = `,"error":{"code":${str(err.code)}}`;
            if (err.reason !== undefined) reason = `,"reason":${str(err.reason)}`;
          } else {
            error = ',"error":{"code":"GW_INTERNAL"}';
          }
        }
        let out = `,"event":{"kind":"event","category":["web"],"type":["access"],"dataset":"gatehouse.access","outcome":"${outcome}","duration":${num(Math.round(ctx.durationMs * 1e6))}${reason}}`;
        out += `,"http":{"request":{"id":${str(ctx.id)},"method":${str(ctx.method)},"body":{"bytes":${num(ctx.bytesIn)}}`;
        if (logNames.length > 0) {
          const headers = ctx.headers;
          let logged = '';
          for (let i = 0; i < logNames.length; i++) {
            const name = logNames[i]!;
            const value = headers[name];
            if (value === undefined) continue;
            const v = redacted[i] ? `"${REDACTED}"` : JSON.stringify(headerValue(value));
            logged += `${logged === '' ? '' : ','}${str(name)}:${v}`;
          }
          if (logged !== '') out += `,"headers":{${logged}}`;
        }
        out += `},"response":{"status_code":${num(status)},"body":{"bytes":${num(ctx.bytesOut)}}}`;
        const version = ctx.req?.httpVersion;
        if (version !== undefined) out += `,"version":${str(version)}`;
        out += `},"url":{"path":${str(ctx.path)}`;
        if (ctx.query.length > 0) out += `,"query":${str(redactQuery(ctx.query, sensitiveQuery))}`;
        if (ctx.host) out += `,"domain":${str(ctx.host)}`;
        out += `},"client":{"ip":${str(ctx.clientIp)}},"source":{"ip":${str(ctx.peerIp)}}`;
        const ua = ctx.headers['user-agent'];
        if (typeof ua === 'string') out += `,"user_agent":{"original":${str(clip(ua))}}`;
        if (ctx.consumer !== undefined) out += `,"user":{"id":${str(ctx.consumer.id)}}`;
        const route = ctx.route;
        out += `,"gatehouse":{"route":${str(route.name)}`;
        if (route.service !== undefined) out += `,"service":${str(route.service)}`;
        if (ctx.target !== undefined || ctx.upstreamMs !== undefined) {
          let up = '';
          if (ctx.target !== undefined) up = `"target":${str(ctx.target)}`;
          if (ctx.upstreamMs !== undefined)
            up += `${up === '' ? '' : ','}"duration_ms":${num(ctx.upstreamMs)}`;
          out += `,"upstream":{${up}}`;
        }
        if (ctx.decisions.length > 0) out += `,"decisions":${JSON.stringify(ctx.decisions)}`;
        writeLine(`${out}}${error}`);
      } catch {
        // Logging must never break the request path.
      }
    };
  }

  return (ctx) => {
    try {
      const err = ctx.error;
      if (err !== undefined && ctx.status >= 500 && isInternal(err)) logInternal(ctx, err);
      if (!logger.isLevelEnabled('info')) return;

      const status = ctx.status;
      const outcome = status >= 100 && status < 400 ? 'success' : status >= 400 ? 'failure' : 'unknown';
      const request: Record<string, unknown> = {
        id: ctx.id,
        method: ctx.method,
        body: { bytes: ctx.bytesIn },
      };
      if (logNames.length > 0) {
        const headers = ctx.headers;
        let logged: Record<string, unknown> | undefined;
        for (let i = 0; i < logNames.length; i++) {
          const name = logNames[i]!;
          const value = headers[name];
          if (value === undefined) continue;
          if (logged === undefined) logged = {};
          logged[name] = logRedacted[i] ? REDACTED : headerValue(value);
        }
        if (logged !== undefined) request.headers = logged;
      }
      const http: Record<string, unknown> = {
        request,
        response: { status_code: status, body: { bytes: ctx.bytesOut } },
      };
      const version = ctx.req?.httpVersion;
      if (version !== undefined) http.version = version;

      const url: Record<string, unknown> = { path: ctx.path };
      if (ctx.query.length > 0) url.query = redactQuery(ctx.query, sensitiveQuery);
      if (ctx.host) url.domain = ctx.host;

      const route = ctx.route;
      const gatehouse: Record<string, unknown> = { route: route.name };
      if (route.service !== undefined) gatehouse.service = route.service;
      if (ctx.target !== undefined || ctx.upstreamMs !== undefined) {
        const upstream: Record<string, unknown> = {};
        if (ctx.target !== undefined) upstream.target = ctx.target;
        if (ctx.upstreamMs !== undefined) upstream.duration_ms = ctx.upstreamMs;
        gatehouse.upstream = upstream;
      }
      if (ctx.decisions.length > 0) gatehouse.decisions = ctx.decisions;

      const line: Record<string, unknown> = {
        event: {
          kind: 'event',
          category: EVENT_CATEGORY,
          type: EVENT_TYPE_ACCESS,
          dataset: 'gatehouse.access',
          outcome,
          duration: Math.round(ctx.durationMs * 1e6),
        },
        http,
        url,
        client: { ip: ctx.clientIp },
        source: { ip: ctx.peerIp },
      };
      const ua = ctx.headers['user-agent'];
      if (typeof ua === 'string') line.user_agent = { original: clip(ua) };
      if (ctx.consumer !== undefined) line.user = { id: ctx.consumer.id };
      line.gatehouse = gatehouse;
      if (err !== undefined) {
        if (err instanceof GatewayError) {
          line.error = { code: err.code };
          (line.event as Record<string, unknown>).reason = err.reason;
        } else {
          line.error = { code: 'GW_INTERNAL' };
        }
      }
      logger.info(line);
    } catch {
      // Logging must never break the request path.
    }
  };
}
