/**
 * Micro-benchmark of the per-request metrics path. Run: `node src/telemetry/metrics.bench.ts [iterations]`.
 * Prints ns per `RouteMetrics.observe()` call (one counter increment and two histogram observations).
 */
import { createMetrics } from '../../src/telemetry/metrics.ts';

const iterations = Number(process.argv[2] ?? 1e6);
const metrics = createMetrics({ defaultMetrics: false });
const handle = metrics.routeHandle('orders', 'orders-svc', 'orders-pool');
const methods = ['GET', 'POST', 'GET', 'PUT'];
const statuses = [200, 201, 404, 200, 503];

function run(n: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    handle.observe(methods[i & 3]!, statuses[i % 5]!, 0.0004 + (i % 97) * 0.0007, 0.0003 + (i % 89) * 0.0006);
  }
  return Number(process.hrtime.bigint() - start) / n;
}

run(Math.min(iterations, 1e5)); // warm-up
const rounds = [run(iterations), run(iterations), run(iterations)].sort((a, b) => a - b);
console.log(`RouteMetrics.observe: ${rounds[1]!.toFixed(1)} ns/op (median of 3 x ${iterations})`);
