/**
 * Golden specs: every test/golden/*.json file is one request written raw on a socket and the answer it
 * must get: status, selected headers, the problem body's fields (for gateway errors) and what the
 * upstream received (or that it received nothing). One gateway runs test/golden/gatehouse.yaml in
 * front of a recording upstream started here.
 *
 * A spec:
 * ```json
 * {
 *   "description": "what it shows",
 *   "request": { "method": "GET", "target": "/raw/target", "host": "golden.test",
 *                "headers": [["Name", "value"]], "body": "text" | "bodySize": 2000 },
 *   "response": { "status": 404, "headers": { "name": <matcher> }, "problem": { "field": <matcher> },
 *                 "json": <the exact JSON body> },
 *   "upstream": null | { "method": "GET", "url": "/path?query", "headers": { "name": <matcher> } }
 * }
 * ```
 * A matcher is a string (equal), `null` (absent), `{ "pattern": "regex" }` or, for upstream headers,
 * `{ "sameAsResponse": "header-name" }`. `host` defaults to `golden.test` (`null` sends none); a body
 * gets a Content-Length unless the spec sets one itself. `upstream: null` means the request must not
 * reach the upstream. Every gateway-generated error is also checked for the invariants of problem+json.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sendRaw, type WireResponse } from './golden/wire.ts';
import { startGateway, type TestGateway } from './helpers/gateway.ts';

type Matcher = string | null | { pattern: string } | { sameAsResponse: string };

interface GoldenSpec {
  description: string;
  request: {
    method: string;
    target: string;
    host?: string | null;
    headers?: Array<[string, string]>;
    body?: string;
    bodySize?: number;
  };
  response: {
    status: number;
    headers?: Record<string, Matcher>;
    problem?: Record<string, Matcher | number>;
    json?: unknown;
  };
  upstream: null | { method: string; url: string; headers?: Record<string, Matcher> };
}

interface UpstreamSeen {
  method: string;
  url: string;
  headers: Array<[string, string]>;
}

const DIR = new URL('./golden/', import.meta.url);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

function allowedKeys(obj: object, keys: string[], where: string): void {
  for (const k of Object.keys(obj)) assert.ok(keys.includes(k), `${where}: unknown key "${k}"`);
}

/** Reads and shape-checks a spec, so a typo in a key fails instead of silently checking nothing. */
function loadSpec(file: string): GoldenSpec {
  const spec = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as GoldenSpec;
  allowedKeys(spec, ['description', 'request', 'response', 'upstream'], file);
  assert.equal(typeof spec.description, 'string', `${file}: description`);
  allowedKeys(spec.request, ['method', 'target', 'host', 'headers', 'body', 'bodySize'], `${file} request`);
  allowedKeys(spec.response, ['status', 'headers', 'problem', 'json'], `${file} response`);
  assert.ok('upstream' in spec, `${file}: "upstream" is required (null when the request must not reach it)`);
  if (spec.upstream) allowedKeys(spec.upstream, ['method', 'url', 'headers'], `${file} upstream`);
  return spec;
}

/** The request, byte for byte. */
function render(spec: GoldenSpec): Buffer {
  const r = spec.request;
  const headers: Array<[string, string]> = [];
  const host = r.host === undefined ? 'golden.test' : r.host;
  if (host !== null) headers.push(['Host', host]);
  headers.push(...(r.headers ?? []));
  const body = r.bodySize !== undefined ? 'x'.repeat(r.bodySize) : (r.body ?? '');
  const framed = headers.some(([n]) => /^(content-length|transfer-encoding)$/i.test(n));
  if (!framed && (r.body !== undefined || r.bodySize !== undefined)) {
    headers.push(['Content-Length', String(Buffer.byteLength(body))]);
  }
  const head = `${r.method} ${r.target} HTTP/1.1\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body, 'utf8')]);
}

function check(actual: string | undefined, m: Matcher, what: string, response?: WireResponse): void {
  if (m === null) {
    assert.equal(actual, undefined, `${what} must be absent`);
  } else if (typeof m === 'string') {
    assert.equal(actual, m, what);
  } else if ('pattern' in m) {
    assert.ok(actual !== undefined, `${what} must be present`);
    assert.match(actual, new RegExp(m.pattern), what);
  } else {
    assert.ok(response, `${what}: sameAsResponse is for upstream headers`);
    const expected = response.header(m.sameAsResponse);
    assert.ok(expected !== undefined, `${what}: the response has no ${m.sameAsResponse}`);
    assert.equal(actual, expected, `${what} equals the response's ${m.sameAsResponse}`);
  }
}

let upstream: http.Server;
let gw: TestGateway;
const seen: UpstreamSeen[] = [];

