/**
 * Rate-limit accuracy across worker threads and across nodes (the test-sized version of
 * bench/accuracy/accuracy.ts): gateway processes with 2 workers each, hammered well above a
 * sliding-window limit on one fresh key inside one aligned window, must admit exactly the limit
 * (the bound of the issue: at least the limit, at most 1 % over).
 *
 * - local: 1 node x 2 workers sharing the process's shared-memory table;
 * - redis: 3 nodes x 2 workers sharing one redis-server;
 * - cluster: 3 nodes x 2 workers on a 3-master Redis Cluster.
 * Each also checks that every worker admitted some of the requests (the limit is shared, not split).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AccuracyOptions, type AccuracyResult, runAccuracy } from '../../bench/accuracy/accuracy.ts';

const LIMIT = 200;
const PERIOD_MS = 10_000;

function check(r: AccuracyResult): void {
  const { load } = r;
  const detail = JSON.stringify({
    runner: r.runner,
    sent: load.sent,
    byStatus: load.byStatus,
    perWorker: r.perWorker,
  });
  assert.equal(load.errors, 0, `errors: ${load.firstErrors.join('; ')}`);
  assert.ok(load.sent >= LIMIT * 1.5, `traffic must be well above the limit: ${detail}`);
  assert.ok(load.admitted >= LIMIT, `never under the limit while traffic is above it: ${detail}`);
  assert.ok(load.admitted <= Math.floor(LIMIT * 1.01), `at most 1 % over: ${detail}`);
  assert.equal((load.byStatus['200'] ?? 0) + (load.byStatus['429'] ?? 0), load.sent, detail);
  for (const [i, node] of r.perWorker.entries()) {
    if (node === undefined) continue;
    const admitted = Object.values(node).map((w) => w['200'] ?? 0);
    assert.equal(admitted.length, r.options.workers, `node ${i}: every worker answered: ${detail}`);
  }
  const total = r.perWorker.reduce(
    (n, node) => n + Object.values(node ?? {}).reduce((m, w) => m + (w['200'] ?? 0), 0),
    0,
  );
  if (r.perWorker.every((n) => n !== undefined)) assert.equal(total, load.admitted, detail);
}

const base: Omit<AccuracyOptions, 'backend' | 'nodes'> = {
  workers: 2,
  algorithm: 'sliding-window',
  limit: LIMIT,
  periodMs: PERIOD_MS,
  durationMs: 4000,
  // The kernel spreads connections over a node's workers (SO_REUSEPORT hash): with 8 connections all land on
  // one worker about once in 128 runs per node, failing the "every worker answered" check; 16 make it 1 in 32,768.
  clientsPerNode: 16,
};

describe('rate-limit accuracy', () => {
  test('local: 1 node x 2 workers admit exactly the limit', { timeout: 120_000 }, async () => {
    const r = await runAccuracy({ ...base, backend: 'local', nodes: 1 });
    check(r);
    const perWorker = Object.values(r.perWorker[0] ?? {}).map((w) => w['200'] ?? 0);
    if (r.perWorker[0] !== undefined) {
      assert.ok(
        perWorker.every((n) => n > 0),
        `both workers admitted requests: ${perWorker}`,
      );
    }
  });

  test(
    'redis: 3 nodes x 2 workers on one redis-server admit exactly the limit',
    { timeout: 180_000 },
    async () => {
      const r = await runAccuracy({ ...base, backend: 'redis', nodes: 3, clientsPerNode: 16 });
      check(r);
      assert.equal(Object.keys(r.load.admittedByPort).length, 3, 'every node admitted requests');
    },
  );

  test(
    'cluster: 3 nodes x 2 workers on a 3-master Redis Cluster admit exactly the limit',
    { timeout: 180_000 },
    async () => {
      const r = await runAccuracy({ ...base, backend: 'cluster', nodes: 3, clientsPerNode: 16 });
      check(r);
      assert.equal(Object.keys(r.load.admittedByPort).length, 3, 'every node admitted requests');
    },
  );

  test('local GCRA: admitted matches the ideal limiter over the run', { timeout: 120_000 }, async () => {
    const r = await runAccuracy({
      ...base,
      backend: 'local',
      nodes: 1,
      algorithm: 'gcra',
      limit: 100,
      periodMs: 2000,
    });
    assert.equal(r.load.errors, 0);
    const [lo, hi] = r.ideal;
    assert.ok(
      r.load.admitted >= lo && r.load.admitted <= Math.ceil(hi * 1.01),
      `admitted ${r.load.admitted}, ideal ${lo}–${hi}`,
    );
  });
});
