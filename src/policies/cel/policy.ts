import {
  type CelActivationOptions,
  CelEvaluationError,
  type CompiledCel,
  celActivation,
  compileCel,
  mergeUses,
} from '../../identity/cel.ts';
import { authzDenied } from '../../identity/errors.ts';
import { definePolicy, type PolicyDeps, type RequestContext } from '../../pipeline/types.ts';
import { type CelConfig, CelSchema } from './schema.ts';

const NAME = 'cel';

/**
 * `cel`: authorization rules in CEL (see `src/identity/cel.ts` for the variables and bounds).
 * `deny` refuses when it evaluates to true; `allow` must evaluate to true. Both are parsed and
 * type-checked once, when the config loads: a bad expression is a config error with its
 * `line:column`. Any evaluation error (a missing field or key, a type mismatch, a non-boolean
 * result, an oversized input) denies (fail closed). Denials are a generic 403; the reason
 * (`cel_denied`, `cel_not_allowed`, `cel_error`, `cel_input_too_large`) goes to events and logs.
 *
 * @example
 * # Only the owner may change an order; anyone with the orders:read scope may read it.
 * cel:
 *   allow: >-
 *     request.method == 'GET' ? 'orders:read' in auth.scopes
 *     : request.method == 'PATCH' && request.params.id in claims.orders
 *   deny: "'blocked' in consumer.groups"
 */
export const policy = definePolicy({
  name: NAME,
  order: 630,
  phases: ['request'],
  status: 'beta',
  posture: 'hardened',
  description:
    'Allows or denies requests with CEL expressions over the request, consumer, claims and auth results.',
  supportsMode: true,
  schema: CelSchema,
  create(config: CelConfig, deps: PolicyDeps) {
    if (config.allow === undefined && config.deny === undefined) {
      throw new TypeError('cel: configure "allow", "deny" or both');
    }
    const allow: CompiledCel | undefined =
      config.allow === undefined ? undefined : compileCel(config.allow, 'allow');
    const deny: CompiledCel | undefined =
      config.deny === undefined ? undefined : compileCel(config.deny, 'deny');
    const uses = mergeUses([allow?.uses, deny?.uses].filter((u) => u !== undefined));
    const options: CelActivationOptions = Object.freeze({
      maxCollectionSize: config.max_collection_size,
      consumers: deps.consumers,
    });

    const failed = (ctx: RequestContext, err: unknown, which: string): never => {
      const e =
        err instanceof CelEvaluationError
          ? err
          : new CelEvaluationError('cel_error', String(err), { cause: err });
      deps.logger.warn(
        { 'http.request.id': ctx.id, 'gatehouse.cel.expression': which, 'gatehouse.cel.error': e.message },
        'CEL evaluation failed; denying',
      );
      throw authzDenied(ctx, deps, NAME, e.code);
    };

    const run = (ctx: RequestContext, rule: CompiledCel, which: string, activation: object): boolean => {
      let value: unknown;
      try {
        value = rule.evaluate(activation);
      } catch (err) {
        failed(ctx, err, which);
      }
      if (typeof value !== 'boolean') {
        failed(ctx, new CelEvaluationError('cel_error', `result is ${typeof value}, not a bool`), which);
      }
      return value as boolean;
    };

    return Object.freeze({
      onRequest(ctx: RequestContext): undefined {
        let activation: object;
        try {
          activation = celActivation(ctx, uses, options);
        } catch (err) {
          return failed(ctx, err, 'input');
        }
        if (deny !== undefined && run(ctx, deny, 'deny', activation))
          throw authzDenied(ctx, deps, NAME, 'cel_denied');
        if (allow !== undefined && !run(ctx, allow, 'allow', activation)) {
          throw authzDenied(ctx, deps, NAME, 'cel_not_allowed');
        }
        return undefined;
      },
    });
  },
});
