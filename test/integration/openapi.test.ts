/**
 * The `openapi` policy through the real gateway: invalid requests are refused with problem+json and never reach
 * the upstream; valid ones (bodies included) arrive unchanged.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { resetShadowInventory, shadowInventory } from '../../src/openapi/inventory.ts';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

const SPEC = new URL('../../src/openapi/fixtures/petstore/openapi.yaml', import.meta.url).pathname;
const PET = { name: 'Rex', kind: { petType: 'dog', barks: true }, owner: { email: 'ann@example.test' } };

describe('openapi policy through the gateway', { timeout: 60_000 }, () => {
  let up: TestUpstream;
  let gw: TestGateway;

  before(async () => {
    resetShadowInventory();
    up = await startUpstream();
    gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: false }
listeners:
  - name: main
    host: 127.0.0.1
    port: 0
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: pets
    paths: ["/v1/*"]
    upstream: backend
    policies:
      openapi:
        spec: "${SPEC}"
        strict: true
        reject_unknown_query_params: true
        max_body_bytes: 4096
  - name: shadow
    paths: ["/shadow/*"]
    upstream: backend
    policies:
      openapi:
        spec: "${SPEC}"
        base_path: /shadow
        mode: report-only
`);
  });

  after(async () => {
    await gw?.close();
    await up?.close();
  });

  async function expectRefused(res: Response, status: number, before: number) {
    assert.equal(res.status, status);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    const problem = (await res.json()) as Record<string, unknown>;
    assert.equal(problem.status, status);
    assert.equal(up.requests.length, before, 'the upstream never saw the request');
    return problem;
  }

  test('a valid GET with every query style reaches the upstream', async () => {
    const before = up.requests.length;
    const q = 'limit=5&tags=a&tags=b&status=available,sold&ids=1|2&names=rex%20fido&filter[minAge]=1';
    const res = await fetch(`${gw.url}/v1/pets?${q}`);
    assert.equal(res.status, 200);
    await res.body?.cancel();
    assert.equal(up.requests.length, before + 1);
    assert.equal(up.requests.at(-1)?.url, `/v1/pets?${q}`);
  });

  test('invalid parameters: 400 with pointers, no values, upstream untouched', async () => {
    const before = up.requests.length;
    const res = await fetch(`${gw.url}/v1/pets?limit=1000&filter[kind]=SECRETVALUE`, {
      headers: { 'x-request-trace': 'SECRETVALUE' },
    });
    const problem = await expectRefused(res, 400, before);
    assert.deepEqual(problem.errors, [
      { pointer: '/query/limit', keyword: 'maximum' },
      { pointer: '/query/filter/kind', keyword: 'enum' },
      { pointer: '/header/x-request-trace', keyword: 'format' },
    ]);
    assert.equal(problem.code, 'GW_BAD_REQUEST');
    assert.doesNotMatch(JSON.stringify(problem), /SECRETVALUE|1000/);
  });

  test('undeclared query parameter refused (reject_unknown_query_params)', async () => {
    const before = up.requests.length;
    const problem = await expectRefused(await fetch(`${gw.url}/v1/pets?debug=true`), 400, before);
    assert.deepEqual(problem.errors, [{ pointer: '/query/debug', keyword: 'undeclared' }]);
  });

  test('a valid JSON body arrives byte for byte; an invalid one never does', async () => {
    const before = up.requests.length;
    const body = JSON.stringify({ ...PET, attributes: { color: 'black' } });
    const ok = await fetch(`${gw.url}/v1/pets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    assert.equal(ok.status, 200);
    await ok.body?.cancel();
    assert.equal(up.requests.length, before + 1);
    assert.equal(up.requests.at(-1)?.body.toString(), body);

    const bad = await fetch(`${gw.url}/v1/pets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...PET, id: 99, kind: { petType: 'cat' } }),
    });
    const problem = await expectRefused(bad, 400, before + 1);
    assert.deepEqual(problem.errors, [
      { pointer: '/body/id', keyword: 'readOnly' },
      { pointer: '/body/kind/indoor', keyword: 'required' },
    ]);
  });

  test('chunked bodies are validated too', async () => {
    const before = up.requests.length;
    const stream = (text: string) =>
      new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(text.slice(0, 10)));
          c.enqueue(new TextEncoder().encode(text.slice(10)));
          c.close();
        },
      });
    const init = (text: string): RequestInit =>
      ({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream(text),
        duplex: 'half',
      }) as RequestInit;
    const ok = await fetch(`${gw.url}/v1/pets`, init(JSON.stringify(PET)));
    assert.equal(ok.status, 200);
    await ok.body?.cancel();
    assert.equal(up.requests.at(-1)?.body.toString(), JSON.stringify(PET));
    const bad = await fetch(`${gw.url}/v1/pets`, init(JSON.stringify({ name: 'x' })));
    await expectRefused(bad, 400, before + 1);
    const big = await fetch(`${gw.url}/v1/pets`, init(JSON.stringify({ ...PET, name: 'x'.repeat(5000) })));
    await expectRefused(big, 413, before + 1);
  });

  test('form bodies: valid forwarded, invalid refused', async () => {
    const before = up.requests.length;
    const ct = { 'content-type': 'application/x-www-form-urlencoded' };
    const ok = await fetch(`${gw.url}/v1/pets`, {
      method: 'POST',
      headers: ct,
      body: 'name=Rex&kind=dog&tags=a&tags=b',
    });
    assert.equal(ok.status, 200);
    await ok.body?.cancel();
    assert.equal(up.requests.at(-1)?.body.toString(), 'name=Rex&kind=dog&tags=a&tags=b');
    const bad = await fetch(`${gw.url}/v1/pets`, {
      method: 'POST',
      headers: ct,
      body: 'name=Rex&kind=dog&age=-1',
    });
    const problem = await expectRefused(bad, 400, before + 1);
    assert.deepEqual(problem.errors, [{ pointer: '/body/age', keyword: 'minimum' }]);
  });

  test('Expect: 100-continue is answered before the body is read and validated', async () => {
    const before = up.requests.length;
    const body = JSON.stringify(PET);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${gw.url}/v1/pets`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(body.length),
          expect: '100-continue',
        },
      });
      const timer = setTimeout(() => reject(new Error('no 100 Continue')), 5000);
      req.on('continue', () => req.end(body));
      req.on('response', (res) => {
        clearTimeout(timer);
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    assert.equal(status, 200);
    assert.equal(up.requests.length, before + 1);
    assert.equal(up.requests.at(-1)?.body.toString(), body);
  });

  test('undeclared content type: 415', async () => {
    const before = up.requests.length;
    const res = await fetch(`${gw.url}/v1/pets`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: '<pet/>',
    });
    await expectRefused(res, 415, before);
  });

  test('strict: unknown path 404, undeclared method 405 with Allow', async () => {
    const before = up.requests.length;
    await expectRefused(await fetch(`${gw.url}/v1/internal/metrics`), 404, before);
    const res = await fetch(`${gw.url}/v1/pets`, {
      method: 'PUT',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(res.headers.get('allow'), 'GET, POST');
    await expectRefused(res, 405, before);
  });

  test('path, header and cookie parameters', async () => {
    const before = up.requests.length;
    const ok = await fetch(`${gw.url}/v1/pets/12`, { headers: { 'x-api-version': '2' } });
    assert.equal(ok.status, 200);
    await ok.body?.cancel();
    const bad = await fetch(`${gw.url}/v1/pets/0`, { headers: { 'x-api-version': '7' } });
    const problem = await expectRefused(bad, 400, before + 1);
    assert.deepEqual(problem.errors, [
      { pointer: '/path/petId', keyword: 'minimum' },
      { pointer: '/header/x-api-version', keyword: 'enum' },
    ]);
    const cookie = await fetch(`${gw.url}/v1/pets/mine`, { headers: { cookie: 'session=abc' } });
    const c = await expectRefused(cookie, 400, before + 1);
    assert.deepEqual(c.errors, [{ pointer: '/cookie/session', keyword: 'pattern' }]);
  });

  test('ReDoS: a pattern that backtracks exponentially elsewhere answers at once (RE2)', async () => {
    const before = up.requests.length;
    // `^([a-z]+\s?)*$` against 3000 letters then a mismatch: ~2^3000 steps on a backtracking engine.
    const t0 = performance.now();
    const res = await fetch(`${gw.url}/v1/pets?search=${'a'.repeat(3000)}!`);
    const problem = await expectRefused(res, 400, before);
    assert.deepEqual(problem.errors, [{ pointer: '/query/search', keyword: 'pattern' }]);
    assert.ok(performance.now() - t0 < 2000, `${performance.now() - t0} ms`);
    const ok = await fetch(`${gw.url}/v1/pets?search=${'a'.repeat(3000)}`);
    assert.equal(ok.status, 200);
    await ok.body?.cancel();
  });

  test('report-only: invalid and undeclared requests pass and are counted in the shadow inventory', async () => {
    const before = up.requests.length;
    const a = await fetch(`${gw.url}/shadow/pets?limit=1000&debug=1`);
    assert.equal(a.status, 200);
    await a.body?.cancel();
    const b = await fetch(`${gw.url}/shadow/admin`);
    assert.equal(b.status, 200);
    await b.body?.cancel();
    assert.equal(up.requests.length, before + 2);
    const inv = shadowInventory().filter((e) => e.scope.includes('shadow'));
    assert.deepEqual(inv.map((e) => `${e.kind} ${e.path} ${e.param ?? ''}`).sort(), [
      'path /shadow/admin ',
      'query-param /pets debug',
    ]);
  });
});
