import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resetShadowInventory, shadowInventory } from '../../openapi/inventory.ts';
import type { ResponseContext } from '../../pipeline/types.ts';
import {
  fakeDeps,
  fakeRequestContext,
  instantiate,
  runRequest,
  runResponse,
  schemaFixtureSuite,
  toResponseContext,
} from '../testing.ts';
import { BUFFERED_BODY_KEY } from '../waf/body.ts';
import { policy, RESPONSE_BODY_FILTER_KEY, type ResponseBodyFilter } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

const SPEC = 'src/openapi/fixtures/petstore/openapi.yaml';
type Init = Parameters<typeof fakeRequestContext>[0];
const PET = { name: 'Rex', kind: { petType: 'dog', barks: true }, owner: { email: 'ann@example.test' } };

async function run(config: Record<string, unknown>, init: Init, mode: 'enforce' | 'report-only' = 'enforce') {
  const deps = { ...fakeDeps('openapi@route:pets'), mode };
  const instance = instantiate(policy, { spec: SPEC, ...config }, deps);
  const ctx = fakeRequestContext(init);
  const outcome = await runRequest(instance, ctx);
  return { ...outcome, ctx, events: deps.events, instance };
}

function json(method: string, path: string, value: unknown, ct = 'application/json'): NonNullable<Init> {
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  return {
    method,
    path,
    headers: { 'content-type': ct, 'content-length': String(Buffer.byteLength(body)) },
    body,
  };
}

async function collect(body: unknown): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const parts: Buffer[] = [];
  for await (const c of body as AsyncIterable<Buffer>) parts.push(c);
  return Buffer.concat(parts);
}

