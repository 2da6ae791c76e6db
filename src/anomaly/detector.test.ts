import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pino from 'pino';
import { createEventBus } from '../events/bus.ts';
import { type Anomaly, createAnomalyDetector, resolveAnomalyConfig, type TrafficSample } from './detector.ts';

const logger = pino({ level: 'silent' });
const BUCKET = 10_000;

/** Deterministic PRNG (mulberry32) so the synthetic noise is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Shape {
  requests: number;
  errorRatio: number;
  latencyMs: number;
  bytes: number;
  authFailures: number;
}

const STEADY: Shape = { requests: 200, errorRatio: 0.01, latencyMs: 50, bytes: 500, authFailures: 2 };

/** Feeds one bucket of synthetic traffic with ±10 % noise on every metric, then ticks. */
function bucket(
  det: ReturnType<typeof createAnomalyDetector>,
  rand: () => number,
  t: number,
  shape: Shape,
): Anomaly[] {
  const noise = () => 0.9 + 0.2 * rand();
  const n = Math.round(shape.requests * noise());
  const errors = Math.round(n * shape.errorRatio * noise());
  const auth = Math.round(shape.authFailures * noise());
  for (let i = 0; i < n; i++) {
    const authFailure = i >= errors && i < errors + auth;
    const s: TrafficSample = {
      route: 'orders',
      consumer: i % 2 === 0 ? 'acme' : 'globex',
      status: i < errors ? 503 : authFailure ? 401 : 200,
      durationMs: shape.latencyMs * noise(),
      bytesIn: Math.round(shape.bytes * noise()),
      authFailure,
    };
    det.record(s);
  }
  return det.tick(t + BUCKET);
}

/** Runs `steady` quiet buckets, then one shifted bucket; returns what each phase raised. */
function scenario(shift: Partial<Shape>, steady = 40) {
  const bus = createEventBus({}, { logger });
  const det = createAnomalyDetector({ enabled: true, bucket_ms: BUCKET }, { emit: bus.emit, logger });
  const hooked: Anomaly[] = [];
  det.onAnomaly((a) => hooked.push(a));
  const rand = rng(42);
  let t = 1_700_000_000_000 - (1_700_000_000_000 % BUCKET);
  det.tick(t);
  const quiet: Anomaly[] = [];
  for (let b = 0; b < steady; b++, t += BUCKET) quiet.push(...bucket(det, rand, t, STEADY));
  const shifted = bucket(det, rand, t, { ...STEADY, ...shift });
  return { det, bus, quiet, shifted, hooked };
}

