import type { RequestContext } from '../pipeline/types.ts';
import { type AuthFailure, type AuthSuccess, CONSUMER_HEADERS } from './types.ts';

/**
 * Records a successful authentication. The first method that identifies a consumer sets
 * `ctx.consumer` and the gateway-set consumer headers towards the upstream.
 *
 * @example
 * recordSuccess(ctx, { method: 'key-auth', consumer, credentialId: 'key_01', claims: undefined, scopes: [], acr: undefined, amr: [], authTime: undefined });
 */
export function recordSuccess(ctx: RequestContext, success: AuthSuccess): void {
  ctx.auth.successes.push(success);
  const c = success.consumer;
  const h = ctx.upstreamHeaders;
  // A real credential replaces the anonymous consumer an optional method set before it (Kong semantics:
  // anonymous applies only when every method failed).
  const anonymous = h[CONSUMER_HEADERS.anonymous] === 'true';
  if (c && (ctx.consumer === undefined || anonymous)) {
    if (anonymous) {
      delete h[CONSUMER_HEADERS.anonymous];
      delete h[CONSUMER_HEADERS.groups];
    }
    ctx.consumer = { id: c.id, groups: c.groups };
    h[CONSUMER_HEADERS.id] = c.id;
    if (c.groups.length) h[CONSUMER_HEADERS.groups] = c.groups.join(',');
    if (success.credentialId !== undefined) h[CONSUMER_HEADERS.credential] = success.credentialId;
    h[CONSUMER_HEADERS.method] = success.method;
  }
}

/** Records a failed authentication (reason codes feed events, metrics and brute-force counters). */
export function recordFailure(ctx: RequestContext, failure: AuthFailure): void {
  ctx.auth.failures.push(failure);
}
