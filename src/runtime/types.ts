import type { Logger } from 'pino';
import type { HeaderNameSet } from '../lib/headers.ts';
import type { CidrSet } from '../lib/ip.ts';
import type { PathOptions } from '../lib/path.ts';
import type { CompiledRoute } from '../pipeline/context.ts';
import type { LogContext } from '../pipeline/types.ts';
import type { Router } from '../router/index.ts';
import type { Tracer } from '../telemetry/tracing.ts';
import type { Upstream } from '../upstream/index.ts';

/** Effective limits of one listener (global limits with the listener's overrides). */
export interface ListenerLimits {
  readonly maxHeaderBytes: number;
  readonly maxHeaderCount: number;
  readonly maxUrlBytes: number;
  readonly maxBodyBytes: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly maxConnections: number;
  readonly maxConnectionsPerIp: number;
  readonly maxRequestsPerConnection: number;
}

/** Counters the request path bumps. */
export interface RequestCounters {
  /** A request refused before routing (framing, limits, no route). */
  rejected(reason: string): void;
  /** A policy decision (deny, would-deny, reply). */
  decision(policy: string, action: string, reason: string): void;
  /** A finished request of an authenticated consumer; undefined unless `metrics.per_consumer`. */
  readonly consumer: ((consumer: string, status: number) => void) | undefined;
}

/**
 * Everything compiled from one config: swapped atomically on reload. A request keeps the runtime
 * it started with until it finishes.
 */
export interface Runtime {
  readonly generation: number;
  readonly config: Readonly<Record<string, unknown>>;
  readonly router: Router<CompiledRoute>;
  readonly pathOptions: PathOptions;
  readonly listenerLimits: ReadonlyMap<string, ListenerLimits>;
  readonly trustedProxies: CidrSet | undefined;
  readonly stripHeaders: HeaderNameSet;
  readonly via: boolean;
  readonly serverHeader: boolean;
  readonly accessLog: ((ctx: LogContext) => void) | undefined;
  /** OpenTelemetry spans and traceparent propagation (undefined when tracing is off). */
  readonly tracer: Tracer | undefined;
  /** Sees every finished request (traffic statistics, anomaly baselines), access log on or off. */
  readonly observe: ((ctx: LogContext) => void) | undefined;
  readonly logger: Logger;
  readonly counters: RequestCounters;
  readonly upstreams: ReadonlyMap<string, Upstream>;
  /** Placeholder route for requests refused before routing (logs and metrics still see them). */
  readonly unrouted: CompiledRoute;
  /** Requests currently being served by this runtime. */
  inflight: number;
  /** Stops health checks and closes pools once in-flight requests are done. */
  retire(): Promise<void>;
}

/** A mutable pointer to the current runtime: the one thing a reload changes. */
export interface RuntimeRef {
  current: Runtime;
}
