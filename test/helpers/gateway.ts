import { mkdtempSync, writeFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadGatewayConfig } from '../../src/config/index.ts';
import type { PolicyDefinition } from '../../src/pipeline/types.ts';
import { builtinPolicies } from '../../src/policies/index.ts';
import { Gateway } from '../../src/runtime/gateway.ts';
import { accessLoggerFor } from '../../src/runtime/serve.ts';
import { storeFromConfig } from '../../src/stores/from-config.ts';
import { createLogger } from '../../src/telemetry/logger.ts';
import { createMetrics, type Metrics } from '../../src/telemetry/metrics.ts';

export interface TestGateway {
  gw: Gateway;
  url: string;
  port: number;
  ports: Record<string, number>;
  configPath: string;
  metrics: Metrics;
  /** Every log line written so far (parsed JSON). */
  logs: Array<Record<string, unknown>>;
  /** Raw log text (to assert that secrets never appear). */
  logText(): string;
  /** The state store the gateway's policies share. */
  store: import('../../src/stores/types.ts').StateStore | undefined;
  /** Rewrites the config file and reloads. */
  reconfigure(yaml: string): ReturnType<Gateway['reload']>;
  close(): Promise<void>;
}

/** Writes YAML to a temp file and starts a real gateway in this process (listeners on port 0). */
export async function startGateway(
  yaml: string,
  env: Record<string, string | undefined> = {},
  opts: { policies?: readonly PolicyDefinition[] } = {},
): Promise<TestGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-test-'));
  const configPath = join(dir, 'gatehouse.yaml');
  writeFileSync(configPath, yaml);
  const logs: Array<Record<string, unknown>> = [];
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      const s = chunk.toString();
      text += s;
      for (const line of s.split('\n')) {
        if (!line) continue;
        try {
          logs.push(JSON.parse(line));
        } catch {
          logs.push({ raw: line });
        }
      }
      cb();
    },
  });
  const logger = createLogger({ level: 'info', stream: stream as never, sync: true });
  const metrics = createMetrics({ defaultMetrics: false });
  const fullEnv = { ...env };
  const gwCfgLogger = logger;
  // The state store, as the CLI creates it (one per process, outliving reloads).
  const pre = loadGatewayConfig(configPath, fullEnv, opts.policies ?? builtinPolicies);
  const store = pre.ok ? storeFromConfig(pre.value.config, logger).store : undefined;
  let gw: Gateway;
  try {
    gw = await Gateway.start({
      configPath,
      env: fullEnv,
      logger: gwCfgLogger,
      metrics,
      accessLog: undefined,
      policies: opts.policies,
      store,
    });
  } catch (err) {
    await store?.close();
    throw err;
  }
  // Access log as configured (the test may turn it off).
  const access = accessLoggerFor(gw.config, logger);
  (gw.ref.current as { accessLog: unknown }).accessLog = gw.config.logging.access_log ? access : undefined;
  const ports = gw.ports();
  const port = Object.values(ports)[0]!;
  return {
    gw,
    url: `http://127.0.0.1:${port}`,
    port,
    ports,
    configPath,
    metrics,
    logs,
    logText: () => text,
    reconfigure(y: string) {
      writeFileSync(configPath, y);
      return gw.reload();
    },
    store,
    close: async () => {
      await gw.close(2000);
      await store?.close();
    },
  };
}

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

export interface TestUpstream {
  url: string;
  port: number;
  requests: Recorded[];
  close(): Promise<void>;
}

/**
 * A real node:http upstream that records every request it receives (method, url, headers, body).
 * The default handler answers 200 with a small JSON body.
 */
export async function startUpstream(
  handler?: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void,
  opts: { record?: boolean } = {},
): Promise<TestUpstream> {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      if (opts.record !== false) chunks.push(c);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body,
      });
      if (handler) return handler(req, res, body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, path: req.url }));
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * Writes raw bytes to the gateway and collects everything it answers until it closes the
 * connection or `idleMs` passes without data.
 */
export function rawRequest(port: number, payload: string | Buffer, idleMs = 500): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let out = '';
    let timer: NodeJS.Timeout;
    const done = () => {
      clearTimeout(timer);
      sock.destroy();
      resolve(out);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(done, idleMs);
    };
    sock.on('connect', () => {
      sock.write(payload);
      arm();
    });
    sock.on('data', (d) => {
      out += d.toString('latin1');
      arm();
    });
    sock.on('end', done);
    sock.on('close', done);
    sock.on('error', (e) => {
      if (out) done();
      else reject(e);
    });
  });
}

/** Status codes of every response in a raw HTTP/1.1 byte stream. */
export function statuses(raw: string): number[] {
  return [...raw.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1]));
}

/** Minimal config with one route to an upstream. */
export function proxyConfig(upstreamUrl: string, extra = ''): string {
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: true }
listeners:
  - name: main
    host: 127.0.0.1
    port: 0
upstreams:
  - name: backend
    targets: [{ url: "${upstreamUrl}" }]
routes:
  - name: all
    paths: ["/*"]
    upstream: backend
${extra}`;
}
