import { definePolicy, type LocalReply, type RequestContext } from '../../pipeline/types.ts';
import { assertHeaderName, assertHeaderValue, assertWritableHeaderName } from '../headers/hygiene.ts';
import { type MockResponseConfig, MockResponseSchema } from './schema.ts';

/** Headers an echo must never reflect, whatever the config says. */
const NEVER_ECHO: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
]);
/** Statuses that cannot carry a body. */
const NO_BODY_STATUS: ReadonlySet<number> = new Set([204, 205, 304]);

/** The JSON document an echo reply carries. */
export interface EchoBody {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[]>;
  route: string;
  requestId: string;
}

function compileHeaders(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(record)) {
    const name = assertWritableHeaderName(rawName, 'mock-response: headers');
    if (name in out) throw new TypeError(`mock-response: headers: ${JSON.stringify(name)} is listed twice`);
    out[name] = assertHeaderValue(value, `mock-response: headers[${JSON.stringify(name)}]`);
  }
  return out;
}

function serializeJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    throw new TypeError('mock-response: json cannot be serialized', { cause: err });
  }
  if (text === undefined) throw new TypeError('mock-response: json cannot be serialized');
  return text;
}

/**
 * `mock-response`: answers locally instead of proxying, with a configured status, headers and a
 * text body or a JSON value (serialized once at load), or with `echo: true` a JSON description of
 * the request as it would be sent upstream (method, path, query, selected headers, route, request
 * id). Echoes never include credentials headers and never read the request body. It is also the
 * built-in demo upstream: a route with `mock-response` needs no service.
 *
 * @example
 * mock-response:
 *   status: 503
 *   json: { maintenance: true }
 *   headers: { retry-after: "120" }
 */
export const policy = definePolicy({
  name: 'mock-response',
  order: 100,
  phases: ['request'],
  status: 'stable',
  posture: 'hardened',
  description: 'Answers locally with a fixed reply, a JSON value or an echo of the request.',
  supportsMode: false,
  schema: MockResponseSchema,
  create(config: MockResponseConfig) {
    const status = config.status;
    const headers = compileHeaders(config.headers);
    const hasJson = config.json !== undefined;
    const hasBody = config.body !== '';
    if ([hasJson, hasBody, config.echo].filter(Boolean).length > 1) {
      throw new TypeError('mock-response: "body", "json" and "echo" are mutually exclusive');
    }
    if (NO_BODY_STATUS.has(status) && (hasJson || hasBody || config.echo)) {
      throw new TypeError(`mock-response: status ${status} cannot carry a body`);
    }

    if (config.echo) {
      const echoHeaders = config.echo_headers.map((h) => {
        const name = assertHeaderName(h, 'mock-response: echo_headers');
        if (NEVER_ECHO.has(name))
          throw new TypeError(`mock-response: echo_headers: ${JSON.stringify(name)} carries credentials`);
        return name;
      });
      const replyHeaders = Object.freeze({
        'content-type': 'application/json',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...headers,
      });
      return Object.freeze({
        onRequest(ctx: RequestContext): LocalReply {
          const up = ctx.upstreamHeaders;
          const selected: Record<string, string | string[]> = {};
          for (const name of echoHeaders) {
            const v = up[name];
            if (v !== undefined) selected[name] = v;
          }
          const target = ctx.upstreamPath;
          const q = target.indexOf('?');
          const echo: EchoBody = {
            method: ctx.method,
            path: q === -1 ? target : target.slice(0, q),
            query: q === -1 ? '' : target.slice(q + 1),
            headers: selected,
            route: ctx.route.name,
            requestId: ctx.id,
          };
          return { status, headers: { ...replyHeaders }, body: JSON.stringify(echo) };
        },
      });
    }

    let body: Buffer | undefined;
    if (hasJson) {
      body = Buffer.from(serializeJson(config.json));
      if (!('content-type' in headers)) headers['content-type'] = 'application/json';
    } else if (hasBody) {
      body = Buffer.from(config.body);
      if (!('content-type' in headers)) headers['content-type'] = 'text/plain; charset=utf-8';
    }
    Object.freeze(headers);
    return Object.freeze({
      onRequest(): LocalReply {
        // A fresh envelope per request: the pipeline may add headers; the body buffer is shared read-only.
        return body === undefined
          ? { status, headers: { ...headers } }
          : { status, headers: { ...headers }, body };
      },
    });
  },
});
