import {
  type Aggregator,
  AggregatorRegistry,
  Counter,
  collectDefaultMetrics,
  Gauge,
  Registry,
} from 'prom-client';

/** Histogram buckets, in seconds, shared by every duration histogram. */
export const DURATION_BUCKETS: readonly number[] = Object.freeze([
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
]);

/** Method label values (OTel `http.request.method`); anything else is `_OTHER`. */
export const METHOD_LABELS: readonly string[] = Object.freeze([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'CONNECT',
  'TRACE',
  '_OTHER',
]);

/** Label value used when a cardinality cap is reached. */
export const OVERFLOW_LABEL = 'other';

const OTHER_METHOD = METHOD_LABELS.length - 1;

function methodIndex(method: string): number {
  switch (method) {
    case 'GET':
      return 0;
    case 'HEAD':
      return 1;
    case 'POST':
      return 2;
    case 'PUT':
      return 3;
    case 'PATCH':
      return 4;
    case 'DELETE':
      return 5;
    case 'OPTIONS':
      return 6;
    case 'CONNECT':
      return 7;
    case 'TRACE':
      return 8;
    default:
      return OTHER_METHOD;
  }
}

type Labels = Record<string, string>;

/** The JSON shape prom-client registries exchange (`getMetricsAsJSON()` items). */
export interface MetricJson {
  name: string;
  help: string;
  type: string;
  aggregator: Aggregator;
  values: Array<{ labels: Record<string, string | number>; value: number; metricName?: string }>;
}

/** One counter series: `value` is incremented in place on the hot path. */
interface CounterCell {
  value: number;
}

/** One histogram series: per-bucket (non-cumulative) counts, the last slot being +Inf. */
interface HistogramCell {
  readonly counts: Float64Array;
  sum: number;
  count: number;
}

/**
 * A labelled counter compatible with prom-client's Registry (`get()`, `reset()`), whose series are plain
 * cells obtained once and then incremented without hashing labels on every call.
 */
class CellCounter {
  readonly name: string;
  readonly help: string;
  readonly type = 'counter';
  readonly aggregator: Aggregator;
  readonly labelNames: readonly string[];
  readonly #series = new Map<string, { labels: Labels; cell: CounterCell }>();

  constructor(name: string, help: string, labelNames: readonly string[], aggregator: Aggregator = 'sum') {
    this.name = name;
    this.help = help;
    this.labelNames = labelNames;
    this.aggregator = aggregator;
  }

  /** The cell for these label values (created on first use). */
  cell(values: readonly string[]): CounterCell {
    const key = values.join('\u0000');
    let entry = this.#series.get(key);
    if (entry === undefined) {
      const labels: Labels = {};
      for (let i = 0; i < this.labelNames.length; i++) labels[this.labelNames[i]!] = values[i] ?? '';
      entry = { labels, cell: { value: 0 } };
      this.#series.set(key, entry);
    }
    return entry.cell;
  }

  get size(): number {
    return this.#series.size;
  }

