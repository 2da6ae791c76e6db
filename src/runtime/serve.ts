import { watch } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import pino, { type Logger } from 'pino';
import { fileConfigControl, gatewayUpstreams } from '../admin/gateway-control.ts';
import { type AdminServer, createAdminServer } from '../admin/server.ts';
import { type ConfigError, formatConfigErrors } from '../config/errors.ts';
import type { EventCategory } from '../events/index.ts';
import { type CredentialStore, openEmbeddedCredentialStore } from '../identity/credentials/index.ts';
import { shadowInventory } from '../openapi/inventory.ts';
import { storeFromConfig } from '../stores/from-config.ts';
import type { StateStore } from '../stores/types.ts';
import { createAccessLogger } from '../telemetry/access-log.ts';
import { closeLogger, createLogger } from '../telemetry/logger.ts';
import { aggregate, createMetrics, type Metrics } from '../telemetry/metrics.ts';
import { banRegistry } from '../traffic/bans.ts';
import { quotaUsage } from '../traffic/quotas.ts';
import type { GatewayConfig } from './build.ts';
import {
  type Checked,
  ConfigLoadError,
  checkConfig,
  configDigest,
  Gateway,
  type ReloadResult,
  readConfig,
  toMessage,
} from './gateway.ts';
import { GatewayTelemetry, type TelemetryBatch } from './telemetry.ts';

/** Options of {@link serve}. */
export interface ServeOptions {
  readonly configPath: string;
  readonly env: Record<string, string | undefined>;
  /** Overrides `workers` from the file. */
  readonly workers?: number;
  /** Printed once listening (the CLI prints where to send a request). */
  readonly onReady?: (info: {
    listeners: Record<string, number>;
    admin: number | undefined;
    config: GatewayConfig;
  }) => void;
  /** Watch the config file and reload on change (default true). */
  readonly watch?: boolean;
}

/** A running gateway (one thread or several workers) with its admin listener. */
export interface Served {
  readonly ports: Record<string, number>;
  /** Digest of the config text the latest reload tried (or the one started with). */
  lastTried(): string | undefined;
  readonly adminPort: number | undefined;
  /** `shutdown_timeout_ms` of the configuration currently applied. */
  readonly shutdownTimeoutMs: number;
  reload(): Promise<ReloadResult>;
  close(): Promise<void>;
}

/**
 * Header names that carry credentials in this config beyond the defaults: every `key-auth.header`
 * (global, per service, route or consumer), so a custom key header is redacted without being listed.
 */
export function credentialHeaders(config: GatewayConfig): string[] {
  const out = new Set<string>();
  const visit = (policies: unknown): void => {
    const ka = (policies as Record<string, unknown> | undefined)?.['key-auth'] as
      | { header?: unknown }
      | undefined;
    if (ka !== undefined && typeof ka.header === 'string') out.add(ka.header.toLowerCase());
  };
  const c = config as unknown as {
    policies?: unknown;
    services?: Array<{ policies?: unknown }>;
    routes?: Array<{ policies?: unknown }>;
    consumers?: Array<{ policies?: unknown }>;
  };
  visit(c.policies);
  for (const list of [c.services, c.routes, c.consumers]) for (const e of list ?? []) visit(e.policies);
  return [...out];
}

/** Builds the access logger for a config. */
export function accessLoggerFor(config: GatewayConfig, logger: Logger) {
  return createAccessLogger({
    enabled: config.logging.access_log,
    logger,
    redactQueryParams: config.logging.redact_query_params,
    redactHeaders: [...config.logging.redact_headers, ...credentialHeaders(config)],
  });
}

function workerCount(config: GatewayConfig, override: number | undefined): number {
  if (override !== undefined) return override;
  return config.workers === 'auto' ? availableParallelism() : config.workers;
}

function logReloadFailure(logger: Logger, errors: readonly ConfigError[]): void {
  logger.error(
    { errors: formatConfigErrors(errors).split('\n') },
    'configuration reload failed; keeping the running configuration',
  );
}

/** Debounced reload on file change (editors write via rename, so the directory is watched). */
function watchConfig(file: string, reload: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const name = basename(file);
  try {
    const w = watch(dirname(resolve(file)), { persistent: false }, (_ev, f) => {
      if (f !== null && f !== name) return;
      clearTimeout(timer);
      timer = setTimeout(reload, 250);
    });
    return () => {
      clearTimeout(timer);
      w.close();
    };
  } catch {
    return () => {};
  }
}

