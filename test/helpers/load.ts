import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type net from 'node:net';
import { Pool } from 'undici';

/** Outcome of a load run: every response counted by status, every failure kept with its message. */
export interface LoadStats {
  sent: number;
  ok: number;
  byStatus: Map<number, number>;
  /** Socket errors, timeouts and non-200 answers (first 50 kept verbatim). */
  failures: string[];
  failureCount: number;
  /** How often each value of the observed response header was seen. */
  headerValues: Map<string, number>;
  /** Last value of the observed header seen by each connection loop. */
  lastSeen: (string | undefined)[];
}

/** A running load: `stop()` ends every loop after its current request and resolves with the totals. */
export interface Load {
  readonly stats: LoadStats;
  stop(): Promise<LoadStats>;
}

/**
 * Sustained keep-alive load: `concurrency` loops, each sending GET `path` back to back over a shared
 * undici Pool of `concurrency` connections, until `stop()` or `maxMs` (a safety bound).
 */
export function startLoad(opts: {
  origin: string;
  path: string;
  concurrency?: number;
  header?: string;
  maxMs?: number;
  requestTimeoutMs?: number;
}): Load {
  const concurrency = opts.concurrency ?? 32;
  const pool = new Pool(opts.origin, {
    connections: concurrency,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    headersTimeout: opts.requestTimeoutMs ?? 10_000,
    bodyTimeout: opts.requestTimeoutMs ?? 10_000,
  });
  const stats: LoadStats = {
    sent: 0,
    ok: 0,
    byStatus: new Map(),
    failures: [],
    failureCount: 0,
    headerValues: new Map(),
    lastSeen: new Array(concurrency).fill(undefined),
  };
  const fail = (msg: string) => {
    stats.failureCount++;
    if (stats.failures.length < 50) stats.failures.push(msg);
  };
  let running = true;
  const safety = setTimeout(() => {
    running = false;
  }, opts.maxMs ?? 25_000);
  const loop = async (i: number) => {
    while (running) {
      stats.sent++;
      try {
        const res = await pool.request({ method: 'GET', path: opts.path });
        await res.body.text();
        stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode === 200) stats.ok++;
        else fail(`status ${res.statusCode}`);
        if (opts.header) {
          const v = res.headers[opts.header];
          const s = Array.isArray(v) ? v.join(',') : v;
          stats.lastSeen[i] = s;
          const key = s ?? '(absent)';
          stats.headerValues.set(key, (stats.headerValues.get(key) ?? 0) + 1);
        }
      } catch (err) {
        const e = err as Error & { code?: string };
        fail(`${e.code ?? e.name}: ${e.message}`);
      }
    }
  };
  const loops = Array.from({ length: concurrency }, (_, i) => loop(i));
  return {
    stats,
    async stop() {
      running = false;
      await Promise.all(loops);
      clearTimeout(safety);
      await pool.close();
      return stats;
    },
  };
}

/** A fast upstream for load tests, with counters instead of recorded requests. */
export interface FastUpstream {
  url: string;
  port: number;
  /** Requests received (head and body read). */
  received(): number;
  /** Responses sent. */
  served(): number;
  /** Requests whose connection closed before the (delayed) answer was sent. */
  aborted(): number;
  /** Connections currently open to this upstream. */
  connections(): Promise<number>;
  close(): Promise<void>;
}

/** A minimal upstream: answers 200 `{"ok":true}`; `/slow?ms=N` answers after N ms. */
export async function startFastUpstream(): Promise<FastUpstream> {
  let received = 0;
  let served = 0;
  let aborted = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      received++;
      const m = /^\/slow\?ms=(\d+)/.exec(req.url ?? '');
      let timer: NodeJS.Timeout | undefined;
      const reply = () => {
        served++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      };
      if (!m) return reply();
      timer = setTimeout(reply, Number(m[1]));
      res.on('close', () => {
        if (res.writableFinished) return;
        clearTimeout(timer);
        aborted++;
      });
    });
  };
  const server = http.createServer({ keepAliveTimeout: 60_000 }, handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received: () => received,
    served: () => served,
    aborted: () => aborted,
    connections: () => new Promise((r, j) => server.getConnections((e, n) => (e ? j(e) : r(n)))),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
