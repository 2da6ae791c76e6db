import { authFailure, authzDenied } from '../../identity/errors.ts';
import { definePolicy, type PolicyDeps, type RequestContext } from '../../pipeline/types.ts';
import { authenticatedSuccesses } from '../auth-requirement/results.ts';
import { type ScopesConfig, ScopesSchema } from './schema.ts';

const NAME = 'scopes';

/**
 * `scopes`: requires scopes granted to the request's credentials (the union of `scopes` of every
 * successful authentication). `match: all` (default) needs every scope in `required`, `match: any`
 * at least one.
 *
 * - Nothing authenticated (or only the anonymous consumer): 401 (`unauthenticated`).
 * - Insufficient scopes: 403 with RFC 6750 §3.1
 *   `WWW-Authenticate: Bearer realm="gatehouse", error="insufficient_scope", scope="a b"`
 *   (reason `insufficient_scope`).
 *
 * @example
 * scopes:
 *   required: [orders:read, orders:write]
 *   match: all
 */
export const policy = definePolicy({
  name: NAME,
  order: 640,
  phases: ['request'],
  status: 'beta',
  posture: 'hardened',
  description: 'Requires OAuth scopes (all or any) granted to the authenticated credentials.',
  supportsMode: true,
  schema: ScopesSchema,
  create(config: ScopesConfig, deps: PolicyDeps) {
    const required = config.required;
    if (required.length === 0) throw new TypeError('scopes: "required" needs at least one scope');
    const needAll = config.match === 'all';
    const challenge = Object.freeze({
      'www-authenticate': `Bearer realm="gatehouse", error="insufficient_scope", scope="${required.join(' ')}"`,
    });

    const granted = (have: ReadonlySet<string>): boolean => {
      if (needAll) {
        for (const s of required) if (!have.has(s)) return false;
        return true;
      }
      for (const s of required) if (have.has(s)) return true;
      return false;
    };

    return Object.freeze({
      onRequest(ctx: RequestContext): undefined {
        const successes = authenticatedSuccesses(ctx);
        if (successes.length === 0) throw authFailure(ctx, deps, NAME, 'unauthenticated', { missing: true });
        const have = new Set<string>();
        for (const s of successes) for (const scope of s.scopes) have.add(scope);
        if (granted(have)) return undefined;
        throw authzDenied(ctx, deps, NAME, 'insufficient_scope', { ...challenge });
      },
    });
  },
});