/**
 * Serializes reloads: a request made while one runs is not merged into it (that one may have read
 * the file before it changed); one more runs afterwards, shared by every request made meanwhile.
 * `idle()` resolves once nothing is running or queued.
 */
function serialized(run: () => Promise<ReloadResult>): {
  reload: () => Promise<ReloadResult>;
  idle: () => Promise<unknown>;
} {
  let running: Promise<ReloadResult> | undefined;
  let queued: Promise<ReloadResult> | undefined;
  const start = (): Promise<ReloadResult> => {
    running = run().finally(() => {
      running = undefined;
    });
    return running;
  };
  return {
    reload() {
      if (!running) return start();
      queued ??= running.then(() => {
        queued = undefined;
        return start();
      });
      return queued;
    },
    idle: () => (queued ?? running ?? Promise.resolve()).catch(() => undefined),
  };
}

/**
 * Runs the gateway: checks the config as `validate` does, serves in this thread (one worker) or in
 * N worker threads sharing each listener port through SO_REUSEPORT, then opens the admin listener.
 * If anything fails to start, whatever was started is stopped again before the error is thrown.
 */
export async function serve(opts: ServeOptions): Promise<Served> {
  // SIGHUP's default action ends the process: from the first moment, one that arrives while
  // starting is remembered and served as a reload once started.
  let hupWhileStarting = false;
  const onEarlyHup = () => {
    hupWhileStarting = true;
  };
  process.on('SIGHUP', onEarlyHup);
  try {
    return await serveStarted(opts, () => hupWhileStarting);
  } finally {
    process.off('SIGHUP', onEarlyHup);
  }
}

async function serveStarted(opts: ServeOptions, hupWhileStarting: () => boolean): Promise<Served> {
  const read = readConfig(opts.configPath);
  if (!read.ok) throw new ConfigLoadError(read.errors);
  const pre = checkConfig(opts.configPath, read.text, opts.env);
  if (!pre.ok) throw new ConfigLoadError(pre.errors);
  const config = pre.value.config;
  const checked: Checked = { loaded: pre.value, digest: configDigest(read.text) };
  const logger = createLogger({
    level: config.logging.level,
    destination: config.logging.destination,
    secrets: pre.value.secrets,
  });
  const n = workerCount(config, opts.workers);
  const metrics = createMetrics();
  let core: Core;
  try {
    core =
      n <= 1
        ? await startInline(opts, checked, logger, metrics)
        : await startWorkers(opts, checked, logger, metrics, n);
  } catch (err) {
    await closeLogger(logger);
    throw err;
  }
  let served: Served;
  try {
    served = await withAdmin(opts, config, logger, core);
  } catch (err) {
    await core.close();
    await closeLogger(logger);
    throw err;
  }
  // A file change reloads only when the content differs from what the last reload tried: saving
  // the file and sending SIGHUP, or an editor touching it, does not reload (or fail) twice.
  const onChange = () => {
    const now = readConfig(opts.configPath);
    if (now.ok && configDigest(now.text) === served.lastTried()) return;
    void served.reload();
  };
  const stopWatch = opts.watch === false ? () => {} : watchConfig(opts.configPath, onChange);
  const onHup = () => void served.reload();
  process.on('SIGHUP', onHup);
  if (hupWhileStarting()) onHup();
  const wrapped: Served = {
    ports: served.ports,
    adminPort: served.adminPort,
    get shutdownTimeoutMs() {
      return core.shutdownTimeoutMs();
    },
    reload: served.reload,
    lastTried: served.lastTried,
    close: async () => {
      stopWatch();
      process.off('SIGHUP', onHup);
      await served.close();
      await closeLogger(logger);
    },
  };
  opts.onReady?.({ listeners: served.ports, admin: served.adminPort, config });
  return wrapped;
}

/** What `GET /status` on the admin listener tells about the configuration (nothing secret). */
export interface ConfigStatus {
  /** Runtime generation serving new requests: 1 at start, +1 per successful reload. */
  generation: number;
  /** Short SHA-256 of the config text applied (in every worker). */
  config_sha256: string;
  workers: number;
  /** The latest reload attempt, or null before the first. */
  last_reload: { ok: boolean; at: string; errors?: string[] } | null;
}

