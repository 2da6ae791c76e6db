import { type Static, Type } from '@sinclair/typebox';

/**
 * Signature algorithms an issuer may allow. `none` is not in the list, so a configuration that
 * names it fails schema validation; the policy also refuses `none` in any casing at run time.
 */
export const JWS_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'HS256',
  'HS384',
  'HS512',
] as const;

/** One of {@link JWS_ALGORITHMS}. */
export type JwsAlgorithm = (typeof JWS_ALGORITHMS)[number];

/** Lower-case header field name (a subset of the RFC 9110 token). */
export const HEADER_NAME_PATTERN = '^[a-z0-9][a-z0-9_-]{0,127}$';
/** A claim name: 1 to 256 characters without control characters (URIs such as `https://x/roles` are fine). */
export const CLAIM_NAME_PATTERN = '^[^\\u0000-\\u001f\\u007f]{1,256}$';

const Url = (description: string) =>
  Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2048, description });

const B64u = (description: string) =>
  Type.String({ pattern: '^[A-Za-z0-9_-]+$', maxLength: 4096, description });

/** A public JSON Web Key (RFC 7517). Private members (`d`, `p`, `q`, …) are refused by the schema. */
export const PublicJwkSchema = Type.Object(
  {
    kty: Type.Union([Type.Literal('RSA'), Type.Literal('EC'), Type.Literal('OKP')], {
      description: 'Key type. Symmetric (`oct`) keys go in `secret`, never here.',
    }),
    kid: Type.Optional(
      Type.String({ minLength: 1, maxLength: 256, description: 'Key id tokens select it by.' }),
    ),
    alg: Type.Optional(
      Type.Union(
        JWS_ALGORITHMS.filter((a) => !a.startsWith('HS')).map((a) => Type.Literal(a)),
        { description: 'When present, the only algorithm this key verifies.' },
      ),
    ),
    use: Type.Optional(Type.Literal('sig', { description: 'Must be `sig` when present.' })),
    key_ops: Type.Optional(
      Type.Array(Type.String({ maxLength: 32 }), {
        maxItems: 8,
        description: 'When present, must include `verify`.',
      }),
    ),
    n: Type.Optional(B64u('RSA modulus.')),
    e: Type.Optional(B64u('RSA public exponent.')),
    crv: Type.Optional(
      Type.Union(
        [Type.Literal('P-256'), Type.Literal('P-384'), Type.Literal('P-521'), Type.Literal('Ed25519')],
        {
          description: 'Curve of an EC or OKP key.',
        },
      ),
    ),
    x: Type.Optional(B64u('Public point x (EC) or public key (OKP).')),
    y: Type.Optional(B64u('Public point y (EC).')),
    ext: Type.Optional(Type.Boolean({ description: 'Ignored.' })),
    x5c: Type.Optional(
      Type.Array(Type.String({ maxLength: 16_384 }), {
        maxItems: 10,
        description: 'Ignored: certificates are never used to choose or build a key.',
      }),
    ),
    x5t: Type.Optional(Type.String({ maxLength: 128, description: 'Ignored.' })),
    'x5t#S256': Type.Optional(Type.String({ maxLength: 128, description: 'Ignored.' })),
  },
  { additionalProperties: false, description: 'A public JWK.' },
);

