/**
 * OpenTelemetry traces without the SDK's per-request cost: one SERVER span per request and one
 * CLIENT span for the upstream call, W3C `traceparent`/`tracestate` propagation, the standard samplers,
 * and a batch exporter speaking OTLP/HTTP with the JSON encoding (`POST {endpoint}/v1/traces`).
 *
 * Configured only by the standard environment variables, so it fits every OpenTelemetry deployment:
 * `OTEL_SDK_DISABLED`, `OTEL_TRACES_EXPORTER` (`otlp` or `none`), `OTEL_EXPORTER_OTLP_ENDPOINT`,
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, `OTEL_EXPORTER_OTLP(_TRACES)_HEADERS`,
 * `OTEL_EXPORTER_OTLP(_TRACES)_TIMEOUT`, `OTEL_EXPORTER_OTLP(_TRACES)_PROTOCOL` (`http/json`; a
 * protobuf request is answered with JSON and a warning), `OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`,
 * `OTEL_TRACES_SAMPLER` (`always_on`, `always_off`, `traceidratio`, `parentbased_*`; default
 * `parentbased_always_on`), `OTEL_TRACES_SAMPLER_ARG`, `OTEL_BSP_SCHEDULE_DELAY`,
 * `OTEL_BSP_MAX_QUEUE_SIZE`, `OTEL_BSP_MAX_EXPORT_BATCH_SIZE`. Tracing is off unless an OTLP endpoint
 * is set. A slow or dead collector never slows requests: spans wait in a bounded queue and the excess
 * is counted as dropped.
 */
import { randomFillSync } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';

/** What the tracer keeps on a request between begin and end. */
export interface TraceState {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly clientSpanId: string;
  readonly sampled: boolean;
  readonly tracestate: string | undefined;
}

/** The request fields the tracer reads when the response is done. */
export interface TracedExchange {
  readonly method: string;
  readonly path: string;
  readonly secure: boolean;
  readonly clientIp: string;
  readonly host: string;
  readonly start: number;
  readonly durationMs: number;
  readonly status: number;
  readonly upstreamMs: number | undefined;
  readonly upstreamStart?: number | undefined;
  readonly target: string | undefined;
  readonly route: { readonly name: string };
  readonly id: string;
  readonly headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>;
  readonly consumer?: { id: string } | undefined;
  trace?: TraceState | undefined;
}

type Sampler = (traceId: string, parentSampled: boolean | undefined) => boolean;

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-.*)?$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);
const idBuf = Buffer.alloc(4096);
let idPos = idBuf.length;

function randomHex(bytes: number): string {
  if (idPos + bytes > idBuf.length) {
    randomFillSync(idBuf);
    idPos = 0;
  }
  const s = idBuf.toString('hex', idPos, idPos + bytes);
  idPos += bytes;
  return s;
}

/**
 * Parses a W3C `traceparent` (version 00, or a later version read as 00 per the spec); undefined when
 * malformed or all-zero ids.
 *
 * @example
 * parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')
 * // { traceId: '4bf9…', spanId: '00f0…', sampled: true }
 */
export function parseTraceparent(
  value: unknown,
): { traceId: string; spanId: string; sampled: boolean } | undefined {
  if (typeof value !== 'string' || value.length > 512) return undefined;
  const m = TRACEPARENT.exec(value);
  if (m === null) return undefined;
  const [, version, traceId, spanId, flags] = m as unknown as [string, string, string, string, string];
  if (version === 'ff' || traceId === ZERO_TRACE || spanId === ZERO_SPAN) return undefined;
  if (version === '00' && value.length !== 55) return undefined;
  return { traceId, spanId, sampled: (Number.parseInt(flags, 16) & 1) === 1 };
}

/** Builds the sampler named by OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG. */
export function samplerFromEnv(name: string | undefined, arg: string | undefined): Sampler {
  const ratio = (() => {
    const r = arg === undefined || arg === '' ? 1 : Number(arg);
    return Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 1;
  })();
  // TraceIdRatioBased: the lower 8 bytes of the trace id as an unsigned number, below ratio·2^64.
  const bound = ratio * 2 ** 56;
  const byRatio = (traceId: string) => Number.parseInt(traceId.slice(18, 32), 16) < bound;
  switch ((name ?? 'parentbased_always_on').trim().toLowerCase()) {
    case 'always_on':
      return () => true;
    case 'always_off':
      return () => false;
    case 'traceidratio':
      return (t) => byRatio(t);
    case 'parentbased_always_off':
      return (_t, p) => p ?? false;
    case 'parentbased_traceidratio':
      return (t, p) => p ?? byRatio(t);
    default:
      return (_t, p) => p ?? true;
  }
}

function parseKv(s: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (s ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    try {
      out[decodeURIComponent(part.slice(0, eq).trim())] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed pair is skipped, as the SDKs do.
    }
  }
  return out;
}

