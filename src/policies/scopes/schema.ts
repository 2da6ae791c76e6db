import { type Static, Type } from '@sinclair/typebox';

/** RFC 6749 §3.3 scope-token: printable ASCII except space, `"` and `\`. */
const Scope = Type.String({
  pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$',
  maxLength: 256,
  description: 'A scope (RFC 6749 scope-token), e.g. `orders:write`.',
});

/** Config of the `scopes` policy. */
export const ScopesSchema = Type.Object(
  {
    required: Type.Array(Scope, {
      default: [],
      maxItems: 64,
      uniqueItems: true,
      description:
        'Scopes the request needs, taken from every successful authentication (token or key scopes).',
    }),
    match: Type.Union([Type.Literal('all'), Type.Literal('any')], {
      default: 'all',
      description: '`all`: every required scope must be granted; `any`: at least one.',
    }),
  },
  {
    additionalProperties: false,
    description: 'Requires OAuth scopes granted to the credential (RFC 6750 insufficient_scope on failure).',
  },
);

/** Validated `scopes` config (defaults applied). */
export type ScopesConfig = Static<typeof ScopesSchema>;
