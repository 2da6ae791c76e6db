import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClientCertificate } from '../../identity/types.ts';
import { authenticate, runReportOnly, type SuccessInit } from '../auth-requirement/test-support.ts';
import { fakeDeps, fakeRequestContext, instantiate, runRequest, schemaFixtureSuite } from '../testing.ts';
import { policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

const nowS = () => Math.floor(Date.now() / 1000);

const cert: ClientCertificate = Object.freeze({
  raw: Buffer.from('der'),
  x5tS256: 'x5t',
  subject: 'CN=client',
  issuer: 'CN=ca',
  serialNumber: '01',
  validFrom: '',
  validTo: '',
  dns: [],
  uris: [],
  emails: [],
  spiffeId: undefined,
});

function token(init: SuccessInit, opts: { cert?: boolean } = {}) {
  const ctx = fakeRequestContext(opts.cert ? { clientCertificate: cert } : {});
  authenticate(ctx, { method: 'jwt-auth', consumer: { id: 'alice' }, ...init });
  return ctx;
}

const LEVEL = 'A different authentication level is required';

describe('step-up', () => {
  test('acr_values: the token acr must be one of them; the RFC 9470 challenge lists them', async () => {
    const deps = fakeDeps();
    const instance = instantiate(policy, { acr_values: ['urn:loa:3', 'urn:loa:4'] }, deps);
    assert.equal((await runRequest(instance, token({ acr: 'urn:loa:4' }))).error, undefined);
    for (const acr of ['urn:loa:2', undefined]) {
      const { error } = await runRequest(instance, token({ acr }));
      assert.equal(error?.code, 'GW_UNAUTHORIZED');
      assert.equal(error?.status, 401);
      assert.equal(error?.reason, 'step-up:acr_not_satisfied');
      assert.equal(
        error?.headers?.['www-authenticate'],
        `Bearer realm="gatehouse", error="insufficient_user_authentication", error_description="${LEVEL}", acr_values="urn:loa:3 urn:loa:4"`,
      );
    }
    assert.equal(deps.events.at(-1)?.type, 'authorization_denied');
    assert.equal(deps.events.at(-1)?.fields['event.reason'], 'acr_not_satisfied');
  });

  test('amr: every value required', async () => {
    const instance = instantiate(policy, { amr: ['mfa', 'hwk'] });
    assert.equal((await runRequest(instance, token({ amr: ['pwd', 'hwk', 'mfa'] }))).error, undefined);
    const { error } = await runRequest(instance, token({ amr: ['mfa'] }));
    assert.equal(error?.reason, 'step-up:amr_not_satisfied');
    assert.equal(
      error?.headers?.['www-authenticate'],
      `Bearer realm="gatehouse", error="insufficient_user_authentication", error_description="${LEVEL}"`,
    );
  });

  test('acr and amr must hold on the same authentication', async () => {
    const instance = instantiate(policy, { acr_values: ['urn:loa:3'], amr: ['mfa'] });
    const ctx = token({ acr: 'urn:loa:3', amr: [] });
    authenticate(ctx, { method: 'key-auth', amr: ['mfa'] });
    assert.equal((await runRequest(instance, ctx)).error?.reason, 'step-up:amr_not_satisfied');
  });

  test('max_age_s: auth_time must be recent; the challenge says so and carries max_age', async () => {
    const instance = instantiate(policy, { max_age_s: 300 });
    assert.equal((await runRequest(instance, token({ authTime: nowS() - 10 }))).error, undefined);
    for (const authTime of [nowS() - 301, undefined]) {
      const { error } = await runRequest(instance, token({ authTime }));
      assert.equal(error?.reason, 'step-up:auth_too_old');
      assert.equal(
        error?.headers?.['www-authenticate'],
        'Bearer realm="gatehouse", error="insufficient_user_authentication", error_description="More recent authentication is required", max_age="300"',
      );
    }
  });

  test('acr plus max_age: both parameters are sent so one new token can satisfy both', async () => {
    const instance = instantiate(policy, { acr_values: ['urn:loa:3'], max_age_s: 60 });
    const { error } = await runRequest(instance, token({ acr: 'urn:loa:1', authTime: nowS() }));
    assert.equal(
      error?.headers?.['www-authenticate'],
      `Bearer realm="gatehouse", error="insufficient_user_authentication", error_description="${LEVEL}", acr_values="urn:loa:3", max_age="60"`,
    );
    const old = await runRequest(instance, token({ acr: 'urn:loa:3', authTime: nowS() - 120 }));
    assert.equal(old.error?.reason, 'step-up:auth_too_old');
  });

  test('require_mtls: a verified client certificate in addition to the token', async () => {
    const instance = instantiate(policy, { acr_values: ['urn:loa:3'], require_mtls: true });
    assert.equal((await runRequest(instance, token({ acr: 'urn:loa:3' }, { cert: true }))).error, undefined);
    const { error } = await runRequest(instance, token({ acr: 'urn:loa:3' }));
    assert.equal(error?.status, 401);
    assert.equal(error?.reason, 'step-up:mtls_required');
    assert.match(String(error?.headers?.['www-authenticate']), /error="insufficient_user_authentication"/);
  });

  test('unauthenticated or only anonymous: plain 401', async () => {
    const instance = instantiate(policy, { amr: ['mfa'] });
    const none = await runRequest(instance, fakeRequestContext());
    assert.equal(none.error?.headers?.['www-authenticate'], 'Bearer realm="gatehouse"');
    const anon = fakeRequestContext();
    authenticate(anon, { method: 'anonymous', consumer: { id: 'guest' }, amr: ['mfa'] });
    assert.equal((await runRequest(instance, anon)).error?.reason, 'step-up:unauthenticated');
  });

  test('report-only: would-deny with status 401', async () => {
    const instance = instantiate(policy, { amr: ['mfa'] });
    const { error, decisions } = await runReportOnly(instance, token({ amr: [] }), 'step-up');
    assert.equal(error, null);
    assert.deepEqual(decisions, [
      { policy: 'step-up', action: 'would-deny', reason: 'step-up:amr_not_satisfied', status: 401 },
    ]);
  });

  test('create() needs a requirement; instance is frozen', () => {
    assert.throws(() => instantiate(policy, {}), TypeError);
    assert.ok(Object.isFrozen(instantiate(policy, { require_mtls: true })));
  });
});
