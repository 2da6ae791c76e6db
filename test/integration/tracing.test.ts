/**
 * OpenTelemetry traces through the real gateway to a real local OTLP/HTTP receiver: SERVER and CLIENT
 * spans with the right parentage, W3C traceparent continued and propagated upstream, samplers, and a
 * dead collector that costs requests nothing.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { parseTraceparent, samplerFromEnv } from '../../src/telemetry/tracing.ts';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
  status: { code: number };
}

let collector: Server;
let collectorUrl: string;
const received: Array<{ headers: Record<string, unknown>; body: { resourceSpans: unknown[] } }> = [];
let up: TestUpstream;

function spans(): Span[] {
  const out: Span[] = [];
  for (const r of received) {
    for (const rs of r.body.resourceSpans as Array<{ scopeSpans: Array<{ spans: Span[] }> }>) {
      for (const ss of rs.scopeSpans) out.push(...ss.spans);
    }
  }
  return out;
}
const attr = (s: Span, key: string) => {
  const v = s.attributes.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue === undefined ? undefined : Number(v.intValue));
};

const config = (upstream: string) => `gatehouse: 1
workers: 1
admin: { enabled: false }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${upstream}" }]
routes:
  - name: orders
    paths: ["/orders/*"]
    upstream: backend
`;

async function waitFor(pred: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

before(async () => {
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      if (req.url === '/v1/traces') received.push({ headers: req.headers, body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  up = await startUpstream();
});

after(async () => {
  await up?.close();
  await new Promise((r) => collector.close(r));
});

describe('OpenTelemetry traces', () => {
  let gw: TestGateway;
  before(async () => {
    gw = await startGateway(config(up.url), {
      OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
      OTEL_EXPORTER_OTLP_HEADERS: 'x-tenant=blue,authorization=Bearer%20abc',
      OTEL_SERVICE_NAME: 'edge-gw',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=test',
      OTEL_BSP_SCHEDULE_DELAY: '50',
    });
  });
  after(() => gw?.close());

  test('an incoming traceparent is continued: SERVER span child of the caller, CLIENT span child of SERVER, upstream sees the CLIENT span', async () => {
    received.length = 0;
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const seen = up.requests.length;
    const res = await fetch(`${gw.url}/orders/1`, {
      headers: { traceparent: parent, tracestate: 'vendor=x' },
    });
    assert.equal(res.status, 200);
    await res.arrayBuffer();
    const upstreamTp = parseTraceparent(up.requests[seen]!.headers.traceparent);
    assert.ok(upstreamTp, 'the upstream got a traceparent');
    assert.equal(upstreamTp.traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.equal(up.requests[seen]!.headers.tracestate, 'vendor=x');
    await waitFor(() => spans().length >= 2);
    const server = spans().find((s) => s.kind === 2)!;
    const client = spans().find((s) => s.kind === 3)!;
    assert.equal(server.traceId, upstreamTp.traceId);
    assert.equal(server.parentSpanId, '00f067aa0ba902b7');
    assert.equal(client.parentSpanId, server.spanId);
    assert.equal(client.spanId, upstreamTp.spanId, 'the upstream is the CLIENT span’s child');
    assert.equal(server.name, 'GET orders');
    assert.equal(attr(server, 'http.request.method'), 'GET');
    assert.equal(attr(server, 'http.response.status_code'), 200);
    assert.equal(attr(server, 'url.path'), '/orders/1');
    assert.ok(BigInt(client.startTimeUnixNano) >= BigInt(server.startTimeUnixNano));
    assert.ok(BigInt(client.endTimeUnixNano) <= BigInt(server.endTimeUnixNano));
    assert.equal(received[0]!.headers['x-tenant'], 'blue');
    assert.equal(received[0]!.headers.authorization, 'Bearer abc');
    const resource = (received[0]!.body.resourceSpans[0] as { resource: { attributes: Span['attributes'] } })
      .resource;
    assert.deepEqual(
      resource.attributes.map((a) => [a.key, a.value.stringValue]),
      [
        ['service.name', 'edge-gw'],
        ['deployment.environment', 'test'],
      ],
    );
  });

  test('without a (valid) traceparent a new trace starts; a forged one with zero ids is not continued', async () => {
    received.length = 0;
    const seen = up.requests.length;
    await (
      await fetch(`${gw.url}/orders/2`, {
        headers: { traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` },
      })
    ).arrayBuffer();
    const tp = parseTraceparent(up.requests[seen]!.headers.traceparent)!;
    assert.notEqual(tp.traceId, '0'.repeat(32));
    await waitFor(() => spans().some((s) => s.kind === 2));
    assert.equal(spans().find((s) => s.kind === 2)!.parentSpanId, undefined);
  });

  test('a local error is a SERVER span without a CLIENT span; 404s are traced too', async () => {
    received.length = 0;
    await (await fetch(`${gw.url}/nowhere`)).arrayBuffer();
    await waitFor(() => spans().length >= 1);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(spans().length, 1);
    assert.equal(attr(spans()[0]!, 'http.response.status_code'), 404);
  });
});

describe('samplers and a dead collector', () => {
  test('parentbased: a sampled-out caller (flags 00) is not exported but still propagated with flags 00', async () => {
    received.length = 0;
    const gw = await startGateway(config(up.url), {
      OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
      OTEL_BSP_SCHEDULE_DELAY: '20',
    });
    try {
      const seen = up.requests.length;
      await (
        await fetch(`${gw.url}/orders/3`, {
          headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00' },
        })
      ).arrayBuffer();
      assert.match(
        String(up.requests[seen]!.headers.traceparent),
        /^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-00$/,
      );
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(spans().length, 0);
    } finally {
      await gw.close();
    }
  });

  test('traceidratio sampler: 0 exports nothing, 1 everything, 0.5 about half of 2,000 random ids', () => {
    const id = () =>
      [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const none = samplerFromEnv('traceidratio', '0');
    const all = samplerFromEnv('traceidratio', '1');
    const half = samplerFromEnv('traceidratio', '0.5');
    let n = 0;
    for (let i = 0; i < 2000; i++) {
      const t = id();
      assert.equal(none(t, undefined), false);
      assert.equal(all(t, undefined), true);
      if (half(t, undefined)) n++;
    }
    assert.ok(n > 850 && n < 1150, String(n));
    assert.equal(samplerFromEnv('always_off', undefined)('a'.repeat(32), true), false);
    assert.equal(samplerFromEnv(undefined, undefined)('a'.repeat(32), false), false);
  });

  test('a collector that never answers does not slow requests; spans beyond the queue are dropped and counted', async () => {
    const black = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((r) => black.listen(0, '127.0.0.1', r));
    const gw = await startGateway(config(up.url), {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(black.address() as AddressInfo).port}`,
      OTEL_BSP_SCHEDULE_DELAY: '10',
      OTEL_BSP_MAX_QUEUE_SIZE: '20',
      OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '10',
      OTEL_EXPORTER_OTLP_TIMEOUT: '60000',
    });
    try {
      const t0 = performance.now();
      for (let i = 0; i < 100; i++) await (await fetch(`${gw.url}/orders/${i}`)).arrayBuffer();
      const ms = performance.now() - t0;
      assert.ok(ms < 5000, `100 requests took ${ms} ms`);
      const tracer = gw.gw.ref.current.tracer!;
      assert.ok(tracer.dropped > 100, `dropped ${tracer.dropped}`);
    } finally {
      black.closeAllConnections();
      black.close();
      await Promise.race([gw.close(), new Promise((r) => setTimeout(r, 3000))]);
    }
  });
});
