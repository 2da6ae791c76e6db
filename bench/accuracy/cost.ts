/**
 * Cost of a rate-limit decision, measured in one run: a gateway node with two routes to the same
 * upstream, `/free/*` without any policy and `/*` with `rate-limit` (a limit never reached, so every
 * request is a full decision and is forwarded), hammered alternately. The added latency of the
 * decision is the difference of the two routes' percentiles. Done for the Redis back end (one
 * redis-server on loopback, started here; next to a PING round trip from this process for scale)
 * and the local back end.
 *
 * Run: `node bench/accuracy/cost.ts [--requests 5000] [--concurrency 1] [--append]`
 */
import { appendFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { Pool } from 'undici';
import { startFastUpstream } from '../../test/helpers/load.ts';
import { startRedis } from '../../test/helpers/redis.ts';
import { freePort, percentile, row, startNode } from './lib.ts';

/** Latency percentiles (ms) of one route. */
export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  n: number;
}

/** What one back end's cost run found. */
export interface CostReport {
  readonly backend: 'redis' | 'local';
  readonly runner: 'cli' | 'node';
  readonly free: Percentiles;
  readonly limited: Percentiles;
  /** PING round trips from the driver (redis only). */
  readonly ping: Percentiles | undefined;
}

function stats(xs: number[]): Percentiles {
  return { p50: percentile(xs, 50), p90: percentile(xs, 90), p99: percentile(xs, 99), n: xs.length };
}

/**
 * One run: `requests` per route after a warm-up, `concurrency` loops each alternating the two routes.
 *
 * @example
 * const r = await runCost('redis', { requests: 2000, concurrency: 1 });
 * r.limited.p99 - r.free.p99; // added p99 (ms)
 */
export async function runCost(
  backend: 'redis' | 'local',
  o: { requests: number; concurrency: number },
): Promise<CostReport> {
  const upstream = await startFastUpstream();
  const redis = backend === 'redis' ? await startRedis() : undefined;
  const port = await freePort();
  const node = await startNode({
    port,
    workers: 1,
    upstream: upstream.url,
    state: redis ? `backend: redis\nredis: { url: "${redis.url}" }` : 'backend: local',
    policies: `rate-limit:
  key: header:x-client
  limits: [{ limit: 1000000, period: 1m }]`,
    extraRoutes: `  - name: free
    paths: ["/free/*"]
    upstream: backend`,
  });
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: o.concurrency * 2, pipelining: 1 });
  const free: number[] = [];
  const limited: number[] = [];
  const one = async (path: string, into: number[] | undefined, i: number): Promise<void> => {
    const t = performance.now();
    const res = await pool.request({ method: 'GET', path, headers: { 'x-client': `c${i % 64}` } });
    await res.body.text();
    if (res.statusCode !== 200) throw new Error(`${path}: status ${res.statusCode}`);
    into?.push(performance.now() - t);
  };
  try {
    const warm = Math.min(1000, o.requests);
    const loop = async (k: number, n: number, record: boolean): Promise<void> => {
      for (let i = k; i < n; i += o.concurrency) {
        // Alternate which route goes first, so neither always follows the other.
        if (i % 2 === 0) {
          await one('/free/x', record ? free : undefined, i);
          await one('/limited/x', record ? limited : undefined, i);
        } else {
          await one('/limited/x', record ? limited : undefined, i);
          await one('/free/x', record ? free : undefined, i);
        }
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, (_, k) => loop(k, warm, false)));
    await Promise.all(Array.from({ length: o.concurrency }, (_, k) => loop(k, o.requests, true)));
    let ping: Percentiles | undefined;
    if (redis) {
      const client = new Redis(redis.url);
      const rtts: number[] = [];
      for (let i = 0; i < 200; i++) await client.ping();
      for (let i = 0; i < o.requests; i++) {
        const t = performance.now();
        await client.ping();
        rtts.push(performance.now() - t);
      }
      client.disconnect();
      ping = stats(rtts);
    }
    return { backend, runner: node.runner, free: stats(free), limited: stats(limited), ping };
  } finally {
    await pool.close();
    await node.close();
    await redis?.stop();
    await upstream.close();
  }
}

const ms = (x: number): string => `${x.toFixed(3)} ms`;

/** Markdown table of cost runs. */
export function costTable(rs: readonly CostReport[]): string {
  const lines = [
    row(['back end', 'route', 'p50', 'p90', 'p99', 'added p50', 'added p99', 'requests']),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const r of rs) {
    lines.push(
      row([r.backend, 'no policy', ms(r.free.p50), ms(r.free.p90), ms(r.free.p99), '', '', r.free.n]),
    );
    lines.push(
      row([
        r.backend,
        'rate-limit',
        ms(r.limited.p50),
        ms(r.limited.p90),
        ms(r.limited.p99),
        ms(r.limited.p50 - r.free.p50),
        ms(r.limited.p99 - r.free.p99),
        r.limited.n,
      ]),
    );
    if (r.ping) {
      lines.push(
        row([
          r.backend,
          'PING (driver → redis)',
          ms(r.ping.p50),
          ms(r.ping.p90),
          ms(r.ping.p99),
          '',
          '',
          r.ping.n,
        ]),
      );
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '5000' },
      concurrency: { type: 'string', default: '1' },
      append: { type: 'boolean', default: false },
    },
  });
  const o = { requests: Number(values.requests), concurrency: Number(values.concurrency) };
  const rs = [await runCost('redis', o), await runCost('local', o)];
  const section = [
    '',
    `## Rate-limit decision cost — ${new Date().toISOString()}`,
    '',
    `Machine: ${availableParallelism()} cores, node ${process.version}, 1-min load average ${loadavg()[0]!.toFixed(1)} at the end (other jobs shared the machine). One node x 1 worker (${rs[0]!.runner}); the same run alternates a route without policies and a route with \`rate-limit\` (one GCRA limit, never reached, key \`header:x-client\`), ${o.concurrency} loop(s), ${o.requests} requests per route after a warm-up. "added" = rate-limit route minus the route without policy, same run. Produced by \`node bench/accuracy/cost.ts --requests ${o.requests} --concurrency ${o.concurrency}\`.`,
    '',
    costTable(rs),
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
