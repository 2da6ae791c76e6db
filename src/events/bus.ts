import { Value } from '@sinclair/typebox/value';
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import { normalise, SEVERITY_RANK, type SecurityEvent } from './event.ts';
import { compileMasker, type Masker } from './mask.ts';
import { createSinkRunner, type SinkRunner, type SinkStats } from './queue.ts';
import {
  type EventCategory,
  EventsSchema,
  type ResolvedEventsConfig,
  resolveSink,
  type SinkConfig,
} from './schema.ts';
import { buildSink } from './sinks.ts';

/** Longest default shutdown grace per sink. */
const MAX_CLOSE_GRACE_MS = 5000;

/** Filter of {@link EventBus.recent}. */
export interface RecentFilter {
  /** Only this type (or any of these types). */
  readonly type?: string | readonly string[];
  /** Only this category (or any of these). */
  readonly category?: EventCategory | readonly EventCategory[];
  /** Only events at or after this time (epoch ms, or an ISO 8601 string). */
  readonly since?: number | string;
  /** Most events returned, newest first (default 100). */
  readonly limit?: number;
}

/** Counters of the bus and its sinks. */
export interface EventBusStats {
  readonly emitted: number;
  /** Events that could not be normalised (emit never throws; they are counted here). */
  readonly errors: number;
  readonly recent: number;
  readonly sinks: readonly SinkStats[];
}

/** The security event bus (see {@link createEventBus}). */
export interface EventBus {
  /** Normalises and records one event, and queues it for every sink that wants it. O(1); never throws or waits. */
  emit(type: string, fields?: Record<string, unknown>): void;
  /** Recent events, newest first, masked as configured for the section. */
  recent(filter?: RecentFilter): SecurityEvent[];
  /** Calls `fn` with each (masked) event as it is emitted; returns the unsubscribe function. */
  subscribe(fn: (ev: SecurityEvent) => void): () => void;
  /** Per-sink queue and delivery counters. */
  stats(): EventBusStats;
  /**
   * Stops accepting, gives sinks `graceMs` (default: each sink's `timeout_ms`, at most 5 s) to
   * deliver what is queued, counts the rest as dropped, closes connections.
   */
  close(graceMs?: number): Promise<void>;
}

/** What the bus needs from the process. */
export interface EventBusDeps {
  readonly logger: Logger;
  /** A prom-client registry (or the gateway's Metrics, which has one) for `gatehouse_security_events_*`. */
  readonly metrics?: Registry | { readonly registry: Registry };
  /** The bus of the previous config: its recent events are carried over (a reload keeps the history). */
  readonly previous?: EventBus;
}

/** Raw ring contents of each bus, oldest first, for carrying history across reloads (never exported). */
const kRaw = new WeakMap<EventBus, () => SecurityEvent[]>();

/**
 * Applies schema defaults to a (possibly partial) `events` section and validates it. Throws a
 * `TypeError` listing the problems, so a bad section fails at load, never at emit time.
 */
export function resolveEventsConfig(input: unknown = {}): ResolvedEventsConfig {
  const section = Value.Default(EventsSchema, Value.Clone(input ?? {}));
  if (!Value.Check(EventsSchema, section)) {
    const errs = [...Value.Errors(EventsSchema, section)]
      .slice(0, 10)
      .map((e) => `${e.path || '/'}: ${e.message}`);
    throw new TypeError(`invalid events config: ${errs.join('; ')}`);
  }
  const value: ResolvedEventsConfig = { ...section, sinks: section.sinks.map((s) => resolveSink(s)) };
  const names = new Set<string>();
  for (const s of value.sinks) {
    if (names.has(s.name))
      throw new TypeError(`invalid events config: duplicate sink name ${JSON.stringify(s.name)}`);
    names.add(s.name);
    if (s.retry.max_ms < s.retry.base_ms) {
      throw new TypeError(`invalid events config: sink ${s.name}: retry.max_ms is below retry.base_ms`);
    }
  }
  return value;
}

