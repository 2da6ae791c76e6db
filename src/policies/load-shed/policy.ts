import { GatewayError } from '../../errors/gateway-error.ts';
import { LAG_SAMPLE_INTERVAL_MS, watchEventLoopLag } from '../../lib/event-loop-lag.ts';
import {
  definePolicy,
  type HookResult,
  type LogContext,
  type PolicyDeps,
  type PolicyInstance,
  type RequestContext,
} from '../../pipeline/types.ts';
import { Admission, PRIORITY_CLASSES, type PriorityClass } from './admission.ts';
import { type LoadShedConfig, LoadShedSchema } from './schema.ts';

const NAME = 'load-shed';
/** Weight of a new upstream latency sample in the route's moving average. */
export const LATENCY_ALPHA = 0.2;
/** A route's latency admission is re-evaluated at most this often (ms). */
const LATENCY_EVAL_MS = LAG_SAMPLE_INTERVAL_MS;
/** With no latency sample for this long, a shedding route counts as recovered (so it probes again). */
export const LATENCY_STALE_MS = 1000;

/** Upstream latency state of one route. */
interface RouteLatency {
  ewma: number;
  samples: number;
  lastSample: number;
  lastEval: number;
  readonly admission: Admission;
}

function classIndex(c: PriorityClass): number {
  return PRIORITY_CLASSES.indexOf(c);
}

/** Thresholds in class order with 0 (never) as Infinity; throws unless non-decreasing. */
function thresholdsOf(t: Record<PriorityClass, number>, what: string): number[] {
  const out = PRIORITY_CLASSES.map((c) => (t[c] === 0 ? Number.POSITIVE_INFINITY : t[c]));
  for (let i = 1; i < out.length; i++) {
    if (out[i]! < out[i - 1]!) {
      throw new TypeError(
        `load-shed: ${what}.${PRIORITY_CLASSES[i]} must be at least ${what}.${PRIORITY_CLASSES[i - 1]} (or 0 for never)`,
      );
    }
  }
  return out;
}

/**
 * `load-shed` (order 980: right after `request-id`, before any authentication or limit work)
 * refuses requests by priority class with `503 GW_OVERLOADED` (reason `load_shed`) and
 * `Retry-After` when this worker is overloaded, so that what it admits keeps its latency.
 *
 * Signals, each read from a precomputed value, never computed per request:
 * - event-loop lag of the worker thread (`src/lib/event-loop-lag.ts`: a native delay histogram
 *   summarised every 100 ms by a timer);
 * - the route's upstream latency: a moving average (weight {@link LATENCY_ALPHA}) of the time to the
 *   response head, updated in the log phase.
 * Each class has a threshold per signal (`event_loop_lag_ms`, `upstream_latency_ms`; 0 = never).
 * Shedding is graduated (see `admission.ts`): over its threshold a class's admitted fraction halves
 * every 100 ms; once the signal is below `threshold × recover_ratio` for `hold_ms` it grows back by
 * a tenth per 100 ms. So `low` goes first, `critical` (by default) never, and admission settles
 * instead of flapping. A route shed for upstream latency gets no new samples; after
 * {@link LATENCY_STALE_MS} without one it is treated as recovered, which lets probes through.
 *
 * The class is `priority` (set the policy per route), or with `consumer_priority` the highest
 * class listed for the consumer's groups: checked against the highest class the request could get
 * before authentication, and against its own class right before the upstream call (a request shed
 * there has already passed the policies in between, e.g. counted against a quota).
 *
 * @example
 * load-shed:
 *   priority: low
 *   event_loop_lag_ms: { low: 30, normal: 80, high: 200 }
 *   upstream_latency_ms: { low: 800, normal: 2000 }
 */
