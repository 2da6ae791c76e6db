import { type Static, Type } from '@sinclair/typebox';

/** Config of the `mtls-auth` policy. */
export const MtlsAuthSchema = Type.Object(
  {
    consumer_from: Type.Union(
      [
        Type.Literal('subject_cn'),
        Type.Literal('san_dns'),
        Type.Literal('san_uri'),
        Type.Literal('san_email'),
        Type.Literal('spiffe_id'),
        Type.Literal('serial'),
      ],
      {
        default: 'subject_cn',
        description:
          'Which certificate field names the consumer: the subject CN, the first SAN of a type, the SPIFFE id (URI SAN `spiffe://…`) or the serial number.',
      },
    ),
    allowed: Type.Array(Type.String({ minLength: 1, maxLength: 1024 }), {
      default: [],
      maxItems: 100_000,
      description:
        'When not empty, only certificates whose mapped value is in this list pass (e.g. SPIFFE ids of allowed workloads).',
    }),
    spiffe_trust_domain: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9._-]+$',
        description: 'With spiffe_id: only ids of this trust domain (`spiffe://<domain>/…`) are accepted.',
      }),
    ),
    require_known_consumer: Type.Boolean({
      default: false,
      description: 'Refuse certificates whose mapped value is not a configured consumer id.',
    }),
    optional: Type.Boolean({
      default: false,
      description:
        'Record a missing or refused certificate in ctx.auth without denying (for any-of combinations).',
    }),
  },
  {
    additionalProperties: false,
    description:
      'Authenticates clients by the certificate the TLS listener verified (listeners[].tls.client_auth: CA bundles, depth, CRLs) and maps it to a consumer.',
  },
);

/** Validated `mtls-auth` config (defaults applied). */
export type MtlsAuthConfig = Static<typeof MtlsAuthSchema>;
