import { type Static, Type } from '@sinclair/typebox';

const Entry = Type.String({
  minLength: 2,
  maxLength: 64,
  description: 'An IPv4/IPv6 address or CIDR block, e.g. `10.0.0.0/8`, `2001:db8::/32`, `::1`.',
});

/** Config of the `ip-restriction` policy. */
export const IpRestrictionSchema = Type.Object(
  {
    allow: Type.Array(Entry, {
      default: [],
      maxItems: 100_000,
      description: 'When not empty, only client addresses in these blocks are let through.',
    }),
    deny: Type.Array(Entry, {
      default: [],
      maxItems: 100_000,
      description: 'Client addresses in these blocks are refused. Deny wins over allow.',
    }),
    status: Type.Integer({
      minimum: 400,
      maximum: 499,
      default: 403,
      description: 'Status of the refusal. 404 answers exactly like an unknown route, hiding the endpoint.',
    }),
  },
  {
    additionalProperties: false,
    description: 'Allows or denies requests by client address (after trusted-proxy resolution).',
  },
);

/** Validated `ip-restriction` config (defaults applied). */
export type IpRestrictionConfig = Static<typeof IpRestrictionSchema>;
