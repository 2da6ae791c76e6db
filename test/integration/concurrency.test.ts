/**
 * Concurrency caps through the real gateway:
 * - the listener's per-client-address connection cap (`limits.max_connections_per_ip`): the
 *   connection over the cap is closed before a byte is read, and a slot frees when one closes;
 * - the `concurrency-limit` policy: at most `max` in flight, and every way a request can end gives
 *   its slot back — success, upstream failure, a local reply, a gateway error raised after the
 *   slot was taken, and clients aborting mid-request — with the local store and with Redis.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import type { RedisStore } from '../../src/stores/redis/index.ts';
import { startGateway, type TestGateway } from '../helpers/gateway.ts';
import { type FastUpstream, startFastUpstream } from '../helpers/load.ts';
import { startRedis, type TestRedis } from '../helpers/redis.ts';

let up: FastUpstream;
before(async () => {
  up = await startFastUpstream();
});
after(async () => {
  await up?.close();
});

/** Opens a raw connection; resolves once connected. */
async function connect(port: number): Promise<net.Socket> {
  const s = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    s.once('connect', resolve);
    s.once('error', reject);
  });
  return s;
}

/** Sends one keep-alive GET on `s` and resolves with the status line's code. */
function getOn(s: net.Socket): Promise<number> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(buf);
      if (m && buf.includes('\r\n\r\n')) {
        s.off('data', onData);
        resolve(Number(m[1]));
      }
    };
    s.on('data', onData);
    s.once('error', reject);
    s.write('GET /fast HTTP/1.1\r\nHost: gw.test\r\n\r\n');
  });
}

/** Resolves with what the server did to `s` within `ms`: the bytes it sent and whether it closed. */
function fate(s: net.Socket, ms: number): Promise<{ closed: boolean; data: string }> {
  return new Promise((resolve) => {
    let data = '';
    let closed = s.destroyed;
    const done = () => resolve({ closed, data });
    s.on('data', (d: Buffer) => {
      data += d.toString('latin1');
    });
    s.once('close', () => {
      closed = true;
      done();
    });
    s.once('error', () => undefined);
    setTimeout(done, ms);
  });
}

function gatewayConfig(extra: { limits?: string; state?: string; policies?: string }): string {
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: warn, access_log: false }
credentials: { store: none }
${extra.limits ?? ''}
${extra.state ?? ''}
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
  - name: dead
    targets: [{ url: "http://127.0.0.1:9" }]
    timeouts: { connect_ms: 1000, header_ms: 2000, body_ms: 2000 }
${extra.policies ?? ''}
routes:
  - name: local-reply
    paths: ["/mock"]
    policies:
      mock-response: { status: 204 }
  - name: too-large
    paths: ["/upload"]
    upstream: backend
    policies:
      request-size-limit: { max_bytes: 10 }
  - name: broken
    paths: ["/broken"]
    upstream: dead
  - name: api
    paths: ["/*"]
    upstream: backend
