/**
 * `gatehouse start` with two worker threads sharing one port (SO_REUSEPORT): both workers serve
 * (their access-log lines carry `worker: 0|1`), the admin `/metrics` aggregates every worker's
 * counters, and a SIGHUP reload reaches both workers.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { type CliProcess, freePort, runCli } from '../helpers/cli.ts';
import { type FastUpstream, startFastUpstream } from '../helpers/load.ts';

/** The admin token the test configs declare (the admin API needs one for /status). */
const ADMIN_AUTH = { authorization: 'Bearer gatehouse-test-admin-token-0001' };

let up: FastUpstream;
let dir: string;

before(async () => {
  up = await startFastUpstream();
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-workers-'));
});
after(async () => {
  await up.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(o: { port: number; admin: number; workers: number; version: string }): string {
  return `gatehouse: 1
workers: ${o.workers}
admin: { host: 127.0.0.1, port: ${o.admin}, tokens: [{ id: test, role: admin, token: "gatehouse-test-admin-token-0001" }], state_dir: "${join(tmpdir(), `gh-admin-${process.pid}`)}" }
logging: { level: info, access_log: true }
listeners:
  - { name: main, host: 127.0.0.1, port: ${o.port} }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: all
    paths: ["/*"]
    upstream: backend
    policies:
      headers:
        response:
          set: { x-config: "${o.version}" }
`;
}

/** `n` GETs, each on a new connection (so the kernel spreads them across the workers' sockets). */
async function freshRequests(port: number, prefix: string, n: number): Promise<string[]> {
  const seen: string[] = [];
  const one = async (i: number) => {
    const res = await request(`http://127.0.0.1:${port}${prefix}/${i}`, { reset: true });
    await res.body.text();
    assert.equal(res.statusCode, 200);
    seen.push(String(res.headers['x-config']));
  };
  for (let i = 0; i < n; i += 10)
    await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, k) => one(i + k)));
  return seen;
}

/** Access-log lines (the gateway's stdout) for paths starting with `prefix`, by worker index. */
function accessByWorker(gh: CliProcess, prefix: string): Map<unknown, number> {
  const out = new Map<unknown, number>();
  for (const l of gh.logs()) {
    const ev = l.event as { dataset?: string } | undefined;
    const path = (l.url as { path?: string } | undefined)?.path ?? '';
    if (ev?.dataset !== 'gatehouse.access' || !path.startsWith(`${prefix}/`)) continue;
    out.set(l.worker, (out.get(l.worker) ?? 0) + 1);
  }
  return out;
}

async function adminGet(admin: number, path: string): Promise<string> {
  const res = await request(`http://127.0.0.1:${admin}${path}`, { headers: ADMIN_AUTH });
  assert.equal(res.statusCode, 200, path);
  return res.body.text();
}