function counter(
  reg: Registry | undefined,
  name: string,
  help: string,
  labelNames: string[],
): Counter | undefined {
  if (reg === undefined) return undefined;
  const existing = reg.getSingleMetric(name);
  if (existing instanceof Counter) return existing;
  return new Counter({ name, help, labelNames, registers: [reg] });
}

/** Per-sink filter compiled to set lookups. */
function sinkFilter(cfg: SinkConfig): (ev: SecurityEvent) => boolean {
  const cats = cfg.filter.categories === undefined ? undefined : new Set<string>(cfg.filter.categories);
  const types = cfg.filter.types === undefined ? undefined : new Set(cfg.filter.types);
  const min = cfg.filter.min_severity === undefined ? 0 : SEVERITY_RANK[cfg.filter.min_severity];
  return (ev) =>
    (cats === undefined || cats.has(ev.category)) &&
    (types === undefined || types.has(ev.type)) &&
    SEVERITY_RANK[ev.severity] >= min;
}

/** Starts one sink runner for a sink config (shared with the anomaly detector's webhook action). */
export function startSink(
  cfg: SinkConfig,
  mask: Masker,
  deps: { logger: Logger; dropped?: Counter | undefined },
): SinkRunner<SecurityEvent> {
  const built = buildSink(cfg, mask) as ReturnType<typeof buildSink> & {
    prepare: (events: SecurityEvent[]) => unknown;
  };
  const log = deps.logger.child({ sink: cfg.name, sink_type: cfg.type });
  return createSinkRunner<SecurityEvent, unknown>(
    {
      name: cfg.name,
      type: cfg.type,
      queueSize: cfg.queue_size,
      overflow: cfg.overflow,
      batchSize: cfg.batch_size,
      flushIntervalMs: cfg.flush_interval_ms,
      timeoutMs: cfg.timeout_ms,
      retry: cfg.retry,
      onDrop: (n, reason) => deps.dropped?.inc({ sink: cfg.name, reason }, n),
      onState: (state, err) => {
        if (state === 'failing') log.warn({ err }, 'security event sink: delivery failing, retrying');
        else log.info('security event sink: delivering again');
      },
    },
    built.transport as never,
    built.prepare,
  );
}

/**
 * Creates the security event bus: normalises `deps.event(type, fields)` calls into
 * {@link SecurityEvent}s, keeps the most recent in a ring buffer, and fans out to the configured
 * sinks, each behind its own bounded queue (a slow or dead receiver never slows `emit`).
 *
 * @example
 * const bus = createEventBus({ sinks: [{ type: 'syslog', name: 'siem', host: 'siem.local', port: 6514 }] },
 *   { logger, metrics });
 * bus.emit('authentication_failure', { 'event.reason': 'expired', 'client.ip': '203.0.113.9' });
 * bus.recent({ category: 'authentication', limit: 20 });
 * await bus.close();
 */