describe('openapi policy: requests', () => {
  test('a valid JSON body passes and is handed back to the proxy unchanged', async () => {
    const init = json('POST', '/v1/pets', PET);
    const { error, ctx } = await run({}, init);
    assert.equal(error, undefined);
    assert.equal((await collect(ctx.state[BUFFERED_BODY_KEY])).toString(), init.body);
  });

  test('an invalid body gets 400 problem with pointers and keywords, never the values', async () => {
    const { error, events } = await run({}, json('POST', '/v1/pets', { ...PET, id: 1, name: 'SECRET<x>' }));
    assert.equal(error?.code, 'GW_BAD_REQUEST');
    assert.equal(error?.status, 400);
    assert.equal(error?.reason, 'openapi:invalid_request');
    assert.deepEqual(error?.extensions, {
      errors: [
        { pointer: '/body/id', keyword: 'readOnly' },
        { pointer: '/body/name', keyword: 'pattern' },
      ],
    });
    assert.doesNotMatch(JSON.stringify(error?.extensions) + (error?.detail ?? ''), /SECRET/);
    assert.equal(events[0]?.type, 'openapi_request_invalid');
    assert.equal(events[0]?.fields['gatehouse.openapi.operation'], 'createPet');
    assert.doesNotMatch(JSON.stringify(events), /SECRET/);
  });

  test('a JSON body repeating a member (even through an escape) is refused before validation', async () => {
    const body = `{"name":"SECRET<x>","n\\u0061me":"Rex",${JSON.stringify(PET).slice(1).replace('"name":"Rex",', '')}`;
    const { error } = await run({}, json('POST', '/v1/pets', body));
    assert.equal(error?.status, 400);
    assert.deepEqual(error?.extensions, { errors: [{ pointer: '/body', keyword: 'duplicateKey' }] });
    assert.doesNotMatch(JSON.stringify(error), /SECRET/);
  });

  test('form bodies are validated', async () => {
    const ok = await run(
      {},
      json('POST', '/v1/pets', 'name=Rex&kind=cat', 'application/x-www-form-urlencoded'),
    );
    assert.equal(ok.error, undefined);
    const bad = await run(
      {},
      json('POST', '/v1/pets', 'name=Rex&kind=cow', 'application/x-www-form-urlencoded; charset=utf-8'),
    );
    assert.deepEqual(bad.error?.extensions, { errors: [{ pointer: '/body/kind', keyword: 'enum' }] });
  });

  test('undeclared content type: 415 before the body is read', async () => {
    const { error, ctx } = await run({}, json('POST', '/v1/pets', '<pet/>', 'application/xml'));
    assert.equal(error?.code, 'GW_UNSUPPORTED_MEDIA_TYPE');
    assert.equal(error?.status, 415);
    assert.equal(ctx.state[BUFFERED_BODY_KEY], undefined);
    const none = await run({}, json('DELETE', '/v1/pets/3', '{}'));
    assert.equal(none.error?.status, 415);
    const missing = await run(
      {},
      { method: 'POST', path: '/v1/pets', headers: { 'content-length': '2' }, body: '{}' },
    );
    assert.equal(missing.error?.status, 415);
  });

  test('multipart bodies are not read (declared, no validator)', async () => {
    const { error, ctx } = await run(
      {},
      json('POST', '/v1/uploads', '--x--', 'multipart/form-data; boundary=x'),
    );
    assert.equal(error, undefined);
    assert.equal(ctx.state[BUFFERED_BODY_KEY], undefined);
  });

  test('a required body that is missing is refused', async () => {
    const { error } = await run({}, { method: 'POST', path: '/v1/pets' });
    assert.deepEqual(error?.extensions, { errors: [{ pointer: '/body', keyword: 'required' }] });
  });

  test('bodies over max_body_bytes get 413 (declared length and streamed)', async () => {
    const big = JSON.stringify({ ...PET, name: 'x'.repeat(200) });
    const declared = await run({ max_body_bytes: 100 }, json('POST', '/v1/pets', big));
    assert.equal(declared.error?.code, 'GW_PAYLOAD_TOO_LARGE');
    const chunked = await run(
      { max_body_bytes: 100 },
      {
        method: 'POST',
        path: '/v1/pets',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        body: big,
      },
    );
    assert.equal(chunked.error?.code, 'GW_PAYLOAD_TOO_LARGE');
  });

  test('a body already buffered by an earlier policy is validated without reading the request again', async () => {
    const init = json('POST', '/v1/pets', { ...PET, id: 1 });
    const { error } = await run(
      {},
      { ...init, body: undefined, state: { [BUFFERED_BODY_KEY]: Buffer.from(init.body as string) } },
    );
    assert.deepEqual(error?.extensions, { errors: [{ pointer: '/body/id', keyword: 'readOnly' }] });
  });

  test('parameters: each location reported with its pointer', async () => {
    const { error } = await run(
      {},
      { path: '/v1/pets/0', query: 'fields[x]=1&detail=huge', headers: { 'x-api-version': '9' } },
    );
    assert.deepEqual(error?.extensions, {
      errors: [
        { pointer: '/path/petId', keyword: 'minimum' },
        { pointer: '/query/fields/detail', keyword: 'enum' },
        { pointer: '/header/x-api-version', keyword: 'enum' },
      ],
    });
    const cookie = await run({}, { path: '/v1/pets/mine', headers: { cookie: 'session=x' } });
    assert.deepEqual(cookie.error?.extensions, {
      errors: [{ pointer: '/cookie/session', keyword: 'pattern' }],
    });
  });

  test('strict: unknown path 404, undeclared method 405 with Allow; not strict: pass and counted', async () => {
    resetShadowInventory();
    const p = await run({ strict: true }, { path: '/v1/admin/users' });
    assert.equal(p.error?.code, 'GW_NOT_FOUND');
    const m = await run({ strict: true }, { method: 'PUT', path: '/v1/pets' });
    assert.equal(m.error?.code, 'GW_METHOD_NOT_ALLOWED');
    assert.equal(m.error?.headers?.allow, 'GET, POST');
    const lax = await run({}, { method: 'PUT', path: '/v1/pets' });
    assert.equal(lax.error, undefined);
    const head = await run({ strict: true }, { method: 'HEAD', path: '/v1/pets' });
    assert.equal(head.error, undefined, 'HEAD falls back to GET');
    const kinds = shadowInventory().map((e) => `${e.kind} ${e.method} ${e.path} ${e.count}`);
    assert.deepEqual(kinds.sort(), ['method PUT /pets 2', 'path GET /v1/admin/users 1']);
    assert.equal(shadowInventory()[0]?.scope, 'openapi@route:pets');
  });

  test('unknown query parameters: counted, refused only when configured', async () => {
    resetShadowInventory();
    const lax = await run({}, { path: '/v1/pets', query: 'debug=1' });
    assert.equal(lax.error, undefined);
    const strict = await run(
      { reject_unknown_query_params: true },
      { path: '/v1/pets', query: 'debug=1&limit=2' },
    );
    assert.deepEqual(strict.error?.extensions, {
      errors: [{ pointer: '/query/debug', keyword: 'undeclared' }],
    });
    const inv = shadowInventory();
    assert.equal(inv.length, 1);
    assert.equal(inv[0]?.param, 'debug');
    assert.equal(inv[0]?.count, 2);
  });

  test('validate_request_body: false leaves the body alone', async () => {
    const { error, ctx } = await run({ validate_request_body: false }, json('POST', '/v1/pets', { id: 1 }));
    assert.equal(error, undefined);
    assert.equal(ctx.state[BUFFERED_BODY_KEY], undefined);
  });

  test('report-only events say would-deny', async () => {
    const { events, error } = await run({}, json('POST', '/v1/pets', {}), 'report-only');
    assert.ok(error, 'the hook throws; the runner turns it into a would-deny decision');
    assert.equal(events[0]?.fields.decision, 'would-deny');
  });

  test('enforce_scopes: x-gatehouse-scopes or security scopes from verified credentials', async () => {
    const success = (scopes: string[]) => ({
      method: 'jwt-auth',
      consumer: undefined,
      credentialId: 'c1',
      claims: undefined,
      scopes,
      acr: undefined,
      amr: [],
      authTime: undefined,
    });
    const call = async (method: string, path: string, scopes: string[] | undefined) => {
      const deps = fakeDeps('openapi@route:pets');
      const instance = instantiate(policy, { spec: SPEC, enforce_scopes: true }, deps);
      const ctx = fakeRequestContext({ method, path, headers: { 'x-api-version': '1' } });
      if (scopes !== undefined) ctx.auth.successes.push(success(scopes));
      return runRequest(instance, ctx);
    };
    assert.equal((await call('GET', '/v1/pets', undefined)).error?.status, 401);
    const denied = await call('GET', '/v1/pets', ['pets:write']);
    assert.equal(denied.error?.status, 403);
    assert.match(denied.error?.headers?.['www-authenticate'] ?? '', /insufficient_scope.*pets:read/);
    assert.equal((await call('GET', '/v1/pets', ['pets:read'])).error, undefined);
    assert.equal((await call('DELETE', '/v1/pets/3', ['pets:read'])).error?.status, 403);
    assert.equal((await call('DELETE', '/v1/pets/3', ['pets:admin'])).error, undefined);
    assert.equal(
      (await call('GET', '/v1/pets/3', undefined)).error,
      undefined,
      'no scopes declared for getPet',
    );
  });

  test('an invalid spec is a config error at create()', () => {
    assert.throws(() => instantiate(policy, { spec: 'src/openapi/fixtures/nope.yaml' }), /cannot read spec/);
  });
});

