/**
 * Added CPU cost of `openapi` request validation on the shared benchmark's 16 KiB JSON body (an order
 * with 76 line items, about 540 values; ../shared/bench/lib/make-payload.mjs), measured in one run: an
 * in-process gateway with two routes to the same upstream, `/plain/orders` without policies and
 * `/orders` with `openapi` (bench/openapi/orders.yaml, every field typed, patterns and limits), hit
 * alternately in rounds by a keep-alive client. CPU is the whole process (client, gateway, upstream),
 * so the *difference* between the routes is the policy's cost per request.
 *
 * Run: `node bench/openapi/cost.ts [--requests 4000] [--append]`
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { startGateway } from '../../test/helpers/gateway.ts';
import { startFastUpstream } from '../../test/helpers/load.ts';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '4000' }, append: { type: 'boolean', default: false } },
});
const N = Number(values.requests);
const here = new URL('.', import.meta.url).pathname;
const shared = join(here, '../../../shared/bench/lib/make-payload.mjs');
const dir = mkdtempSync(join(tmpdir(), 'gh-openapi-bench-'));
execFileSync(process.execPath, [shared, join(dir, 'payload.json'), '16384']);
const body = readFileSync(join(dir, 'payload.json'));

const up = await startFastUpstream();
const gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: error }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: plain
    paths: ["/plain/orders"]
    upstream: backend
  - name: validated
    paths: ["/orders"]
    upstream: backend
    policies:
      openapi: { spec: "${join(here, 'orders.yaml')}", strict: true }
`);
const pool = new Pool(gw.url, { connections: 1, pipelining: 1 });

async function round(path: string, n: number): Promise<number> {
  const t = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const r = await pool.request({
      method: 'POST',
      path,
      body,
      headers: { 'content-type': 'application/json' },
    });
    await r.body.text();
    if (r.statusCode !== 200) throw new Error(`${path}: ${r.statusCode}`);
  }
  const d = process.cpuUsage(t);
  return (d.user + d.system) / n;
}

await round('/plain/orders', 500);
await round('/orders', 500);
const plain: number[] = [];
const validated: number[] = [];
const per = 250;
for (let done = 0; done < N; done += per) {
  plain.push(await round('/plain/orders', per));
  validated.push(await round('/orders', per));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p = median(plain);
const v = median(validated);
await pool.close();
await gw.close();
await up.close();

const line = `| 16 KiB JSON order (${body.length} B, ~540 values) | ${p.toFixed(1)} | ${v.toFixed(1)} | **${(v - p).toFixed(1)}** | ${N} per route |`;
const report = `
## OpenAPI validation cost — ${new Date().toISOString()}

Machine: ${availableParallelism()} cores, node ${process.version}, 1-min load average ${loadavg()[0]!.toFixed(1)} at the end (other jobs shared the machine). One in-process gateway, two routes to the same upstream, alternated in rounds of ${per}; CPU µs per request of the whole process (client + gateway + upstream), median over rounds; "added" = validated route minus plain route, same run. The spec (bench/openapi/orders.yaml) types every field of the shared bench's \`--payload\` document (patterns, enums, limits, \`additionalProperties: false\`). Produced by \`node bench/openapi/cost.ts --requests ${N}\`.

| body | plain route µs/req | openapi route µs/req | added µs/req | requests |
| --- | ---: | ---: | ---: | --- |
${line}
`;
process.stdout.write(report);
if (values.append) appendFileSync(new URL('../RESULTS.md', import.meta.url), report);
