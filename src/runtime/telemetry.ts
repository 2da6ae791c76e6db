/**
 * What a gateway produces besides responses, owned per process (thread) and kept across reloads: the
 * security-event bus (recent buffer + SIEM sinks), the anomaly detector, and the traffic statistics the
 * dashboard draws. Policies reach the bus through `deps.event`; every finished request reaches the
 * statistics and the detector through `observe` (called by the pipeline whether or not access logs are
 * on). A reload rebuilds the bus or the detector only when its own config section changed.
 */
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { type AnomalyDetector, createAnomalyDetector } from '../anomaly/index.ts';
import { recordLog, TrafficStats } from '../dashboard/stats.ts';
import { createEventBus, type EventBus } from '../events/index.ts';
import type { LogContext } from '../pipeline/types.ts';

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
}

/** The bus, the anomaly detector and the traffic statistics of one gateway. */
export class GatewayTelemetry {
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
    return createAnomalyDetector(config ?? {}, { emit: (t, f) => this.event(t, f), logger: this.#o.logger });
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
