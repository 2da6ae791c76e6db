/**
 * Hot reload under sustained keep-alive load, in process: a real gateway in front of a real
 * upstream, 32 concurrent keep-alive clients, and the config rewritten and reloaded 50 times.
 * Not one request may fail, and new requests must see each new config.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { freePort } from '../helpers/cli.ts';
import { startGateway, type TestGateway } from '../helpers/gateway.ts';
import { type FastUpstream, startFastUpstream, startLoad } from '../helpers/load.ts';

const RELOADS = 50;

let up: FastUpstream;

before(async () => {
  up = await startFastUpstream();
});
after(async () => {
  await up.close();
});

/**
 * A config whose `x-config` response header names its version. Even versions also change limits
 * that apply in place (no listener is reopened); odd ones use the defaults.
 */
function config(port: number | 0, version: string, limits = false, extra = ''): string {
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: false }
listeners:
  - { name: main, host: 127.0.0.1, port: ${port} }
${limits ? 'limits: { max_body_bytes: 2048, keep_alive_timeout_ms: 7000, max_connections_per_ip: 512, headers_timeout_ms: 8000 }' : ''}
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: all
    paths: ["/*"]
    upstream: backend
    policies:
      headers:
        response:
          set: { x-config: "${version}" }
${extra}`;
}

async function headerOf(url: string): Promise<string | undefined> {
  const res = await request(url, { reset: true });
  await res.body.text();
  assert.equal(res.statusCode, 200);
  return res.headers['x-config'] as string | undefined;
}

describe('hot reload under load (in process)', () => {
  it('50 reloads while 32 keep-alive clients send requests: zero failures, the last config wins', async () => {
    const port = await freePort();
    const gw: TestGateway = await startGateway(config(port, 'v0'));
    try {
      assert.equal(await headerOf(`${gw.url}/warm`), 'v0');
      const load = startLoad({ origin: gw.url, path: '/load', header: 'x-config', concurrency: 32 });
      await sleep(200);
      const started = performance.now();
      const results = [];
      for (let i = 1; i <= RELOADS; i++) {
        results.push(await gw.reconfigure(config(port, `v${i}`, i % 2 === 0)));
        await sleep(140);
      }
      const reloadMs = performance.now() - started;
      await sleep(200);
      const stats = await load.stop();

      assert.deepEqual(
        results.filter((r) => !r.ok),
        [],
        'every reload succeeds',
      );
      assert.equal(gw.gw.generation, RELOADS + 1);
      assert.deepEqual(stats.failures, [], `${stats.failureCount} of ${stats.sent} requests failed`);
      assert.deepEqual([...stats.byStatus.keys()], [200]);
      assert.equal(stats.ok, stats.sent);
      assert.ok(stats.sent > RELOADS * 5, `sustained load (${stats.sent} requests)`);
      // The swap happened under load: most versions were actually served, and each client's last
      // response came from the last config.
      assert.ok(stats.headerValues.size >= RELOADS * 0.6, `versions seen: ${stats.headerValues.size}`);
      assert.deepEqual(new Set(stats.lastSeen), new Set([`v${RELOADS}`]));
      assert.equal(await headerOf(`${gw.url}/after`), `v${RELOADS}`);
      // Old runtimes were retired: their upstream pools closed instead of piling up connections.
      await sleep(300);
      const open = await up.connections();
      assert.ok(open <= 64, `upstream connections still open after ${RELOADS} reloads: ${open}`);
      process.stdout.write(
        `# in-process: ${stats.sent} requests during ${RELOADS} reloads in ${Math.round(reloadMs)} ms, ` +
          `${stats.failureCount} failed, ${stats.headerValues.size} versions seen\n`,
      );
    } finally {
      await gw.close();
    }
  });

  it('a bad file during load keeps the old config serving and reports the error with its position', async () => {
    const port = await freePort();
    const gw = await startGateway(config(port, 'good'));
    try {
      const load = startLoad({ origin: gw.url, path: '/load', header: 'x-config', concurrency: 16 });
      await sleep(100);
      const failures = () => /gatehouse_config_reloads_total\{result="failure"\} (\d+)/;
      const failuresCount = async () =>
        Number(failures().exec((await gw.metrics.exposition()).body)?.[1] ?? 0);
      const bad: Array<[string, string, RegExp]> = [
        ['syntax error', `${config(port, 'bad1')}  - name: [unclosed\n`, /:\d+:\d+ /],
        [
          'unknown key',
          config(port, 'bad2').replace('workers: 1', 'workers: 1\nbogus: true'),
          /:3:1 bogus: unknown key/,
        ],
        [
          'unknown upstream',
          config(port, 'bad3').replace('upstream: backend', 'upstream: nowhere'),
          /:\d+:\d+ routes\[0\]\.upstream: no upstream named "nowhere"/,
        ],
      ];
      for (const [what, yaml, expected] of bad) {
        const before = await failuresCount();
        const r = await gw.reconfigure(yaml);
        assert.equal(r.ok, false, what);
        assert.ok(!r.ok && r.errors.every((e) => e.line > 0 && e.column > 0), `${what}: positioned`);
        const logged = gw.logs.filter(
          (l) => l.message === 'configuration reload failed; keeping the running configuration',
        );
        const last = String((logged.at(-1)?.errors as string[] | undefined)?.join('\n'));
        assert.match(
          last,
          new RegExp(gw.configPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + expected.source),
        );
        assert.equal(await failuresCount(), before + 1, `${what}: failure counted`);
        assert.equal(await headerOf(`${gw.url}/check`), 'good', `${what}: old config still serving`);
        await sleep(100);
      }
      assert.equal((await gw.reconfigure(config(port, 'fixed'))).ok, true);
      await sleep(100);
      const stats = await load.stop();
      assert.deepEqual(stats.failures, []);
      assert.equal(await headerOf(`${gw.url}/check`), 'fixed');
      assert.deepEqual(
        [...stats.headerValues.keys()].filter((v) => v.startsWith('bad')),
        [],
        'no bad config ever served',
      );
    } finally {
      await gw.close();
    }
  });

  it('reload requests made during a reload are not lost: the newest file is applied', async () => {
    const port = await freePort();
    const gw = await startGateway(config(port, 'r0'));
    try {
      // Three reloads requested back to back, the file changing in between: the first runs, the
      // other two are served by one more reload that reads the newest file.
      const { writeFileSync } = await import('node:fs');
      const p1 = gw.gw.reload();
      writeFileSync(gw.configPath, config(port, 'r1'));
      const p2 = gw.gw.reload();
      writeFileSync(gw.configPath, config(port, 'r2'));
      const p3 = gw.gw.reload();
      const [r1, r2, r3] = await Promise.all([p1, p2, p3]);
      assert.equal(r1.ok && r2.ok && r3.ok, true);
      assert.equal(await headerOf(`${gw.url}/x`), 'r2');
      assert.equal(gw.gw.generation, 3);
    } finally {
      await gw.close();
    }
  });
});

