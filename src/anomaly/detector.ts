import { Value } from '@sinclair/typebox/value';
import type { Logger } from 'pino';
import { startSink } from '../events/bus.ts';
import { normalise } from '../events/event.ts';
import { compileMasker } from '../events/mask.ts';
import type { SinkRunner } from '../events/queue.ts';
import { resolveSink } from '../events/schema.ts';
import { ANOMALY_METRICS, type AnomalyConfig, type AnomalyMetric, AnomalySchema } from './schema.ts';

/** One finished request, as fed to {@link AnomalyDetector.record}. */
export interface TrafficSample {
  readonly route: string;
  readonly consumer?: string | undefined;
  readonly status: number;
  readonly durationMs: number;
  readonly bytesIn?: number;
  readonly authFailure?: boolean;
}

/** A bucket that deviated from its baseline. */
export interface Anomaly {
  readonly scope: 'route' | 'consumer';
  /** Route name or consumer id. */
  readonly key: string;
  readonly metric: AnomalyMetric;
  readonly value: number;
  readonly mean: number;
  readonly stddev: number;
  readonly z: number;
  readonly direction: 'up' | 'down';
  /** ISO time the bucket started. */
  readonly bucket_start: string;
  readonly bucket_ms: number;
}

/** EWMA mean and variance of one metric. */
export interface Baseline {
  readonly mean: number;
  readonly stddev: number;
  readonly samples: number;
}

/** The anomaly detector (see {@link createAnomalyDetector}). */
export interface AnomalyDetector {
  /** Adds one request to the open bucket. O(1). */
  record(sample: TrafficSample): void;
  /** Closes every bucket that ended at or before `now` and evaluates it; returns what it raised. */
  tick(now?: number): Anomaly[];
  /** Calls `fn` for each anomaly (e.g. tighten a rate limit); returns the unsubscribe function. */
  onAnomaly(fn: (a: Anomaly) => void): () => void;
  /** Current baselines (for the admin API). */
  baselines(): {
    scope: 'route' | 'consumer';
    key: string;
    metrics: Partial<Record<AnomalyMetric, Baseline>>;
  }[];
  /** Stops the webhook sink (flushing it). */
  close(): Promise<void>;
}

/** What the detector needs from the process. */
export interface AnomalyDeps {
  /** Where anomaly events go: the event bus's `emit`. */
  readonly emit?: (type: string, fields: Record<string, unknown>) => void;
  readonly logger: Logger;
}

/** Applies defaults to an `anomaly` section and validates it (TypeError on problems). */
export function resolveAnomalyConfig(input: unknown = {}): AnomalyConfig {
  const value = Value.Default(AnomalySchema, Value.Clone(input ?? {}));
  if (!Value.Check(AnomalySchema, value)) {
    const errs = [...Value.Errors(AnomalySchema, value)]
      .slice(0, 10)
      .map((e) => `${e.path || '/'}: ${e.message}`);
    throw new TypeError(`invalid anomaly config: ${errs.join('; ')}`);
  }
  return value;
}

interface Ewma {
  mean: number;
  variance: number;
  n: number;
  lastAlert: number;
}

interface KeyState {
  readonly scope: 'route' | 'consumer';
  readonly key: string;
  count: number;
  errors: number;
  latency: number;
  bytes: number;
  authFailures: number;
  lastActive: number;
  readonly stats: Map<AnomalyMetric, Ewma>;
}

/** Anomalous buckets enter the baseline at this fraction of `alpha`: an attack is learned slowly. */
const ANOMALOUS_WEIGHT = 0.25;
/** Most empty buckets replayed when ticks were missed. */
const MAX_GAP_BUCKETS = 16;

