/**
 * Graceful shutdown of the real CLI process (one thread and two workers): on SIGTERM the gateway
 * stops accepting at once, lets in-flight requests finish, closes idle keep-alive connections,
 * reports not-ready, and exits 0 — at the latest around `shutdown_timeout_ms`, cutting what is
 * still running then.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { freePort, runCli } from '../helpers/cli.ts';
import { type FastUpstream, startFastUpstream } from '../helpers/load.ts';

let up: FastUpstream;
let dir: string;

before(async () => {
  up = await startFastUpstream();
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-shutdown-'));
});
after(async () => {
  await up.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(workers: number, shutdownMs: number) {
  const port = await freePort();
  const admin = await freePort();
  const file = join(dir, `w${workers}-${shutdownMs}.yaml`);
  writeFileSync(
    file,
    `gatehouse: 1
workers: ${workers}
shutdown_timeout_ms: ${shutdownMs}
admin: { host: 127.0.0.1, port: ${admin} }
logging: { level: warn, access_log: false }
listeners:
  - { name: main, host: 127.0.0.1, port: ${port} }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
    timeouts: { header_ms: 60000 }
routes:
  - name: all
    paths: ["/*"]
    upstream: backend
`,
  );
  const gh = runCli(['start', '--config', file]);
  await gh.waitFor((o) => o.includes('is running'), 25_000, 'the gateway to start');
  return { gh, port, admin };
}

/** Resolves with how a new TCP connection to `port` fares: 'refused' or 'accepted'. */
function tryConnect(port: number): Promise<'refused' | 'accepted'> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve('accepted');
    });
    s.once('error', () => resolve('refused'));
  });
}

/** A keep-alive connection that has finished one request and now sits idle; resolves when closed. */
async function idleKeepAlive(port: number): Promise<{ closed: Promise<number> }> {
  const s = net.connect(port, '127.0.0.1');
  await new Promise((r) => s.once('connect', r));
  s.write('GET /idle HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  await new Promise((r) => s.once('data', r));
  return { closed: new Promise((r) => s.once('close', () => r(Date.now()))) };
}

async function waitUntil(test: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await sleep(10);
  }
}

for (const workers of [1, 2]) {
  describe(`graceful shutdown, workers: ${workers}`, () => {
    it('SIGTERM: in-flight requests finish with 200, new connections are refused, exit 0', async () => {
      const { gh, port, admin } = await start(workers, 8000);
      // Each request on its own connection.
      const agent = new Agent({ pipelining: 0 });
      try {
        const idle = await idleKeepAlive(port);
        const received = up.received();
        const inflight = Array.from({ length: 8 }, (_, i) =>
          request(`http://127.0.0.1:${port}/slow?ms=2000&i=${i}`, { dispatcher: agent }).then(
            async (r) => ({ status: r.statusCode, body: await r.body.text(), at: Date.now() }),
            (err: Error) => ({ status: 0, body: err.message, at: Date.now() }),
          ),
        );
        await waitUntil(() => up.received() >= received + 8, 3000, 'the slow requests to reach the upstream');
        const signalled = Date.now();
        gh.kill('SIGTERM');
        await gh.waitFor((o) => o.includes('SIGTERM received'), 2000, 'the signal to be handled');
        // Still draining (the slow requests need 2 s): soon nothing new is accepted (the workers
        // close their sockets as the message reaches them), and readiness is off.
        const refusedBy = Date.now() + 1500;
        let outcome = await tryConnect(port);
        while (outcome === 'accepted' && Date.now() < refusedBy) {
          await sleep(25);
          outcome = await tryConnect(port);
        }
        assert.equal(outcome, 'refused', 'new connections are refused after SIGTERM');
        const refusedAt = Date.now();
        const ready = await request(`http://127.0.0.1:${admin}/readyz`);
        await ready.body.text();
        assert.equal(ready.statusCode, 503, '/readyz reports not ready while draining');
        const idleClosedAt = await idle.closed;
        const results = await Promise.all(inflight);
        assert.deepEqual(
          results.map((r) => r.status),
          new Array(8).fill(200),
          JSON.stringify(results.map((r) => r.body)),
        );
        const lastDone = Math.max(...results.map((r) => r.at));
        assert.ok(refusedAt < lastDone, 'refused while the in-flight requests were still running');
        assert.ok(idleClosedAt < lastDone, 'the idle keep-alive connection is closed without waiting');
        const exit = await gh.exitWithin(25_000);
        assert.equal(exit.code, 0, gh.stderr());
        assert.ok(exit.at >= lastDone - 5, 'the process waited for the in-flight requests');
        // Well before shutdown_timeout_ms (8 s): it left as soon as the last request was done.
        assert.ok(exit.at - signalled < 6000, `exited ${exit.at - signalled} ms after SIGTERM`);
      } finally {
        gh.kill('SIGKILL');
        await agent.close();
      }
    });

    it('a request that outlives shutdown_timeout_ms is cut and the process exits near the deadline', async () => {
      const { gh, port } = await start(workers, 1000);
      const agent = new Agent({ pipelining: 0 });
      try {
        const received = up.received();
        const aborted = up.aborted();
        const inflight = Array.from({ length: 3 }, (_, i) =>
          request(`http://127.0.0.1:${port}/slow?ms=20000&i=${i}`, { dispatcher: agent }).then(
            (r) => `status ${r.statusCode}`,
            (err: Error & { code?: string }) => err.code ?? err.message,
          ),
        );
        await waitUntil(() => up.received() >= received + 3, 3000, 'the slow requests to reach the upstream');
        const signalled = Date.now();
        gh.kill('SIGTERM');
        const exit = await gh.exitWithin(25_000);
        const took = exit.at - signalled;
        assert.equal(exit.code, 0, gh.stderr());
        assert.ok(took >= 900, `exited after ${took} ms, before the deadline`);
        assert.ok(took < 1000 + 2500, `exited ${took} ms after SIGTERM (deadline 1000 ms)`);
        const outcomes = await Promise.all(inflight);
        assert.ok(
          outcomes.every((o) => !o.startsWith('status 200')),
          `cut requests must not look successful: ${outcomes.join(', ')}`,
        );
        // The gateway gave up on the upstream requests too, instead of leaving them running.
        await waitUntil(() => up.aborted() >= aborted + 3, 2000, 'the upstream requests to be aborted');
      } finally {
        gh.kill('SIGKILL');
        await agent.close();
      }
    });
  });
}
