import { GatewayError } from '../errors/gateway-error.ts';
import type { PolicyDeps, RequestContext } from '../pipeline/types.ts';
import { recordFailure } from './consumer.ts';

/**
 * The one way an authentication policy refuses a request: the reason goes to ctx.auth, the
 * security event stream, logs and metrics; the client sees only a generic RFC 6750 401.
 *
 * @example
 * throw authFailure(ctx, deps, 'jwt-auth', 'expired', { credentialId: claims.sub });
 */
export function authFailure(
  ctx: RequestContext,
  deps: PolicyDeps,
  method: string,
  reason: string,
  opts: { credentialId?: string; missing?: boolean; scheme?: string; extraChallenge?: string } = {},
): GatewayError {
  recordFailure(ctx, { method, reason, credentialId: opts.credentialId });
  deps.event('authentication_failure', {
    'event.reason': reason,
    'gatehouse.auth.method': method,
    'client.ip': ctx.clientIp,
    'http.request.id': ctx.id,
    'gatehouse.route': ctx.route.name,
    ...(opts.credentialId === undefined ? {} : { 'gatehouse.auth.credential_id': opts.credentialId }),
  });
  const scheme = opts.scheme ?? 'Bearer';
  const challenge = opts.missing
    ? `${scheme} realm="gatehouse"`
    : `${scheme} realm="gatehouse", error="invalid_token"${opts.extraChallenge ? `, ${opts.extraChallenge}` : ''}`;
  return new GatewayError('GW_UNAUTHORIZED', {
    reason: `${method}:${reason}`,
    headers: { 'www-authenticate': challenge },
  });
}

/** A generic 403 for authorization denials (reason logged, never shown). */
export function authzDenied(
  ctx: RequestContext,
  deps: PolicyDeps,
  policy: string,
  reason: string,
  headers?: Record<string, string>,
): GatewayError {
  deps.event('authorization_denied', {
    'event.reason': reason,
    'gatehouse.policy': policy,
    'client.ip': ctx.clientIp,
    'http.request.id': ctx.id,
    'gatehouse.route': ctx.route.name,
    ...(ctx.consumer ? { 'gatehouse.consumer.id': ctx.consumer.id } : {}),
  });
  return new GatewayError('GW_FORBIDDEN', { reason: `${policy}:${reason}`, headers });
}
