/**
 * Micro-benchmark of one access-log line (build + serialize + redact + secret scrub) into a null stream.
 * Run: `node src/telemetry/access-log.bench.ts [iterations]`. Compare against the plain-pino baseline it
 * prints in the same run, not against absolute figures.
 */
import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import type { LogContext } from '../../src/pipeline/types.ts';
import { createAccessLogger } from '../../src/telemetry/access-log.ts';
import { createLogger } from '../../src/telemetry/logger.ts';

const iterations = Number(process.argv[2] ?? 2e5);
let written = 0;
const stream = {
  write(s: string) {
    written += s.length;
  },
};
const ctx = {
  id: 'c0ffee-1',
  req: { httpVersion: '1.1' } as IncomingMessage,
  method: 'GET',
  path: '/orders/42',
  query: 'page=2&api_key=abc',
  host: 'api.example.com',
  clientIp: '203.0.113.7',
  peerIp: '10.0.0.2',
  headers: { 'user-agent': 'curl/8.5', accept: '*/*' },
  route: { name: 'orders', service: 'orders-svc', upstream: 'orders-pool' },
  decisions: [],
  status: 200,
  bytesIn: 0,
  bytesOut: 345,
  durationMs: 1.5,
  upstreamMs: 1.2,
  error: undefined,
  target: '10.0.0.9:8080',
} as unknown as LogContext;

function run(name: string, logger: pino.Logger): void {
  const log = createAccessLogger({
    enabled: true,
    logger,
    redactQueryParams: [],
    redactHeaders: [],
    logHeaders: ['accept'],
  });
  for (let i = 0; i < Math.min(iterations, 5e4); i++) log(ctx);
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) log(ctx);
  const ns = Number(process.hrtime.bigint() - start) / iterations;
  console.log(`${name}: ${ns.toFixed(0)} ns/line`);
}

run('plain pino (baseline)', pino({ level: 'info' }, stream));
run('gatehouse logger', createLogger({ level: 'info', stream }));
run(
  'gatehouse logger + 2 secrets',
  createLogger({ level: 'info', stream, secrets: ['sk_live_0123456789', 'hunter2-password'] }),
);
console.log(`(${written} bytes written)`);
