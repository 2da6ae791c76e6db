/**
 * `GET /quotas` on the admin API of a gateway started by the CLI: each consumer's usage of every
 * consumer-keyed quota, read from the state store, with the limit of its plan and the reset time.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { generateApiKey } from '../../src/identity/keys.ts';
import { type CliProcess, freePort, runCli } from '../helpers/cli.ts';
import { startUpstream, type TestUpstream } from '../helpers/gateway.ts';

const TOKEN = 'gatehouse-test-admin-token-quotas';
const alice = generateApiKey();
const bob = generateApiKey();
const dir = mkdtempSync(join(tmpdir(), 'gh-quotas-'));
let up: TestUpstream;
let gh: CliProcess;
let port: number;
let admin: number;

before(async () => {
  up = await startUpstream();
  port = await freePort();
  admin = await freePort();
  const file = join(dir, 'gatehouse.yaml');
  writeFileSync(
    file,
    `gatehouse: 1
workers: 1
admin: { host: 127.0.0.1, port: ${admin}, tokens: [{ id: ops, role: admin, token: "${TOKEN}" }], state_dir: "${join(dir, 'admin')}" }
credentials: { store: none }
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
      quota: { limit: 100, period: day, group_limits: { gold: 1000 }, persist: false }
consumers:
  - { id: alice, groups: [gold], api_keys: [{ id: a1, hash: "${alice.hash}" }] }
  - { id: bob, api_keys: [{ id: b1, hash: "${bob.hash}" }] }
`,
  );
  gh = runCli(['start', '--config', file]);
  await gh.waitFor((o) => o.includes('is running'), 25_000, 'the gateway to start');
});

after(async () => {
  gh?.kill();
  await up?.close();
});

test('usage per consumer and allowance, with the plan limit and the reset time', async () => {
  for (let i = 0; i < 3; i++) {
    const r = await fetch(`http://127.0.0.1:${port}/x`, { headers: { 'x-api-key': alice.key } });
    await r.arrayBuffer();
    assert.equal(r.status, 200);
  }
  await (await fetch(`http://127.0.0.1:${port}/x`, { headers: { 'x-api-key': bob.key } })).arrayBuffer();
  const res = await fetch(`http://127.0.0.1:${admin}/quotas`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  assert.equal(res.status, 200);
  const { data } = (await res.json()) as {
    data: Array<{
      consumer: string;
      bucket: string;
      used: number;
      limit: number;
      remaining: number;
      reset_at: string;
    }>;
  };
  const a = data.find((r) => r.consumer === 'alice')!;
  const b = data.find((r) => r.consumer === 'bob')!;
  assert.equal(a.bucket, 'route:orders');
  assert.equal(a.used, 3);
  assert.equal(a.limit, 1000, 'the gold plan');
  assert.equal(a.remaining, 997);
  assert.equal(b.used, 1);
  assert.equal(b.limit, 100);
  assert.ok(Date.parse(a.reset_at) > Date.now());
  const one = await fetch(`http://127.0.0.1:${admin}/quotas?consumer=bob`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const only = (await one.json()) as { data: Array<{ consumer: string }> };
  assert.deepEqual(
    only.data.map((r) => r.consumer),
    ['bob'],
  );
  const anon = await fetch(`http://127.0.0.1:${admin}/quotas`);
  assert.equal(anon.status, 401);
});

test('an admin action is audited and also emitted as a security event (category config)', async () => {
  const text = readFileSync(join(dir, 'gatehouse.yaml'), 'utf8');
  const applied = await fetch(`http://127.0.0.1:${admin}/config`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/yaml' },
    body: text,
  });
  assert.equal(applied.status, 200, await applied.text());
  const res = await fetch(`http://127.0.0.1:${admin}/events?category=config`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  assert.equal(res.status, 200);
  const { data } = (await res.json()) as { data: Array<{ type: string; category: string; reason: string }> };
  const e = data.find((x) => x.type === 'config_admin_action');
  assert.ok(e, JSON.stringify(data));
  assert.equal(e.category, 'config');
  assert.equal(e.reason, 'config.apply');
});