describe('anomaly detector', () => {
  test('steady traffic with noise raises nothing, before or after warm-up', async () => {
    const { quiet, bus, det } = scenario({}, 120);
    assert.deepEqual(quiet, []);
    assert.equal(bus.recent({ category: 'anomaly' }).length, 0);
    const routes = det.baselines().filter((b) => b.scope === 'route');
    assert.equal(routes.length, 1);
    const rate = routes[0]?.metrics.request_rate;
    assert.ok(rate && Math.abs(rate.mean - 20) < 2, `learned ~20 req/s, got ${rate?.mean}`);
    await det.close();
    await bus.close();
  });

  test('an error-ratio spike raises error_ratio only, for the route and both consumers', async () => {
    const { quiet, shifted, hooked, bus, det } = scenario({ errorRatio: 0.3 });
    assert.deepEqual(quiet, []);
    assert.deepEqual([...new Set(shifted.map((a) => a.metric))], ['error_ratio']);
    assert.deepEqual(shifted.map((a) => `${a.scope}:${a.key}`).sort(), [
      'consumer:acme',
      'consumer:globex',
      'route:orders',
    ]);
    assert.ok(shifted.every((a) => a.direction === 'up' && a.z > 4 && a.value > 0.2));
    assert.deepEqual(hooked, shifted);
    const events = bus.recent({ type: 'anomaly_detected' });
    assert.equal(events.length, 3);
    const routeEvent = events.find((e) => e.route === 'orders');
    assert.equal(routeEvent?.category, 'anomaly');
    assert.equal(routeEvent?.reason, 'error_ratio_spike');
    assert.equal(routeEvent?.details['anomaly.metric'], 'error_ratio');
    assert.ok(events.some((e) => e.consumer === 'acme'));
    await det.close();
    await bus.close();
  });

  test('a latency spike raises latency_ms only', async () => {
    const { quiet, shifted, det, bus } = scenario({ latencyMs: 400 });
    assert.deepEqual(quiet, []);
    assert.deepEqual([...new Set(shifted.map((a) => a.metric))], ['latency_ms']);
    await det.close();
    await bus.close();
  });

  test('a request-rate spike raises request_rate only', async () => {
    const { quiet, shifted, det, bus } = scenario({ requests: 1000 });
    assert.deepEqual(quiet, []);
    assert.deepEqual([...new Set(shifted.map((a) => a.metric))], ['request_rate']);
    await det.close();
    await bus.close();
  });

  test('payload-size and auth-failure spikes are told apart', async () => {
    const a = scenario({ bytes: 50_000 });
    assert.deepEqual([...new Set(a.shifted.map((x) => x.metric))], ['payload_bytes']);
    const b = scenario({ authFailures: 80 });
    assert.deepEqual([...new Set(b.shifted.map((x) => x.metric))], ['auth_failures']);
    for (const s of [a, b]) {
      await s.det.close();
      await s.bus.close();
    }
  });

  test('no anomaly during warm-up, even on a big jump', async () => {
    const { shifted, det, bus } = scenario({ errorRatio: 0.5, latencyMs: 500 }, 5);
    assert.deepEqual(shifted, []);
    await det.close();
    await bus.close();
  });

  test('cooldown: a lasting shift is reported once per cooldown window, a fall only with direction both', async () => {
    const det = createAnomalyDetector(
      {
        enabled: true,
        bucket_ms: BUCKET,
        cooldown_buckets: 3,
        per_consumer: false,
        metrics: { request_rate: { direction: 'both' } },
      },
      { logger },
    );
    const rand = rng(7);
    let t = 0;
    det.tick(t);
    for (let b = 0; b < 30; b++, t += BUCKET) assert.deepEqual(bucket(det, rand, t, STEADY), []);
    const raised: string[] = [];
    for (let b = 0; b < 4; b++, t += BUCKET) {
      raised.push(...bucket(det, rand, t, { ...STEADY, errorRatio: 0.4 }).map((a) => a.metric));
    }
    assert.deepEqual(raised, ['error_ratio'], 'once, then quiet for 3 buckets');
    const fall = bucket(det, rand, t, { ...STEADY, requests: 5 });
    assert.ok(fall.some((a) => a.metric === 'request_rate' && a.direction === 'down'));
    await det.close();
  });

  test('missed ticks count as silent buckets; idle keys are forgotten; key count is bounded', async () => {
    const det = createAnomalyDetector(
      { enabled: true, bucket_ms: 1000, idle_buckets: 5, max_keys: 3, per_consumer: false },
      { logger },
    );
    det.tick(0);
    for (const route of ['a', 'b', 'c', 'd']) det.record({ route, status: 200, durationMs: 1 });
    det.tick(1000);
    assert.deepEqual(
      det.baselines().map((b) => b.key),
      ['b', 'c', 'd'],
    );
    det.tick(10_000);
    assert.equal(det.baselines().length, 0);
    await det.close();
  });

  test('disabled by default; config is validated', async () => {
    const det = createAnomalyDetector({}, { logger });
    det.tick(0);
    det.record({ route: 'x', status: 500, durationMs: 1 });
    assert.deepEqual(det.tick(1_000_000), []);
    assert.deepEqual(det.baselines(), []);
    assert.throws(() => resolveAnomalyConfig({ z_threshold: 0 }), TypeError);
    assert.throws(() => resolveAnomalyConfig({ metrics: { bogus: {} } }), TypeError);
    assert.equal(resolveAnomalyConfig({}).bucket_ms, 60_000);
    await det.close();
  });
});
