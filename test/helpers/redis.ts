/**
 * Real `redis-server` processes for tests: a standalone server and a 3-master Redis Cluster, each on
 * free loopback ports with its own temporary directory, no persistence, and cleanup even when
 * startup fails or the test process exits early. Never touches a Redis it did not start.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort as freeTestPort } from './cli.ts';

const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
const REDIS_CLI = process.env.REDIS_CLI ?? '/usr/bin/redis-cli';

/** Children still alive, killed if the test process exits without stopping them. */
const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of alive) c.kill('SIGKILL');
});

/** A standalone redis-server started for a test. */
export interface TestRedis {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** Kills the server (SIGKILL: a crash, no goodbye to clients) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts the server again on the same port (after `kill`), empty. */
  restart(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open, nothing answers. */
  pause(): void;
  /** Unfreezes it (SIGCONT). */
  resume(): void;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

/** A 3-master Redis Cluster started for a test. */
export interface TestRedisCluster {
  readonly nodes: Array<{ host: string; port: number }>;
  /** Kills one master (SIGKILL). With no replicas its slots stay unserved. */
  kill(index: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A loopback port that was free a moment ago, from 20000–22700: below the ephemeral range (so no test's
 * outgoing connection takes it before redis-server binds it), and so is a cluster node's bus port (+10000).
 */
function freePort(): Promise<number> {
  return freeTestPort(20_000, 22_700);
}

/** Sends one inline command over a raw socket and resolves with the raw reply (or rejects). */
function rawCommand(port: number, command: string, timeoutMs = 500): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    let buf = '';
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error('timeout'));
    }, timeoutMs);
    sock.on('connect', () => sock.write(`${command}\r\n`));
    sock.on('data', (d) => {
      buf += d.toString();
      if (replyComplete(buf)) {
        clearTimeout(timer);
        sock.destroy();
        resolve(buf);
      }
    });
    sock.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** True once `buf` holds one whole reply (a simple line, or a bulk string and its payload). */
function replyComplete(buf: string): boolean {
  const eol = buf.indexOf('\r\n');
  if (eol < 0) return false;
  if (buf[0] !== '$') return true;
  const len = Number(buf.slice(1, eol));
  return len < 0 || Buffer.byteLength(buf) >= eol + 2 + len + 2;
}

async function waitFor(what: string, test: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await test()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function spawnServer(args: string[]): ChildProcess {
  const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const collect = (d: Buffer): void => {
    if (log.length < 20_000) log += d.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  (child as ChildProcess & { log: () => string }).log = () => log;
  alive.add(child);
  child.once('exit', () => alive.delete(child));
  return child;
}

async function killChild(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  const abort = new AbortController();
  await Promise.race([exited, sleep(5000, undefined, { signal: abort.signal }).catch(() => {})]);
  abort.abort();
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
}

function serverArgs(port: number, dir: string): string[] {
  return [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--daemonize',
    'no',
    '--protected-mode',
    'yes',
    '--loglevel',
    'warning',
  ];
}

async function startOn(port: number, extra: string[], dir: string): Promise<ChildProcess> {
  const child = spawnServer([...serverArgs(port, dir), ...extra]);
  try {
    await waitFor(`redis-server on port ${port}`, async () => {
      if (child.exitCode !== null) {
        throw new Error(`redis-server exited: ${(child as ChildProcess & { log: () => string }).log()}`);
      }
      return (await rawCommand(port, 'PING')).startsWith('+PONG');
    });
  } catch (err) {
    await killChild(child, 'SIGKILL');
    throw err;
  }
  return child;
}

/**
 * Starts a standalone redis-server on a free loopback port.
 *
 * @example
 * const redis = await startRedis(); after(() => redis.stop());
 */
export async function startRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-redis-'));
  let child: ChildProcess | undefined;
  let port = 0;
  try {
    port = await freePort();
    child = await startOn(port, [], dir);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      await killChild(child, 'SIGKILL');
    },
    async restart() {
      await killChild(child, 'SIGKILL');
      child = await startOn(port, [], dir);
    },
    pause() {
      child?.kill('SIGSTOP');
    },
    resume() {
      child?.kill('SIGCONT');
    },
    async stop() {
      child?.kill('SIGCONT');
      await killChild(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts a 3-master Redis Cluster (no replicas) on free loopback ports and waits until every node
 * reports `cluster_state:ok`.
 *
 * @example
 * const cluster = await startRedisCluster(); after(() => cluster.stop());
 */
export async function startRedisCluster(): Promise<TestRedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-redis-cluster-'));
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(children.map((c) => killChild(c, 'SIGTERM')));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports: number[] = [];
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const bus = await freePort();
      ports.push(port);
      children.push(
        await startOn(
          port,
          [
            '--cluster-enabled',
            'yes',
            '--cluster-config-file',
            join(dir, `nodes-${port}.conf`),
            '--cluster-port',
            String(bus),
            '--cluster-node-timeout',
            '2000',
          ],
          dir,
        ),
      );
    }
    const create = spawn(
      REDIS_CLI,
      [
        '--cluster',
        'create',
        ...ports.map((p) => `127.0.0.1:${p}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    create.stdout.on('data', (d) => (out += d.toString()));
    create.stderr.on('data', (d) => (out += d.toString()));
    const abort = new AbortController();
    const [code] = (await Promise.race([
      once(create, 'exit'),
      sleep(20_000, ['timeout'], { signal: abort.signal }),
    ]).finally(() => abort.abort())) as [number | string];
    if (code !== 0) {
      create.kill('SIGKILL');
      throw new Error(`redis-cli --cluster create failed (${code}): ${out}`);
    }
    for (const port of ports) {
      await waitFor(`cluster_state:ok on ${port}`, async () =>
        (await rawCommand(port, 'CLUSTER INFO')).includes('cluster_state:ok'),
      );
    }
    return {
      nodes: ports.map((port) => ({ host: '127.0.0.1', port })),
      kill: (index) => killChild(children[index], 'SIGKILL'),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
