/**
 * Shared pieces of the rate-limit accuracy, fault and cost runs (bench/accuracy/*.ts) and of their
 * integration-test versions (test/integration/rate-limit-*.test.ts): gateway nodes as separate
 * processes, a closed-loop load generator that counts what was admitted, and window alignment.
 *
 * A node is `gatehouse start` (src/cli/run.ts) when the CLI can run the config. While the CLI does
 * not hand the state store to its workers it refuses store-backed policies ("needs the state
 * store"); when the CLI cannot start a node for that or any other reason, the node is
 * `bench/accuracy/node.ts`, which runs the workers the same way (one shared-memory table per
 * process, SO_REUSEPORT) and the results say which runner was used.
 * `GATEHOUSE_ACCURACY_RUNNER=cli|node` forces one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Pool, request as undiciRequest } from 'undici';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../src/cli/run.ts', import.meta.url));
const NODE = fileURLToPath(new URL('./node.ts', import.meta.url));

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** What a gateway config for these runs contains. */
export interface NodeConfig {
  readonly port: number;
  readonly workers: number;
  readonly upstream: string;
  /** YAML of the `state:` section body (indented by 2), e.g. `backend: local`. */
  readonly state: string;
  /** YAML of the route's policies (indented by 6). */
  readonly policies: string;
  /** Extra routes (YAML list items, indented by 2). */
  readonly extraRoutes?: string;
  /**
   * Write access-log lines (the CLI runner counts statuses per worker from them; the `node` runner
   * counts in the workers whatever this says). Default false.
   */
  readonly accessLog?: boolean;
}

/** A gateway config: one listener, one upstream, a route `/*` with `policies`. */
export function nodeYaml(c: NodeConfig): string {
  return `gatehouse: 1
workers: ${c.workers}
admin: { enabled: false }
logging: ${c.accessLog ? '{ level: info, access_log: true }' : '{ level: warn, access_log: false }'}
listeners:
  - { name: main, host: 127.0.0.1, port: ${c.port} }
state:
${c.state
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
upstreams:
  - name: backend
    targets: [{ url: "${c.upstream}" }]
    connections: 256
routes:
${c.extraRoutes ?? ''}
  - name: limited
    paths: ["/*"]
    upstream: backend
    policies:
${c.policies
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
`;
}

/** A running gateway node (a child process). */
export interface GatewayNode {
  readonly port: number;
  readonly runner: 'cli' | 'node';
  /**
   * Statuses answered per worker (warm-up requests excluded): counted by the workers (`node`
   * runner), or from the access log (`cli` runner with `accessLog`; `undefined` without it).
   */
  stats(): Promise<Record<string, Record<string, number>> | undefined>;
  /** Everything the process wrote to stderr. */
  stderr(): string;
  close(): Promise<void>;
}

