import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
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

  test('multipart bodies are read and validated (a schema-less object accepts any well-formed body)', async () => {
    const ok = await run({}, json('POST', '/v1/uploads', '--x--\r\n', 'multipart/form-data; boundary=x'));
    assert.equal(ok.error, undefined);
    assert.equal((await collect(ok.ctx.state[BUFFERED_BODY_KEY])).toString(), '--x--\r\n');
    const bad = await run({}, json('POST', '/v1/uploads', '--x\r\n', 'multipart/form-data; boundary=x'));
    assert.equal(bad.error?.status, 400);
    assert.equal(bad.error?.reason, 'openapi:invalid_multipart');
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

describe('openapi policy: multipart/form-data bodies', () => {
  const MP_SPEC = 'src/policies/openapi/fixtures/specs/multipart.yaml';
  const B = 'gh-b0undary';
  const CT = `multipart/form-data; boundary=${B}`;
  type Part = { name: string; value: string | Buffer; filename?: string; type?: string };
  /** A well-formed RFC 7578 body. */
  const form = (parts: readonly Part[]): Buffer =>
    Buffer.concat([
      ...parts.flatMap((p) => [
        Buffer.from(
          `--${B}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}\r\n` +
            `${p.type === undefined ? '' : `Content-Type: ${p.type}\r\n`}\r\n`,
          'latin1',
        ),
        Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value),
        Buffer.from('\r\n'),
      ]),
      Buffer.from(`--${B}--\r\n`),
    ]);
  const post = (path: string, body: Buffer | string, ct = CT): NonNullable<Init> => ({
    method: 'POST',
    path,
    headers: { 'content-type': ct, 'content-length': String(Buffer.byteLength(body)) },
    body,
  });
  const mp = (init: Init, config: Record<string, unknown> = {}) => run({ spec: MP_SPEC, ...config }, init);
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]);
  const valid: Part[] = [
    { name: 'name', value: 'Ann' },
    { name: 'age', value: '42' },
    { name: 'subscribed', value: 'true' },
    { name: 'tags', value: 'a' },
    { name: 'tags', value: 'b' },
    { name: 'avatar', value: PNG, filename: 'me.png', type: 'image/png' },
    { name: 'meta', value: '{"lang":"en","count":2}', type: 'application/json' },
  ];

  test('a valid body (text coerced, file, JSON part, repeated array field) passes, handed on unchanged', async () => {
    const body = form(valid);
    const { error, ctx } = await mp(post('/v1/profiles', body));
    assert.equal(error, undefined);
    assert.deepEqual(await collect(ctx.state[BUFFERED_BODY_KEY]), body);
  });

  test('wrong types, missing required and unknown parts: 400 with pointers, never values', async () => {
    const { error, events } = await mp(
      post(
        '/v1/profiles',
        form([
          { name: 'name', value: 'SECRET<x>' },
          { name: 'age', value: 'old' },
          { name: 'tags', value: 'z' },
          { name: 'debug', value: 'SECRET' },
        ]),
      ),
    );
    assert.equal(error?.status, 400);
    assert.equal(error?.reason, 'openapi:invalid_request');
    const pointers = (error?.extensions?.errors as { pointer: string; keyword: string }[]).map(
      (e) => `${e.pointer} ${e.keyword}`,
    );
    assert.deepEqual(pointers.sort(), [
      '/body/age type',
      '/body/debug additionalProperties',
      '/body/name pattern',
      '/body/tags/0 enum',
    ]);
    assert.doesNotMatch(JSON.stringify(error) + JSON.stringify(events), /SECRET/);
    const missing = await mp(post('/v1/profiles', form([{ name: 'name', value: 'Ann' }])));
    assert.deepEqual(missing.error?.extensions, { errors: [{ pointer: '/body/age', keyword: 'required' }] });
    const empty = await mp(post('/v1/profiles', ''));
    assert.deepEqual(empty.error?.extensions, { errors: [{ pointer: '/body', keyword: 'required' }] });
  });

  test('a second part with the same name cannot turn a single string into an array', async () => {
    for (const order of [
      ['Ann', 'SECRET<script>'],
      ['SECRET<script>', 'Ann'],
    ]) {
      const { error } = await mp(
        post(
          '/v1/profiles',
          form([
            { name: 'name', value: order[0]! },
            { name: 'name', value: order[1]! },
            { name: 'age', value: '1' },
          ]),
        ),
      );
      assert.equal(error?.status, 400);
      assert.deepEqual(error?.extensions, { errors: [{ pointer: '/body/name', keyword: 'type' }] });
    }
  });

  test('file parts validate as strings: binary bytes never in errors; too large a file is refused', async () => {
    const big = Buffer.concat([Buffer.from('SECRET'), Buffer.alloc(2000, 0xff)]);
    const { error } = await mp(
      post(
        '/v1/profiles',
        form([
          { name: 'name', value: 'Ann' },
          { name: 'age', value: '1' },
          { name: 'avatar', value: big, filename: 'a.png', type: 'image/png' },
        ]),
      ),
    );
    assert.deepEqual(error?.extensions, { errors: [{ pointer: '/body/avatar', keyword: 'maxLength' }] });
    assert.doesNotMatch(JSON.stringify(error), /SECRET/);
    // A binary (contentMediaType) property without a filename is a file too: invalid UTF-8 is fine.
    const doc = await mp(
      post(
        '/v1/profiles',
        form([
          { name: 'name', value: 'Ann' },
          { name: 'age', value: '1' },
          { name: 'doc', value: Buffer.from([0xff, 0x00, 0xc3]) },
        ]),
      ),
    );
    assert.equal(doc.error, undefined);
    // A text part that is not UTF-8 is refused.
    const latin = await mp(
      post(
        '/v1/profiles',
        form([
          { name: 'name', value: Buffer.from([0x41, 0xe9]) },
          { name: 'age', value: '1' },
        ]),
      ),
    );
    assert.deepEqual(latin.error?.extensions, { errors: [{ pointer: '/body/name', keyword: 'encoding' }] });
    // Another charset (per part or for the form) would make an upstream decode other characters: refused.
    for (const parts of [
      [{ name: 'name', value: 'Ann', type: 'text/plain; charset=utf-16le' }],
      [
        { name: 'name', value: 'Ann' },
        { name: '_charset_', value: 'ISO-8859-1' },
      ],
    ]) {
      const r = await mp(post('/v1/profiles', form([...parts, { name: 'age', value: '1' }])));
      assert.equal(r.error?.status, 400);
      assert.deepEqual((r.error?.extensions?.errors as { keyword: string }[])[0]?.keyword, 'encoding');
    }
    const utf8 = await mp(
      post(
        '/v1/profiles',
        form([
          { name: 'name', value: 'Zoë', type: 'text/plain; charset=UTF-8' },
          { name: 'age', value: '1' },
        ]),
      ),
    );
    assert.equal(utf8.error, undefined);
  });

  test('application/json parts are parsed (no coercion), duplicate keys and bad JSON refused', async () => {
    const base: Part[] = [
      { name: 'name', value: 'Ann' },
      { name: 'age', value: '1' },
    ];
    const withMeta = (value: string) =>
      mp(post('/v1/profiles', form([...base, { name: 'meta', value, type: 'application/json' }])));
    assert.deepEqual((await withMeta('{"lang":"de"}')).error?.extensions, {
      errors: [{ pointer: '/body/meta/lang', keyword: 'enum' }],
    });
    assert.deepEqual((await withMeta('{"lang":"en","count":"2"}')).error?.extensions, {
      errors: [{ pointer: '/body/meta/count', keyword: 'type' }],
    });
    assert.deepEqual((await withMeta('{"lang":"de","l\\u0061ng":"en"}')).error?.extensions, {
      errors: [{ pointer: '/body/meta', keyword: 'duplicateKey' }],
    });
    assert.deepEqual((await withMeta('{"lang":')).error?.extensions, {
      errors: [{ pointer: '/body/meta', keyword: 'syntax' }],
    });
    assert.deepEqual((await withMeta(`${'['.repeat(70)}${']'.repeat(70)}`)).error?.extensions, {
      errors: [{ pointer: '/body/meta', keyword: 'depth' }],
    });
    // Without `encoding`, a JSON part is still parsed; a text part for an object property is a string.
    const json = await mp(
      post('/v1/profiles', form([...base, { name: 'extra', value: '{"n":3}', type: 'application/json' }])),
    );
    assert.equal(json.error, undefined);
    const text = await mp(post('/v1/profiles', form([...base, { name: 'extra', value: '{"n":3}' }])));
    assert.deepEqual(text.error?.extensions, { errors: [{ pointer: '/body/extra', keyword: 'type' }] });
  });

  test('encoding.contentType: a part with another Content-Type gets 415 (as a wrong body type)', async () => {
    const base: Part[] = [
      { name: 'name', value: 'Ann' },
      { name: 'age', value: '1' },
    ];
    const gif = await mp(
      post(
        '/v1/profiles',
        form([...base, { name: 'avatar', value: 'GIF89a', filename: 'a.gif', type: 'image/gif' }]),
      ),
    );
    assert.equal(gif.error?.code, 'GW_UNSUPPORTED_MEDIA_TYPE');
    assert.equal(gif.error?.status, 415);
    assert.deepEqual(gif.error?.extensions, {
      errors: [{ pointer: '/body/avatar', keyword: 'contentType' }],
    });
    assert.match(gif.error?.detail ?? '', /image\/png, image\/jpeg/);
    // No Content-Type is text/plain (RFC 7578 §4.4), not allowed for meta.
    const plain = await mp(post('/v1/profiles', form([...base, { name: 'meta', value: '{"lang":"en"}' }])));
    assert.equal(plain.error?.status, 415);
    // Wildcards and allOf/$ref schemas: repeated file parts collect into the declared array.
    const note = (parts: Part[]) => mp(post('/v1/notes', form([{ name: 'text', value: 'hi' }, ...parts])));
    const img = (type: string): Part => ({ name: 'attachments', value: PNG, filename: 'x', type });
    assert.equal((await note([img('image/png'), img('image/webp')])).error, undefined);
    assert.equal((await note([img('image/png'), img('text/html')])).error?.status, 415);
    assert.deepEqual((await note([img('image/png'), img('image/png'), img('image/png')])).error?.extensions, {
      errors: [{ pointer: '/body/attachments', keyword: 'maxItems' }],
    });
  });

  test('malformed bodies: 400 invalid_multipart with a reason, never a crash', async () => {
    const ok = form(valid).toString('latin1');
    const cases: [string, string, RegExp][] = [
      ['multipart/form-data', ok, /boundary not found/],
      [CT, ok.replace(`--${B}--\r\n`, ''), /final boundary missing/],
      [CT, ok.replace('form-data; name="name"', 'form-data'), /missing name/],
      [CT, ok.replace('Content-Disposition: form-data; name="age"', 'X-Other: 1'), /Content-Disposition/],
      [CT, ok.replaceAll('\r\n', '\n'), /CRLF/],
      [CT, `${ok.replace(`--${B}--\r\n`, '')}--${B}X\r\n--${B}--\r\n`, /starts with the boundary/],
      [CT, `junk\r\n${ok}`, /data before/],
      [CT, ok.replace('name="name"', `name="name"\r\nX-Pad: ${'p'.repeat(5000)}`), /header line over/],
      [
        CT,
        ok.replace(
          'name="name"',
          `name="name"\r\n${Array.from({ length: 20 }, (_, i) => `X-A${i}: 1`).join('\r\n')}`,
        ),
        /part headers/,
      ],
      [CT, ok.replace('name="name"', 'name="name"\r\nX-A: 1\r\n folded'), /folded/],
      [CT, ok.replace('name="name"', 'name="name"; filename*=UTF-8\'\'x'), /other than name/],
      [
        CT,
        ok.replace('name="name"', 'name="name"\r\nContent-Transfer-Encoding: base64'),
        /Transfer-Encoding/,
      ],
      [
        CT,
        `${Array.from({ length: 1001 }, () => `--${B}\r\nContent-Disposition: form-data; name="tags"\r\n\r\na\r\n`).join('')}--${B}--\r\n`,
        /more than 1000 parts/,
      ],
    ];
    for (const [ct, body, reason] of cases) {
      const { error } = await mp(post('/v1/profiles', Buffer.from(body, 'latin1'), ct));
      assert.equal(error?.status, 400, String(reason));
      assert.equal(error?.reason, 'openapi:invalid_multipart', String(reason));
      assert.match(error?.detail ?? '', reason);
      assert.deepEqual(error?.extensions, { errors: [{ pointer: '/body', keyword: 'multipart' }] });
    }
  });

  test('a quoted boundary and a headers-only part are accepted', async () => {
    const body = form(valid).toString('latin1');
    const quoted = await mp(
      post('/v1/profiles', Buffer.from(body, 'latin1'), `multipart/form-data; boundary="${B}"`),
    );
    assert.equal(quoted.error, undefined);
    const headersOnly = `--${B}\r\nContent-Disposition: form-data; name="doc"\r\n\r\n--${B}\r\n${body.slice(B.length + 4)}`;
    const r = await mp(post('/v1/profiles', Buffer.from(headersOnly, 'latin1')));
    assert.equal(r.error, undefined);
    // The same part with an empty line of data is an empty string as well; `doc` then appears twice.
    const twice = `--${B}\r\nContent-Disposition: form-data; name="doc"\r\n\r\n\r\n${headersOnly}`;
    const t = await mp(post('/v1/profiles', Buffer.from(twice, 'latin1')));
    assert.deepEqual(t.error?.extensions, { errors: [{ pointer: '/body/doc', keyword: 'type' }] });
  });

  test('bodies over max_body_bytes get 413, declared or streamed', async () => {
    const body = form(valid);
    const declared = await mp(post('/v1/profiles', body), { max_body_bytes: 100 });
    assert.equal(declared.error?.code, 'GW_PAYLOAD_TOO_LARGE');
    const chunked = await mp(
      {
        method: 'POST',
        path: '/v1/profiles',
        headers: { 'content-type': CT, 'transfer-encoding': 'chunked' },
        body,
      },
      { max_body_bytes: 100 },
    );
    assert.equal(chunked.error?.code, 'GW_PAYLOAD_TOO_LARGE');
  });

  test('property: mutated and truncated bodies are answered 400/415 or pass, never crash', async () => {
    const body = form(valid);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.nat(body.length - 1), fc.constantFrom(0x0d, 0x0a, 0x2d, 0x22, 0x3b, 0x00, 0x41)),
          {
            maxLength: 4,
          },
        ),
        fc.nat(body.length),
        async (edits, cut) => {
          const mutated = Buffer.from(body.subarray(0, Math.max(cut, body.length - 40)));
          for (const [at, byte] of edits) if (at < mutated.length) mutated[at] = byte;
          const { error } = await mp(post('/v1/profiles', mutated));
          if (error !== undefined) assert.ok([400, 415].includes(error.status), String(error.code));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a bad encoding object is a config error at create()', () => {
    assert.throws(
      () => instantiate(policy, { spec: 'src/policies/openapi/fixtures/specs/bad-encoding.yaml' }),
      /encoding "avatar" contentType "not a type" is not a media range \(in POST \/profiles\)/,
    );
  });
});
