// Micro-benchmark of the per-request header pass: hop-by-hop/Connection-named removal and
// identity-header stripping (src/lib/headers.ts). Run: node bench/micro/headers.bench.ts
import { compileHeaderNameSet, upstreamRequestHeaders } from '../../src/lib/headers.ts';

const strip = compileHeaderNameSet(['x-consumer-*', 'x-authenticated-*', 'x-credential-*', 'x-gatehouse-*']);
const typical = {
  host: 'bench.localhost',
  'user-agent': 'gateway-bench/1',
  accept: 'application/json',
  authorization: 'Bearer abc.def.ghi',
  'x-request-id': 'abc',
};
const hostile = {
  ...typical,
  connection: 'keep-alive, x-drop-a, x-drop-b',
  'x-drop-a': '1',
  'x-drop-b': '2',
  'keep-alive': 'timeout=5',
  te: 'trailers',
  'x-consumer-id': 'admin',
  'x-authenticated-user': 'root',
  'x-forwarded-for': '6.6.6.6',
  forwarded: 'for=6.6.6.6',
};

function bench(name: string, h: Record<string, string>, n = 1_000_000): void {
  let sink = 0;
  for (let i = 0; i < 100_000; i++) sink += Object.keys(upstreamRequestHeaders(h, strip)).length;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += Object.keys(upstreamRequestHeaders(h, strip)).length;
  const ns = Number(process.hrtime.bigint() - t0) / n;
  process.stdout.write(
    `${name.padEnd(28)} ${ns.toFixed(0).padStart(6)} ns/request (${sink > 0 ? 'ok' : ''})\n`,
  );
}

bench('typical (5 headers)', typical);
bench('hostile (14 headers)', hostile);
