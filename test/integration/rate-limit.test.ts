/**
 * `rate-limit` through a real gateway and a recording upstream: the 429 answer (Retry-After,
 * RateLimit headers, problem body), and bypass attempts that must all be counted against the same
 * key — rotating X-Forwarded-For / X-Real-IP / Forwarded from an untrusted peer, path case and
 * trailing-slash variants, percent-encoded paths, duplicate slashes and dot segments — for an
 * address-keyed and a route-keyed limit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { request } from 'undici';
import {
  proxyConfig,
  rawRequest,
  startGateway,
  startUpstream,
  statuses,
  type TestUpstream,
} from '../helpers/gateway.ts';

let up: TestUpstream;

before(async () => {
  up = await startUpstream();
});
after(async () => {
  await up?.close();
});

async function get(base: string, path: string, headers: Record<string, string> = {}) {
  const res = await request(`${base}${path}`, { headers });
  const body = await res.body.text();
  return { status: res.statusCode, headers: res.headers, body };
}

describe('rate-limit: answers', () => {
  test('429 with Retry-After, RateLimit-Policy / RateLimit and an RFC 9457 body', async () => {
    const gw = await startGateway(
      proxyConfig(
        up.url,
        `policies:
  rate-limit:
    key: header:x-client
    limits:
      - { name: per-minute, limit: 3, period: 1m }
`,
      ),
    );
    try {
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await get(gw.url, '/x', { 'x-client': 'c1' });
        assert.equal(r.status, 200);
        assert.equal(r.headers['ratelimit-policy'], '"per-minute";q=3;w=60');
        seen.push(String(r.headers.ratelimit));
      }
      assert.match(seen[0]!, /^"per-minute";r=2;t=\d+$/);
      assert.match(seen[2]!, /^"per-minute";r=0;t=\d+$/);
      const denied = await get(gw.url, '/x', { 'x-client': 'c1' });
      assert.equal(denied.status, 429);
      assert.equal(denied.headers['content-type'], 'application/problem+json');
      assert.equal(denied.headers['retry-after'], '20');
      assert.equal(denied.headers['ratelimit-policy'], '"per-minute";q=3;w=60');
      assert.equal(denied.headers.ratelimit, '"per-minute";r=0;t=20');
      const body = JSON.parse(denied.body);
      assert.equal(body.status, 429);
      assert.equal(body.code, 'GW_RATE_LIMITED');
      assert.equal(body.title, 'Too many requests');
      assert.deepEqual(body['violated-policies'], ['per-minute']);
      assert.match(body.instance, /^urn:gatehouse:request:/);
      assert.equal((await get(gw.url, '/x', { 'x-client': 'c2' })).status, 200, 'another key');
      const anonymous = await get(gw.url, '/x');
      assert.equal(anonymous.status, 200, 'no x-client: counted per address');
      const metrics = await gw.metrics.registry.metrics();
      assert.match(
        metrics,
        /gatehouse_policy_decisions_total\{[^}]*policy="rate-limit"[^}]*reason="rate_limited"[^}]*\} 1/,
      );
    } finally {
      await gw.close();
    }
  });

  test('report-only: over the limit is logged and counted as would-deny, and served', async () => {
    const gw = await startGateway(
      proxyConfig(
        up.url,
        `policies:
  rate-limit:
    mode: report-only
    key: header:x-client
    limits: [{ limit: 1, period: 1m }]
`,
      ),
    );
    try {
      for (let i = 0; i < 3; i++) assert.equal((await get(gw.url, '/x', { 'x-client': 'r' })).status, 200);
      const metrics = await gw.metrics.registry.metrics();
      assert.match(
        metrics,
        /gatehouse_policy_decisions_total\{[^}]*policy="rate-limit"[^}]*action="would-deny"[^}]*\} 2/,
      );
    } finally {
      await gw.close();
    }
  });
});

/** Requests that try to look like another client or another path. */
const SPOOFS: Array<Record<string, string>> = Array.from({ length: 12 }, (_, i) => ({
  'x-forwarded-for': `203.0.113.${i + 1}`,
  'x-real-ip': `198.51.100.${i + 1}`,
  forwarded: `for=192.0.2.${i + 1}`,
}));

const PATH_VARIANTS = [
  '/api/items',
  '/api/items/',
  '/API/items',
  '/Api/Items',
  '/api//items',
  '//api/items',
  '/api/./items',
  '/x/../api/items',
  '/%61pi/items',
  '/api/%69tems',
  '/%61%70%69/%69%74%65%6D%73',
  '/api/items?x=1',
];

describe('rate-limit: bypass attempts are counted against the same key', () => {
  test('ip key, untrusted peer: forwarded-for headers and path variants all count against 127.0.0.1', async () => {
    const gw = await startGateway(
      proxyConfig(
        up.url,
        `policies:
  rate-limit:
    key: ip
    limits: [{ limit: 5, period: 1m }]
`,
      ),
    );
    const before = up.requests.length;
    try {
      const codes: number[] = [];
      for (let i = 0; i < PATH_VARIANTS.length; i++) {
        codes.push((await get(gw.url, PATH_VARIANTS[i]!, SPOOFS[i]!)).status);
      }
      assert.equal(codes.filter((c) => c === 200).length, 5, `statuses ${codes.join(',')}`);
      assert.deepEqual(codes.slice(5), new Array(PATH_VARIANTS.length - 5).fill(429));
      assert.equal(up.requests.length - before, 5, 'the upstream saw exactly the limit');
      // Raw pipelined requests with odd spellings on one connection: still the same key.
      const raw = await rawRequest(
        gw.port,
        'GET //api//items HTTP/1.1\r\nHost: a\r\nX-Forwarded-For: 10.9.9.9\r\n\r\n' +
          'GET /API/ITEMS/ HTTP/1.1\r\nHost: a\r\nX-Real-IP: 10.8.8.8\r\nConnection: close\r\n\r\n',
      );
      assert.deepEqual(statuses(raw), [429, 429]);
      assert.equal(up.requests.length - before, 5);
    } finally {
      await gw.close();
    }
  });

  test('route key: every spelling that reaches the route counts against it; the others never reach the upstream', async () => {
    const gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: warn, access_log: false }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: api
    paths: ["/api/*"]
    upstream: backend
    policies:
      rate-limit:
        key: route
        limits: [{ limit: 4, period: 1m }]
`);
    const before = up.requests.length;
    try {
      const byStatus = new Map<number, number>();
      for (let i = 0; i < PATH_VARIANTS.length; i++) {
        for (let k = 0; k < 2; k++) {
          const r = await get(gw.url, PATH_VARIANTS[i]!, SPOOFS[(i + k) % SPOOFS.length]!);
          byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
          assert.ok([200, 404, 429].includes(r.status), `${PATH_VARIANTS[i]}: ${r.status}`);
        }
      }
      const reached = up.requests.slice(before);
      assert.equal(byStatus.get(200), 4, JSON.stringify([...byStatus]));
      assert.equal(reached.length, 4, 'the upstream saw exactly the limit');
      for (const r of reached)
        assert.match(r.url, /^\/api\/items\/?(\?x=1)?$/, 'forwarded in canonical form');
      // Case variants do not match the (case-sensitive) route: 404 from the gateway, never forwarded.
      assert.equal(byStatus.get(404), 4);
      assert.equal((await get(gw.url, '/api/other', { 'x-forwarded-for': '1.2.3.4' })).status, 429);
    } finally {
      await gw.close();
    }
  });
});
