/**
 * `quota` in the real CLI (`gatehouse start`) with two worker threads and the local store: the
 * allowance is exact across both workers; usage survives a crash (SIGKILL after a periodic
 * snapshot) and a clean shutdown (SIGTERM right after the requests); a restart with another number
 * of workers merges the per-thread files.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { readSnapshot } from '../../src/policies/quota/persist.ts';
import { type CliProcess, freePort, runCli } from '../helpers/cli.ts';
import { type FastUpstream, startFastUpstream } from '../helpers/load.ts';

let up: FastUpstream;
let dir: string;
before(async () => {
  up = await startFastUpstream();
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-quota-workers-'));
});
after(async () => {
  await up?.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(port: number, persist: string, workers: number, interval: number): string {
  return `gatehouse: 1
workers: ${workers}
admin: { enabled: false }
logging: { level: info, access_log: true }
credentials: { store: none }
listeners:
  - { name: main, host: 127.0.0.1, port: ${port} }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: api
    paths: ["/*"]
    upstream: backend
    policies:
      quota:
        limit: 30
        key: "header:x-tenant"
        on_missing_key: deny
        persist_path: "${persist}"
        persist_interval_s: ${interval}
`;
}

/** `n` GETs for `tenant`, each on a new connection (so the kernel spreads them over the workers). */
async function burst(
  port: number,
  tenant: string,
  n: number,
): Promise<{ statuses: number[]; remaining: string[] }> {
  const statuses: number[] = [];
  const remaining: string[] = [];
  const one = async () => {
    const res = await request(`http://127.0.0.1:${port}/x`, { headers: { 'x-tenant': tenant }, reset: true });
    await res.body.text();
    statuses.push(res.statusCode);
    remaining.push(String(res.headers['x-quota-remaining']));
  };
  for (let i = 0; i < n; i += 10) await Promise.all(Array.from({ length: Math.min(10, n - i) }, one));
  return { statuses, remaining };
}

const count = (xs: number[], v: number) => xs.filter((x) => x === v).length;

async function start(file: string): Promise<CliProcess> {
  const gh = runCli(['start', '--config', file]);
  await gh.waitFor((o) => o.includes('is running'), 30_000, 'the gateway to start');
  return gh;
}

describe('quota with worker threads (CLI, local store)', () => {
  test('exact across 2 workers; survives SIGKILL after a snapshot and SIGTERM before one', async () => {
    const port = await freePort();
    const state = join(dir, 'state');
    const persist = join(state, 'quota.json');
    const file = join(dir, 'gatehouse.yaml');
    writeFileSync(file, config(port, persist, 2, 1));

    let gh = await start(file);
    try {
      const first = await burst(port, 'acme', 45);
      assert.equal(count(first.statuses, 200), 30, 'exactly the allowance passes, across both workers');
      assert.equal(count(first.statuses, 429), 15);
      await gh.waitFor(
        () =>
          new Set(
            gh
              .logs()
              .filter((l) => (l.event as { dataset?: string } | undefined)?.dataset === 'gatehouse.access')
              .map((l) => l.worker),
          ).size === 2,
        5000,
        'access-log lines from both workers',
      );

      // Wait for a periodic snapshot holding all 30, then crash.
      const snapshotMax = () => {
        let best = 0;
        for (const f of readdirSync(state)) {
          if (!/^quota\.json(\.w\d+)?$/.test(f)) continue;
          for (const [, v] of readSnapshot(join(state, f))) if (v > best) best = v;
        }
        return best;
      };
      const deadline = Date.now() + 5000;
      while (!existsSync(state) || snapshotMax() < 30) {
        assert.ok(Date.now() < deadline, 'a snapshot with the full count within 5 s');
        await sleep(100);
      }
      gh.kill('SIGKILL');
      await gh.exitWithin(5000);

      gh = await start(file);
      const afterCrash = await burst(port, 'acme', 6);
      assert.deepEqual(
        afterCrash.statuses,
        [429, 429, 429, 429, 429, 429],
        'the used-up allowance came back',
      );
      await gh.waitFor(
        () => gh.logs().some((l) => l.message === 'quota: usage restored from snapshot'),
        5000,
        'the restore log line',
      );
      assert.equal(
        gh.logs().filter((l) => l.message === 'quota: usage restored from snapshot').length,
        1,
        'exactly one worker restored',
      );

      // A clean stop right after counting: the shutdown writes the snapshot.
      const globex = await burst(port, 'globex', 7);
      assert.equal(count(globex.statuses, 200), 7);
      gh.kill('SIGTERM');
      assert.equal((await gh.exitWithin(15_000)).code, 0, gh.stderr());

      // Restart with one worker (the main thread): the worker files are merged into one.
      writeFileSync(file, config(port, persist, 1, 60));
      gh = await start(file);
      const next = await burst(port, 'globex', 1);
      assert.deepEqual(next.statuses, [200]);
      assert.deepEqual(next.remaining, ['22'], '7 + 1 of 30 used');
      assert.deepEqual((await burst(port, 'acme', 1)).statuses, [429]);
      gh.kill('SIGTERM');
      assert.equal((await gh.exitWithin(15_000)).code, 0, gh.stderr());
      assert.deepEqual(
        readdirSync(state).filter((f) => f.startsWith('quota.json')),
        ['quota.json'],
        'one file left: the main thread’s',
      );
    } finally {
      gh.kill('SIGKILL');
    }
  });
});
