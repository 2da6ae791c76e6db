import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CelEvaluationError, celActivation, compileCel } from '../../identity/cel.ts';
import { authenticate, runReportOnly } from '../auth-requirement/test-support.ts';
import {
  type FakeRequestInit,
  fakeDeps,
  fakeRequestContext,
  instantiate,
  runRequest,
  schemaFixtureSuite,
} from '../testing.ts';
import { policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

/** "Only the owner may change an order; reading needs orders:read": route /orders/{id}. */
const OWNER_RULE = `request.method == 'GET'
  ? 'orders:read' in auth.scopes
  : request.method in ['PATCH', 'DELETE'] && request.params.id in claims.orders && claims.sub == consumer.id`;

function orderRequest(method: string, id: string, claims: Record<string, unknown>, scopes: string[] = []) {
  const ctx = fakeRequestContext({ method, path: `/orders/${id}`, params: { id } });
  authenticate(ctx, { method: 'jwt-auth', consumer: { id: String(claims.sub) }, claims, scopes });
  return ctx;
}

async function verdict(
  config: Record<string, unknown>,
  init: FakeRequestInit,
  claims?: Record<string, unknown>,
) {
  const deps = fakeDeps();
  const ctx = fakeRequestContext(init);
  if (claims) authenticate(ctx, { method: 'jwt-auth', consumer: { id: 'alice', groups: ['staff'] }, claims });
  const { error } = await runRequest(instantiate(policy, config, deps), ctx);
  return { error, deps };
}

/** Asserts `fn` throws a TypeError whose message starts with `prefix` (label and line:column). */
function compileFails(source: string, prefix: string, also?: RegExp) {
  assert.throws(
    () => compileCel(source, 'allow'),
    (e: unknown) => {
      assert.ok(e instanceof TypeError, String(e));
      assert.ok(e.message.startsWith(prefix), `${JSON.stringify(e.message)} should start with ${prefix}`);
      if (also) assert.match(e.message, also);
      return true;
    },
  );
}

describe('cel: compile once, errors with positions', () => {
  test('syntax errors carry line:column', () => {
    compileFails("request.method == 'GET' &&", 'allow: 1:27: ', /Unexpected token/);
    compileFails("request.method == 'GET'\n  && request.path ==", 'allow: 2:21: ');
    compileFails('(request.method', 'allow: 1:16: ');
  });

  test('type errors are found at load: unknown variables, unknown request fields, bad overloads', () => {
    compileFails('user.id == "a"', 'allow: 1:1: ', /Unknown variable: user/);
    compileFails('request.pth == "/"', 'allow: 1:9: ', /No such key: pth/);
    compileFails('request.method + 1 == "x"', 'allow: 1:1: ', /no such overload/);
    compileFails('request.path.startsWith(1)', 'allow: 1:', /overload/);
    compileFails('request.method', 'allow: 1:1: ', /must evaluate to a bool, not string/);
    compileFails('   ', 'allow: the expression is empty');
  });

  test('costly constructs are refused with their position', () => {
    compileFails("request.path.matches('^(a+)+$')", 'allow: 1:1: ', /matches\(\) is not available/);
    compileFails("true &&\n b'{}'.json().size() > 0", 'allow: 2:', /json\(\) is not available/);
    compileFails('now - duration(request.method) < now', 'allow: 1:7: ', /literal/);
    compileFails(
      'claims.a.exists(x, claims.b.exists(y, x == y))',
      'allow: 1:20: ',
      /comprehensions cannot be nested/,
    );
    compileFails("request.headers['x'].split(',').exists(v, v == 'a')", 'allow: 1:', /split\(\) cannot/);
    compileFails("claims.a.exists(x, x in request.path.split('/'))", 'allow: 1:', /split\(\) cannot/);
    // Literal limits of the parser (bounded expressions).
    compileFails(`[${Array(300).fill('1').join(',')}].size() > 0`, 'allow: 1:', /maxListElements/);
    compileFails(`${'('.repeat(40)}true${')'.repeat(40)}`, 'allow: 1:', /maxDepth/);
  });

  test('allowed constructs: comprehensions in sequence, split outside comprehensions, literal durations', () => {
    assert.ok(compileCel("claims.a.filter(x, x != '').exists(y, y == 'b')", 'allow'));
    assert.ok(compileCel("'a' in request.path.split('/')", 'allow'));
    assert.ok(compileCel("now - duration('5m') < timestamp(auth.auth_time)", 'allow'));
    assert.ok(compileCel('claims.admin', 'allow'), 'dyn results are checked at evaluation');
  });

  test('the policy reports compile errors as TypeError at create() naming allow/deny', () => {
    assert.throws(() => instantiate(policy, { allow: 'true', deny: 'request.x' }), /^TypeError: deny: 1:9: /);
    assert.throws(() => instantiate(policy, {}), /configure "allow", "deny" or both/);
  });

  test('uses: only the variables and request fields an expression reads', () => {
    const rule = compileCel("request.method == 'GET' && consumer != null", 'allow');
    assert.deepEqual([...rule.uses.variables].sort(), ['consumer', 'request']);
    assert.deepEqual([...rule.uses.requestFields], ['method']);
    assert.deepEqual(
      [
        ...compileCel("has(request.headers.x) || cel.bind(r, request, r.method == 'GET')", 'allow').uses
          .requestFields,
      ].sort(),
      ['*', 'headers'],
    );
  });
});

describe('cel: the owner rule on /orders/{id}', () => {
  const instance = () => instantiate(policy, { allow: OWNER_RULE });

  test('the owner may PATCH and DELETE their order', async () => {
    const claims = { sub: 'alice', orders: ['o-1', 'o-2'] };
    assert.equal((await runRequest(instance(), orderRequest('PATCH', 'o-2', claims))).error, undefined);
    assert.equal((await runRequest(instance(), orderRequest('DELETE', 'o-1', claims))).error, undefined);
  });

  test('anyone else gets a generic 403 (cel_not_allowed)', async () => {
    const deps = fakeDeps();
    const i = instantiate(policy, { allow: OWNER_RULE }, deps);
    const { error } = await runRequest(i, orderRequest('PATCH', 'o-3', { sub: 'alice', orders: ['o-1'] }));
    assert.equal(error?.code, 'GW_FORBIDDEN');
    assert.equal(error?.reason, 'cel:cel_not_allowed');
    assert.equal(error?.detail, undefined);
    assert.equal(deps.events[0]?.type, 'authorization_denied');
    // A token whose orders list names the order but whose subject is another consumer.
    const ctx = orderRequest('PATCH', 'o-1', { sub: 'mallory', orders: ['o-1'] });
    ctx.consumer = { id: 'alice', groups: [] };
    assert.equal((await runRequest(i, ctx)).error?.reason, 'cel:cel_not_allowed');
    assert.equal(
      (await runRequest(i, orderRequest('POST', 'o-1', { sub: 'alice', orders: ['o-1'] }))).error?.status,
      403,
    );
  });

  test('reading needs the orders:read scope', async () => {
    assert.equal(
      (await runRequest(instance(), orderRequest('GET', 'o-9', { sub: 'bob' }, ['orders:read']))).error,
      undefined,
    );
    assert.equal(
      (await runRequest(instance(), orderRequest('GET', 'o-9', { sub: 'bob' }))).error?.status,
      403,
    );
  });

  test('a token without an orders claim fails closed (cel_error), it does not pass', async () => {
    const deps = fakeDeps();
    const { error } = await runRequest(
      instantiate(policy, { allow: OWNER_RULE }, deps),
      orderRequest('PATCH', 'o-1', { sub: 'alice' }),
    );
    assert.equal(error?.reason, 'cel:cel_error');
    assert.equal(deps.events[0]?.fields['event.reason'], 'cel_error');
  });
});

describe('cel: evaluation', () => {
  test('deny wins over allow', async () => {
    const config = { allow: 'true', deny: "'suspended' in consumer.groups" };
    const ctx = fakeRequestContext();
    authenticate(ctx, { consumer: { id: 'bob', groups: ['suspended'] } });
    assert.equal((await runRequest(instantiate(policy, config), ctx)).error?.reason, 'cel:cel_denied');
  });

  test('fail closed on evaluation errors: missing key, null consumer, non-bool result, overflow', async () => {
    for (const [expr, claims] of [
      ["request.headers['x-missing'] == '1'", undefined],
      ["consumer.id == 'a'", undefined],
      ['claims.admin', { admin: 'yes' }],
      ['claims.n + 1 > 0', { n: Number.MAX_SAFE_INTEGER * 4096 * 4096 }],
      ['claims.big * claims.big > 0', { big: 2 ** 40 }],
    ] as const) {
      const { error } = await verdict({ allow: expr }, {}, claims as Record<string, unknown> | undefined);
      assert.equal(error?.reason, 'cel:cel_error', expr);
    }
    // An error in deny denies too.
    assert.equal((await verdict({ deny: "request.headers['x'] == 'a'" }, {})).error?.reason, 'cel:cel_error');
  });

  test('request variables: method, path, host, ip, params, lower-case headers, query as lists', async () => {
    const init: FakeRequestInit = {
      method: 'POST',
      path: '/a/b',
      host: 'api.test',
      clientIp: '192.0.2.7',
      params: { id: '7' },
      headers: { 'X-Tenant': 'acme', Accept: ['a/b', 'c/d'] },
      query: 'tag=x&tag=y%20z&empty=&plus=a+b',
    };
    const expr = [
      "request.method == 'POST'",
      "request.path == '/a/b'",
      "request.host == 'api.test'",
      "request.ip == '192.0.2.7'",
      "request.params.id == '7'",
      "request.headers['x-tenant'] == 'acme'",
      "request.headers.accept == 'a/b, c/d'",
      "request.query.tag == ['x', 'y z']",
      "request.query.empty == ['']",
      "request.query.plus[0] == 'a b'",
      "!('nope' in request.query)",
    ].join(' && ');
    assert.equal((await verdict({ allow: expr }, init)).error, undefined);
  });

  test('claims: merged (first method wins), integral numbers are int, nested objects are maps', async () => {
    const ctx = fakeRequestContext();
    authenticate(ctx, {
      method: 'jwt-auth',
      claims: { sub: 'alice', exp: 1_900_000_000, ratio: 0.5, org: { id: 'o1' } },
    });
    authenticate(ctx, { method: 'oauth-introspection', claims: { sub: 'mallory', extra: true } });
    const expr =
      "claims.sub == 'alice' && claims.exp + 1 == 1900000001 && claims.ratio < 1.0 && claims.org.id == 'o1' && claims.extra";
    assert.equal((await runRequest(instantiate(policy, { allow: expr }), ctx)).error, undefined);
  });

  test('claims cannot reach JavaScript prototypes', async () => {
    const claims = JSON.parse('{"__proto__": {"admin": true}, "sub": "a"}') as Record<string, unknown>;
    assert.equal((await verdict({ allow: 'claims.__proto__.admin == true' }, {}, claims)).error, undefined);
    for (const expr of ['has(claims.constructor)', "'toString' in claims", 'has(claims.hasOwnProperty)']) {
      const { error } = await verdict({ deny: expr }, {}, { sub: 'a' });
      assert.equal(error, undefined, expr);
    }
  });

  test('consumer: id, groups and metadata (from the authentication result), or null', async () => {
    const ctx = fakeRequestContext();
    authenticate(ctx, {
      method: 'key-auth',
      consumer: { id: 'c1', groups: ['g'], metadata: { tier: 'gold' } },
    });
    const expr = "consumer.id == 'c1' && 'g' in consumer.groups && consumer.metadata.tier == 'gold'";
    assert.equal((await runRequest(instantiate(policy, { allow: expr }), ctx)).error, undefined);
    assert.equal((await verdict({ allow: 'consumer == null' }, {})).error, undefined);
  });

  test('consumer metadata falls back to the consumer directory', async () => {
    const deps = {
      ...fakeDeps(),
      consumers: {
        get: (id: string) => (id === 'c2' ? { id, groups: [], metadata: { plan: 'pro' } } : undefined),
      },
    };
    const ctx = fakeRequestContext({ consumer: { id: 'c2', groups: [] } });
    const i = instantiate(policy, { allow: "consumer.metadata.plan == 'pro'" }, deps);
    assert.equal((await runRequest(i, ctx)).error, undefined);
  });

  test('auth: methods, scopes, acr, amr, auth_time; and now', async () => {
    const t = Math.floor(Date.now() / 1000) - 60;
    const ctx = fakeRequestContext();
    authenticate(ctx, { method: 'jwt-auth', scopes: ['a'], acr: 'loa3', amr: ['mfa'], authTime: t });
    authenticate(ctx, { method: 'mtls-auth', scopes: ['b'] });
    const expr = [
      "auth.methods == ['jwt-auth', 'mtls-auth']",
      "'a' in auth.scopes && 'b' in auth.scopes",
      "auth.acr == 'loa3'",
      "auth.amr == ['mfa']",
      `auth.auth_time == ${t}`,
      "now - timestamp(auth.auth_time) < duration('5m')",
      "now > timestamp('2020-01-01T00:00:00Z')",
    ].join(' && ');
    assert.equal((await runRequest(instantiate(policy, { allow: expr }), ctx)).error, undefined);
    assert.equal(
      (await verdict({ allow: "auth.acr == '' && auth.auth_time == 0 && size(auth.methods) == 0" }, {}))
        .error,
      undefined,
    );
  });

  test('oversized request collections are refused (cel_input_too_large), only when the expression reads them', async () => {
    const query = Array.from({ length: 20 }, (_, i) => `p${i}=1`).join('&');
    const headers = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`x-h${i}`, '1']));
    const config = { max_collection_size: 10 };
    assert.equal(
      (await verdict({ ...config, allow: 'size(request.query) > 0' }, { query })).error?.reason,
      'cel:cel_input_too_large',
    );
    assert.equal(
      (await verdict({ ...config, allow: 'size(request.headers) > 0' }, { headers })).error?.reason,
      'cel:cel_input_too_large',
    );
    const list = Array.from({ length: 11 }, (_, i) => i);
    assert.equal(
      (await verdict({ ...config, allow: 'size(claims.l) > 0' }, {}, { l: list })).error?.reason,
      'cel:cel_input_too_large',
    );
    assert.equal(
      (await verdict({ ...config, allow: 'size(claims.o) > 0' }, {}, { o: { deep: { deeper: list } } })).error
        ?.reason,
      'cel:cel_input_too_large',
    );
    // Not read: not built, not refused.
    assert.equal(
      (await verdict({ ...config, allow: "request.method == 'GET'" }, { query, headers })).error,
      undefined,
    );
  });

  test('deeply nested claims are refused, not walked', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = { d: deep };
    const ctx = fakeRequestContext();
    authenticate(ctx, { claims: { deep } });
    const rule = compileCel('has(claims.deep)', 'allow');
    assert.throws(
      () => celActivation(ctx, rule.uses, { maxCollectionSize: 256 }),
      (e: unknown) => e instanceof CelEvaluationError && e.code === 'cel_input_too_large',
    );
  });

  test('worst case stays cheap: a comprehension over the largest allowed list with a linear body', () => {
    const big = Array.from({ length: 256 }, (_, i) => `v${i}`);
    const ctx = fakeRequestContext();
    authenticate(ctx, { claims: { a: big, b: big } });
    const rule = compileCel('claims.a.all(x, x in claims.b && x.size() > 0)', 'allow');
    const act = celActivation(ctx, rule.uses, { maxCollectionSize: 256 });
    const t0 = performance.now();
    assert.equal(rule.evaluate(act), true);
    assert.ok(performance.now() - t0 < 250, 'bounded work');
  });

  test('report-only: would-deny with 403, request continues', async () => {
    const instance = instantiate(policy, { allow: 'false' });
    const { error, decisions } = await runReportOnly(instance, fakeRequestContext(), 'cel');
    assert.equal(error, null);
    assert.deepEqual(decisions, [
      { policy: 'cel', action: 'would-deny', reason: 'cel:cel_not_allowed', status: 403 },
    ]);
  });

  test('instance is frozen and only has a request hook', () => {
    const instance = instantiate(policy, { allow: 'true' });
    assert.ok(Object.isFrozen(instance));
    assert.deepEqual(Object.keys(instance), ['onRequest']);
  });
});
