import { authFailure, authzDenied } from '../../identity/errors.ts';
import { definePolicy, type PolicyDeps, type RequestContext } from '../../pipeline/types.ts';
import { isAnonymous } from '../auth-requirement/results.ts';
import { type AclConfig, AclSchema } from './schema.ts';

const NAME = 'acl';

/**
 * `acl`: consumer-group access control. A consumer in a `deny_groups` group is refused; with a
 * non-empty `allow_groups`, a consumer in none of them is refused. Deny wins.
 *
 * - No consumer identified: 401 (`authFailure`, reason `no_consumer`): authenticate first.
 * - The anonymous consumer (see `auth-requirement`) not allowed: 401 as well (`anonymous_not_allowed`),
 *   since authenticating may grant access.
 * - An identified consumer not allowed: generic 403 (`authzDenied`, reason `group_denied` or
 *   `group_not_allowed`).
 *
 * @example
 * acl:
 *   allow_groups: [admins, support]
 *   deny_groups: [suspended]
 */
export const policy = definePolicy({
  name: NAME,
  order: 650,
  phases: ['request'],
  status: 'beta',
  posture: 'hardened',
  description: 'Allows or denies identified consumers by group (role); deny wins.',
  supportsMode: true,
  schema: AclSchema,
  create(config: AclConfig, deps: PolicyDeps) {
    if (config.allow_groups.length === 0 && config.deny_groups.length === 0) {
      throw new TypeError('acl: configure at least one "allow_groups" or "deny_groups" entry');
    }
    const allow = config.allow_groups.length === 0 ? undefined : new Set(config.allow_groups);
    const deny = new Set(config.deny_groups);

    const verdict = (groups: readonly string[]): string | undefined => {
      let allowed = allow === undefined;
      for (const g of groups) {
        if (deny.has(g)) return 'group_denied';
        if (!allowed && allow!.has(g)) allowed = true;
      }
      return allowed ? undefined : 'group_not_allowed';
    };

    return Object.freeze({
      onRequest(ctx: RequestContext): undefined {
        const consumer = ctx.consumer;
        if (consumer === undefined) throw authFailure(ctx, deps, NAME, 'no_consumer', { missing: true });
        const reason = verdict(consumer.groups);
        if (reason === undefined) return undefined;
        if (isAnonymous(ctx)) throw authFailure(ctx, deps, NAME, 'anonymous_not_allowed', { missing: true });
        throw authzDenied(ctx, deps, NAME, reason);
      },
    });
  },
});
