import { spawn } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * A port that was free a moment ago, for a gateway child process to bind. Picked at random below the
 * kernel's ephemeral range (32768+), where the outgoing connections of concurrently running tests take
 * their local ports: a port from `listen(0)` lies in that range and can be taken by any connect() before
 * the child binds it (EADDRINUSE). Checked by binding it once, then released.
 */
export async function freePort(min = 23_000, max = 32_000): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = min + Math.floor(Math.random() * (max - min));
    const s = net.createServer();
    const ok = await new Promise<boolean>((resolve) => {
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) {
      await new Promise<void>((r) => s.close(() => r()));
      return port;
    }
  }
  throw new Error(`no free port found in ${min}-${max}`);
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
  /** `exited`, but rejects (and SIGKILLs the process) if it is still running after `ms`. */
  exitWithin(ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
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
    async exitWithin(ms) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<undefined>((r) => {
        timer = setTimeout(() => r(undefined), ms);
      });
      const exit = await Promise.race([exited, late]);
      clearTimeout(timer);
      if (exit !== undefined) return exit;
      child.kill('SIGKILL');
      throw new Error(`still running after ${ms} ms\nstderr:\n${err}\nstdout tail:\n${out.slice(-2000)}`);
    },
    kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
