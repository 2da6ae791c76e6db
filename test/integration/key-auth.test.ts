/**
 * key-auth through the real gateway to a recording upstream, with config keys and the embedded
 * (SQLite) credential store: positive controls, every refusal, header/query handling, identity
 * header spoofing, rotation, revocation, restart, and that a key never reaches a log line.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  type EmbeddedCredentialStore,
  openEmbeddedCredentialStore,
} from '../../src/identity/credentials/index.ts';
import { generateApiKey } from '../../src/identity/keys.ts';
import {
  rawRequest,
  startGateway,
  startUpstream,
  statuses,
  type TestGateway,
  type TestUpstream,
} from '../helpers/gateway.ts';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const alice = generateApiKey();
const bob = generateApiKey('gh_live');
const expired = generateApiKey();
const future = generateApiKey();
const revoked = generateApiKey();
const stranger = generateApiKey();
/** Every key issued in this file: none may ever appear in a log line. */
const allKeys: string[] = [alice.key, bob.key, expired.key, future.key, revoked.key, stranger.key];

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-key-auth-it-'));
const dbPath = join(dir, 'state', 'credentials.db');

function config(upstreamUrl: string): string {
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: true }
credentials: { store: embedded, path: "${dbPath}" }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${upstreamUrl}" }]
routes:
  - name: query-ok
    paths: ["/q/*"]
    upstream: backend
    policies:
      key-auth: { query_param: api_key }
  - name: open
    paths: ["/public/*"]
    upstream: backend
    policies:
      key-auth: { optional: true, anonymous: guest }
  - name: trial
    paths: ["/trial/*"]
    upstream: backend
    policies:
      key-auth: { mode: report-only }
  - name: api
    paths: ["/*"]
    upstream: backend
    policies:
      key-auth: {}
consumers:
  - id: alice
    groups: [staff, admins]
    api_keys:
      - { id: alice-1, hash: "${alice.hash}" }
      - { id: alice-old, hash: "${expired.hash}", expires_at: "${iso(Date.now() - HOUR)}" }
      - { id: alice-next, hash: "${future.hash}", not_before: "${iso(Date.now() + HOUR)}" }
      - { id: alice-lost, hash: "${revoked.hash}", revoked: true }
  - id: bob
    api_keys:
      - { id: bob-1, hash: "${bob.hash}" }
  - id: carol
  - id: guest
    groups: [public]
