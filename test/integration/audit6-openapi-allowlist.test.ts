/**
 * Audit of issue 6 (API3, excessive data exposure): with `response_allowlist` on, a member the spec does not
 * declare must never leave, whatever the upstream does with its response. Attacks: the client asks for a
 * compressed response (`Accept-Encoding: gzip`, which fetch sends by default) so the upstream gzips it; the
 * upstream labels JSON with an undeclared content type; the upstream nests a body deeper than the filter's
 * depth limit. Each must be filtered or refused (502), never passed through with the secret.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

const SPEC = new URL('../../src/openapi/fixtures/petstore/openapi.yaml', import.meta.url).pathname;
const PET = { name: 'Rex', kind: { petType: 'dog', barks: true }, owner: { email: 'ann@example.test' } };
const SECRET = 'internal-cost-4711';

function deep(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

describe('audit6: the openapi response allowlist cannot be bypassed', { timeout: 30_000 }, () => {
  let up: TestUpstream;
  let gw: TestGateway;

  before(async () => {
    up = await startUpstream((req, res) => {
      const id = Number(req.url?.split('/')[3]);
      const leak = { id, ...PET, internalCost: SECRET };
      const ae = String(req.headers['accept-encoding'] ?? '');
      if (id === 1) {
        // An upstream with response compression (as express `compression()` does): gzip when asked.
        const text = Buffer.from(JSON.stringify(leak));
        if (/\bgzip\b/.test(ae)) {
          res.writeHead(200, {
            'content-type': 'application/json',
            'content-encoding': 'gzip',
            vary: 'accept-encoding',
          });
          res.end(gzipSync(text));
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(text);
        }
        return;
      }
      if (id === 2) {
        // Gzip whatever the client asked for (a misconfigured upstream or a cached compressed variant).
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(gzipSync(JSON.stringify(leak)));
        return;
      }
      if (id === 3) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(JSON.stringify(leak));
        return;
      }
      if (id === 4) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ...leak, attributes: { a: 'b' }, extra: deep(80) }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(leak));
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
        response_allowlist: true
`);
  });

  after(async () => {
    await gw?.close();
    await up?.close();
  });

  /** GET with an explicit Accept-Encoding; returns status and the decoded body text. */
  async function get(id: number, acceptEncoding: string): Promise<{ status: number; text: string }> {
    const res = await fetch(`${gw.url}/v1/pets/${id}`, {
      headers: { 'x-api-version': '1', 'accept-encoding': acceptEncoding },
    });
    // fetch decodes gzip itself; decode by hand when it did not (e.g. a mislabelled body).
    const raw = Buffer.from(await res.arrayBuffer());
    let text = raw.toString('utf8');
    if (raw[0] === 0x1f && raw[1] === 0x8b) text = gunzipSync(raw).toString('utf8');
    return { status: res.status, text };
  }

  test('baseline: an identity response is filtered', async () => {
    const r = await get(9, 'identity');
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.text), { id: 9, ...PET });
  });

  test('a client asking for gzip still gets the filtered body (the upstream is asked for identity)', async () => {
    const before = up.requests.length;
    const r = await get(1, 'gzip, deflate, br');
    assert.doesNotMatch(r.text, new RegExp(SECRET));
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.text), { id: 1, ...PET });
    assert.equal(up.requests[before]?.headers['accept-encoding'], 'identity');
  });

  test('an upstream that compresses anyway is refused (502), not passed through', async () => {
    const r = await get(2, 'identity');
    assert.doesNotMatch(r.text, new RegExp(SECRET));
    assert.equal(r.status, 502);
  });

  test('JSON under an undeclared content type is refused (502), not passed through', async () => {
    const r = await get(3, 'identity');
    assert.doesNotMatch(r.text, new RegExp(SECRET));
    assert.equal(r.status, 502);
  });

  test('a body nested deeper than the filter handles is refused (502), not passed through', async () => {
    const r = await get(4, 'identity');
    assert.doesNotMatch(r.text, new RegExp(SECRET));
    assert.equal(r.status, 502);
  });
});
