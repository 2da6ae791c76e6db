import type { Static } from '@sinclair/typebox';
import type { Logger } from 'pino';
import type { buildConfigSchema } from '../config/schema.ts';
import { credentialsFor } from '../identity/credentials/index.ts';
import { createConsumerDirectory } from '../identity/directory.ts';
import { compileHeaderNameSet } from '../lib/headers.ts';
import { compileCidrSet } from '../lib/ip.ts';
import {
  AUTHN_BAND_END,
  type Chain,
  type CompiledRoute,
  type RouteMetricsLike,
} from '../pipeline/context.ts';
import type { RequestStep, ResponseStep } from '../pipeline/runner.ts';
import type {
  LogContext,
  PolicyDefinition,
  PolicyDeps,
  PolicyInstance,
  RequestContext,
} from '../pipeline/types.ts';
import { compileRouter, type RouteSpec } from '../router/index.ts';
import type { StateStore } from '../stores/types.ts';
import type { Tracer } from '../telemetry/tracing.ts';
import { createUpstream, type Upstream, type UpstreamSpec } from '../upstream/index.ts';
import type { ListenerLimits, Runtime } from './types.ts';

export type GatewayConfig = Static<ReturnType<typeof buildConfigSchema>>;
type RouteConfig = GatewayConfig['routes'][number];
type PolicyMap = Record<string, Record<string, unknown> | undefined>;

/** What building a runtime needs from the process around it. */
export interface BuildDeps {
  readonly logger: Logger;
  readonly policies: readonly PolicyDefinition[];
  readonly metrics: {
    routeHandle(route: string, service: string, upstream: string): RouteMetricsLike;
    rejected(reason: string): void;
    decision?(policy: string, action: string, reason: string): void;
    healthChanged?(upstream: string, target: string, healthy: boolean): void;
    consumerRequest?(consumer: string, status: number, max: number): void;
    decisionCounter?(policy: string, action: string, reason: string): () => void;
  };
  readonly accessLog: ((ctx: LogContext) => void) | undefined;
  readonly event: (type: string, fields: Record<string, unknown>) => void;
  /** Reads a file referenced by the config (TLS material for upstreams). */
  readonly readFile: (path: string) => string;
  readonly generation: number;
  /** The process's state store (outlives runtimes). */
  readonly store?: StateStore;
  /** The process's tracer (outlives runtimes); undefined when tracing is off. */
  readonly tracer?: Tracer;
  /** Sees every finished request (dashboard statistics, anomaly detection). */
  readonly observe?: (ctx: LogContext) => void;
}

interface PolicyUse {
  readonly def: PolicyDefinition;
  readonly instance: PolicyInstance;
  readonly reportOnly: boolean;
}

/** Formats an RFC 9745 Deprecation value (structured-field date: @unix-seconds). */
function sfDate(d: string): string {
  return `@${Math.floor(Date.parse(d) / 1000)}`;
}

/** Fills `{param}` placeholders of a rewrite template; compiled once per route. */
function compileRewrite(template: string): (params: Readonly<Record<string, string>>) => string {
  const parts = template.split(/(\{[A-Za-z_][A-Za-z0-9_]*\})/);
  if (parts.length === 1) return () => template;
  return (params) => {
    let out = '';
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      out += i % 2 === 1 ? (params[p.slice(1, -1)] ?? '') : p;
    }
    return out;
  };
}

function limitsFor(config: GatewayConfig, listener: GatewayConfig['listeners'][number]): ListenerLimits {
  const l = { ...config.limits, ...(listener.limits ?? {}) } as GatewayConfig['limits'];
  return Object.freeze({
    maxHeaderBytes: l.max_header_bytes,
    maxHeaderCount: l.max_header_count,
    maxUrlBytes: l.max_url_bytes,
    maxBodyBytes: l.max_body_bytes,
    headersTimeoutMs: l.headers_timeout_ms,
    requestTimeoutMs: l.request_timeout_ms,
    keepAliveTimeoutMs: l.keep_alive_timeout_ms,
    maxConnections: l.max_connections,
    maxConnectionsPerIp: l.max_connections_per_ip,
    maxRequestsPerConnection: l.max_requests_per_connection,
  });
}

/** Effective limits for every listener of a config, by listener name. */
export function listenerLimits(config: GatewayConfig): Map<string, ListenerLimits> {
  const m = new Map<string, ListenerLimits>();
  for (const l of config.listeners) m.set(l.name, limitsFor(config, l));
  return m;
}

