/** `metrics.per_consumer` through the real gateway: series per authenticated consumer, none by default. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generateApiKey } from '../../src/identity/keys.ts';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

const alice = generateApiKey();
let up: TestUpstream;
let gw: TestGateway;
const config = (perConsumer: boolean) => `gatehouse: 1
workers: 1
admin: { enabled: false }
metrics: { per_consumer: ${perConsumer}, max_consumers: 10 }
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
    api_keys: [{ id: alice-1, hash: "${alice.hash}" }]
`;

before(async () => {
  up = await startUpstream();
  gw = await startGateway(config(false));
});
after(async () => {
  await gw?.close();
  await up?.close();
});

test('per-consumer series appear only when enabled, after a reload', async () => {
  const call = async () =>
    (await fetch(`${gw.url}/x`, { headers: { 'x-api-key': alice.key } })).arrayBuffer();
  await call();
  assert.doesNotMatch((await gw.metrics.exposition()).body, /gatehouse_consumer_requests_total\{/);
  const r = await gw.reconfigure(config(true));
  assert.ok(r.ok);
  await call();
  await call();
  await (await fetch(`${gw.url}/x`)).arrayBuffer();
  const text = (await gw.metrics.exposition()).body;
  assert.match(text, /gatehouse_consumer_requests_total\{consumer="alice",status_class="2xx"\} 2/);
  assert.doesNotMatch(text, /consumer="anonymous"/);
});

test('policy decisions count both outcomes: allow (passed) and deny by reason', async () => {
  const before = (await gw.metrics.exposition()).body;
  const count = (text: string, re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
  const allowRe =
    /gatehouse_policy_decisions_total\{policy="key-auth",action="allow",reason="passed"\} (\d+)/;
  const denyRe =
    /gatehouse_policy_decisions_total\{policy="key-auth",action="deny",reason="key-auth:missing"\} (\d+)/;
  await (await fetch(`${gw.url}/x`, { headers: { 'x-api-key': alice.key } })).arrayBuffer();
  await (await fetch(`${gw.url}/x`)).arrayBuffer();
  await (await fetch(`${gw.url}/x`)).arrayBuffer();
  const after = (await gw.metrics.exposition()).body;
  assert.equal(count(after, allowRe) - count(before, allowRe), 1);
  assert.equal(count(after, denyRe) - count(before, denyRe), 2);
});