describe('hot reload of a port-0 listener', () => {
  it('a reload that leaves the listener unchanged keeps client connections open', async () => {
    const gw = await startGateway(config(0, 'p0'));
    try {
      const load = startLoad({ origin: gw.url, path: '/load', header: 'x-config', concurrency: 8 });
      await sleep(100);
      for (let i = 1; i <= 5; i++) {
        assert.equal((await gw.reconfigure(config(0, `p${i}`))).ok, true);
        await sleep(100);
      }
      const stats = await load.stop();
      assert.deepEqual(stats.failures, [], `${stats.failureCount} of ${stats.sent} requests failed`);
      assert.equal(gw.gw.ports().main, gw.port, 'same port');
      assert.equal(await headerOf(`${gw.url}/x`), 'p5');
    } finally {
      await gw.close();
    }
  });
});

describe('hot reload that reopens the listener', () => {
  it('changing max_header_bytes under load reopens the socket without failing a request', async () => {
    const port = await freePort();
    const withHead = (v: string, bytes: number) =>
      config(port, v).replace('listeners:', `limits: { max_header_bytes: ${bytes} }\nlisteners:`);
    const gw = await startGateway(withHead('h0', 16_384));
    try {
      const load = startLoad({ origin: gw.url, path: '/load', header: 'x-config', concurrency: 32 });
      await sleep(200);
      for (let i = 1; i <= 10; i++) {
        assert.equal((await gw.reconfigure(withHead(`h${i}`, 16_384 + i * 1024))).ok, true);
        await sleep(150);
      }
      const stats = await load.stop();
      assert.deepEqual(stats.failures, [], `${stats.failureCount} of ${stats.sent} requests failed`);
      assert.equal(await headerOf(`${gw.url}/x`), 'h10');
    } finally {
      await gw.close();
    }
  });
});
