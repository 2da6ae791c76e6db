/**
 * One gateway node for the accuracy runs, started the way `gatehouse start` runs workers (see
 * docs/architecture.md, "Workers"): the main thread creates the process's state store from the
 * config's `state:` section (for `local`, the shared-memory table) and starts N worker threads;
 * each runs its own `Gateway` on the same port (SO_REUSEPORT, so the kernel spreads connections),
 * attached to the same local table, or with its own connections to Redis.
 *
 * Used when the CLI cannot run the config itself (it does not yet hand the state store to its
 * workers); `lib.ts` prefers the CLI and falls back to this. Each worker counts the statuses it
 * answered (through the access-log hook; `/warmup` excluded), so a run can show that every worker
 * admitted requests.
 *
 * Protocol (stdout lines): `READY <port>` once every worker listens; on the stdin line `stats`:
 * `STATS {"0":{"200":n,"429":m},"1":{…}}`. SIGTERM closes the workers and exits.
 *
 * Run: `node bench/accuracy/node.ts <config.yaml> <workers>`
 */
import { createInterface } from 'node:readline';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { loadGatewayConfig } from '../../src/config/index.ts';
import { builtinPolicies } from '../../src/policies/index.ts';
import { type CheckedMessage, fromMessage, Gateway, toMessage } from '../../src/runtime/gateway.ts';
import { storeFromConfig } from '../../src/stores/from-config.ts';
import type { LocalStoreHandle } from '../../src/stores/local/index.ts';
import { createLogger } from '../../src/telemetry/logger.ts';
import { createMetrics } from '../../src/telemetry/metrics.ts';

interface Data {
  configPath: string;
  index: number;
  handle: LocalStoreHandle | undefined;
  /** The config, read and validated once by the main thread (as the CLI does). */
  checked: CheckedMessage;
}

if (isMainThread) {
  const [configPath, n] = process.argv.slice(2);
  if (configPath === undefined) {
    process.stderr.write('usage: node bench/accuracy/node.ts <config.yaml> <workers>\n');
    process.exit(64);
  }
  const workers = Number(n ?? 2);
  const loaded = loadGatewayConfig(configPath, process.env, builtinPolicies);
  if (!loaded.ok) {
    process.stderr.write(`${JSON.stringify(loaded.errors)}\n`);
    process.exit(78);
  }
  const config = loaded.value.config;
  const checked = toMessage({ loaded: loaded.value, digest: 'accuracy' });
  const logger = createLogger({ level: 'warn', stream: process.stderr as never });
  const { store, handle } = storeFromConfig(config, logger);
  const threads: Worker[] = [];
  const pending = new Map<number, (v: Record<string, number>) => void>();
  let port = 0;
  const ready = Promise.all(
    Array.from({ length: workers }, (_, index) => {
      const w = new Worker(new URL(import.meta.url), {
        workerData: { configPath, index, handle, checked } satisfies Data,
      });
      threads.push(w);
      return new Promise<void>((resolve, reject) => {
        w.on('message', (m: { type: string; port?: number; counts?: Record<string, number> }) => {
          if (m.type === 'listening') {
            port = m.port!;
            resolve();
          } else if (m.type === 'stats') {
            pending.get(index)?.(m.counts!);
          }
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0) reject(new Error(`worker ${index} exited with ${code}`));
        });
      });
    }),
  );
  ready.then(
    () => process.stdout.write(`READY ${port}\n`),
    (err: Error) => {
      process.stderr.write(`failed: ${err.message}\n`);
      process.exit(70);
    },
  );
  createInterface({ input: process.stdin }).on('line', async (line) => {
    if (line.trim() !== 'stats') return;
    const all: Record<string, Record<string, number>> = {};
    await Promise.all(
      threads.map(
        (w, i) =>
          new Promise<void>((resolve) => {
            pending.set(i, (counts) => {
              all[String(i)] = counts;
              resolve();
            });
            w.postMessage({ type: 'stats' });
          }),
      ),
    );
    process.stdout.write(`STATS ${JSON.stringify(all)}\n`);
  });
  process.once('SIGTERM', async () => {
    for (const w of threads) w.postMessage({ type: 'close' });
    await Promise.all(threads.map((w) => new Promise((r) => w.once('exit', r))));
    await store.close();
    process.exit(0);
  });
} else {
  const data = workerData as Data;
  const checked = fromMessage(data.configPath, data.checked);
  const config = checked.loaded.config;
  const logger = createLogger({ level: 'warn', stream: process.stderr as never }).child({
    worker: data.index,
  });
  const { store } = storeFromConfig(config, logger, data.handle);
  const counts: Record<string, number> = {};
  const gw = await Gateway.start({
    configPath: data.configPath,
    env: process.env,
    checked,
    logger,
    metrics: createMetrics({ defaultMetrics: false }),
    accessLog: undefined,
    store,
  });
  // Count statuses where the access log would be written (whatever `logging.access_log` says).
  (gw.ref.current as { accessLog: unknown }).accessLog = (ctx: { status: number; path: string }) => {
    if (ctx.path === '/warmup') return;
    const k = String(ctx.status);
    counts[k] = (counts[k] ?? 0) + 1;
  };
  parentPort!.on('message', async (m: { type: string }) => {
    if (m.type === 'stats') parentPort!.postMessage({ type: 'stats', counts });
    if (m.type === 'close') {
      await gw.close(2000);
      await store.close();
      process.exit(0);
    }
  });
  parentPort!.postMessage({ type: 'listening', port: Object.values(gw.ports())[0] });
}
