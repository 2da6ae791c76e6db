/**
 * The `waf` policy through the real gateway, with the OWASP CRS v4.28.0 read from ../shared (never copied).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { builtinPolicies } from '../../src/policies/index.ts';
import { policy as waf } from '../../src/policies/waf/policy.ts';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

const CRS = join(import.meta.dirname, '../../../shared/crs/v4.28.0');

describe('waf policy through the gateway (CRS PL1)', { timeout: 60_000 }, () => {
  let up: TestUpstream;
  let gw: TestGateway;

  before(async () => {
    up = await startUpstream();
    const rules = `{ setup: "${join(CRS, 'crs-setup.conf.example')}", include: ["${join(CRS, 'rules')}"] }`;
    gw = await startGateway(
      `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: true }
listeners:
  - name: main
    host: 127.0.0.1
    port: 0
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: detect
    paths: ["/detect/*"]
    upstream: backend
    policies:
      waf: { rules: ${rules}, engine: detection-only }
  - name: api
    paths: ["/*"]
    upstream: backend
    policies:
      waf: { rules: ${rules} }
`,
      {},
      { policies: [...builtinPolicies, waf] },
    );
  });

  after(async () => {
    await gw?.close();
    await up?.close();
  });

  const ua = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0', accept: 'application/json' };

  async function post(path: string, body: string, ct = 'application/json') {
    return fetch(`${gw.url}${path}`, { method: 'POST', headers: { ...ua, 'content-type': ct }, body });
  }

  test('SQLi in the query is blocked with 403 problem+json and never reaches the upstream', async () => {
    const before = up.requests.length;
    const res = await fetch(`${gw.url}/items?id=${encodeURIComponent("1' OR '1'='1")}`, { headers: ua });
    assert.equal(res.status, 403);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    const problem = (await res.json()) as { status: number; detail: string };
    assert.equal(problem.status, 403);
    assert.doesNotMatch(JSON.stringify(problem), /942|OR '1'/);
    assert.equal(up.requests.length, before);
  });

  test('XSS in the query is blocked', async () => {
    const before = up.requests.length;
    const res = await fetch(`${gw.url}/items?q=${encodeURIComponent('<script>alert(1)</script>')}`, {
      headers: ua,
    });
    assert.equal(res.status, 403);
    await res.body?.cancel();
    assert.equal(up.requests.length, before);
  });

  test('SQLi and XSS inside JSON bodies are blocked; the upstream never sees them', async () => {
    const before = up.requests.length;
    const sqli = await post(
      '/items',
      JSON.stringify({ filter: { name: '1 UNION SELECT password FROM users--' } }),
    );
    assert.equal(sqli.status, 403);
    await sqli.body?.cancel();
    const xss = await post(
      '/items',
      JSON.stringify({ comments: [{ text: '<img src=x onerror=alert(1)>' }] }),
    );
    assert.equal(xss.status, 403);
    await xss.body?.cancel();
    assert.equal(up.requests.length, before);
    const blocks = gw.logs.filter((l) => l['event.action'] === 'waf_block');
    assert.ok(blocks.length >= 4, JSON.stringify(blocks.slice(-1)));
    const last = blocks.at(-1) as { family: string; rule_ids: number[]; matches: { variable: string }[] };
    assert.equal(last.family, 'xss');
    assert.ok(last.matches.some((m) => m.variable === 'ARGS:json.comments.0.text'));
  });

  test('a benign JSON POST passes with its body intact at the upstream', async () => {
    const body = JSON.stringify({
      title: 'Quarterly report',
      body: 'Revenue grew 4% over the previous quarter.',
      tags: ['finance', 'q3'],
      count: 3,
      draft: false,
    });
    const res = await post('/reports', body);
    assert.equal(res.status, 200);
    await res.body?.cancel();
    const seen = up.requests.at(-1);
    assert.equal(seen?.url, '/reports');
    assert.equal(seen?.body.toString(), body);
    assert.equal(seen?.headers['content-length'], String(Buffer.byteLength(body)));
  });

  test('a benign chunked url-encoded POST passes with its body intact', async () => {
    const body = 'user=alice&remember=on';
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(body.slice(0, 5)));
        c.enqueue(new TextEncoder().encode(body.slice(5)));
        c.close();
      },
    });
    const res = await fetch(`${gw.url}/login`, {
      method: 'POST',
      headers: { ...ua, 'content-type': 'application/x-www-form-urlencoded' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assert.equal(res.status, 200);
    await res.body?.cancel();
    assert.equal(up.requests.at(-1)?.body.toString(), body);
  });

  test('detection-only passes the attack to the upstream and logs a waf_detect event', async () => {
    const body = JSON.stringify({ q: "1' OR '1'='1" });
    const res = await post('/detect/search', body);
    assert.equal(res.status, 200);
    await res.body?.cancel();
    assert.equal(up.requests.at(-1)?.body.toString(), body);
    const ev = gw.logs.filter((l) => l['event.action'] === 'waf_detect').at(-1) as
      | { decision: string; rule_ids: number[]; route: string }
      | undefined;
    assert.equal(ev?.decision, 'would-block');
    assert.equal(ev?.route, 'detect');
    assert.ok(ev?.rule_ids.includes(942100));
  });
});
