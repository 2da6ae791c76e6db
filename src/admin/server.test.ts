import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect, createServer as createNetServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '../telemetry/logger.ts';
import { createMetrics } from '../telemetry/metrics.ts';
import { type AdminServer, createAdminServer } from './server.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(
  port: number,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path ?? '/',
        headers: opts.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.setTimeout(5000, () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(opts.body);
  });
}

const lines: Record<string, unknown>[] = [];
const logger = createLogger({
  level: 'info',
  stream: {
    write(s: string) {
      lines.push(JSON.parse(s) as Record<string, unknown>);
    },
  },
});

describe('admin server', () => {
  const metrics = createMetrics({ defaultMetrics: false });
  metrics.routeHandle('orders', 'svc', 'pool').observe('GET', 200, 0.01, 0.005);
  let ready = false;
  let admin: AdminServer;
  let port = 0;
  let printed = '';

  before(async () => {
    admin = createAdminServer({
      port: 0,
      logger,
      printToken: (l) => {
        printed += l;
      },
      metrics: () => metrics.exposition(),
      ready: () => ready,
      status: () => ({ routes: 1, config: { version: 'abc' } }),
    });
    ({ port } = await admin.listen());
  });
  after(() => admin.close());

  it('GET /healthz answers 200 {"status":"ok"} with hardened headers', async () => {
    const r = await call(port, { path: '/healthz' });
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), { status: 'ok' });
    assert.match(String(r.headers['content-type']), /^application\/json/);
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers.server, undefined);
    assert.equal(r.headers['x-powered-by'], undefined);
  });

  it('GET /readyz follows ready(): 503 problem+json, then 200', async () => {
    ready = false;
    const notReady = await call(port, { path: '/readyz' });
    assert.equal(notReady.status, 503);
    assert.equal(notReady.headers['content-type'], 'application/problem+json');
    const problem = JSON.parse(notReady.body) as Record<string, unknown>;
    assert.equal(problem.status, 503);
    assert.equal(typeof problem.type, 'string');
    ready = true;
    const ok = await call(port, { path: '/readyz?verbose=1' });
    assert.equal(ok.status, 200);
    assert.deepEqual(JSON.parse(ok.body), { status: 'ready' });
  });

  it('GET /metrics serves the Prometheus exposition', async () => {
    const r = await call(port, { path: '/metrics' });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
    assert.match(
      r.body,
      /^gatehouse_http_server_requests_total\{route="orders",service="svc",method="GET",status="200"\} 1$/m,
    );
  });

  it('GET /status needs a token; without a configured one, the one-time token printed at start works', async () => {
    assert.equal((await call(port, { path: '/status' })).status, 401);
    const token = /gha_[A-Za-z0-9_-]{43}/.exec(printed)?.[0];
    assert.ok(token, 'a one-time token was printed');
    assert.equal(printed.match(/gha_/g)?.length, 1, 'printed once');
    const r = await call(port, { path: '/status', headers: { authorization: `Bearer ${token}` } });
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), { routes: 1, config: { version: 'abc' } });
  });

  it('HEAD answers the headers without a body', async () => {
    const r = await call(port, { method: 'HEAD', path: '/healthz' });
    assert.equal(r.status, 200);
    assert.equal(r.body, '');
    assert.equal(r.headers['content-length'], String('{"status":"ok"}'.length));
  });

  it('unknown paths answer 404 problem+json', async () => {
    for (const path of ['/', '/metrics/', '/admin', '/healthz/../metrics', '/HEALTHZ']) {
      const r = await call(port, { path });
      assert.equal(r.status, 404, path);
      assert.equal(r.headers['content-type'], 'application/problem+json');
      assert.equal((JSON.parse(r.body) as { code: string }).code, 'GW_NOT_FOUND');
    }
  });

  it('other methods answer 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const r = await call(port, { method, path: '/metrics' });
      assert.equal(r.status, 405, method);
      assert.equal(r.headers.allow, 'GET, HEAD');
      assert.equal((JSON.parse(r.body) as { code: string }).code, 'GW_METHOD_NOT_ALLOWED');
    }
  });

  it('requests with a body answer 413 and close the connection', async () => {
    const withLength = await call(port, { path: '/healthz', headers: { 'content-length': '1' }, body: 'x' });
    assert.equal(withLength.status, 413);
    assert.equal(withLength.headers.connection, 'close');
    const chunked = await call(port, {
      path: '/healthz',
      headers: { 'transfer-encoding': 'chunked' },
      body: 'abc',
    });
    assert.equal(chunked.status, 413);
    const emptyLength = await call(port, { path: '/healthz', headers: { 'content-length': '0' } });
    assert.equal(emptyLength.status, 200);
  });
});

