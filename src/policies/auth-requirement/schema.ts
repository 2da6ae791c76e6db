import { type Static, Type } from '@sinclair/typebox';

const Method = Type.String({
  pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$',
  maxLength: 64,
  description:
    'Name of an authentication policy, e.g. `key-auth`, `jwt-auth`, `mtls-auth`, `oauth-introspection`.',
});

/** Config of the `auth-requirement` policy. */
export const AuthRequirementSchema = Type.Object(
  {
    any_of: Type.Array(Method, {
      default: [],
      maxItems: 16,
      uniqueItems: true,
      description: 'The request passes when at least one of these methods succeeded.',
    }),
    all_of: Type.Array(Method, {
      default: [],
      maxItems: 16,
      uniqueItems: true,
      description: 'The request passes only when every one of these methods succeeded.',
    }),
    anonymous: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$',
        description:
          'Consumer id given to requests that presented no credential at all (a presented but invalid credential is still refused).',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Combines authentication methods attached with `optional: true`: any-of or all-of, with an optional anonymous consumer.',
  },
);

/** Validated `auth-requirement` config (defaults applied). */
export type AuthRequirementConfig = Static<typeof AuthRequirementSchema>;
