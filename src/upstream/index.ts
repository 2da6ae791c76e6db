/**
 * Upstreams: per-target undici pools, load balancing, active and passive health, circuit breaking
 * and retry budgets. The proxy handler drives it:
 *
 * @example
 * const up = createUpstream(spec, { logger });
 * up.start();
 * const t = up.pick({ clientIp, headers });
 * if (t === undefined) throw new GatewayError(up.circuitOpen() ? 'GW_CIRCUIT_OPEN' : 'GW_UPSTREAM_UNAVAILABLE');
 * up.onStart(t);
 * t.pool.dispatch(opts, handler); // then exactly one up.onEnd(t, outcome)
 */
export { classifyUpstreamError, type UpstreamErrorKind } from './classify.ts';
export { RETRY_BUDGET_WINDOW_MS } from './retry-budget.ts';
export { MAX_TARGETS, MAX_WEIGHT, resolveUpstreamSpec, UPSTREAM_DEFAULTS } from './spec.ts';
export { EWMA_DECAY_MS, Target } from './target.ts';
export type * from './types.ts';
export { createUpstream } from './upstream.ts';
