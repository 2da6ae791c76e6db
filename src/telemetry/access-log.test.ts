import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import { GatewayError } from '../errors/gateway-error.ts';
import type { LogContext, PolicyDecision } from '../pipeline/types.ts';
import { createAccessLogger, MAX_LOGGED_HEADER_CHARS, redactQuery } from './access-log.ts';
import { createLogger, REDACTED } from './logger.ts';

type Line = Record<string, unknown>;

function setup(
  opts: { enabled?: boolean; logHeaders?: string[]; redactHeaders?: string[]; level?: string } = {},
) {
  const lines: Line[] = [];
  const raw: string[] = [];
  const logger = createLogger({
    level: opts.level ?? 'info',
    stream: {
      write(s: string) {
        raw.push(s);
        lines.push(JSON.parse(s) as Line);
      },
    },
  });
  const log = createAccessLogger({
    enabled: opts.enabled ?? true,
    logger,
    redactQueryParams: ['sig'],
    redactHeaders: opts.redactHeaders ?? ['x-internal-auth'],
    logHeaders: opts.logHeaders,
  });
  return { lines, raw, log };
}

function ctx(over: Partial<Record<keyof LogContext, unknown>> = {}): LogContext {
  const base = {
    id: 'req-1',
    req: { httpVersion: '1.1' } as IncomingMessage,
    method: 'GET',
    path: '/orders/42',
    query: '',
    host: 'api.example.com',
    clientIp: '203.0.113.7',
    peerIp: '10.0.0.2',
    secure: true,
    headers: { 'user-agent': 'curl/8.5' },
    route: { name: 'orders', service: 'orders-svc', upstream: 'orders-pool' },
    params: {},
    upstreamHeaders: {},
    upstreamPath: '/orders/42',
    start: 0,
    state: {},
    decisions: [] as PolicyDecision[],
    signal: new AbortController().signal,
    consumer: undefined,
    maxBodyBytes: 1024,
    status: 200,
    bytesIn: 12,
    bytesOut: 345,
    durationMs: 12.5,
    upstreamMs: 10.25,
    error: undefined,
    target: '10.0.0.9:8080',
  };
  return { ...base, ...over } as LogContext;
}

