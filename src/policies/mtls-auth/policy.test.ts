import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClientCertificate } from '../../identity/types.ts';
import { fakeDeps, fakeRequestContext, instantiate, runRequest, schemaFixtureSuite } from '../testing.ts';
import { mappedValue, policy } from './policy.ts';

const cert: ClientCertificate = Object.freeze({
  raw: Buffer.from('x'),
  x5tS256: 'abc',
  subject: 'C=US, O=Example, CN=billing-client',
  issuer: 'CN=Example CA',
  serialNumber: '0A1B',
  validFrom: '',
  validTo: '',
  dns: ['billing.internal'],
  uris: ['spiffe://prod.example/billing'],
  emails: ['ops@example.com'],
  spiffeId: 'spiffe://prod.example/billing',
});

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

describe('mtls-auth', () => {
  it('maps each certificate field', () => {
    assert.equal(mappedValue(cert, 'subject_cn'), 'billing-client');
    assert.equal(mappedValue(cert, 'san_dns'), 'billing.internal');
    assert.equal(mappedValue(cert, 'san_uri'), 'spiffe://prod.example/billing');
    assert.equal(mappedValue(cert, 'san_email'), 'ops@example.com');
    assert.equal(mappedValue(cert, 'spiffe_id'), 'spiffe://prod.example/billing');
    assert.equal(mappedValue(cert, 'serial'), '0A1B');
  });

  it('no verified certificate → 401 with reason missing', async () => {
    const deps = fakeDeps();
    const inst = instantiate(policy, {}, deps);
    const out = await runRequest(inst, fakeRequestContext());
    assert.equal(out.error?.status, 401);
    assert.equal(out.error?.reason, 'mtls-auth:missing');
    assert.equal(deps.events[0]?.fields['event.reason'], 'missing');
  });

  it('a verified certificate identifies the consumer and sets the consumer headers', async () => {
    const inst = instantiate(policy, {});
    const ctx = fakeRequestContext({
      clientCertificate: cert,
      headers: { 'x-consumer-id': 'spoofed' },
      upstreamHeaders: {},
    });
    const out = await runRequest(inst, ctx);
    assert.equal(out.error, undefined);
    assert.equal(ctx.consumer?.id, 'billing-client');
    assert.equal(ctx.upstreamHeaders['x-consumer-id'], 'billing-client');
    assert.equal(ctx.upstreamHeaders['x-credential-id'], '0A1B');
    assert.deepEqual(ctx.auth.successes[0]?.amr, ['mtls']);
  });

  it('SPIFFE: trust domain and allow list are enforced', async () => {
    const inst = instantiate(policy, {
      consumer_from: 'spiffe_id',
      spiffe_trust_domain: 'prod.example',
      allowed: ['spiffe://prod.example/billing'],
    });
    assert.equal((await runRequest(inst, fakeRequestContext({ clientCertificate: cert }))).error, undefined);
    const other = {
      ...cert,
      spiffeId: 'spiffe://evil.example/billing',
      uris: ['spiffe://evil.example/billing'],
    };
    const out = await runRequest(inst, fakeRequestContext({ clientCertificate: other }));
    assert.equal(out.error?.reason, 'mtls-auth:wrong_trust_domain');
    const notListed = { ...cert, spiffeId: 'spiffe://prod.example/admin' };
    assert.equal(
      (await runRequest(inst, fakeRequestContext({ clientCertificate: notListed }))).error?.reason,
      'mtls-auth:not_allowed',
    );
  });

  it('a certificate without the mapped field is refused', async () => {
    const inst = instantiate(policy, { consumer_from: 'san_email' });
    const out = await runRequest(inst, fakeRequestContext({ clientCertificate: { ...cert, emails: [] } }));
    assert.equal(out.error?.reason, 'mtls-auth:unmapped');
  });

  it('optional records the failure without denying', async () => {
    const inst = instantiate(policy, { optional: true });
    const ctx = fakeRequestContext();
    const out = await runRequest(inst, ctx);
    assert.equal(out.error, undefined);
    assert.equal(ctx.auth.failures[0]?.reason, 'missing');
  });

  it('require_known_consumer refuses certificates of unknown consumers', async () => {
    const deps = {
      ...fakeDeps(),
      consumers: { get: (id: string) => (id === 'known' ? { id, groups: ['g'], metadata: {} } : undefined) },
    };
    const inst = instantiate(policy, { require_known_consumer: true }, deps);
    assert.equal(
      (await runRequest(inst, fakeRequestContext({ clientCertificate: cert }))).error?.reason,
      'mtls-auth:unknown_consumer',
    );
    const known = { ...cert, subject: 'CN=known' };
    const ctx = fakeRequestContext({ clientCertificate: known });
    assert.equal((await runRequest(inst, ctx)).error, undefined);
    assert.deepEqual(ctx.consumer?.groups, ['g']);
  });

  it('spiffe_trust_domain without spiffe_id mapping is a config error', () => {
    assert.throws(() => instantiate(policy, { spiffe_trust_domain: 'x' }), /spiffe_trust_domain needs/);
  });
});
