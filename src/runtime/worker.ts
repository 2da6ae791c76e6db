import { parentPort, workerData } from 'node:worker_threads';
import { storeFromConfig } from '../stores/from-config.ts';
import type { LocalStoreHandle } from '../stores/local/index.ts';
import type { StateStore } from '../stores/types.ts';
import { createLogger } from '../telemetry/logger.ts';
import { createMetrics } from '../telemetry/metrics.ts';
import { type AnomalyAction, anomalyActions } from '../traffic/anomaly-actions.ts';
import { type CheckedMessage, ConfigLoadError, fromMessage, Gateway } from './gateway.ts';
import { accessLoggerFor } from './serve.ts';
import { ForwardingTelemetry } from './telemetry.ts';

/**
 * A worker thread: one Gateway bound to the shared ports (SO_REUSEPORT). The main thread reads and
 * checks the config file once and hands every worker the same checked config, at start and on
 * each reload, so a worker only builds. Log lines are batched and handed to the main thread, which
 * owns the destination, so lines from several workers never interleave mid-line; each line
 * carries `worker: <index>`.
 *
 * Messages in: `start` (with `fixedPorts` when listeners asked for port 0), `reload`, `metrics`,
 * `shutdown`. Messages out: `log`, `listening`, `failed`, `reloaded`, `metrics`.
 */
const port = parentPort!;
const data = workerData as {
  configPath: string;
  env: Record<string, string | undefined>;
  index: number;
};

let buf = '';
let scheduled = false;
const flush = () => {
  scheduled = false;
  if (buf) {
    port.postMessage({ type: 'log', data: buf });
    buf = '';
  }
};
const stream = {
  write(s: string) {
    buf += s;
    if (buf.length > 65_536) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  },
};

type ToWorker =
  | { type: 'start'; checked: CheckedMessage; fixedPorts?: Record<string, number>; store?: LocalStoreHandle }
  | { type: 'reload'; id: number; checked: CheckedMessage }
  | { type: 'metrics'; id: number }
  | { type: 'anomaly-action'; action: AnomalyAction }
  | { type: 'shutdown' };

const metrics = createMetrics({ defaultMetrics: false });
let gw: Gateway | undefined;
let store: StateStore | undefined;

async function start(m: {
  checked: CheckedMessage;
  fixedPorts?: Record<string, number>;
  store?: LocalStoreHandle;
}): Promise<void> {
  const checked = fromMessage(data.configPath, m.checked);
  const config = checked.loaded.config;
  const logger = createLogger({ level: config.logging.level, stream, secrets: checked.loaded.secrets }).child(
    {
      worker: data.index,
    },
  );
  try {
    // The main thread's local store (shared memory), or this worker's own Redis connections.
    store = storeFromConfig(config, logger, m.store).store;
    gw = await Gateway.start({
      configPath: data.configPath,
      env: data.env,
      checked,
      logger,
      metrics,
      accessLog: undefined,
      accessLogFor: (c) => accessLoggerFor(c, logger),
      fixedPorts: m.fixedPorts,
      store,
      telemetry: new ForwardingTelemetry((batch) => port.postMessage({ type: 'telemetry', batch }), logger),
    });
  } catch (err) {
    await store?.close();
    flush();
    port.postMessage({
      type: 'failed',
      message: (err as Error).message,
      errors: err instanceof ConfigLoadError ? err.errors : undefined,
    });
    return;
  }
  port.postMessage({ type: 'listening', ports: gw.ports() });
}

port.on('message', async (m: ToWorker) => {
  switch (m.type) {
    case 'start':
      await start(m);
      break;
    case 'reload':
      port.postMessage({
        type: 'reloaded',
        id: m.id,
        result: await gw!.reload(fromMessage(data.configPath, m.checked)),
      });
      break;
    case 'anomaly-action':
      anomalyActions.apply(m.action);
      break;
    case 'metrics':
      port.postMessage({ type: 'metrics', id: m.id, json: await metrics.registry.getMetricsAsJSON() });
      break;
    case 'shutdown':
      await gw?.close();
      await store?.close();
      flush();
      port.close();
      break;
  }
});