interface Core {
  ports: Record<string, number>;
  /** The config serving now (for the admin API's config control). */
  appliedConfig(): { digest: string; config: GatewayConfig; secrets: ReadonlySet<string> };
  /** Events, statistics and anomalies (in this thread: single-worker mode only). */
  telemetry: GatewayTelemetry | undefined;
  /** Upstream target health (single-worker mode). */
  upstreams: (() => readonly unknown[]) | undefined;
  /** The process's state store, when it lives in this thread. */
  store: StateStore | undefined;
  /** Generation and digest of the config applied everywhere. */
  applied(): { generation: number; config_sha256: string };
  workers: number;
  metricsText(): Promise<{ contentType: string; body: string }>;
  reload(): Promise<ReloadResult>;
  close(): Promise<void>;
  ready(): boolean;
  shutdownTimeoutMs(): number;
}

async function startInline(
  opts: ServeOptions,
  checked: Checked,
  logger: Logger,
  metrics: Metrics,
): Promise<Core> {
  // One state store for the process; reloads keep it (changing `state` needs a restart).
  const { store } = storeFromConfig(checked.loaded.config, logger);
  const telemetry = new GatewayTelemetry(checked.loaded.config, { logger, metrics });
  let gw: Gateway;
  try {
    gw = await Gateway.start({
      configPath: opts.configPath,
      env: opts.env,
      checked,
      logger,
      metrics,
      accessLog: undefined,
      accessLogFor: (c) => accessLoggerFor(c, logger),
      store,
      telemetry,
    });
  } catch (err) {
    await telemetry.close();
    await store.close();
    throw err;
  }
  return {
    ports: gw.ports(),
    applied: () => ({ generation: gw.generation, config_sha256: gw.digest }),
    appliedConfig: () => ({ digest: gw.digest, config: gw.config, secrets: gw.secrets }),
    telemetry,
    upstreams: gatewayUpstreams(gw),
    store,
    workers: 1,
    metricsText: () => metrics.exposition(),
    reload: () => gw.reload(),
    async close() {
      await gw.close();
      await store.close();
    },
    ready: () => true,
    shutdownTimeoutMs: () => gw.config.shutdown_timeout_ms,
  };
}

/** The writable credential store the admin API creates, rotates and revokes keys in (or none). */
function adminCredentialStore(
  config: GatewayConfig,
  core: Core,
  logger: Logger,
): CredentialStore | undefined {
  const c = config.credentials;
  if (c.store === 'embedded') return openEmbeddedCredentialStore({ path: c.path, store: core.store, logger });
  return undefined;
}

async function withAdmin(
  opts: ServeOptions,
  config: GatewayConfig,
  logger: Logger,
  core: Core,
): Promise<Served> {
  let adminPort: number | undefined;
  let admin: AdminServer | undefined;
  let credentials: CredentialStore | undefined;
  let closing = false;
  let lastReload: ConfigStatus['last_reload'] = null;
  let lastTried: string | undefined = core.applied().config_sha256;
  const reload = async (): Promise<ReloadResult> => {
    const r = await core.reload();
    lastTried = r.config_sha256;
    lastReload = r.ok
      ? { ok: true, at: new Date().toISOString() }
      : { ok: false, at: new Date().toISOString(), errors: formatConfigErrors(r.errors).split('\n') };
    // A reload from the file or SIGHUP lands in the admin API's history and audit log.
    if (r.ok) admin?.syncConfig();
    return r;
  };
  const status = (): ConfigStatus => ({ ...core.applied(), workers: core.workers, last_reload: lastReload });
  if (config.admin.enabled) {
    credentials = adminCredentialStore(config, core, logger);
    const telemetry = core.telemetry;
    const a = createAdminServer({
      host: config.admin.host,
      port: config.admin.port,
      metrics: core.metricsText,
      ready: () => !closing && core.ready(),
      status,
      logger,
      stateDir: config.admin.state_dir,
      config: fileConfigControl({
        path: opts.configPath,
        env: opts.env,
        applied: core.appliedConfig,
        reload,
      }),
      credentials,
      upstreams: core.upstreams,
      recentEvents:
        telemetry === undefined
          ? undefined
          : (f) =>
              telemetry.bus.recent({
                ...(f.type === undefined ? {} : { type: f.type }),
                ...(f.category === undefined ? {} : { category: f.category as EventCategory }),
                ...(f.since === undefined ? {} : { since: f.since }),
                limit: f.limit,
              }) as unknown as readonly Readonly<Record<string, unknown>>[],
      bans: {
        list: async () => banRegistry.list().map((b) => ({ key: b.id, ...b })),
        lift: (key) => banRegistry.lift(key),
      },
      dashboard: telemetry === undefined ? undefined : { stats: telemetry.stats },
      shadowApis: () => shadowInventory(),
      onLockout: (ip, seconds) =>
        telemetry?.event('auth_blocked', {
          'event.reason': 'admin_locked_out',
          'client.ip': ip,
          'gatehouse.route': 'admin',
          'gatehouse.ban.seconds': seconds,
        }),
      // Every admin action and config change also goes to the security-event stream (OCSF API Activity).
      onAudit: (e) =>
        telemetry?.event('config_admin_action', {
          'event.reason': e.action,
          'event.outcome': e.outcome,
          'user.name': e.actor,
          'user.roles': e.role,
          'client.ip': e.source_ip,
          'http.request.id': e.request_id,
          'gatehouse.audit.seq': e.seq,
          'gatehouse.audit.target': e.target,
          'gatehouse.audit.hash': e.hash,
        }),
      quotas:
        core.store === undefined
          ? undefined
          : {
              list: async ({ consumer }) =>
                (await quotaUsage(core.store!, core.appliedConfig().config, consumer)) as unknown as Array<
                  Record<string, unknown>
                >,
            },
    });
    adminPort = (await a.listen()).port;
    admin = a;
  }
  return {
    ports: core.ports,
    adminPort,
    shutdownTimeoutMs: core.shutdownTimeoutMs(),
    reload,
    lastTried: () => lastTried,
    async close() {
      closing = true;
      await core.close();
      await admin?.close();
      await credentials?.close?.();
    },
  };
}

