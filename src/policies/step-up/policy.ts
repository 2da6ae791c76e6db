import { GatewayError } from '../../errors/gateway-error.ts';
import { authFailure } from '../../identity/errors.ts';
import type { AuthSuccess } from '../../identity/types.ts';
import { definePolicy, type PolicyDeps, type RequestContext } from '../../pipeline/types.ts';
import { authenticatedSuccesses } from '../auth-requirement/results.ts';
import { type StepUpConfig, StepUpSchema } from './schema.ts';

const NAME = 'step-up';

const LEVEL = 'A different authentication level is required';
const RECENT = 'More recent authentication is required';
const CERT = 'A client certificate is required';

/**
 * `step-up`: the route needs a stronger authentication context than "some valid token".
 *
 * A successful authentication qualifies when its `acr` is one of `acr_values`, its `amr` contains
 * every value of `amr`, and (with `max_age_s`) its `auth_time` is at most that old; with
 * `require_mtls` the connection must also carry a verified client certificate. When nothing
 * qualifies the answer is a 401 per RFC 9470 §3:
 *
 * `WWW-Authenticate: Bearer realm="gatehouse", error="insufficient_user_authentication",
 *  error_description="A different authentication level is required", acr_values="urn:mace:incommon:iap:silver", max_age="300"`
 *
 * (`acr_values` and `max_age` are sent whenever they are configured, so the client can ask the
 * authorization server for a token that satisfies both at once; the description says
 * "More recent authentication is required" when only the age failed.) Unauthenticated requests
 * (or the anonymous consumer) get a plain 401. Reasons: `acr_not_satisfied`, `amr_not_satisfied`,
 * `auth_too_old`, `mtls_required`, `unauthenticated`.
 *
 * @example
 * step-up:
 *   acr_values: [urn:example:loa:3]
 *   amr: [mfa]
 *   max_age_s: 300
 *   require_mtls: true
 */
export const policy = definePolicy({
  name: NAME,
  order: 620,
  phases: ['request'],
  status: 'beta',
  posture: 'hardened',
  description:
    'Requires a stronger authentication context (acr, amr, auth_time, mTLS); answers per RFC 9470.',
  supportsMode: true,
  schema: StepUpSchema,
  create(config: StepUpConfig, deps: PolicyDeps) {
    const acrs = config.acr_values;
    const amrs = config.amr;
    const maxAge = config.max_age_s;
    if (acrs.length === 0 && amrs.length === 0 && maxAge === undefined && !config.require_mtls) {
      throw new TypeError('step-up: configure "acr_values", "amr", "max_age_s" or "require_mtls"');
    }
    const acceptable = new Set(acrs);
    let params = '';
    if (acrs.length > 0) params += `, acr_values="${acrs.join(' ')}"`;
    if (maxAge !== undefined) params += `, max_age="${maxAge}"`;

    const challenge = (description: string): string =>
      `Bearer realm="gatehouse", error="insufficient_user_authentication", error_description="${description}"${params}`;

    const refuse = (ctx: RequestContext, reason: string, description: string): GatewayError => {
      deps.event('authorization_denied', {
        'event.reason': reason,
        'gatehouse.policy': NAME,
        'client.ip': ctx.clientIp,
        'http.request.id': ctx.id,
        'gatehouse.route': ctx.route.name,
        ...(ctx.consumer ? { 'gatehouse.consumer.id': ctx.consumer.id } : {}),
      });
      return new GatewayError('GW_UNAUTHORIZED', {
        reason: `${NAME}:${reason}`,
        headers: { 'www-authenticate': challenge(description) },
      });
    };

    const acrOk = (s: AuthSuccess): boolean =>
      acceptable.size === 0 || (s.acr !== undefined && acceptable.has(s.acr));
    const amrOk = (s: AuthSuccess): boolean => {
      for (const a of amrs) if (!s.amr.includes(a)) return false;
      return true;
    };

    return Object.freeze({
      onRequest(ctx: RequestContext): undefined {
        const successes = authenticatedSuccesses(ctx);
        if (successes.length === 0) throw authFailure(ctx, deps, NAME, 'unauthenticated', { missing: true });
        let anyAcr = false;
        let level = false;
        let fresh = false;
        const nowS = Date.now() / 1000;
        for (const s of successes) {
          if (!acrOk(s)) continue;
          anyAcr = true;
          if (!amrOk(s)) continue;
          level = true;
          if (maxAge === undefined || (s.authTime !== undefined && nowS - s.authTime <= maxAge)) {
            fresh = true;
            break;
          }
        }
        if (!level) throw refuse(ctx, anyAcr ? 'amr_not_satisfied' : 'acr_not_satisfied', LEVEL);
        if (!fresh) throw refuse(ctx, 'auth_too_old', RECENT);
        if (config.require_mtls && ctx.auth.clientCertificate === undefined)
          throw refuse(ctx, 'mtls_required', CERT);
        return undefined;
      },
    });
  },
});
