/**
 * What a gateway produces besides responses, owned per process (thread) and kept across reloads: the
 * security-event bus (recent buffer + SIEM sinks), the anomaly detector, and the traffic statistics the
 * dashboard draws. Policies reach the bus through `deps.event`; every finished request reaches the
 * statistics and the detector through `observe` (called by the pipeline whether or not access logs are
 * on). A reload rebuilds the bus or the detector only when its own config section changed.
 */
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { type AnomalyDetector, createAnomalyDetector, resolveAnomalyConfig } from '../anomaly/index.ts';
import { blockReasonOf, recordLog, TrafficStats } from '../dashboard/stats.ts';
import { createEventBus, type EventBus } from '../events/index.ts';
import type { LogContext } from '../pipeline/types.ts';
import { type AnomalyAction, anomalyActions } from '../traffic/anomaly-actions.ts';

/** The config sections this reads. */
export interface TelemetryConfig {
  readonly events?: unknown;
  readonly anomaly?: unknown;
}

/** Options of {@link GatewayTelemetry}. */
export interface GatewayTelemetryOptions {
  readonly logger: Logger;
  readonly metrics?: { readonly registry: Registry };
  /** Also called for every event (tests, or a parent that forwards events). */
  readonly forward?: (type: string, fields: Record<string, unknown>) => void;
  /** Also log each event at warn level (the behaviour before the bus; default true). */
  readonly logEvents?: boolean;
  /** Called with each anomaly action applied here (worker mode broadcasts it to the workers). */
  readonly onAction?: (action: AnomalyAction) => void;
}

/** What a Gateway needs from its telemetry: the event sink, the per-request observer, reload and close. */
export interface TelemetryPort {
  readonly event: (type: string, fields: Record<string, unknown>) => void;
  readonly observe: (ctx: LogContext) => void;
  apply(config: TelemetryConfig): void;
  close(): Promise<void>;
}

/** One finished request as a worker thread forwards it (plain data, cheap to clone). */
export interface ForwardedSample {
  readonly route: string;
  readonly consumer: string | undefined;
  readonly clientIp: string;
  readonly status: number;
  readonly durationMs: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly blockReason: string | undefined;
}

/** A batch of events and samples from a worker thread. */
export interface TelemetryBatch {
  readonly events: Array<[string, Record<string, unknown>]>;
  readonly samples: ForwardedSample[];
}

/**
 * The telemetry of a worker thread: events and request samples are batched (once per turn of the event
 * loop, at most 4,096 each; beyond that they are counted and dropped) and posted to the main thread,
 * whose {@link GatewayTelemetry} owns the sinks, the recent buffer, the statistics and the detector.
 */
export class ForwardingTelemetry implements TelemetryPort {
  #events: Array<[string, Record<string, unknown>]> = [];
  #samples: ForwardedSample[] = [];
  #scheduled = false;
  /** Events or samples dropped because a batch was full or could not be posted. */
  dropped = 0;
  readonly #post: (batch: TelemetryBatch) => void;
  readonly #logger: Logger;

  constructor(post: (batch: TelemetryBatch) => void, logger: Logger) {
    this.#post = post;
    this.#logger = logger;
  }

  readonly event = (type: string, fields: Record<string, unknown>): void => {
    this.#logger.warn({ 'event.kind': 'alert', 'event.action': type, ...fields }, type);
    if (this.#events.length >= 4096) {
      this.dropped++;
      return;
    }
    this.#events.push([type, fields]);
    this.#schedule();
  };