type FromWorker =
  | { type: 'log'; data: string }
  | { type: 'listening'; ports: Record<string, number> }
  | { type: 'failed'; message: string; errors?: ConfigError[] }
  | { type: 'reloaded'; id: number; result: ReloadResult }
  | { type: 'metrics'; id: number; json: object[] }
  | { type: 'telemetry'; batch: TelemetryBatch };

function workerUrl(): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./worker${ext}`, import.meta.url);
}

/** One worker thread and the replies it still owes. */
interface WorkerHandle {
  readonly index: number;
  readonly worker: Worker;
  readonly pending: Map<number, (v: unknown) => void>;
  /** Resolves with the bound ports once the worker listens; rejects if it cannot start. */
  readonly listening: Promise<Record<string, number>>;
  started: boolean;
}

/** How long a worker may take to answer a metrics scrape before it is left out. */
const METRICS_REPLY_MS = 5000;
/** How long a worker may take to apply a reload. */
const RELOAD_REPLY_MS = 60_000;
/** Delay before a worker that died is replaced. */
const RESPAWN_DELAY_MS = 1000;

function shuttingDown(file: string): ConfigError[] {
  return [{ file, line: 0, column: 0, path: '', pointer: '', message: 'the gateway is shutting down' }];
}

/**
 * Starts `n` worker threads. All of them load their modules at once; the first one is then told to
 * listen, and the others bind the ports it got (which matters for port 0). Reloads are read and
 * checked here, once, and the same checked config goes to every worker; if some apply it and
 * others fail, the first ones are put back on the running config.
 */
async function startWorkers(
  opts: ServeOptions,
  initial: Checked,
  logger: Logger,
  metrics: Metrics,
  n: number,
): Promise<Core> {
  const handles: (WorkerHandle | undefined)[] = new Array(n).fill(undefined);
  let seq = 0;
  let stopping = false;
  let applied = initial;
  let generation = 1;
  let ports: Record<string, number> = {};
  // The local state store lives in shared memory: created here, attached to by every worker, so
  // limits are exact across them. With Redis each worker opens its own connections.
  // With Redis, each worker opens its own connections; this thread opens one more set only for the admin
  // API's reads (quota usage), never on the request path.
  const backend = initial.loaded.config.state.backend;
  const local =
    backend === 'local' || (backend === 'redis' && initial.loaded.config.admin.enabled !== false)
      ? storeFromConfig(initial.loaded.config, logger)
      : undefined;
  const dest =
    (logger as unknown as Record<symbol, { write(s: string): void } | undefined>)[pino.symbols.streamSym] ??
    process.stdout;
  // Events and request samples of every worker meet here: one bus (sinks, recent buffer), one set of
  // dashboard statistics, one anomaly detector. Workers log their events themselves.
  const telemetry = new GatewayTelemetry(initial.loaded.config, {
    logger,
    metrics,
    logEvents: false,
    onAction: (action) => {
      for (const h of handles) h?.worker.postMessage({ type: 'anomaly-action', action });
    },
  });

  const youngGenerationMb = configUsesPolicy(initial.loaded.config, 'waf') ? 96 : 24;
  const spawn = (index: number): WorkerHandle => {
    const w = new Worker(workerUrl(), {
      workerData: { configPath: opts.configPath, env: opts.env, index },
      env: opts.env as NodeJS.ProcessEnv,
      stdout: false,
      stderr: false,
      // Same young-generation cap as the main thread gets from bin/gatehouse.mjs (semi-space 8 MiB), but four
      // times that with a `waf` policy: inspecting a request body allocates a few MiB of short-lived views, and
      // with the small cap about 15 % of the WAF's CPU went to scavenges (bench/RESULTS.md, 16 KiB JSON POST).
      resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb },
    });
    let resolveL!: (p: Record<string, number>) => void;
    let rejectL!: (e: Error) => void;
    const listening = new Promise<Record<string, number>>((res, rej) => {
      resolveL = res;
      rejectL = rej;
    });
    listening.catch(() => undefined);
    const h: WorkerHandle = { index, worker: w, pending: new Map(), listening, started: false };
    handles[index] = h;
    w.on('message', (m: FromWorker) => {
      switch (m.type) {
        case 'log':
          dest.write(m.data);
          break;
        case 'telemetry':
          telemetry.ingest(m.batch);
          break;
        case 'listening':
          h.started = true;
          resolveL(m.ports);
          break;
        case 'failed':
          rejectL(m.errors ? new ConfigLoadError(m.errors) : new Error(m.message));
          break;
        case 'reloaded':
        case 'metrics': {
          const r = h.pending.get(m.id);
          h.pending.delete(m.id);
          r?.(m.type === 'reloaded' ? m.result : m.json);
          break;
        }
      }
    });
    w.on('error', (err) => {
      logger.error({ err, worker: index }, 'worker crashed');
      rejectL(err);
    });
    w.on('exit', (code) => {
      for (const r of h.pending.values()) r(undefined);
      h.pending.clear();
      if (handles[index] === h) handles[index] = undefined;
      rejectL(new Error(`worker ${index} exited (${code}) before listening`));
      if (stopping || !h.started) return;
      logger.error({ worker: index, code }, `worker ${index} exited; starting a replacement`);
      const again = setTimeout(() => {
        if (stopping) return;
        const r = spawn(index);
        listen(r, ports).then(
          () => logger.info({ worker: index }, `worker ${index} replaced`),
          (err: Error) =>
            logger.error({ worker: index, err: err.message }, `worker ${index} could not be replaced`),
        );
      }, RESPAWN_DELAY_MS);
      again.unref();
    });
    return h;
  };

  const listen = (h: WorkerHandle, fixedPorts: Record<string, number> | undefined) => {
    h.worker.postMessage({ type: 'start', checked: toMessage(applied), fixedPorts, store: local?.handle });
    return h.listening;
  };

  /** Sends a request to one worker; resolves undefined if it does not answer in time or exits. */
  const ask = <T>(h: WorkerHandle, msg: Record<string, unknown>, timeoutMs: number): Promise<T | undefined> =>
    new Promise((res) => {
      const id = ++seq;
      const timer = setTimeout(() => {
        h.pending.delete(id);
        res(undefined);
      }, timeoutMs);
      h.pending.set(id, (v) => {
        clearTimeout(timer);
        res(v as T | undefined);
      });
      h.worker.postMessage({ ...msg, id });
    });

  const live = () => handles.filter((h): h is WorkerHandle => h?.started === true);

  const stopAll = async (deadlineMs: number): Promise<void> => {
    stopping = true;
    await Promise.all(
      handles.map((h) => {
        if (!h) return undefined;
        return new Promise<void>((res) => {
          const kill = setTimeout(() => void h.worker.terminate(), deadlineMs + 5000);
          h.worker.once('exit', () => {
            clearTimeout(kill);
            res();
          });
          if (h.started) h.worker.postMessage({ type: 'shutdown' });
          else void h.worker.terminate();
        });
      }),
    );
  };

  try {
    // Module loading is the slow part of a worker's start: all of them do it at the same time.
    const all = Array.from({ length: n }, (_, i) => spawn(i));
    ports = await listen(all[0]!, undefined);
    await Promise.all(all.slice(1).map((h) => listen(h, ports)));
  } catch (err) {
    await stopAll(0);
    await local?.store.close();
    throw err;
  }
  logger.info({ workers: n }, 'workers started');

  const reloadOnce = async (): Promise<ReloadResult> => {
    let tried: string | undefined;
    const fail = (errors: ConfigError[]): ReloadResult => {
      metrics.configReload(false);
      logReloadFailure(logger, errors);
      return { ok: false, errors, config_sha256: tried };
    };
    if (stopping) return fail(shuttingDown(opts.configPath));
    const read = readConfig(opts.configPath);
    if (!read.ok) return fail(read.errors);
    tried = configDigest(read.text);
    // Checked here, once: a bad file never reaches a worker, and every worker gets the same config.
    const check = checkConfig(opts.configPath, read.text, opts.env);
    if (!check.ok) return fail(check.errors);
    const next: Checked = { loaded: check.value, digest: tried };
    const targets = live();
    const results = await Promise.all(
      targets.map((h) => ask<ReloadResult>(h, { type: 'reload', checked: toMessage(next) }, RELOAD_REPLY_MS)),
    );
    const bad = results.findIndex((r) => r === undefined || !r.ok);
    if (bad >= 0) {
      const r = results[bad];
      const message = `worker ${targets[bad]!.index} did not apply the configuration`;
      const errors =
        r && !r.ok
          ? r.errors
          : [{ file: opts.configPath, line: 0, column: 0, path: '', pointer: '', message }];
      const ahead = targets.filter((_, i) => results[i]?.ok === true);
      if (ahead.length > 0) {
        // Some workers applied it, others did not: put the first ones back on the running config,
        // so every worker keeps serving the same one.
        logger.error(
          { workers: ahead.map((h) => h.index) },
          'configuration applied by some workers only; reverting them',
        );
        const back = toMessage(applied);
        await Promise.all(ahead.map((h) => ask(h, { type: 'reload', checked: back }, RELOAD_REPLY_MS)));
      }
      return fail(errors);
    }
    applied = next;
    telemetry.apply(next.loaded.config);
    metrics.configReload(true);
    generation++;
    logger.info(
      { workers: targets.length, generation, config_sha256: next.digest },
      'configuration reloaded in every worker',
    );
    return { ok: true, generation, config_sha256: next.digest };
  };
  const { reload, idle } = serialized(reloadOnce);

  return {
    ports,
    applied: () => ({ generation, config_sha256: applied.digest }),
    appliedConfig: () => ({
      digest: applied.digest,
      config: applied.loaded.config,
      secrets: applied.loaded.secrets,
    }),
    telemetry,
    upstreams: undefined,
    // The shared local store lives in this thread; with Redis, a connection of its own for admin reads.
    store: local?.store,
    workers: n,
    ready: () => live().length > 0,
    async metricsText() {
      const jsons = await Promise.all(
        live().map((h) => ask<object[]>(h, { type: 'metrics' }, METRICS_REPLY_MS)),
      );
      const own = await metrics.registry.getMetricsAsJSON();
      const reg = aggregate([own, ...jsons.filter((j): j is object[] => j !== undefined)]);
      return { contentType: reg.contentType, body: await reg.metrics() };
    },
    reload,
    async close() {
      stopping = true;
      await idle();
      await stopAll(applied.loaded.config.shutdown_timeout_ms);
      await telemetry.close();
      await local?.store.close();
    },
    shutdownTimeoutMs: () => applied.loaded.config.shutdown_timeout_ms,
  };
}

export { ConfigLoadError };

/**
 * True when any `policies` map of the config (global, service or route) attaches the named policy; decided once
 * at start (worker resource limits cannot change without a restart).
 */
export function configUsesPolicy(config: unknown, name: string): boolean {
  const seen = new Set<unknown>();
  const walk = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return false;
    seen.add(v);
    if (Array.isArray(v)) return v.some(walk);
    const o = v as Record<string, unknown>;
    const p = o.policies;
    if (p !== null && typeof p === 'object' && !Array.isArray(p) && Object.hasOwn(p, name)) return true;
    return Object.values(o).some(walk);
  };
  return walk(config);
}
