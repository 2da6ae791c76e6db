import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { GatewayError } from '../errors/gateway-error.ts';
import { definePolicy } from '../pipeline/types.ts';
import {
  applyDefaults,
  checkSchema,
  FAKE_LISTENER_MAX_BODY,
  fakeDeps,
  fakeRequestContext,
  fakeResponseContext,
  instantiate,
  runRequest,
  runResponse,
} from './testing.ts';

const demo = definePolicy({
  name: 'demo',
  order: 100,
  phases: ['request', 'response'],
  status: 'experimental',
  posture: 'hardened',
  description: 'Test double.',
  supportsMode: false,
  schema: Type.Object(
    { n: Type.Integer({ default: 3, minimum: 0, description: 'n' }) },
    { additionalProperties: false },
  ),
  create(config) {
    return {
      onRequest(ctx) {
        if (ctx.method === 'PUT') throw new RangeError('not a gateway error');
        if (ctx.method === 'DELETE') throw new GatewayError('GW_FORBIDDEN');
        return ctx.method === 'POST' ? { status: 200 + config.n } : undefined;
      },
      onResponse(ctx) {
        ctx.responseHeaders['x-n'] = String(config.n);
      },
    };
  },
});

test('fakeRequestContext has sensible defaults and lower-cases header names', () => {
  const ctx = fakeRequestContext({
    headers: { 'X-Test': 'a', 'X-Gone': undefined },
    query: 'q=1',
    path: '/p',
  });
  assert.equal(ctx.method, 'GET');
  assert.equal(ctx.host, 'gateway.test');
  assert.equal(ctx.headers['x-test'], 'a');
  assert.equal(ctx.headers.host, 'gateway.test');
  assert.deepEqual(ctx.upstreamHeaders, { host: 'gateway.test', 'x-test': 'a' });
  assert.equal(ctx.upstreamPath, '/p?q=1');
  assert.equal(ctx.req.url, '/p?q=1');
  assert.deepEqual(ctx.req.rawHeaders, ['host', 'gateway.test', 'x-test', 'a']);
  assert.equal(ctx.maxBodyBytes, FAKE_LISTENER_MAX_BODY);
  assert.equal(ctx.clientIp, ctx.peerIp);
  assert.equal(ctx.route.name, 'test-route');
  assert.ok(Object.isFrozen(ctx.params));
  assert.deepEqual(ctx.decisions, []);
  assert.equal(ctx.signal.aborted, false);
});

test('fakeResponseContext and runResponse', async () => {
  const res = fakeResponseContext({ status: 404, local: true });
  assert.equal(res.status, 404);
  assert.equal(res.local, true);
  await runResponse(instantiate(demo, { n: 7 }), res);
  assert.equal(res.responseHeaders['x-n'], '7');
  assert.equal(fakeResponseContext().status, 200);
});

test('applyDefaults fills defaults, freezes, and reports every error', () => {
  const cfg = applyDefaults(demo, {});
  assert.deepEqual(cfg, { n: 3 });
  assert.ok(Object.isFrozen(cfg));
  assert.throws(
    () => applyDefaults(demo, { n: -1, extra: true }),
    /(?=.*\/n must be >= 0)(?=.*additional properties \(extra\))/,
  );
  assert.equal(checkSchema(demo.schema, undefined).valid, true);
});

test('runRequest captures replies and GatewayErrors, rethrows anything else', async () => {
  const instance = instantiate(demo);
  assert.deepEqual(await runRequest(instance, fakeRequestContext({ method: 'POST' })), {
    reply: { status: 203 },
    error: undefined,
  });
  assert.equal(
    (await runRequest(instance, fakeRequestContext({ method: 'DELETE' }))).error?.code,
    'GW_FORBIDDEN',
  );
  await assert.rejects(runRequest(instance, fakeRequestContext({ method: 'PUT' })), RangeError);
});

test('fakeDeps records events', () => {
  const deps = fakeDeps();
  deps.event('ip.denied', { ip: '10.0.0.1' });
  assert.deepEqual(deps.events, [{ type: 'ip.denied', fields: { ip: '10.0.0.1' } }]);
  assert.equal(deps.logger.level, 'silent');
});
