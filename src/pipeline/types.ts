import type { IncomingMessage } from 'node:http';
import type { Static, TSchema } from '@sinclair/typebox';
import type { Logger } from 'pino';
import type { CredentialSource } from '../identity/credentials/index.ts';
import type { AuthState, ConsumerDirectory } from '../identity/types.ts';
import type { StateStore } from '../stores/types.ts';

/** Phases in the order they run for one request. */
export type Phase = 'request' | 'upstream' | 'response' | 'log';

/** A header map with lower-case names. Values as Node gives them. */
export type HeaderMap = Record<string, string | string[] | undefined>;

/** A local reply a request-phase hook may return instead of proxying. */
export interface LocalReply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** What a policy decided, for logs and metrics (report-only decisions included). */
export interface PolicyDecision {
  policy: string;
  action: 'deny' | 'would-deny' | 'reply' | 'tag';
  reason: string;
  status?: number;
}

/** Compiled information about the matched route that policies may read. */
export interface RouteInfo {
  readonly name: string;
  readonly service: string | undefined;
  readonly upstream: string | undefined;
}

/**
 * Per-request state shared by every phase. Fields are read-mostly; the mutable ones are
 * the upstream request (`upstreamHeaders`, `upstreamPath`) and, in the response phase,
 * `responseHeaders`.
 */
export interface RequestContext {
  /** Request id (generated or propagated by `request-id`). */
  id: string;
  readonly req: IncomingMessage;
  readonly method: string;
  /** Normalized path exactly as it was matched (and, unless rewritten, forwarded). */
  readonly path: string;
  /** Raw query string without the leading `?` ('' when absent). */
  readonly query: string;
  /** Host (lower-case, no port) the request was addressed to. */
  readonly host: string;
  /** Client address after trusted-proxy processing. */
  readonly clientIp: string;
  /** Address of the TCP peer. */
  readonly peerIp: string;
  readonly secure: boolean;
  /** Incoming request headers (lower-case names, as parsed by Node). Do not mutate. */
  readonly headers: HeaderMap;
  readonly route: RouteInfo;
  /** Named path parameters captured by the router. */
  readonly params: Readonly<Record<string, string>>;
  /** Headers sent upstream. Policies in the request/upstream phases may edit them. */
  upstreamHeaders: Record<string, string | string[]>;
  /** Path (plus `?query`) sent upstream. */
  upstreamPath: string;
  /** Start time, `performance.now()` milliseconds. */
  readonly start: number;
  /** Free-form per-request state for policies, keyed by policy name. */
  readonly state: Record<string, unknown>;
  /** Decisions taken so far (including report-only ones). */
  readonly decisions: PolicyDecision[];
  /** Aborted when the client goes away or the request times out. */
  readonly signal: AbortSignal;
  /** Identity of the authenticated consumer, when an auth policy set one. */
  consumer: { id: string; groups: readonly string[] } | undefined;
  /**
   * Largest request body (bytes) this request may send. Starts at the listener limit; policies may only
   * lower it. Checked against Content-Length before the body is read and enforced while streaming.
   */
  maxBodyBytes: number;
  /** Authentication results so far (created on first use). */
  readonly auth: AuthState;
  /**
   * A policy that reads the request body calls this first: it answers `Expect: 100-continue` (once) so
   * the client starts sending. Absent on contexts without a client connection (unit tests).
   */
  sendContinue?(): void;
}

/** Response-phase view: status and headers can still be changed before they are written. */
export interface ResponseContext extends RequestContext {
  status: number;
  /** Response headers (lower-case names) that will be written to the client. */
  responseHeaders: Record<string, string | string[]>;
  /** True when the response is a local reply or a gateway error rather than the upstream's. */
  readonly local: boolean;
}

/** Log-phase view: everything is final and read-only. */
export interface LogContext extends Readonly<RequestContext> {
  readonly status: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly durationMs: number;
  readonly upstreamMs: number | undefined;
  readonly error: Error | undefined;
  readonly target: string | undefined;
}

export type HookResult = void | LocalReply | undefined;
export type MaybePromise<T> = T | Promise<T>;

/** The hooks a created policy instance offers; only the phases it needs. */
export interface PolicyInstance {
  /** Before routing to the upstream. Return a LocalReply or throw a GatewayError to stop. */
  onRequest?(ctx: RequestContext): MaybePromise<HookResult>;
  /** Last chance to change the upstream request (headers, path) right before it is sent. */
  onUpstream?(ctx: RequestContext): MaybePromise<void>;
  /** Before the response head is written (upstream responses and local replies alike). */
  onResponse?(ctx: ResponseContext): MaybePromise<void>;
  /** After the response finished. Must not throw; must not block. */
  onLog?(ctx: LogContext): void;
  /** Called when the runtime this instance belongs to is retired after a reload. */
  close?(): void | Promise<void>;
}

/** Services handed to every policy factory. */
export interface PolicyDeps {
  readonly logger: Logger;
  /** Policy name + where it is attached, e.g. `cors@route:orders`. */
  readonly scope: string;
  /** `enforce` or `report-only` (policies that support modes); `enforce` for the others. */
  readonly mode: 'enforce' | 'report-only';
  /** Record a security-relevant event (structured, redacted by the sink). */
  readonly event: (type: string, fields: Record<string, unknown>) => void;
  /** Consumers known to the gateway (config and credential store). */
  readonly consumers?: ConsumerDirectory;
  /** The shared state store (exact across workers; across nodes with Redis). */
  readonly store?: StateStore;
  /** API-key credentials: config keys, then the persistent store. */
  readonly credentials?: CredentialSource;
}

export type PolicyStatus = 'stable' | 'beta' | 'experimental';
export type PolicyPosture = 'hardened' | 'trusted-only';

/**
 * The one object a policy module exports.
 *
 * @example
 * export const requestSizeLimit = definePolicy({
 *   name: 'request-size-limit', order: 450, phases: ['request'], status: 'stable', posture: 'hardened',
 *   description: 'Caps request bodies.', supportsMode: true,
 *   schema: Type.Object({ max_bytes: Type.Integer({ default: 1048576, description: '…' }) }),
 *   create(config) { return { onRequest(ctx) { … } }; },
 * });
 */
export interface PolicyDefinition<S extends TSchema = TSchema> {
  /** kebab-case, unique; also the YAML key. */
  readonly name: string;
  /** Higher runs first. Bands: identity 900s, deny lists 800s, authn 700s, authz 600s, limits 500s, validation 400s, transforms 300s, observe 100s. */
  readonly order: number;
  readonly phases: readonly Phase[];
  readonly status: PolicyStatus;
  readonly posture: PolicyPosture;
  readonly description: string;
  /** When true the composed schema adds `mode: enforce | report-only`. */
  readonly supportsMode: boolean;
  /** TypeBox schema of the policy's config, every field with description and default. */
  readonly schema: S;
  /** Runs once per config load. Throw TypeError for options that cannot work. */
  create(config: Static<S>, deps: PolicyDeps): PolicyInstance;
}

export function definePolicy<S extends TSchema>(def: PolicyDefinition<S>): PolicyDefinition<S> {
  return Object.freeze(def);
}