function dig(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

describe('createAccessLogger', () => {
  it('writes one ECS line with the request fields', () => {
    const { lines, log } = setup();
    log(ctx({ query: 'page=2&API_KEY=abc123&access_token=t0k&x=1' }));
    assert.equal(lines.length, 1);
    const l = lines[0]!;
    const expected: Record<string, unknown> = {
      'log.level': 'info',
      'event.kind': 'event',
      'event.category': ['web'],
      'event.outcome': 'success',
      'event.duration': 12_500_000,
      'http.request.method': 'GET',
      'http.request.id': 'req-1',
      'http.request.body.bytes': 12,
      'http.response.status_code': 200,
      'http.response.body.bytes': 345,
      'http.version': '1.1',
      'url.path': '/orders/42',
      'url.query': `page=2&API_KEY=${REDACTED}&access_token=${REDACTED}&x=1`,
      'url.domain': 'api.example.com',
      'client.ip': '203.0.113.7',
      'source.ip': '10.0.0.2',
      'user_agent.original': 'curl/8.5',
      'gatehouse.route': 'orders',
      'gatehouse.service': 'orders-svc',
      'gatehouse.upstream.target': '10.0.0.9:8080',
      'gatehouse.upstream.duration_ms': 10.25,
    };
    for (const [path, value] of Object.entries(expected)) {
      const actual = path.includes('.') && path in l ? l[path] : dig(l, path);
      assert.deepEqual(actual, value, path);
    }
    assert.equal(typeof l['@timestamp'], 'string');
    assert.equal(l.error, undefined);
    assert.equal(dig(l, 'gatehouse.decisions'), undefined);
    assert.equal(dig(l, 'http.request.headers'), undefined);
  });

  it('skips absent fields', () => {
    const { lines, log } = setup();
    log(
      ctx({
        headers: {},
        target: undefined,
        upstreamMs: undefined,
        route: { name: 'local', service: undefined },
      }),
    );
    const l = lines[0]!;
    assert.equal(dig(l, 'url.query'), undefined);
    assert.equal(l.user_agent, undefined);
    assert.equal(dig(l, 'gatehouse.upstream'), undefined);
    assert.equal(dig(l, 'gatehouse.service'), undefined);
    assert.equal(l.user, undefined);
  });

  it('includes decisions and the consumer id when present', () => {
    const { lines, log } = setup();
    const decisions: PolicyDecision[] = [{ policy: 'waf', action: 'would-deny', reason: 'sqli' }];
    log(ctx({ decisions, consumer: { id: 'acme', groups: ['gold'] } }));
    assert.deepEqual(dig(lines[0], 'gatehouse.decisions'), decisions);
    assert.equal(dig(lines[0], 'user.id'), 'acme');
  });

  it('logs selected headers, redacting sensitive ones, and clips long values', () => {
    const { lines, raw, log } = setup({
      logHeaders: ['Authorization', 'x-internal-auth', 'accept', 'x-long', 'x-absent'],
    });
    log(
      ctx({
        headers: {
          authorization: 'Bearer very-secret',
          'x-internal-auth': 'inner-secret',
          accept: 'application/json',
          'x-long': 'a'.repeat(5000),
          cookie: 'sid=1',
        },
      }),
    );
    const headers = dig(lines[0], 'http.request.headers') as Record<string, string>;
    assert.equal(headers.authorization, REDACTED);
    assert.equal(headers['x-internal-auth'], REDACTED);
    assert.equal(headers.accept, 'application/json');
    assert.equal(headers['x-long']!.length, MAX_LOGGED_HEADER_CHARS);
    assert.equal('cookie' in headers, false);
    assert.equal('x-absent' in headers, false);
    assert.equal(raw[0]!.includes('very-secret'), false);
    assert.equal(raw[0]!.includes('inner-secret'), false);
  });

  it('records error.code for a 4xx GatewayError without any stack and without an error line', () => {
    const { lines, raw, log } = setup();
    const err = new GatewayError('GW_RATE_LIMITED', { reason: 'rate_limited' });
    log(ctx({ status: 429, error: err }));
    assert.equal(lines.length, 1);
    assert.deepEqual(lines[0]!.error, { code: 'GW_RATE_LIMITED' });
    assert.equal(dig(lines[0], 'event.outcome'), 'failure');
    assert.equal(dig(lines[0], 'event.reason'), 'rate_limited');
    assert.equal(raw[0]!.includes('stack'), false);
  });

  it('sends message and stack of an internal 5xx to a separate error line', () => {
    const { lines, log } = setup();
    const cause = new RangeError('index out of range in transform');
    log(ctx({ status: 500, error: new GatewayError('GW_INTERNAL', { cause }) }));
    assert.equal(lines.length, 2);
    const errorLine = lines.find((l) => l['log.level'] === 'error')!;
    const access = lines.find((l) => l['log.level'] === 'info')!;
    assert.equal(dig(errorLine, 'error.message'), 'index out of range in transform');
    assert.match(String(dig(errorLine, 'error.stack_trace')), /RangeError/);
    assert.equal(dig(errorLine, 'http.request.id'), 'req-1');
    assert.deepEqual(access.error, { code: 'GW_INTERNAL' });
    assert.equal(JSON.stringify(access).includes('index out of range'), false);
  });

  it('treats a non-GatewayError as internal', () => {
    const { lines, log } = setup();
    log(ctx({ status: 500, error: new Error('kaboom') }));
    assert.equal(lines.length, 2);
    assert.deepEqual(lines.find((l) => l['log.level'] === 'info')!.error, { code: 'GW_INTERNAL' });
  });

  it('does not write an error line for expected 5xx gateway errors', () => {
    const { lines, log } = setup();
    log(ctx({ status: 504, error: new GatewayError('GW_UPSTREAM_TIMEOUT') }));
    assert.equal(lines.length, 1);
    assert.deepEqual(lines[0]!.error, { code: 'GW_UPSTREAM_TIMEOUT' });
  });

  it('writes no access line when disabled but still reports internal errors', () => {
    const { lines, log } = setup({ enabled: false });
    log(ctx());
    assert.equal(lines.length, 0);
    log(ctx({ status: 500, error: new Error('kaboom') }));
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!['log.level'], 'error');
  });

  it('writes nothing when info is disabled, and never throws', () => {
    const { lines, log } = setup({ level: 'warn' });
    log(ctx());
    assert.equal(lines.length, 0);
    assert.doesNotThrow(() => log({} as LogContext));
  });

  it('rejects bad options', () => {
    assert.throws(
      () =>
        createAccessLogger({
          enabled: true,
          logger: undefined as never,
          redactQueryParams: [],
          redactHeaders: [],
        }),
      TypeError,
    );
    const { log } = setup();
    assert.equal(typeof log, 'function');
  });
});

describe('redactQuery', () => {
  const names = new Set(['api_key', 'token', 'sig']);
  it('redacts values case-insensitively and after percent-decoding the name', () => {
    assert.equal(redactQuery('Token=a&b=2', names), `Token=${REDACTED}&b=2`);
    assert.equal(redactQuery('api%5Fkey=zz', names), `api%5Fkey=${REDACTED}`);
    assert.equal(redactQuery('token=a&token=b', names), `token=${REDACTED}&token=${REDACTED}`);
  });
  it('leaves everything else byte-for-byte', () => {
    for (const q of ['', 'a=1', 'token', 'token=', 'a=1&&b', '%zz=1&x', 'tokens=1', '&', 'a=token=1']) {
      assert.equal(redactQuery(q, names), q, q);
    }
    assert.equal(redactQuery('sig=1', new Set()), 'sig=1');
  });
  it('handles a value containing "=" and a trailing separator', () => {
    assert.equal(redactQuery('sig=a=b&', names), `sig=${REDACTED}&`);
  });
});
