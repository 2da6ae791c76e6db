import type { AuthFailure, AuthSuccess } from '../../identity/types.ts';
import type { RequestContext } from '../../pipeline/types.ts';

/** Method recorded in `ctx.auth.successes` for the anonymous consumer. */
export const ANONYMOUS_METHOD = 'anonymous';

/**
 * Successful authentications other than the anonymous fallback. Authorization policies treat a
 * request with none as unauthenticated (401), even when an anonymous consumer was assigned.
 *
 * @example
 * if (authenticatedSuccesses(ctx).length === 0) throw authFailure(ctx, deps, 'scopes', 'unauthenticated', { missing: true });
 */
export function authenticatedSuccesses(ctx: RequestContext): AuthSuccess[] {
  const out: AuthSuccess[] = [];
  for (const s of ctx.auth.successes) if (s.method !== ANONYMOUS_METHOD) out.push(s);
  return out;
}

/** True when the request's consumer is the anonymous fallback (no method identified anyone). */
export function isAnonymous(ctx: RequestContext): boolean {
  let anonymous = false;
  for (const s of ctx.auth.successes) {
    if (s.method !== ANONYMOUS_METHOD) return false;
    anonymous = true;
  }
  return anonymous;
}

/**
 * Policies that refuse with a 401 for authorization reasons (no consumer, anonymous, step-up)
 * rather than because a credential was wrong. Their failures are not guesses.
 */
export const AUTHORIZATION_POLICIES: ReadonlySet<string> = new Set([
  'auth-requirement',
  'acl',
  'scopes',
  'step-up',
  'cel',
]);

/** Failure reasons that say nothing about a credential's validity. */
const NOT_A_GUESS: ReadonlySet<string> = new Set(['missing', 'store_unavailable']);

/**
 * True when a recorded failure is evidence of a wrong credential (what brute-force counts): it
 * comes from an authentication method and is neither a missing credential nor a store outage.
 */
export function isCredentialFailure(f: AuthFailure): boolean {
  return !NOT_A_GUESS.has(f.reason) && !AUTHORIZATION_POLICIES.has(f.method);
}
