/**
 * Micro-benchmark: router match cost at 10 … 10,000 routes, and normalizeTarget cost.
 *
 * Plain script, no dependencies: `node bench/micro/router.bench.ts`.
 * Each figure is the median of several timed rounds after a warm-up; ratios are against the 10-route
 * router measured in the same run. Regex routes are left out of the route-count claim (they are tried
 * one by one, in declaration order); the last table shows that cost separately.
 */
import { availableParallelism, loadavg } from 'node:os';
import { normalizeTarget } from '../../src/lib/path.ts';
import type { HeaderMap } from '../../src/pipeline/types.ts';
import { compileRouter, type Router, type RouteSpec } from '../../src/router/index.ts';

const SIZES = [10, 100, 1_000, 10_000];
const ROUNDS = 9;
const ROUND_MS = 60;
const WARMUP_MS = 200;
/** Requests per workload (cycled). */
const WORKLOAD = 1024;

const HOSTS = ['api.example.com', 'www.example.com', '*.apps.example.com', undefined] as const;
const HEADERS: HeaderMap = { accept: 'application/json', 'user-agent': 'bench' };

interface Req {
  method: string;
  host: string;
  path: string;
}

type Loop = (i: number) => number;

let sink = 0;

/** ns per call of one timed round of about `ms`. */
function round(fn: Loop, ms: number): number {
  const batch = 2048;
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < batch; i++) sink += fn(i);
    calls += batch;
    now = performance.now();
  }
  return ((now - start) * 1e6) / calls;
}

/**
 * Runs every loop for ROUNDS rounds, interleaved (round 1 of all loops, then round 2, …) so that noise
 * from other processes spreads evenly, and returns each loop's fastest and median round.
 */
function measureAll(loops: Loop[]): { min: number; median: number }[] {
  for (const fn of loops) round(fn, WARMUP_MS);
  const samples = loops.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < loops.length; k++) samples[k]?.push(round(loops[k] as Loop, ROUND_MS));
  }
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    return { min: s[0] as number, median: s[s.length >> 1] as number };
  });
}

function hostOf(i: number): string | undefined {
  return HOSTS[i % HOSTS.length];
}

/** Service segment, zero-padded so that paths have the same length at every size. */
function svc(i: number): string {
  return `/svc${String(i).padStart(5, '0')}`;
}

/** Route i: exact, param or prefix (by i % 3), on one of four host kinds (by i % 4). */
function buildRoutes(n: number): RouteSpec<number>[] {
  const routes: RouteSpec<number>[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 3;
    const path = kind === 0 ? `${svc(i)}/items` : kind === 1 ? `${svc(i)}/items/{id}` : `${svc(i)}/static/*`;
    const host = hostOf(i);
    routes.push({
      name: `r${i}`,
      paths: [path],
      methods: kind === 2 ? undefined : ['GET', 'POST'],
      data: i,
      ...(host === undefined ? {} : { hosts: [host] }),
    });
  }
  return routes;
}

function request(i: number, kind: number, k: number): Req {
  const h = hostOf(i);
  const host = h === undefined ? 'other.example.net' : h.replace('*', 'tenant1');
  const path =
    kind === 0 ? `${svc(i)}/items` : kind === 1 ? `${svc(i)}/items/${k % 10}` : `${svc(i)}/static/js/app.js`;
  return { method: 'GET', host, path };
}

/**
 * Hot set: the routes of one kind among indices 0-9 (all of them for 10 routes), shifted by a multiple of 12
 * towards the end of the table, so every size sees the same few routes with the same host-kind mix.
 */
function hotBase(n: number): number {
  return n >= 24 ? Math.floor((n - 12) / 12) * 12 : 0;
}

function hotHits(n: number, kind: number): Req[] {
  const ids: number[] = [];
  for (let r = kind; r < 10; r += 3) ids.push(hotBase(n) + r);
  return Array.from({ length: WORKLOAD }, (_, k) => request(ids[k % ids.length] as number, kind, k));
}

/** Spread: up to 1,024 distinct routes of one kind across the table (bound by CPU caches at large sizes). */
function spreadHits(n: number, kind: number): Req[] {
  const perKind = Math.floor(n / 3);
  return Array.from({ length: WORKLOAD }, (_, k) => request(((k * 7919) % perKind) * 3 + kind, kind, k));
}

/** Misses: a known service with an unknown tail, or an unknown first segment; hot (4 paths) or spread. */
function misses(n: number, distinct: number): Req[] {
  return Array.from({ length: WORKLOAD }, (_, k) => {
    const j = k % distinct;
    const i = distinct <= 4 ? hotBase(n) + j : (j * 7919) % n;
    const r = request(i, 0, k);
    return {
      ...r,
      path: j % 2 === 0 ? `/unknown${String(j).padStart(4, '0')}/items` : `${svc(i)}/other/thing`,
    };
  });
}

function matchLoop(router: Router<number>, reqs: Req[], expect: 'match' | 'not-found'): Loop {
  for (const r of reqs) {
    const m = router.match(r.method, r.host, r.path, HEADERS);
    if (m.kind !== expect) throw new Error(`${r.host}${r.path}: expected ${expect}, got ${m.kind}`);
  }
  const mask = WORKLOAD - 1;
  return (i) => {
    const r = reqs[i & mask] as Req;
    return router.match(r.method, r.host, r.path, HEADERS).kind.length;
  };
}

