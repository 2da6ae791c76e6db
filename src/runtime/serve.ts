import { watch } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import pino, { type Logger } from 'pino';
import { createAdminServer } from '../admin/server.ts';
import { formatConfigErrors } from '../config/errors.ts';
import { loadGatewayConfig } from '../config/index.ts';
import { builtinPolicies } from '../policies/index.ts';
import { createAccessLogger } from '../telemetry/access-log.ts';
import { closeLogger, createLogger } from '../telemetry/logger.ts';
import { aggregate, createMetrics } from '../telemetry/metrics.ts';
import type { GatewayConfig } from './build.ts';
import { ConfigLoadError, Gateway, type ReloadResult } from './gateway.ts';

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

export interface Served {
  readonly ports: Record<string, number>;
  readonly adminPort: number | undefined;
  reload(): Promise<ReloadResult>;
  close(): Promise<void>;
}

/** Builds the access logger for a config. */
export function accessLoggerFor(config: GatewayConfig, logger: Logger) {
  return createAccessLogger({
    enabled: config.logging.access_log,
    logger,
    redactQueryParams: config.logging.redact_query_params,
    redactHeaders: config.logging.redact_headers,
  });
}

function workerCount(config: GatewayConfig, override: number | undefined): number {
  if (override !== undefined) return override;
  return config.workers === 'auto' ? availableParallelism() : config.workers;
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
 * Runs the gateway: validates the config, opens the admin listener, and serves in this thread
 * (one worker) or in N worker threads sharing each listener port through SO_REUSEPORT.
 */
export async function serve(opts: ServeOptions): Promise<Served> {
  const pre = loadGatewayConfig(opts.configPath, opts.env, builtinPolicies);
  if (!pre.ok) throw new ConfigLoadError(pre.errors);
  const config = pre.value.config;
  const logger = createLogger({
    level: config.logging.level,
    destination: config.logging.destination,
    secrets: pre.value.secrets,
  });
  const n = workerCount(config, opts.workers);
  const metrics = createMetrics();
  let served: Served;
  if (n <= 1) {
    const gw = await Gateway.start({
      configPath: opts.configPath,
      env: opts.env,
      logger,
      metrics,
      accessLog: accessLoggerFor(config, logger),
    });
    served = await withAdmin(config, logger, {
      ports: gw.ports(),
      metricsText: () => metrics.exposition(),
      reload: () => gw.reload(),
      close: () => gw.close(),
      ready: () => true,
    });
  } else {
    served = await startWorkers(opts, config, logger, metrics, n);
  }
  const stopWatch =
    opts.watch === false ? () => {} : watchConfig(opts.configPath, () => void served.reload());
  const onHup = () => void served.reload();
  process.on('SIGHUP', onHup);
  const close = served.close;
  const wrapped: Served = {
    ...served,
    close: async () => {
      stopWatch();
      process.off('SIGHUP', onHup);
      await close();
      await closeLogger(logger);
    },
  };
  opts.onReady?.({ listeners: served.ports, admin: served.adminPort, config });
  return wrapped;
}

interface Core {
  ports: Record<string, number>;
  metricsText(): Promise<{ contentType: string; body: string }>;
  reload(): Promise<ReloadResult>;
  close(): Promise<void>;
  ready(): boolean;
}

async function withAdmin(config: GatewayConfig, logger: Logger, core: Core): Promise<Served> {
  let adminPort: number | undefined;
  let admin: { close(): Promise<void> } | undefined;
  let closing = false;
  if (config.admin.enabled) {
    const a = createAdminServer({
      host: config.admin.host,
      port: config.admin.port,
      metrics: core.metricsText,
      ready: () => !closing && core.ready(),
      logger,
    });
    adminPort = (await a.listen()).port;
    admin = a;
    logger.info({ host: config.admin.host, port: adminPort }, 'admin listening');
  }
  return {
    ports: core.ports,
    adminPort,
    reload: core.reload,
    async close() {
      closing = true;
      await core.close();
      await admin?.close();
    },
  };
}

type FromWorker =
  | { type: 'log'; data: string }
  | { type: 'listening'; ports: Record<string, number> }
  | { type: 'failed'; message: string; errors?: unknown }
  | { type: 'reloaded'; id: number; result: ReloadResult }
  | { type: 'metrics'; id: number; json: object[] }
  | { type: 'closed' };

function workerUrl(): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./worker${ext}`, import.meta.url);
}

async function startWorkers(
  opts: ServeOptions,
  config: GatewayConfig,
  logger: Logger,
  metrics: ReturnType<typeof createMetrics>,
  n: number,
): Promise<Served> {
  const workers: Worker[] = [];
  let seq = 0;
  const pending = new Map<number, (v: unknown) => void>();
  const dest =
    (logger as unknown as Record<symbol, { write(s: string): void } | undefined>)[pino.symbols.streamSym] ??
    process.stdout;
  const spawn = (
    fixedPorts: Record<string, number> | undefined,
    index: number,
  ): Promise<Record<string, number>> =>
    new Promise((resolveP, rejectP) => {
      const w = new Worker(workerUrl(), {
        workerData: { configPath: opts.configPath, env: opts.env, fixedPorts, index },
        env: opts.env as NodeJS.ProcessEnv,
        stdout: false,
        stderr: false,
      });
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        switch (m.type) {
          case 'log':
            dest.write(m.data);
            break;
          case 'listening':
            resolveP(m.ports);
            break;
          case 'failed':
            rejectP(m.errors ? new ConfigLoadError(m.errors as never) : new Error(m.message));
            break;
          case 'reloaded':
          case 'metrics': {
            const r = pending.get(m.id);
            pending.delete(m.id);
            r?.(m.type === 'reloaded' ? m.result : m.json);
            break;
          }
        }
      });
      w.on('error', (err) => {
        logger.error({ err, worker: index }, 'worker crashed');
        rejectP(err);
      });
    });
  const ask = <T>(w: Worker, msg: Record<string, unknown>): Promise<T> =>
    new Promise((res) => {
      const id = ++seq;
      pending.set(id, res as (v: unknown) => void);
      w.postMessage({ ...msg, id });
    });
  const first = await spawn(undefined, 0);
  await Promise.all(Array.from({ length: n - 1 }, (_, i) => spawn(first, i + 1)));
  logger.info({ workers: n }, 'workers started');
  const core: Core = {
    ports: first,
    ready: () => true,
    async metricsText() {
      const jsons = await Promise.all(workers.map((w) => ask<object[]>(w, { type: 'metrics' })));
      const own = await metrics.registry.getMetricsAsJSON();
      const reg = aggregate([own, ...jsons]);
      return { contentType: reg.contentType, body: await reg.metrics() };
    },
    async reload() {
      const check = loadGatewayConfig(opts.configPath, opts.env, builtinPolicies);
      if (!check.ok) {
        metrics.configReload(false);
        logger.error(
          { errors: formatConfigErrors(check.errors) },
          'configuration reload failed; keeping the running configuration',
        );
        return { ok: false, errors: check.errors };
      }
      const results = await Promise.all(workers.map((w) => ask<ReloadResult>(w, { type: 'reload' })));
      const bad = results.find((r) => !r.ok);
      metrics.configReload(!bad);
      return bad ?? results[0]!;
    },
    async close() {
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((res) => {
              w.once('exit', () => res());
              w.postMessage({ type: 'shutdown' });
            }),
        ),
      );
    },
  };
  return withAdmin(config, logger, core);
}

export { ConfigLoadError };
