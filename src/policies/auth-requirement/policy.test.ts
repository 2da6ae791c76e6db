import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recordFailure } from '../../identity/consumer.ts';
import type { Consumer } from '../../identity/types.ts';
import { fakeDeps, fakeRequestContext, instantiate, runRequest, schemaFixtureSuite } from '../testing.ts';
import { policy } from './policy.ts';
import { authenticatedSuccesses, isAnonymous, isCredentialFailure } from './results.ts';
import { authenticate, runReportOnly } from './test-support.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

describe('auth-requirement', () => {
  test('any_of: one listed method is enough', async () => {
    const instance = instantiate(policy, { any_of: ['key-auth', 'jwt-auth'] });
    for (const method of ['key-auth', 'jwt-auth']) {
      const ctx = fakeRequestContext();
      authenticate(ctx, { method });
      assert.equal((await runRequest(instance, ctx)).error, undefined, method);
    }
  });

  test('any_of: a method that is not listed does not count', async () => {
    const instance = instantiate(policy, { any_of: ['jwt-auth'] });
    const ctx = fakeRequestContext();
    authenticate(ctx, { method: 'mtls-auth' });
    const { error } = await runRequest(instance, ctx);
    assert.equal(error?.status, 401);
    assert.equal(error?.reason, 'auth-requirement:no_valid_credentials');
  });

  test('all_of: every listed method must succeed', async () => {
    const instance = instantiate(policy, { all_of: ['jwt-auth', 'mtls-auth'] });
    const both = fakeRequestContext();
    authenticate(both, { method: 'jwt-auth' });
    authenticate(both, { method: 'mtls-auth' });
    assert.equal((await runRequest(instance, both)).error, undefined);

    const one = fakeRequestContext();
    authenticate(one, { method: 'jwt-auth' });
    authenticate(one, { method: 'jwt-auth' });
    recordFailure(one, { method: 'mtls-auth', reason: 'missing', credentialId: undefined });
    assert.equal((await runRequest(instance, one)).error?.status, 401);
  });

  test('nothing presented: 401 with a challenge without error code (RFC 6750 §3.1), event and failure recorded', async () => {
    const deps = fakeDeps();
    const instance = instantiate(policy, { any_of: ['key-auth'] }, deps);
    const ctx = fakeRequestContext({ clientIp: '198.51.100.9' });
    recordFailure(ctx, { method: 'key-auth', reason: 'missing', credentialId: undefined });
    const { error } = await runRequest(instance, ctx);
    assert.equal(error?.code, 'GW_UNAUTHORIZED');
    assert.equal(error?.headers?.['www-authenticate'], 'Bearer realm="gatehouse"');
    assert.equal(error?.detail, undefined, 'nothing specific reaches the client');
    assert.deepEqual(ctx.auth.failures.at(-1), {
      method: 'auth-requirement',
      reason: 'no_valid_credentials',
      credentialId: undefined,
    });
    assert.equal(deps.events.length, 1);
    assert.equal(deps.events[0]?.type, 'authentication_failure');
    assert.equal(deps.events[0]?.fields['event.reason'], 'no_valid_credentials');
    assert.equal(deps.events[0]?.fields['client.ip'], '198.51.100.9');
  });

  test('an invalid credential: 401 invalid_token', async () => {
    const instance = instantiate(policy, { any_of: ['key-auth', 'jwt-auth'] });
    const ctx = fakeRequestContext();
    recordFailure(ctx, { method: 'jwt-auth', reason: 'expired', credentialId: 'alice' });
    const { error } = await runRequest(instance, ctx);
    assert.equal(error?.headers?.['www-authenticate'], 'Bearer realm="gatehouse", error="invalid_token"');
  });

  test('anonymous: no credential at all continues as the anonymous consumer', async () => {
    const instance = instantiate(policy, { any_of: ['key-auth'], anonymous: 'guest' });
    const ctx = fakeRequestContext({ headers: { 'x-anonymous-consumer': 'false' } });
    recordFailure(ctx, { method: 'key-auth', reason: 'missing', credentialId: undefined });
    assert.equal((await runRequest(instance, ctx)).error, undefined);
    assert.deepEqual(ctx.consumer, { id: 'guest', groups: [] });
    assert.equal(ctx.upstreamHeaders['x-consumer-id'], 'guest');
    assert.equal(ctx.upstreamHeaders['x-anonymous-consumer'], 'true');
    assert.equal(ctx.upstreamHeaders['x-authenticated-method'], 'anonymous');
    assert.equal(ctx.auth.successes[0]?.method, 'anonymous');
    assert.equal(isAnonymous(ctx), true);
    assert.deepEqual(authenticatedSuccesses(ctx), []);
  });

  test('anonymous: groups and metadata come from the consumer directory when it knows the id', async () => {
    const guest: Consumer = { id: 'guest', groups: ['public'], metadata: { tier: 'free' } };
    const deps = { ...fakeDeps(), consumers: { get: (id: string) => (id === 'guest' ? guest : undefined) } };
    const instance = instantiate(policy, { any_of: ['jwt-auth'], anonymous: 'guest' }, deps);
    const ctx = fakeRequestContext();
    assert.equal((await runRequest(instance, ctx)).error, undefined);
    assert.deepEqual(ctx.consumer, { id: 'guest', groups: ['public'] });
    assert.equal(ctx.upstreamHeaders['x-consumer-groups'], 'public');
  });

  test('anonymous: a presented but invalid credential is never downgraded to anonymous', async () => {
    const instance = instantiate(policy, { any_of: ['key-auth'], anonymous: 'guest' });
    const ctx = fakeRequestContext();
    recordFailure(ctx, { method: 'key-auth', reason: 'unknown', credentialId: 'k_1' });
    const { error } = await runRequest(instance, ctx);
    assert.equal(error?.status, 401);
    assert.equal(ctx.consumer, undefined);
    assert.equal(ctx.upstreamHeaders['x-anonymous-consumer'], undefined);
  });

  test('anonymous: a partial all_of is not anonymous', async () => {
    const instance = instantiate(policy, { all_of: ['jwt-auth', 'mtls-auth'], anonymous: 'guest' });
    const ctx = fakeRequestContext();
    authenticate(ctx, { method: 'jwt-auth', consumer: { id: 'alice' } });
    assert.equal((await runRequest(instance, ctx)).error?.status, 401);
  });

  test('a satisfied rule removes a client-sent X-Anonymous-Consumer before forwarding', async () => {
    const instance = instantiate(policy, { any_of: ['jwt-auth'], anonymous: 'guest' });
    const ctx = fakeRequestContext({ headers: { 'x-anonymous-consumer': 'true' } });
    authenticate(ctx, { method: 'jwt-auth', consumer: { id: 'alice' } });
    assert.equal((await runRequest(instance, ctx)).error, undefined);
    assert.equal(ctx.upstreamHeaders['x-anonymous-consumer'], undefined);
    assert.equal(ctx.upstreamHeaders['x-consumer-id'], 'alice');
  });

  test('report-only: a refusal is recorded as would-deny and the request continues', async () => {
    const instance = instantiate(policy, { any_of: ['jwt-auth'] });
    const ctx = fakeRequestContext();
    const { error, decisions } = await runReportOnly(instance, ctx, 'auth-requirement');
    assert.equal(error, null);
    assert.deepEqual(decisions, [
      {
        policy: 'auth-requirement',
        action: 'would-deny',
        reason: 'auth-requirement:no_valid_credentials',
        status: 401,
      },
    ]);
  });

  test('create() refuses ambiguous or impossible rules', () => {
    assert.throws(() => instantiate(policy, {}), /exactly one of "any_of" or "all_of"/);
    assert.throws(
      () => instantiate(policy, { any_of: ['jwt-auth'], all_of: ['key-auth'] }),
      /exactly one of "any_of" or "all_of"/,
    );
    assert.throws(
      () => instantiate(policy, { all_of: ['jwt-auth', 'ip-restriction'] }),
      (e: unknown) => e instanceof TypeError && /attach the ip-restriction policy/.test(e.message),
    );
    assert.throws(() => instantiate(policy, { any_of: ['anonymous'] }), /"anonymous" option/);
    assert.throws(() => instantiate(policy, { any_of: ['auth-requirement'] }), TypeError);
  });

  test('isCredentialFailure: only wrong credentials from authentication methods count', () => {
    assert.equal(isCredentialFailure({ method: 'key-auth', reason: 'unknown', credentialId: 'k' }), true);
    assert.equal(
      isCredentialFailure({ method: 'jwt-auth', reason: 'bad_signature', credentialId: undefined }),
      true,
    );
    assert.equal(
      isCredentialFailure({ method: 'key-auth', reason: 'missing', credentialId: undefined }),
      false,
    );
    assert.equal(
      isCredentialFailure({ method: 'key-auth', reason: 'store_unavailable', credentialId: undefined }),
      false,
    );
    for (const method of ['auth-requirement', 'acl', 'scopes', 'step-up']) {
      assert.equal(
        isCredentialFailure({ method, reason: 'no_consumer', credentialId: undefined }),
        false,
        method,
      );
    }
  });

  test('instance is frozen and only has a request hook', () => {
    const instance = instantiate(policy, { any_of: ['jwt-auth'] });
    assert.ok(Object.isFrozen(instance));
    assert.deepEqual(Object.keys(instance), ['onRequest']);
  });
});
