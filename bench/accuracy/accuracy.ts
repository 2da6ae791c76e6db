/**
 * Rate-limit accuracy: gateway nodes (separate processes, each with worker threads) hammered from
 * many concurrent connections well above a limit on one key; how many requests were admitted?
 *
 * - `local`: 1 node x 2 workers, the shared-memory store.
 * - `redis`: 3 nodes x 2 workers sharing one redis-server started here.
 * - `cluster`: 3 nodes x 2 workers on a 3-master Redis Cluster started here.
 *
 * The main figure uses the sliding window (at most `limit` in any window of `period`): with a fresh
 * key and a run that stays inside one aligned window, the exact answer is `limit` admitted, so the
 * bound `limit <= admitted <= 1.01 * limit` tests "never over" and "never under" at once. The GCRA
 * run (same limit) is reported against its own ideal: `limit` at once, then one per `period/limit`.
 *
 * Run: `node bench/accuracy/accuracy.ts [local|redis|cluster|all] [--limit 1000] [--period-ms 60000]
 *       [--seconds 15] [--clients 16] [--gcra] [--append]` (`--append` adds the table to bench/RESULTS.md).
 */
import { appendFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startFastUpstream } from '../../test/helpers/load.ts';
import { startRedis, startRedisCluster } from '../../test/helpers/redis.ts';
import {
  alignToWindow,
  freePort,
  freshClient,
  type GatewayNode,
  hammer,
  type LoadResult,
  rateLimitYaml,
  row,
  startNode,
  warmUp,
} from './lib.ts';

/** One accuracy run. */
export interface AccuracyOptions {
  readonly backend: 'local' | 'redis' | 'cluster';
  readonly nodes: number;
  readonly workers: number;
  readonly algorithm: 'gcra' | 'sliding-window';
  readonly limit: number;
  readonly periodMs: number;
  readonly durationMs: number;
  /** Concurrent connections per node. */
  readonly clientsPerNode: number;
}

/** What one accuracy run found. */
export interface AccuracyResult {
  readonly options: AccuracyOptions;
  readonly runner: 'cli' | 'node';
  readonly load: LoadResult;
  /** Statuses per node and worker, as counted by the workers (node runner only). */
  readonly perWorker: Array<Record<string, Record<string, number>> | undefined>;
  /** The exact number an ideal limiter admits for this run ([min, max]). */
  readonly ideal: [number, number];
}

/**
 * Starts the back end and the nodes, runs the load on a fresh key, stops everything.
 *
 * @example
 * const r = await runAccuracy({ backend: 'local', nodes: 1, workers: 2, algorithm: 'sliding-window',
 *   limit: 300, periodMs: 10_000, durationMs: 4000, clientsPerNode: 16 });
 */
export async function runAccuracy(o: AccuracyOptions): Promise<AccuracyResult> {
  const upstream = await startFastUpstream();
  const redis = o.backend === 'redis' ? await startRedis() : undefined;
  const cluster = o.backend === 'cluster' ? await startRedisCluster() : undefined;
  const nodes: GatewayNode[] = [];
  try {
    const prefix = `acc${Date.now().toString(36)}:`;
    const state =
      o.backend === 'local'
        ? 'backend: local'
        : redis
          ? `backend: redis\nredis: { url: "${redis.url}", key_prefix: "${prefix}", command_timeout_ms: 1000 }`
          : `backend: redis\nredis:\n  key_prefix: "${prefix}"\n  command_timeout_ms: 1000\n  nodes:\n${cluster!.nodes
              .map((n) => `    - { host: ${n.host}, port: ${n.port} }`)
              .join('\n')}`;
    const ports: number[] = [];
    for (let i = 0; i < o.nodes; i++) ports.push(await freePort());
    const started = await Promise.allSettled(
      ports.map((port) =>
        startNode({
          port,
          workers: o.workers,
          upstream: upstream.url,
          state,
          policies: rateLimitYaml({ algorithm: o.algorithm, limit: o.limit, periodMs: o.periodMs }),
          accessLog: true,
        }),
      ),
    );
    for (const s of started) if (s.status === 'fulfilled') nodes.push(s.value);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    await Promise.all(nodes.map((n) => warmUp(n.port)));
    const before = await Promise.all(nodes.map((n) => n.stats()));
    const client = freshClient(o.backend);
    if (o.algorithm === 'sliding-window') await alignToWindow(o.periodMs, o.durationMs + 1500);
    const load = await hammer({
      ports: nodes.map((n) => n.port),
      clientsPerPort: o.clientsPerNode,
      durationMs: o.durationMs,
      headers: { 'x-client': client },
    });
    const after = await Promise.all(nodes.map((n) => n.stats()));
    const perWorker = after.map((a, i) => (a === undefined ? undefined : minus(a, before[i])));
    let ideal: [number, number];
    if (o.algorithm === 'sliding-window') ideal = [o.limit, o.limit];
    else {
      // GCRA: `limit` at once, then one per emission interval over the run (client-side times
      // bracket the gateway's decisions to within one round trip at each end).
      const T = o.periodMs / o.limit;
      const span = load.endedAt - load.startedAt;
      ideal = [o.limit + Math.floor((span - 2 * load.maxLatencyMs) / T), o.limit + Math.ceil(span / T)];
    }
    return { options: o, runner: nodes[0]!.runner, load, perWorker, ideal };
  } finally {
    await Promise.all(nodes.map((n) => n.close()));
    await upstream.close();
    await redis?.stop();
    await cluster?.stop();
  }
}

