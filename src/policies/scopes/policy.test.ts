import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { authenticate, runReportOnly } from '../auth-requirement/test-support.ts';
import { fakeDeps, fakeRequestContext, instantiate, runRequest, schemaFixtureSuite } from '../testing.ts';
import { policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

function withScopes(...lists: string[][]) {
  const ctx = fakeRequestContext();
  for (const scopes of lists) authenticate(ctx, { method: 'jwt-auth', scopes });
  return ctx;
}

describe('scopes', () => {
  test('match all (default): every required scope, from the union of all successes', async () => {
    const instance = instantiate(policy, { required: ['orders:read', 'orders:write'] });
    assert.equal(
      (await runRequest(instance, withScopes(['orders:read', 'orders:write', 'x']))).error,
      undefined,
    );
    assert.equal(
      (await runRequest(instance, withScopes(['orders:read'], ['orders:write']))).error,
      undefined,
    );
    const { error } = await runRequest(instance, withScopes(['orders:read']));
    assert.equal(error?.code, 'GW_FORBIDDEN');
    assert.equal(error?.reason, 'scopes:insufficient_scope');
  });

  test('match any: one required scope is enough', async () => {
    const instance = instantiate(policy, { required: ['orders:read', 'admin'], match: 'any' });
    assert.equal((await runRequest(instance, withScopes(['admin']))).error, undefined);
    assert.equal((await runRequest(instance, withScopes(['orders:write']))).error?.status, 403);
  });

  test('insufficient scope: 403 with the RFC 6750 §3.1 challenge naming the required scopes', async () => {
    const deps = fakeDeps();
    const instance = instantiate(policy, { required: ['orders:read', 'orders:write'] }, deps);
    const { error } = await runRequest(instance, withScopes([]));
    assert.equal(error?.status, 403);
    assert.equal(
      error?.headers?.['www-authenticate'],
      'Bearer realm="gatehouse", error="insufficient_scope", scope="orders:read orders:write"',
    );
    assert.equal(deps.events[0]?.type, 'authorization_denied');
    assert.equal(deps.events[0]?.fields['event.reason'], 'insufficient_scope');
  });

  test('scope names compare exactly', async () => {
    const instance = instantiate(policy, { required: ['orders:read'] });
    assert.equal(
      (await runRequest(instance, withScopes(['Orders:read', 'orders:read:all', 'orders']))).error?.status,
      403,
    );
  });

  test('unauthenticated or anonymous: 401 without an error code', async () => {
    const instance = instantiate(policy, { required: ['a'] });
    const none = await runRequest(instance, fakeRequestContext());
    assert.equal(none.error?.status, 401);
    assert.equal(none.error?.headers?.['www-authenticate'], 'Bearer realm="gatehouse"');
    const anon = fakeRequestContext();
    authenticate(anon, { method: 'anonymous', consumer: { id: 'guest' }, scopes: ['a'] });
    assert.equal((await runRequest(instance, anon)).error?.status, 401);
  });

  test('report-only: would-deny with status 403, request continues', async () => {
    const instance = instantiate(policy, { required: ['a'] });
    const { error, decisions } = await runReportOnly(instance, withScopes(['b']), 'scopes');
    assert.equal(error, null);
    assert.deepEqual(decisions, [
      { policy: 'scopes', action: 'would-deny', reason: 'scopes:insufficient_scope', status: 403 },
    ]);
  });

  test('create() needs at least one scope; instance is frozen', () => {
    assert.throws(() => instantiate(policy, { required: [] }), TypeError);
    assert.throws(() => instantiate(policy, {}), TypeError);
    assert.ok(Object.isFrozen(instantiate(policy, { required: ['a'] })));
  });
});
