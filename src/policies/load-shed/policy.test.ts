import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { GatewayError } from '../../errors/gateway-error.ts';
import { eventLoopLagMs, LAG_SAMPLE_INTERVAL_MS } from '../../lib/event-loop-lag.ts';
import type { LogContext, PolicyInstance, RequestContext } from '../../pipeline/types.ts';
import { runReportOnly } from '../auth-requirement/test-support.ts';
import { fakeRequestContext, instantiate, schemaFixtureSuite } from '../testing.ts';
import { LATENCY_STALE_MS, policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

function block(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

/** True when the request phase (and, with a consumer, the upstream phase) let the request through. */
function passes(instance: PolicyInstance, ctx: RequestContext): boolean {
  try {
    instance.onRequest?.(ctx);
    instance.onUpstream?.(ctx);
    return true;
  } catch (err) {
    assert.ok(err instanceof GatewayError);
    assert.equal(err.code, 'GW_OVERLOADED');
    assert.equal(err.status, 503);
    assert.equal(err.reason, 'load_shed');
    assert.ok(err.headers?.['retry-after']);
    return false;
  }
}

/** Share of `n` requests let through. */
function admitted(instance: PolicyInstance, make: () => RequestContext, n = 200): number {
  let ok = 0;
  for (let i = 0; i < n; i++) if (passes(instance, make())) ok++;
  return ok / n;
}

/** Logs an upstream exchange of `ms` on `route`. */
function logUpstream(instance: PolicyInstance, route: string, ms: number | undefined, error?: Error): void {
  const ctx = fakeRequestContext({ route: { name: route } }) as unknown as Record<string, unknown>;
  ctx.upstreamMs = ms;
  ctx.durationMs = ms ?? 5000;
  ctx.error = error;
  ctx.status = 200;
  instance.onLog!(ctx as unknown as LogContext);
}

describe('load-shed', () => {
  test('event-loop lag: low is shed, critical is not; admission comes back after the overload', async () => {
    const low = instantiate(policy, {
      priority: 'low',
      event_loop_lag_ms: { low: 30, normal: 100, high: 250 },
      hold_ms: 200,
    });
    const critical = instantiate(policy, {
      priority: 'critical',
      event_loop_lag_ms: { low: 30, normal: 100, high: 250 },
    });
    try {
      assert.equal(
        admitted(low, () => fakeRequestContext()),
        1,
        'nothing shed while the loop is idle',
      );
      // Overload: the loop is blocked most of every 100 ms window for a while.
      const until = performance.now() + 1200;
      while (performance.now() < until) {
        block(80);
        await sleep(1);
      }
      assert.ok(eventLoopLagMs() > 30, `lag ${eventLoopLagMs()} ms`);
      assert.equal(
        admitted(low, () => fakeRequestContext()),
        0,
        'low is shed entirely',
      );
      assert.equal(
        admitted(critical, () => fakeRequestContext()),
        1,
        'critical is never shed',
      );

      // Recovery: below threshold × recover_ratio for hold_ms, then +10 % per 100 ms.
      const deadline = performance.now() + 5000;
      while (admitted(low, () => fakeRequestContext(), 50) < 1) {
        assert.ok(performance.now() < deadline, 'low is admitted again within 5 s');
        await sleep(LAG_SAMPLE_INTERVAL_MS);
      }
    } finally {
      low.close?.();
      critical.close?.();
    }
  });

  test('upstream latency of the route: shed low on that route only; probes after LATENCY_STALE_MS', async () => {
    const p = instantiate(policy, {
      priority: 'low',
      event_loop_lag_ms: { low: 0, normal: 0, high: 0 },
      upstream_latency_ms: { low: 200 },
      hold_ms: 0,
    });
    try {
      const onSlow = () => fakeRequestContext({ route: { name: 'slow' } });
      const onFast = () => fakeRequestContext({ route: { name: 'fast' } });
      for (let i = 0; i < 6; i++) {
        logUpstream(p, 'slow', 900);
        logUpstream(p, 'fast', 20);
        await sleep(LAG_SAMPLE_INTERVAL_MS + 10);
      }
      assert.equal(admitted(p, onSlow), 0, 'the slow route sheds low');
      assert.equal(admitted(p, onFast), 1, 'the fast route does not');
      // Timeouts count as slow answers; other errors without a head are ignored.
      logUpstream(p, 'slow', undefined, new GatewayError('GW_UPSTREAM_TIMEOUT'));
      logUpstream(p, 'slow', undefined, new GatewayError('GW_NOT_FOUND'));
      // No samples for a while (everything shed): the route counts as recovered, gradually.
      await sleep(LATENCY_STALE_MS + 50);
      const deadline = performance.now() + 3000;
      while (admitted(p, onSlow, 50) < 1) {
        assert.ok(performance.now() < deadline, 'probing reopens the route within 3 s');
        await sleep(LAG_SAMPLE_INTERVAL_MS);
      }
    } finally {
      p.close?.();
    }
  });

  test('consumer_priority: judged by the highest possible class first, then by the consumer’s own', async () => {
    const p = instantiate(policy, {
      priority: 'normal',
      consumer_priority: { partners: 'critical', free: 'low' },
      event_loop_lag_ms: { low: 0, normal: 0, high: 0 },
      upstream_latency_ms: { low: 100, normal: 100, high: 100 },
      hold_ms: 0,
    });
    try {
      for (let i = 0; i < 6; i++) {
        logUpstream(p, 'r', 1000);
        await sleep(LAG_SAMPLE_INTERVAL_MS + 10);
      }
      const as = (groups: string[] | undefined) => () => {
        const ctx = fakeRequestContext({ route: { name: 'r' } });
        if (groups) ctx.consumer = { id: 'c', groups };
        return ctx;
      };
      assert.ok(p.onUpstream, 'a consumer mapping adds the upstream-phase check');
      assert.equal(admitted(p, as(['partners'])), 1, 'partners are critical');
      assert.equal(admitted(p, as(['free', 'partners'])), 1, 'the highest listed class wins');
      assert.equal(admitted(p, as(['free'])), 0);
      assert.equal(admitted(p, as(['other'])), 0, 'unlisted groups get priority (normal)');
      assert.equal(admitted(p, as(undefined)), 0, 'anonymous requests get priority (normal)');
    } finally {
      p.close?.();
    }
  });

  test('hooks only for the signals in use', () => {
    const lagOnly = instantiate(policy, {});
    assert.equal(lagOnly.onLog, undefined);
    assert.equal(lagOnly.onUpstream, undefined);
    lagOnly.close?.();
    const none = instantiate(policy, { event_loop_lag_ms: { low: 0, normal: 0, high: 0 } });
    assert.equal(
      admitted(none, () => fakeRequestContext()),
      1,
    );
    none.close?.();
  });

  test('report-only: a shed request becomes a would-deny decision', async () => {
    const p = instantiate(policy, {
      priority: 'low',
      event_loop_lag_ms: { low: 0, normal: 0, high: 0 },
      upstream_latency_ms: { low: 10 },
      hold_ms: 0,
    });
    try {
      for (let i = 0; i < 6; i++) {
        logUpstream(p, 'test-route', 500);
        await sleep(LAG_SAMPLE_INTERVAL_MS + 10);
      }
      const { error, decisions } = await runReportOnly(p, fakeRequestContext());
      assert.equal(error, null);
      assert.deepEqual(
        decisions.map((d) => [d.action, d.reason, d.status]),
        [['would-deny', 'load_shed', 503]],
      );
    } finally {
      p.close?.();
    }
  });

  test('thresholds must not decrease with the class', () => {
    assert.throws(
      () => instantiate(policy, { event_loop_lag_ms: { low: 100, normal: 50, high: 200 } }),
      /normal must be at least/,
    );
    assert.throws(
      () =>
        instantiate(policy, {
          event_loop_lag_ms: { low: 0, normal: 0, high: 0 },
          upstream_latency_ms: { low: 500, high: 100 },
        }),
      /high must be at least/,
    );
    // 0 means never, so a lower class with 0 above a higher class's value is refused too.
    assert.throws(
      () => instantiate(policy, { event_loop_lag_ms: { low: 0, normal: 50, high: 200 } }),
      TypeError,
    );
  });
});
