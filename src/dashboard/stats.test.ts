import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { GatewayError } from '../errors/gateway-error.ts';
import type { LogContext } from '../pipeline/types.ts';
import { blockReasonOf, recordLog, SpaceSaving, TrafficStats, WINDOW_SECONDS } from './stats.ts';

function clock(startSec = 1_800_000_000) {
  let ms = startSec * 1000;
  return {
    now: () => ms,
    advance(sec: number) {
      ms += sec * 1000;
    },
    sec: () => Math.floor(ms / 1000),
  };
}

const base = { route: 'r', clientIp: '192.0.2.1', status: 200, durationMs: 5, bytesIn: 10, bytesOut: 100 };

describe('TrafficStats series', () => {
  test('counts per second, status classes, bytes, blocks; only complete seconds after since', () => {
    const c = clock();
    const s = new TrafficStats({ now: c.now });
    const t0 = c.sec();
    for (let i = 0; i < 3; i++) s.record(base);
    s.record({ ...base, status: 401, blockReason: 'auth' });
    c.advance(1);
    s.record({ ...base, status: 503 });
    s.record({ ...base, status: 0 });
    c.advance(1);
    s.record(base); // current second: not in the series yet
    const snap = s.snapshot(t0 - 1);
    assert.deepEqual(snap.series.t, [t0, t0 + 1]);
    assert.deepEqual(snap.series.requests, [4, 2]);
    assert.deepEqual(snap.series.blocked, [1, 0]);
    assert.deepEqual(snap.series.status['2xx'], [3, 0]);
    assert.deepEqual(snap.series.status['4xx'], [1, 0]);
    assert.deepEqual(snap.series.status['5xx'], [0, 1]);
    assert.deepEqual(snap.series.status.other, [0, 1]);
    assert.deepEqual(snap.series.bytes_out, [400, 200]);
    assert.deepEqual(snap.series.bytes_in, [40, 20]);
    assert.equal(snap.window.requests, 7, 'window includes the current second');
    assert.equal(snap.window.blocked, 1);
    assert.deepEqual(snap.window.blocks_by_reason, [{ reason: 'auth', count: 1 }]);
    assert.deepEqual(snap.totals, { requests: 7, blocked: 1, started_at: t0 });
    assert.equal(snap.now, t0 + 2);
    // Incremental: nothing new after the last complete second.
    assert.deepEqual(s.snapshot(t0 + 1).series.t, []);
    assert.deepEqual(s.snapshot(t0).series.t, [t0 + 1]);
  });

  test('the whole window has WINDOW_SECONDS-1 complete seconds, zeros where idle', () => {
    const c = clock();
    const s = new TrafficStats({ now: c.now });
    s.record(base);
    c.advance(5);
    const snap = s.snapshot();
    assert.equal(snap.series.t.length, WINDOW_SECONDS - 1);
    assert.equal(snap.series.t.at(-1), c.sec() - 1);
    assert.equal(
      snap.series.requests.reduce((a, b) => a + b, 0),
      1,
    );
    assert.equal(snap.series.p50.filter((x) => x !== null).length, 1);
  });

  test('seconds older than the window are forgotten, also when a slot is reused', () => {
    const c = clock();
    const s = new TrafficStats({ now: c.now });
    s.record({ ...base, blockReason: 'bot' });
    c.advance(WINDOW_SECONDS);
    assert.equal(s.snapshot().window.requests, 0, 'old slot not reported');
    assert.deepEqual(s.snapshot().window.blocks_by_reason, []);
    s.record(base); // same slot index, new second
    const snap = s.snapshot();
    assert.equal(snap.window.requests, 1);
    assert.equal(snap.window.blocked, 0);
    assert.deepEqual(snap.window.blocks_by_reason, []);
    assert.equal(snap.totals.requests, 2);
  });
});

