/** An anomaly action through the real gateway: a tightened route's rate limit admits proportionally fewer. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { anomalyActions } from '../../src/traffic/anomaly-actions.ts';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

let up: TestUpstream;
let gw: TestGateway;
before(async () => {
  up = await startUpstream();
  gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: tight
    paths: ["/tight"]
    upstream: backend
    policies:
      rate-limit: { key: [route], limits: [{ name: m, limit: 10, period: 1h, algorithm: sliding-window }] }
  - name: loose
    paths: ["/loose"]
    upstream: backend
    policies:
      rate-limit: { key: [route], limits: [{ name: m, limit: 10, period: 1h, algorithm: sliding-window }] }
`);
});
after(async () => {
  anomalyActions.clear();
  await gw?.close();
  await up?.close();
});

test('tighten (cost 2) on one route halves what its limit admits; the other route keeps its limit', async () => {
  anomalyActions.apply({
    kind: 'tighten',
    scope: 'route',
    key: 'tight',
    until: Date.now() + 60_000,
    cost: 2,
  });
  const count = async (path: string) => {
    let ok = 0;
    for (let i = 0; i < 12; i++) {
      const r = await fetch(`${gw.url}${path}`);
      await r.arrayBuffer();
      if (r.status === 200) ok++;
    }
    return ok;
  };
  assert.equal(await count('/tight'), 5);
  assert.equal(await count('/loose'), 10);
});
