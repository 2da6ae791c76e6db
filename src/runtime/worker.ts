import { parentPort, workerData } from 'node:worker_threads';
import { loadGatewayConfig } from '../config/index.ts';
import { builtinPolicies } from '../policies/index.ts';
import { createLogger } from '../telemetry/logger.ts';
import { createMetrics } from '../telemetry/metrics.ts';
import { ConfigLoadError, Gateway } from './gateway.ts';
import { accessLoggerFor } from './serve.ts';

/**
 * A worker thread: one Gateway bound to the shared ports (SO_REUSEPORT). Log lines are batched
 * and handed to the main thread, which owns the destination, so lines from several workers never
 * interleave mid-line.
 */
const port = parentPort!;
const data = workerData as {
  configPath: string;
  env: Record<string, string | undefined>;
  fixedPorts?: Record<string, number>;
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

async function main() {
  const pre = loadGatewayConfig(data.configPath, data.env, builtinPolicies);
  if (!pre.ok) {
    port.postMessage({ type: 'failed', message: 'invalid configuration', errors: pre.errors });
    return;
  }
  const config = pre.value.config;
  const logger = createLogger({ level: config.logging.level, stream, secrets: pre.value.secrets }).child({
    worker: data.index,
  });
  const metrics = createMetrics({ defaultMetrics: false });
  let gw: Gateway;
  try {
    gw = await Gateway.start({
      configPath: data.configPath,
      env: data.env,
      logger,
      metrics,
      accessLog: accessLoggerFor(config, logger),
      fixedPorts: data.fixedPorts,
    });
  } catch (err) {
    port.postMessage({
      type: 'failed',
      message: (err as Error).message,
      errors: err instanceof ConfigLoadError ? err.errors : undefined,
    });
    return;
  }
  port.on('message', async (m: { type: string; id?: number }) => {
    if (m.type === 'reload') port.postMessage({ type: 'reloaded', id: m.id, result: await gw.reload() });
    else if (m.type === 'metrics')
      port.postMessage({ type: 'metrics', id: m.id, json: await metrics.registry.getMetricsAsJSON() });
    else if (m.type === 'shutdown') {
      await gw.close();
      flush();
      port.close();
    }
  });
  port.postMessage({ type: 'listening', ports: gw.ports() });
}

void main();