  async get(): Promise<MetricJson> {
    const values: MetricJson['values'] = [];
    for (const { labels, cell } of this.#series.values())
      values.push({ labels: { ...labels }, value: cell.value });
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  reset(): void {
    for (const { cell } of this.#series.values()) cell.value = 0;
  }
}

/** A labelled histogram compatible with prom-client's Registry, with cells observed without label hashing. */
class CellHistogram {
  readonly name: string;
  readonly help: string;
  readonly type = 'histogram';
  readonly aggregator: Aggregator = 'sum';
  readonly labelNames: readonly string[];
  readonly bounds: Float64Array;
  readonly #series = new Map<string, { labels: Labels; cell: HistogramCell }>();

  constructor(name: string, help: string, labelNames: readonly string[], buckets: readonly number[]) {
    this.name = name;
    this.help = help;
    this.labelNames = labelNames;
    this.bounds = Float64Array.from(buckets);
  }

  cell(values: readonly string[]): HistogramCell {
    const key = values.join('\u0000');
    let entry = this.#series.get(key);
    if (entry === undefined) {
      const labels: Labels = {};
      for (let i = 0; i < this.labelNames.length; i++) labels[this.labelNames[i]!] = values[i] ?? '';
      entry = { labels, cell: { counts: new Float64Array(this.bounds.length + 1), sum: 0, count: 0 } };
      this.#series.set(key, entry);
    }
    return entry.cell;
  }

  async get(): Promise<MetricJson> {
    const values: MetricJson['values'] = [];
    const bucketName = `${this.name}_bucket`;
    for (const { labels, cell } of this.#series.values()) {
      let acc = 0;
      for (let i = 0; i < this.bounds.length; i++) {
        acc += cell.counts[i]!;
        values.push({ labels: { ...labels, le: this.bounds[i]! }, value: acc, metricName: bucketName });
      }
      values.push({ labels: { ...labels, le: '+Inf' }, value: cell.count, metricName: bucketName });
      values.push({ labels: { ...labels }, value: cell.sum, metricName: `${this.name}_sum` });
      values.push({ labels: { ...labels }, value: cell.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  reset(): void {
    for (const { cell } of this.#series.values()) {
      cell.counts.fill(0);
      cell.sum = 0;
      cell.count = 0;
    }
  }
}

function observeCell(bounds: Float64Array, cell: HistogramCell, value: number): void {
  if (!(value >= 0)) {
    if (Number.isNaN(value)) return; // NaN carries no information
    value = 0;
  }
  const n = bounds.length;
  let i = 0;
  while (i < n && value > bounds[i]!) i++;
  cell.counts[i]!++;
  cell.sum += value;
  cell.count++;
}

/** Per-route metrics handle, created once per compiled route at config load. */
export interface RouteMetrics {
  /**
   * Records one finished request. `durationSec` is the whole request; `upstreamSec` the upstream exchange
   * (undefined for local replies). Costs a Map lookup and a few additions.
   */
  observe(method: string, status: number, durationSec: number, upstreamSec: number | undefined): void;
}

/** Per-listener connection accounting. */
export interface ListenerMetrics {
  /** A connection was accepted. */
  opened(): void;
  /** A connection closed. */
  closed(): void;
}

/** Options of {@link createMetrics}. */
export interface MetricsOptions {
  /** Collect prom-client default process metrics (prefix `gatehouse_`). Default true; disable in workers. */
  defaultMetrics?: boolean;
  /** Distinct method+status combinations kept per route before they fold into `_OTHER`/`other`. Default 64. */
  maxSeriesPerRoute?: number;
  /** Distinct policy/action/reason combinations before they fold into reason `other`. Default 512. */
  maxDecisionSeries?: number;
  /** Distinct rejection reasons before they fold into `other`. Default 64. */
  maxRejectReasons?: number;
}

/** The gateway's metrics, all on one private Registry. */
export interface Metrics {
  readonly registry: Registry;
  /** A cached handle for one route; calling again with the same labels returns the same handle. */
  routeHandle(route: string, service: string | undefined, upstream: string | undefined): RouteMetrics;
  /** A cached connection handle for one listener. */
  listener(name: string): ListenerMetrics;
  /** Sets `gatehouse_upstream_target_healthy` for one target. */
  targetHealth(upstream: string, target: string, healthy: boolean): void;
  /** Removes the health series of a target that no longer exists after a reload. */
  forgetTarget(upstream: string, target: string): void;
  /** Counts a config reload; a success also stamps the last-success gauge (`at` in ms, default now). */
  configReload(success: boolean, at?: number): void;
  /** Counts one policy decision. */
  policyDecision(policy: string, action: string, reason: string): void;
  /** Counts a request refused before routing (bad framing, limits). */
  rejected(reason: string): void;
  /** A counter for one policy/action/reason, resolved once (config load) and incremented per request. */
  decisionCounter(policy: string, action: string, reason: string): () => void;
  /** Counts a request of an authenticated consumer; at most `max` consumers get their own series. */
  consumerRequest(consumer: string, status: number, max: number): void;
  /** Prometheus text exposition of this registry. */
  exposition(): Promise<{ contentType: string; body: string }>;
}

/**
 * Creates the gateway metrics on a private prom-client Registry. The per-request path goes through
 * {@link Metrics.routeHandle}: label sets are resolved once per route and cached per method+status, so
 * `observe()` never hashes labels.
 *
 * @example
 * const metrics = createMetrics();
 * const handle = metrics.routeHandle('orders', 'orders-svc', 'orders-pool'); // at config load
 * handle.observe('GET', 200, 0.0123, 0.0101);                             // per request
 * const { contentType, body } = await metrics.exposition();
 */
export function createMetrics(opts: MetricsOptions = {}): Metrics {
  const maxPerRoute = opts.maxSeriesPerRoute ?? 64;
  const maxDecisions = opts.maxDecisionSeries ?? 512;
  const maxReasons = opts.maxRejectReasons ?? 64;
  for (const [name, v] of [
    ['maxSeriesPerRoute', maxPerRoute],
    ['maxDecisionSeries', maxDecisions],
    ['maxRejectReasons', maxReasons],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new TypeError(`metrics ${name} must be a positive integer`);
  }

  const registry = new Registry();
  const requests = new CellCounter(
    'gatehouse_http_server_requests_total',
    'HTTP requests handled, by route, service, method and response status code.',
    ['route', 'service', 'method', 'status'],
  );
  const duration = new CellHistogram(
    'gatehouse_http_server_request_duration_seconds',
    'Duration of HTTP requests handled by the gateway, in seconds.',
    ['route', 'service'],
    DURATION_BUCKETS,
  );
  const upstreamDuration = new CellHistogram(
    'gatehouse_upstream_request_duration_seconds',
    'Duration of requests to upstreams, in seconds.',
    ['upstream'],
    DURATION_BUCKETS,
  );
  const connectionsTotal = new CellCounter(
    'gatehouse_connections_total',
    'Connections accepted, by listener.',
    ['listener'],
  );
  const decisions = new CellCounter(
    'gatehouse_policy_decisions_total',
    'Policy decisions (report-only included), by policy, action and reason.',
    ['policy', 'action', 'reason'],
  );
  const rejectedTotal = new CellCounter(
    'gatehouse_http_rejected_total',
    'Requests refused before routing (bad framing, limits), by reason.',
    ['reason'],
  );
  const consumerRequests = new CellCounter(
    'gatehouse_consumer_requests_total',
    'Requests by authenticated consumer and status class (opt-in: metrics.per_consumer; capped, the rest under "other").',
    ['consumer', 'status_class'],
  );
  for (const m of [
    requests,
    duration,
    upstreamDuration,
    connectionsTotal,
    decisions,
    rejectedTotal,
    consumerRequests,
  ]) {
    registry.registerMetric(m as never);
  }

  const connectionsActive = new Gauge({
    name: 'gatehouse_connections_active',
    help: 'Open connections, by listener.',
    labelNames: ['listener'],
    registers: [registry],
    aggregator: 'sum',
  });
  const targetHealthy = new Gauge({
    name: 'gatehouse_upstream_target_healthy',
    help: '1 when the upstream target is considered healthy, else 0 (minimum across workers).',
    labelNames: ['upstream', 'target'],
    registers: [registry],
    aggregator: 'min',
  });
  const reloads = new Counter({
    name: 'gatehouse_config_reloads_total',
    help: 'Configuration reloads, by result.',
    labelNames: ['result'],
    registers: [registry],
    aggregator: 'max',
  });
  const lastReload = new Gauge({
    name: 'gatehouse_config_last_reload_success_timestamp_seconds',
    help: 'Unix time of the last successful configuration load.',
    registers: [registry],
    aggregator: 'max',
  });

  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'gatehouse_' });

  interface RouteState {
    /** Method index * 1001 + status + 1 → counter cell (the overflow cell once the cap is reached). */
    readonly cells: Map<number, CounterCell>;
    distinct: number;
    overflow: CounterCell | undefined;
  }
  const routeHandles = new Map<string, RouteMetrics>();
  const routeStates = new Map<string, RouteState>();

  function routeHandle(
    route: string,
    service: string | undefined,
    upstream: string | undefined,
  ): RouteMetrics {
    if (typeof route !== 'string') throw new TypeError('routeHandle needs a route name');
    const svc = service ?? '';
    const handleKey = `${route}\u0000${svc}\u0000${upstream ?? '\u0001'}`;
    const existing = routeHandles.get(handleKey);
    if (existing !== undefined) return existing;

    // Method+status cells are shared by every handle of the same route+service, so reloads keep counting
    // and the cap holds across them.
    const stateKey = `${route}\u0000${svc}`;
    let state = routeStates.get(stateKey);
    if (state === undefined) {
      state = { cells: new Map(), distinct: 0, overflow: undefined };
      routeStates.set(stateKey, state);
    }
    const st = state;
    const cells = st.cells;
    const durationCell = duration.cell([route, svc]);
    const bounds = duration.bounds;
    const upstreamCell = upstream === undefined ? undefined : upstreamDuration.cell([upstream]);
    const upstreamBounds = upstreamDuration.bounds;

    function slowCell(key: number, mi: number, status: number): CounterCell {
      let cell: CounterCell;
      if (st.distinct >= maxPerRoute) {
        st.overflow ??= requests.cell([route, svc, METHOD_LABELS[OTHER_METHOD]!, OVERFLOW_LABEL]);
        cell = st.overflow;
      } else {
        cell = requests.cell([
          route,
          svc,
          METHOD_LABELS[mi]!,
          status === -1 ? OVERFLOW_LABEL : String(status),
        ]);
        st.distinct++;
      }
      cells.set(key, cell);
      return cell;
    }

    const handle: RouteMetrics = {
      observe(method, status, durationSec, upstreamSec) {
        const mi = methodIndex(method);
        const code = status >= 0 && status <= 999 ? status | 0 : -1;
        const key = mi * 1001 + code + 1;
        let cell = cells.get(key);
        if (cell === undefined) cell = slowCell(key, mi, code);
        cell.value++;
        observeCell(bounds, durationCell, durationSec);
        if (upstreamSec !== undefined && upstreamCell !== undefined) {
          observeCell(upstreamBounds, upstreamCell, upstreamSec);
        }
      },
    };
    routeHandles.set(handleKey, handle);
    return handle;
  }

  const listeners = new Map<string, ListenerMetrics>();
  function listener(name: string): ListenerMetrics {
    let handle = listeners.get(name);
    if (handle === undefined) {
      const total = connectionsTotal.cell([name]);
      const active = connectionsActive.labels(name);
      active.set(0);
      handle = {
        opened() {
          total.value++;
          active.inc();
        },
        closed() {
          active.dec();
        },
      };
      listeners.set(name, handle);
    }
    return handle;
  }

  const decisionCells = new Map<string, CounterCell>();
  function policyDecision(policy: string, action: string, reason: string): void {
    const key = `${policy}\u0000${action}\u0000${reason}`;
    let cell = decisionCells.get(key);
    if (cell === undefined) {
      cell =
        decisions.size >= maxDecisions
          ? decisions.cell([policy, action, OVERFLOW_LABEL])
          : decisions.cell([policy, action, reason]);
      if (decisionCells.size < maxDecisions * 4) decisionCells.set(key, cell);
    }
    cell.value++;
  }

  /** A pre-resolved decision counter (for counts taken on every request, e.g. `allow`). */
  function decisionCounter(policy: string, action: string, reason: string): () => void {
    const cell =
      decisions.size >= maxDecisions
        ? decisions.cell([policy, action, OVERFLOW_LABEL])
        : decisions.cell([policy, action, reason]);
    return () => {
      cell.value++;
    };
  }

  const rejectCells = new Map<string, CounterCell>();
  function rejected(reason: string): void {
    let cell = rejectCells.get(reason);
    if (cell === undefined) {
      cell =
        rejectCells.size >= maxReasons ? rejectedTotal.cell([OVERFLOW_LABEL]) : rejectedTotal.cell([reason]);
      if (rejectCells.size < maxReasons) rejectCells.set(reason, cell);
    }
    cell.value++;
  }

  const consumerCells = new Map<string, CounterCell>();
  const consumerNames = new Set<string>();
  function consumerRequest(consumer: string, status: number, max: number): void {
    const cls = status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
    const key = `${consumer}\u0000${cls}`;
    let cell = consumerCells.get(key);
    if (cell === undefined) {
      const known = consumerNames.has(consumer) || consumerNames.size < max;
      if (known) consumerNames.add(consumer);
      cell = consumerRequests.cell([known ? consumer : OVERFLOW_LABEL, cls]);
      if (consumerCells.size < max * 8) consumerCells.set(key, cell);
    }
    cell.value++;
  }

  return {
    registry,
    routeHandle,
    consumerRequest,
    listener,
    targetHealth(upstream, target, healthy) {
      targetHealthy.set({ upstream, target }, healthy ? 1 : 0);
    },
    forgetTarget(upstream, target) {
      targetHealthy.remove({ upstream, target });
    },
    configReload(success, at = Date.now()) {
      reloads.inc({ result: success ? 'success' : 'failure' });
      if (success) lastReload.set(at / 1000);
    },
    policyDecision,
    decisionCounter,
    rejected,
    async exposition() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/**
 * Sums the registries of several workers (each `registry.getMetricsAsJSON()`, e.g. sent over a
 * MessagePort) into one Registry the main thread can expose. Gauges use the aggregator set on them
 * (`min` for target health, `max` for reload bookkeeping, `sum` otherwise).
 *
 * @example
 * const jsons = await Promise.all(workers.map((w) => ask(w, 'metrics')));
 * const body = await aggregate([await metrics.registry.getMetricsAsJSON(), ...jsons]).metrics();
 */
export function aggregate(jsons: readonly (readonly object[])[]): Registry {
  return AggregatorRegistry.aggregate(jsons as object[][]) as Registry;
}