function fmt(ns: number): string {
  return ns.toFixed(1);
}

function table(title: string, header: string[], rows: string[][]): void {
  console.log(`\n${title}`);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
  const line = (cells: string[]) => cells.map((s, c) => s.padStart(widths[c] as number)).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

console.log(
  `node ${process.version}, ${process.arch}, ${availableParallelism()} CPUs, load ${loadavg()[0]?.toFixed(2)}; ` +
    `ns per call = fastest of ${ROUNDS} interleaved ${ROUND_MS} ms rounds (median in brackets)`,
);

// --- Router ----------------------------------------------------------------------------------------------
const workloads: [string, (n: number) => Req[], 'match' | 'not-found'][] = [
  ['exact hit, hot', (n) => hotHits(n, 0), 'match'],
  ['param hit, hot', (n) => hotHits(n, 1), 'match'],
  ['prefix hit, hot', (n) => hotHits(n, 2), 'match'],
  ['miss (404), hot', (n) => misses(n, 4), 'not-found'],
  ['exact hit, spread', (n) => spreadHits(n, 0), 'match'],
  ['param hit, spread', (n) => spreadHits(n, 1), 'match'],
  ['prefix hit, spread', (n) => spreadHits(n, 2), 'match'],
  ['miss (404), spread', (n) => misses(n, 1024), 'not-found'],
];
const loops: Loop[] = [];
const compileMs: number[] = [];
for (const n of SIZES) {
  const routes = buildRoutes(n);
  const t0 = performance.now();
  const router = compileRouter(routes);
  compileMs.push(performance.now() - t0);
  for (const [, make, expect] of workloads) loops.push(matchLoop(router, make(n), expect));
}
const measured = measureAll(loops);
table(
  'router.match, ns per call (ratio to 10 routes); exact/param/prefix routes over exact, wildcard and any hosts',
  ['workload', ...SIZES.map((n) => `${n} routes`)],
  [
    ...workloads.map(([name], w) => {
      const cells = SIZES.map(
        (_, s) => measured[s * workloads.length + w] as { min: number; median: number },
      );
      const base = (cells[0] as { min: number }).min;
      return [name, ...cells.map((c) => `${fmt(c.min)} [${fmt(c.median)}] ${(c.min / base).toFixed(2)}x`)];
    }),
    ['compile (ms)', ...compileMs.map((ms) => ms.toFixed(1))],
  ],
);

// --- Regex tier (excluded from the claim above) -----------------------------------------------------------
const regexLoops: Loop[] = [];
const REGEX_COUNTS = [1, 10, 100];
for (const k of REGEX_COUNTS) {
  const routes: RouteSpec<number>[] = [];
  for (let i = 0; i < k; i++) routes.push({ name: `re${i}`, paths: [`~/r${i}/[0-9]+`], data: i });
  const router = compileRouter(routes);
  const fill = (path: string): Req[] =>
    Array.from({ length: WORKLOAD }, () => ({ method: 'GET', host: 'h', path }));
  regexLoops.push(matchLoop(router, fill(`/r${k - 1}/123`), 'match'));
  regexLoops.push(matchLoop(router, fill('/nothing/here'), 'not-found'));
}
const regexMeasured = measureAll(regexLoops);
table(
  'regex routes (tried one by one in declaration order: linear in their count), ns per call',
  ['', 'last one hits', 'miss'],
  REGEX_COUNTS.map((k, j) => [
    `${k} regex routes`,
    fmt((regexMeasured[2 * j] as { min: number }).min),
    fmt((regexMeasured[2 * j + 1] as { min: number }).min),
  ]),
);

// --- normalizeTarget --------------------------------------------------------------------------------------
const TARGETS: [string, string][] = [
  ['clean, no query', '/api/v1/users/12345/orders'],
  ['clean + query', '/api/v1/users/12345/orders?limit=10&cursor=abc'],
  ['escapes (utf-8)', '/files/caf%c3%a9/%F0%9F%98%80/report.pdf'],
  ['unreserved escapes', '/%7Euser/%41%42%43/docs'],
  ['dot segments', '/a/./b/../c/%2e%2e/d/./e?x=1'],
  ['traversal + //', '//static/..//..//%2e%2e/etc//passwd'],
  ['rejected %2F', '/admin%2F..%2Fsecret'],
  ['rejected bad utf-8', '/%C0%AE%C0%AE/admin'],
  ['long clean', `/${'segment/'.repeat(100)}end`],
];
const normMeasured = measureAll(
  TARGETS.map(([, t]) => () => {
    const r = normalizeTarget(t);
    return 'path' in r ? r.path.length : 1;
  }),
);
table(
  'normalizeTarget, ns per call',
  ['target', 'ns', 'median', 'chars'],
  TARGETS.map(([label, t], k) => {
    const m = normMeasured[k] as { min: number; median: number };
    return [label, fmt(m.min), fmt(m.median), String(t.length)];
  }),
);

if (sink === 42) console.log('');
