/**
 * Micro-benchmark of state-store decisions.
 *
 * Run: `node bench/micro/stores.bench.ts [iterations]` (starts its own redis-server on a free port).
 * - local: ns per decision in one thread (median of 3 timed rounds after a warm-up), for a hot key
 *   and for 10,000 keys in rotation, next to a plain `Map` counter as the in-run baseline and the
 *   cost of the one clock read every decision makes (it varies a lot between machines and VMs).
 * - redis: µs per decision over loopback, one at a time (p50/p99 latency, next to a PING round trip
 *   measured in the same run) and 64 in flight (auto-pipelined: amortised µs per decision).
 */
import { availableParallelism, loadavg } from 'node:os';
import { createLocalStore } from '../../src/stores/local/index.ts';
import { createRedisStore } from '../../src/stores/redis/index.ts';
import { startRedis } from '../../test/helpers/redis.ts';

const iterations = Number(process.argv[2] ?? 1e6);
const keys = Array.from({ length: 10_000 }, (_, i) => `rl:consumer:${i}`);
const gcraLimit = { limit: 1_000_000, periodMs: 60_000, burst: 0 };
const windowLimit = { limit: 1_000_000, windowMs: 60_000 };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function nsPerOp(n: number, f: (i: number) => unknown): number {
  f(0);
  for (let i = 0; i < Math.min(n, 1e5); i++) f(i);
  const rounds: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) f(i);
    rounds.push(Number(process.hrtime.bigint() - t0) / n);
  }
  return median(rounds);
}

console.log(
  `cpus ${availableParallelism()}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

// ---- local ----
const local = createLocalStore({ capacity: 1 << 15 });
const baseline = new Map<string, number>();
const rows: Array<[string, number]> = [
  ['Map counter (baseline), 10k keys', nsPerOp(iterations, (i) => baseline.set(keys[i % 10_000]!, i))],
  ['clock read (performance.now)', nsPerOp(iterations, () => performance.now())],
  ['gcra, hot key', nsPerOp(iterations, () => local.gcra('rl:hot', gcraLimit))],
  ['gcra, 10k keys', nsPerOp(iterations, (i) => local.gcra(keys[i % 10_000]!, gcraLimit))],
  [
    'slidingWindow, 10k keys',
    nsPerOp(iterations, (i) => local.slidingWindow(keys[i % 10_000]!, windowLimit)),
  ],
  ['incr, 10k keys', nsPerOp(iterations, (i) => local.incr(keys[i % 10_000]!, 1, 60_000))],
  ['markTtl (absent), 10k keys', nsPerOp(iterations, (i) => local.markTtl(keys[i % 10_000]!))],
];
const base = rows[0]![1];
console.log('\nlocal store, one thread (ns/op, median of 3 rounds)');
for (const [name, ns] of rows)
  console.log(`  ${name.padEnd(34)} ${ns.toFixed(1).padStart(8)} ns  ×${(ns / base).toFixed(1)}`);
await local.close();

// ---- redis ----
const redis = await startRedis();
const store = createRedisStore({ url: redis.url, commandTimeoutMs: 2000 });
try {
  await store.ready();
  const n = Math.max(2000, Math.min(20_000, iterations / 50));
  const pct = (xs: number[], p: number): string =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!.toFixed(1);
  const ping = createRedisStore({ url: redis.url });
  await ping.ready();
  // Interleaved, so that the three share the machine's conditions (this runs beside other work).
  const ops: Array<[string, (i: number) => Promise<unknown>]> = [
    ['GET round trip (baseline)', () => ping.count('bench:absent')],
    ['gcra (Lua, EVALSHA)', (i) => store.gcra(keys[i % 10_000]!, gcraLimit)],
    ['slidingWindow (Lua)', (i) => store.slidingWindow(keys[i % 10_000]!, windowLimit)],
  ];
  const samples = ops.map((): number[] => []);
  for (let i = 0; i < n + 500; i++) {
    for (const [j, [, f]] of ops.entries()) {
      const t0 = process.hrtime.bigint();
      await f(i);
      if (i >= 500) samples[j]!.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  await ping.close();
  console.log(`\nredis store over loopback, one at a time (µs, ${n} calls each, interleaved)`);
  for (const [j, [name]] of ops.entries()) {
    console.log(`  ${name.padEnd(28)} p50 ${pct(samples[j]!, 0.5)}  p99 ${pct(samples[j]!, 0.99)}`);
  }

  const inFlight = 64;
  const total = n * 5;
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) await store.gcra(keys[next++ % 10_000]!, gcraLimit);
    }),
  );
  const perOp = Number(process.hrtime.bigint() - t0) / 1000 / total;
  console.log(`  gcra, ${inFlight} in flight (auto-pipelined): ${perOp.toFixed(2)} µs/decision amortised`);
} finally {
  await store.close();
  await redis.stop();
}
