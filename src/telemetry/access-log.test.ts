import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { GatewayError } from '../errors/gateway-error.ts';
import type { LogContext, PolicyDecision } from '../pipeline/types.ts';
import { createAccessLogger, MAX_LOGGED_HEADER_CHARS, redactQuery } from './access-log.ts';
import { createLogger, infoLineWriter, REDACTED } from './logger.ts';

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

describe('access log: the directly serialized line equals the pino object line', () => {
  // Two loggers over the same options: one takes the pre-serialized fast path (infoLineWriter), the other has a
  // pino redact path that matches nothing, which forces the object path through pino's serializer.
  function pair(logHeaders: string[], loggerRedactHeaders: string[]) {
    const out = { fast: [] as string[], slow: [] as string[] };
    const mk = (sink: string[], redactPaths?: string[]) =>
      createLogger({
        level: 'info',
        secrets: ['s3cr3t-value'],
        redactHeaders: loggerRedactHeaders,
        redactPaths,
        stream: { write: (s: string) => void sink.push(s) },
      });
    const opts = {
      enabled: true,
      redactQueryParams: ['sig'],
      redactHeaders: ['x-internal-auth'],
      logHeaders,
    };
    const fastLogger = mk(out.fast).child({ worker: 1 });
    const slowLogger = mk(out.slow, ['never.present']).child({ worker: 1 });
    assert.ok(infoLineWriter(fastLogger) !== undefined && infoLineWriter(slowLogger) === undefined);
    const fast = createAccessLogger({ ...opts, logger: fastLogger });
    const slow = createAccessLogger({ ...opts, logger: slowLogger });
    return { out, fast, slow };
  }
  const strip = (line: string) => {
    const o = JSON.parse(line) as Record<string, unknown>;
    delete o['@timestamp'];
    return JSON.stringify(o);
  };
  const text = fc.string({ unit: 'binary', maxLength: 24 });
  const arbCtx = fc.record({
    id: text,
    method: fc.constantFrom('GET', 'POST', 'PATCH'),
    path: text,
    query: fc.oneof(fc.constant(''), fc.constant('sig=abc&x=1'), text),
    host: fc.oneof(fc.constant(''), text),
    clientIp: text,
    peerIp: text,
    ua: fc.option(text, { nil: undefined }),
    trace: fc.option(fc.oneof(text, fc.array(text, { maxLength: 3 })), { nil: undefined }),
    cookie: fc.option(text, { nil: undefined }),
    consumer: fc.option(text, { nil: undefined }),
    service: fc.option(text, { nil: undefined }),
    status: fc.integer({ min: 0, max: 999 }),
    bytesIn: fc.nat(),
    durationMs: fc.double({ min: 0, max: 1e6, noNaN: true }),
    upstreamMs: fc.option(fc.double({ noNaN: false }), { nil: undefined }),
    target: fc.option(text, { nil: undefined }),
    version: fc.option(fc.constantFrom('1.1', '2.0'), { nil: undefined }),
    error: fc.option(
      fc.oneof(
        fc.constant(new Error('boom')),
        fc.constant(new GatewayError('GW_RATE_LIMITED', { reason: 'limit "x"\n' })),
        fc.constant(new GatewayError('GW_NOT_FOUND')),
      ),
      { nil: undefined },
    ),
    decisions: fc.array(fc.record({ policy: text, action: fc.constantFrom('allow', 'deny') }), {
      maxLength: 2,
    }),
  });

  it('for any request (fast-check), field for field and in the same order', () => {
    fc.assert(
      fc.property(arbCtx, (a) => {
        const { out, fast, slow } = pair(['x-trace', 'cookie', 'x-secret-ish'], ['x-secret-ish']);
        const headers: Record<string, string | string[]> = {};
        if (a.ua !== undefined) headers['user-agent'] = a.ua;
        if (a.trace !== undefined) headers['x-trace'] = a.trace;
        if (a.cookie !== undefined) headers.cookie = a.cookie;
        headers['x-secret-ish'] = 'hidden';
        const c = ctx({
          id: a.id,
          method: a.method,
          path: a.path,
          query: a.query,
          host: a.host,
          clientIp: a.clientIp,
          peerIp: a.peerIp,
          headers,
          consumer: a.consumer === undefined ? undefined : { id: a.consumer },
          route: a.service === undefined ? { name: 'r' } : { name: 'r', service: a.service },
          status: a.status,
          bytesIn: a.bytesIn,
          durationMs: a.durationMs,
          upstreamMs: a.upstreamMs,
          target: a.target,
          req: a.version === undefined ? undefined : ({ httpVersion: a.version } as IncomingMessage),
          error: a.error,
          decisions: a.decisions,
        });
        fast(c);
        slow(c);
        assert.equal(out.fast.length, out.slow.length);
        for (let i = 0; i < out.fast.length; i++) assert.equal(strip(out.fast[i]!), strip(out.slow[i]!));
        const access = out.fast.find((l) => l.includes('"gatehouse.access"'))!;
        assert.ok(!access.includes('hidden'), 'a header the logger redacts stays redacted');
        assert.match(access, /^\{"log\.level":"info","@timestamp":"[^"]+","ecs\.version"/);
      }),
      { numRuns: 300 },
    );
  });

  it('the secret-value scrubber still applies to the directly serialized line', () => {
    const { out, fast } = pair([], []);
    fast(ctx({ path: '/a/s3cr3t-value/b' }));
    assert.equal(out.fast.length, 1);
    assert.ok(!out.fast[0]!.includes('s3cr3t-value'));
    assert.equal((JSON.parse(out.fast[0]!) as { url: { path: string } }).url.path, `/a/${REDACTED}/b`);
  });
});
