import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  backoffMs,
  createSinkRunner,
  PermanentDeliveryError,
  RingQueue,
  type RunnerOptions,
  type Transport,
} from './queue.ts';

const opts = (over: Partial<RunnerOptions> = {}): RunnerOptions => ({
  name: 't',
  type: 'test',
  queueSize: 100,
  overflow: 'drop_oldest',
  batchSize: 10,
  flushIntervalMs: 5,
  timeoutMs: 200,
  retry: { base_ms: 5, max_ms: 20, max_attempts: 0 },
  ...over,
});

const until = async (cond: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** A transport whose behaviour the test switches. */
function fake(): Transport<number[]> & { got: number[][]; mode: 'ok' | 'fail' | 'reject' | 'hang' } {
  const t = {
    got: [] as number[][],
    mode: 'ok' as 'ok' | 'fail' | 'reject' | 'hang',
    async send(batch: number[], signal: AbortSignal): Promise<void> {
      if (t.mode === 'fail') throw new Error('down');
      if (t.mode === 'reject') throw new PermanentDeliveryError('HTTP 400');
      if (t.mode === 'hang') {
        await new Promise((_r, reject) =>
          signal.addEventListener('abort', () => reject(new Error('aborted'))),
        );
      }
      t.got.push(batch);
    },
    async close(): Promise<void> {},
  };
  return t;
}

describe('RingQueue', () => {
  test('FIFO, bounded, grows lazily', () => {
    const q = new RingQueue<number>(3000);
    for (let i = 0; i < 3000; i++) assert.equal(q.push(i), true);
    assert.equal(q.push(3000), false);
    assert.deepEqual(q.take(3), [0, 1, 2]);
    assert.equal(q.shift(), 3);
    assert.equal(q.length, 2996);
    assert.equal(q.toArray()[0], 4);
    assert.throws(() => new RingQueue(0), TypeError);
  });
});

describe('backoff', () => {
  test('exponential, capped, with jitter between half and full', () => {
    assert.equal(
      backoffMs(1, 100, 10_000, () => 0),
      50,
    );
    assert.equal(
      backoffMs(1, 100, 10_000, () => 1),
      100,
    );
    assert.equal(
      backoffMs(4, 100, 10_000, () => 1),
      800,
    );
    assert.equal(
      backoffMs(30, 100, 10_000, () => 1),
      10_000,
    );
    assert.equal(
      backoffMs(30, 100, 10_000, () => 0),
      5000,
    );
  });
});

describe('sink runner', () => {
  test('batches in order and delivers everything', async () => {
    const t = fake();
    const r = createSinkRunner(opts(), t, (xs: number[]) => xs);
    for (let i = 0; i < 35; i++) r.push(i);
    await until(() => r.stats().delivered === 35);
    assert.deepEqual(
      t.got.flat(),
      Array.from({ length: 35 }, (_, i) => i),
    );
    assert.ok(t.got.every((b) => b.length <= 10));
    await r.close();
  });

  test('retries through an outage, then delivers; overflow drops the oldest and counts', async () => {
    const t = fake();
    t.mode = 'fail';
    const drops: [number, string][] = [];
    const r = createSinkRunner(
      opts({ queueSize: 20, onDrop: (n, why) => drops.push([n, why]) }),
      t,
      (xs: number[]) => xs,
    );
    for (let i = 0; i < 50; i++) r.push(i);
    await until(() => r.stats().failures >= 3);
    t.mode = 'ok';
    await until(() => r.stats().queued === 0 && r.stats().in_flight === 0);
    const s = r.stats();
    assert.equal(s.delivered + s.dropped, 50);
    assert.equal(s.dropped, s.dropped_by_reason.queue_full);
    assert.equal(
      drops.reduce((a, [n]) => a + n, 0),
      s.dropped,
    );
    // All 50 were pushed before the first delivery started: the queue kept the newest 20.
    assert.deepEqual(
      t.got.flat(),
      Array.from({ length: 20 }, (_, i) => 30 + i),
    );
    assert.equal(s.dropped, 30);
    await r.close();
  });

  test('drop_newest keeps the oldest', async () => {
    const t = fake();
    t.mode = 'fail';
    const r = createSinkRunner(opts({ queueSize: 5, overflow: 'drop_newest' }), t, (xs: number[]) => xs);
    for (let i = 0; i < 20; i++) r.push(i);
    await until(() => r.stats().failures >= 1);
    t.mode = 'ok';
    await until(() => r.stats().queued === 0 && r.stats().in_flight === 0);
    assert.deepEqual(t.got.flat().slice(0, 5), [0, 1, 2, 3, 4]);
    await r.close();
  });

  test('a permanent refusal drops the batch; max_attempts bounds retries', async () => {
    const t = fake();
    t.mode = 'reject';
    const r = createSinkRunner(opts(), t, (xs: number[]) => xs);
    for (let i = 0; i < 10; i++) r.push(i);
    await until(() => r.stats().dropped === 10);
    assert.equal(r.stats().dropped_by_reason.rejected, 10);
    assert.match(r.stats().last_error ?? '', /HTTP 400/);
    await r.close();

    const t2 = fake();
    t2.mode = 'fail';
    const r2 = createSinkRunner(
      opts({ retry: { base_ms: 1, max_ms: 2, max_attempts: 3 } }),
      t2,
      (xs: number[]) => xs,
    );
    for (let i = 0; i < 10; i++) r2.push(i);
    await until(() => r2.stats().dropped === 10);
    assert.equal(r2.stats().failures, 3);
    assert.equal(r2.stats().dropped_by_reason.retries_exhausted, 10);
    await r2.close();
  });

  test('a hanging receiver times out; close() gives up after its grace and counts the rest', async () => {
    const t = fake();
    t.mode = 'hang';
    const r = createSinkRunner(opts({ timeoutMs: 50 }), t, (xs: number[]) => xs);
    for (let i = 0; i < 30; i++) r.push(i);
    await until(() => r.stats().failures >= 1);
    const started = Date.now();
    await r.close(100);
    assert.ok(Date.now() - started < 2000);
    const s = r.stats();
    assert.equal(s.delivered, 0);
    assert.equal(s.dropped, 30);
    r.push(1);
    assert.equal(r.stats().dropped_by_reason.closed, 31);
  });

  test('close() flushes a partial batch without waiting for the interval', async () => {
    const t = fake();
    const r = createSinkRunner(opts({ flushIntervalMs: 60_000 }), t, (xs: number[]) => xs);
    r.push(1);
    r.push(2);
    await r.close();
    assert.deepEqual(t.got, [[1, 2]]);
  });
});