/**
 * Per-route and per-consumer EWMA baselines (mean + variance) of request rate, error ratio, latency,
 * payload size and authentication failures per time bucket. A bucket whose z-score passes the
 * threshold after warm-up raises an `anomaly_detected` event, calls the `onAnomaly` hooks and, when
 * configured, POSTs the event to a webhook.
 *
 * @example
 * const det = createAnomalyDetector({ enabled: true, bucket_ms: 10_000 }, { emit: bus.emit, logger });
 * det.onAnomaly((a) => { if (a.metric === 'auth_failures') tighten(a.key); });
 * det.record({ route: 'login', status: 401, durationMs: 12, authFailure: true });
 * setInterval(() => det.tick(), 1000).unref();
 */
export function createAnomalyDetector(config: unknown, deps: AnomalyDeps): AnomalyDetector {
  const cfg = resolveAnomalyConfig(config);
  const keys = new Map<string, KeyState>();
  const hooks = new Set<(a: Anomaly) => void>();
  const enabled = ANOMALY_METRICS.filter((m) => cfg.metrics[m].enabled);
  let current: number | undefined;
  let webhook: SinkRunner<ReturnType<typeof normalise>> | undefined;
  if (cfg.webhook !== undefined) {
    const s = resolveSink({ ...Value.Clone(cfg.webhook), type: 'http', name: 'anomaly-webhook' });
    webhook = startSink(s, compileMasker(s.mask), { logger: deps.logger });
  }

  const stateFor = (scope: 'route' | 'consumer', key: string): KeyState => {
    const id = `${scope}\u0000${key}`;
    let s = keys.get(id);
    if (s === undefined) {
      if (keys.size >= cfg.max_keys) {
        // Evict the least recently active (Map order is refreshed at bucket close).
        const first = keys.keys().next();
        if (!first.done) keys.delete(first.value);
      }
      s = {
        scope,
        key,
        count: 0,
        errors: 0,
        latency: 0,
        bytes: 0,
        authFailures: 0,
        lastActive: current ?? 0,
        stats: new Map(),
      };
      keys.set(id, s);
    }
    return s;
  };

  const add = (s: KeyState, x: TrafficSample): void => {
    s.count++;
    if (x.status >= cfg.error_status_min) s.errors++;
    s.latency += Number.isFinite(x.durationMs) && x.durationMs > 0 ? x.durationMs : 0;
    s.bytes += x.bytesIn !== undefined && Number.isFinite(x.bytesIn) && x.bytesIn > 0 ? x.bytesIn : 0;
    if (x.authFailure === true) s.authFailures++;
  };

  /** Evaluates one sample against its baseline, then folds it in. */
  const observe = (
    s: KeyState,
    metric: AnomalyMetric,
    value: number,
    bucket: number,
    out: Anomaly[],
  ): void => {
    const e = s.stats.get(metric);
    if (e === undefined) {
      s.stats.set(metric, { mean: value, variance: 0, n: 1, lastAlert: Number.NEGATIVE_INFINITY });
      return;
    }
    const m = cfg.metrics[metric];
    const stddev = Math.max(Math.sqrt(e.variance), m.min_stddev, cfg.min_stddev_ratio * Math.abs(e.mean));
    const z = stddev > 0 ? (value - e.mean) / stddev : 0;
    const anomalous =
      e.n >= cfg.warmup_buckets && (z > cfg.z_threshold || (m.direction === 'both' && z < -cfg.z_threshold));
    if (anomalous && bucket - e.lastAlert > cfg.cooldown_buckets) {
      e.lastAlert = bucket;
      out.push({
        scope: s.scope,
        key: s.key,
        metric,
        value,
        mean: e.mean,
        stddev,
        z,
        direction: z > 0 ? 'up' : 'down',
        bucket_start: new Date(bucket * cfg.bucket_ms).toISOString(),
        bucket_ms: cfg.bucket_ms,
      });
    }
    const a = anomalous ? cfg.alpha * ANOMALOUS_WEIGHT : cfg.alpha;
    const diff = value - e.mean;
    const incr = a * diff;
    e.mean += incr;
    e.variance = (1 - a) * (e.variance + diff * incr);
    e.n++;
  };

  const closeBucket = (s: KeyState, bucket: number, out: Anomaly[]): void => {
    const seconds = cfg.bucket_ms / 1000;
    for (const metric of enabled) {
      switch (metric) {
        case 'request_rate':
          observe(s, metric, s.count / seconds, bucket, out);
          break;
        case 'auth_failures':
          observe(s, metric, s.authFailures, bucket, out);
          break;
        case 'error_ratio':
          if (s.count >= cfg.min_requests) observe(s, metric, s.errors / s.count, bucket, out);
          break;
        case 'latency_ms':
          if (s.count >= cfg.min_requests) observe(s, metric, s.latency / s.count, bucket, out);
          break;
        case 'payload_bytes':
          if (s.count >= cfg.min_requests) observe(s, metric, s.bytes / s.count, bucket, out);
          break;
      }
    }
    s.count = 0;
    s.errors = 0;
    s.latency = 0;
    s.bytes = 0;
    s.authFailures = 0;
  };

  const raise = (a: Anomaly): void => {
    const fields: Record<string, unknown> = {
      'event.reason': `${a.metric}_${a.direction === 'up' ? 'spike' : 'drop'}`,
      'event.severity': Math.abs(a.z) >= 2 * cfg.z_threshold ? 'high' : 'medium',
      'gatehouse.anomaly.scope': a.scope,
      'gatehouse.anomaly.metric': a.metric,
      'gatehouse.anomaly.value': a.value,
      'gatehouse.anomaly.baseline_mean': a.mean,
      'gatehouse.anomaly.baseline_stddev': a.stddev,
      'gatehouse.anomaly.z_score': a.z,
      'gatehouse.anomaly.bucket_start': a.bucket_start,
      ...(a.scope === 'route' ? { 'gatehouse.route': a.key } : { 'gatehouse.consumer.id': a.key }),
    };
    try {
      deps.emit?.('anomaly_detected', fields);
      webhook?.push(normalise('anomaly_detected', fields));
    } catch (err) {
      deps.logger.warn({ err }, 'anomaly: event delivery failed');
    }
    for (const fn of hooks) {
      try {
        fn(a);
      } catch (err) {
        deps.logger.warn({ err }, 'anomaly: onAnomaly hook threw');
      }
    }
  };

  return {
    record(sample: TrafficSample): void {
      if (!cfg.enabled || typeof sample.route !== 'string') return;
      add(stateFor('route', sample.route), sample);
      if (cfg.per_consumer && typeof sample.consumer === 'string' && sample.consumer !== '') {
        add(stateFor('consumer', sample.consumer), sample);
      }
    },

    tick(now: number = Date.now()): Anomaly[] {
      const out: Anomaly[] = [];
      if (!cfg.enabled) return out;
      const bucket = Math.floor(now / cfg.bucket_ms);
      if (current === undefined) {
        current = bucket;
        return out;
      }
      if (bucket <= current) return out;
      const closing = current;
      const gap = Math.min(bucket - closing - 1, MAX_GAP_BUCKETS);
      for (const [id, s] of [...keys]) {
        const active = s.count > 0;
        if (active) s.lastActive = closing;
        else if (bucket - 1 - s.lastActive >= cfg.idle_buckets) {
          keys.delete(id);
          continue;
        }
        closeBucket(s, closing, out);
        // Missed ticks: the buckets in between saw no traffic.
        for (let i = 1; i <= gap; i++) closeBucket(s, closing + i, out);
        if (active) {
          keys.delete(id);
          keys.set(id, s);
        }
      }
      current = bucket;
      for (const a of out) raise(a);
      return out;
    },

    onAnomaly(fn: (a: Anomaly) => void): () => void {
      hooks.add(fn);
      return () => {
        hooks.delete(fn);
      };
    },

    baselines() {
      return [...keys.values()].map((s) => {
        const metrics: Partial<Record<AnomalyMetric, Baseline>> = {};
        for (const [m, e] of s.stats)
          metrics[m] = { mean: e.mean, stddev: Math.sqrt(e.variance), samples: e.n };
        return { scope: s.scope, key: s.key, metrics };
      });
    },

    async close(): Promise<void> {
      hooks.clear();
      await webhook?.close();
    },
  };
}