describe('openapi policy: responses', () => {
  async function respond(
    config: Record<string, unknown>,
    init: Init,
    status: number,
    headers: Record<string, string>,
    mode: 'enforce' | 'report-only' = 'enforce',
  ) {
    const r = await run(config, init, mode);
    assert.equal(r.error, undefined);
    const res: ResponseContext = toResponseContext(r.ctx, { status, responseHeaders: headers });
    await runResponse(r.instance, res);
    return {
      res,
      events: r.events,
      filter: res.state[RESPONSE_BODY_FILTER_KEY] as ResponseBodyFilter | undefined,
    };
  }
  const get = { path: '/v1/pets/3', headers: { 'x-api-version': '1' } };

  test('no response hook unless responses are checked or filtered', () => {
    assert.equal(instantiate(policy, { spec: SPEC }).onResponse, undefined);
  });

  test('allowlist: undeclared members are removed by the installed body filter', async () => {
    const { filter } = await respond({ response_allowlist: true }, get, 200, {
      'content-type': 'application/json',
    });
    assert.ok(filter);
    const out = JSON.parse(
      filter.apply(Buffer.from(JSON.stringify({ ...PET, id: 3, internal: 'x' }))).toString(),
    );
    assert.deepEqual(out, { ...PET, id: 3 });
  });

  test('enforce: an invalid body makes the filter throw 502; report-only only reports', async () => {
    const bad = Buffer.from(JSON.stringify({ name: 'Rex' }));
    const enforce = await respond({ response_validation: 'enforce' }, get, 200, {
      'content-type': 'application/json',
    });
    assert.throws(
      () => enforce.filter!.apply(bad),
      (e: Error & { code?: string }) => e.code === 'GW_UPSTREAM_ERROR',
    );
    const report = await respond({ response_validation: 'report-only' }, get, 200, {
      'content-type': 'application/json',
    });
    assert.equal(report.filter!.apply(bad), bad);
    assert.equal(report.events.at(-1)?.type, 'openapi_response_invalid');
    assert.equal(report.filter!.onOversize, 'pass');
  });

  test('undeclared status: reported; enforce installs a filter that answers 502', async () => {
    const r = await respond({ response_validation: 'enforce' }, get, 500, {
      'content-type': 'application/json',
    });
    assert.equal(r.events.at(-1)?.fields['event.reason'], 'invalid_response');
    assert.throws(() => r.filter!.apply(Buffer.from('{}')), /does not match/);
    const ro = await respond({ response_validation: 'report-only' }, get, 500, {});
    assert.equal(ro.filter, undefined);
    assert.ok(ro.res.decisions.some((d) => d.action === 'would-deny'));
  });

  test('compressed responses: the upstream is asked for identity; a compressed body is refused by the allowlist', async () => {
    const r0 = await run(
      { response_allowlist: true },
      { ...get, headers: { ...get.headers, 'accept-encoding': 'gzip' } },
    );
    assert.equal(r0.ctx.upstreamHeaders['accept-encoding'], 'identity');
    const gz = await respond({ response_allowlist: true }, get, 200, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    assert.throws(() => gz.filter!.apply(Buffer.from('x')), /does not match/);
    const ro = await respond(
      { response_allowlist: true },
      get,
      200,
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      'report-only',
    );
    assert.equal(ro.filter, undefined);
    assert.ok(ro.res.decisions.some((d) => d.action === 'would-deny'));
    const validateOnly = await respond({ response_validation: 'report-only' }, get, 200, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    assert.equal(validateOnly.filter, undefined);
    assert.equal((await run({ spec: SPEC }, get)).ctx.upstreamHeaders['accept-encoding'], undefined);
  });

  test('allowlist fails closed: undeclared content type or status, unparseable or too deep bodies', async () => {
    const text = await respond({ response_allowlist: true }, get, 200, { 'content-type': 'text/plain' });
    assert.throws(() => text.filter!.apply(Buffer.from('{"secret":1}')), /does not match/);
    const status = await respond({ response_allowlist: true }, get, 500, {
      'content-type': 'application/json',
    });
    assert.throws(() => status.filter!.apply(Buffer.from('{"stack":"x"}')), /does not match/);
    const ok = await respond({ response_allowlist: true, max_json_depth: 200 }, get, 200, {
      'content-type': 'application/json',
    });
    const deep = `{"name":"x","secret":1,"attributes":${'['.repeat(70)}${']'.repeat(70)}}`;
    assert.throws(() => ok.filter!.apply(Buffer.from(deep)), /does not match/);
    assert.throws(() => ok.filter!.apply(Buffer.from('{"secret":1} trailing')), /does not match/);
    const head = await respond({ response_allowlist: true }, { ...get, method: 'HEAD' }, 500, {});
    assert.equal(head.filter, undefined);
  });

  test('allowlist: a body on a response declared without content is refused', async () => {
    const del = { method: 'DELETE', path: '/v1/pets/3' };
    const r = await respond({ response_allowlist: true }, del, 200, { 'content-type': 'application/json' });
    // 200 is not declared for deletePet (only 204): refused by the status rule.
    assert.throws(() => r.filter!.apply(Buffer.from('{"secret":1}')), /does not match/);
    const coords = await respond({ response_allowlist: true }, { path: '/v1/coords/;lat=1;lon=2' }, 200, {
      'content-type': 'application/json',
    });
    assert.ok(coords.filter);
    assert.equal(coords.filter.apply(Buffer.alloc(0)).length, 0);
    assert.throws(() => coords.filter!.apply(Buffer.from('{"secret":1}')), /does not match/);
  });

  test('local and non-JSON responses are left alone', async () => {
    const r = await run({ response_allowlist: true }, get);
    const local = toResponseContext(r.ctx, {
      status: 200,
      responseHeaders: { 'content-type': 'application/json' },
      local: true,
    });
    await runResponse(r.instance, local);
    assert.equal(local.state[RESPONSE_BODY_FILTER_KEY], undefined);
  });
});
