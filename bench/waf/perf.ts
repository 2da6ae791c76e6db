/**
 * WAF engine micro-benchmark: CPU µs per request through the compiled CRS v4.28.0 at paranoia level 1, with the
 * directives the `waf` policy builds (src/policies/waf/ruleset.ts: setup, PL/threshold, JSON body processor,
 * rules, body-error rule), blocking mode `on`.
 *
 * Two requests, both benign (they must not block; the run fails if they do):
 * - GET: a browser-like GET with 10 headers and a 4-argument query string (phase 1 + phase 2, empty body);
 * - POST: the 16 KiB JSON document of ../shared/bench (lib/make-payload.mjs: an order with 76 line items, about
 *   540 leaf values), rebuilt byte for byte by ./payload.ts.
 *
 * Usage: node bench/waf/perf.ts [--crs ../shared/crs/v4.28.0] [--get 1000] [--post 40] [--rounds 5] [--warmup 1]
 *        [--only get|post] [--baseline DIR]
 * `--baseline DIR` also loads the engine of another checkout (DIR/src/..., e.g. `git archive HEAD src | tar -x -C
 * DIR` plus a node_modules link) and measures both in alternating rounds, so that the ratio is taken under the same
 * machine load. Prints CPU µs per request (process.cpuUsage, user + system) after a warm-up: the median and the
 * minimum over the rounds. Quote them with the load average.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RequestInput, Ruleset } from '../../src/waf/engine.ts';
import { makePayload } from './payload.ts';

const { values: opts } = parseArgs({
  options: {
    crs: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/crs/v4.28.0') },
    get: { type: 'string', default: '1000' },
    post: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '5' },
    only: { type: 'string', default: '' },
    baseline: { type: 'string', default: '' },
  },
});
const crs = opts.crs as string;

const config = {
  rules: { setup: resolve(crs, 'crs-setup.conf.example'), include: [resolve(crs, 'rules')] },
  paranoia_level: 1,
  inbound_threshold: 5,
  engine: 'on',
  status: 403,
  exclusions: [],
  custom_rules: [],
};

const HEADERS: [string, string][] = [
  ['Host', 'api.example.com'],
  ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'],
  ['Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'],
  ['Accept-Language', 'en-US,en;q=0.5'],
  ['Accept-Encoding', 'gzip, deflate, br'],
  ['Referer', 'https://www.example.com/products/list?page=2'],
  ['Cookie', 'session=4f2a9c1be07d4e3f9a6b2c8d1e0f7a5b; theme=dark; consent=yes'],
  ['Connection', 'keep-alive'],
  ['Cache-Control', 'max-age=0'],
  ['X-Request-Id', '0b6f3e0c-8a47-4a7f-9a3b-3f5c2d1e9b70'],
];
const GET: RequestInput = {
  method: 'GET',
  uri: '/api/v1/products/search?q=garden+lantern&category=outdoor&page=2&sort=price_asc',
  protocol: 'HTTP/1.1',
  headers: HEADERS,
  remoteAddr: '127.0.0.1',
};
const body = makePayload();
const POST: RequestInput = {
  method: 'POST',
  uri: '/api/v1/orders',
  protocol: 'HTTP/1.1',
  headers: [
    ['Host', 'api.example.com'],
    ['User-Agent', 'bench-client/1.0'],
    ['Accept', 'application/json'],
    ['Content-Type', 'application/json'],
    ['Content-Length', String(body.length)],
    ['Authorization', 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiZW5jaCJ9.c2lnbmF0dXJl'],
  ],
  body,
  remoteAddr: '127.0.0.1',
};

/** Compiles the PL1 ruleset with the engine under `root` (a directory holding src/). */
async function load(root: string): Promise<{ rs: Ruleset; compileMs: number }> {
  const engine = await import(resolve(root, 'src/waf/engine.ts'));
  const ruleset = await import(resolve(root, 'src/policies/waf/ruleset.ts'));
  const transform = await import(resolve(root, 'src/waf/transform/index.ts'));
  const c0 = process.cpuUsage();
  const rs = engine.compileRuleset(ruleset.wafDirectives(config), {
    transforms: transform.TRANSFORMS,
    detectors: ruleset.DETECTORS,
    mode: 'On',
  }) as Ruleset;
  const c = process.cpuUsage(c0);
  return { rs, compileMs: (c.user + c.system) / 1000 };
}

function runOne(rs: Ruleset, req: RequestInput): void {
  const tx = rs.newTransaction(req);
  const iv = tx.processRequestHeaders() ?? tx.processRequestBody();
  if (iv !== null || tx.matches.some((m) => m.log)) {
    throw new Error(
      `benign request flagged: ${JSON.stringify(iv)} ${tx.matches.map((m) => `${m.id} ${m.matchedVar}`).join(', ')}`,
    );
  }
}

function measure(rs: Ruleset, req: RequestInput, n: number): number {
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) runOne(rs, req);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / n;
}

const out = (s: string): boolean => process.stdout.write(`${s}\n`);
const engines: { name: string; rs: Ruleset }[] = [];
const cur = await load(resolve(import.meta.dirname, '../..'));
engines.push({ name: 'current', rs: cur.rs });
out(`compile (current): ${cur.compileMs.toFixed(0)} ms CPU, ${cur.rs.ruleCount} rules`);
if (opts.baseline !== '') {
  const base = await load(resolve(opts.baseline as string));
  engines.push({ name: 'baseline', rs: base.rs });
  out(`compile (baseline ${opts.baseline}): ${base.compileMs.toFixed(0)} ms CPU`);
}
const warm = Number(opts.warmup);
const rounds = Math.max(1, Number(opts.rounds));

/** Median and minimum per engine of `rounds` alternating measurements of `n` requests each, after a warm-up. */
function series(label: string, req: RequestInput, n: number): void {
  for (const e of engines) measure(e.rs, req, Math.max(1, Math.round(n * warm * 0.25)));
  const xs = engines.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < engines.length; i++) {
      (xs[i] as number[]).push(measure((engines[i] as { rs: Ruleset }).rs, req, n));
    }
  }
  const med: number[] = [];
  engines.forEach((e, i) => {
    const x = (xs[i] as number[]).sort((a, b) => a - b);
    med.push(x[Math.floor(x.length / 2)] as number);
    out(
      `${label} ${e.name.padEnd(8)}: ${(med[i] as number).toFixed(0)} µs CPU/request ` +
        `(median of ${rounds} x ${n}; min ${(x[0] as number).toFixed(0)})`,
    );
  });
  if (med.length === 2)
    out(`${label} baseline/current: ${((med[1] as number) / (med[0] as number)).toFixed(1)}x`);
}
if (opts.only !== 'post') series('GET  (10 headers, 4 args)', GET, Number(opts.get));
if (opts.only !== 'get') series(`POST (16 KiB JSON, ${body.length} B)`, POST, Number(opts.post));
