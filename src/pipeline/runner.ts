import { GatewayError, toGatewayError } from '../errors/gateway-error.ts';
import type { HookResult, LocalReply, MaybePromise, RequestContext, ResponseContext } from './types.ts';

/** One compiled hook of one policy instance, in chain order. */
export interface RequestStep {
  readonly policy: string;
  readonly order: number;
  readonly reportOnly: boolean;
  readonly fn: (ctx: RequestContext) => MaybePromise<HookResult>;
}
export interface ResponseStep {
  readonly policy: string;
  readonly fn: (ctx: ResponseContext) => MaybePromise<void>;
}

export type RequestDone = (err: GatewayError | null, reply: LocalReply | undefined) => void;

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * A thrown error from a report-only step is recorded as `would-deny` and swallowed.
 * Returns the error to surface, or null when it was swallowed.
 */
function onStepError(step: RequestStep, ctx: RequestContext, err: unknown): GatewayError | null {
  const gwErr = toGatewayError(err);
  if (step.reportOnly && err instanceof GatewayError) {
    ctx.decisions.push({
      policy: step.policy,
      action: 'would-deny',
      reason: gwErr.reason,
      status: gwErr.status,
    });
    return null;
  }
  if (err instanceof GatewayError) {
    ctx.decisions.push({ policy: step.policy, action: 'deny', reason: gwErr.reason, status: gwErr.status });
  }
  return gwErr;
}

/**
 * Runs request-phase steps from `i`. Synchronous steps run in a plain loop (no promise is created);
 * the first step that returns a promise switches the rest of the chain to continuation style.
 */
export function runRequestSteps(
  steps: readonly RequestStep[],
  ctx: RequestContext,
  i: number,
  done: RequestDone,
  branch?: Branch,
): void {
  for (; i < steps.length; i++) {
    if (branch !== undefined && i === branch.at) {
      const alt = branch.take(ctx);
      if (alt !== undefined) return runRequestSteps(alt.steps, ctx, alt.from, done, undefined);
    }
    const step = steps[i]!;
    let r: MaybePromise<HookResult>;
    try {
      r = step.fn(ctx);
    } catch (err) {
      const e = onStepError(step, ctx, err);
      if (e) return done(e, undefined);
      continue;
    }
    if (r === undefined) continue;
    if (isThenable(r)) {
      const next = i + 1;
      (r as Promise<HookResult>).then(
        (v) => {
          if (v !== undefined && v !== null) {
            ctx.decisions.push({
              policy: step.policy,
              action: 'reply',
              reason: 'local_reply',
              status: v.status,
            });
            return done(null, v);
          }
          runRequestSteps(steps, ctx, next, done, branch);
        },
        (err: unknown) => {
          const e = onStepError(step, ctx, err);
          if (e) return done(e, undefined);
          runRequestSteps(steps, ctx, next, done, branch);
        },
      );
      return;
    }
    return done(null, r as LocalReply);
  }
  if (branch !== undefined && i === branch.at) {
    const alt = branch.take(ctx);
    if (alt !== undefined) return runRequestSteps(alt.steps, ctx, alt.from, done, undefined);
  }
  done(null, undefined);
}

/**
 * A switch point in a chain: at step index `at`, `take` may hand the rest of the request to
 * another chain (a consumer's), continuing there from index `from`.
 */
export interface Branch {
  readonly at: number;
  take(ctx: RequestContext): { steps: readonly RequestStep[]; from: number } | undefined;
}

/** Runs response-phase steps; errors are reported through `done` (the caller answers 500). */
export function runResponseSteps(
  steps: readonly ResponseStep[],
  ctx: ResponseContext,
  i: number,
  done: (err: unknown) => void,
): void {
  for (; i < steps.length; i++) {
    let r: MaybePromise<void>;
    try {
      r = steps[i]!.fn(ctx);
    } catch (err) {
      return done(err);
    }
    if (r !== undefined && isThenable(r)) {
      const next = i + 1;
      (r as Promise<void>).then(
        () => runResponseSteps(steps, ctx, next, done),
        (err: unknown) => done(err),
      );
      return;
    }
  }
  done(null);
}