export function createEventBus(config: unknown, deps: EventBusDeps): EventBus {
  const cfg = resolveEventsConfig(config);
  const registry =
    deps.metrics === undefined
      ? undefined
      : 'registry' in deps.metrics
        ? deps.metrics.registry
        : deps.metrics;
  const dropped = counter(
    registry,
    'gatehouse_security_events_dropped_total',
    'Security events dropped by a sink (queue full, refused, retries exhausted, or shutdown).',
    ['sink', 'reason'],
  );
  const emittedTotal = counter(
    registry,
    'gatehouse_security_events_total',
    'Security events emitted, by category.',
    ['category'],
  );
  const byCategory = new Map<string, { inc(): void }>();
  const baseMask = compileMasker(cfg.mask);
  const sinks = cfg.sinks.map((s) => ({
    accept: sinkFilter(s),
    timeoutMs: s.timeout_ms,
    runner: startSink(s, s.mask === undefined ? baseMask : compileMasker(s.mask), {
      logger: deps.logger,
      dropped,
    }),
  }));
  const size = cfg.recent_size;
  const ring: (SecurityEvent | undefined)[] = new Array(size);
  let next = 0;
  let count = 0;
  let emitted = 0;
  let errors = 0;
  let lastErrorLog = 0;
  let closed = false;
  const subscribers = new Set<(ev: SecurityEvent) => void>();
  const maskedCache = new WeakMap<SecurityEvent, SecurityEvent>();
  const masked = (ev: SecurityEvent): SecurityEvent => {
    let m = maskedCache.get(ev);
    if (m === undefined) {
      m = Object.freeze(baseMask(ev));
      maskedCache.set(ev, m);
    }
    return m;
  };
  const push = (ev: SecurityEvent): void => {
    if (size === 0) return;
    ring[next] = ev;
    next = (next + 1) % size;
    if (count < size) count++;
  };
  const previous = deps.previous === undefined ? undefined : kRaw.get(deps.previous);
  if (previous !== undefined) for (const ev of previous().slice(-size)) push(ev);

  const bus: EventBus = {
    emit(type: string, fields?: Record<string, unknown>): void {
      if (closed) return;
      try {
        const ev = normalise(type, fields);
        emitted++;
        if (emittedTotal !== undefined) {
          let c = byCategory.get(ev.category);
          if (c === undefined) {
            c = emittedTotal.labels({ category: ev.category });
            byCategory.set(ev.category, c);
          }
          c.inc();
        }
        push(ev);
        for (const s of sinks) if (s.accept(ev)) s.runner.push(ev);
        if (subscribers.size > 0) {
          const m = masked(ev);
          for (const fn of subscribers) {
            try {
              fn(m);
            } catch (err) {
              errors++;
              deps.logger.warn({ err }, 'security event subscriber threw');
            }
          }
        }
      } catch (err) {
        errors++;
        const now = Date.now();
        if (now - lastErrorLog > 10_000) {
          lastErrorLog = now;
          deps.logger.error({ err, event_type: String(type) }, 'security event could not be recorded');
        }
      }
    },

    recent(filter: RecentFilter = {}): SecurityEvent[] {
      const limit = Math.max(0, Math.min(filter.limit ?? 100, size));
      const types =
        filter.type === undefined
          ? undefined
          : new Set(typeof filter.type === 'string' ? [filter.type] : filter.type);
      const cats =
        filter.category === undefined
          ? undefined
          : new Set<string>(typeof filter.category === 'string' ? [filter.category] : filter.category);
      const since =
        filter.since === undefined
          ? undefined
          : typeof filter.since === 'number'
            ? filter.since
            : Date.parse(filter.since);
      const out: SecurityEvent[] = [];
      for (let i = 1; i <= count && out.length < limit; i++) {
        const ev = ring[(next - i + size) % size];
        if (ev === undefined) continue;
        if (since !== undefined && Date.parse(ev.time) < since) break;
        if (types !== undefined && !types.has(ev.type)) continue;
        if (cats !== undefined && !cats.has(ev.category)) continue;
        out.push(masked(ev));
      }
      return out;
    },

    subscribe(fn: (ev: SecurityEvent) => void): () => void {
      subscribers.add(fn);
      return () => {
        subscribers.delete(fn);
      };
    },

    stats(): EventBusStats {
      return { emitted, errors, recent: count, sinks: sinks.map((s) => s.runner.stats()) };
    },

    async close(graceMs?: number): Promise<void> {
      if (closed) return;
      closed = true;
      subscribers.clear();
      await Promise.all(
        sinks.map((s) => s.runner.close(graceMs ?? Math.min(s.timeoutMs, MAX_CLOSE_GRACE_MS))),
      );
    },
  };
  kRaw.set(bus, () => {
    const out: SecurityEvent[] = [];
    for (let i = count; i >= 1; i--) {
      const ev = ring[(next - i + size) % size];
      if (ev !== undefined) out.push(ev);
    }
    return out;
  });
  return bus;
}