`;
}

let up: TestUpstream;
let tg: TestGateway;
let store: EmbeddedCredentialStore;

before(async () => {
  up = await startUpstream();
  tg = await startGateway(config(up.url));
  // A second handle on the gateway's database, as the admin API would hold.
  store = openEmbeddedCredentialStore({ path: dbPath });
});
after(async () => {
  await store?.close();
  await tg?.close();
  await up?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string, headers: Record<string, string> = {}) {
  const before = up.requests.length;
  const res = await fetch(`${tg.url}${path}`, { headers });
  const body = await res.text();
  return { res, body, upstream: up.requests.length > before ? up.requests.at(-1) : undefined };
}

function assertKeyNowhereUpstream(rec: (typeof up.requests)[number] | undefined) {
  const seen = JSON.stringify({ url: rec?.url, raw: rec?.rawHeaders });
  for (const k of allKeys) assert.ok(!seen.includes(k), 'a key reached the upstream');
}

async function assertRefused(path: string, headers: Record<string, string>) {
  const r = await get(path, headers);
  assert.equal(r.res.status, 401, `${path} ${JSON.stringify(headers).slice(0, 80)}`);
  assert.equal(r.upstream, undefined, 'the upstream must not be reached');
  assert.match(r.res.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.match(r.res.headers.get('www-authenticate') ?? '', /^Bearer realm="gatehouse"/);
  const problem = JSON.parse(r.body) as Record<string, unknown>;
  assert.equal(problem.status, 401);
  assert.equal(problem.code, 'GW_UNAUTHORIZED');
  for (const word of ['revoked', 'expired', 'unknown', 'malformed', 'not_yet_valid', 'ambiguous']) {
    assert.ok(!r.body.includes(word), `the problem body reveals the reason (${word})`);
  }
  return r;
}

describe('key-auth through the gateway', () => {
  test('a valid key: 200, upstream sees the consumer headers but not the key', async () => {
    const r = await get('/orders?x=1', { 'x-api-key': alice.key });
    assert.equal(r.res.status, 200);
    assert.equal(r.upstream?.headers['x-consumer-id'], 'alice');
    assert.equal(r.upstream?.headers['x-consumer-groups'], 'staff,admins');
    assert.equal(r.upstream?.headers['x-credential-id'], 'alice-1');
    assert.equal(r.upstream?.headers['x-api-key'], undefined);
    assert.equal(r.upstream?.url, '/orders?x=1');
    assertKeyNowhereUpstream(r.upstream);
  });

  test('Authorization: Bearer <key> works and the Authorization header is not forwarded', async () => {
    const r = await get('/orders', { authorization: `Bearer ${bob.key}` });
    assert.equal(r.res.status, 200);
    assert.equal(r.upstream?.headers['x-consumer-id'], 'bob');
    assert.equal(r.upstream?.headers.authorization, undefined);
    assertKeyNowhereUpstream(r.upstream);
  });

  test('refusals: no key, wrong key, expired, revoked, not yet valid, garbage', async () => {
    await assertRefused('/orders', {});
    await assertRefused('/orders', { 'x-api-key': stranger.key });
    await assertRefused('/orders', { 'x-api-key': expired.key });
    await assertRefused('/orders', { 'x-api-key': revoked.key });
    await assertRefused('/orders', { 'x-api-key': future.key });
    await assertRefused('/orders', { 'x-api-key': 'letmein' });
    await assertRefused('/orders', { 'x-api-key': alice.key, authorization: `Bearer ${bob.key}` });
  });

  test('header names are case-insensitive; key values are not', async () => {
    const ok = await rawRequest(
      tg.port,
      `GET /orders HTTP/1.1\r\nHost: a.test\r\nX-API-KEY: ${alice.key}\r\nConnection: close\r\n\r\n`,
    );
    assert.deepEqual(statuses(ok), [200]);
    const ok2 = await rawRequest(
      tg.port,
      `GET /orders HTTP/1.1\r\nHost: a.test\r\nx-Api-kEy: ${alice.key}\r\nConnection: close\r\n\r\n`,
    );
    assert.deepEqual(statuses(ok2), [200]);
    const swapped = alice.key.replace(/[A-Za-z]/g, (c) =>
      c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase(),
    );
    await assertRefused('/orders', { 'x-api-key': swapped });
    await assertRefused('/orders', { 'x-api-key': alice.key.toLowerCase() });
  });

  test('a repeated key header is refused as ambiguous, even with the same key twice', async () => {
    const raw = await rawRequest(
      tg.port,
      `GET /orders HTTP/1.1\r\nHost: a.test\r\nX-API-Key: ${alice.key}\r\nX-API-Key: ${alice.key}\r\nConnection: close\r\n\r\n`,
    );
    assert.deepEqual(statuses(raw), [401]);
  });

  test('a key in the query string is refused unless the route opts in', async () => {
    await assertRefused(`/orders?api_key=${alice.key}`, {});
    const r = await get(`/q/items?a=1&api_key=${alice.key}&b=2`);
    assert.equal(r.res.status, 200);
    assert.equal(r.upstream?.headers['x-consumer-id'], 'alice');
    assert.equal(r.upstream?.url, '/q/items?a=1&b=2');
    assertKeyNowhereUpstream(r.upstream);
    const upper = await get(`/q/items?API_KEY=${bob.key}`);
    assert.equal(upper.res.status, 200);
    assert.equal(upper.upstream?.url, '/q/items');
    const logged = tg.logs.filter(
      (l) => (l.gatehouse as { route?: string } | undefined)?.route === 'query-ok',
    );
    assert.ok(logged.length >= 2, 'access log lines for the query route');
    assert.ok(JSON.stringify(logged).includes('[REDACTED]'), 'the query value is redacted in the access log');
  });

  test('client-supplied identity headers never reach the upstream', async () => {
    const spoof = {
      'x-consumer-id': 'admin',
      'x-consumer-groups': 'admins',
      'x-credential-id': 'root',
      'x-authenticated-method': 'mtls-auth',
      'x-anonymous-consumer': 'false',
    };
    const r = await get('/orders', { ...spoof, 'x-api-key': bob.key });
    assert.equal(r.res.status, 200);
    assert.equal(r.upstream?.headers['x-consumer-id'], 'bob');
    assert.equal(r.upstream?.headers['x-consumer-groups'], undefined);
    assert.equal(r.upstream?.headers['x-credential-id'], 'bob-1');
    assert.equal(r.upstream?.headers['x-authenticated-method'], 'key-auth');
    assert.equal(r.upstream?.headers['x-anonymous-consumer'], undefined);
    const anon = await get('/public/x', spoof);
    assert.equal(anon.res.status, 200);
    assert.equal(anon.upstream?.headers['x-consumer-id'], 'guest');
    assert.equal(anon.upstream?.headers['x-consumer-groups'], 'public');
    assert.equal(anon.upstream?.headers['x-anonymous-consumer'], 'true');
    assert.equal(anon.upstream?.headers['x-credential-id'], undefined);
  });

  test('optional route: an invalid key is not denied and does not become anonymous', async () => {
    const r = await get('/public/x', { 'x-api-key': revoked.key });
    assert.equal(r.res.status, 200);
    assert.equal(r.upstream?.headers['x-consumer-id'], undefined);
    assert.equal(r.upstream?.headers['x-api-key'], undefined);
  });

  test('report-only: a bad key is logged as would-deny and the request passes', async () => {
    const r = await get('/trial/x', { 'x-api-key': stranger.key });
    assert.equal(r.res.status, 200);
    assert.equal(r.upstream?.headers['x-consumer-id'], undefined);
    const line = tg.logs.findLast((l) => (l.gatehouse as { route?: string } | undefined)?.route === 'trial');
    const decisions = (line?.gatehouse as { decisions?: Array<Record<string, unknown>> }).decisions ?? [];
    assert.equal(decisions[0]?.action, 'would-deny');
    assert.equal(decisions[0]?.policy, 'key-auth');
  });

  test('embedded store: a key added at run time works; its revocation takes effect on the next request', async () => {
    const k = generateApiKey();
    allKeys.push(k.key);
    store.put({ id: 'carol-1', consumerId: 'carol', hash: k.hash, createdAt: Date.now() });
    const ok = await get('/orders', { 'x-api-key': k.key });
    assert.equal(ok.res.status, 200);
    assert.equal(ok.upstream?.headers['x-credential-id'], 'carol-1');
    assert.equal((await get('/orders', { 'x-api-key': k.key })).res.status, 200);
    store.revoke('carol-1');
    await assertRefused('/orders', { 'x-api-key': k.key });
  });

  test('rotation: old and new keys both work during the grace window, then only the new one', async () => {
    const k = generateApiKey();
    allKeys.push(k.key);
    store.put({ id: 'carol-rot', consumerId: 'carol', hash: k.hash, createdAt: Date.now() });
    assert.equal((await get('/orders', { 'x-api-key': k.key })).res.status, 200);
    const graceMs = 1200;
    const t0 = Date.now();
    const rotated = await store.rotate('carol-rot', graceMs, { id: 'carol-rot-2' });
    allKeys.push(rotated.key);
    const during = [
      await get('/orders', { 'x-api-key': k.key }),
      await get('/orders', { 'x-api-key': rotated.key }),
    ];
    if (Date.now() - t0 < graceMs - 50) {
      assert.deepEqual(
        during.map((r) => r.res.status),
        [200, 200],
      );
      assert.equal(during[1]!.upstream?.headers['x-credential-id'], 'carol-rot-2');
    }
    await new Promise((r) => setTimeout(r, Math.max(0, t0 + graceMs + 20 - Date.now())));
    await assertRefused('/orders', { 'x-api-key': k.key });
    assert.equal((await get('/orders', { 'x-api-key': rotated.key })).res.status, 200);
  });

  test('restart: keys in the embedded store survive', async () => {
    const k = generateApiKey();
    allKeys.push(k.key);
    store.put({ id: 'bob-db', consumerId: 'bob', hash: k.hash, createdAt: Date.now() });
    await store.close();
    await tg.close();
    tg = await startGateway(config(up.url));
    store = openEmbeddedCredentialStore({ path: dbPath });
    const r = await get('/orders', { 'x-api-key': k.key });
    assert.equal(r.res.status, 200);
    assert.equal(r.upstream?.headers['x-credential-id'], 'bob-db');
    await assertRefused('/orders', { 'x-api-key': stranger.key });
    // Revocations survive too.
    store.revoke('bob-db');
    await tg.close();
    tg = await startGateway(config(up.url));
    await assertRefused('/orders', { 'x-api-key': k.key });
  });

  test('no key ever appears in a log line', () => {
    const text = tg.logText();
    assert.ok(text.length > 0);
    for (const k of allKeys) {
      assert.ok(!text.includes(k), 'a key appeared in the logs');
      assert.ok(!text.includes(k.slice(-39, -7)), "a key's random part appeared in the logs");
    }
  });
});
