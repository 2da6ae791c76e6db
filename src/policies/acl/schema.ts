import { type Static, Type } from '@sinclair/typebox';

const Group = Type.String({ minLength: 1, maxLength: 128, description: 'A consumer group (role) name.' });

/** Config of the `acl` policy. */
export const AclSchema = Type.Object(
  {
    allow_groups: Type.Array(Group, {
      default: [],
      maxItems: 1000,
      description: 'When not empty, only consumers in at least one of these groups pass.',
    }),
    deny_groups: Type.Array(Group, {
      default: [],
      maxItems: 1000,
      description: 'Consumers in any of these groups are refused. Deny wins over allow.',
    }),
  },
  {
    additionalProperties: false,
    description: 'Allows or denies identified consumers by group (role).',
  },
);

/** Validated `acl` config (defaults applied). */
export type AclConfig = Static<typeof AclSchema>;
