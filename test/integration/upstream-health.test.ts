import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import pino from 'pino';
import { createUpstream, type Upstream } from '../../src/upstream/index.ts';

const logger = pino({ level: 'silent' });
const servers: Server[] = [];
const upstreams: Upstream[] = [];
after(async () => {
  await Promise.all(upstreams.map((u) => u.close()));
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

async function listen(handler: RequestListener): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function waitFor(what: string, cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A stub whose /healthz status can be flipped; it records every probe's headers. */
async function flippable() {
  const state = { status: 200, probes: [] as IncomingHttpHeaders[], other: 0 };
  const { server, origin } = await listen((req, res) => {
    if (req.url === '/healthz') {
      state.probes.push(req.headers);
      res.writeHead(state.status, { 'content-type': 'text/plain' }).end('x'.repeat(100));
    } else {
      state.other++;
      res.end('hello');
    }
  });
  return { state, server, origin };
}

describe('active health checks against real servers', { timeout: 30_000 }, () => {
  test('mark a target down and back up, using their own client', async () => {
    const a = await flippable();
    const b = await flippable();
    const changes: Array<[string, boolean]> = [];
    const up = createUpstream(
      {
        name: 'active',
        targets: [{ url: a.origin }, { url: b.origin }],
        health_checks: {
          active: {
            path: '/healthz',
            interval_ms: 50,
            timeout_ms: 1000,
            healthy_threshold: 2,
            unhealthy_threshold: 2,
            expected_statuses: [200, 204],
            host: 'health.internal',
          },
        },
      },
      { logger, onHealthChange: (t, h) => changes.push([t, h]) },
    );
    upstreams.push(up);
    up.start();
    up.start(); // idempotent: one probe chain per target
    await waitFor('first probes', () => a.state.probes.length >= 3 && b.state.probes.length >= 3);
    assert.deepEqual(
      up.health().map((h) => h.healthy),
      [true, true],
    );
    const probe = a.state.probes[0]!;
    assert.equal(probe.host, 'health.internal');
    assert.equal(probe['user-agent'], 'gatehouse-health-check');
    assert.equal(probe.connection, 'close');

    a.state.status = 503;
    await waitFor('a marked down', () => up.health()[0]!.healthy === false);
    assert.deepEqual(changes, [[a.origin, false]]);
    for (let i = 0; i < 10; i++) {
      assert.equal(up.pick({ clientIp: '127.0.0.1', headers: {} })?.origin, b.origin);
    }

    a.state.status = 204;
    await waitFor('a back up', () => up.health()[0]!.healthy === true);
    assert.deepEqual(changes, [
      [a.origin, false],
      [a.origin, true],
    ]);

    // Probes never went through the proxy pools, which still work for real traffic.
    assert.equal(a.state.other, 0);
    const t = up.targets[1]!;
    const res = await t.pool.request({ method: 'GET', path: '/anything' });
    assert.equal(res.statusCode, 200);
    assert.equal(await res.body.text(), 'hello');
    assert.equal(b.state.other, 1);
    assert.equal(up.targets[0]!.pool.stats.connected, 0);

    // close() stops probing.
    await up.close();
    const count = a.state.probes.length;
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(a.state.probes.length, count);
  });

  test('a hanging target and a closed port are marked down; close() aborts the hanging probe', async () => {
    let hung = 0;
    const hanging = await listen((req) => {
      if (req.url === '/healthz') hung++; // never answers
    });
    const closed = await listen(() => {});
    const closedOrigin = closed.origin;
    await new Promise((r) => closed.server.close(r));

    const up = createUpstream(
      {
        name: 'down',
        targets: [{ url: hanging.origin }, { url: closedOrigin }],
        health_checks: {
          active: {
            path: '/healthz',
            interval_ms: 50,
            timeout_ms: 100,
            healthy_threshold: 1,
            unhealthy_threshold: 2,
          },
        },
      },
      { logger },
    );
    upstreams.push(up);
    up.start();
    await waitFor('both down', () => up.health().every((h) => !h.healthy));
    assert.ok(hung >= 2);
    assert.equal(up.pick({ clientIp: '127.0.0.1', headers: {} }), undefined);
    assert.equal(up.circuitOpen(), false);

    const started = Date.now();
    await up.close();
    assert.ok(Date.now() - started < 1000, 'close() does not wait for the hanging probe');
  });
});
