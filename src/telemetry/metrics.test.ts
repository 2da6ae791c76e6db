import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { register as globalRegistry } from 'prom-client';
import { aggregate, createMetrics, DURATION_BUCKETS, type MetricJson } from './metrics.ts';

/** Parses a Prometheus text exposition into `series → value`. */
function parse(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

async function scrape(metrics: ReturnType<typeof createMetrics>): Promise<Map<string, number>> {
  return parse((await metrics.exposition()).body);
}

describe('createMetrics: per-route handle', () => {
  it('exposes request counter, duration and upstream histograms after observe', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const h = metrics.routeHandle('orders', 'orders-svc', 'orders-pool');
    h.observe('GET', 200, 0.003, 0.002);
    h.observe('GET', 200, 0.2, 0.15);
    h.observe('POST', 503, 12, undefined);
    const s = await scrape(metrics);
    const r = 'route="orders",service="orders-svc"';
    assert.equal(s.get(`gatehouse_http_server_requests_total{${r},method="GET",status="200"}`), 2);
    assert.equal(s.get(`gatehouse_http_server_requests_total{${r},method="POST",status="503"}`), 1);
    assert.equal(s.get(`gatehouse_http_server_request_duration_seconds_bucket{${r},le="0.001"}`), 0);
    assert.equal(s.get(`gatehouse_http_server_request_duration_seconds_bucket{${r},le="0.005"}`), 1);
    assert.equal(s.get(`gatehouse_http_server_request_duration_seconds_bucket{${r},le="0.25"}`), 2);
    assert.equal(s.get(`gatehouse_http_server_request_duration_seconds_bucket{${r},le="10"}`), 2);
    assert.equal(s.get(`gatehouse_http_server_request_duration_seconds_bucket{${r},le="+Inf"}`), 3);
    assert.equal(s.get(`gatehouse_http_server_request_duration_seconds_count{${r}}`), 3);
    assert.ok(Math.abs(s.get(`gatehouse_http_server_request_duration_seconds_sum{${r}}`)! - 12.203) < 1e-9);
    assert.equal(s.get('gatehouse_upstream_request_duration_seconds_count{upstream="orders-pool"}'), 2);
    assert.equal(
      s.get('gatehouse_upstream_request_duration_seconds_bucket{upstream="orders-pool",le="0.0025"}'),
      1,
    );
    const text = (await metrics.exposition()).body;
    assert.match(text, /# TYPE gatehouse_http_server_request_duration_seconds histogram/);
    assert.match(text, /# TYPE gatehouse_http_server_requests_total counter/);
    const buckets = [...s.keys()].filter((k) =>
      k.startsWith('gatehouse_upstream_request_duration_seconds_bucket'),
    );
    assert.equal(buckets.length, DURATION_BUCKETS.length + 1);
  });

  it('maps non-standard methods to _OTHER, keeps odd statuses bounded, ignores NaN', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const h = metrics.routeHandle('r', undefined, undefined);
    h.observe('BREW', 418, 0.01, undefined);
    h.observe('get', 200, 0.01, undefined);
    h.observe('GET', 10_000, Number.NaN, undefined);
    h.observe('GET', 204, -1, 0.5);
    const s = await scrape(metrics);
    assert.equal(
      s.get('gatehouse_http_server_requests_total{route="r",service="",method="_OTHER",status="418"}'),
      1,
    );
    assert.equal(
      s.get('gatehouse_http_server_requests_total{route="r",service="",method="_OTHER",status="200"}'),
      1,
    );
    assert.equal(
      s.get('gatehouse_http_server_requests_total{route="r",service="",method="GET",status="other"}'),
      1,
    );
    assert.equal(s.get('gatehouse_http_server_request_duration_seconds_count{route="r",service=""}'), 3);
    assert.equal(
      s.get('gatehouse_http_server_request_duration_seconds_bucket{route="r",service="",le="0.001"}'),
      1,
    );
    assert.equal(
      [...s.keys()].some((k) => k.startsWith('gatehouse_upstream_request_duration_seconds_count')),
      false,
    );
  });

  it('caps distinct method+status series per route and folds the rest into _OTHER/other', async () => {
    const metrics = createMetrics({ defaultMetrics: false, maxSeriesPerRoute: 3 });
    const h = metrics.routeHandle('api', 'svc', 'pool');
    for (const status of [200, 201, 202, 203, 204, 205]) h.observe('GET', status, 0.01, 0.01);
    h.observe('GET', 200, 0.01, 0.01);
    h.observe('GET', 299, 0.01, 0.01);
    // A second handle for the same route (e.g. after a reload) shares the budget.
    metrics.routeHandle('api', 'svc', 'other-pool').observe('PUT', 200, 0.01, 0.01);
    const s = await scrape(metrics);
    const series = [...s.entries()].filter(([k]) =>
      k.startsWith('gatehouse_http_server_requests_total{route="api"'),
    );
    assert.equal(series.length, 4, JSON.stringify(series));
    assert.equal(
      s.get('gatehouse_http_server_requests_total{route="api",service="svc",method="GET",status="200"}'),
      2,
    );
    assert.equal(
      s.get('gatehouse_http_server_requests_total{route="api",service="svc",method="_OTHER",status="other"}'),
      5,
    );
    assert.equal(
      series.reduce((n, [, v]) => n + v, 0),
      9,
    );
    // Other routes have their own budget.
    metrics.routeHandle('b', 'svc', 'pool').observe('GET', 201, 0.01, 0.01);
    assert.equal(
      (await scrape(metrics)).get(
        'gatehouse_http_server_requests_total{route="b",service="svc",method="GET",status="201"}',
      ),
      1,
    );
  });

  it('returns the same handle for the same labels', () => {
    const metrics = createMetrics({ defaultMetrics: false });
    assert.equal(metrics.routeHandle('a', 's', 'u'), metrics.routeHandle('a', 's', 'u'));
    assert.notEqual(metrics.routeHandle('a', 's', 'u'), metrics.routeHandle('a', 's', undefined));
  });

  it('rejects bad options with TypeError', () => {
    assert.throws(() => createMetrics({ maxSeriesPerRoute: 0 }), TypeError);
    assert.throws(() => createMetrics({ maxDecisionSeries: 1.5 }), TypeError);
    assert.throws(
      () => createMetrics({ defaultMetrics: false }).routeHandle(undefined as never, 's', 'u'),
      TypeError,
    );
  });
});

describe('createMetrics: other series', () => {
  it('tracks connections, target health, reloads, decisions and rejections', async () => {
    const metrics = createMetrics({ defaultMetrics: false, maxDecisionSeries: 2, maxRejectReasons: 1 });
    const l = metrics.listener('public');
    assert.equal(metrics.listener('public'), l);
    l.opened();
    l.opened();
    l.closed();
    metrics.targetHealth('pool', '10.0.0.1:80', true);
    metrics.targetHealth('pool', '10.0.0.2:80', false);
    metrics.targetHealth('pool', '10.0.0.3:80', true);
    metrics.forgetTarget('pool', '10.0.0.3:80');
    metrics.configReload(true, 1_700_000_000_000);
    metrics.configReload(false);
    metrics.configReload(false);
    metrics.policyDecision('ip-filter', 'deny', 'ip_denied');
    metrics.policyDecision('ip-filter', 'deny', 'ip_denied');
    metrics.policyDecision('waf', 'would-deny', 'sqli');
    metrics.policyDecision('waf', 'would-deny', 'xss');
    metrics.rejected('bad_framing');
    metrics.rejected('uri_too_long');
    const s = await scrape(metrics);
    assert.equal(s.get('gatehouse_connections_total{listener="public"}'), 2);
    assert.equal(s.get('gatehouse_connections_active{listener="public"}'), 1);
    assert.equal(s.get('gatehouse_upstream_target_healthy{upstream="pool",target="10.0.0.1:80"}'), 1);
    assert.equal(s.get('gatehouse_upstream_target_healthy{upstream="pool",target="10.0.0.2:80"}'), 0);
    assert.equal(s.has('gatehouse_upstream_target_healthy{upstream="pool",target="10.0.0.3:80"}'), false);
    assert.equal(s.get('gatehouse_config_reloads_total{result="success"}'), 1);
    assert.equal(s.get('gatehouse_config_reloads_total{result="failure"}'), 2);
    assert.equal(s.get('gatehouse_config_last_reload_success_timestamp_seconds'), 1_700_000_000);
    assert.equal(
      s.get('gatehouse_policy_decisions_total{policy="ip-filter",action="deny",reason="ip_denied"}'),
      2,
    );
    assert.equal(
      s.get('gatehouse_policy_decisions_total{policy="waf",action="would-deny",reason="sqli"}'),
      1,
    );
    assert.equal(
      s.get('gatehouse_policy_decisions_total{policy="waf",action="would-deny",reason="other"}'),
      1,
    );
    assert.equal(s.get('gatehouse_http_rejected_total{reason="bad_framing"}'), 1);
    assert.equal(s.get('gatehouse_http_rejected_total{reason="other"}'), 1);
  });

  it('uses its own registry and adds prefixed default process metrics unless disabled', async () => {
    const withDefaults = createMetrics();
    const text = (await withDefaults.exposition()).body;
    assert.match(text, /^gatehouse_process_cpu_user_seconds_total /m);
    assert.match(text, /^gatehouse_nodejs_heap_size_used_bytes /m);
    assert.equal((await withDefaults.exposition()).contentType, 'text/plain; version=0.0.4; charset=utf-8');
    assert.doesNotMatch(await globalRegistry.metrics(), /gatehouse_/);
    const without = (await createMetrics({ defaultMetrics: false }).exposition()).body;
    assert.doesNotMatch(without, /gatehouse_process_/);
  });
});

describe('aggregate', () => {
  it('sums worker registries and applies min/max where set', async () => {
    const a = createMetrics({ defaultMetrics: false });
    const b = createMetrics({ defaultMetrics: false });
    a.routeHandle('r', 's', 'u').observe('GET', 200, 0.01, 0.004);
    b.routeHandle('r', 's', 'u').observe('GET', 200, 0.3, 0.2);
    b.routeHandle('r', 's', 'u').observe('GET', 500, 0.3, 0.2);
    a.targetHealth('u', 't1', true);
    b.targetHealth('u', 't1', false);
    a.configReload(true, 1_000_000);
    b.configReload(true, 2_000_000);
    a.listener('l').opened();
    b.listener('l').opened();
    // Worker registries travel as plain JSON (structured clone over a MessagePort).
    const jsons = [
      structuredClone(await a.registry.getMetricsAsJSON()) as unknown as MetricJson[],
      structuredClone(await b.registry.getMetricsAsJSON()) as unknown as MetricJson[],
    ];
    const s = parse(await aggregate(jsons).metrics());
    assert.equal(
      s.get('gatehouse_http_server_requests_total{route="r",service="s",method="GET",status="200"}'),
      2,
    );
    assert.equal(
      s.get('gatehouse_http_server_requests_total{route="r",service="s",method="GET",status="500"}'),
      1,
    );
    assert.equal(s.get('gatehouse_http_server_request_duration_seconds_count{route="r",service="s"}'), 3);
    assert.equal(
      s.get('gatehouse_http_server_request_duration_seconds_bucket{route="r",service="s",le="0.01"}'),
      1,
    );
    assert.equal(s.get('gatehouse_upstream_request_duration_seconds_bucket{upstream="u",le="0.25"}'), 3);
    assert.equal(s.get('gatehouse_upstream_target_healthy{upstream="u",target="t1"}'), 0);
    assert.equal(s.get('gatehouse_config_reloads_total{result="success"}'), 1);
    assert.equal(s.get('gatehouse_config_last_reload_success_timestamp_seconds'), 2000);
    assert.equal(s.get('gatehouse_connections_active{listener="l"}'), 2);
    assert.equal(s.get('gatehouse_connections_total{listener="l"}'), 2);
  });
});

test('per-consumer requests: one series per consumer and status class, capped, the rest under "other"', async () => {
  const m = createMetrics({ defaultMetrics: false });
  m.consumerRequest('alice', 200, 2);
  m.consumerRequest('alice', 201, 2);
  m.consumerRequest('alice', 404, 2);
  m.consumerRequest('bob', 200, 2);
  for (let i = 0; i < 50; i++) m.consumerRequest(`flood-${i}`, 200, 2);
  const text = (await m.exposition()).body;
  assert.match(text, /gatehouse_consumer_requests_total\{consumer="alice",status_class="2xx"\} 2/);
  assert.match(text, /gatehouse_consumer_requests_total\{consumer="alice",status_class="4xx"\} 1/);
  assert.match(text, /gatehouse_consumer_requests_total\{consumer="bob",status_class="2xx"\} 1/);
  assert.match(text, /gatehouse_consumer_requests_total\{consumer="other",status_class="2xx"\} 50/);
  assert.doesNotMatch(text, /flood-/);
});
