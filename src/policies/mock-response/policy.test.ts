import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fakeRequestContext, instantiate, runRequest, schemaFixtureSuite } from '../testing.ts';
import { type EchoBody, policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

async function reply(config: unknown, init: Parameters<typeof fakeRequestContext>[0] = {}) {
  const { reply, error } = await runRequest(instantiate(policy, config), fakeRequestContext(init));
  assert.equal(error, undefined);
  assert.ok(reply);
  return reply;
}

describe('mock-response: static replies', () => {
  test('defaults: 200, no body', async () => {
    assert.deepEqual(await reply({}), { status: 200, headers: {} });
  });

  test('text body with a default content type', async () => {
    const r = await reply({ status: 418, body: 'short and stout', headers: { 'X-Mock': '1' } });
    assert.equal(r.status, 418);
    assert.deepEqual(r.headers, { 'x-mock': '1', 'content-type': 'text/plain; charset=utf-8' });
    assert.equal(r.body?.toString(), 'short and stout');
  });

  test('json is serialized once and shared; each reply has its own header object', async () => {
    const instance = instantiate(policy, {
      json: { ok: true, list: [1, 'two'] },
      headers: { 'retry-after': '5' },
    });
    const a = (await runRequest(instance, fakeRequestContext())).reply!;
    const b = (await runRequest(instance, fakeRequestContext())).reply!;
    assert.equal(a.body?.toString(), '{"ok":true,"list":[1,"two"]}');
    assert.equal(a.body, b.body, 'the serialized body is computed once');
    assert.notEqual(a.headers, b.headers, 'the pipeline may mutate the headers it gets');
    a.headers!['x-added-by-pipeline'] = '1';
    assert.equal(b.headers!['x-added-by-pipeline'], undefined);
    assert.deepEqual(b.headers, { 'retry-after': '5', 'content-type': 'application/json' });
  });

  test('a configured content-type wins', async () => {
    const r = await reply({ json: { a: 1 }, headers: { 'Content-Type': 'application/vnd.api+json' } });
    assert.equal(r.headers?.['content-type'], 'application/vnd.api+json');
  });

  test('json null and json false are real bodies', async () => {
    assert.equal((await reply({ json: null })).body?.toString(), 'null');
    assert.equal((await reply({ json: false })).body?.toString(), 'false');
  });

  test('multi-byte text is encoded as UTF-8', async () => {
    assert.deepEqual((await reply({ body: 'h\u00e9\u2603' })).body, Buffer.from('h\u00e9\u2603', 'utf8'));
  });
});

describe('mock-response: echo', () => {
  test('echoes the request as it would go upstream, never credentials', async () => {
    const r = await reply(
      { echo: true, echo_headers: ['accept', 'x-request-id', 'x-missing'] },
      {
        method: 'POST',
        path: '/orders/7',
        query: 'a=1&b=%20',
        id: 'req-123',
        route: { name: 'orders' },
        headers: {
          accept: 'application/json',
          authorization: 'Bearer secret',
          cookie: 'session=secret',
          'x-request-id': 'req-123',
        },
        body: 'this body must not be read',
      },
    );
    assert.equal(r.status, 200);
    assert.equal(r.headers?.['content-type'], 'application/json');
    assert.equal(r.headers?.['cache-control'], 'no-store');
    const echo = JSON.parse(String(r.body)) as EchoBody;
    assert.deepEqual(echo, {
      method: 'POST',
      path: '/orders/7',
      query: 'a=1&b=%20',
      headers: { accept: 'application/json', 'x-request-id': 'req-123' },
      route: 'orders',
      requestId: 'req-123',
    });
    assert.doesNotMatch(String(r.body), /secret/);
  });

  test('the default echo header list excludes credentials and forwarding addresses', async () => {
    const r = await reply(
      { echo: true },
      {
        headers: {
          authorization: 'Basic c2VjcmV0',
          'proxy-authorization': 'x',
          cookie: 'a=b',
          'x-api-key': 'k',
          'x-forwarded-for': '10.0.0.1',
          'user-agent': 'test',
        },
      },
    );
    const echo = JSON.parse(String(r.body)) as EchoBody;
    assert.deepEqual(Object.keys(echo.headers), ['user-agent']);
  });

  test('echo reflects upstream edits (rewritten path, headers added by earlier policies)', async () => {
    const ctx = fakeRequestContext({ path: '/api/users', upstreamPath: '/users?x=1' });
    ctx.upstreamHeaders['x-request-id'] = 'from-request-id-policy';
    const { reply: r } = await runRequest(instantiate(policy, { echo: true }), ctx);
    const echo = JSON.parse(String(r!.body)) as EchoBody;
    assert.equal(echo.path, '/users');
    assert.equal(echo.query, 'x=1');
    assert.equal(echo.headers['x-request-id'], 'from-request-id-policy');
  });

  test('hostile header values are safely JSON-encoded', async () => {
    const nasty = '"}</script><script>alert(1)</script>\u2028';
    const r = await reply({ echo: true, echo_headers: ['x-nasty'] }, { headers: { 'x-nasty': nasty } });
    assert.equal((JSON.parse(String(r.body)) as EchoBody).headers['x-nasty'], nasty);
    assert.equal(r.headers?.['x-content-type-options'], 'nosniff');
  });

  test('the request body stream is left untouched', async () => {
    const ctx = fakeRequestContext({ method: 'POST', body: 'x'.repeat(1000) });
    await runRequest(instantiate(policy, { echo: true }), ctx);
    assert.equal(ctx.req.readableFlowing, null, 'nobody started reading the body');
    assert.equal(ctx.req.readableLength, 1000);
  });
});

describe('mock-response: create() refuses bad config', () => {
  const full = { status: 200, headers: {}, body: '', echo: false, echo_headers: ['accept'] };
  const cases: [string, Record<string, unknown>][] = [
    ['body and json', { body: 'x', json: { a: 1 } }],
    ['echo and body', { echo: true, body: 'x' }],
    ['echo and json', { echo: true, json: 1 }],
    ['204 with body', { status: 204, body: 'x' }],
    ['304 with json', { status: 304, json: {} }],
    ['echo authorization', { echo: true, echo_headers: ['Authorization'] }],
    ['echo cookie', { echo: true, echo_headers: ['cookie'] }],
    ['echo proxy-authorization', { echo: true, echo_headers: ['proxy-authorization'] }],
    ['CRLF header value', { headers: { 'x-a': 'b\r\nset-cookie: x' } }],
    ['content-length header', { headers: { 'content-length': '5' } }],
    ['transfer-encoding header', { headers: { 'Transfer-Encoding': 'chunked' } }],
    ['connection header', { headers: { connection: 'close' } }],
    ['bad header name', { headers: { 'x a': 'b' } }],
    ['unserializable json', { json: 10n }],
    ['undefined-ish json', { json: () => 1 }],
  ];
  for (const [label, patch] of cases) {
    test(label, () => {
      assert.throws(() => policy.create({ ...full, ...patch } as never, undefined as never), TypeError);
    });
  }
});
