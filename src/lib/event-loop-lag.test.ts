import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventLoopLagMs, LAG_SAMPLE_INTERVAL_MS, watchEventLoopLag } from './event-loop-lag.ts';

function block(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy: the event loop cannot run
  }
}

test('an idle loop reads a small lag; a blocked loop reads about the blocking time', async () => {
  const seen: number[] = [];
  const stop = watchEventLoopLag((lag) => seen.push(lag));
  try {
    await sleep(LAG_SAMPLE_INTERVAL_MS * 4);
    assert.ok(seen.length >= 2, `${seen.length} windows in 400 ms`);
    assert.ok(Math.min(...seen) < 20, `idle lag ${Math.min(...seen)} ms`);
    const before = seen.length;
    block(250);
    await sleep(LAG_SAMPLE_INTERVAL_MS * 2);
    const after = seen.slice(before);
    assert.ok(Math.max(...after) >= 150, `after a 250 ms block: ${after.join(', ')}`);
    assert.equal(eventLoopLagMs(), seen.at(-1));
  } finally {
    stop();
  }
});

test('the sampler stops with its last subscriber; a throwing listener is reported, not fatal', async () => {
  let a = 0;
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  process.on('warning', onWarning);
  const stopA = watchEventLoopLag(() => {
    a++;
  });
  const stopB = watchEventLoopLag(() => {
    throw new Error('listener bug');
  });
  try {
    await sleep(LAG_SAMPLE_INTERVAL_MS * 3);
    assert.ok(a >= 1);
    stopB();
    stopB();
    const atStop = a;
    stopA();
    await sleep(LAG_SAMPLE_INTERVAL_MS * 3);
    assert.equal(a, atStop, 'no calls after unsubscribing');
    assert.equal(eventLoopLagMs(), 0, 'nothing sampled while nobody listens');
    assert.ok(warnings.some((w) => /listener bug/.test(w)));
  } finally {
    process.off('warning', onWarning);
    stopA();
    stopB();
  }
  assert.throws(() => watchEventLoopLag('x' as never), TypeError);
});
