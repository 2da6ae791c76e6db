import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import pino, { type Logger } from 'pino';
import { adminConfigProblems } from '../admin/auth.ts';
import { type ConfigError, formatConfigErrors } from '../config/errors.ts';
import { deepFreeze } from '../config/freeze.ts';
import { type LoadedConfig, loadGatewayConfig, loadGatewayConfigText } from '../config/index.ts';
import { MAX_CONFIG_BYTES } from '../config/load.ts';
import { GatewayError } from '../errors/gateway-error.ts';
import type { LogContext, PolicyDefinition } from '../pipeline/types.ts';
import { builtinPolicies } from '../policies/index.ts';
import { ListenerSet } from '../server/listeners.ts';
import { CertificateStore } from '../server/tls.ts';
import { createLocalStore } from '../stores/local/index.ts';
import type { StateStore } from '../stores/types.ts';
import { setLoggerSecrets } from '../telemetry/logger.ts';
import type { Metrics } from '../telemetry/metrics.ts';
import { type Tracer, tracerFromEnv } from '../telemetry/tracing.ts';
import { type BuildDeps, buildRuntime, type GatewayConfig } from './build.ts';
import { GatewayTelemetry, type TelemetryPort } from './telemetry.ts';
import type { Runtime, RuntimeRef } from './types.ts';

/** What a Gateway needs from the process around it. */
export interface GatewayOptions {
  readonly configPath: string;
  readonly env: Record<string, string | undefined>;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Access logger used for every runtime (ignored when `accessLogFor` is given). */
  readonly accessLog: ((ctx: LogContext) => void) | undefined;
  /**
   * Builds the access logger for each config loaded, so a reload that changes
   * `logging.redact_query_params` / `redact_headers` takes effect.
   */
  readonly accessLogFor?: (config: GatewayConfig) => ((ctx: LogContext) => void) | undefined;
  readonly policies?: readonly PolicyDefinition[];
  /** Ports already bound by the first worker (multi-worker start with port 0). */
  readonly fixedPorts?: Record<string, number>;
  /** A config the caller already read and checked (see {@link Checked}); default: read `configPath`. */
  readonly checked?: Checked;
  /** Security events sink. */
  readonly event?: (type: string, fields: Record<string, unknown>) => void;
  /** The process's state store (see stores/from-config.ts); policies that need one fail at load without it. */
  readonly store?: StateStore;
  /** Tracer for OpenTelemetry spans; by default built from the OTEL_* variables of `env`. */
  readonly tracer?: Tracer;
  /** Event bus, anomaly detector and traffic statistics; by default built from the config. */
  readonly telemetry?: TelemetryPort;
}

/**
 * Outcome of {@link Gateway.reload}. `config_sha256` is the {@link configDigest} of the text that
 * was tried (absent when the file could not be read).
 */
export type ReloadResult =
  | { ok: true; generation: number; config_sha256?: string }
  | { ok: false; errors: ConfigError[]; config_sha256?: string };

/** A loaded config, or every problem found in it. */
export type CheckResult = { ok: true; value: LoadedConfig } | { ok: false; errors: ConfigError[] };

/**
 * A config already read and fully checked ({@link checkConfig}), with the digest of its text. The
 * main thread checks a file once and hands the result to every worker, which then only builds:
 * no worker parses, validates or reads the file again, so all of them apply the same config.
 */
export interface Checked {
  readonly loaded: LoadedConfig;
  readonly digest: string;
}

/** The part of a {@link Checked} config that crosses to a worker thread (structured clone). */
export interface CheckedMessage {
  readonly config: GatewayConfig;
  readonly secrets: readonly string[];
  readonly digest: string;
}

/** Flattens a checked config for `postMessage`. */
export function toMessage(checked: Checked): CheckedMessage {
  return { config: checked.loaded.config, secrets: [...checked.loaded.secrets], digest: checked.digest };
}

/**
 * Rebuilds a {@link Checked} config received from the main thread. It was positioned-checked
 * there; a build error here (rare: something changed on disk in between) is reported without a
 * position.
 */
