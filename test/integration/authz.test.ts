/**
 * Authorization end to end: the real gateway on port 0, mock-response routes that echo the
 * identity headers they would forward, and two test-only authentication methods defined here
 * (`test-token`, `test-key`) so that any-of / all-of, anonymous, ACLs, scopes, CEL and step-up run
 * over real HTTP without an identity provider.
 *
 * A test method reads `X-Test-Token` / `X-Test-Key`: base64url JSON
 * `{sub, groups, scopes, acr, amr, auth_time, claims}`; `{"bad": true}` is an invalid credential.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Type } from '@sinclair/typebox';
import { request } from 'undici';
import { recordFailure, recordSuccess } from '../../src/identity/consumer.ts';
import { authFailure } from '../../src/identity/errors.ts';
import { definePolicy, type PolicyDefinition, type RequestContext } from '../../src/pipeline/types.ts';
import { builtinPolicies } from '../../src/policies/index.ts';
import { ConfigLoadError } from '../../src/runtime/gateway.ts';
import { startGateway, type TestGateway } from '../helpers/gateway.ts';

interface TestCredential {
  sub?: string;
  groups?: string[];
  scopes?: string[];
  acr?: string;
  amr?: string[];
  auth_time?: number;
  claims?: Record<string, unknown>;
  bad?: boolean;
}

/** A test-only authentication method: header → success or failure recorded in ctx.auth. */
function testAuth(name: string, order: number, header: string): PolicyDefinition {
  return definePolicy({
    name,
    order,
    phases: ['request'],
    status: 'experimental',
    posture: 'trusted-only',
    description: `Test-only authentication from ${header}.`,
    supportsMode: false,
    schema: Type.Object(
      { optional: Type.Boolean({ default: false, description: 'Record failures without refusing.' }) },
      { additionalProperties: false },
    ),
    create(config: { optional: boolean }, deps) {
      return Object.freeze({
        onRequest(ctx: RequestContext): undefined {
          const raw = ctx.headers[header];
          if (typeof raw !== 'string') {
            if (config.optional) {
              recordFailure(ctx, { method: name, reason: 'missing', credentialId: undefined });
              return undefined;
            }
            throw authFailure(ctx, deps, name, 'missing', { missing: true });
          }
          let cred: TestCredential;
          try {
            cred = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as TestCredential;
          } catch {
            cred = { bad: true };
          }
          if (cred.bad || typeof cred.sub !== 'string') {
            const err = authFailure(ctx, deps, name, 'bad_signature', { credentialId: cred.sub });
            if (config.optional) return undefined;
            throw err;
          }
          recordSuccess(ctx, {
            method: name,
            consumer: { id: cred.sub, groups: cred.groups ?? [], metadata: {} },
            credentialId: cred.sub,
            claims: { sub: cred.sub, ...(cred.claims ?? {}) },
            scopes: cred.scopes ?? [],
            acr: cred.acr,
            amr: cred.amr ?? [],
            authTime: cred.auth_time,
          });
          return undefined;
        },
      });
    },
  });
}

const policies: readonly PolicyDefinition[] = [
  ...builtinPolicies,
  testAuth('test-token', 740, 'x-test-token'),
  testAuth('test-key', 745, 'x-test-key'),
];

const ECHO = `mock-response: { echo: true, echo_headers: [x-consumer-id, x-consumer-groups, x-anonymous-consumer, x-authenticated-method] }`;

function config(extraRoutes = ''): string {
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: true }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
consumers:
  - id: guest
    groups: [public]
routes:
  - name: any
    paths: ["/any"]
    policies:
      test-token: { optional: true }
      test-key: { optional: true }
      auth-requirement: { any_of: [test-token, test-key], anonymous: guest }
      ${ECHO}
  - name: all
    paths: ["/all"]
    policies:
      test-token: { optional: true }
      test-key: { optional: true }
      auth-requirement: { all_of: [test-token, test-key] }
      ${ECHO}
  - name: public
    paths: ["/public"]
    policies:
      test-token: { optional: true }
      auth-requirement: { any_of: [test-token], anonymous: guest }
      acl: { allow_groups: [public, staff] }
      ${ECHO}
  - name: admin
    paths: ["/admin"]
    policies:
      test-token: {}
      acl: { allow_groups: [admins], deny_groups: [suspended] }
      ${ECHO}
  - name: admin-dry-run
    paths: ["/admin-dry-run"]
    policies:
      test-token: {}
      acl: { allow_groups: [admins], mode: report-only }
      ${ECHO}
  - name: orders
    paths: ["/orders/{id}"]
    policies:
      test-token: {}
      scopes: { required: ["orders:read", "orders:write"], match: any }
      cel:
        allow: >-
          request.method == 'GET' ? 'orders:read' in auth.scopes
          : request.method == 'PATCH' && 'orders:write' in auth.scopes
            && request.params.id in claims.orders && claims.sub == consumer.id
      ${ECHO}
  - name: transfer
    paths: ["/transfer"]
    policies:
      test-token: {}
      step-up: { acr_values: ["urn:loa:3"], max_age_s: 300 }
      ${ECHO}
