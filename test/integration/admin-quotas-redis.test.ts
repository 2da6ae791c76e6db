/**
 * `GET /quotas` with the Redis back end and two worker threads: the main thread (which serves the admin API
 * but no traffic) reads the usage the workers counted in Redis.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { generateApiKey } from '../../src/identity/keys.ts';
import { type CliProcess, freePort, runCli } from '../helpers/cli.ts';
import { startUpstream, type TestUpstream } from '../helpers/gateway.ts';
import { startRedis, type TestRedis } from '../helpers/redis.ts';

const TOKEN = 'gatehouse-test-admin-token-quotas-redis';
const alice = generateApiKey();
const dir = mkdtempSync(join(tmpdir(), 'gh-quotas-redis-'));
let up: TestUpstream;
let redis: TestRedis;
let gh: CliProcess;
let port: number;
let admin: number;

before(async () => {
  up = await startUpstream();
  redis = await startRedis();
  port = await freePort();
  admin = await freePort();
  const file = join(dir, 'gatehouse.yaml');
  writeFileSync(
    file,
    `gatehouse: 1
workers: 2
admin: { host: 127.0.0.1, port: ${admin}, tokens: [{ id: ops, role: admin, token: "${TOKEN}" }], state_dir: "${join(dir, 'admin')}" }
credentials: { store: none }
state: { backend: redis, redis: { url: "${redis.url}" } }
listeners:
  - { name: main, host: 127.0.0.1, port: ${port} }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: orders
    paths: ["/*"]
    upstream: backend
    policies:
      key-auth: {}
      quota: { limit: 100, period: day }
consumers:
  - { id: alice, api_keys: [{ id: a1, hash: "${alice.hash}" }] }
`,
  );
  gh = runCli(['start', '--config', file]);
  await gh.waitFor((o) => o.includes('is running'), 25_000, 'the gateway to start');
});

after(async () => {
  gh?.kill();
  await up?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('usage counted by the workers in Redis is read by the admin API of the main thread', async () => {
  for (let i = 0; i < 5; i++) {
    // New connections, so both workers take part.
    const r = await fetch(`http://127.0.0.1:${port}/x`, {
      headers: { 'x-api-key': alice.key, connection: 'close' },
    });
    await r.arrayBuffer();
    assert.equal(r.status, 200);
  }
  const res = await fetch(`http://127.0.0.1:${admin}/quotas?consumer=alice`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  assert.equal(res.status, 200, await res.clone().text());
  const { data } = (await res.json()) as {
    data: Array<{ consumer: string; used: number; remaining: number }>;
  };
  assert.equal(data.length, 1);
  assert.equal(data[0]!.consumer, 'alice');
  assert.equal(data[0]!.used, 5);
  assert.equal(data[0]!.remaining, 95);
});
