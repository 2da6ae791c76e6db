import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
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
        fail(`${e.code ?? e.name}: ${e.message} @${Date.now() % 100000}`);
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

/** A minimal, fast upstream: answers 200 `{"ok":true}`; `/slow?ms=N` answers after N ms. */
export async function startFastUpstream(): Promise<{
  url: string;
  port: number;
  served: () => number;
  close(): Promise<void>;
}> {
  let served = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const m = /^\/slow\?ms=(\d+)/.exec(req.url ?? '');
      const reply = () => {
        served++;
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      };
      if (m) setTimeout(reply, Number(m[1]));
      else reply();
    });
  };
  const server = http.createServer({ keepAliveTimeout: 60_000 }, handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    served: () => served,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A port that was free a moment ago (bound on 127.0.0.1 port 0, then released). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('../../src/cli/run.ts', import.meta.url));

/** A `gatehouse` CLI child process with its output collected as it arrives. */
export interface CliProcess {
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Parsed JSON lines of stdout (the gateway's logs). */
  logs(): Array<Record<string, unknown>>;
  /** Resolves once `test` holds for stdout+stderr, or rejects after `timeoutMs`. */
  waitFor(test: (out: string) => boolean, timeoutMs?: number, what?: string): Promise<void>;
  /** Resolves with the exit code (or signal name) and how long after `since` the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  kill(signal?: NodeJS.Signals): void;
}

/** Runs `node src/cli/run.ts ...args` from the repository root. */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): CliProcess {
  const child = spawn(process.execPath, [ENTRY, ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  const poke = () => {
    for (const w of waiters) w();
  };
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    poke();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
    poke();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((r) => {
    child.once('exit', (code, signal) => {
      r({ code, signal, at: Date.now() });
      poke();
    });
  });
  return {
    pid: child.pid!,
    stdout: () => out,
    stderr: () => err,
    logs() {
      const lines: Array<Record<string, unknown>> = [];
      for (const line of out.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          lines.push(JSON.parse(line));
        } catch {
          // A line still being written.
        }
      }
      return lines;
    },
    waitFor(test, timeoutMs = 10_000, what = 'output') {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (test(out + err)) {
            cleanup();
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            cleanup();
            reject(
              new Error(`process exited (${child.exitCode ?? child.signalCode}) before ${what}:\n${err}`),
            );
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `timed out after ${timeoutMs} ms waiting for ${what}\nstderr:\n${err}\nstdout tail:\n${out.slice(-2000)}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    exited,
    kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