export const policy = definePolicy({
  name: NAME,
  order: 980,
  phases: ['request', 'upstream', 'log'],
  status: 'beta',
  posture: 'hardened',
  description:
    'Sheds requests by priority class (503 + Retry-After) when the event loop lags or the upstream slows down.',
  supportsMode: true,
  schema: LoadShedSchema,
  create(config: LoadShedConfig, deps: PolicyDeps) {
    const opts = { recoverRatio: config.recover_ratio, holdMs: config.hold_ms };
    const lagThresholds = thresholdsOf(config.event_loop_lag_ms, 'event_loop_lag_ms');
    const latencyThresholds = thresholdsOf(config.upstream_latency_ms, 'upstream_latency_ms');
    const useLag = lagThresholds.some(Number.isFinite);
    const useLatency = latencyThresholds.some(Number.isFinite);
    const routeClass = classIndex(config.priority);
    const groupClass = new Map<string, number>();
    for (const [g, c] of Object.entries(config.consumer_priority)) groupClass.set(g, classIndex(c));
    let earlyClass = routeClass;
    for (const c of groupClass.values()) if (c > earlyClass) earlyClass = c;
    const retryAfter = String(config.retry_after_s);

    const lag = new Admission(useLag ? lagThresholds : [1, 1, 1, 1], opts);
    let stopLag: (() => void) | undefined;
    if (useLag) {
      let shedding = false;
      stopLag = watchEventLoopLag((lagMs) => {
        if (!lag.update(lagMs, performance.now())) return;
        const now = lag.shedding();
        if (now === shedding) return;
        shedding = now;
        const fields = {
          'gatehouse.policy': NAME,
          'gatehouse.scope': deps.scope,
          'gatehouse.load_shed.lag_ms': Math.round(lagMs),
          'gatehouse.load_shed.admitted': Object.fromEntries(
            PRIORITY_CLASSES.map((c, i) => [c, lag.fraction[i]]),
          ),
        };
        if (now) deps.logger.warn(fields, 'load-shed: event-loop lag over threshold, shedding');
        else deps.logger.info(fields, 'load-shed: event-loop lag recovered, admitting everything');
      });
    }

    const routes = new Map<string, RouteLatency>();

    const shed = (c: number): never => {
      throw new GatewayError('GW_OVERLOADED', {
        reason: 'load_shed',
        detail: `The gateway is overloaded; ${PRIORITY_CLASSES[c]}-priority requests are being refused.`,
        headers: { 'retry-after': retryAfter },
      });
    };

    /** Whether the route's latency admits class `c` now (refreshing a stale route first). */
    const latencyAdmits = (route: string, c: number): boolean => {
      const r = routes.get(route);
      if (r === undefined || !r.admission.shedding()) return true;
      const now = performance.now();
      if (now - r.lastSample >= LATENCY_STALE_MS && now - r.lastEval >= LATENCY_EVAL_MS) {
        r.lastEval = now;
        r.admission.update(0, now);
      }
      return r.admission.admits(c);
    };

    const check = (ctx: RequestContext, c: number): void => {
      if (useLag && !lag.admits(c)) shed(c);
      if (useLatency && !latencyAdmits(ctx.route.name, c)) shed(c);
    };

    const instance: PolicyInstance = {
      onRequest(ctx: RequestContext): HookResult {
        check(ctx, earlyClass);
        return undefined;
      },
      close(): void {
        stopLag?.();
        stopLag = undefined;
      },
    };

    if (groupClass.size > 0) {
      instance.onUpstream = (ctx: RequestContext): void => {
        let c = -1;
        const consumer = ctx.consumer;
        if (consumer !== undefined) {
          for (const g of consumer.groups) {
            const gc = groupClass.get(g);
            if (gc !== undefined && gc > c) c = gc;
          }
        }
        if (c < 0) c = routeClass;
        if (c !== earlyClass) check(ctx, c);
      };
    }

    if (useLatency) {
      instance.onLog = (ctx: LogContext): void => {
        let sample = ctx.upstreamMs;
        if (sample === undefined) {
          // An upstream that timed out or failed before answering was at least this slow.
          const code = (ctx.error as { code?: unknown } | undefined)?.code;
          if (code !== 'GW_UPSTREAM_TIMEOUT' && code !== 'GW_UPSTREAM_ERROR') return;
          sample = ctx.durationMs;
        }
        const now = performance.now();
        let r = routes.get(ctx.route.name);
        if (r === undefined) {
          r = {
            ewma: sample,
            samples: 0,
            lastSample: now,
            lastEval: 0,
            admission: new Admission(latencyThresholds, opts),
          };
          routes.set(ctx.route.name, r);
        }
        r.ewma = r.samples === 0 ? sample : r.ewma + LATENCY_ALPHA * (sample - r.ewma);
        r.samples++;
        r.lastSample = now;
        if (now - r.lastEval < LATENCY_EVAL_MS) return;
        r.lastEval = now;
        const was = r.admission.shedding();
        r.admission.update(r.ewma, now);
        const is = r.admission.shedding();
        if (was !== is) {
          const fields = {
            'gatehouse.policy': NAME,
            'gatehouse.route': ctx.route.name,
            'gatehouse.load_shed.upstream_ms': Math.round(r.ewma),
          };
          if (is) deps.logger.warn(fields, 'load-shed: upstream latency over threshold, shedding');
          else deps.logger.info(fields, 'load-shed: upstream latency recovered, admitting everything');
        }
      };
    }

    return Object.freeze(instance);
  },
});
