/**
 * bot-defense credential stuffing across worker threads and nodes: the real CLI (`gatehouse start`)
 * with two worker threads and the local store, failures alternating between connections pinned to
 * worker 0 and worker 1, flagged at exactly `identities_per_client` distinct identities; then two
 * gateways (two nodes) sharing one real redis-server (started on a free port). In both, the flagged
 * client is refused on every worker/node and the upstream never sees its blocked requests.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'undici';
import type { RedisStore } from '../../src/stores/redis/index.ts';
import { type CliProcess, freePort, runCli } from '../helpers/cli.ts';
import {
  proxyConfig,
  startGateway,
  startUpstream,
  type TestGateway,
  type TestUpstream,
} from '../helpers/gateway.ts';
import { startRedis, type TestRedis } from '../helpers/redis.ts';

const N = 6;
const UA = { 'user-agent': 'AcmeApp/1.0' };
const POLICY = `bot-defense: { credential_stuffing: { identities_per_client: ${N}, identity_header: x-login-user } }`;

let up: TestUpstream;
let dir: string;
before(async () => {
  // A login endpoint behind the gateway: every login fails; everything else succeeds.
  up = await startUpstream((req, res) => {
    const login = req.url?.startsWith('/login') === true;
    res.writeHead(login ? 401 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: !login }));
  });
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-bot-workers-'));
});
after(async () => {
  await up?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A field of a log line, whether written flat (`'url.path'`) or nested (`url: { path }`). */
