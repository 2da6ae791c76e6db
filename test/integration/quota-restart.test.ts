/**
 * `quota` usage surviving restarts of a local-store gateway:
 * - a real gateway in a child process, killed with SIGKILL after a periodic snapshot (a crash) and
 *   stopped with SIGTERM right after counting (a clean shutdown, no periodic snapshot needed);
 * - worker threads sharing one local store: the allowance is exact across threads, every thread
 *   writes its own file, and on the next start exactly one thread restores the merged counts.
 *
 * This file is also the child: with GATEHOUSE_QUOTA_CHILD set it runs a gateway (config path in
 * the variable), prints its port and closes the gateway on SIGTERM; in a worker thread it runs a
 * quota policy instance on the shared store it is given.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { pino } from 'pino';
import type { GatewayError } from '../../src/errors/gateway-error.ts';
import { readSnapshot } from '../../src/policies/quota/persist.ts';
import { policy as quota } from '../../src/policies/quota/policy.ts';
import { applyDefaults, fakeRequestContext } from '../../src/policies/testing.ts';
import { attachLocalStore, createLocalStore, type LocalStoreHandle } from '../../src/stores/local/index.ts';

const SELF = fileURLToPath(import.meta.url);
const CHILD = process.env.GATEHOUSE_QUOTA_CHILD;

/** Worker-thread side: count `n` requests for `tenant` against the shared store, then close. */
async function workerMain(): Promise<void> {
  const { handle, persist, n, tenant } = workerData as {
    handle: LocalStoreHandle;
    persist: string;
    n: number;
    tenant: string;
  };
  const store = attachLocalStore(handle);
  const instance = quota.create(
    applyDefaults(quota, {
      limit: 1000,
      key: 'header:x-tenant',
      persist_path: persist,
      persist_interval_s: 60,
    }),
    {
      logger: pino({ level: 'silent' }),
      scope: 'quota@global',
      mode: 'enforce',
      event: () => undefined,
      store,
    },
  );
  // Start together, so both threads hammer the same counter at the same time.
  parentPort!.postMessage('ready');
  await once(parentPort!, 'message');
  let admitted = 0;
  for (let i = 0; i < n; i++) {
    try {
      instance.onRequest!(fakeRequestContext({ headers: { 'x-tenant': tenant } }));
      admitted++;
    } catch (err) {
      if ((err as GatewayError).code !== 'GW_RATE_LIMITED') throw err;
    }
  }
  await instance.close?.();
  parentPort!.postMessage({ admitted });
}

/** Child-process side: a real gateway until SIGTERM (or SIGKILL). */
async function childMain(configPath: string): Promise<void> {
  const { startGateway } = await import('../helpers/gateway.ts');
  const tg = await startGateway(readFileSync(configPath, 'utf8'));
  process.stdout.write(`${JSON.stringify({ port: tg.port })}\n`);
  process.once('SIGTERM', () => {
    void tg.close().then(() => process.exit(0));
  });
}