describe('admin server: failures and limits', () => {
  it('answers 500 problem+json and logs when metrics() rejects', async () => {
    lines.length = 0;
    const admin = createAdminServer({
      port: 0,
      logger,
      printToken: () => {},
      metrics: () => Promise.reject(new Error('registry exploded')),
      ready: () => {
        throw new Error('ready exploded');
      },
    });
    const { port } = await admin.listen();
    try {
      const r = await call(port, { path: '/metrics' });
      assert.equal(r.status, 500);
      assert.equal(r.headers['content-type'], 'application/problem+json');
      assert.equal(r.body.includes('exploded'), false, 'no internal detail leaks to the client');
      assert.ok(lines.some((l) => JSON.stringify(l).includes('registry exploded')));
      const notReady = await call(port, { path: '/readyz' });
      assert.equal(notReady.status, 503);
      const noStatus = await call(port, { path: '/status' });
      assert.equal(noStatus.status, 401);
    } finally {
      await admin.close();
    }
  });

  it('requires the bearer token for /metrics and /status when configured, never for probes', async () => {
    const token = 'correct-horse-battery-staple';
    const admin = createAdminServer({
      port: 0,
      logger,
      printToken: () => {},
      token,
      metrics: async () => ({ contentType: 'text/plain', body: 'm 1\n' }),
      ready: () => true,
      status: () => ({}),
    });
    const { port } = await admin.listen();
    try {
      const missing = await call(port, { path: '/metrics' });
      assert.equal(missing.status, 401);
      assert.match(String(missing.headers['www-authenticate']), /^Bearer/);
      const wrong = await call(port, { path: '/status', headers: { authorization: 'Bearer nope' } });
      assert.equal(wrong.status, 401);
      const good = await call(port, { path: '/metrics', headers: { authorization: `Bearer ${token}` } });
      assert.equal(good.status, 200);
      assert.equal(good.body, 'm 1\n');
      assert.equal((await call(port, { path: '/healthz' })).status, 200);
      assert.equal((await call(port, { path: '/readyz' })).status, 200);
    } finally {
      await admin.close();
    }
  });

  it('locks an address out after repeated wrong tokens: 429 + Retry-After even with the right token', async () => {
    const token = 'correct-horse-battery-staple';
    const lockouts: Array<[string, number]> = [];
    const admin = createAdminServer({
      port: 0,
      logger,
      printToken: () => {},
      token,
      metrics: async () => ({ contentType: 'text/plain', body: 'm 1\n' }),
      ready: () => true,
      status: () => ({}),
      onLockout: (ip, s) => lockouts.push([ip, s]),
    });
    const { port } = await admin.listen();
    try {
      // Probes and token-less requests never count.
      for (let i = 0; i < 15; i++) assert.equal((await call(port, { path: '/status' })).status, 401);
      assert.equal(
        (await call(port, { path: '/status', headers: { authorization: `Bearer ${token}` } })).status,
        200,
      );
      for (let i = 0; i < 10; i++) {
        const r = await call(port, { path: '/status', headers: { authorization: `Bearer guess-${i}` } });
        assert.equal(r.status, 401);
      }
      assert.equal(lockouts.length, 1);
      assert.equal(lockouts[0]![0], '127.0.0.1');
      for (const path of ['/status', '/metrics']) {
        const r = await call(port, { path, headers: { authorization: `Bearer ${token}` } });
        assert.equal(r.status, 429, path);
        assert.ok(Number(r.headers['retry-after']) > 0);
        assert.match(String(r.headers['content-type']), /problem\+json/);
        assert.doesNotMatch(r.body, /m 1/);
      }
      assert.equal((await call(port, { path: '/healthz' })).status, 200, 'probes stay open');
    } finally {
      await admin.close();
    }
  });

  it('drops connections that do not finish their headers in time', async () => {
    const admin = createAdminServer({
      port: 0,
      logger,
      printToken: () => {},
      headersTimeoutMs: 200,
      metrics: async () => ({ contentType: 'text/plain', body: '' }),
      ready: () => true,
    });
    const { port } = await admin.listen();
    try {
      const started = Date.now();
      const received = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'));
        let data = '';
        socket.setEncoding('utf8');
        socket.on('data', (c: string) => {
          data += c;
        });
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
        setTimeout(() => {
          socket.destroy();
          reject(new Error('headers timeout not enforced'));
        }, 5000).unref();
      });
      assert.ok(Date.now() - started < 3000);
      assert.match(received, /^HTTP\/1\.1 408/);
    } finally {
      await admin.close();
    }
  });

  it('rejects listen() when the port is taken', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const admin = createAdminServer({
        port: taken,
        logger,
        printToken: () => {},
        metrics: async () => ({ contentType: 'text/plain', body: '' }),
        ready: () => true,
      });
      await assert.rejects(admin.listen(), { code: 'EADDRINUSE' });
      await admin.close();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('throws TypeError for bad options', () => {
    const base = {
      port: 0,
      logger,
      metrics: async () => ({ contentType: '', body: '' }),
      ready: () => true,
      printToken: () => {},
    };
    assert.throws(() => createAdminServer({ ...base, port: 70000 }), TypeError);
    assert.throws(() => createAdminServer({ ...base, port: 1.5 }), TypeError);
    assert.throws(() => createAdminServer({ ...base, host: '' }), TypeError);
    assert.throws(() => createAdminServer({ ...base, token: 'short' }), TypeError);
    assert.throws(() => createAdminServer({ ...base, headersTimeoutMs: 0 }), TypeError);
    assert.throws(() => createAdminServer({ ...base, maxConnections: 0 }), TypeError);
    // No default credential beyond loopback: a configured token is required.
    assert.throws(() => createAdminServer({ ...base, host: '0.0.0.0' }), /token is required/);
    assert.throws(
      () => createAdminServer({ ...base, access: { tokens: [{ id: 'a', role: 'admin' }] } }),
      /exactly one of "hash" or "token"/,
    );
    assert.throws(() => createAdminServer({ ...base, access: { allow: ['10.0.0.0/33'] } }), TypeError);
    assert.throws(() => createAdminServer({ ...base, ready: undefined as never }), TypeError);
  });

  it('close() after listen frees the port; close() without listen resolves', async () => {
    const admin = createAdminServer({
      port: 0,
      logger,
      printToken: () => {},
      metrics: async () => ({ contentType: 'text/plain', body: '' }),
      ready: () => true,
    });
    await admin.close();
    const { port } = await admin.listen();
    await assert.rejects(admin.listen());
    await admin.close();
    await assert.rejects(call(port, { path: '/healthz' }), { code: 'ECONNREFUSED' });
  });
});