function upstreamSpec(u: GatewayConfig['upstreams'][number], readFile: (p: string) => string): UpstreamSpec {
  const tls = u.tls
    ? {
        ca: u.tls.ca === undefined ? undefined : readFile(u.tls.ca),
        cert: u.tls.cert === undefined ? undefined : readFile(u.tls.cert),
        key: u.tls.key === undefined ? undefined : readFile(u.tls.key),
        servername: u.tls.servername,
        reject_unauthorized: u.tls.verify,
        min_version: u.tls.min_version,
      }
    : undefined;
  return {
    name: u.name,
    targets: u.targets.map((t) => ({ url: t.url, weight: t.weight })),
    balancer: u.balancer,
    hash_on: u.hash_on,
    connections: u.connections,
    keepalive_timeout_ms: u.keepalive_timeout_ms,
    http2: u.http2,
    timeouts: u.timeouts,
    tls,
    health_checks: u.health_checks,
    circuit_breaker: u.circuit_breaker,
    retries: u.retries,
  } as UpstreamSpec;
}

/** Sorts policy uses by order (desc, ties by name) and collects their hooks per phase. */
function compileChain(
  uses: ReadonlyMap<string, PolicyUse>,
  counter?: (policy: string, action: string, reason: string) => () => void,
): Chain {
  const chain = [...uses.values()].sort(
    (a, b) => b.def.order - a.def.order || a.def.name.localeCompare(b.def.name),
  );
  const requestSteps: RequestStep[] = [];
  const upstreamSteps: ((ctx: RequestContext) => void | Promise<void>)[] = [];
  const responseSteps: ResponseStep[] = [];
  const logSteps: ((ctx: LogContext) => void)[] = [];
  for (const p of chain) {
    const inst = p.instance;
    if (inst.onRequest) {
      requestSteps.push({
        policy: p.def.name,
        order: p.def.order,
        reportOnly: p.reportOnly,
        fn: inst.onRequest.bind(inst),
      });
    }
    if (inst.onUpstream) upstreamSteps.push(inst.onUpstream.bind(inst));
    if (inst.onResponse) responseSteps.push({ policy: p.def.name, fn: inst.onResponse.bind(inst) });
    if (inst.onLog) logSteps.push(inst.onLog.bind(inst));
  }
  const allowed =
    counter === undefined
      ? undefined
      : Object.freeze(
          [...new Set(requestSteps.map((s) => s.policy))].map((p) => counter(p, 'allow', 'passed')),
        );
  return Object.freeze({
    requestSteps: Object.freeze(requestSteps),
    upstreamSteps: Object.freeze(upstreamSteps),
    responseSteps: Object.freeze(responseSteps),
    logSteps: Object.freeze(logSteps),
    allowed,
  });
}

/**
 * Compiles a validated config into a Runtime: upstream pools, policy instances, per-route chains
 * and the router. Nothing here runs per request. Throws TypeError (with the entity named) for
 * anything that cannot work; the caller keeps the old runtime in that case.
 */
