import { recordSuccess } from '../../identity/consumer.ts';
import { authFailure } from '../../identity/errors.ts';
import type { ClientCertificate, Consumer } from '../../identity/types.ts';
import { definePolicy, type PolicyInstance, type RequestContext } from '../../pipeline/types.ts';
import { type MtlsAuthConfig, MtlsAuthSchema } from './schema.ts';

/** The certificate field a config maps to a consumer id; undefined when the certificate lacks it. */
export function mappedValue(
  cert: ClientCertificate,
  from: MtlsAuthConfig['consumer_from'],
): string | undefined {
  switch (from) {
    case 'subject_cn': {
      const m = /(?:^|,\s*)CN=([^,]+)/.exec(cert.subject);
      return m ? m[1]!.trim() : undefined;
    }
    case 'san_dns':
      return cert.dns[0];
    case 'san_uri':
      return cert.uris[0];
    case 'san_email':
      return cert.emails[0];
    case 'spiffe_id':
      return cert.spiffeId;
    case 'serial':
      return cert.serialNumber;
  }
}

/**
 * `mtls-auth`: the TLS listener verifies the client certificate (CA bundle, depth, validity, CRLs);
 * this policy requires one on the route and maps it to a consumer. Certificates that failed
 * verification never reach it (`ctx.auth.clientCertificate` is only set for verified ones).
 *
 * @example
 * policies:
 *   mtls-auth: { consumer_from: spiffe_id, spiffe_trust_domain: prod.example, allowed: ["spiffe://prod.example/billing"] }
 */
export const policy = definePolicy({
  name: 'mtls-auth',
  order: 760,
  phases: ['request'],
  status: 'beta',
  posture: 'hardened',
  description: 'Authenticates clients by their verified TLS client certificate and maps it to a consumer.',
  supportsMode: true,
  schema: MtlsAuthSchema,
  create(config, deps) {
    const allowed = config.allowed.length ? new Set(config.allowed) : undefined;
    const domainPrefix =
      config.spiffe_trust_domain === undefined ? undefined : `spiffe://${config.spiffe_trust_domain}/`;
    if (domainPrefix !== undefined && config.consumer_from !== 'spiffe_id') {
      throw new TypeError('spiffe_trust_domain needs consumer_from: spiffe_id');
    }
    if (config.require_known_consumer && !deps.consumers) {
      throw new TypeError('require_known_consumer needs the consumer directory');
    }
    const fail = (ctx: RequestContext, reason: string, id?: string): undefined => {
      const err = authFailure(ctx, deps, 'mtls-auth', reason, {
        credentialId: id,
        missing: reason === 'missing',
        scheme: 'Mutual',
      });
      if (config.optional) return undefined;
      throw err;
    };
    const instance: PolicyInstance = {
      onRequest(ctx) {
        const cert = ctx.auth.clientCertificate;
        if (cert === undefined) return fail(ctx, 'missing');
        const value = mappedValue(cert, config.consumer_from);
        if (value === undefined || value.length > 1024) return fail(ctx, 'unmapped', cert.serialNumber);
        if (domainPrefix !== undefined && !value.startsWith(domainPrefix))
          return fail(ctx, 'wrong_trust_domain', cert.serialNumber);
        if (allowed !== undefined && !allowed.has(value)) return fail(ctx, 'not_allowed', cert.serialNumber);
        let consumer: Consumer | undefined = deps.consumers?.get(value);
        if (consumer === undefined) {
          if (config.require_known_consumer) return fail(ctx, 'unknown_consumer', cert.serialNumber);
          consumer = { id: value, groups: [], metadata: {} };
        }
        recordSuccess(ctx, {
          method: 'mtls-auth',
          consumer,
          credentialId: cert.serialNumber,
          claims: undefined,
          scopes: [],
          acr: undefined,
          amr: ['mtls'],
          authTime: undefined,
        });
        return undefined;
      },
    };
    return Object.freeze(instance);
  },
});
