import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CircuitBreaker } from './circuit-breaker.ts';
import type { CircuitState } from './types.ts';

const spec = {
  failure_ratio: 0.5,
  min_requests: 10,
  window_ms: 10_000,
  open_ms: 30_000,
  half_open_requests: 3,
};

function run(cb: CircuitBreaker, ok: boolean, now: number): void {
  assert.ok(cb.allowsRequest(now), 'request admitted');
  cb.onStart();
  cb.onEnd(ok, now);
}

describe('CircuitBreaker', () => {
  test('stays closed below min_requests whatever the failure ratio', () => {
    const cb = new CircuitBreaker(spec);
    for (let i = 0; i < 9; i++) run(cb, false, 1000);
    assert.equal(cb.state(1000), 'closed');
  });

  test('opens at the failure ratio once min_requests are in the window', () => {
    const transitions: Array<[CircuitState, CircuitState]> = [];
    const cb = new CircuitBreaker(spec, (from, to) => transitions.push([from, to]));
    for (let i = 0; i < 5; i++) run(cb, true, 1000);
    for (let i = 0; i < 4; i++) run(cb, false, 1000);
    assert.equal(cb.state(1000), 'closed', '4/9 failed');
    run(cb, false, 1000);
    assert.equal(cb.state(1000), 'open', '5/10 failed');
    assert.equal(cb.allowsRequest(1000), false);
    assert.equal(cb.allowsRequest(30_999), false);
    assert.deepEqual(transitions, [['closed', 'open']]);
  });

  test('forgets outcomes that left the rolling window', () => {
    const cb = new CircuitBreaker(spec);
    for (let i = 0; i < 9; i++) run(cb, false, 1000);
    // 11 s later the earlier failures are gone: 1 failure out of 1 is below min_requests.
    run(cb, false, 12_000);
    assert.equal(cb.state(12_000), 'closed');
    for (let i = 0; i < 10; i++) run(cb, true, 12_500);
    for (let i = 0; i < 8; i++) run(cb, false, 12_500);
    assert.equal(cb.state(12_500), 'closed', '9 failures of 19');
    run(cb, false, 12_500);
    assert.equal(cb.state(12_500), 'open');
  });

  test('half-open admits N probes; all succeeding closes with a fresh window', () => {
    const transitions: Array<[CircuitState, CircuitState]> = [];
    const cb = new CircuitBreaker(spec, (from, to) => transitions.push([from, to]));
    for (let i = 0; i < 10; i++) run(cb, false, 0);
    const t = 30_000;
    assert.equal(cb.allowsRequest(t), true);
    assert.equal(cb.state(t), 'half-open');
    for (let i = 0; i < 3; i++) {
      assert.equal(cb.allowsRequest(t), true);
      cb.onStart();
    }
    assert.equal(cb.allowsRequest(t), false, 'no fourth probe');
    cb.onEnd(true, t);
    cb.onEnd(true, t);
    assert.equal(cb.state(t), 'half-open');
    cb.onEnd(true, t);
    assert.equal(cb.state(t), 'closed');
    // Fresh window: 9 failures do not re-open.
    for (let i = 0; i < 9; i++) run(cb, false, t);
    assert.equal(cb.state(t), 'closed');
    assert.deepEqual(transitions, [
      ['closed', 'open'],
      ['open', 'half-open'],
      ['half-open', 'closed'],
    ]);
  });

  test('a failed probe re-opens for another open_ms', () => {
    const cb = new CircuitBreaker(spec);
    for (let i = 0; i < 10; i++) run(cb, false, 0);
    cb.allowsRequest(30_000);
    cb.onStart();
    cb.onStart();
    cb.onEnd(true, 30_000);
    cb.onEnd(false, 30_001);
    assert.equal(cb.state(30_001), 'open');
    assert.equal(cb.allowsRequest(60_000), false);
    assert.equal(cb.allowsRequest(60_001), true);
  });

  test('a cancelled probe frees its slot; stale outcomes are ignored', () => {
    const cb = new CircuitBreaker(spec);
    cb.onStart(); // a request started while closed, finishing much later
    for (let i = 0; i < 10; i++) run(cb, false, 0);
    cb.onEnd(true, 100); // while open: ignored
    assert.equal(cb.state(100), 'open');
    assert.equal(cb.allowsRequest(30_000), true);
    cb.onEnd(false, 30_000); // stale, no probe in flight: ignored
    assert.equal(cb.state(30_000), 'half-open');
    for (let i = 0; i < 3; i++) cb.onStart();
    assert.equal(cb.allowsRequest(30_000), false);
    cb.onCancel();
    assert.equal(cb.allowsRequest(30_000), true);
    cb.onStart();
    assert.equal(cb.allowsRequest(30_000), false);
    cb.onEnd(true, 30_000);
    cb.onEnd(true, 30_000);
    assert.equal(cb.state(30_000), 'half-open', 'two of three probes answered');
    cb.onEnd(true, 30_000);
    assert.equal(cb.state(30_000), 'closed');
  });
});
