/**
 * `openapi` response validation and allowlist through the gateway (needs the response body filter hook in
 * src/pipeline/proxy.ts: ctx.state.responseBodyFilter).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

const SPEC = new URL('../../src/openapi/fixtures/petstore/openapi.yaml', import.meta.url).pathname;
const PET = { name: 'Rex', kind: { petType: 'dog', barks: true }, owner: { email: 'ann@example.test' } };

describe('openapi responses through the gateway', { timeout: 60_000 }, () => {
  let up: TestUpstream;
  let gw: TestGateway;

  before(async () => {
    up = await startUpstream((req, res) => {
      const id = Number(req.url?.split('/')[3]);
      let body: unknown = { id, ...PET, internalCost: 12, owner: { email: 'a@b.test', passwordHash: 'x' } };
      if (id === 2) body = { id, name: 'no kind' };
      if (id === 3) body = { id, ...PET, microchipSecret: 'abcdefgh' };
      if (id === 4) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"stack":"at db.query (internal.js:1)"}');
        return;
      }
      if (id === 5)
        body = {
          id,
          ...PET,
          attributes: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 'v'])),
        };
      const text = JSON.stringify(body);
      res.writeHead(200, { 'content-type': 'application/json', etag: '"abc"' });
      res.end(text);
    });
    gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: false }
listeners: [{ name: main, host: 127.0.0.1, port: 0 }]
upstreams: [{ name: backend, targets: [{ url: "${up.url}" }] }]
routes:
  - name: pets
    paths: ["/v1/*"]
    upstream: backend
    policies:
      openapi:
        spec: "${SPEC}"
        response_validation: enforce
        response_allowlist: true
        max_response_bytes: 16384
`);
  });

  after(async () => {
    await gw?.close();
    await up?.close();
  });

  const get = (id: number) => fetch(`${gw.url}/v1/pets/${id}`, { headers: { 'x-api-version': '1' } });

  test('undeclared members never leave; Content-Length recomputed, ETag dropped', async () => {
    const res = await get(1);
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.equal(res.headers.get('content-length'), String(Buffer.byteLength(text)));
    assert.equal(res.headers.get('etag'), null);
    assert.deepEqual(JSON.parse(text), { id: 1, ...PET, owner: { email: 'a@b.test' } });
  });

  test('an invalid body, a writeOnly member and an undeclared status become 502 problems', async () => {
    for (const id of [2, 3, 4]) {
      const res = await get(id);
      assert.equal(res.status, 502, `pet ${id}`);
      const text = await res.text();
      assert.doesNotMatch(text, /abcdefgh|stack|internal\.js/);
    }
  });

  test('a response over max_response_bytes is refused when enforcing', async () => {
    const res = await get(5);
    assert.equal(res.status, 502);
    await res.body?.cancel();
  });
});