${extraRoutes}`;
}

const enc = (c: TestCredential) => Buffer.from(JSON.stringify(c)).toString('base64url');
const nowS = () => Math.floor(Date.now() / 1000);

let gw: TestGateway;

before(async () => {
  gw = await startGateway(config(), {}, { policies });
});
after(async () => {
  await gw?.close();
});

async function call(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const res = await request(`${gw.url}${path}`, { method, headers });
  const text = await res.body.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { raw: text };
  }
  return { status: res.statusCode, headers: res.headers, json };
}

const forwarded = (json: Record<string, unknown>) => json.headers as Record<string, string>;

describe('authz over HTTP: auth-requirement', () => {
  it('any_of: either method authenticates; the consumer headers are gateway-set', async () => {
    const a = await call('/any', { 'x-test-token': enc({ sub: 'alice' }), 'x-consumer-id': 'admin' });
    assert.equal(a.status, 200);
    assert.equal(forwarded(a.json)['x-consumer-id'], 'alice');
    assert.equal(forwarded(a.json)['x-authenticated-method'], 'test-token');
    const b = await call('/any', { 'x-test-key': enc({ sub: 'bob' }) });
    assert.equal(forwarded(b.json)['x-consumer-id'], 'bob');
  });

  it('any_of with anonymous: no credential continues as the anonymous consumer', async () => {
    const r = await call('/any', { 'x-anonymous-consumer': 'false' });
    assert.equal(r.status, 200);
    assert.deepEqual(forwarded(r.json), {
      'x-consumer-id': 'guest',
      'x-consumer-groups': 'public',
      'x-anonymous-consumer': 'true',
      'x-authenticated-method': 'anonymous',
    });
  });

  it('an invalid credential is refused, never downgraded to anonymous; spoofed anonymity is dropped', async () => {
    const bad = await call('/any', { 'x-test-token': enc({ bad: true, sub: 'alice' }) });
    assert.equal(bad.status, 401);
    assert.equal(bad.headers['www-authenticate'], 'Bearer realm="gatehouse", error="invalid_token"');
    assert.equal(bad.headers['content-type'], 'application/problem+json');
    assert.equal(bad.json.title, 'Authentication required');
    assert.doesNotMatch(JSON.stringify(bad.json), /bad_signature|no_valid_credentials|alice/);
    const spoof = await call('/any', {
      'x-test-token': enc({ sub: 'alice' }),
      'x-anonymous-consumer': 'true',
    });
    assert.equal(forwarded(spoof.json)['x-anonymous-consumer'], undefined);
  });

  it('all_of: both methods needed', async () => {
    const both = await call('/all', {
      'x-test-token': enc({ sub: 'alice' }),
      'x-test-key': enc({ sub: 'alice' }),
    });
    assert.equal(both.status, 200);
    const one = await call('/all', { 'x-test-token': enc({ sub: 'alice' }) });
    assert.equal(one.status, 401);
    const none = await call('/all');
    assert.equal(none.status, 401);
    assert.equal(none.headers['www-authenticate'], 'Bearer realm="gatehouse"');
  });
});

describe('authz over HTTP: acl', () => {
  it('allow and deny groups; 401 without a consumer, 403 for a consumer not allowed', async () => {
    assert.equal(
      (await call('/admin', { 'x-test-token': enc({ sub: 'a', groups: ['admins'] }) })).status,
      200,
    );
    const denied = await call('/admin', {
      'x-test-token': enc({ sub: 'a', groups: ['admins', 'suspended'] }),
    });
    assert.equal(denied.status, 403);
    assert.equal(denied.json.title, 'Forbidden');
    assert.doesNotMatch(JSON.stringify(denied.json), /suspended|group/);
    assert.equal(
      (await call('/admin', { 'x-test-token': enc({ sub: 'u', groups: ['users'] }) })).status,
      403,
    );
    assert.equal((await call('/admin')).status, 401);
  });

  it('the anonymous consumer passes an ACL through its groups', async () => {
    assert.equal((await call('/public')).status, 200);
    assert.equal(
      (await call('/public', { 'x-test-token': enc({ sub: 's', groups: ['staff'] }) })).status,
      200,
    );
    assert.equal(
      (await call('/public', { 'x-test-token': enc({ sub: 'o', groups: ['other'] }) })).status,
      403,
    );
  });

  it('report-only: the request goes through and the access log records would-deny', async () => {
    const r = await call('/admin-dry-run', {
      'x-test-token': enc({ sub: 'u', groups: ['users'] }),
      'x-request-id': 'dry-1',
    });
    assert.equal(r.status, 200);
    const line = gw.logs.find(
      (l) => JSON.stringify(l).includes('would-deny') && JSON.stringify(l).includes('acl'),
    );
    assert.ok(line, 'a would-deny decision is logged');
  });
});

describe('authz over HTTP: scopes and CEL on /orders/{id}', () => {
  const owner = { sub: 'alice', scopes: ['orders:write'], claims: { orders: ['o-1', 'o-2'] } };

  it('only the owner may PATCH their order', async () => {
    assert.equal((await call('/orders/o-2', { 'x-test-token': enc(owner) }, 'PATCH')).status, 200);
    assert.equal((await call('/orders/o-3', { 'x-test-token': enc(owner) }, 'PATCH')).status, 403);
    const mallory = { sub: 'mallory', scopes: ['orders:write'], claims: { orders: ['o-9'] } };
    assert.equal((await call('/orders/o-2', { 'x-test-token': enc(mallory) }, 'PATCH')).status, 403);
  });

  it('reading needs orders:read; no scope at all gets insufficient_scope per RFC 6750', async () => {
    assert.equal(
      (await call('/orders/o-9', { 'x-test-token': enc({ sub: 'b', scopes: ['orders:read'] }) })).status,
      200,
    );
    assert.equal(
      (await call('/orders/o-9', { 'x-test-token': enc(owner) })).status,
      403,
      'write scope cannot read',
    );
    const none = await call('/orders/o-9', { 'x-test-token': enc({ sub: 'b', scopes: [] }) });
    assert.equal(none.status, 403);
    assert.equal(
      none.headers['www-authenticate'],
      'Bearer realm="gatehouse", error="insufficient_scope", scope="orders:read orders:write"',
    );
  });

  it('a token without the claim the rule reads fails closed', async () => {
    const r = await call(
      '/orders/o-1',
      { 'x-test-token': enc({ sub: 'alice', scopes: ['orders:write'] }) },
      'PATCH',
    );
    assert.equal(r.status, 403);
  });
});

describe('authz over HTTP: step-up (RFC 9470)', () => {
  it('a fresh loa3 authentication passes; anything less gets insufficient_user_authentication', async () => {
    const ok = await call('/transfer', {
      'x-test-token': enc({ sub: 'a', acr: 'urn:loa:3', auth_time: nowS() - 5 }),
    });
    assert.equal(ok.status, 200);
    const weak = await call('/transfer', {
      'x-test-token': enc({ sub: 'a', acr: 'urn:loa:1', auth_time: nowS() }),
    });
    assert.equal(weak.status, 401);
    assert.equal(
      weak.headers['www-authenticate'],
      'Bearer realm="gatehouse", error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="urn:loa:3", max_age="300"',
    );
    const old = await call('/transfer', {
      'x-test-token': enc({ sub: 'a', acr: 'urn:loa:3', auth_time: nowS() - 600 }),
    });
    assert.equal(old.status, 401);
    assert.match(
      String(old.headers['www-authenticate']),
      /error_description="More recent authentication is required"/,
    );
  });
});

describe('authz config errors', () => {
  it('a bad CEL expression refuses the config with the YAML position and the expression position', async () => {
    const bad = `  - name: broken
    paths: ["/broken"]
    policies:
      cel: { allow: "request.method == 'GET' &&" }
      ${ECHO}
`;
    await assert.rejects(startGateway(config(bad), {}, { policies }), (e: unknown) => {
      assert.ok(e instanceof ConfigLoadError);
      const [first] = e.errors;
      assert.ok(first && first.line > 0, 'positioned in the YAML file');
      assert.match(first.message, /allow: 1:27: Unexpected token: EOF/);
      return true;
    });
  });

  it('listing ip-restriction as an authentication method explains how to combine it', async () => {
    const bad = `  - name: broken
    paths: ["/broken"]
    policies:
      auth-requirement: { all_of: [test-token, ip-restriction] }
      ${ECHO}
`;
    await assert.rejects(startGateway(config(bad), {}, { policies }), (e: unknown) => {
      assert.ok(e instanceof ConfigLoadError);
      assert.match(e.errors[0]?.message ?? '', /attach the ip-restriction policy/);
      return true;
    });
  });
});