describe('TrafficStats latency', () => {
  test('percentiles within the histogram resolution (±12%)', () => {
    const c = clock();
    const s = new TrafficStats({ now: c.now });
    // 1..100 ms uniformly: p50 ≈ 50, p95 ≈ 95, p99 ≈ 99.
    for (let i = 1; i <= 100; i++) s.record({ ...base, durationMs: i });
    c.advance(1);
    const snap = s.snapshot();
    const near = (got: number | null | undefined, want: number) =>
      assert.ok(got != null && Math.abs(got - want) / want <= 0.13, `${got} vs ${want}`);
    near(snap.series.p50.at(-1), 50);
    near(snap.series.p95.at(-1), 95);
    near(snap.series.p99.at(-1), 99);
    near(snap.window.latency_ms.p50, 50);
    near(snap.window.latency_ms.p99, 99);
  });

  test('odd durations (NaN, negative, huge) are counted without throwing', () => {
    const c = clock();
    const s = new TrafficStats({ now: c.now });
    for (const d of [Number.NaN, -1, 0, 1e12, Number.POSITIVE_INFINITY]) s.record({ ...base, durationMs: d });
    const snap = s.snapshot();
    assert.equal(snap.window.requests, 5);
    assert.ok(snap.window.latency_ms.p99! > 60_000);
    assert.ok(snap.window.latency_ms.p50! < 0.1);
  });

  test('no requests: null percentiles', () => {
    const s = new TrafficStats({ now: clock().now });
    assert.deepEqual(s.snapshot().window.latency_ms, { p50: null, p95: null, p99: null });
  });
});

describe('TrafficStats reasons and top-N', () => {
  test('block reasons are bounded: the rest count as other', () => {
    const s = new TrafficStats({ now: clock().now, maxReasons: 3 });
    for (const r of ['auth', 'auth', 'rate_limit', 'waf:sqli', 'waf:xss', 'bot']) {
      s.record({ ...base, blockReason: r });
    }
    assert.deepEqual(s.snapshot().window.blocks_by_reason, [
      { reason: 'other', count: 3 },
      { reason: 'auth', count: 2 },
      { reason: 'rate_limit', count: 1 },
    ]);
  });

  test('top consumers, IPs and routes with blocked counts; no consumer is not counted', () => {
    const s = new TrafficStats({ now: clock().now });
    for (let i = 0; i < 5; i++) s.record({ ...base, consumer: 'alice', clientIp: '10.0.0.1' });
    for (let i = 0; i < 3; i++)
      s.record({ ...base, route: 'login', clientIp: '10.0.0.2', blockReason: 'auth' });
    const top = s.snapshot().top;
    assert.deepEqual(top.consumers, [{ key: 'alice', count: 5, blocked: 0, error: 0 }]);
    assert.deepEqual(
      top.client_ips.map((e) => [e.key, e.count, e.blocked]),
      [
        ['10.0.0.1', 5, 0],
        ['10.0.0.2', 3, 3],
      ],
    );
    assert.deepEqual(
      top.routes.map((e) => e.key),
      ['r', 'login'],
    );
  });

  test('an IP flood keeps memory bounded and the heavy hitter on top', () => {
    const s = new TrafficStats({ now: clock().now, topCapacity: 16 });
    for (let i = 0; i < 20_000; i++) {
      s.record({ ...base, clientIp: `198.51.${(i >> 8) & 255}.${i & 255}` });
      if (i % 10 === 0) s.record({ ...base, clientIp: '203.0.113.7' });
    }
    const ips = s.snapshot().top.client_ips;
    assert.equal(ips[0]!.key, '203.0.113.7');
    assert.ok(ips[0]!.count - ips[0]!.error <= 2000 && ips[0]!.count >= 2000);
    assert.ok(ips.length <= 10);
  });

  test('top-N covers the last 5–10 minutes: older generations are dropped', () => {
    const c = clock(1_800_000_000 - (1_800_000_000 % 300)); // start of a generation
    const s = new TrafficStats({ now: c.now });
    s.record({ ...base, clientIp: 'old' });
    c.advance(300);
    s.record({ ...base, clientIp: 'mid' });
    assert.deepEqual(
      s.snapshot().top.client_ips.map((e) => e.key),
      ['mid', 'old'],
    );
    c.advance(300);
    assert.deepEqual(
      s.snapshot().top.client_ips.map((e) => e.key),
      ['mid'],
    );
    c.advance(3000);
    assert.deepEqual(s.snapshot().top.client_ips, []);
  });

  test('long keys are truncated', () => {
    const s = new TrafficStats({ now: clock().now });
    s.record({ ...base, consumer: 'x'.repeat(5000) });
    assert.equal(s.snapshot().top.consumers[0]!.key.length, 128);
  });

  test('bad options throw TypeError', () => {
    assert.throws(() => new TrafficStats({ topCapacity: 0 }), TypeError);
    assert.throws(() => new TrafficStats({ maxReasons: 1000 }), TypeError);
    assert.throws(() => new SpaceSaving(1.5), TypeError);
  });
});

