import type { MaybePromise, RequestContext } from '../../pipeline/types.ts';

/** Key of the gate in `ctx.state`, set by the `brute-force` policy for every request it sees. */
export const GATE_STATE_KEY = 'brute-force';

/**
 * Lets an authentication policy refuse a blocked credential. A credential's id is known only to
 * the method that parses it, after `brute-force` (order 760) ran; the method must ask the gate
 * right after extracting the id and before verifying the secret, so that a blocked credential gets
 * the same 429 whether the guess is right or wrong (checking after verification would tell an
 * attacker which guess was right).
 */
export interface CredentialGate {
  /** Throws (or rejects with) a 429 `GatewayError` while the credential is blocked. */
  check(ctx: RequestContext, method: string, credentialId: string): MaybePromise<void>;
}

/**
 * The gate of the `brute-force` policy attached to this request, if any.
 *
 * @example
 * // in an authentication policy, once the key id is parsed and before the hash is compared:
 * const pending = credentialGate(ctx)?.check(ctx, 'key-auth', keyId);
 * if (pending) await pending;
 */
export function credentialGate(ctx: RequestContext): CredentialGate | undefined {
  const g = ctx.state[GATE_STATE_KEY] as CredentialGate | undefined;
  return g !== undefined && typeof g === 'object' && typeof g.check === 'function' ? g : undefined;
}
