import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  fakeRequestContext,
  instantiate,
  runRequest,
  schemaFixtureSuite,
  toResponseContext,
} from '../testing.ts';
import { policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

const APP = 'https://app.example.com';
const base = {
  allow_origins: [APP, 'https://*.example.org', 'http://localhost:3000'],
  allow_methods: ['GET', 'POST', 'DELETE'],
  allow_headers: ['Content-Type', 'authorization'],
  expose_headers: ['x-request-id', 'X-RateLimit-Remaining'],
  allow_credentials: true,
  max_age: 3600,
};

function preflight(origin: string | undefined, method = 'POST', extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { 'access-control-request-method': method, ...extra };
  if (origin !== undefined) headers.origin = origin;
  return fakeRequestContext({ method: 'OPTIONS', headers });
}

async function actual(
  config: unknown,
  origin: string | undefined,
  responseHeaders: Record<string, string | string[]> = {},
) {
  const instance = instantiate(policy, config);
  const ctx = fakeRequestContext({ method: 'GET', headers: origin === undefined ? {} : { origin } });
  const outcome = await runRequest(instance, ctx);
  assert.deepEqual(outcome, { reply: undefined, error: undefined }, 'actual requests are never stopped');
  const res = toResponseContext(ctx, { responseHeaders });
  instance.onResponse!(res);
  return res.responseHeaders;
}

describe('cors: preflight', () => {
  test('allowed origin → 204 with the configured answer', async () => {
    const instance = instantiate(policy, base);
    const ctx = preflight(APP, 'DELETE', { 'access-control-request-headers': 'content-type,Authorization' });
    const { reply, error } = await runRequest(instance, ctx);
    assert.equal(error, undefined);
    assert.deepEqual(reply, {
      status: 204,
      headers: {
        'access-control-allow-origin': APP,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, POST, DELETE',
        'access-control-allow-headers': 'content-type, authorization',
        'access-control-max-age': '3600',
        vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      },
    });
    // The response phase then runs on the local reply; the policy must not add actual-request headers.
    const res = toResponseContext(ctx, { local: true, status: 204, responseHeaders: reply!.headers! });
    instance.onResponse!(res);
    assert.deepEqual(res.responseHeaders, reply!.headers);
  });

  test('disallowed origin → GW_CORS_DENIED 403, the origin is not echoed', async () => {
    const { error } = await runRequest(instantiate(policy, base), preflight('https://evil.com'));
    assert.equal(error?.code, 'GW_CORS_DENIED');
    assert.equal(error?.status, 403);
    assert.equal(error?.reason, 'cors_origin_denied');
    assert.doesNotMatch(error?.detail ?? '', /evil/);
  });

  test('method and header outside the lists are denied', async () => {
    const instance = instantiate(policy, base);
    assert.equal((await runRequest(instance, preflight(APP, 'PUT'))).error?.reason, 'cors_method_denied');
    assert.equal((await runRequest(instance, preflight(APP, 'delete'))).error?.reason, 'cors_method_denied');
    assert.equal(
      (await runRequest(instance, preflight(APP, 'GET\r\nX: y'))).error?.reason,
      'cors_method_denied',
    );
    for (const h of ['x-secret', 'content-type, x-other', 'content type', 'a'.repeat(5000)]) {
      const { error } = await runRequest(
        instance,
        preflight(APP, 'POST', { 'access-control-request-headers': h }),
      );
      assert.equal(error?.reason, 'cors_header_denied', h.slice(0, 30));
    }
  });

  test('OPTIONS without Origin or Access-Control-Request-Method is not a preflight', async () => {
    const instance = instantiate(policy, base);
    assert.deepEqual(await runRequest(instance, preflight(undefined)), {
      reply: undefined,
      error: undefined,
    });
    const noMethod = fakeRequestContext({ method: 'OPTIONS', headers: { origin: 'https://evil.com' } });
    assert.deepEqual(await runRequest(instance, noMethod), { reply: undefined, error: undefined });
    const post = fakeRequestContext({
      method: 'POST',
      headers: { origin: 'https://evil.com', 'access-control-request-method': 'POST' },
    });
    assert.deepEqual(await runRequest(instance, post), { reply: undefined, error: undefined });
  });

  test('"*" methods and headers echo what was requested; no allow-headers when none requested', async () => {
    const instance = instantiate(policy, {
      allow_origins: [APP],
      allow_methods: ['*'],
      allow_headers: ['*'],
    });
    const { reply } = await runRequest(
      instance,
      preflight(APP, 'PATCH', { 'access-control-request-headers': ' X-Custom , content-type ,' }),
    );
    assert.equal(reply?.headers?.['access-control-allow-methods'], 'PATCH');
    assert.equal(reply?.headers?.['access-control-allow-headers'], 'x-custom, content-type');
    assert.equal(reply?.headers?.['access-control-allow-credentials'], undefined);
    const plain = await runRequest(instance, preflight(APP, 'GET'));
    assert.equal(plain.reply?.headers?.['access-control-allow-headers'], undefined);
  });

  test('public config answers "*" and never allows null', async () => {
    const instance = instantiate(policy, { allow_origins: ['*'] });
    const { reply } = await runRequest(instance, preflight('https://anyone.test', 'GET'));
    assert.equal(reply?.headers?.['access-control-allow-origin'], '*');
    assert.equal((await runRequest(instance, preflight('null', 'GET'))).error?.code, 'GW_CORS_DENIED');
  });

  test('private network access only when enabled and requested', async () => {
    const on = instantiate(policy, { ...base, allow_private_network: true });
    const asked = { 'access-control-request-private-network': 'true' };
    const r1 = await runRequest(on, preflight(APP, 'GET', asked));
    assert.equal(r1.reply?.headers?.['access-control-allow-private-network'], 'true');
    assert.match(r1.reply?.headers?.vary ?? '', /Access-Control-Request-Private-Network/);
    const r2 = await runRequest(on, preflight(APP, 'GET'));
    assert.equal(r2.reply?.headers?.['access-control-allow-private-network'], undefined);
    const off = await runRequest(instantiate(policy, base), preflight(APP, 'GET', asked));
    assert.equal(off.reply?.headers?.['access-control-allow-private-network'], undefined);
  });
});

describe('cors: origin matching is exact', () => {
  const allowedCases: [unknown, string][] = [
    [base, APP],
    [base, 'http://localhost:3000'],
    [base, 'https://a.example.org'],
    [base, 'https://a.b-c.example.org'],
    [{ allow_origins: ['https://*.trusted.com'] }, 'https://evil.com.trusted.com'],
    [{ allow_origins: ['HTTPS://App.Example.COM:443'] }, APP],
    [{ allow_origins: ['http://example.com:80'] }, 'http://example.com'],
    [{ allow_origins: ['https://bücher.example'] }, 'https://xn--bcher-kva.example'],
    [{ allow_origins: ['http://[::1]:8080'] }, 'http://[::1]:8080'],
    [{ allow_origins: ['chrome-extension://abcdefghijklmnop'] }, 'chrome-extension://abcdefghijklmnop'],
    [{ allow_origins: ['null'] }, 'null'],
    [
      { allow_origin_patterns: ['https://pr-[0-9]+\\.preview\\.example\\.com'] },
      'https://pr-42.preview.example.com',
    ],
    [{ allow_origin_patterns: ['https://a\\.test|https://b\\.test'] }, 'https://b.test'],
  ];
  for (const [config, origin] of allowedCases) {
    test(`allows ${origin}`, async () => {
      const { reply, error } = await runRequest(instantiate(policy, config), preflight(origin, 'GET'));
      assert.equal(error, undefined);
      assert.equal(reply?.headers?.['access-control-allow-origin'], origin);
    });
  }

  const deniedCases: [unknown, string][] = [
    [base, 'https://evil.com'],
    [base, 'https://app.example.com.evil.com'],
    [base, 'https://evilapp.example.com'],
    [base, 'https://app.example.co'],
    [base, 'http://app.example.com'],
    [base, 'https://app.example.com:443'],
    [base, 'https://app.example.com:8443'],
    [base, 'HTTPS://APP.EXAMPLE.COM'],
    [base, 'https://app.example.com/'],
    [base, 'https://app.example.com/path'],
    [base, 'https://user@app.example.com'],
    [base, `${APP}, https://evil.com`],
    [base, `${APP}\r\n`],
    [base, ` ${APP}`],
    [base, 'null'],
    [base, ''],
    [base, 'x'.repeat(100_000)],
    [base, 'https://example.org'],
    [base, 'https://evilexample.org'],
    [base, 'https://a.example.org.evil.com'],
    [base, 'https://a.example.org:8443'],
    [base, 'http://a.example.org'],
    [base, 'https://.example.org'],
    [base, 'https://a..example.org'],
    [base, 'https://a/.example.org'],
    [base, 'https://a:1@b.example.org'],
    [base, 'https://*.example.org'],
    [base, 'http://localhost:3001'],
    [{ allow_origins: ['https://trusted.com'] }, 'https://evil.com.trusted.com'],
    [{ allow_origins: ['https://trusted.com'] }, 'https://trusted.com.evil.com'],
    [{ allow_origins: ['*'] }, 'null'],
    [{ allow_origins: ['*'] }, 'not an origin'],
    [{ allow_origins: ['*'] }, 'javascript:alert(1)'],
    [{ allow_origin_patterns: ['https://app\\.example\\.com'] }, 'https://app.example.com.evil.com'],
    [{ allow_origin_patterns: ['https://app\\.example\\.com'] }, 'xhttps://app.example.com'],
    [{ allow_origin_patterns: ['https://a\\.test|https://b\\.test'] }, 'https://a.test.evil'],
    [{ allow_origin_patterns: ['https://a\\.test|https://b\\.test'] }, 'evil://https://b.test'],
    [{ allow_origin_patterns: ['https://.*\\.example\\.com'] }, `https://a.example.com, https://evil.com`],
    [{ allow_origin_patterns: ['.*'] }, 'null'],
  ];
  for (const [config, origin] of deniedCases) {
    test(`denies ${JSON.stringify(origin).slice(0, 60)}`, async () => {
      const { reply, error } = await runRequest(instantiate(policy, config), preflight(origin, 'GET'));
      assert.equal(reply, undefined);
      assert.equal(error?.code, 'GW_CORS_DENIED');
      const headers = await actual(config, origin);
      assert.equal(headers['access-control-allow-origin'], undefined);
    });
  }
});

describe('cors: actual requests', () => {
  test('allowed origin: echo origin, credentials, expose headers, Vary appended', async () => {
    const h = await actual(base, APP, { vary: 'Accept-Encoding', 'content-type': 'application/json' });
    assert.equal(h['access-control-allow-origin'], APP);
    assert.equal(h['access-control-allow-credentials'], 'true');
    assert.equal(h['access-control-expose-headers'], 'x-request-id, x-ratelimit-remaining');
    assert.equal(h.vary, 'Accept-Encoding, Origin');
    assert.equal(h['content-type'], 'application/json');
  });

  test('disallowed or missing origin: no CORS headers, but Vary: Origin for caches', async () => {
    for (const origin of ['https://evil.com', undefined]) {
      const h = await actual(base, origin);
      assert.deepEqual(h, { vary: 'Origin' });
    }
  });

  test('upstream CORS headers are replaced, never passed through', async () => {
    const upstream = {
      'access-control-allow-origin': '*',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'PUT',
      'access-control-allow-headers': '*',
      'access-control-expose-headers': 'x-secret',
      'access-control-max-age': '99999',
      'access-control-allow-private-network': 'true',
    };
    assert.deepEqual(await actual(base, 'https://evil.com', upstream), { vary: 'Origin' });
    const allowed = await actual(base, APP, upstream);
    assert.equal(allowed['access-control-allow-origin'], APP);
    assert.equal(allowed['access-control-expose-headers'], 'x-request-id, x-ratelimit-remaining');
    assert.equal(allowed['access-control-allow-methods'], undefined);
  });

  test('public config sends "*" without credentials', async () => {
    const h = await actual({ allow_origins: ['*'], expose_headers: ['*'] }, 'https://anyone.test');
    assert.equal(h['access-control-allow-origin'], '*');
    assert.equal(h['access-control-allow-credentials'], undefined);
    assert.equal(h['access-control-expose-headers'], '*');
  });

  test('Vary handling: no duplicates, "*" left alone, arrays joined', async () => {
    assert.equal((await actual(base, APP, { vary: 'origin' })).vary, 'origin');
    assert.equal((await actual(base, APP, { vary: 'Accept, Origin' })).vary, 'Accept, Origin');
    assert.equal((await actual(base, APP, { vary: '*' })).vary, '*');
    assert.equal((await actual(base, APP, { vary: ['Accept', 'Cookie'] })).vary, 'Accept, Cookie, Origin');
    assert.equal((await actual(base, APP, { vary: '' })).vary, 'Origin');
  });

  test('error responses to an allowed origin still carry CORS headers (so browsers can read them)', async () => {
    const instance = instantiate(policy, base);
    const ctx = fakeRequestContext({ method: 'GET', headers: { origin: APP } });
    const res = toResponseContext(ctx, {
      local: true,
      status: 429,
      responseHeaders: { 'content-type': 'application/problem+json' },
    });
    instance.onResponse!(res);
    assert.equal(res.responseHeaders['access-control-allow-origin'], APP);
  });
});

describe('cors: create() refuses unsafe or useless config', () => {
  const cases: [string, unknown][] = [
    ['"*" with credentials', { allow_origins: ['*'], allow_credentials: true }],
    ['expose "*" with credentials', { allow_origins: [APP], allow_credentials: true, expose_headers: ['*'] }],
    ['no origins at all', {}],
    ['trailing slash', { allow_origins: ['https://app.example.com/'] }],
    ['path', { allow_origins: ['https://app.example.com/api'] }],
    ['query', { allow_origins: ['https://app.example.com?x'] }],
    ['credentials in origin', { allow_origins: ['https://user@app.example.com'] }],
    ['no scheme', { allow_origins: ['app.example.com'] }],
    ['bad port', { allow_origins: ['https://app.example.com:99999'] }],
    ['TLD wildcard', { allow_origins: ['https://*.com'] }],
    ['inner wildcard', { allow_origins: ['https://a.*.example.com'] }],
    ['double wildcard', { allow_origins: ['https://*.*.example.com'] }],
    ['schemeless wildcard', { allow_origins: ['*.example.com'] }],
    ['IP wildcard', { allow_origins: ['https://*.10.0.0.1'] }],
    ['bad regex', { allow_origin_patterns: ['https://(unclosed'] }],
  ];
  for (const [label, config] of cases) {
    test(label, () => {
      assert.throws(() => instantiate(policy, config), TypeError);
    });
  }

  test('the instance is frozen with exactly the two hooks', () => {
    const instance = instantiate(policy, base);
    assert.ok(Object.isFrozen(instance));
    assert.deepEqual(Object.keys(instance).sort(), ['onRequest', 'onResponse']);
  });
});