export function fromMessage(file: string, m: CheckedMessage): Checked {
  const config = deepFreeze(m.config);
  return {
    digest: m.digest,
    loaded: {
      config,
      secrets: new Set(m.secrets),
      locateMessage: (message) => ({ file, line: 0, column: 0, path: '', pointer: '', message }),
    },
  };
}

/**
 * Reads a config file the way the config loader does (a regular file, at most
 * `MAX_CONFIG_BYTES`, strict UTF-8), or explains as a config error why it cannot be read. The
 * text is read once and then checked, applied and handed to every worker, so all of them apply
 * exactly the same bytes even when the file changes meanwhile.
 */
export function readConfig(file: string): { ok: true; text: string } | { ok: false; errors: ConfigError[] } {
  const fail = (message: string) => ({
    ok: false as const,
    errors: [{ file, line: 0, column: 0, path: '', pointer: '', message }],
  });
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    return fail(`cannot read configuration file (${(err as NodeJS.ErrnoException).code ?? 'read failed'})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return fail('cannot read configuration file (not a regular file)');
    const tooLarge = `configuration is larger than ${MAX_CONFIG_BYTES} bytes (4 MiB)`;
    if (st.size > MAX_CONFIG_BYTES) return fail(tooLarge);
    const buf = Buffer.allocUnsafe(st.size + 1);
    let len = 0;
    while (len < buf.length) {
      const n = readSync(fd, buf, len, buf.length - len, null);
      if (n === 0) break;
      len += n;
    }
    if (len > MAX_CONFIG_BYTES) return fail(tooLarge);
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, len)) };
    } catch {
      return fail('cannot read configuration file (not valid UTF-8)');
    }
  } catch (err) {
    return fail(`cannot read configuration file (${(err as NodeJS.ErrnoException).code ?? 'read failed'})`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Short SHA-256 of a config text, logged with every successful load so operators (and tests) can
 * tell which file content is live.
 */
export function configDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const ENTITY_NAMES: ReadonlyArray<readonly ['listeners' | 'upstreams' | 'services' | 'routes', string]> = [
  ['listeners', 'listener'],
  ['upstreams', 'upstream'],
  ['services', 'service'],
  ['routes', 'route'],
];

/**
 * Every reference problem of a schema-valid config (duplicate names, a route or service naming an
 * upstream or service that does not exist, a route with nowhere to send requests), as
 * `list.name.field: message` strings that `LoadedConfig.locateMessage` turns into positions.
 * `buildRuntime` stops at the first of these; this lists them all.
 *
 * @example
 * referenceProblems(config); // ['routes.orders.upstream: no upstream named "ordrs"']
 */
export function referenceProblems(config: GatewayConfig): string[] {
  const out: string[] = [];
  for (const [list, kind] of ENTITY_NAMES) {
    const first = new Map<string, number>();
    (config[list] as ReadonlyArray<{ name: string }>).forEach((e, i) => {
      const at = first.get(e.name);
      if (at === undefined) first.set(e.name, i);
      else
        out.push(
          `${list}.${e.name}.name: duplicate ${kind} name "${e.name}" (${list}[${at}] and ${list}[${i}])`,
        );
    });
  }
  const consumers = new Map<string, number>();
  config.consumers.forEach((c, i) => {
    const at = consumers.get(c.id);
    if (at === undefined) consumers.set(c.id, i);
    else
      out.push(
        `consumers.${c.id}.id: duplicate consumer id "${c.id}" (consumers[${at}] and consumers[${i}])`,
      );
  });
  const upstreams = new Set(config.upstreams.map((u) => u.name));
  const services = new Map(config.services.map((s) => [s.name, s]));
  for (const s of config.services) {
    if (s.upstream === undefined && s.url === undefined)
      out.push(`services.${s.name}: needs "upstream" or "url"`);
    else if (s.upstream !== undefined && s.url !== undefined)
      out.push(`services.${s.name}: "upstream" and "url" are exclusive`);
    else if (s.upstream !== undefined && !upstreams.has(s.upstream))
      out.push(`services.${s.name}.upstream: no upstream named "${s.upstream}"`);
  }
  const mockGlobal = config.policies?.['mock-response' as never] !== undefined;
  for (const r of config.routes) {
    if (r.service !== undefined && r.upstream !== undefined) {
      out.push(`routes.${r.name}: "service" and "upstream" are exclusive`);
      continue;
    }
    const service = r.service === undefined ? undefined : services.get(r.service);
    if (r.service !== undefined && service === undefined) {
      out.push(`routes.${r.name}.service: no service named "${r.service}"`);
      continue;
    }
    if (r.upstream !== undefined && !upstreams.has(r.upstream)) {
      out.push(`routes.${r.name}.upstream: no upstream named "${r.upstream}"`);
      continue;
    }
    const mock =
      mockGlobal ||
      r.policies?.['mock-response' as never] !== undefined ||
      service?.policies?.['mock-response' as never] !== undefined;
    if (r.service === undefined && r.upstream === undefined && !mock)
      out.push(`routes.${r.name}: needs "service", "upstream" or a "mock-response" policy`);
  }
  out.push(...adminConfigProblems(config.admin));
  return out;
}

/**
 * Loads a config (from `text` when given, else from the file) and runs every check that needs no
 * socket: schema, references between entities, and the listeners' TLS material (files readable,
 * key matches, passphrase right, cipher list acceptable). Every problem comes back positioned.
 */
export function loadChecked(
  file: string,
  text: string | undefined,
  env: Record<string, string | undefined>,
  policies: readonly PolicyDefinition[] = builtinPolicies,
): CheckResult {
  const loaded =
    text === undefined
      ? loadGatewayConfig(file, env, policies)
      : loadGatewayConfigText(text, file, env, policies);
  if (!loaded.ok) return loaded;
  const errors = referenceProblems(loaded.value.config).map((m) => loaded.value.locateMessage(m));
  for (const l of loaded.value.config.listeners) {
    if (!l.tls) continue;
    try {
      new CertificateStore(l.tls);
    } catch (err) {
      const msg = (err as Error).message.replace(/^tls\.[a-z_]+: /, '');
      errors.push(loaded.value.locateMessage(`listeners.${l.name}.tls: ${msg}`));
    }
  }
  if (errors.length === 0) return loaded;
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors };
}

/**
 * Everything `start` checks before opening a socket: {@link loadChecked} plus a throwaway build of
 * the runtime (policy factories, upstream specs, the router), which is retired at once.
 */
export function checkConfig(
  file: string,
  text: string | undefined,
  env: Record<string, string | undefined>,
  policies: readonly PolicyDefinition[] = builtinPolicies,
): CheckResult {
  const loaded = loadChecked(file, text, env, policies);
  if (!loaded.ok) return loaded;
  const logger = pino({ level: 'silent' });
  // Policies that keep state need a store to be created at all. The dry build gets a tiny local
  // one of its own: checking a file never connects to Redis nor touches the live counters.
  const store = createLocalStore({ capacity: 16 });
  try {
    const rt = buildRuntime(loaded.value.config, {
      logger,
      policies,
      metrics: { routeHandle: () => ({ observe() {} }), rejected() {} },
      accessLog: undefined,
      event() {},
      readFile: (p) => readFileSync(p, 'utf8'),
      generation: 0,
      store,
    });
    void rt.retire().finally(() => store.close());
  } catch (err) {
    void store.close();
    return { ok: false, errors: [loaded.value.locateMessage((err as Error).message)] };
  }
  return loaded;
}

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
  #queued: Promise<ReloadResult> | undefined;
  #queuedChecked: Checked | undefined;
  #closing: Promise<void> | undefined;
  #digest: string;
  config: GatewayConfig;
  secrets: Set<string>;

  private constructor(opts: GatewayOptions, loaded: LoadedConfig, rt: Runtime, digest: string) {
    this.#opts = opts;
    this.#digest = digest;
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
    this.#queued = undefined;
    this.#queuedChecked = undefined;
    this.#closing = undefined;
  }

  /** Security events, anomaly detection and traffic statistics of this gateway. */
  get telemetry(): TelemetryPort | undefined {
    return this.#opts.telemetry;
  }

  /** The policy set in use: the built-in policies unless the options name others. */
  static policies(opts: { policies?: readonly PolicyDefinition[] }): readonly PolicyDefinition[] {
    return opts.policies ?? builtinPolicies;
  }

  /**
   * Loads, validates and builds, then opens the listeners. Throws a ConfigLoadError listing every
   * problem; if a listener cannot be opened, whatever was opened is closed again before rethrowing.
   */
  static async start(options: GatewayOptions): Promise<Gateway> {
    const checked = options.checked
      ? { ok: true as const, value: options.checked }
      : Gateway.#readChecked(options);
    if (!checked.ok) throw new ConfigLoadError(checked.errors);
    const { loaded, digest } = checked.value;
    const telemetry =
      options.telemetry ??
      new GatewayTelemetry(loaded.config, {
        logger: options.logger,
        metrics: options.metrics,
        forward: options.event,
      });
    const opts: GatewayOptions = {
      ...options,
      tracer: options.tracer ?? tracerFromEnv(options.env, options.logger),
      telemetry,
    };
    const rt = Gateway.#build(opts, loaded, 1);
    if (!rt.ok) throw new ConfigLoadError(rt.errors);
    const gw = new Gateway(opts, loaded, rt.runtime, digest);
    try {
      await gw.listeners.apply(
        gw.#listenerConfigs(loaded.config),
        rt.runtime.listenerLimits,
        opts.fixedPorts,
      );
    } catch (err) {
      await gw.listeners.close(0);
      await rt.runtime.retire();
      throw err;
    }
    opts.metrics.configReload(true);
    return gw;
  }

  /** Reads the config file once and runs {@link loadChecked} on that text. */
  static #readChecked(
    opts: GatewayOptions,
  ): { ok: true; value: Checked } | { ok: false; errors: ConfigError[]; digest?: string } {
    const read = readConfig(opts.configPath);
    if (!read.ok) return read;
    const digest = configDigest(read.text);
    const loaded = loadChecked(opts.configPath, read.text, opts.env, Gateway.policies(opts));
    if (!loaded.ok) return { ok: false, errors: loaded.errors, digest };
    return { ok: true, value: { loaded: loaded.value, digest } };
  }

  static #build(
    opts: GatewayOptions,
    loaded: LoadedConfig,
    generation: number,
  ): { ok: true; runtime: Runtime } | { ok: false; errors: ConfigError[] } {
    const deps: BuildDeps = {
      logger: opts.logger,
      policies: Gateway.policies(opts),
      metrics: {
        routeHandle: (r, s, u) => opts.metrics.routeHandle(r, s, u),
        rejected: (reason) => opts.metrics.rejected(reason),
        decision: (policy, action, reason) => opts.metrics.policyDecision(policy, action, reason),
        healthChanged: (u, t, healthy) => opts.metrics.targetHealth(u, t, healthy),
        consumerRequest: (c, s, max) => opts.metrics.consumerRequest(c, s, max),
        decisionCounter: (p, a, r) => opts.metrics.decisionCounter(p, a, r),
      },
      accessLog: opts.accessLogFor ? opts.accessLogFor(loaded.config) : opts.accessLog,
      event:
        opts.telemetry?.event ??
        opts.event ??
        ((type, fields) =>
          opts.logger.warn({ 'event.kind': 'alert', 'event.action': type, ...fields }, type)),
      observe: opts.telemetry?.observe,
      readFile: (p) => readFileSync(p, 'utf8'),
      generation,
      store: opts.store,
      tracer: opts.tracer,
    };
    try {
      return { ok: true, runtime: buildRuntime(loaded.config, deps) };
    } catch (err) {
      return { ok: false, errors: [loaded.locateMessage((err as Error).message)] };
    }
  }

  #listenerConfigs(config: GatewayConfig) {
    return config.listeners.map((l) => ({ name: l.name, host: l.host, port: l.port, tls: l.tls }));
  }

  /** {@link configDigest} of the config text serving new requests. */
  get digest(): string {
    return this.#digest;
  }

  /** Generation of the runtime serving new requests (1 at start, +1 per successful reload). */
  get generation(): number {
    return this.#generation;
  }

  /**
   * Re-reads the config file (or applies `checked`, already read and checked by the main thread).
   * On any error the running config stays and the errors are returned (and logged). A call made
   * while a reload is running is not merged into it (that reload may have read the file before it
   * changed): one more reload runs after it, shared by every call made in the meantime, with the
   * newest `checked`.
   */
  reload(checked?: Checked): Promise<ReloadResult> {
    if (this.#reloading) {
      this.#queuedChecked = checked;
      this.#queued ??= this.#reloading.then(() => {
        this.#queued = undefined;
        const next = this.#queuedChecked;
        this.#queuedChecked = undefined;
        return this.reload(next);
      });
      return this.#queued;
    }
    this.#reloading = this.#reload(checked).finally(() => {
      this.#reloading = undefined;
    });
    return this.#reloading;
  }

  async #reload(pre: Checked | undefined): Promise<ReloadResult> {
    const opts = this.#opts;
    if (this.#closing) {
      const msg = 'the gateway is shutting down';
      return {
        ok: false,
        errors: [{ file: opts.configPath, line: 0, column: 0, path: '', pointer: '', message: msg }],
      };
    }
    const checked = pre === undefined ? Gateway.#readChecked(opts) : { ok: true as const, value: pre };
    if (!checked.ok) return this.#failed(checked.errors, checked.digest);
    const { loaded, digest } = checked.value;
    const next = Gateway.#build(opts, loaded, this.#generation + 1);
    if (!next.ok) return this.#failed(next.errors, digest);
    try {
      await this.listeners.apply(
        this.#listenerConfigs(loaded.config),
        next.runtime.listenerLimits,
        this.listeners.ports(),
      );
    } catch (err) {
      void next.runtime.retire();
      return this.#failed([loaded.locateMessage(`listeners: ${(err as Error).message}`)], digest);
    }
    const old = this.ref.current;
    this.ref.current = next.runtime;
    this.#generation = next.runtime.generation;
    this.#digest = digest;
    this.config = loaded.config;
    this.secrets = new Set([...this.secrets, ...loaded.secrets]);
    opts.telemetry?.apply(loaded.config);
    try {
      setLoggerSecrets(opts.logger, this.secrets);
    } catch {
      // A logger not made by createLogger (embedding callers): nothing to update.
    }
    opts.metrics.configReload(true);
    opts.logger.info({ generation: this.#generation, config_sha256: this.#digest }, 'configuration reloaded');
    void old.retire();
    return { ok: true, generation: this.#generation, config_sha256: digest };
  }

  #failed(errors: ConfigError[], digest?: string): ReloadResult {
    this.#opts.metrics.configReload(false);
    this.#opts.logger.error(
      { errors: formatConfigErrors(errors).split('\n') },
      'configuration reload failed; keeping the running configuration',
    );
    return { ok: false, errors, config_sha256: digest };
  }

  /** Bound ports by listener name. */
  ports(): Record<string, number> {
    return this.listeners.ports();
  }

  /**
   * Graceful stop: stop accepting, finish in-flight requests within the deadline, close pools. A
   * reload still running is finished first (it may be opening listeners); later reloads are refused.
   */
  close(deadlineMs = this.config.shutdown_timeout_ms): Promise<void> {
    this.#closing ??= (async () => {
      const running = this.#queued ?? this.#reloading;
      if (running) await running.catch(() => undefined);
      await this.listeners.close(deadlineMs);
      await this.ref.current.retire();
      await this.#opts.tracer?.close();
      await this.#opts.telemetry?.close();
    })();
    return this.#closing;
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
