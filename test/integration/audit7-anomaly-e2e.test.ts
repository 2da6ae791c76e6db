/**
 * Issue 7 audit, anomaly detection end to end through the real gateway and its own clock: steady
 * traffic with a few authentication failures per second builds the route's baseline; a shift to a
 * burst of failures raises `anomaly_detected` (auth_failures_spike) and the configured action, which
 * then charges the route's rate limit four units per request for a consumer that was never involved.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generateApiKey } from '../../src/identity/keys.ts';
import type { GatewayTelemetry } from '../../src/runtime/telemetry.ts';
import { anomalyActions } from '../../src/traffic/anomaly-actions.ts';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

const alice = generateApiKey();
const bob = generateApiKey();
let up: TestUpstream;
let gw: TestGateway;

before(async () => {
  anomalyActions.clear();
  up = await startUpstream();
  gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: error, access_log: false }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
anomaly:
  enabled: true
  bucket_ms: 1000
  warmup_buckets: 2
  z_threshold: 6
  per_consumer: false
  actions:
    tighten_rate_limit: { enabled: true, cost: 4, duration_s: 60 }
    metrics: [auth_failures]
routes:
  - name: login
    paths: ["/login"]
    upstream: backend
    policies:
      key-auth: {}
      rate-limit:
        key: [consumer]
        limits: [{ name: m, limit: 40, period: 1h, algorithm: sliding-window }]
consumers:
  - { id: alice, api_keys: [{ id: a1, hash: "${alice.hash}" }] }
  - { id: bob, api_keys: [{ id: b1, hash: "${bob.hash}" }] }
`);
});
after(async () => {
  anomalyActions.clear();
  await gw?.close();
  await up?.close();
});

async function get(key?: string): Promise<number> {
  const res = await fetch(`${gw.url}/login`, {
    headers: key === undefined ? {} : { 'x-api-key': key },
    signal: AbortSignal.timeout(5000),
  });
  await res.arrayBuffer();
  return res.status;
}

test('a shift to a burst of authentication failures raises an anomaly and tightens the route', async () => {
  const tel = gw.gw.telemetry as GatewayTelemetry;
  assert.ok(tel?.bus, 'the gateway has its telemetry');
  const anomalies = () => tel.bus.recent({ category: 'anomaly', limit: 100 });

  // Baseline: about 6 failures and 3 successes per second for 4.5 s.
  const steadyEnd = Date.now() + 4500;
  let sent = 0;
  while (Date.now() < steadyEnd) {
    assert.equal(await get(), 401);
    assert.equal(await get('wrong-key'), 401);
    if (sent++ % 2 === 0) assert.equal(await get(alice.key), 200);
    await new Promise((r) => setTimeout(r, 300));
  }
  assert.equal(
    anomalies().filter((e) => e.type === 'anomaly_detected').length,
    0,
    'steady traffic raises nothing',
  );
  assert.equal(anomalyActions.costFor('login', undefined), 1);

  // The shift: 150 failures at once.
  for (let i = 0; i < 150; i++) await get();
  const deadline = Date.now() + 5000;
  while (!anomalies().some((e) => e.type === 'anomaly_action') && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const detected = anomalies().find((e) => e.type === 'anomaly_detected');
  assert.ok(detected, 'anomaly_detected was raised');
  assert.equal(detected.reason, 'auth_failures_spike');
  assert.equal(detected.route, 'login');
  assert.ok(anomalies().some((e) => e.type === 'anomaly_action' && e.reason === 'tighten'));
  assert.equal(anomalyActions.costFor('login', undefined), 4);

  // bob never took part: his limit of 40 now admits 40 / 4 = 10 requests.
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) statuses.push(await get(bob.key));
  assert.deepEqual(statuses, [...Array(10).fill(200), 429, 429]);
});