`;
}

describe('per-client-address connection cap (listener)', () => {
  test('max_connections_per_ip: 3 — the 4th connection from 127.0.0.1 is closed unanswered; a freed slot is reusable', async () => {
    const tg = await startGateway(gatewayConfig({ limits: 'limits: { max_connections_per_ip: 3 }' }));
    const sockets: net.Socket[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const s = await connect(tg.port);
        sockets.push(s);
        assert.equal(await getOn(s), 200, `connection ${i + 1} is served`);
      }
      const extra = await connect(tg.port);
      extra.write('GET /fast HTTP/1.1\r\nHost: gw.test\r\n\r\n');
      const f = await fate(extra, 2000);
      assert.equal(f.closed, true, 'the connection over the cap is closed');
      assert.equal(f.data, '', 'and nothing is answered on it');
      // The three admitted connections still work (keep-alive).
      for (const s of sockets) assert.equal(await getOn(s), 200);

      // Closing one frees its slot.
      const gone = sockets.pop()!;
      gone.destroy();
      await once(gone, 'close');
      let again: net.Socket | undefined;
      const deadline = Date.now() + 2000;
      for (;;) {
        again = await connect(tg.port);
        const status = await Promise.race([getOn(again), sleep(300).then(() => 0)]);
        if (status === 200) break;
        again.destroy();
        assert.ok(Date.now() < deadline, 'a freed slot is reusable within 2 s');
      }
      sockets.push(again);
    } finally {
      for (const s of sockets) s.destroy();
      await tg.close();
    }
  });
});

function once(s: net.Socket, ev: string): Promise<void> {
  return new Promise((r) => s.once(ev, () => r()));
}

/** Status of one request (a fresh connection per request). */
async function status(
  url: string,
  path: string,
  init: { method?: string; body?: string } = {},
): Promise<number> {
  const res = await request(`${url}${path}`, {
    method: (init.method ?? 'GET') as 'GET',
    body: init.body,
    reset: true,
  });
  await res.body.text();
  return res.statusCode;
}

/** Fires `n` requests to `path` and aborts them all after `abortAfterMs` (clients going away). */
async function abortedRequests(url: string, path: string, n: number, abortAfterMs: number): Promise<void> {
  const ac = new AbortController();
  const pending = Array.from({ length: n }, () =>
    request(`${url}${path}`, { signal: ac.signal, reset: true }).then(
      async (r) => {
        await r.body.text();
        return r.statusCode;
      },
      (err: Error) => err.name,
    ),
  );
  await sleep(abortAfterMs);
  ac.abort();
  const outcomes = await Promise.all(pending);
  assert.ok(
    outcomes.some((o) => o === 'AbortError'),
    `some requests were aborted mid-flight: ${outcomes.join(',')}`,
  );
}

/** Every way a request can end gives its slot back: checked by running far more than `max` of each, one after another. */
async function assertEveryPathReleases(tg: TestGateway, max: number): Promise<void> {
  const url = tg.url;
  // Saturate: max slow requests in flight, then one more is refused with 429 + Retry-After.
  const slow = Array.from({ length: max }, () => status(url, '/slow?ms=600'));
  await sleep(200);
  const refused = await request(`${url}/fast`, { reset: true });
  assert.equal(refused.statusCode, 429);
  assert.equal(refused.headers['retry-after'], '1');
  assert.equal(JSON.parse(await refused.body.text()).code, 'GW_RATE_LIMITED');
  assert.deepEqual(await Promise.all(slow), Array(max).fill(200));

  const n = max * 4;
  for (let i = 0; i < n; i++) assert.equal(await status(url, '/fast'), 200, 'success releases');
  for (let i = 0; i < n; i++) assert.equal(await status(url, '/broken'), 502, 'an upstream failure releases');
  for (let i = 0; i < n; i++) assert.equal(await status(url, '/mock'), 204, 'a local reply releases');
  for (let i = 0; i < n; i++) {
    assert.equal(
      await status(url, '/upload', { method: 'POST', body: 'x'.repeat(100) }),
      413,
      'a later refusal releases',
    );
  }

  // Clients that go away mid-request (the upstream is still working on it).
  const abortedBefore = up.aborted();
  await abortedRequests(url, '/slow?ms=3000', max, 300);
  await abortedRequests(url, '/slow?ms=3000', max, 300);
  const deadline = Date.now() + 3000;
  while (up.aborted() - abortedBefore < max * 2) {
    assert.ok(Date.now() < deadline, 'the gateway abandons the upstream exchanges of aborted clients');
    await sleep(20);
  }
  // All slots are free again: max concurrent requests pass, the next is refused.
  const again = Array.from({ length: max }, () => status(url, '/slow?ms=400'));
  await sleep(150);
  assert.equal(await status(url, '/fast'), 429, 'the limit still holds');
  assert.deepEqual(await Promise.all(again), Array(max).fill(200), 'aborted requests gave their slots back');
}

const limitPolicy = (max: number) => `policies:
  concurrency-limit: { max: ${max}, key: all, slot_ttl_s: 600 }`;

describe('concurrency-limit', () => {
  test('local store: at most max in flight; every way a request ends releases its slot', async () => {
    const tg = await startGateway(gatewayConfig({ policies: limitPolicy(3) }));
    try {
      await assertEveryPathReleases(tg, 3);
    } finally {
      await tg.close();
    }
  });

  describe('redis store', () => {
    let redis: TestRedis;
    before(async () => {
      redis = await startRedis();
    });
    after(async () => {
      await redis?.stop();
    });

    test('redis store (asynchronous acquire and release): the same guarantees', async () => {
      const tg = await startGateway(
        gatewayConfig({
          policies: limitPolicy(3),
          state: `state: { backend: redis, redis: { url: "${redis.url}", command_timeout_ms: 2000 } }`,
        }),
      );
      try {
        await (tg.store as RedisStore).ready();
        await assertEveryPathReleases(tg, 3);
      } finally {
        await tg.close();
      }
    });
  });
});