export function buildRuntime(config: GatewayConfig, deps: BuildDeps): Runtime {
  const byName = new Map(deps.policies.map((p) => [p.name, p]));
  const upstreams = new Map<string, Upstream>();
  const created: PolicyInstance[] = [];
  try {
    for (const u of config.upstreams) {
      if (upstreams.has(u.name)) throw new TypeError(`upstreams: duplicate name "${u.name}"`);
      upstreams.set(
        u.name,
        createUpstream(upstreamSpec(u, deps.readFile), {
          logger: deps.logger,
          onHealthChange: (target, healthy) => deps.metrics.healthChanged?.(u.name, target, healthy),
        }),
      );
    }
    const services = new Map<string, GatewayConfig['services'][number]>();
    for (const s of config.services) {
      if (services.has(s.name)) throw new TypeError(`services: duplicate name "${s.name}"`);
      if (s.upstream === undefined && s.url === undefined)
        throw new TypeError(`services.${s.name}: needs "upstream" or "url"`);
      if (s.upstream !== undefined && s.url !== undefined)
        throw new TypeError(`services.${s.name}: "upstream" and "url" are exclusive`);
      if (s.upstream !== undefined && !upstreams.has(s.upstream)) {
        throw new TypeError(`services.${s.name}.upstream: no upstream named "${s.upstream}"`);
      }
      if (s.url !== undefined) {
        const u = new URL(s.url);
        const name = `service:${s.name}`;
        upstreams.set(
          name,
          createUpstream(
            {
              name,
              targets: [{ url: u.origin, weight: 100 }],
              balancer: 'round-robin',
              connections: 128,
              keepalive_timeout_ms: 60_000,
              timeouts: { connect_ms: 5000, header_ms: 30_000, body_ms: 30_000 },
            } as UpstreamSpec,
            { logger: deps.logger },
          ),
        );
      }
      services.set(s.name, s);
    }

    // Consumers and credentials (config keys now; the persistent store opens when key-auth asks for it).
    const consumers = createConsumerDirectory(config.consumers);
    const credentials = credentialsFor(config, { logger: deps.logger, store: deps.store });
    created.push(credentials);

    // Policy instances: one per place a policy is configured, shared by every route inheriting it.
    const instances = new Map<string, PolicyUse>();
    const use = (name: string, cfg: Record<string, unknown>, scope: string): PolicyUse => {
      const key = `${name}@${scope}`;
      const have = instances.get(key);
      if (have) return have;
      const def = byName.get(name);
      if (!def) throw new TypeError(`${scope}: unknown policy "${name}"`);
      const { mode, ...rest } = cfg as { mode?: string };
      const policyConfig = def.supportsMode ? rest : cfg;
      let instance: PolicyInstance;
      try {
        instance = def.create(
          policyConfig as never,
          {
            logger: deps.logger.child({ policy: name, scope }),
            scope: key,
            mode: mode === 'report-only' ? 'report-only' : 'enforce',
            event: deps.event,
            consumers,
            credentials,
            store: deps.store,
          } as PolicyDeps,
        );
      } catch (err) {
        throw new TypeError(`${scope}.policies.${name}: ${(err as Error).message}`);
      }
      created.push(instance);
      const u: PolicyUse = { def, instance, reportOnly: mode === 'report-only' };
      instances.set(key, u);
      return u;
    };

    const routeSpecs: RouteSpec<CompiledRoute>[] = [];
    const seenRoutes = new Set<string>();
    for (const r of config.routes as RouteConfig[]) {
      if (seenRoutes.has(r.name)) throw new TypeError(`routes: duplicate name "${r.name}"`);
      seenRoutes.add(r.name);
      const service = r.service === undefined ? undefined : services.get(r.service);
      if (r.service !== undefined && !service)
        throw new TypeError(`routes.${r.name}.service: no service named "${r.service}"`);
      if (r.service !== undefined && r.upstream !== undefined)
        throw new TypeError(`routes.${r.name}: "service" and "upstream" are exclusive`);
      let upstreamName: string | undefined;
      if (service) upstreamName = service.upstream ?? `service:${service.name}`;
      else if (r.upstream !== undefined) {
        if (!upstreams.has(r.upstream))
          throw new TypeError(`routes.${r.name}.upstream: no upstream named "${r.upstream}"`);
        upstreamName = r.upstream;
      }
      const merged = new Map<string, PolicyUse>();
      const layer = (map: PolicyMap | undefined, scope: string) => {
        if (!map) return;
        for (const name of Object.keys(map)) {
          const cfg = map[name];
          if (cfg === undefined) continue;
          merged.set(name, use(name, cfg, scope));
        }
      };
      layer(config.policies as PolicyMap | undefined, 'global');
      if (service) layer(service.policies as PolicyMap | undefined, `service:${service.name}`);
      layer(r.policies as PolicyMap | undefined, `route:${r.name}`);
      if (upstreamName === undefined && !merged.has('mock-response')) {
        throw new TypeError(`routes.${r.name}: needs "service", "upstream" or a "mock-response" policy`);
      }
      const base = compileChain(merged, deps.metrics.decisionCounter);
      let consumerChains: Map<string, Chain> | undefined;
      for (const c of config.consumers) {
        if (!c.policies || Object.keys(c.policies).length === 0) continue;
        const withConsumer = new Map(merged);
        for (const name of Object.keys(c.policies)) {
          const cfg = (c.policies as PolicyMap)[name];
          if (cfg === undefined) continue;
          const u = use(name, cfg, `consumer:${c.id}`);
          if (u.def.order >= AUTHN_BAND_END) {
            throw new TypeError(
              `consumers.${c.id}.policies.${name}: authentication policies cannot be set per consumer`,
            );
          }
          withConsumer.set(name, u);
        }
        consumerChains ??= new Map();
        consumerChains.set(c.id, compileChain(withConsumer, deps.metrics.decisionCounter));
      }
      let authnEnd = 0;
      while (authnEnd < base.requestSteps.length && base.requestSteps[authnEnd]!.order >= AUTHN_BAND_END)
        authnEnd++;
      const responseHeaders: [string, string][] = [];
      if (r.deprecated !== undefined) responseHeaders.push(['deprecation', sfDate(r.deprecated)]);
      if (r.sunset !== undefined) responseHeaders.push(['sunset', new Date(r.sunset).toUTCString()]);
      const links: string[] = [];
      if (r.deprecation_link !== undefined) {
        links.push(`<${r.deprecation_link}>; rel="deprecation"; type="text/html"`);
        if (r.sunset !== undefined) links.push(`<${r.deprecation_link}>; rel="sunset"; type="text/html"`);
      }
      if (links.length) responseHeaders.push(['link', links.join(', ')]);
      const upstream = upstreamName === undefined ? undefined : upstreams.get(upstreamName);
      const upstreamCfg = config.upstreams.find((u) => u.name === upstreamName);
      const retries = upstreamCfg?.retries;
      const compiled: CompiledRoute = Object.freeze({
        info: Object.freeze({ name: r.name, service: service?.name, upstream: upstreamName }),
        ...base,
        consumerChains,
        authnEnd,
        upstream,
        servicePath: service?.url
          ? new URL(service.url).pathname.replace(/\/$/, '') + service.path
          : (service?.path ?? ''),
        stripPrefix: r.strip_prefix,
        rewrite: r.rewrite === undefined ? undefined : compileRewrite(r.rewrite),
        preserveHost: r.preserve_host,
        timeoutMs: r.timeout_ms,
        responseHeaders: Object.freeze(responseHeaders),
        metrics: deps.metrics.routeHandle(r.name, service?.name ?? '', upstreamName ?? ''),
        retryStatuses: retries ? new Set(retries.statuses) : undefined,
        retryAttempts: retries ? retries.attempts : 0,
      });
      routeSpecs.push({
        name: r.name,
        hosts: r.hosts,
        paths: r.paths,
        methods: r.methods,
        headers: r.headers,
        data: compiled,
      });
    }
    let router: Runtime['router'];
    try {
      router = compileRouter(routeSpecs);
    } catch (err) {
      throw new TypeError(`routes: ${(err as Error).message}`);
    }
    // Requests refused before routing still get the global request id (echoed, and as `instance`).
    const globalRequestId = (config.policies as PolicyMap | undefined)?.['request-id'];
    const unroutedChain = compileChain(
      globalRequestId === undefined
        ? new Map()
        : new Map([['request-id', use('request-id', globalRequestId, 'global')]]),
    );
    const unrouted: CompiledRoute = Object.freeze({
      info: Object.freeze({ name: '', service: undefined, upstream: undefined }),
      requestSteps: unroutedChain.requestSteps,
      upstreamSteps: [],
      responseSteps: unroutedChain.responseSteps,
      logSteps: [],
      consumerChains: undefined,
      authnEnd: 0,
      upstream: undefined,
      servicePath: '',
      stripPrefix: false,
      rewrite: undefined,
      preserveHost: false,
      timeoutMs: undefined,
      responseHeaders: [],
      metrics: deps.metrics.routeHandle('', '', ''),
      retryStatuses: undefined,
      retryAttempts: 0,
    });
    const trusted = config.trusted_proxies.length ? compileCidrSet(config.trusted_proxies) : undefined;
    const rt: Runtime = {
      generation: deps.generation,
      config: config as unknown as Record<string, unknown>,
      router,
      pathOptions: Object.freeze({
        allowEncodedSlash: config.paths.allow_encoded_slash,
        allowBackslash: config.paths.allow_backslash,
        allowSemicolon: config.paths.allow_semicolon,
        mergeSlashes: config.paths.merge_slashes,
      }),
      listenerLimits: listenerLimits(config),
      trustedProxies: trusted,
      stripHeaders: compileHeaderNameSet(config.strip_request_headers),
      via: config.via,
      serverHeader: config.server_header,
      accessLog: config.logging.access_log ? deps.accessLog : undefined,
      tracer: deps.tracer,
      observe: deps.observe,
      logger: deps.logger,
      counters: {
        rejected: (reason) => deps.metrics.rejected(reason),
        decision: (policy, action, reason) => deps.metrics.decision?.(policy, action, reason),
        consumer:
          config.metrics.per_consumer && deps.metrics.consumerRequest !== undefined
            ? (id, status) => deps.metrics.consumerRequest!(id, status, config.metrics.max_consumers)
            : undefined,
      },
      upstreams,
      unrouted,
      inflight: 0,
      async retire() {
        const deadline = Date.now() + 120_000;
        while (rt.inflight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        await Promise.allSettled([...upstreams.values()].map((u) => u.close()));
        await Promise.allSettled(created.map((p) => p.close?.()));
      },
    };
    for (const u of upstreams.values()) u.start();
    return rt;
  } catch (err) {
    for (const u of upstreams.values()) void u.close();
    for (const p of created) void p.close?.();
    throw err;
  }
}