describe('worker threads', () => {
  it('`workers: 2` serves one port from both workers; /metrics aggregates; SIGHUP reaches both', async () => {
    const port = await freePort();
    const admin = await freePort();
    const file = join(dir, 'two.yaml');
    writeFileSync(file, config({ port, admin, workers: 2, version: 'one' }));
    const gh = runCli(['start', '--config', file]);
    try {
      await gh.waitFor((o) => o.includes('is running'), 25_000, 'the gateway to start');
      const N = 300;
      const seen = await freshRequests(port, '/first', N);
      assert.deepEqual(new Set(seen), new Set(['one']));
      await gh.waitFor(
        () => [...accessByWorker(gh, '/first').values()].reduce((a, b) => a + b, 0) >= N,
        5000,
        'every access-log line',
      );
      const first = accessByWorker(gh, '/first');
      assert.deepEqual([...first.keys()].sort(), [0, 1], 'access-log lines come from worker 0 and worker 1');
      assert.equal((first.get(0) ?? 0) + (first.get(1) ?? 0), N);

      const metrics = await adminGet(admin, '/metrics');
      const served = /gatehouse_http_server_requests_total\{route="all"[^}]*status="200"\} (\d+)/.exec(
        metrics,
      );
      assert.equal(Number(served?.[1]), N, 'the aggregated request count is the sum over both workers');
      assert.match(metrics, /gatehouse_config_reloads_total\{result="success"\} 1\b/);
      const status = JSON.parse(await adminGet(admin, '/status')) as { workers: number; generation: number };
      assert.equal(status.workers, 2);
      assert.equal(status.generation, 1);
      // Both workers' requests reach the main thread's dashboard statistics.
      const stats = JSON.parse(await adminGet(admin, '/stats')) as { data: { totals: { requests: number } } };
      assert.equal(stats.data.totals.requests, N, 'dashboard statistics count every worker');

      // SIGHUP: both workers apply the new file.
      const next = config({ port, admin, workers: 2, version: 'two' });
      writeFileSync(`${file}.tmp`, next);
      renameSync(`${file}.tmp`, file);
      process.kill(gh.pid, 'SIGHUP');
      const digest = createHash('sha256').update(next).digest('hex').slice(0, 16);
      const deadline = performance.now() + 5000;
      while (
        (JSON.parse(await adminGet(admin, '/status')) as { config_sha256: string }).config_sha256 !== digest
      ) {
        assert.ok(performance.now() < deadline, 'the reload applies within 5 s');
        await sleep(20);
      }
      const after = await freshRequests(port, '/second', 200);
      assert.deepEqual(new Set(after), new Set(['two']), 'every worker answers with the new config');
      await gh.waitFor(
        () => [...accessByWorker(gh, '/second').values()].reduce((a, b) => a + b, 0) >= 200,
        5000,
        'the access-log lines after the reload',
      );
      assert.deepEqual([...accessByWorker(gh, '/second').keys()].sort(), [0, 1]);
      const reloadedBy = gh
        .logs()
        .filter((l) => l.message === 'configuration reloaded' && l.config_sha256 === digest)
        .map((l) => l.worker)
        .sort();
      assert.deepEqual([...new Set(reloadedBy)], [0, 1], 'each worker logged its reload');

      gh.kill('SIGTERM');
      assert.equal((await gh.exitWithin(25_000)).code, 0, gh.stderr());
    } finally {
      gh.kill('SIGKILL');
    }
  });

  it('a rate limit is exact across both workers (one shared local state store)', async () => {
    const port = await freePort();
    const admin = await freePort();
    const file = join(dir, 'limit.yaml');
    writeFileSync(
      file,
      config({ port, admin, workers: 2, version: 'limited' }).replace(
        'policies:\n      headers:',
        `policies:
      rate-limit:
        key: header:x-client
        limits:
          - { name: per-minute, limit: 40, period: 1m }
      headers:`,
      ),
    );
    const gh = runCli(['start', '--config', file]);
    try {
      await gh.waitFor((o) => o.includes('is running'), 25_000, 'the gateway to start');
      const statuses: number[] = [];
      const one = async (i: number) => {
        const res = await request(`http://127.0.0.1:${port}/limited/${i}`, {
          reset: true,
          headers: { 'x-client': 'c1' },
        });
        await res.body.text();
        statuses.push(res.statusCode);
      };
      for (let i = 0; i < 100; i += 10) await Promise.all(Array.from({ length: 10 }, (_, k) => one(i + k)));
      await gh.waitFor(() => accessByWorker(gh, '/limited').size === 2, 5000, 'lines from both workers');
      assert.equal(
        statuses.filter((s) => s === 200).length,
        40,
        'exactly the limit passes, not 40 per worker',
      );
      assert.equal(statuses.filter((s) => s === 429).length, 60);
      gh.kill('SIGTERM');
      assert.equal((await gh.exitWithin(25_000)).code, 0, gh.stderr());
    } finally {
      gh.kill('SIGKILL');
    }
  });

  it('`--workers 2` overrides `workers: 1` from the file', async () => {
    const port = await freePort();
    const admin = await freePort();
    const file = join(dir, 'flag.yaml');
    writeFileSync(file, config({ port, admin, workers: 1, version: 'flag' }));
    const gh = runCli(['start', '--config', file, '--workers', '2']);
    try {
      await gh.waitFor((o) => o.includes('is running'), 25_000, 'the gateway to start');
      await freshRequests(port, '/flag', 100);
      await gh.waitFor(() => accessByWorker(gh, '/flag').size === 2, 5000, 'lines from both workers');
      const status = JSON.parse(await adminGet(admin, '/status')) as { workers: number };
      assert.equal(status.workers, 2);
      gh.kill('SIGTERM');
      assert.equal((await gh.exitWithin(25_000)).code, 0, gh.stderr());
    } finally {
      gh.kill('SIGKILL');
    }
  });
});