function spawnNode(runner: 'cli' | 'node', configPath: string, workers: number): ChildProcess {
  const args =
    runner === 'cli' ? [CLI, 'start', '--config', configPath] : [NODE, configPath, String(workers)];
  return spawn(process.execPath, args, { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
}

/**
 * Starts one node on `c.port` and waits until it accepts requests. With the `cli` runner, readiness
 * is probed with a request; `node` prints READY.
 */
export async function startNode(c: NodeConfig, runner?: 'cli' | 'node'): Promise<GatewayNode> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-accuracy-'));
  const configPath = join(dir, 'gatehouse.yaml');
  writeFileSync(configPath, nodeYaml(c));
  const forced = process.env.GATEHOUSE_ACCURACY_RUNNER as 'cli' | 'node' | undefined;
  const first = runner ?? forced ?? (cliFailed ? 'node' : 'cli');
  try {
    return await launch(first, configPath, c, dir);
  } catch (err) {
    if (first === 'cli' && runner === undefined && forced === undefined) {
      cliFailed = true;
      const why = /needs the state store/.test(String(err))
        ? 'the CLI does not pass the state store to its policies'
        : String(err).slice(0, 300);
      process.stderr.write(`accuracy: CLI node failed (${why}); using bench/accuracy/node.ts\n`);
      return await launch('node', configPath, c, dir);
    }
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Set once the CLI could not start a node: later nodes of this process start with `node`. */
let cliFailed = false;

async function launch(
  runner: 'cli' | 'node',
  configPath: string,
  c: NodeConfig,
  dir: string,
): Promise<GatewayNode> {
  const child = spawnNode(runner, configPath, c.workers);
  let out = '';
  let err = '';
  let partial = '';
  const logCounts: Record<string, Record<string, number>> = {};
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    if (out.length > 1_000_000) out = out.slice(-100_000);
    if (runner !== 'cli' || !c.accessLog) return;
    const lines = (partial + d).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('"status_code"') || line.includes('"/warmup"')) continue;
      try {
        const j = JSON.parse(line) as { worker?: number; http?: { response?: { status_code?: number } } };
        const w = String(j.worker ?? 0);
        const st = String(j.http?.response?.status_code);
        const per = (logCounts[w] ??= {});
        per[st] = (per[st] ?? 0) + 1;
      } catch {
        // not an access-log line
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    if (err.length < 100_000) err += d;
  });
  const exited = once(child, 'exit');
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${runner} node exited (${child.exitCode ?? child.signalCode}): ${err}${out}`);
    }
    // The CLI reports "is running" once every worker listens; a bare TCP probe would only show the first.
    if (runner === 'node' ? out.includes('READY ') : err.includes(' is running') && (await probe(c.port)))
      break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${runner} node not ready after 90 s: ${err}`);
    }
    await sleep(50);
  }
  return {
    port: c.port,
    runner,
    async stats() {
      if (runner === 'cli') {
        if (!c.accessLog) return undefined;
        // The main thread writes worker lines in batches: wait until the counts stop moving.
        let last = '';
        for (let i = 0; i < 100; i++) {
          await sleep(200);
          const now = JSON.stringify(logCounts);
          if (now === last) break;
          last = now;
        }
        return structuredClone(logCounts);
      }
      const from = out.length;
      child.stdin!.write('stats\n');
      for (let i = 0; i < 200; i++) {
        const m = /STATS (\{.*\})\n/.exec(out.slice(from));
        if (m) return JSON.parse(m[1]!) as Record<string, Record<string, number>>;
        await sleep(25);
      }
      throw new Error('no STATS answer');
    },
    stderr: () => err,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(t);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Sends rounds of requests, each on a new connection (so the kernel spreads them over the workers),
 * with a throw-away key until a whole round is answered 200: the workers are up and their state
 * store connections ready (a node serves before Redis is connected, and answers 503 meanwhile).
 */
export async function warmUp(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const key = freshClient('warmup');
  let last = '';
  while (Date.now() < deadline) {
    const codes = await Promise.all(
      Array.from({ length: 16 }, async () => {
        try {
          const res = await undiciRequest(`http://127.0.0.1:${port}/warmup`, {
            reset: true,
            headers: { 'x-client': key },
          });
          await res.body.text();
          return res.statusCode;
        } catch {
          return 0;
        }
      }),
    );
    if (codes.every((c) => c === 200)) return;
    last = codes.join(',');
    await sleep(100);
  }
  throw new Error(`node on port ${port} not ready: last round answered ${last}`);
}

async function probe(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** What one load run saw (client side). */
export interface LoadResult {
  sent: number;
  admitted: number;
  byStatus: Record<string, number>;
  errors: number;
  firstErrors: string[];
  /** Admitted per target port. */
  admittedByPort: Record<string, number>;
  /** Wall-clock (Date.now) of the first request sent and the last answer received. */
  startedAt: number;
  endedAt: number;
  /** Slowest answer, ms. */
  maxLatencyMs: number;
  /** Every answer: [ms since start, status, latency ms, extra] (only when `record`). */
  timeline: Array<[number, number, number, string]>;
}

/** Options of {@link hammer}. */
export interface HammerOptions {
  readonly ports: readonly number[];
  /** Concurrent request loops per port (each its own keep-alive connection). */
  readonly clientsPerPort: number;
  readonly durationMs: number;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  /** Keep a timeline entry per answer; `extra(headers)` adds a string to each. */
  readonly record?: boolean;
  readonly extra?: (headers: Record<string, string | string[] | undefined>) => string;
  /** Per-request timeout, ms (default 10 s): an answer slower than this counts as an error. */
  readonly timeoutMs?: number;
  /** `performance.now()` the timeline counts from (default: when the load starts). */
  readonly origin?: number;
}

/**
 * Closed-loop load: `clientsPerPort` loops per port, each sending its next request as soon as the
 * previous one is answered, for `durationMs`. Counts every status.
 */
export async function hammer(o: HammerOptions): Promise<LoadResult> {
  const r: LoadResult = {
    sent: 0,
    admitted: 0,
    byStatus: {},
    errors: 0,
    firstErrors: [],
    admittedByPort: {},
    startedAt: Date.now(),
    endedAt: 0,
    maxLatencyMs: 0,
    timeline: [],
  };
  const t0 = o.origin ?? performance.now();
  const stopAt = performance.now() + o.durationMs;
  const pools = o.ports.map(
    (port) =>
      new Pool(`http://127.0.0.1:${port}`, {
        connections: o.clientsPerPort,
        pipelining: 1,
        headersTimeout: o.timeoutMs ?? 10_000,
        bodyTimeout: o.timeoutMs ?? 10_000,
      }),
  );
  const loop = async (pi: number): Promise<void> => {
    const pool = pools[pi]!;
    const port = String(o.ports[pi]);
    while (performance.now() < stopAt) {
      const s = performance.now();
      r.sent++;
      try {
        const res = await pool.request({ method: 'GET', path: o.path ?? '/accuracy', headers: o.headers });
        await res.body.text();
        const lat = performance.now() - s;
        if (lat > r.maxLatencyMs) r.maxLatencyMs = lat;
        const k = String(res.statusCode);
        r.byStatus[k] = (r.byStatus[k] ?? 0) + 1;
        if (res.statusCode === 200) {
          r.admitted++;
          r.admittedByPort[port] = (r.admittedByPort[port] ?? 0) + 1;
        }
        if (o.record) r.timeline.push([s - t0, res.statusCode, lat, o.extra ? o.extra(res.headers) : '']);
      } catch (err) {
        const lat = performance.now() - s;
        if (lat > r.maxLatencyMs) r.maxLatencyMs = lat;
        r.errors++;
        if (r.firstErrors.length < 10) r.firstErrors.push(String((err as Error).message));
        if (o.record) r.timeline.push([s - t0, 0, lat, String((err as Error).message)]);
        await sleep(5);
      }
    }
  };
  const loops: Promise<void>[] = [];
  for (let pi = 0; pi < pools.length; pi++) for (let i = 0; i < o.clientsPerPort; i++) loops.push(loop(pi));
  await Promise.all(loops);
  r.endedAt = Date.now();
  await Promise.all(pools.map((p) => p.close()));
  return r;
}

/**
 * Waits until the current fixed window (multiples of `windowMs` since the epoch, as the sliding
 * window aligns them) has at least `needMs` left, so a run of `needMs` stays inside one window.
 * Returns ms left in the window when it returns.
 */
export async function alignToWindow(windowMs: number, needMs: number): Promise<number> {
  const left = () => windowMs - (Date.now() % windowMs);
  if (left() < needMs) await sleep(left() + 50);
  return left();
}

/** A key nobody has used: each run starts from an empty limiter. */
export function freshClient(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** The `rate-limit` policy YAML for a run (indent-free; `nodeYaml` indents it). */
export function rateLimitYaml(o: {
  algorithm: 'gcra' | 'sliding-window';
  limit: number;
  periodMs: number;
  onStoreError?: string;
  expectedNodes?: number;
}): string {
  return `rate-limit:
  key: header:x-client
  on_store_error: ${o.onStoreError ?? 'fail-closed'}
  expected_nodes: ${o.expectedNodes ?? 1}
  limits:
    - { name: accuracy, algorithm: ${o.algorithm}, limit: ${o.limit}, period_ms: ${o.periodMs} }`;
}

/** One line of a markdown table. */
export function row(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** p-th percentile (0..100) of a list of numbers. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
