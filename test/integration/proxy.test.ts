/**
 * The proxy path end to end: real gateway, real upstream that records what it receives.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import {
  rawRequest,
  startGateway,
  startUpstream,
  statuses,
  type TestGateway,
  type TestUpstream,
} from '../helpers/gateway.ts';

let up: TestUpstream;
let gw: TestGateway;

function config(upstreamUrl: string): string {
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: true }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${upstreamUrl}" }]
services:
  - name: orders
    upstream: backend
    path: /internal
routes:
  - name: orders
    service: orders
    paths: ["/api/orders/*"]
    strip_prefix: true
    methods: [GET, POST]
  - name: order-by-id
    service: orders
    paths: ["/v2/orders/{id}"]
    rewrite: /orders/{id}/details
    deprecated: "2026-01-01T00:00:00Z"
    sunset: "2027-06-30"
    deprecation_link: https://docs.example.com/migrate
  - name: admin
    upstream: backend
    paths: ["/admin/*"]
    policies:
      ip-restriction:
        allow: ["10.0.0.0/8"]
  - name: rest
    upstream: backend
    paths: ["/*"]
    preserve_host: true
`;
}

before(async () => {
  up = await startUpstream((req, res, body) => {
    if (req.url === '/hop') {
      res.writeHead(200, {
        connection: 'x-secret-hop',
        'x-secret-hop': 'leak',
        server: 'Apache/2.4.1',
        'x-powered-by': 'PHP/5',
      });
      return res.end('ok');
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ url: req.url, len: body.length }));
  });
  gw = await startGateway(config(up.url));
});
after(async () => {
  await gw.close();
  await up.close();
});

describe('routing and forwarding', () => {
  it('strips the prefix and prepends the service path', async () => {
    const r = await request(`${gw.url}/api/orders/42?x=1`);
    assert.equal(r.statusCode, 200);
    assert.deepEqual(await r.body.json(), { url: '/internal/42?x=1', len: 0 });
  });
  it('rewrites with params and sends Deprecation, Sunset and Link', async () => {
    const r = await request(`${gw.url}/v2/orders/7`);
    assert.equal(r.statusCode, 200);
    assert.deepEqual(await r.body.json(), { url: '/internal/orders/7/details', len: 0 });
    assert.equal(r.headers.deprecation, '@1767225600');
    assert.equal(r.headers.sunset, 'Wed, 30 Jun 2027 00:00:00 GMT');
    assert.match(String(r.headers.link), /<https:\/\/docs\.example\.com\/migrate>; rel="deprecation"/);
  });
  it('405 with Allow for a method the route does not accept', async () => {
    const r = await request(`${gw.url}/api/orders/1`, { method: 'DELETE' });
    assert.equal(r.statusCode, 405);
    assert.equal(r.headers.allow, 'GET, POST');
    const body = (await r.body.json()) as Record<string, unknown>;
    assert.equal(body.status, 405);
    assert.equal(r.headers['content-type'], 'application/problem+json');
  });
  it('normalizes the path once and forwards exactly what was matched', async () => {
    const before = up.requests.length;
    const r = await request(`${gw.url}/api/orders/../../admin/panel`);
    // /api/orders/../../admin/panel normalizes to /admin/panel: the admin route (IP-restricted) decides.
    assert.equal(r.statusCode, 403);
    await r.body.dump();
    assert.equal(up.requests.length, before, 'never reaches the upstream');
  });
  it('percent-encoded dot segments and double slashes cannot reach a protected route by another path', async () => {
    for (const p of [
      '/api/orders/%2e%2e/%2e%2e/admin/x',
      '//admin/x',
      '/api/orders/..%2f..%2fadmin/x',
      '/ADMIN/../admin/x',
    ]) {
      const before = up.requests.length;
      const raw = await rawRequest(gw.port, `GET ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      const code = statuses(raw)[0];
      assert.ok(code === 403 || code === 400, `${p} → ${code}`);
      assert.ok(!up.requests.slice(before).some((q) => q.url.includes('admin')), `${p} reached the upstream`);
    }
  });
  it('encoded slash, backslash, NUL and ; path parameters are refused with 400', async () => {
    for (const p of ['/a%2Fb', '/a\\b', '/a%5cb', '/a%00b', '/a;jsessionid=1', '/%C0%AE%C0%AE/x']) {
      const raw = await rawRequest(gw.port, `GET ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      assert.equal(statuses(raw)[0], 400, `${p}: ${raw.slice(0, 120)}`);
    }
  });
  it('404 problem for no route has the request id as instance and no internals', async () => {
    const g2 = await startGateway(
      config(up.url).replace(
        '  - name: rest\n    upstream: backend\n    paths: ["/*"]\n    preserve_host: true\n',
        '',
      ),
    );
    try {
      const r = await request(`${g2.url}/nothing/here`);
      assert.equal(r.statusCode, 404);
      const b = (await r.body.json()) as Record<string, string>;
      assert.equal(b.title, 'No route matches this request');
      assert.match(b.instance!, /^urn:gatehouse:request:/);
      assert.equal(b.type, 'https://gatehouse.dev/errors/gw-not-found');
      assert.equal(r.headers.server, undefined);
      assert.equal(r.headers['x-powered-by'], undefined);
      // The access log says where the unrouted request was headed (normalized path), for operators.
      let line: Record<string, unknown> | undefined;
      for (let i = 0; i < 50 && line === undefined; i++) {
        line = g2.logs.find(
          (l) =>
            (l.http as { response?: { status_code?: number } } | undefined)?.response?.status_code === 404,
        );
        if (line === undefined) await new Promise((res) => setTimeout(res, 20));
      }
      assert.ok(line, 'an access log line for the 404');
      assert.equal((line.url as { path?: string }).path, '/nothing/here');
    } finally {
      await g2.close();
    }
  });
});

describe('header hygiene', () => {
  it('removes hop-by-hop and Connection-named headers, sets X-Forwarded-*, Forwarded and Via', async () => {
    const raw = await rawRequest(
      gw.port,
      'GET /h1 HTTP/1.1\r\nHost: api.example.com:8080\r\nConnection: keep-alive, X-Drop-Me\r\nX-Drop-Me: 1\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\nProxy-Authorization: Basic abc\r\nX-Forwarded-For: 6.6.6.6\r\nX-Real-IP: 6.6.6.6\r\nForwarded: for=6.6.6.6\r\nX-Consumer-Id: admin\r\nX-Authenticated-User: root\r\nX-Keep: yes\r\nConnection: close\r\n\r\n',
    );
    assert.equal(statuses(raw)[0], 200, raw);
    const h = up.requests.at(-1)!.headers;
    assert.equal(h['x-drop-me'], undefined);
    assert.equal(h['keep-alive'], undefined);
    assert.equal(h.te, undefined);
    assert.equal(h['proxy-authorization'], undefined);
    assert.equal(h['x-consumer-id'], undefined, 'client-supplied identity headers are removed');
    assert.equal(h['x-authenticated-user'], undefined);
    assert.equal(h['x-keep'], 'yes');
    assert.equal(h['x-forwarded-for'], '127.0.0.1', 'untrusted peer: its X-Forwarded-For is discarded');
    assert.equal(h['x-real-ip'], '127.0.0.1');
    assert.equal(h['x-forwarded-proto'], 'http');
    assert.equal(h['x-forwarded-host'], 'api.example.com:8080');
    assert.equal(h.forwarded, 'for=127.0.0.1;host="api.example.com:8080";proto=http');
    assert.equal(h.via, '1.1 gatehouse');
    assert.equal(h.host, 'api.example.com:8080', 'preserve_host');
  });
  it('trusted proxies: the client address comes from X-Forwarded-For', async () => {
    const g2 = await startGateway(
      config(up.url).replace('listeners:', 'trusted_proxies: ["127.0.0.0/8"]\nlisteners:'),
    );
    try {
      await rawRequest(
        g2.port,
        'GET /t HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.9, 127.0.0.5\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n',
      );
      const h = up.requests.at(-1)!.headers;
      assert.equal(h['x-forwarded-for'], '203.0.113.9, 127.0.0.5, 127.0.0.1');
      assert.equal(h['x-real-ip'], '203.0.113.9');
      assert.equal(h['x-forwarded-proto'], 'https');
    } finally {
      await g2.close();
    }
  });
  it('response: hop-by-hop, Connection-named, Server and X-Powered-By never reach the client', async () => {
    const r = await request(`${gw.url}/hop`);
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['x-secret-hop'], undefined);
    assert.equal(r.headers.server, undefined);
    assert.equal(r.headers['x-powered-by'], undefined);
    assert.equal(r.headers.via, '1.1 gatehouse');
    await r.body.dump();
  });
  it('duplicate Authorization headers are refused as ambiguous', async () => {
    const before = up.requests.length;
    const raw = await rawRequest(
      gw.port,
      'GET /x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\r\nAuthorization: Bearer b\r\n\r\n',
    );
    assert.equal(statuses(raw)[0], 400);
    assert.equal(up.requests.length, before);
  });
});

describe('upstream failures', () => {
  it('an unreachable upstream gives 502 problem+json without internal host names', async () => {
    const g2 = await startGateway(config('http://127.0.0.1:1'));
    try {
      const r = await request(`${g2.url}/x`);
      assert.equal(r.statusCode, 502);
      const text = await r.body.text();
      assert.doesNotMatch(text, /127\.0\.0\.1|ECONNREFUSED|at /);
      assert.equal(r.headers['content-type'], 'application/problem+json');
    } finally {
      await g2.close();
    }
  });
});
