import { recordSuccess } from '../../identity/consumer.ts';
import { authFailure } from '../../identity/errors.ts';
import { type AuthSuccess, CONSUMER_HEADERS, type Consumer } from '../../identity/types.ts';
import { definePolicy, type PolicyDeps, type RequestContext } from '../../pipeline/types.ts';
import { ANONYMOUS_METHOD, isCredentialFailure } from './results.ts';
import { type AuthRequirementConfig, AuthRequirementSchema } from './schema.ts';

const NAME = 'auth-requirement';

/** Names that can never appear in `any_of` / `all_of`, with the reason shown in the config error. */
const NOT_METHODS: Readonly<Record<string, string>> = {
  'ip-restriction':
    'ip-restriction is not an authentication method: attach the ip-restriction policy to the route as well; it refuses on its own, which makes it a second factor',
  [ANONYMOUS_METHOD]: 'use the "anonymous" option to name an anonymous consumer',
  [NAME]: 'auth-requirement cannot require itself',
};

/**
 * `auth-requirement` (order 690, right after the authentication band): decides whether the
 * authentication methods attached to the route with `optional: true` are enough.
 *
 * - `any_of`: at least one listed method succeeded; `all_of`: every listed method succeeded.
 * - `anonymous`: when no credential was presented at all (no success, and no failure other than
 *   `missing`), the request continues as this consumer: it is recorded as a success of method
 *   `anonymous` and `X-Anonymous-Consumer: true` is sent upstream. A presented but invalid
 *   credential is never downgraded to anonymous: it gets the 401.
 * - Otherwise: a generic 401 (`authFailure`, reason `no_valid_credentials`) with an RFC 6750
 *   challenge (no `error` when nothing was presented, `invalid_token` otherwise).
 *
 * When the rule is satisfied, any `X-Anonymous-Consumer` header (a client could send one) is removed
 * before forwarding.
 * The IP restriction is combined by attaching `ip-restriction` to the same route: it refuses on
 * its own (order 850, before authentication), so it acts as an additional factor.
 *
 * @example
 * key-auth: { optional: true }
 * jwt-auth: { optional: true, issuers: [...] }
 * auth-requirement:
 *   any_of: [key-auth, jwt-auth]
 *   anonymous: guest
 */
export const policy = definePolicy({
  name: NAME,
  order: 690,
  phases: ['request'],
  status: 'beta',
  posture: 'hardened',
  description:
    'Requires any-of / all-of several authentication methods, with an optional anonymous consumer for requests without credentials.',
  supportsMode: true,
  schema: AuthRequirementSchema,
  create(config: AuthRequirementConfig, deps: PolicyDeps) {
    const anyOf = config.any_of;
    const allOf = config.all_of;
    if ((anyOf.length === 0) === (allOf.length === 0)) {
      throw new TypeError('auth-requirement: configure exactly one of "any_of" or "all_of"');
    }
    for (const m of [...anyOf, ...allOf]) {
      const why = NOT_METHODS[m];
      if (why !== undefined) throw new TypeError(`auth-requirement: ${m}: ${why}`);
    }
    const listed = new Set(anyOf.length > 0 ? anyOf : allOf);
    const needAll = allOf.length > 0;
    const anonymousId = config.anonymous;
    if (
      anonymousId !== undefined &&
      deps.consumers !== undefined &&
      deps.consumers.get(anonymousId) === undefined
    ) {
      deps.logger.warn(
        { 'gatehouse.consumer.id': anonymousId },
        'auth-requirement: the anonymous consumer is not a known consumer; it gets no groups or metadata',
      );
    }
    const fallback: Consumer | undefined =
      anonymousId === undefined
        ? undefined
        : Object.freeze({ id: anonymousId, groups: Object.freeze([]), metadata: Object.freeze({}) });

    const satisfied = (successes: readonly AuthSuccess[]): boolean => {
      if (!needAll) {
        for (const s of successes) if (listed.has(s.method)) return true;
        return false;
      }
      let found = 0;
      const seen = new Set<string>();
      for (const s of successes) {
        if (listed.has(s.method) && !seen.has(s.method)) {
          seen.add(s.method);
          found++;
        }
      }
      return found === listed.size;
    };

    return Object.freeze({
      onRequest(ctx: RequestContext): undefined {
        const successes = ctx.auth.successes;
        if (satisfied(successes)) {
          // Authenticated for real: no anonymous marker may reach the upstream (a client could send one).
          delete ctx.upstreamHeaders[CONSUMER_HEADERS.anonymous];
          return undefined;
        }
        const presented = ctx.auth.failures.some(isCredentialFailure);
        if (fallback !== undefined && successes.length === 0 && !presented) {
          const consumer = deps.consumers?.get(fallback.id) ?? fallback;
          recordSuccess(ctx, {
            method: ANONYMOUS_METHOD,
            consumer,
            credentialId: undefined,
            claims: undefined,
            scopes: [],
            acr: undefined,
            amr: [],
            authTime: undefined,
          });
          ctx.upstreamHeaders[CONSUMER_HEADERS.anonymous] = 'true';
          return undefined;
        }
        throw authFailure(ctx, deps, NAME, 'no_valid_credentials', {
          missing: !presented && successes.length === 0,
        });
      },
    });
  },
});
