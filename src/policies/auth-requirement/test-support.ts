/**
 * Test helpers shared by the authorization policies' unit tests (auth-requirement, acl, scopes,
 * cel, step-up, brute-force): authentication results and a report-only run through the real
 * request-step runner. Only test files import this module.
 *
 * @example
 * const ctx = fakeRequestContext();
 * authenticate(ctx, { method: 'jwt-auth', scopes: ['orders:read'] });
 * const { error, decisions } = await runReportOnly(instance, ctx);
 */
import type { GatewayError } from '../../errors/gateway-error.ts';
import { recordSuccess } from '../../identity/consumer.ts';
import type { AuthSuccess, Consumer } from '../../identity/types.ts';
import { runRequestSteps } from '../../pipeline/runner.ts';
import type { PolicyDecision, PolicyInstance, RequestContext } from '../../pipeline/types.ts';

/** Fields of a success a test may set; the rest get neutral defaults. */
export interface SuccessInit {
  method?: string;
  consumer?: Partial<Consumer> & { id: string };
  credentialId?: string;
  claims?: Record<string, unknown>;
  scopes?: string[];
  acr?: string;
  amr?: string[];
  authTime?: number;
}

/** Records a successful authentication on `ctx` the way an authentication policy would. */
export function authenticate(ctx: RequestContext, init: SuccessInit = {}): AuthSuccess {
  const consumer: Consumer | undefined =
    init.consumer === undefined
      ? undefined
      : { id: init.consumer.id, groups: init.consumer.groups ?? [], metadata: init.consumer.metadata ?? {} };
  const success: AuthSuccess = {
    method: init.method ?? 'jwt-auth',
    consumer,
    credentialId: init.credentialId,
    claims: init.claims,
    scopes: init.scopes ?? [],
    acr: init.acr,
    amr: init.amr ?? [],
    authTime: init.authTime,
  };
  recordSuccess(ctx, success);
  return success;
}

/** What a report-only run did. */
export interface ReportOnlyOutcome {
  error: GatewayError | null;
  decisions: PolicyDecision[];
}

/**
 * Runs the instance's `onRequest` as a report-only step through the pipeline's runner: a denial
 * must come back as a `would-deny` decision with the request continuing (`error === null`).
 */
export function runReportOnly(
  instance: PolicyInstance,
  ctx: RequestContext,
  name = 'policy',
): Promise<ReportOnlyOutcome> {
  return new Promise((resolve) => {
    runRequestSteps(
      [{ policy: name, order: 600, reportOnly: true, fn: (c) => instance.onRequest?.(c) }],
      ctx,
      0,
      (error) => resolve({ error, decisions: ctx.decisions }),
    );
  });
}