describe('SpaceSaving', () => {
  test('exact while under capacity; guarantees count - error <= true <= count after', () => {
    const ss = new SpaceSaving(4);
    const truth = new Map<string, number>();
    let x = 7;
    for (let i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      // Skewed: key k with probability ~ 1/2^k.
      let k = 0;
      while (k < 12 && (x >> (k + 3)) & 1) k++;
      const key = `k${k}`;
      truth.set(key, (truth.get(key) ?? 0) + 1);
      ss.add(key, false);
    }
    assert.equal(ss.size, 4);
    for (const e of ss.top(4)) {
      const t = truth.get(e.key) ?? 0;
      assert.ok(e.count - e.error <= t && t <= e.count, `${e.key}: ${e.count}-${e.error} vs ${t}`);
    }
    assert.equal(ss.top(1)[0]!.key, 'k0');
  });
});

describe('SpaceSaving property', () => {
  test('for any stream: counts sum to the stream length and bound every true count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 400 }),
        (capacity, stream) => {
          const ss = new SpaceSaving(capacity);
          const truth = new Map<string, number>();
          for (const k of stream) {
            const key = `k${k}`;
            truth.set(key, (truth.get(key) ?? 0) + 1);
            ss.add(key, k % 3 === 0);
          }
          const all = ss.top(capacity);
          assert.equal(
            all.reduce((a, e) => a + e.count, 0),
            stream.length,
          );
          assert.ok(all.length <= capacity);
          for (const e of all) {
            const t = truth.get(e.key) ?? 0;
            assert.ok(e.count - e.error <= t && t <= e.count, `${e.key}: ${e.count}-${e.error} vs ${t}`);
            assert.ok(e.blocked <= e.count);
          }
          // Any key more frequent than N / capacity is in the table.
          for (const [key, t] of truth) {
            if (t > stream.length / capacity)
              assert.ok(
                all.some((e) => e.key === key),
                key,
              );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('blockReasonOf / recordLog', () => {
  function ctx(partial: Partial<LogContext>): LogContext {
    return {
      route: { name: 'api', service: undefined, upstream: 'b' },
      clientIp: '192.0.2.9',
      consumer: undefined,
      status: 200,
      durationMs: 2,
      bytesIn: 0,
      bytesOut: 5,
      decisions: [],
      error: undefined,
      ...partial,
    } as LogContext;
  }

  test('maps refusals to reasons', () => {
    assert.equal(blockReasonOf(ctx({})), undefined);
    assert.equal(blockReasonOf(ctx({ status: 401, error: new GatewayError('GW_UNAUTHORIZED') })), 'auth');
    assert.equal(
      blockReasonOf(ctx({ status: 429, error: new GatewayError('GW_RATE_LIMITED') })),
      'rate_limit',
    );
    const banned = new GatewayError('GW_RATE_LIMITED', { reason: 'rate_limit_banned' });
    assert.equal(blockReasonOf(ctx({ status: 429, error: banned })), 'ban');
    const waf = new GatewayError('GW_FORBIDDEN', { reason: 'waf:sqli' });
    assert.equal(blockReasonOf(ctx({ status: 403, error: waf })), 'waf:sqli');
    const ip = new GatewayError('GW_IP_DENIED');
    assert.equal(
      blockReasonOf(
        ctx({
          status: 403,
          error: ip,
          decisions: [{ policy: 'ip-restriction', action: 'deny', reason: 'ip_denied' }],
        }),
      ),
      'ip_denied',
    );
    assert.equal(
      blockReasonOf(ctx({ status: 404, error: new GatewayError('GW_NOT_FOUND') })),
      undefined,
      'a 404 is no block',
    );
    assert.equal(
      blockReasonOf(ctx({ decisions: [{ policy: 'waf', action: 'would-deny', reason: 'waf:xss' }] })),
      undefined,
      'report-only is no block',
    );
  });

  test('recordLog feeds the stats and never throws', () => {
    const c = clock();
    const s = new TrafficStats({ now: c.now });
    recordLog(
      s,
      ctx({ status: 401, error: new GatewayError('GW_UNAUTHORIZED'), consumer: { id: 'bob', groups: [] } }),
    );
    recordLog(s, null as unknown as LogContext);
    const snap = s.snapshot();
    assert.equal(snap.window.requests, 1);
    assert.deepEqual(snap.window.blocks_by_reason, [{ reason: 'auth', count: 1 }]);
    assert.equal(snap.top.consumers[0]!.key, 'bob');
  });
});