  readonly observe = (ctx: LogContext): void => {
    if (this.#samples.length >= 4096) {
      this.dropped++;
      return;
    }
    this.#samples.push({
      route: ctx.route.name,
      consumer: ctx.consumer?.id,
      clientIp: ctx.clientIp,
      status: ctx.status,
      durationMs: ctx.durationMs,
      bytesIn: ctx.bytesIn,
      bytesOut: ctx.bytesOut,
      blockReason: blockReasonOf(ctx),
    });
    this.#schedule();
  };

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Posts what is batched now. */
  flush(): void {
    this.#scheduled = false;
    if (this.#events.length === 0 && this.#samples.length === 0) return;
    const batch = { events: this.#events, samples: this.#samples };
    this.#events = [];
    this.#samples = [];
    try {
      this.#post(batch);
    } catch {
      // A field that cannot be cloned (a function, a socket): the batch is lost, not the worker.
      this.dropped += batch.events.length + batch.samples.length;
    }
  }

  apply(): void {}

  async close(): Promise<void> {
    this.flush();
  }
}

/** The bus, the anomaly detector and the traffic statistics of one gateway. */
export class GatewayTelemetry implements TelemetryPort {
  readonly stats = new TrafficStats();
  #bus: EventBus;
  #anomaly: AnomalyDetector;
  #eventsKey: string;
  #anomalyKey: string;
  #timer: NodeJS.Timeout | undefined;
  readonly #o: GatewayTelemetryOptions;

  constructor(config: TelemetryConfig, o: GatewayTelemetryOptions) {
    this.#o = o;
    this.#eventsKey = JSON.stringify(config.events ?? {});
    this.#anomalyKey = JSON.stringify(config.anomaly ?? {});
    this.#bus = createEventBus(config.events ?? {}, { logger: o.logger, metrics: o.metrics });
    this.#anomaly = this.#newDetector(config.anomaly);
    this.#startTimer();
  }

  /** The current bus (recent events, stats, subscriptions). */
  get bus(): EventBus {
    return this.#bus;
  }

  /** The current anomaly detector. */
  get anomaly(): AnomalyDetector {
    return this.#anomaly;
  }

  /** What policies call: normalised, masked per sink, never throws. */
  readonly event = (type: string, fields: Record<string, unknown>): void => {
    this.#bus.emit(type, fields);
    if (this.#o.logEvents !== false) {
      this.#o.logger.warn({ 'event.kind': 'alert', 'event.action': type, ...fields }, type);
    }
    this.#o.forward?.(type, fields);
  };

  /** Called once per finished request. */
  readonly observe = (ctx: LogContext): void => {
    recordLog(this.stats, ctx);
    this.#anomaly.record({
      route: ctx.route.name,
      consumer: ctx.consumer?.id,
      status: ctx.status,
      durationMs: ctx.durationMs,
      bytesIn: ctx.bytesIn,
      authFailure: ctx.status === 401,
    });
  };

  /** Takes a batch forwarded by a worker thread (the worker already logged its events). */
  ingest(batch: TelemetryBatch): void {
    for (const [type, fields] of batch.events) this.#bus.emit(type, fields);
    for (const s of batch.samples) {
      try {
        this.stats.record(s);
      } catch {
        // Statistics never break the gateway.
      }
      this.#anomaly.record({
        route: s.route,
        consumer: s.consumer,
        status: s.status,
        durationMs: s.durationMs,
        bytesIn: s.bytesIn,
        authFailure: s.status === 401,
      });
    }
  }

  /** Applies a new config: rebuilds what changed, carrying the recent events over. */
  apply(config: TelemetryConfig): void {
    const eventsKey = JSON.stringify(config.events ?? {});
    if (eventsKey !== this.#eventsKey) {
      const old = this.#bus;
      this.#bus = createEventBus(config.events ?? {}, {
        logger: this.#o.logger,
        metrics: this.#o.metrics,
        previous: old,
      });
      this.#eventsKey = eventsKey;
      old
        .close()
        .catch((err: unknown) => this.#o.logger.warn({ err }, 'closing the previous event bus failed'));
    }
    const anomalyKey = JSON.stringify(config.anomaly ?? {});
    if (anomalyKey !== this.#anomalyKey) {
      const old = this.#anomaly;
      this.#anomaly = this.#newDetector(config.anomaly);
      this.#anomalyKey = anomalyKey;
      this.#startTimer();
      old.close().catch(() => undefined);
    }
  }

  #newDetector(config: unknown): AnomalyDetector {
    const det = createAnomalyDetector(config ?? {}, {
      emit: (t, f) => this.event(t, f),
      logger: this.#o.logger,
    });
    const actions = resolveAnomalyConfig(config ?? {}).actions;
    const triggers = new Set<string>(actions.metrics);
    det.onAnomaly((a) => {
      if (a.direction !== 'up' || !triggers.has(a.metric)) return;
      const now = Date.now();
      const out: AnomalyAction[] = [];
      if (actions.tighten_rate_limit.enabled) {
        const t = actions.tighten_rate_limit;
        out.push({
          kind: 'tighten',
          scope: a.scope,
          key: a.key,
          until: now + t.duration_s * 1000,
          cost: t.cost,
        });
      }
      if (actions.challenge.enabled) {
        out.push({
          kind: 'challenge',
          scope: a.scope,
          key: a.key,
          until: now + actions.challenge.duration_s * 1000,
        });
      }
      for (const act of out) {
        anomalyActions.apply(act);
        this.#o.onAction?.(act);
        this.event('anomaly_action', {
          'event.reason': act.kind,
          'gatehouse.anomaly.scope': act.scope,
          'gatehouse.anomaly.key': act.key,
          'gatehouse.anomaly.metric': a.metric,
          'gatehouse.anomaly.until': new Date(act.until).toISOString(),
          ...(act.scope === 'route' ? { 'gatehouse.route': act.key } : { 'gatehouse.consumer.id': act.key }),
        });
      }
    });
    return det;
  }

  #startTimer(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    const bucket = (this.#anomalyConfigBucket() ?? 60_000) / 4;
    this.#timer = setInterval(
      () => {
        try {
          this.#anomaly.tick();
        } catch (err) {
          this.#o.logger.error({ err }, 'anomaly detector tick failed');
        }
      },
      Math.max(250, bucket),
    );
    this.#timer.unref();
  }

  #anomalyConfigBucket(): number | undefined {
    const a = JSON.parse(this.#anomalyKey) as { bucket_ms?: unknown };
    return typeof a.bucket_ms === 'number' ? a.bucket_ms : undefined;
  }

  /** Flushes the sinks (bounded) and stops the timers. */
  async close(): Promise<void> {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    await Promise.allSettled([this.#bus.close(), this.#anomaly.close()]);
  }
}