/**
 * The recording upstream: 200 with `x-upstream: golden`. For paths containing `/grant-all` it also
 * sends permissive CORS headers, which the gateway's cors policy must replace.
 */
function startRecordingUpstream(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const headers: Array<[string, string]> = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      headers.push([req.rawHeaders[i]!.toLowerCase(), req.rawHeaders[i + 1]!]);
    }
    seen.push({ method: req.method!, url: req.url!, headers });
    req.resume();
    req.on('end', () => {
      const extra: Record<string, string> = req.url!.includes('/grant-all')
        ? { 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' }
        : {};
      res.writeHead(200, { 'content-type': 'application/json', 'x-upstream': 'golden', ...extra });
      res.end('{"ok":true}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Invariants of every problem the gateway writes, whatever the spec lists. */
function checkProblemInvariants(resp: WireResponse, problem: Record<string, unknown>): void {
  assert.equal(problem.status, resp.status, 'problem status equals the HTTP status');
  assert.match(String(problem.type), /^https:\/\/gatehouse\.dev\/errors\/gw-[a-z-]+$/, 'problem type');
  assert.equal(typeof problem.title, 'string', 'problem title');
  const text = resp.body.toString('utf8');
  assert.doesNotMatch(
    text,
    /\n\s+at |node:internal|\/work\/|127\.0\.0\.1:\d+/,
    'no stack or internal address',
  );
  const id = resp.header('x-request-id');
  if (id !== undefined && problem.instance !== undefined) {
    assert.equal(problem.instance, `urn:gatehouse:request:${id}`, 'the instance is the request id');
  }
}

describe('golden specs (test/golden/*.json)', () => {
  before(async () => {
    upstream = await startRecordingUpstream();
    const origin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    gw = await startGateway(readFileSync(new URL('gatehouse.yaml', DIR), 'utf8'), {
      GOLDEN_UPSTREAM: origin,
    });
  });
  after(async () => {
    await gw?.close();
    upstream?.closeAllConnections();
    await new Promise<void>((r) => (upstream ? upstream.close(() => r()) : r()));
  });

  it('has specs', () => {
    assert.ok(files.length >= 25, `found ${files.length} specs`);
  });

  for (const file of files) {
    const spec = loadSpec(file);
    it(`${file.replace(/\.json$/, '')}: ${spec.description}`, async () => {
      const before = seen.length;
      const r = await sendRaw(gw.port, render(spec), { method: spec.request.method, timeoutMs: 3000 });
      const resp = r.responses[0];
      assert.ok(
        resp,
        `no response (closed: ${r.closed}, timed out: ${r.timedOut}): ${JSON.stringify(r.raw)}`,
      );
      const exp = spec.response;
      assert.equal(resp.status, exp.status, `status; body: ${resp.body.toString('utf8')}`);
      for (const [name, m] of Object.entries(exp.headers ?? {})) {
        check(resp.header(name), m, `response header ${name}`);
      }
      const fromGateway = resp.header('x-upstream') === undefined;
      if (fromGateway && resp.status >= 400) {
        assert.equal(resp.header('content-type'), 'application/problem+json', 'gateway errors are problems');
        let problem: Record<string, unknown>;
        try {
          problem = JSON.parse(resp.body.toString('utf8')) as Record<string, unknown>;
        } catch {
          assert.fail(`the problem body is not JSON: ${JSON.stringify(resp.body.toString('utf8'))}`);
        }
        checkProblemInvariants(resp, problem);
        for (const [field, m] of Object.entries(exp.problem ?? {})) {
          const v = problem[field];
          if (typeof m === 'number') assert.equal(v, m, `problem ${field}`);
          else check(v === undefined ? undefined : String(v), m, `problem ${field}`);
        }
      } else {
        assert.equal(exp.problem, undefined, 'a problem was expected, but the upstream answered');
      }
      if (exp.json !== undefined) assert.deepEqual(JSON.parse(resp.body.toString('utf8')), exp.json, 'body');

      await sleep(spec.upstream === null ? 50 : 5);
      const got = seen.slice(before);
      if (spec.upstream === null) {
        assert.deepEqual(
          got.map((g) => `${g.method} ${g.url}`),
          [],
          'the request must not reach the upstream',
        );
        return;
      }
      assert.equal(got.length, 1, 'exactly one upstream request');
      const u = got[0]!;
      assert.equal(u.method, spec.upstream.method, 'upstream method');
      assert.equal(u.url, spec.upstream.url, 'upstream url');
      for (const [name, m] of Object.entries(spec.upstream.headers ?? {})) {
        const values = u.headers.filter(([k]) => k === name).map(([, v]) => v);
        assert.ok(values.length <= 1, `upstream header ${name} appears ${values.length} times`);
        check(values[0], m, `upstream header ${name}`, resp);
      }
    });
  }
});