if (!isMainThread) {
  await workerMain();
} else if (CHILD !== undefined) {
  await childMain(CHILD);
} else {
  const { after, before, describe, test } = await import('node:test');
  const { setTimeout: sleep } = await import('node:timers/promises');
  const { startFastUpstream } = await import('../helpers/load.ts');

  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-quota-restart-'));
  let up: Awaited<ReturnType<typeof startFastUpstream>>;
  before(async () => {
    up = await startFastUpstream();
  });
  after(async () => {
    await up?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const config = (persist: string) => `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: warn, access_log: false }
credentials: { store: none }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: api
    paths: ["/*"]
    upstream: backend
    policies:
      quota:
        limit: 20
        key: "header:x-tenant"
        on_missing_key: deny
        persist_path: "${persist}"
        persist_interval_s: 1
`;

  /** Starts the gateway child; resolves with its port once it listens. */
  async function startChild(configPath: string): Promise<{ child: ChildProcess; port: number }> {
    const child = spawn(process.execPath, [SELF], {
      env: { PATH: process.env.PATH, GATEHOUSE_QUOTA_CHILD: configPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child did not start: ${err}`)), 15_000);
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /\{"port":(\d+)\}/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`child exited (${code}): ${err}`));
      });
    });
    return { child, port };
  }

  async function hits(
    port: number,
    tenant: string,
    n: number,
  ): Promise<{ status: number; remaining: string | null }[]> {
    const out: { status: number; remaining: string | null }[] = [];
    for (let i = 0; i < n; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/x`, { headers: { 'x-tenant': tenant } });
      await res.text();
      out.push({ status: res.status, remaining: res.headers.get('x-quota-remaining') });
    }
    return out;
  }

  describe('quota usage across restarts (local store)', () => {
    test('a crash after a snapshot and a clean stop before one both keep the usage', async () => {
      const persist = join(dir, 'proc', 'quota.json');
      const configPath = join(dir, 'proc.yaml');
      writeFileSync(configPath, config(persist));

      let gw = await startChild(configPath);
      try {
        const used = await hits(gw.port, 'acme', 12);
        assert.ok(used.every((h) => h.status === 200));
        // Wait for a periodic snapshot holding the 12, then crash (no shutdown hook runs).
        const deadline = Date.now() + 5000;
        while (!existsSync(persist) || readSnapshot(persist)[0]?.[1] !== 12) {
          assert.ok(Date.now() < deadline, 'a periodic snapshot within 5 s');
          await sleep(100);
        }
        gw.child.kill('SIGKILL');
        await once(gw.child, 'exit');

        gw = await startChild(configPath);
        const afterCrash = await hits(gw.port, 'acme', 9);
        assert.deepEqual(
          afterCrash.map((h) => h.status),
          [200, 200, 200, 200, 200, 200, 200, 200, 429],
          '12 of 20 were used before the crash',
        );

        // A clean stop right after counting: the shutdown writes the snapshot.
        assert.equal(
          (await hits(gw.port, 'globex', 5)).every((h) => h.status === 200),
          true,
        );
        gw.child.kill('SIGTERM');
        const [code] = await once(gw.child, 'exit');
        assert.equal(code, 0);

        gw = await startChild(configPath);
        assert.deepEqual(await hits(gw.port, 'globex', 1), [{ status: 200, remaining: '14' }]);
        assert.equal((await hits(gw.port, 'acme', 1))[0]!.status, 429);
      } finally {
        gw.child.kill('SIGKILL');
      }
    });

    test('worker threads: exact across threads, one file per thread, restored once and merged', async () => {
      const persist = join(dir, 'threads', 'quota.json');
      const run = async (handle: LocalStoreHandle, n: number, tenant: string, threads: number) => {
        const workers = Array.from(
          { length: threads },
          () => new Worker(SELF, { workerData: { handle, persist, n, tenant } }),
        );
        const exited = workers.map((w) => once(w, 'exit'));
        await Promise.all(workers.map((w) => once(w, 'message')));
        const results = workers.map((w) =>
          once(w, 'message').then(([m]) => (m as { admitted: number }).admitted),
        );
        for (const w of workers) w.postMessage('go');
        const admitted = await Promise.all(results);
        await Promise.all(exited);
        return admitted.reduce((a, b) => a + b, 0);
      };

      // First "process": two threads, 700 attempts each against an allowance of 1000.
      const first = createLocalStore({ capacity: 1024 });
      assert.equal(await run(first.handle, 700, 'acme', 2), 1000, 'exactly the allowance, across threads');
      const files = readdirSync(join(dir, 'threads'))
        .filter((f) => f.startsWith('quota.json'))
        .sort();
      assert.equal(files.length, 2, `one file per thread: ${files.join(', ')}`);
      for (const f of files) assert.match(f, /^quota\.json\.w\d+$/);

      // Second "process": a fresh store; three threads start, one restores, none adds twice.
      const second = createLocalStore({ capacity: 1024 });
      assert.equal(await run(second.handle, 10, 'acme', 3), 0, 'the allowance is still used up');
      const keys = [...readSnapshot(join(dir, 'threads', readdirSync(join(dir, 'threads'))[0]!))];
      assert.equal(keys.length, 1);
      assert.equal(keys[0]![1], 1000, 'restored once: 1000, not 2000 or 3000');
    });
  });
}
