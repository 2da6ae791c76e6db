import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import pino from 'pino';
import type { LogContext } from '../pipeline/types.ts';
import { anomalyActions } from '../traffic/anomaly-actions.ts';
import { GatewayTelemetry } from './telemetry.ts';

const logger = pino({ level: 'silent' });
const BUCKET = 60_000;

function sample(route: string, status: number): LogContext {
  return {
    route: { name: route, service: undefined, upstream: undefined },
    consumer: undefined,
    clientIp: '192.0.2.1',
    status,
    durationMs: 5,
    bytesIn: 100,
    bytesOut: 100,
    decisions: [],
    error: undefined,
  } as unknown as LogContext;
}

/** Feeds one bucket: `ok` 200s and `failed` 401s on `route`, then closes it. */
function bucket(tel: GatewayTelemetry, t: number, route: string, ok: number, failed: number): void {
  tel.anomaly.tick(t);
  for (let i = 0; i < ok; i++) tel.observe(sample(route, 200));
  for (let i = 0; i < failed; i++) tel.observe(sample(route, 401));
  tel.anomaly.tick(t + BUCKET);
}

afterEach(() => anomalyActions.clear());

describe('anomaly actions', () => {
  test('a burst of authentication failures tightens the route’s rate limits and challenges its clients, with events', async () => {
    const events: string[] = [];
    const tel = new GatewayTelemetry(
      {
        anomaly: {
          enabled: true,
          bucket_ms: BUCKET,
          warmup_buckets: 5,
          per_consumer: false,
          actions: {
            tighten_rate_limit: { enabled: true, cost: 4, duration_s: 600 },
            challenge: { enabled: true },
          },
        },
      },
      { logger, logEvents: false, forward: (type) => events.push(type) },
    );
    try {
      let t = Date.now() - 100 * BUCKET;
      for (let i = 0; i < 30; i++, t += BUCKET) bucket(tel, t, 'login', 200 + (i % 7), 2 + (i % 3));
      assert.equal(anomalyActions.costFor('login', undefined), 1, 'steady traffic: no action');
      assert.ok(!events.includes('anomaly_detected'));
      bucket(tel, t, 'login', 200, 400);
      assert.ok(events.includes('anomaly_detected'), events.join(','));
      assert.ok(events.includes('anomaly_action'));
      assert.equal(anomalyActions.costFor('login', undefined), 4);
      assert.equal(anomalyActions.challenged('login', undefined), true);
      assert.equal(anomalyActions.costFor('search', undefined), 1, 'other routes are untouched');
      const active = anomalyActions.active();
      assert.deepEqual(active.map((a) => a.kind).sort(), ['challenge', 'tighten']);
    } finally {
      await tel.close();
    }
  });

  test('actions are off by default: an anomaly is only an event', async () => {
    const events: string[] = [];
    const tel = new GatewayTelemetry(
      { anomaly: { enabled: true, bucket_ms: BUCKET, warmup_buckets: 5, per_consumer: false } },
      { logger, logEvents: false, forward: (type) => events.push(type) },
    );
    try {
      let t = Date.now() - 100 * BUCKET;
      for (let i = 0; i < 30; i++, t += BUCKET) bucket(tel, t, 'login', 200 + (i % 7), 2 + (i % 3));
      bucket(tel, t, 'login', 200, 400);
      assert.ok(events.includes('anomaly_detected'));
      assert.ok(!events.includes('anomaly_action'));
      assert.equal(anomalyActions.costFor('login', undefined), 1);
    } finally {
      await tel.close();
    }
  });

  test('an action expires', () => {
    anomalyActions.apply({ kind: 'tighten', scope: 'consumer', key: 'bob', until: Date.now() - 1, cost: 3 });
    assert.equal(anomalyActions.costFor('any', 'bob'), 1);
    anomalyActions.apply({
      kind: 'tighten',
      scope: 'consumer',
      key: 'bob',
      until: Date.now() + 60_000,
      cost: 3,
    });
    assert.equal(anomalyActions.costFor('any', 'bob'), 3);
  });
});
