/**
 * Redis credential store: the shared contract over one real redis-server (two store instances = two
 * gateway nodes), the 2-node revocation-within-1-s guarantee, and key-auth through a real gateway
 * whose credentials live in Redis.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { credentialStoreContract, newRecord, within } from '../../src/identity/credentials/contract.ts';
import { openRedisCredentialStore, type RedisCredentialStore } from '../../src/identity/credentials/index.ts';
import { apiKeyStatus } from '../../src/identity/credentials/types.ts';
import { freePort } from '../helpers/cli.ts';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';
import { startRedis, startRedisCluster, type TestRedis } from '../helpers/redis.ts';

let redis: TestRedis;

before(async () => {
  redis = await startRedis();
});
after(async () => {
  await redis?.stop();
});

const url = () => `${redis.url}/0`;
let prefixSeq = 0;

credentialStoreContract('redis (two nodes, one redis-server)', async () => {
  const keyPrefix = `t${++prefixSeq}:`;
  const a = openRedisCredentialStore({ url: url(), keyPrefix, commandTimeoutMs: 2000 });
  const b = openRedisCredentialStore({ url: url(), keyPrefix, commandTimeoutMs: 2000 });
  await Promise.all([a.ready(), b.ready()]);
  return {
    a,
    b,
    cleanup: async () => {
      await a.close();
      await b.close();
    },
  };
});

describe('redis credential store', () => {
  test('2 nodes: a revocation on node A reaches the cached lookup on node B in under 1 s', async () => {
    const keyPrefix = `rev${++prefixSeq}:`;
    const a = openRedisCredentialStore({
      url: url(),
      keyPrefix,
      cacheTtlMs: 600_000,
      commandTimeoutMs: 2000,
    });
    const b = openRedisCredentialStore({
      url: url(),
      keyPrefix,
      cacheTtlMs: 600_000,
      commandTimeoutMs: 2000,
    });
    try {
      assert.equal(await a.ready(), true);
      assert.equal(await b.ready(), true);
      const { rec } = newRecord('alice');
      const seen: string[] = [];
      b.onChange((c) => seen.push(c.hash));
      await a.put(rec);
      assert.ok((await within(1000, () => seen.includes(rec.hash))) >= 0, 'B never heard of the new key');
      assert.equal(apiKeyStatus((await b.find(rec.hash))!, Date.now()), 'ok');
      // Prove B answers from its cache: change the record behind its back without a notification.
      const raw = new Redis(url());
      try {
        await raw.hset(`${keyPrefix}{creds}:k:${rec.hash.slice(7)}`, 'ra', '1');
        assert.equal(
          apiKeyStatus((await b.find(rec.hash))!, Date.now()),
          'ok',
          'B must serve from its cache',
        );
        await raw.hdel(`${keyPrefix}{creds}:k:${rec.hash.slice(7)}`, 'ra');
      } finally {
        raw.disconnect();
      }

      const t0 = performance.now();
      await a.revoke(rec.id);
      const ms = await within(
        1000,
        async () => apiKeyStatus((await b.find(rec.hash))!, Date.now()) === 'revoked',
      );
      assert.ok(ms >= 0, 'node B still accepted the key 1 s after the revocation');
      assert.ok(performance.now() - t0 < 1000);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('Redis down: lookups fail (fast) with StoreUnavailableError, never with "unknown"', async () => {
    const deadPort = await freePort();
    const s = openRedisCredentialStore({ url: `redis://127.0.0.1:${deadPort}/0`, commandTimeoutMs: 100 });
    try {
      const t0 = performance.now();
      await assert.rejects(() => s.find(newRecord('a').rec.hash), { name: 'StoreUnavailableError' });
      assert.ok(performance.now() - t0 < 2000);
    } finally {
      await s.close();
    }
  });

  test('keys share one hash tag (one cluster slot per deployment)', async () => {
    const keyPrefix = `tag${++prefixSeq}:`;
    const s = openRedisCredentialStore({ url: url(), keyPrefix, commandTimeoutMs: 2000 });
    try {
      const { rec } = newRecord('alice');
      await s.put(rec);
      const raw = new Redis(url());
      const keys = await raw.keys(`${keyPrefix}*`).finally(() => raw.disconnect());
      keys.sort();
      assert.deepEqual(keys, [
        `${keyPrefix}{creds}:c:alice`,
        `${keyPrefix}{creds}:id:${rec.id}`,
        `${keyPrefix}{creds}:k:${rec.hash.slice(7)}`,
      ]);
    } finally {
      await s.close();
    }
  });
});

describe('key-auth through the gateway with credentials in Redis', () => {
  let up: TestUpstream;
  let tg: TestGateway;
  let admin: RedisCredentialStore;
  const keyPrefix = 'gw:';

  before(async () => {
    up = await startUpstream();
    admin = openRedisCredentialStore({ url: url(), keyPrefix, commandTimeoutMs: 2000 });
    await admin.ready();
    tg = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: true }
state:
  redis: { url: "${url()}", key_prefix: "${keyPrefix}", command_timeout_ms: 2000 }
credentials: { store: redis }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: api
    paths: ["/*"]
    upstream: backend
    policies:
      key-auth: {}
consumers:
  - id: alice
    groups: [staff]
`);
  });
  after(async () => {
    await tg?.close();
    await admin?.close();
    await up?.close();
  });

  test('a key added on another node works; its revocation stops it within 1 s', async () => {
    const { key, rec } = newRecord('alice');
    await admin.put(rec);
    const get = () => fetch(`${tg.url}/orders`, { headers: { 'x-api-key': key } });
    const ok = await get();
    await ok.arrayBuffer();
    assert.equal(ok.status, 200);
    assert.equal(up.requests.at(-1)?.headers['x-consumer-id'], 'alice');
    const ok2 = await get();
    await ok2.arrayBuffer();
    assert.equal(ok2.status, 200);
    await admin.revoke(rec.id);
    const ms = await within(1000, async () => {
      const r = await get();
      await r.arrayBuffer();
      return r.status === 401;
    });
    assert.ok(ms >= 0, 'the gateway still accepted the revoked key after 1 s');
    assert.ok(!tg.logText().includes(key), 'the key appeared in a log line');
  });
});

describe('redis credential store on a 3-master Redis Cluster', () => {
  test('two nodes: put, cached lookup, revocation within 1 s', async () => {
    const cluster = await startRedisCluster();
    const a = openRedisCredentialStore({ nodes: cluster.nodes, keyPrefix: 'c1:', commandTimeoutMs: 2000 });
    const b = openRedisCredentialStore({ nodes: cluster.nodes, keyPrefix: 'c1:', commandTimeoutMs: 2000 });
    try {
      assert.equal(await a.ready(5000), true);
      assert.equal(await b.ready(5000), true);
      const { rec } = newRecord('alice');
      await a.put(rec);
      assert.ok((await within(1000, async () => (await b.find(rec.hash)) !== undefined)) >= 0);
      assert.equal(apiKeyStatus((await b.find(rec.hash))!, Date.now()), 'ok');
      assert.deepEqual(
        (await b.list('alice')).map((r) => r.id),
        [rec.id],
      );
      await a.revoke(rec.id);
      const ms = await within(
        1000,
        async () => apiKeyStatus((await b.find(rec.hash))!, Date.now()) === 'revoked',
      );
      assert.ok(ms >= 0, 'revocation not seen within 1 s on the cluster');
    } finally {
      await a.close();
      await b.close();
      await cluster.stop();
    }
  });
});
