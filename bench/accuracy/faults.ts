/**
 * Redis killed in the middle of a load test, then restarted: one gateway node (2 workers) with a
 * Redis-backed `rate-limit` in each of the three failure modes (one route per mode, all under load
 * at once). Per mode it reports what the clients saw while Redis was down, how long after Redis came
 * back the normal answers returned, and the slowest answer of the whole run (no request may hang:
 * every one is answered within the store's command timeout plus a margin).
 *
 * - `fail-closed` (`/closed`): 503 while Redis is down.
 * - `fail-open` (`/open`): 200 without a `RateLimit` field (nothing could be counted).
 * - `local-fallback` (`/fallback`): limited in the node with the limit scaled by
 *   `1 / expected_nodes` (`RateLimit-Policy` shows the scaled quota), one table per worker thread.
 *
 * Run: `node bench/accuracy/faults.ts [--down-ms 2000] [--append]`
 */
import { appendFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { startFastUpstream } from '../../test/helpers/load.ts';
import { startRedis } from '../../test/helpers/redis.ts';
import { freePort, type GatewayNode, hammer, type LoadResult, row, startNode } from './lib.ts';

/** The three failure modes and the route each one guards. */
export const MODES = [
  { mode: 'fail-closed', path: '/closed/x' },
  { mode: 'fail-open', path: '/open/x' },
  { mode: 'local-fallback', path: '/fallback/x' },
] as const;

/** Normal limit of every route, and the node count that scales the fallback (to 10/s per table). */
const LIMIT = 1000;
const EXPECTED_NODES = 100;

/** What one mode's clients saw. */
export interface ModeReport {
  readonly mode: (typeof MODES)[number]['mode'];
  readonly load: LoadResult;
  /** Answers by kind while Redis was down (from the first answer after the kill). */
  readonly duringOutage: Record<string, number>;
  /** ms from the kill to the first answer in the degraded mode. */
  readonly detectMs: number | undefined;
  /** ms from Redis accepting connections again to the last degraded answer (0: none after). */
  readonly recoveryMs: number;
  /** Requests admitted while degraded, and over how long (first to last degraded answer, s). */
  readonly degradedAdmitted: number;
  readonly degradedSpanS: number;
}

/** What a fault run found. */
export interface FaultReport {
  readonly runner: 'cli' | 'node';
  readonly commandTimeoutMs: number;
  readonly killAtMs: number;
  readonly backAtMs: number;
  readonly modes: ModeReport[];
  /** The node still answered after the run (it did not crash). */
  readonly aliveAfter: boolean;
}

function policyYaml(mode: string): string {
  return `rate-limit:
  key: header:x-client
  on_store_error: ${mode}
  expected_nodes: ${EXPECTED_NODES}
  limits: [{ name: rps, limit: ${LIMIT}, period: 1s }]`;
}

function indent(s: string, n: number): string {
  return s
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');
}

/** Kind of one answer: `normal`, or how the mode degrades. */
function kind(mode: ModeReport['mode'], status: number, extra: string): string {
  if (status === 0) return 'error';
  const [policy, hasRemaining] = extra.split('|');
  if (mode === 'fail-closed') return status === 503 ? 'degraded:503' : `normal:${status}`;
  if (mode === 'fail-open') return hasRemaining === 'r' ? `normal:${status}` : `degraded:${status}`;
  return policy?.includes(`q=${LIMIT};`) ? `normal:${status}` : `degraded:${status}`;
}

/**
 * Runs the fault scenario: `beforeMs` of load, SIGKILL of redis-server, `downMs` without it, a
 * restart on the same port, `afterMs` more load.
 */
export async function runFaults(
  o: {
    beforeMs?: number;
    downMs?: number;
    afterMs?: number;
    commandTimeoutMs?: number;
    clients?: number;
  } = {},
): Promise<FaultReport> {
  const beforeMs = o.beforeMs ?? 1500;
  const downMs = o.downMs ?? 2000;
  const afterMs = o.afterMs ?? 3500;
  const commandTimeoutMs = o.commandTimeoutMs ?? 200;
  const upstream = await startFastUpstream();
  const redis = await startRedis();
  let node: GatewayNode | undefined;
  try {
    const routes = MODES.filter((m) => m.mode !== 'fail-closed')
      .map(
        (m) => `  - name: ${m.mode}
    paths: ["/${m.path.split('/')[1]}/*"]
    upstream: backend
    policies:
${indent(policyYaml(m.mode), 6)}`,
      )
      .join('\n');
    node = await startNode({
      port: await freePort(),
      workers: 2,
      upstream: upstream.url,
      state: `backend: redis\nredis: { url: "${redis.url}", command_timeout_ms: ${commandTimeoutMs} }`,
      policies: policyYaml('fail-closed'),
      extraRoutes: routes,
    });
    const origin = performance.now();
    const total = beforeMs + downMs + afterMs;
    const loads = MODES.map((m) =>
      hammer({
        ports: [node!.port],
        clientsPerPort: o.clients ?? 4,
        durationMs: total,
        path: m.path,
        headers: { 'x-client': 'faults' },
        record: true,
        origin,
        extra: (h) => `${String(h['ratelimit-policy'] ?? '')}|${h.ratelimit === undefined ? '' : 'r'}`,
      }),
    );
    await sleep(beforeMs);
    const killAtMs = performance.now() - origin;
    await redis.kill();
    await sleep(downMs);
    await redis.restart();
    const backAtMs = performance.now() - origin;
    const results = await Promise.all(loads);
    let aliveAfter = false;
    try {
      const res = await request(`http://127.0.0.1:${node.port}/open/after`, {
        headers: { 'x-client': 'after' },
      });
      await res.body.text();
      aliveAfter = res.statusCode === 200;
    } catch {
      aliveAfter = false;
    }
    const modes = MODES.map((m, i): ModeReport => {
      const load = results[i]!;
      const during: Record<string, number> = {};
      let detectMs: number | undefined;
      let lastDegraded = -1;
      let degradedAdmitted = 0;
      let firstDegraded = Number.POSITIVE_INFINITY;
      let lastDegradedEnd = 0;
      for (const [t, status, lat, extra] of load.timeline) {
        const k = kind(m.mode, status, extra);
        const degraded = !k.startsWith('normal');
        if (degraded && t >= killAtMs - lat) {
          detectMs ??= Math.max(0, t + lat - killAtMs);
          firstDegraded = Math.min(firstDegraded, t);
          lastDegradedEnd = Math.max(lastDegradedEnd, t + lat);
          if (status === 200) degradedAdmitted++;
        }
        if (t + lat >= killAtMs && t <= backAtMs) during[k] = (during[k] ?? 0) + 1;
        if (degraded && t > lastDegraded) lastDegraded = t;
      }
      const degradedSpanS = Math.max(0.001, (lastDegradedEnd - firstDegraded) / 1000);
      return {
        mode: m.mode,
        load,
        duringOutage: during,
        detectMs,
        recoveryMs: Math.max(0, lastDegraded - backAtMs),
        degradedAdmitted,
        degradedSpanS: Number.isFinite(firstDegraded) ? degradedSpanS : 0,
      };
    });
    return { runner: node.runner, commandTimeoutMs, killAtMs, backAtMs, modes, aliveAfter };
  } finally {
    await node?.close();
    await redis.stop();
    await upstream.close();
  }
}

/** Markdown table of a fault run. */
export function faultTable(r: FaultReport): string {
  const lines = [
    row([
      'mode',
      'requests',
      'answers while Redis was down',
      'admitted while degraded',
      'detected after',
      'normal again after Redis returned',
      'slowest answer',
      'errors',
    ]),
    row(['---', '---:', '---', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const m of r.modes) {
    lines.push(
      row([
        m.mode,
        m.load.sent,
        Object.entries(m.duringOutage)
          .sort()
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
        `${m.degradedAdmitted} in ${m.degradedSpanS.toFixed(1)} s`,
        m.detectMs === undefined ? 'never' : `${Math.round(m.detectMs)} ms`,
        `${Math.round(m.recoveryMs)} ms`,
        `${Math.round(m.load.maxLatencyMs)} ms`,
        m.load.errors,
      ]),
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'down-ms': { type: 'string', default: '2000' },
      append: { type: 'boolean', default: false },
    },
  });
  const r = await runFaults({ downMs: Number(values['down-ms']) });
  const section = [
    '',
    `## Rate-limit store faults — ${new Date().toISOString()}`,
    '',
    `Machine: ${availableParallelism()} cores, node ${process.version}, 1-min load average ${loadavg()[0]!.toFixed(1)} at the end (other jobs shared the machine). One node x 2 workers (${r.runner}), redis-server SIGKILLed at ${Math.round(r.killAtMs)} ms into the load and restarted (empty) on the same port; it accepted connections again at ${Math.round(r.backAtMs)} ms. Command timeout ${r.commandTimeoutMs} ms; limit ${LIMIT}/s per route, \`expected_nodes: ${EXPECTED_NODES}\` (fallback: ${LIMIT / EXPECTED_NODES}/s per worker table). Node alive afterwards: ${r.aliveAfter ? 'yes' : '**no**'}. Produced by \`node bench/accuracy/faults.ts\`.`,
    '',
    faultTable(r),
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
