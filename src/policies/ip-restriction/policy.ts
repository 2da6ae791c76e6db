import { GatewayError } from '../../errors/gateway-error.ts';
import { type CidrSet, compileCidrSet, isIp } from '../../lib/ip.ts';
import { definePolicy, type RequestContext } from '../../pipeline/types.ts';
import { type IpRestrictionConfig, IpRestrictionSchema } from './schema.ts';

function compileList(list: readonly string[], field: string): CidrSet | undefined {
  if (list.length === 0) return undefined;
  try {
    return compileCidrSet(list);
  } catch (err) {
    throw new TypeError(`ip-restriction: ${field}: ${(err as Error).message}`);
  }
}

/**
 * `ip-restriction`: refuses requests whose client address (`ctx.clientIp`, already resolved through
 * trusted proxies) is in `deny`, or not in a non-empty `allow`. Deny wins. Addresses that cannot be
 * parsed are refused (fail closed). IPv4-mapped IPv6 matches IPv4 entries and vice versa.
 * Denials throw `GW_IP_DENIED` (reason `ip_denied`); with `status: 404` they throw `GW_NOT_FOUND`
 * so the answer is indistinguishable from an unknown route (the reason stays `ip_denied`).
 *
 * @example
 * ip-restriction:
 *   allow: [10.0.0.0/8, 2001:db8::/32]
 *   deny: [10.66.0.0/16]
 */
export const policy = definePolicy({
  name: 'ip-restriction',
  order: 850,
  phases: ['request'],
  status: 'stable',
  posture: 'hardened',
  description: 'Allows or denies requests by client IP address or CIDR block (IPv4 and IPv6).',
  supportsMode: true,
  schema: IpRestrictionSchema,
  create(config: IpRestrictionConfig) {
    if (config.allow.length === 0 && config.deny.length === 0) {
      throw new TypeError('ip-restriction: configure at least one "allow" or "deny" entry');
    }
    const allow = compileList(config.allow, 'allow');
    const deny = compileList(config.deny, 'deny');
    const status = config.status;
    const refuse = (): never => {
      if (status === 404) throw new GatewayError('GW_NOT_FOUND', { reason: 'ip_denied' });
      throw new GatewayError('GW_IP_DENIED', { status, reason: 'ip_denied' });
    };
    return Object.freeze({
      onRequest(ctx: RequestContext): undefined {
        const ip = ctx.clientIp;
        if (deny?.contains(ip)) refuse();
        if (allow === undefined) {
          if (!isIp(ip)) refuse();
        } else if (!allow.contains(ip)) {
          refuse();
        }
        return undefined;
      },
    });
  },
});