function num(v: string | undefined, dflt: number, min: number): number {
  const n = v === undefined || v === '' ? Number.NaN : Number(v);
  return Number.isFinite(n) && n >= min ? n : dflt;
}

function nanos(perfMs: number): string {
  const us = Math.round((performance.timeOrigin + perfMs) * 1000);
  return (BigInt(us) * 1000n).toString();
}

type Attr = { key: string; value: { stringValue?: string; intValue?: string; boolValue?: boolean } };
const str = (key: string, v: string): Attr => ({ key, value: { stringValue: v } });
const int = (key: string, v: number): Attr => ({ key, value: { intValue: String(v) } });

/** Options of {@link Tracer}. */
export interface TracerOptions {
  readonly endpoint: string;
  readonly headers: Record<string, string>;
  readonly timeoutMs: number;
  readonly serviceName: string;
  readonly resource: Record<string, string>;
  readonly sampler: Sampler;
  readonly scheduleDelayMs: number;
  readonly maxQueue: number;
  readonly maxBatch: number;
  readonly logger: Logger;
  readonly version?: string;
}

/** Spans per request, a bounded queue and a batching OTLP/HTTP JSON exporter. */
export class Tracer {
  readonly #o: TracerOptions;
  #queue: unknown[] = [];
  #timer: NodeJS.Timeout | undefined;
  #sending: Promise<void> | undefined;
  #closed = false;
  /** Spans dropped because the queue was full or the collector refused them for good. */
  dropped = 0;
  /** Spans the collector accepted. */
  exported = 0;

  constructor(o: TracerOptions) {
    this.#o = o;
  }

  /**
   * Starts the request's trace: continues a valid incoming `traceparent` or starts a new trace, and
   * returns the `traceparent` to send upstream (naming the CLIENT span as the parent).
   */
  begin(ex: TracedExchange, headers: IncomingHttpHeaders): string {
    const parent = parseTraceparent(headers.traceparent);
    const traceId = parent?.traceId ?? randomHex(16);
    const sampled = this.#o.sampler(traceId, parent?.sampled);
    const ts = headers.tracestate;
    ex.trace = {
      traceId,
      spanId: randomHex(8),
      parentSpanId: parent?.spanId,
      clientSpanId: randomHex(8),
      sampled,
      tracestate: parent !== undefined && typeof ts === 'string' && ts.length <= 512 ? ts : undefined,
    };
    return `00-${traceId}-${ex.trace.clientSpanId}-${sampled ? '01' : '00'}`;
  }

