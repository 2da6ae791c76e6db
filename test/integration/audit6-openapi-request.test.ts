/**
 * Audit of issue 6, OpenAPI request validation against parser differentials: the gateway must not validate a
 * different value from the one the upstream may use. A JSON body that repeats a member (first-wins parsers
 * read the first, JSON.parse the last), a scalar query parameter or form field sent twice. Each is refused
 * with a 400 problem naming the pointer, and never reaches the upstream.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

const SPEC = new URL('../../src/openapi/fixtures/petstore/openapi.yaml', import.meta.url).pathname;
const PET = { name: 'Rex', kind: { petType: 'dog', barks: true }, owner: { email: 'ann@example.test' } };

describe('audit6: openapi request validation and parser differentials', { timeout: 30_000 }, () => {
  let up: TestUpstream;
  let gw: TestGateway;

  before(async () => {
    up = await startUpstream();
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
      openapi: { spec: "${SPEC}", strict: true }
`);
  });

  after(async () => {
    await gw?.close();
    await up?.close();
  });

  async function refused(path: string, init: RequestInit): Promise<Record<string, unknown>> {
    const before = up.requests.length;
    const res = await fetch(`${gw.url}${path}`, init);
    const text = await res.text();
    assert.equal(res.status, 400, `${path}: ${text}`);
    assert.equal(up.requests.length, before, 'the upstream never saw it');
    return JSON.parse(text) as Record<string, unknown>;
  }

  const post = (body: string): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

  test('a JSON body repeating a member is refused, whichever copy is the invalid one', async () => {
    const tail = JSON.stringify(PET).slice(1);
    for (const body of [
      `{"name":"<script>",${tail}`,
      `{"name":"Rex","name":"<script>",${tail.replace('"name":"Rex",', '')}`,
    ]) {
      const p = await refused('/v1/pets', post(body));
      assert.doesNotMatch(JSON.stringify(p), /script/);
    }
    // Repeated only through an escape, nested.
    const nested = `{"name":"Rex","kind":{"petType":"dog","barks":true},"owner":{"email":"ann@example.test","em\\u0061il":"x"}}`;
    await refused('/v1/pets', post(nested));
    // The clean body passes.
    const ok = await fetch(`${gw.url}/v1/pets`, post(JSON.stringify(PET)));
    assert.equal(ok.status, 200);
    await ok.body?.cancel();
  });

  test('a scalar query parameter or form field sent twice is refused', async () => {
    await refused('/v1/pets?limit=1000&limit=10', {});
    await refused('/v1/pets?limit=10&limit=1000', {});
    await refused('/v1/pets', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=%3Cb%3E&name=Rex&kind=dog',
    });
  });
});
