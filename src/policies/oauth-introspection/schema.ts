import { type Static, Type } from '@sinclair/typebox';
import { CLAIM_NAME_PATTERN, HEADER_NAME_PATTERN } from '../jwt-auth/schema.ts';

/** Config of the `oauth-introspection` policy. */
export const OAuthIntrospectionSchema = Type.Object(
  {
    endpoint: Type.String({
      format: 'uri',
      pattern: '^https?://[^#]*$',
      maxLength: 2048,
      default: '',
      description:
        "The authorization server's RFC 7662 introspection endpoint. HTTPS only unless `allow_http`. Required.",
    }),
    allow_http: Type.Boolean({
      default: false,
      description: 'Accept an `http://` endpoint (tokens and client secret then cross the network in clear).',
    }),
    client_id: Type.String({
      minLength: 1,
      maxLength: 256,
      default: '',
      description: 'Client id the gateway authenticates to the introspection endpoint with. Required.',
    }),
    client_secret: Type.String({
      minLength: 1,
      maxLength: 4096,
      default: '',
      'x-secret': true,
      description: 'Client secret for the introspection endpoint (use a `file:` reference). Required.',
    }),
    client_auth: Type.Union([Type.Literal('client_secret_basic'), Type.Literal('client_secret_post')], {
      default: 'client_secret_basic',
      description:
        'How the gateway authenticates to the endpoint (RFC 6749 §2.3.1): HTTP Basic (default) or form fields.',
    }),
    timeout_ms: Type.Integer({
      minimum: 100,
      maximum: 30_000,
      default: 2000,
      description: 'Timeout of one introspection call (connect, headers and body). A timeout fails closed.',
    }),
    max_response_bytes: Type.Integer({
      minimum: 256,
      maximum: 1_048_576,
      default: 65_536,
      description: 'Larger introspection responses are refused (fail closed).',
    }),
    max_in_flight: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      default: 64,
      description:
        'Most introspection calls outstanding at once (per worker); beyond it, uncached tokens fail closed instead of piling onto the authorization server.',
    }),
    issuer: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1024,
        description: 'When set, the response must carry exactly this `iss`.',
      }),
    ),
    audiences: Type.Array(Type.String({ minLength: 1, maxLength: 1024 }), {
      default: [],
      maxItems: 64,
      description: "When not empty, the response's `aud` must contain one of these.",
    }),
    consumer_claim: Type.String({
      pattern: CLAIM_NAME_PATTERN,
      default: 'sub',
      description:
        'Response member whose value names the consumer (`sub`, `client_id`, or another). Required in every active response.',
    }),
    leeway_s: Type.Integer({
      minimum: 0,
      maximum: 300,
      default: 5,
      description: 'Clock skew allowed on the `exp` and `nbf` of an active response, in seconds.',
    }),
    header: Type.String({
      pattern: HEADER_NAME_PATTERN,
      default: 'authorization',
      description:
        'Header carrying the token. `authorization` requires the `Bearer` or `DPoP` scheme; other headers take the bare token.',
    }),
    max_token_bytes: Type.Integer({
      minimum: 16,
      maximum: 16_384,
      default: 4096,
      description: 'Longer tokens are refused without calling the endpoint.',
    }),
    hide_credentials: Type.Boolean({
      default: true,
      description: 'Remove the token header before forwarding.',
    }),
    optional: Type.Boolean({
      default: false,
      description:
        'Record a missing or refused token (for later policies such as auth-requirement) but let the request continue unauthenticated. Endpoint failures still fail closed.',
    }),
    cache_ttl_s: Type.Integer({
      minimum: 0,
      maximum: 3600,
      default: 60,
      description:
        "Longest time an active result is reused (never past the token's `exp`). A revoked token keeps working at most this long. 0 disables.",
    }),
    negative_ttl_s: Type.Integer({
      minimum: 0,
      maximum: 300,
      default: 5,
      description: 'How long an inactive (or refused) result is reused. 0 disables.',
    }),
    cache_max_entries: Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      default: 10_000,
      description: 'Results remembered (LRU, keyed by SHA-256 of the token). 0 disables caching.',
    }),
    cache_max_bytes: Type.Integer({
      minimum: 65_536,
      maximum: 1_073_741_824,
      default: 33_554_432,
      description: 'Approximate memory bound of the result cache.',
    }),
  },
  {
    additionalProperties: false,
    description:
      'Validates opaque access tokens at an OAuth 2.0 token introspection endpoint (RFC 7662) and maps them to a consumer.',
  },
);

/** Validated `oauth-introspection` config (defaults applied). */
export type OAuthIntrospectionConfig = Static<typeof OAuthIntrospectionSchema>;
