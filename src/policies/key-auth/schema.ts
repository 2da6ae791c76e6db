import { type Static, Type } from '@sinclair/typebox';

/**
 * Query parameter names key-auth may read a key from. Limited to names the access log always redacts
 * (`DEFAULT_REDACT_QUERY_PARAMS` in telemetry/access-log.ts), whatever `logging.redact_query_params`
 * says, so a key in a URL can never reach a log line.
 */
export const KEY_QUERY_PARAMS = ['api_key', 'apikey', 'key'] as const;

/** Config of the `key-auth` policy. */
export const KeyAuthSchema = Type.Object(
  {
    header: Type.String({
      default: 'x-api-key',
      pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,63}$',
      description:
        'Request header carrying the key (matched case-insensitively, like every HTTP header name). Sent twice or with several comma-separated values, the request is refused.',
    }),
    bearer: Type.Boolean({
      default: true,
      description:
        'Also accept "Authorization: Bearer <key>" when the token has the shape of a Gatehouse API key (other bearer tokens, e.g. JWTs, are left to other policies).',
    }),
    query_param: Type.Optional(
      Type.Union(
        KEY_QUERY_PARAMS.map((n) => Type.Literal(n)),
        {
          description:
            'Also accept the key in this query parameter (off unless set). Keys in URLs leak into browser history and proxy logs: only for clients that cannot send headers. The parameter is always removed before forwarding, and its value is always redacted in logs.',
        },
      ),
    ),
    hide_credentials: Type.Boolean({
      default: true,
      description:
        'Remove the key header (and an Authorization header carrying the key) from the upstream request.',
    }),
    optional: Type.Boolean({
      default: false,
      description:
        'When true a missing or invalid key is recorded (ctx.auth, security events) but does not deny, so another authentication method may succeed (any-of).',
    }),
    anonymous: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$',
        description:
          'Consumer id used when no key is presented at all (requires optional: true, and the consumer must exist). Applied only if no earlier method identified a consumer; upstream sees X-Anonymous-Consumer: true.',
      }),
    ),
  },
  { additionalProperties: false, description: 'Authenticates API keys (hashed, checksummed, revocable).' },
);

/** Validated `key-auth` config (defaults applied). */
export type KeyAuthConfig = Static<typeof KeyAuthSchema>;
