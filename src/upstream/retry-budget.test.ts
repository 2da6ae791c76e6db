import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RetryBudget } from './retry-budget.ts';
import { WindowedSum } from './windowed-sum.ts';

function drain(budget: RetryBudget, now: number): number {
  let n = 0;
  while (budget.tryRetry(now)) {
    budget.recordAttempt(now); // the retry's own attempt
    n++;
    if (n > 1_000_000) throw new Error('budget never ran out');
  }
  return n;
}

describe('RetryBudget', () => {
  test('without traffic only the per-second minimum over the window is available', () => {
    const budget = new RetryBudget({ budget_ratio: 0.2, min_retries_per_second: 3 });
    assert.equal(drain(budget, 0), 30);
    assert.equal(budget.tryRetry(5_000), false);
  });

  test('retries add at most budget_ratio of the requests (plus the reserve)', () => {
    const budget = new RetryBudget({ budget_ratio: 0.2, min_retries_per_second: 0 });
    for (let i = 0; i < 1000; i++) budget.recordAttempt(100);
    assert.equal(drain(budget, 100), 200);
    // Retries do not fund further retries.
    assert.equal(budget.tryRetry(100), false);
  });

  test('the budget refills as the window rolls', () => {
    const budget = new RetryBudget({ budget_ratio: 0.1, min_retries_per_second: 1 });
    for (let i = 0; i < 100; i++) budget.recordAttempt(0);
    assert.equal(drain(budget, 0), 10 + 10);
    assert.equal(budget.tryRetry(9_000), false);
    // After the window both the deposits and the withdrawals expire: only the reserve is left.
    assert.equal(drain(budget, 11_000), 10);
  });

  test('ratio 0 and no minimum means no retries', () => {
    const budget = new RetryBudget({ budget_ratio: 0, min_retries_per_second: 0 });
    for (let i = 0; i < 100; i++) budget.recordAttempt(0);
    assert.equal(budget.tryRetry(0), false);
  });
});

describe('WindowedSum', () => {
  test('sums over the rolling window and expires old buckets', () => {
    const w = new WindowedSum(1000, 10);
    w.add(1, 0);
    w.add(2, 450);
    w.add(3, 999);
    assert.equal(w.total(999), 6);
    assert.equal(w.total(1050), 5, 'bucket [0,100) expired');
    assert.equal(w.total(1500), 3);
    assert.equal(w.total(5000), 0);
  });

  test('a clock going backwards writes into the current bucket', () => {
    const w = new WindowedSum(1000, 10);
    w.add(1, 5000);
    w.add(1, 4000);
    assert.equal(w.total(5000), 2);
    w.reset();
    assert.equal(w.total(5000), 0);
  });

  test('rejects a bad window', () => {
    assert.throws(() => new WindowedSum(0), TypeError);
    assert.throws(() => new WindowedSum(10, 0), TypeError);
  });
});