function dig(line: Record<string, unknown>, path: string): unknown {
  if (path in line) return line[path];
  let v: unknown = line;
  for (const part of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[part];
  return v;
}

/** Upstream requests whose path starts with `prefix`. */
const seenUpstream = (prefix: string) => up.requests.filter((r) => r.url.startsWith(prefix)).length;

interface Answer {
  status: number;
  contentType: string;
}

async function send(client: Client, path: string, user?: string): Promise<Answer> {
  const res = await client.request({
    path,
    method: 'GET',
    headers: user === undefined ? UA : { ...UA, 'x-login-user': user },
  });
  await res.body.text();
  return { status: res.statusCode, contentType: String(res.headers['content-type']) };
}

describe('credential stuffing across two worker threads (CLI, local store)', () => {
  let gh: CliProcess;
  let port: number;
  const clients: Client[] = [];
  before(async () => {
    port = await freePort();
    const file = join(dir, 'workers.yaml');
    writeFileSync(
      file,
      proxyConfig(up.url, `    policies:\n      ${POLICY}\n`)
        .replace('workers: 1', 'workers: 2\ncredentials: { store: none }')
        .replace('port: 0', `port: ${port}`),
    );
    gh = runCli(['start', '--config', file]);
    await gh.waitFor((o) => o.includes('is running'), 30_000, 'the gateway to start');
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    gh?.kill('SIGTERM');
    await gh?.exitWithin(10_000);
  });

  /** The worker that served the (single) access-log line for `path`. */
  async function workerOf(path: string): Promise<number> {
    const line = () => gh.logs().find((l) => dig(l, 'url.path') === path && dig(l, 'worker') !== undefined);
    await gh.waitFor(() => line() !== undefined, 5000, `the access-log line of ${path}`);
    return dig(line()!, 'worker') as number;
  }

  let attempt = 0;
  /**
   * Sends on a fresh connection until the request is served by `worker` (the kernel spreads new connections over
   * both; a kept-alive connection may be closed and silently reopened elsewhere, so none is relied on). Every
   * attempt is a real request: a repeated failing identity is not a new identity. Returns the answer and the
   * path that was served by `worker`.
   */
  async function sendOn(worker: number, path: string, user?: string): Promise<Answer> {
    for (let k = 0; k < 40; k++) {
      const c = new Client(`http://127.0.0.1:${port}`, { pipelining: 1 });
      const p = `${path}-${attempt++}`;
      const answer = await send(c, p, user).finally(() => c.close());
      if ((await workerOf(p)) === worker) return answer;
    }
    throw new Error(`no connection reached worker ${worker}`);
  }

  test(`${N} distinct failing identities, alternating workers, flag the client at exactly the ${N}th`, async () => {
    // N - 1 distinct identities, alternating workers, each answered 401 by the upstream.
    for (let i = 0; i < N - 1; i++) {
      assert.equal((await sendOn(i % 2, `/login/${i}`, `user${i}@example.com`)).status, 401);
    }
    // The same identities again on the other worker are not new identities.
    for (let i = 0; i < N - 1; i++) {
      assert.equal((await sendOn((i + 1) % 2, `/login/again-${i}`, `user${i}@example.com`)).status, 401);
    }
    await sleep(50);
    for (const w of [0, 1]) {
      assert.equal((await sendOn(w, `/before/${w}`)).status, 200, `not flagged after ${N - 1} (worker ${w})`);
    }
    const stuffing = () => gh.logs().filter((l) => dig(l, 'event.action') === 'credential_stuffing');
    assert.equal(stuffing().length, 0);

    // The N-th distinct identity is still answered by the upstream, and flags the client.
    // (Any worker: a second attempt would already be refused.)
    const last = new Client(`http://127.0.0.1:${port}`, { pipelining: 1 });
    clients.push(last);
    assert.equal((await send(last, '/login/last', 'last-user@example.com')).status, 401);
    await gh.waitFor(() => stuffing().length > 0, 5000, 'the credential_stuffing event');
    const ev = stuffing()[0]!;
    assert.equal(dig(ev, 'gatehouse.bot.identities'), N, 'counted across both workers');
    assert.equal(dig(ev, 'event.reason'), 'many_identities_per_client');

    // Blocked on both workers, before the upstream.
    const upstreamBefore = up.requests.length;
    for (const w of [0, 1]) {
      const blocked = await sendOn(w, `/after/${w}`);
      assert.equal(blocked.status, 403, `blocked on worker ${w}`);
      assert.match(blocked.contentType, /problem\+json/);
      const login = await sendOn(w, `/login/after-${w}`, `more${w}@example.com`);
      assert.equal(login.status, 403);
    }
    assert.equal(seenUpstream('/after/'), 0, 'the upstream never saw the blocked requests');
    assert.equal(seenUpstream('/login/after-'), 0);
    assert.equal(up.requests.length, upstreamBefore);
    const blocks = () => gh.logs().filter((l) => dig(l, 'event.action') === 'bot_block');
    await gh.waitFor(() => blocks().length > 0, 5000, 'the bot_block event');
    for (const b of blocks()) assert.deepEqual(dig(b, 'gatehouse.bot.signals'), ['credential_stuffing']);
    // The raw identities never appear in the gateway's output.
    assert.doesNotMatch(gh.stdout(), /user0@example\.com|last-user@example\.com/);

    // Another client address (127.0.0.2, on loopback) is not flagged.
    const other = new Client(`http://127.0.0.1:${port}`, { localAddress: '127.0.0.2' });
    clients.push(other);
    assert.equal((await send(other, '/other')).status, 200);
  });
});

describe('credential stuffing across two nodes sharing one redis-server', () => {
  let redis: TestRedis;
  const nodes: TestGateway[] = [];
  before(async () => {
    redis = await startRedis();
    const state = `state: { backend: redis, redis: { url: "${redis.url}/0", key_prefix: "bdw:" } }\n`;
    for (let i = 0; i < 2; i++) {
      const tg = await startGateway(
        proxyConfig(up.url, `    policies:\n      ${POLICY}\n`).replace('workers: 1', `workers: 1\n${state}`),
      );
      nodes.push(tg);
      await (tg.store as RedisStore).ready();
    }
  });
  after(async () => {
    for (const tg of nodes) await tg.close();
    await redis?.stop();
  });

  test(`flagged at exactly the ${N}th identity whichever node saw the failures; refused on both`, async () => {
    const conn = nodes.map((tg) => new Client(tg.url));
    try {
      for (let i = 0; i < N - 1; i++) {
        assert.equal((await send(conn[i % 2]!, `/login/r${i}`, `redis-user${i}`)).status, 401);
      }
      for (const [n, c] of conn.entries()) {
        assert.equal((await send(c, `/r-before/${n}`)).status, 200, `not flagged after ${N - 1} (node ${n})`);
      }
      assert.equal((await send(conn[0]!, '/login/r-last', 'redis-last')).status, 401);
      // The log phase counts asynchronously (Redis round trips): wait for the event.
      const events = () =>
        nodes.flatMap((tg) => tg.logs.filter((l) => dig(l, 'event.action') === 'credential_stuffing'));
      const deadline = performance.now() + 5000;
      while (events().length === 0) {
        assert.ok(performance.now() < deadline, 'the credential_stuffing event within 5 s');
        await sleep(10);
      }
      assert.equal(dig(events()[0]!, 'gatehouse.bot.identities'), N);
      for (const [n, c] of conn.entries()) {
        const blocked = await send(c, `/r-after/${n}`);
        assert.equal(blocked.status, 403, `blocked on node ${n}`);
      }
      assert.equal(seenUpstream('/r-after/'), 0, 'the upstream never saw the blocked requests');
    } finally {
      await Promise.all(conn.map((c) => c.close()));
    }
  });

  test('Redis down: the flag lookup fails closed (503), the upstream is not reached', async () => {
    await redis.kill();
    const c = new Client(nodes[0]!.url);
    try {
      const res = await send(c, '/r-down');
      assert.equal(res.status, 503);
      assert.match(res.contentType, /problem\+json/);
      assert.equal(seenUpstream('/r-down'), 0);
    } finally {
      await c.close();
    }
  });
});
