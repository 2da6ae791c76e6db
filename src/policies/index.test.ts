import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { GatewayError } from '../errors/gateway-error.ts';
import type { PolicyDefinition } from '../pipeline/types.ts';
import { createLocalStore } from '../stores/local/index.ts';
import { builtinPolicies } from './index.ts';
import { applyDefaults, fakeDeps, fakeRequestContext, toResponseContext } from './testing.ts';

const BANDS: [number, number][] = [
  [900, 999],
  [800, 899],
  [700, 799],
  [600, 699],
  [500, 599],
  [400, 499],
  [300, 399],
  [100, 199],
];

test('registry: unique kebab-case names, orders inside a band, frozen definitions', () => {
  const names = builtinPolicies.map((p) => p.name);
  assert.equal(new Set(names).size, names.length);
  for (const p of builtinPolicies) {
    assert.match(p.name, /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
    assert.ok(
      BANDS.some(([lo, hi]) => p.order >= lo && p.order <= hi),
      `${p.name} order ${p.order}`,
    );
    assert.ok(Object.isFrozen(p));
    assert.ok(p.description.length > 0);
    assert.ok(p.phases.length > 0);
    const props = (p.schema as { properties?: Record<string, unknown> }).properties ?? {};
    assert.equal('mode' in props, false, `${p.name}: mode is added by the config composer`);
  }
});

/** A configuration per policy that makes every hook active. */
/** One shared-memory store for the store-backed policies (brute-force, rate limits…). */
const fuzzStore = createLocalStore({ capacity: 1024 });

const ACTIVE: Record<string, unknown> = {
  'request-id': {},
  cors: {
    allow_origins: ['https://app.test', 'https://*.example.org'],
    allow_headers: ['*'],
    allow_methods: ['*'],
  },
  'ip-restriction': { allow: ['10.0.0.0/8', '2001:db8::/32'], deny: ['10.66.0.0/16'] },
  'request-size-limit': {
    max_bytes: 1000,
    require_content_length: true,
    allowed_content_types: ['application/json'],
  },
  headers: { request: { set: { 'x-a': '1' }, remove: ['x-internal-*'] }, response: { add: { 'x-b': '2' } } },
  'mock-response': { echo: true },
  'key-auth': { query_param: 'api_key' },
  'mtls-auth': { optional: true },
  graphql: { introspection: { allow_groups: ['admins'] }, field_auth: { 'Query.admin': ['admin'] } },
  openapi: {
    spec: 'src/openapi/fixtures/petstore/openapi.yaml',
    strict: true,
    reject_unknown_query_params: true,
    response_validation: 'enforce',
    response_allowlist: true,
  },
  waf: { custom_rules: ['SecRule ARGS "@rx (?i)<script" "id:100,phase:2,deny,status:403"'] },
  'jwt-auth': {
    issuers: [
      { issuer: 'https://idp.test/', audiences: ['api'], algorithms: ['HS256'], secret: 'x'.repeat(32) },
    ],
  },
  'auth-requirement': { any_of: ['jwt-auth'], anonymous: 'guest' },
  acl: { allow_groups: ['a'], deny_groups: ['b'] },
  scopes: { required: ['a'] },
  cel: { allow: "request.method == 'GET'" },
  'step-up': { amr: ['mfa'] },
  'brute-force': {},
  'bot-defense': { pow: { secret: 'p'.repeat(32), difficulty: 8 }, throttle_delay_ms: 0 },
  'oauth-introspection': {
    endpoint: 'https://127.0.0.1:9/introspect',
    client_id: 'gateway',
    client_secret: 'fuzz-secret',
  },
  'sender-constraint': { dpop: { nonce: true }, certificate_bound: { required: true } },
  'rate-limit': {
    key: ['consumer', 'header:x-request-id'],
    limits: [
      { limit: 3, period: '1s' },
      { algorithm: 'sliding-window', limit: 50, period: '1m' },
    ],
    warn_at: 0.5,
    ban: { after_violations: 5 },
  },
  quota: { limit: 50, group_limits: { gold: 100 }, persist: false },
  'concurrency-limit': { max: 5 },
  'load-shed': {
    priority: 'low',
    consumer_priority: { gold: 'critical' },
    upstream_latency_ms: { low: 100 },
  },
  'json-threat-protection': { max_depth: 4, max_size: 4096 },
  'xml-threat-protection': { max_depth: 4, max_size: 4096 },
};

const headerValue = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom(
    '',
    'null',
    '\r\n',
    '0',
    '-1',
    '99999999999999999999',
    'https://app.test',
    '::ffff:10.0.0.1',
  ),
);
const headerName = fc.constantFrom(
  'origin',
  'access-control-request-method',
  'access-control-request-headers',
  'x-request-id',
  'traceparent',
  'tracestate',
  'content-length',
  'content-type',
  'transfer-encoding',
  'x-internal-secret',
  'authorization',
);

test('fuzz: every built-in policy survives hostile requests (only GatewayError or a LocalReply)', async () => {
  const instances = (builtinPolicies as readonly PolicyDefinition[]).map((p) => ({
    name: p.name,
    instance: p.create(applyDefaults(p, ACTIVE[p.name]), { ...fakeDeps(), store: fuzzStore }),
  }));
  assert.equal(instances.length, Object.keys(ACTIVE).length);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('GET', 'POST', 'OPTIONS', 'PUT', 'DELETE', 'HEAD', 'PATCH'),
      fc.dictionary(headerName, fc.oneof(headerValue, fc.array(headerValue, { maxLength: 3 }))),
      fc.oneof(
        fc.constantFrom('10.1.2.3', '::ffff:10.66.0.1', '2001:db8::1', '::1', ''),
        fc.string({ maxLength: 50 }),
      ),
      fc.string({ maxLength: 100 }),
      async (method, headers, clientIp, query) => {
        for (const { name, instance } of instances) {
          const ctx = fakeRequestContext({ method, headers, clientIp, query });
          try {
            // Policies that read the body (waf) or call out (introspection) may answer with a promise.
            const r = await instance.onRequest?.(ctx);
            assert.ok(r === undefined || (typeof r === 'object' && typeof r.status === 'number'), name);
          } catch (err) {
            assert.ok(err instanceof GatewayError, `${name} threw ${String(err)}`);
            assert.ok(err.status >= 400 && err.status < 500, `${name}: ${err.status}`);
          }
          const res = toResponseContext(ctx, { responseHeaders: { vary: 'accept' } });
          await instance.onResponse?.(res);
          for (const [k, v] of Object.entries(res.responseHeaders)) {
            for (const one of Array.isArray(v) ? v : [v]) {
              assert.doesNotMatch(one, /[\r\n\0]/, `${name} wrote ${k}`);
            }
          }
        }
      },
    ),
    { numRuns: 500 },
  );
});