/** Per-worker status counts of `a` minus those of `b` (counts taken before the load). */
function minus(
  a: Record<string, Record<string, number>>,
  b: Record<string, Record<string, number>> | undefined,
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [w, counts] of Object.entries(a)) {
    const per: Record<string, number> = {};
    for (const [status, n] of Object.entries(counts)) {
      const d = n - (b?.[w]?.[status] ?? 0);
      if (d !== 0) per[status] = d;
    }
    out[w] = per;
  }
  return out;
}

/** `limit <= admitted <= limit · 1.01` for the sliding window; within the ideal range for GCRA. */
export function withinBound(r: AccuracyResult): boolean {
  if (r.options.algorithm === 'sliding-window') {
    return r.load.admitted >= r.options.limit && r.load.admitted <= Math.floor(r.options.limit * 1.01);
  }
  return r.load.admitted >= r.ideal[0] && r.load.admitted <= Math.ceil(r.ideal[1] * 1.01);
}

function describeWorkers(r: AccuracyResult): string {
  if (r.perWorker.every((w) => w === undefined)) return 'n/a (CLI)';
  return r.perWorker
    .map((w, i) =>
      w === undefined
        ? `n${i}: n/a`
        : `n${i}: ${Object.entries(w)
            .map(([k, v]) => `w${k}=${v['200'] ?? 0}`)
            .join(' ')}`,
    )
    .join('; ');
}

/** Markdown rows for a result table. */
export function resultRow(r: AccuracyResult): string {
  const o = r.options;
  const setup = `${o.backend}: ${o.nodes} node${o.nodes > 1 ? 's' : ''} x ${o.workers} workers (${r.runner})`;
  const limit = `${o.algorithm} ${o.limit} / ${o.periodMs / 1000} s`;
  const ideal = r.ideal[0] === r.ideal[1] ? String(r.ideal[0]) : `${r.ideal[0]}–${r.ideal[1]}`;
  const over = r.load.admitted - r.ideal[1];
  return row([
    setup,
    limit,
    `${(r.load.endedAt - r.load.startedAt) / 1000} s, ${o.clientsPerNode * o.nodes} conns`,
    r.load.sent,
    Math.round(r.load.sent / ((r.load.endedAt - r.load.startedAt) / 1000)),
    r.load.admitted,
    ideal,
    over > 0 ? `+${over}` : String(over),
    describeWorkers(r),
    r.load.errors,
    withinBound(r) ? 'yes' : '**no**',
  ]);
}

/** The table header matching {@link resultRow}. */
export const RESULT_HEADER = [
  row([
    'setup',
    'limit',
    'run',
    'sent',
    'req/s',
    'admitted',
    'ideal',
    'over ideal',
    'admitted per worker',
    'errors',
    'in bound',
  ]),
  row(['---', '---', '---', '---:', '---:', '---:', '---:', '---:', '---', '---:', '---']),
].join('\n');

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      limit: { type: 'string', default: '1000' },
      'period-ms': { type: 'string', default: '60000' },
      seconds: { type: 'string', default: '15' },
      clients: { type: 'string', default: '16' },
      gcra: { type: 'boolean', default: false },
      append: { type: 'boolean', default: false },
    },
  });
  const which = positionals[0] ?? 'all';
  const backends = (
    which === 'all' ? ['local', 'redis', 'cluster'] : [which]
  ) as AccuracyOptions['backend'][];
  const algorithms: AccuracyOptions['algorithm'][] = values.gcra
    ? ['sliding-window', 'gcra']
    : ['sliding-window'];
  const lines: string[] = [];
  for (const backend of backends) {
    for (const algorithm of algorithms) {
      const r = await runAccuracy({
        backend,
        nodes: backend === 'local' ? 1 : 3,
        workers: 2,
        algorithm,
        limit: Number(values.limit),
        periodMs: Number(values['period-ms']),
        durationMs: Number(values.seconds) * 1000,
        clientsPerNode: Number(values.clients),
      });
      const line = resultRow(r);
      lines.push(line);
      process.stdout.write(`${line}\n`);
      if (r.load.errors > 0) process.stderr.write(`errors: ${r.load.firstErrors.join('; ')}\n`);
    }
  }
  const section = [
    '',
    `## Rate-limit accuracy — ${new Date().toISOString()}`,
    '',
    `Machine: ${availableParallelism()} cores, node ${process.version}, 1-min load average ${loadavg()[0]!.toFixed(1)} at the end (other jobs shared the machine). Key: \`header:x-client\`, a fresh value per run; closed-loop load from one process (undici, keep-alive), every node behind its own connections. "ideal": the exact count for the algorithm over the run (sliding window: the run stays inside one aligned window, so exactly \`limit\`); "in bound": \`ideal ≤ admitted ≤ 1.01 × ideal\`. Produced by \`node bench/accuracy/accuracy.ts ${process.argv.slice(2).join(' ')}\`.`,
    '',
    RESULT_HEADER,
    ...lines,
    '',
  ].join('\n');
  if (values.append) {
    appendFileSync(new URL('../RESULTS.md', import.meta.url), section);
    process.stderr.write('appended to bench/RESULTS.md\n');
  } else {
    process.stdout.write(section);
  }
}

if (import.meta.main) await main();
