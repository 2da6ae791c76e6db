/**
 * The `rate-limit` policy alone, in one thread (no HTTP): CPU per request with the local store, and
 * the latency of a Redis-backed decision as the policy sees it (hook call to settled promise), next
 * to a plain GET round trip on the same connection, interleaved. Complements `cost.ts`, whose
 * end-to-end percentiles include the HTTP path and scheduling noise.
 *
 * Run: `node bench/accuracy/cpu.ts [--requests 200000] [--append]`
 */
import { appendFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import type { PolicyInstance, RequestContext } from '../../src/pipeline/types.ts';
import { createRateLimit, policy } from '../../src/policies/rate-limit/policy.ts';
import {
  applyDefaults,
  fakeDeps,
  fakeRequestContext,
  toResponseContext,
} from '../../src/policies/testing.ts';
import { createLocalStore } from '../../src/stores/local/index.ts';
import { createRedisStore } from '../../src/stores/redis/index.ts';
import type { StateStore } from '../../src/stores/types.ts';
import { startRedis } from '../../test/helpers/redis.ts';
import { percentile, row } from './lib.ts';

const CONFIGS: Record<string, Record<string, unknown>> = {
  'one limit': { key: 'header:x-client', limits: [{ limit: 1_000_000, period: '1m' }] },
  'two limits (peek + consume)': {
    key: 'header:x-client',
    limits: [
      { limit: 1_000_000, period: '1m' },
      { algorithm: 'sliding-window', limit: 100_000_000, period: '1h' },
    ],
  },
  'one limit + ban + warn_at': {
    key: 'header:x-client',
    limits: [{ limit: 1_000_000, period: '1m' }],
    ban: {},
    warn_at: 0.9,
  },
};

function instance(config: Record<string, unknown>, store: StateStore): PolicyInstance {
  return createRateLimit(applyDefaults(policy, config), { ...fakeDeps('rate-limit@route:bench'), store });
}

const contexts = (n: number): RequestContext[] =>
  Array.from({ length: n }, (_, i) => fakeRequestContext({ headers: { 'x-client': `client-${i}` } }));

/** µs of CPU per request (onRequest + onResponse), median of 3 rounds, local store. */
function localCpu(config: Record<string, unknown>, n: number): number {
  const inst = instance(config, createLocalStore({ capacity: 1 << 16 }));
  const ctxs = contexts(1024);
  const rounds: number[] = [];
  for (let r = 0; r < 4; r++) {
    const t = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const ctx = ctxs[i & 1023]!;
      inst.onRequest!(ctx);
      inst.onResponse!(toResponseContext(ctx));
    }
    const d = process.cpuUsage(t);
    if (r > 0) rounds.push((d.user + d.system) / n);
  }
  return rounds.sort((a, b) => a - b)[1]!;
}

async function redisLatency(
  url: string,
  n: number,
): Promise<{ decision: number[]; get: number[]; twoLimits: number[] }> {
  const store = createRedisStore({ url, commandTimeoutMs: 2000 });
  await store.ready();
  const raw = new Redis(url);
  const one = instance(CONFIGS['one limit']!, store);
  const two = instance(CONFIGS['two limits (peek + consume)']!, store);
  const ctxs = contexts(256);
  const decision: number[] = [];
  const twoLimits: number[] = [];
  const get: number[] = [];
  try {
    for (let i = 0; i < n + 500; i++) {
      const ctx = ctxs[i & 255]!;
      let t = performance.now();
      await one.onRequest!(ctx);
      const d1 = performance.now() - t;
      t = performance.now();
      await two.onRequest!(ctx);
      const d2 = performance.now() - t;
      t = performance.now();
      await raw.get('bench:absent');
      const d3 = performance.now() - t;
      if (i >= 500) {
        decision.push(d1);
        twoLimits.push(d2);
        get.push(d3);
      }
    }
  } finally {
    raw.disconnect();
    await store.close();
  }
  return { decision, get, twoLimits };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '200000' },
      append: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.requests);
  const cpuRows = Object.entries(CONFIGS).map(([name, c]) => row([name, `${localCpu(c, n).toFixed(2)} µs`]));
  const redis = await startRedis();
  let lat: Awaited<ReturnType<typeof redisLatency>>;
  try {
    lat = await redisLatency(redis.url, Math.min(n, 5000));
  } finally {
    await redis.stop();
  }
  const p = (xs: number[], q: number) => `${(percentile(xs, q) * 1000).toFixed(0)} µs`;
  const latRows = [
    row(['GET round trip (same process, baseline)', p(lat.get, 50), p(lat.get, 99)]),
    row(['rate-limit onRequest, one limit (1 Lua call)', p(lat.decision, 50), p(lat.decision, 99)]),
    row(['rate-limit onRequest, two limits (2 round trips)', p(lat.twoLimits, 50), p(lat.twoLimits, 99)]),
  ];
  const section = [
    '',
    `## Rate-limit policy CPU and Redis decision latency — ${new Date().toISOString()}`,
    '',
    `Machine: ${availableParallelism()} cores, node ${process.version}, 1-min load average ${loadavg()[0]!.toFixed(1)} at the end (other jobs shared the machine). The policy alone in one thread, no HTTP. Produced by \`node bench/accuracy/cpu.ts --requests ${n}\`.`,
    '',
    'CPU per request (onRequest + onResponse, local store, 1,024 keys in rotation; process CPU time, median of 3 rounds):',
    '',
    row(['configuration', 'CPU / request']),
    row(['---', '---:']),
    ...cpuRows,
    '',
    `Redis-backed decision latency over loopback (${lat.decision.length} interleaved samples each):`,
    '',
    row(['operation', 'p50', 'p99']),
    row(['---', '---:', '---:']),
    ...latRows,
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
