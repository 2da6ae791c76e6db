/**
 * `quota` through the real gateway: per-consumer daily allowances (key-auth consumers), headers and
 * the 429 problem, plans (group_limits), usage readable with readQuotaUsage, and usage surviving a
 * restart of a local-store gateway (snapshot at shutdown, restore at start).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateApiKey } from '../../src/identity/keys.ts';
import { readQuotaUsage } from '../../src/policies/quota/policy.ts';
import { consumerSubject } from '../../src/policies/quota/subject.ts';
import { startGateway, startUpstream, type TestUpstream } from '../helpers/gateway.ts';

const alice = generateApiKey();
const bob = generateApiKey();
const gold = generateApiKey();

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-quota-it-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function config(upstreamUrl: string, persistPath: string): string {
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: false }
credentials: { store: none }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${upstreamUrl}" }]
policies:
  key-auth: {}
  quota:
    limit: 5
    period: day
    time_zone: UTC
    group_limits: { gold: 8 }
    persist_path: "${persistPath}"
routes:
  - name: api
    paths: ["/*"]
    upstream: backend
consumers:
  - id: alice
    api_keys: [{ id: alice-1, hash: "${alice.hash}" }]
  - id: bob
    api_keys: [{ id: bob-1, hash: "${bob.hash}" }]
  - id: goldie
    groups: [gold]
    api_keys: [{ id: goldie-1, hash: "${gold.hash}" }]
`;
}

let up: TestUpstream;
before(async () => {
  up = await startUpstream();
});
after(async () => {
  await up?.close();
});

async function get(url: string, key: string) {
  const res = await fetch(`${url}/orders`, { headers: { 'x-api-key': key } });
  return { res, body: await res.text() };
}

/** Seconds from now to the next UTC midnight. */
function toMidnight(): number {
  const now = Date.now();
  const d = new Date(now);
  return (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) - now) / 1000;
}

describe('quota (local store)', () => {
  test('per-consumer allowance, headers, 429 problem with Retry-After to midnight UTC, plans', async () => {
    const persist = join(dir, 'basic', 'quota.json');
    const tg = await startGateway(config(up.url, persist));
    try {
      const remaining: string[] = [];
      for (let i = 0; i < 5; i++) {
        const { res } = await get(tg.url, alice.key);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('x-quota-limit'), '5');
        remaining.push(res.headers.get('x-quota-remaining') ?? '');
        const reset = Number(res.headers.get('x-quota-reset'));
        assert.ok(Math.abs(reset - toMidnight()) <= 2, `X-Quota-Reset ${reset} vs ${toMidnight()}`);
      }
      assert.deepEqual(remaining, ['4', '3', '2', '1', '0']);
      const before = up.requests.length;
      const { res, body } = await get(tg.url, alice.key);
      assert.equal(res.status, 429);
      assert.equal(up.requests.length, before, 'a refused request never reaches the upstream');
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      const problem = JSON.parse(body) as Record<string, unknown>;
      assert.equal(problem.code, 'GW_RATE_LIMITED');
      assert.equal(problem.detail, 'The daily quota is used up.');
      const retryAfter = Number(res.headers.get('retry-after'));
      assert.ok(Math.abs(retryAfter - toMidnight()) <= 2, `Retry-After ${retryAfter}`);
      assert.equal(res.headers.get('x-quota-remaining'), '0');

      // Bob has his own allowance; goldie's plan is larger.
      assert.equal((await get(tg.url, bob.key)).res.status, 200);
      const goldStatuses: number[] = [];
      for (let i = 0; i < 9; i++) goldStatuses.push((await get(tg.url, gold.key)).res.status);
      assert.deepEqual(goldStatuses, [200, 200, 200, 200, 200, 200, 200, 200, 429]);

      // The admin view of the same counters.
      const usage = await readQuotaUsage(tg.store!, {
        bucket: 'global',
        subject: consumerSubject('alice'),
        limit: 5,
      });
      assert.equal(usage.used, 5, 'refused requests are not counted');
      assert.equal(usage.remaining, 0);
      assert.equal(usage.period_id, new Date().toISOString().slice(0, 10));
    } finally {
      await tg.close();
    }
  });

  test('usage survives a restart: written at shutdown (0600), restored at start', async () => {
    const persist = join(dir, 'restart', 'quota.json');
    const first = await startGateway(config(up.url, persist));
    try {
      for (let i = 0; i < 3; i++) assert.equal((await get(first.url, alice.key)).res.status, 200);
    } finally {
      await first.close();
    }
    assert.equal(statSync(persist).mode & 0o777, 0o600);

    // A new process-wide store (as after a restart): the counts come back from the snapshot.
    const second = await startGateway(config(up.url, persist));
    try {
      const { res } = await get(second.url, alice.key);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('x-quota-remaining'), '1');
      assert.equal((await get(second.url, alice.key)).res.status, 200);
      assert.equal((await get(second.url, alice.key)).res.status, 429);
      assert.ok(
        second.logs.some((l) => l.message === 'quota: usage restored from snapshot' && l.counters === 1),
        'the restore is logged',
      );
    } finally {
      await second.close();
    }

    // A reload does not restore again (the counts are already in the store).
    const third = await startGateway(config(up.url, persist));
    try {
      assert.equal((await get(third.url, alice.key)).res.status, 429);
      const r = await third.reconfigure(config(up.url, persist).replace('limit: 5', 'limit: 7'));
      assert.equal(r.ok, true);
      const after = await get(third.url, alice.key);
      assert.equal(after.res.status, 200);
      assert.equal(after.res.headers.get('x-quota-remaining'), '1', 'usage 6 of 7 after the reload');
    } finally {
      await third.close();
    }
  });
});