/** One trusted token issuer. */
export const IssuerSchema = Type.Object(
  {
    issuer: Type.String({
      minLength: 1,
      maxLength: 1024,
      description:
        "Exact `iss` value. The `iss` claim selects this entry before verification; the token must then verify against this issuer's keys.",
    }),
    audiences: Type.Array(Type.String({ minLength: 1, maxLength: 1024 }), {
      minItems: 1,
      maxItems: 64,
      description: "Accepted `aud` values; the token's `aud` must contain at least one. Required.",
    }),
    algorithms: Type.Array(Type.Union(JWS_ALGORITHMS.map((a) => Type.Literal(a))), {
      minItems: 1,
      maxItems: JWS_ALGORITHMS.length,
      uniqueItems: true,
      description:
        'Explicit allowlist of signature algorithms. `none` is never accepted; HS* need `secret` and are only ever verified with it.',
    }),
    jwks_uri: Type.Optional(Url('JWKS URL (fetched on first use, refreshed every `jwks_refresh_s`).')),
    discovery: Type.Optional(
      Url(
        'OIDC discovery document URL (`…/.well-known/openid-configuration`); its `issuer` must equal `issuer`, and its `jwks_uri` is used.',
      ),
    ),
    jwks_file: Type.Optional(
      Type.String({
        pattern: '^/',
        maxLength: 4096,
        description: 'Absolute path of a local JWKS file (read at load, re-read every `jwks_refresh_s`).',
      }),
    ),
    keys: Type.Array(
      Type.Union([
        Type.String({
          minLength: 1,
          maxLength: 65_536,
          description:
            'PEM public key (SPKI) or X.509 certificate, or `file:/absolute/path` of one. Matches tokens with any `kid`.',
        }),
        PublicJwkSchema,
      ]),
      {
        default: [],
        maxItems: 100,
        description: 'Static public keys (PEM strings, `file:` references or JWKs).',
      },
    ),
    secret: Type.Optional(
      Type.String({
        minLength: 32,
        maxLength: 4096,
        'x-secret': true,
        description:
          'Shared secret (UTF-8) for HS256/384/512, at least as many bytes as the hash output (32/48/64). Use a `file:` reference.',
      }),
    ),
    allow_http: Type.Boolean({
      default: false,
      description:
        'Accept `http://` for `jwks_uri`/`discovery` (and the discovered `jwks_uri`). Otherwise HTTPS only.',
    }),
    required_claims: Type.Array(Type.String({ pattern: CLAIM_NAME_PATTERN }), {
      default: ['exp'],
      maxItems: 32,
      description: 'Claims that must be present (`iss` and `aud` always are).',
    }),
    leeway_s: Type.Integer({
      minimum: 0,
      maximum: 300,
      default: 30,
      description: 'Clock skew allowed on `exp`, `nbf`, `iat` and `max_token_age_s`, in seconds.',
    }),
    max_token_age_s: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 31_536_000,
        description: 'Refuse tokens whose `iat` is older than this (requires `iat`).',
      }),
    ),
    max_lifetime_s: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 31_536_000,
        description: 'Refuse tokens whose `exp - iat` is longer than this (requires `exp` and `iat`).',
      }),
    ),
    typ: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9!#$&^_.+-]+(/[A-Za-z0-9!#$&^_.+-]+)?$',
        maxLength: 128,
        description:
          'Required `typ` header, e.g. `at+jwt` (RFC 9068); compared case-insensitively, an `application/` prefix is ignored.',
      }),
    ),
    crit: Type.Array(Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$', not: { const: 'b64' } }), {
      default: [],
      maxItems: 16,
      uniqueItems: true,
      description:
        'Critical header parameters (`crit`) this deployment understands. A token naming any other is refused. `b64` is never accepted.',
    }),
    consumer_claim: Type.String({
      pattern: CLAIM_NAME_PATTERN,
      default: 'sub',
      description: 'Claim whose value names the consumer (`sub`, `client_id`, …). Required in every token.',
    }),
    forward_claims: Type.Record(
      Type.String({ pattern: CLAIM_NAME_PATTERN }),
      Type.String({ pattern: HEADER_NAME_PATTERN }),
      {
        default: {},
        maxProperties: 32,
        description:
          'Claims sent upstream as headers: `{ claim: header-name }`. Client-sent headers of these names are always removed.',
      },
    ),
  },
  { additionalProperties: false, description: 'A trusted issuer and how its tokens are checked.' },
);

/** Config of the `jwt-auth` policy. */
export const JwtAuthSchema = Type.Object(
  {
    issuers: Type.Array(IssuerSchema, {
      default: [],
      minItems: 1,
      maxItems: 32,
      description: "Trusted issuers (at least one), selected by the token's `iss` claim.",
    }),
    header: Type.String({
      pattern: HEADER_NAME_PATTERN,
      default: 'authorization',
      description:
        'Header carrying the token. `authorization` requires the `Bearer` or `DPoP` scheme; other headers take the bare token (or `Bearer <token>`).',
    }),
    max_token_bytes: Type.Integer({
      minimum: 256,
      maximum: 65_536,
      default: 8192,
      description: 'Longer tokens are refused before any parsing.',
    }),
    jwks_refresh_s: Type.Integer({
      minimum: 1,
      maximum: 86_400,
      default: 300,
      description:
        'How often remote JWKS (and `jwks_file`) are refreshed. Verified tokens are forgotten when keys change.',
    }),
    jwks_cooldown_ms: Type.Integer({
      minimum: 100,
      maximum: 600_000,
      default: 2000,
      description:
        'An unknown `kid` triggers a JWKS refetch at most this often (a flood of random kids cannot hammer the issuer; a rotated key is picked up within this time).',
    }),
    jwks_timeout_ms: Type.Integer({
      minimum: 100,
      maximum: 60_000,
      default: 5000,
      description: 'Timeout of one discovery or JWKS request.',
    }),
    hide_credentials: Type.Boolean({
      default: true,
      description: 'Remove the token header before forwarding, so the upstream never sees the token.',
    }),
    optional: Type.Boolean({
      default: false,
      description:
        'Record a failed or missing token (for later policies, logs and metrics) but let the request continue unauthenticated.',
    }),
    cache: Type.Object(
      {
        max_entries: Type.Integer({
          minimum: 0,
          maximum: 1_000_000,
          default: 10_000,
          description:
            'Verified tokens remembered (LRU) so a repeated token skips the signature check; time claims are re-checked on every request. 0 disables.',
        }),
        max_bytes: Type.Integer({
          minimum: 65_536,
          maximum: 1_073_741_824,
          default: 33_554_432,
          description: 'Approximate memory bound of the cache.',
        }),
      },
      { additionalProperties: false, default: {}, description: 'Verified-token cache.' },
    ),
  },
  {
    additionalProperties: false,
    description:
      'Verifies JWT bearer tokens (JWKS, OIDC discovery or static keys) and maps their claims to a consumer.',
  },
);

/** Validated `jwt-auth` config (defaults applied). */
export type JwtAuthConfig = Static<typeof JwtAuthSchema>;
/** One validated issuer entry. */
export type IssuerConfig = Static<typeof IssuerSchema>;
/** A public JWK as accepted in `keys`. */
export type PublicJwk = Static<typeof PublicJwkSchema>;
