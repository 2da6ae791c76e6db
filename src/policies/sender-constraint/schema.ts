import { type Static, Type } from '@sinclair/typebox';
import { DPOP_ALGORITHMS } from '../../identity/dpop.ts';

/** DPoP (RFC 9449) settings. */
export const DpopSchema = Type.Object(
  {
    required: Type.Boolean({
      default: false,
      description:
        'Every token on this route must be DPoP-bound (`cnf.jkt`) and presented with `Authorization: DPoP` and a valid proof. Otherwise only tokens that carry `cnf.jkt` are checked.',
    }),
    algorithms: Type.Array(Type.Union(DPOP_ALGORITHMS.map((a) => Type.Literal(a))), {
      default: [...DPOP_ALGORITHMS],
      minItems: 1,
      maxItems: DPOP_ALGORITHMS.length,
      uniqueItems: true,
      description: 'Signature algorithms accepted for proofs (asymmetric only; `none` and HMAC never are).',
    }),
    max_age_s: Type.Integer({
      minimum: 1,
      maximum: 600,
      default: 60,
      description:
        'Oldest accepted proof: `iat` may be at most this many seconds (plus `leeway_s`) in the past.',
    }),
    leeway_s: Type.Integer({
      minimum: 0,
      maximum: 120,
      default: 10,
      description: 'Clock skew allowed on `iat`, both ways (a proof from the future is refused beyond it).',
    }),
    htu_base: Type.Optional(
      Type.String({
        format: 'uri',
        pattern: '^https?://[^?#]*$',
        maxLength: 2048,
        description:
          'Public base URL of this route as clients address it (`https://api.example.com` or `https://example.com/api`) when a proxy in front changes scheme, host or path prefix. Default: the scheme of this listener and the `Host` header.',
      }),
    ),
    nonce: Type.Boolean({
      default: false,
      description:
        'Require a server nonce (RFC 9449 §8): proofs without a valid one get `401 use_dpop_nonce` with a fresh `DPoP-Nonce`; responses carry the current nonce.',
    }),
    nonce_window_s: Type.Integer({
      minimum: 10,
      maximum: 3600,
      default: 120,
      description: 'Nonce rotation period; a nonce is accepted for this long and one more period.',
    }),
    nonce_secret: Type.Optional(
      Type.String({
        minLength: 32,
        maxLength: 4096,
        'x-secret': true,
        description:
          'HMAC key of the stateless nonces (UTF-8, at least 32 bytes; use a `file:` reference). Set the same value on every node so nonces work across nodes; default: a random per-process secret shared by its worker threads.',
      }),
    ),
    max_proof_bytes: Type.Integer({
      minimum: 512,
      maximum: 16_384,
      default: 8192,
      description: 'Longer `DPoP` header values are refused before parsing.',
    }),
    replay_cache_max: Type.Integer({
      minimum: 1000,
      maximum: 10_000_000,
      default: 100_000,
      description:
        'Live proof `jti`s remembered in process when no state store is configured (one worker only). When full, new proofs are refused (503) rather than forgetting one.',
    }),
    on_store_error: Type.Union([Type.Literal('deny'), Type.Literal('local')], {
      default: 'deny',
      description:
        'When the state store fails during the `jti` replay check: `deny` answers 503; `local` falls back to the in-process replay memory (this worker only).',
    }),
    hide_proof: Type.Boolean({
      default: true,
      description: 'Remove the `DPoP` header before forwarding (the proof is addressed to the gateway).',
    }),
  },
  { additionalProperties: false, default: {}, description: 'DPoP proof-of-possession (RFC 9449).' },
);

/** Certificate-bound token (RFC 8705) settings. */
export const CertificateBoundSchema = Type.Object(
  {
    required: Type.Boolean({
      default: false,
      description:
        'Every token on this route must be certificate-bound (`cnf["x5t#S256"]`). Otherwise only tokens that carry it are checked.',
    }),
  },
  {
    additionalProperties: false,
    default: {},
    description:
      'Certificate-bound access tokens (RFC 8705 §3): `cnf["x5t#S256"]` must match the mTLS client certificate.',
  },
);

/** Config of the `sender-constraint` policy. */
export const SenderConstraintSchema = Type.Object(
  {
    dpop: DpopSchema,
    certificate_bound: CertificateBoundSchema,
  },
  {
    additionalProperties: false,
    description:
      'Checks that bound access tokens are used by their holder: DPoP proofs (RFC 9449) and mTLS certificate binding (RFC 8705).',
  },
);

/** Validated `sender-constraint` config (defaults applied). */
export type SenderConstraintConfig = Static<typeof SenderConstraintSchema>;
