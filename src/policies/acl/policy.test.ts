import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { authenticate, runReportOnly } from '../auth-requirement/test-support.ts';
import { fakeDeps, fakeRequestContext, instantiate, runRequest, schemaFixtureSuite } from '../testing.ts';
import { policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

function consumerCtx(groups: string[], method = 'key-auth') {
  const ctx = fakeRequestContext();
  authenticate(ctx, { method, consumer: { id: 'alice', groups } });
  return ctx;
}

describe('acl', () => {
  test('allow_groups: a consumer in one of the groups passes, others get a generic 403', async () => {
    const deps = fakeDeps();
    const instance = instantiate(policy, { allow_groups: ['admins', 'support'] }, deps);
    assert.equal((await runRequest(instance, consumerCtx(['support']))).error, undefined);
    const { error } = await runRequest(instance, consumerCtx(['users']));
    assert.equal(error?.code, 'GW_FORBIDDEN');
    assert.equal(error?.status, 403);
    assert.equal(error?.reason, 'acl:group_not_allowed');
    assert.equal(error?.detail, undefined);
    assert.equal(deps.events.at(-1)?.type, 'authorization_denied');
    assert.equal(deps.events.at(-1)?.fields['gatehouse.consumer.id'], 'alice');
    assert.equal((await runRequest(instance, consumerCtx([]))).error?.reason, 'acl:group_not_allowed');
  });

  test('deny wins over allow', async () => {
    const instance = instantiate(policy, { allow_groups: ['admins'], deny_groups: ['suspended'] });
    assert.equal((await runRequest(instance, consumerCtx(['admins']))).error, undefined);
    const { error } = await runRequest(instance, consumerCtx(['admins', 'suspended']));
    assert.equal(error?.reason, 'acl:group_denied');
    assert.equal(error?.status, 403);
  });

  test('deny_groups only: everyone else passes', async () => {
    const instance = instantiate(policy, { deny_groups: ['suspended'] });
    assert.equal((await runRequest(instance, consumerCtx([]))).error, undefined);
    assert.equal((await runRequest(instance, consumerCtx(['suspended']))).error?.status, 403);
  });

  test('groups match exactly (case-sensitive, no prefix)', async () => {
    const instance = instantiate(policy, { allow_groups: ['admins'] });
    assert.equal((await runRequest(instance, consumerCtx(['Admins']))).error?.status, 403);
    assert.equal((await runRequest(instance, consumerCtx(['admins2']))).error?.status, 403);
  });

  test('no consumer: 401 (authenticate first), recorded as no_consumer', async () => {
    const instance = instantiate(policy, { deny_groups: ['suspended'] });
    const ctx = fakeRequestContext();
    const { error } = await runRequest(instance, ctx);
    assert.equal(error?.status, 401);
    assert.equal(error?.reason, 'acl:no_consumer');
    assert.equal(error?.headers?.['www-authenticate'], 'Bearer realm="gatehouse"');
    assert.equal(ctx.auth.failures[0]?.reason, 'no_consumer');
  });

  test('the anonymous consumer: allowed by its groups, otherwise 401 (authenticating may help)', async () => {
    const instance = instantiate(policy, { allow_groups: ['public'] });
    assert.equal((await runRequest(instance, consumerCtx(['public'], 'anonymous'))).error, undefined);
    const { error } = await runRequest(instance, consumerCtx([], 'anonymous'));
    assert.equal(error?.status, 401);
    assert.equal(error?.reason, 'acl:anonymous_not_allowed');
  });

  test('report-only: would-deny, request continues', async () => {
    const instance = instantiate(policy, { allow_groups: ['admins'] });
    const { error, decisions } = await runReportOnly(instance, consumerCtx(['users']), 'acl');
    assert.equal(error, null);
    assert.equal(decisions[0]?.action, 'would-deny');
    assert.equal(decisions[0]?.reason, 'acl:group_not_allowed');
    assert.equal(decisions[0]?.status, 403);
  });

  test('create() refuses an empty config; instance is frozen', () => {
    assert.throws(() => instantiate(policy, {}), TypeError);
    const instance = instantiate(policy, { allow_groups: ['a'] });
    assert.ok(Object.isFrozen(instance));
    assert.deepEqual(Object.keys(instance), ['onRequest']);
  });
});
