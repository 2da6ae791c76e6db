import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { ConfigError } from '../config/errors.ts';
import { type LoadedConfig, loadGatewayConfig } from '../config/index.ts';
import { GatewayError } from '../errors/gateway-error.ts';
import type { LogContext, PolicyDefinition } from '../pipeline/types.ts';
import { builtinPolicies } from '../policies/index.ts';
import { ListenerSet } from '../server/listeners.ts';
import type { Metrics } from '../telemetry/metrics.ts';
import { buildRuntime, type GatewayConfig } from './build.ts';
import type { Runtime, RuntimeRef } from './types.ts';

export interface GatewayOptions {
  readonly configPath: string;
  readonly env: Record<string, string | undefined>;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly accessLog: ((ctx: LogContext) => void) | undefined;
  readonly policies?: readonly PolicyDefinition[];
  /** Ports already bound by the first worker (multi-worker start with port 0). */
  readonly fixedPorts?: Record<string, number>;
  /** Security events sink. */
  readonly event?: (type: string, fields: Record<string, unknown>) => void;
}

export type ReloadResult = { ok: true; generation: number } | { ok: false; errors: ConfigError[] };

/**
 * One worker's gateway: listeners plus the current runtime. Reload builds the next runtime off to
 * the side and swaps a single reference; requests already running keep the runtime they started with.
 */
export class Gateway {
  readonly ref: RuntimeRef;
  readonly listeners: ListenerSet;
  readonly #opts: GatewayOptions;
  #generation: number;
  #reloading: Promise<ReloadResult> | undefined;
  config: GatewayConfig;
  secrets: Set<string>;

  private constructor(opts: GatewayOptions, loaded: LoadedConfig, rt: Runtime) {
    this.#opts = opts;
    this.ref = { current: rt };
    this.#generation = rt.generation;
    this.config = loaded.config;
    this.secrets = loaded.secrets;
    this.listeners = new ListenerSet(
      this.ref,
      {
        connectionOpened: (l) => opts.metrics.listener(l).opened(),
        connectionClosed: (l) => opts.metrics.listener(l).closed(),
        rejected: (r) => opts.metrics.rejected(r),
      },
      opts.logger,
      true,
    );
    this.#reloading = undefined;
  }

  static policies(opts: { policies?: readonly PolicyDefinition[] }): readonly PolicyDefinition[] {
    return opts.policies ?? builtinPolicies;
  }

  /** Loads, validates and builds; throws a ConfigLoadError listing every problem. */
  static async start(opts: GatewayOptions): Promise<Gateway> {
    const policies = Gateway.policies(opts);
    const loaded = loadGatewayConfig(opts.configPath, opts.env, policies);
    if (!loaded.ok) throw new ConfigLoadError(loaded.errors);
    const rt = Gateway.#build(opts, loaded.value, 1);
    if (!rt.ok) throw new ConfigLoadError(rt.errors);
    const gw = new Gateway(opts, loaded.value, rt.runtime);
    await gw.listeners.apply(
      gw.#listenerConfigs(loaded.value.config),
      rt.runtime.listenerLimits,
      opts.fixedPorts,
    );
    opts.metrics.configReload(true);
    return gw;
  }

  static #build(
    opts: GatewayOptions,
    loaded: LoadedConfig,
    generation: number,
  ): { ok: true; runtime: Runtime } | { ok: false; errors: ConfigError[] } {
    try {
      const runtime = buildRuntime(loaded.config, {
        logger: opts.logger,
        policies: Gateway.policies(opts),
        metrics: {
          routeHandle: (r, s, u) => opts.metrics.routeHandle(r, s, u),
          rejected: (reason) => opts.metrics.rejected(reason),
          decision: (policy, action, reason) => opts.metrics.policyDecision(policy, action, reason),
          healthChanged: (u, t, healthy) => opts.metrics.targetHealth(u, t, healthy),
        },
        accessLog: opts.accessLog,
        event:
          opts.event ??
          ((type, fields) =>
            opts.logger.warn({ 'event.kind': 'alert', 'event.action': type, ...fields }, type)),
        readFile: (p) => readFileSync(p, 'utf8'),
        generation,
      });
      return { ok: true, runtime };
    } catch (err) {
      return { ok: false, errors: [loaded.locateMessage((err as Error).message)] };
    }
  }

  #listenerConfigs(config: GatewayConfig) {
    return config.listeners.map((l) => ({ name: l.name, host: l.host, port: l.port, tls: l.tls }));
  }

  get generation(): number {
    return this.#generation;
  }

  /**
   * Re-reads the config file. Concurrent calls share one reload. On any error the running
   * config stays and the errors are returned (and logged).
   */
  reload(): Promise<ReloadResult> {
    if (this.#reloading) return this.#reloading;
    this.#reloading = this.#reload().finally(() => {
      this.#reloading = undefined;
    });
    return this.#reloading;
  }

  async #reload(): Promise<ReloadResult> {
    const opts = this.#opts;
    const loaded = loadGatewayConfig(opts.configPath, opts.env, Gateway.policies(opts));
    if (!loaded.ok) return this.#failed(loaded.errors);
    const next = Gateway.#build(opts, loaded.value, this.#generation + 1);
    if (!next.ok) return this.#failed(next.errors);
    try {
      await this.listeners.apply(
        this.#listenerConfigs(loaded.value.config),
        next.runtime.listenerLimits,
        this.listeners.ports(),
      );
    } catch (err) {
      void next.runtime.retire();
      return this.#failed([
        {
          file: opts.configPath,
          line: 0,
          column: 0,
          path: 'listeners',
          pointer: '/listeners',
          message: (err as Error).message,
        },
      ]);
    }
    const old = this.ref.current;
    this.ref.current = next.runtime;
    this.#generation = next.runtime.generation;
    this.config = loaded.value.config;
    this.secrets = loaded.value.secrets;
    opts.metrics.configReload(true);
    opts.logger.info({ generation: this.#generation }, 'configuration reloaded');
    void old.retire();
    return { ok: true, generation: this.#generation };
  }

  #failed(errors: ConfigError[]): ReloadResult {
    this.#opts.metrics.configReload(false);
    this.#opts.logger.error(
      { errors: errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.path}: ${e.message}`) },
      'configuration reload failed; keeping the running configuration',
    );
    return { ok: false, errors };
  }

  ports(): Record<string, number> {
    return this.listeners.ports();
  }

  /** Graceful stop: stop accepting, finish in-flight requests within the deadline, close pools. */
  async close(deadlineMs = this.config.shutdown_timeout_ms): Promise<void> {
    await this.listeners.close(deadlineMs);
    await this.ref.current.retire();
  }
}

/** Thrown by Gateway.start when the config is invalid. */
export class ConfigLoadError extends Error {
  readonly errors: ConfigError[];
  constructor(errors: ConfigError[]) {
    super(`invalid configuration (${errors.length} error${errors.length === 1 ? '' : 's'})`);
    this.name = 'ConfigLoadError';
    this.errors = errors;
  }
}

export { GatewayError };