  /** Ends the request's spans and queues them when sampled. */
  end(ex: TracedExchange): void {
    const t = ex.trace;
    if (t === undefined || !t.sampled || this.#closed) return;
    const route = ex.route.name;
    const status = ex.status;
    const attrs: Attr[] = [
      str('http.request.method', ex.method),
      str('url.path', ex.path),
      str('url.scheme', ex.secure ? 'https' : 'http'),
      str('client.address', ex.clientIp),
      str('server.address', ex.host),
      int('http.response.status_code', status),
      str('gatehouse.route', route),
      str('gatehouse.request_id', ex.id),
    ];
    const ua = ex.headers['user-agent'];
    if (typeof ua === 'string') attrs.push(str('user_agent.original', ua.slice(0, 256)));
    if (ex.consumer !== undefined) attrs.push(str('gatehouse.consumer.id', ex.consumer.id));
    const server: Record<string, unknown> = {
      traceId: t.traceId,
      spanId: t.spanId,
      name: `${ex.method} ${route}`,
      kind: 2,
      startTimeUnixNano: nanos(ex.start),
      endTimeUnixNano: nanos(ex.start + ex.durationMs),
      attributes: attrs,
      status: status >= 500 ? { code: 2 } : { code: 0 },
    };
    if (t.parentSpanId !== undefined) server.parentSpanId = t.parentSpanId;
    if (t.tracestate !== undefined) server.traceState = t.tracestate;
    this.#push(server);
    if (ex.target !== undefined && ex.upstreamStart !== undefined) {
      const end = ex.upstreamMs === undefined ? ex.start + ex.durationMs : ex.upstreamStart + ex.upstreamMs;
      const cattrs: Attr[] = [
        str('http.request.method', ex.method),
        int('http.response.status_code', status),
      ];
      try {
        const u = new URL(ex.target);
        cattrs.push(str('server.address', u.hostname), int('server.port', Number(u.port) || 80));
      } catch {
        cattrs.push(str('server.address', ex.target));
      }
      this.#push({
        traceId: t.traceId,
        spanId: t.clientSpanId,
        parentSpanId: t.spanId,
        name: ex.method,
        kind: 3,
        startTimeUnixNano: nanos(ex.upstreamStart),
        endTimeUnixNano: nanos(end),
        attributes: cattrs,
        status: ex.upstreamMs === undefined || status >= 500 ? { code: 2 } : { code: 0 },
      });
    }
  }

  #push(span: unknown): void {
    if (this.#queue.length >= this.#o.maxQueue) {
      this.dropped++;
      return;
    }
    this.#queue.push(span);
    if (this.#queue.length >= this.#o.maxBatch) this.#kick(0);
    else this.#kick(this.#o.scheduleDelayMs);
  }

  #kick(delay: number): void {
    if (this.#sending !== undefined) return;
    if (this.#timer !== undefined) {
      if (delay > 0) return;
      clearTimeout(this.#timer);
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#sending = this.#flushOnce().finally(() => {
        this.#sending = undefined;
        if (this.#queue.length > 0 && !this.#closed) this.#kick(this.#o.scheduleDelayMs);
      });
    }, delay);
    this.#timer.unref();
  }

  async #flushOnce(): Promise<void> {
    const batch = this.#queue.splice(0, this.#o.maxBatch);
    if (batch.length === 0) return;
    const body = JSON.stringify({
      resourceSpans: [
        {
          resource: {
            attributes: [
              str('service.name', this.#o.serviceName),
              ...Object.entries(this.#o.resource).map(([k, v]) => str(k, v)),
            ],
          },
          scopeSpans: [{ scope: { name: 'gatehouse', version: this.#o.version ?? '' }, spans: batch }],
        },
      ],
    });
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const res = await fetch(this.#o.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...this.#o.headers },
          body,
          signal: AbortSignal.timeout(this.#o.timeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) {
          this.exported += batch.length;
          return;
        }
        if (![429, 502, 503, 504].includes(res.status)) break;
      } catch {
        // Network error or timeout: retried below.
      }
      if (this.#closed) break;
      await new Promise((r) => setTimeout(r, 100 * 2 ** attempt + Math.random() * 100).unref());
    }
    this.dropped += batch.length;
    this.#o.logger.warn({ dropped: batch.length, endpoint: this.#o.endpoint }, 'trace export failed');
  }

  /** Exports what is queued (bounded by the export timeout), then stops. */
  async close(): Promise<void> {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#sending !== undefined) await this.#sending;
    while (this.#queue.length > 0) await this.#flushOnce();
    this.#closed = true;
  }

  /** Sends what is queued now (tests and shutdown). */
  async flush(): Promise<void> {
    if (this.#sending !== undefined) await this.#sending;
    while (this.#queue.length > 0) await this.#flushOnce();
  }
}

/**
 * The tracer the environment asks for, or undefined (no endpoint, `OTEL_SDK_DISABLED=true`, or
 * `OTEL_TRACES_EXPORTER=none`).
 *
 * @example
 * const tracer = tracerFromEnv(process.env, logger); // OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318
 */
export function tracerFromEnv(
  env: Record<string, string | undefined>,
  logger: Logger,
  version?: string,
): Tracer | undefined {
  if ((env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true') return undefined;
  const exporter = (env.OTEL_TRACES_EXPORTER ?? 'otlp').trim().toLowerCase();
  if (exporter === 'none') return undefined;
  const specific = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!specific && !base) return undefined;
  const endpoint = specific || `${base!.replace(/\/+$/, '')}/v1/traces`;
  try {
    const u = new URL(endpoint);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new TypeError(`OTEL_EXPORTER_OTLP_ENDPOINT: "${endpoint}" is not an http(s) URL`);
  }
  const protocol = (
    env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ??
    env.OTEL_EXPORTER_OTLP_PROTOCOL ??
    'http/json'
  ).trim();
  if (protocol !== 'http/json') {
    logger.warn(
      { protocol },
      'OTLP traces are exported with the http/json encoding (the only one supported)',
    );
  }
  const resource = parseKv(env.OTEL_RESOURCE_ATTRIBUTES);
  const serviceName = env.OTEL_SERVICE_NAME || resource['service.name'] || 'gatehouse';
  delete resource['service.name'];
  return new Tracer({
    endpoint,
    headers: {
      ...parseKv(env.OTEL_EXPORTER_OTLP_HEADERS),
      ...parseKv(env.OTEL_EXPORTER_OTLP_TRACES_HEADERS),
    },
    timeoutMs: num(env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT ?? env.OTEL_EXPORTER_OTLP_TIMEOUT, 10_000, 1),
    serviceName,
    resource,
    sampler: samplerFromEnv(env.OTEL_TRACES_SAMPLER, env.OTEL_TRACES_SAMPLER_ARG),
    scheduleDelayMs: num(env.OTEL_BSP_SCHEDULE_DELAY, 5000, 0),
    maxQueue: num(env.OTEL_BSP_MAX_QUEUE_SIZE, 2048, 1),
    maxBatch: num(env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE, 512, 1),
    logger,
    version,
  });
}
