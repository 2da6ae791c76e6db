/**
 * Bans placed by rate-limit and brute-force are listed by the ban registry (what the admin API and
 * the dashboard show) and can be lifted: the banned client is refused before the lift and served after.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateApiKey } from '../../src/identity/keys.ts';
import { banRegistry } from '../../src/traffic/bans.ts';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

let up: TestUpstream;
let gw: TestGateway;
const stranger = generateApiKey();

before(async () => {
  up = await startUpstream();
  gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: warn }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: limited
    paths: ["/limited"]
    upstream: backend
    policies:
      rate-limit:
        key: [ip]
        limits: [{ name: s, limit: 2, period: 1m }]
        ban: { after_violations: 2, within_s: 60, base_s: 60, max_s: 600, decay_s: 600 }
  - name: login
    paths: ["/login"]
    upstream: backend
    policies:
      brute-force: { max_failures: 100, max_failures_per_ip: 3 }
      key-auth: {}
consumers:
  - id: alice
`);
});

after(async () => {
  await gw?.close();
  await up?.close();
});

const status = async (path: string, headers: Record<string, string> = {}) => {
  const r = await fetch(`${gw.url}${path}`, { headers });
  await r.arrayBuffer();
  return r.status;
};

describe('ban registry', () => {
  test('a rate-limit ban is listed with its scope and subject, and lifting it lets the client in again', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push(await status('/limited'));
    assert.deepEqual(codes.slice(0, 2), [200, 200]);
    assert.equal(codes.at(-1), 429);
    const ban = banRegistry.list().find((b) => b.policy === 'rate-limit');
    assert.ok(ban, 'the ban is listed');
    assert.equal(ban.route, 'limited');
    assert.equal(ban.client_ip, '127.0.0.1');
    assert.ok(ban.until > Date.now() + 50_000);
    assert.equal(await status('/limited'), 429);
    assert.equal(await banRegistry.lift(ban.id), true);
    assert.equal(banRegistry.list().filter((b) => b.policy === 'rate-limit').length, 0);
    assert.equal(await banRegistry.lift(ban.id), false, 'a lifted ban is gone');
  });

  test('a brute-force block of an address is listed and can be lifted', async () => {
    for (let i = 0; i < 3; i++) assert.equal(await status('/login', { 'x-api-key': stranger.key }), 401);
    assert.equal(await status('/login', { 'x-api-key': stranger.key }), 429);
    const ban = banRegistry.list().find((b) => b.policy === 'brute-force');
    assert.ok(ban);
    assert.equal(ban.subject, 'ip');
    assert.equal(await banRegistry.lift(ban.id), true);
    assert.equal(
      await status('/login', { 'x-api-key': stranger.key }),
      401,
      'refused for the bad key again, not blocked',
    );
  });
});
