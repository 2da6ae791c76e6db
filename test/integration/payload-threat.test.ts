/**
 * `json-threat-protection` and `xml-threat-protection` through the real gateway: hostile bodies streamed
 * slowly are refused as soon as a limit is crossed (without buffering them, while other requests are served),
 * DTD, XInclude, schema-location and xml-stylesheet payloads never reach the upstream, and valid bodies arrive
 * byte-identical.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

interface StreamResult {
  status: number;
  body: string;
  sent: number;
  ms: number;
}

/**
 * POSTs a chunked body: `head`, then `filler` repeated up to `total` bytes with `delayMs` between chunks,
 * then `tail`, stopping as soon as the gateway answers. Never builds the whole body.
 */
function streamPost(
  port: number,
  path: string,
  contentType: string,
  head: Buffer,
  filler: Buffer,
  total: number,
  delayMs: number,
  tail: Buffer = Buffer.alloc(0),
): Promise<StreamResult> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    let answered = false;
    let sent = 0;
    const req = http.request({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: { 'content-type': contentType, 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent, ms: performance.now() - t0 }));
      res.on('error', reject);
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    (async () => {
      req.write(head);
      sent += head.length;
      while (!answered && sent < total && !req.destroyed) {
        await sleep(delayMs);
        if (answered || req.destroyed) break;
        req.write(filler);
        sent += filler.length;
      }
      if (!answered && !req.destroyed) req.end(tail);
    })().catch(reject);
  });
}

describe('payload threat protection through the gateway', { timeout: 60_000 }, () => {
  let up: TestUpstream;
  let gw: TestGateway;

  before(async () => {
    up = await startUpstream();
    gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: true }
limits: { max_body_bytes: 104857600 }
listeners:
  - name: main
    host: 127.0.0.1
    port: 0
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: report
    paths: ["/report/*"]
    upstream: backend
    policies:
      json-threat-protection: { mode: report-only }
  - name: json
    paths: ["/json/*"]
    upstream: backend
    policies:
      json-threat-protection: { max_size: 104857600 }
  - name: xml
    paths: ["/xml/*"]
    upstream: backend
    policies:
      xml-threat-protection: {}
`);
  });

  after(async () => {
    await gw?.close();
    await up?.close();
  });

  function seen(path: string): number {
    return up.requests.filter((r) => r.url === path).length;
  }

  test('a 100,000-deep JSON streamed slowly is refused at once while a normal request is served', async () => {
    const rss0 = process.memoryUsage().rss;
    // 100,000 '[' in 1000-byte chunks every 20 ms take 2 s to send: a gateway that waited would answer later.
    const attack = streamPost(
      gw.port,
      '/json/deep',
      'application/json',
      Buffer.alloc(1000, '['),
      Buffer.alloc(1000, '['),
      100_000,
      20,
    );
    const normal = await fetch(`${gw.url}/json/normal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"ok":true}',
    });
    assert.equal(normal.status, 200);
    await normal.body?.cancel();
    const r = await attack;
    assert.equal(r.status, 400);
    assert.ok(r.ms < 1000, `answered after ${r.ms.toFixed(0)} ms`);
    assert.ok(r.sent < 50_000, `client sent ${r.sent} bytes before the answer`);
    const problem = JSON.parse(r.body) as { status: number; detail: string; type: string };
    assert.equal(problem.status, 400);
    assert.match(problem.detail, /nested deeper than 32/);
    assert.equal(seen('/json/deep'), 0);
    assert.equal(seen('/json/normal'), 1);
    assert.ok(process.memoryUsage().rss - rss0 < 30 * 1024 * 1024);
    const ev = gw.logs.find(
      (l) => l['event.action'] === 'payload_rejected' && l['event.reason'] === 'json:depth',
    );
    assert.ok(ev, 'payload_rejected event logged');
  });

  test('a 50 MB JSON string streamed slowly is refused after ~64 KiB; memory stays bounded', async () => {
    const rss0 = process.memoryUsage().rss;
    const attack = streamPost(
      gw.port,
      '/json/big-string',
      'application/json',
      Buffer.from('{"data":"'),
      Buffer.alloc(16_384, 'x'),
      50 * 1024 * 1024,
      5,
    );
    await sleep(20);
    const normal = await fetch(`${gw.url}/json/alongside`, {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.api+json' },
      body: '{"data":{"type":"x","id":"1"}}',
    });
    assert.equal(normal.status, 200);
    await normal.body?.cancel();
    const r = await attack;
    assert.equal(r.status, 400);
    assert.match(r.body, /longer than 65536 characters/);
    assert.doesNotMatch(r.body, /xxxx/);
    assert.ok(r.ms < 3000, `answered after ${r.ms.toFixed(0)} ms`);
    assert.ok(r.sent < 1024 * 1024, `client sent ${r.sent} bytes before the answer`);
    assert.ok(
      process.memoryUsage().rss - rss0 < 30 * 1024 * 1024,
      `RSS grew ${((process.memoryUsage().rss - rss0) / 1048576).toFixed(1)} MiB`,
    );
    assert.equal(seen('/json/big-string'), 0);
    assert.equal(seen('/json/alongside'), 1);
  });

  test('billion laughs and XXE are refused with 400 and never reach the upstream', async () => {
    const payloads = [
      `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz>&lol3;</lolz>`,
      '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>',
      '<?xml version="1.0"?><!DOCTYPE foo SYSTEM "http://127.0.0.1:9/evil.dtd"><foo/>',
      '<foo>&xxe;</foo>',
    ];
    for (const [i, body] of payloads.entries()) {
      for (const ct of ['application/xml', 'text/xml; charset=utf-8', 'application/soap+xml']) {
        const res = await fetch(`${gw.url}/xml/attack-${i}`, {
          method: 'POST',
          headers: { 'content-type': ct },
          body,
        });
        assert.equal(res.status, 400, `${i} ${ct}`);
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
        const text = await res.text();
        assert.doesNotMatch(text, /passwd|lol|xxe|evil/);
      }
      assert.equal(seen(`/xml/attack-${i}`), 0);
    }
  });

  test('XInclude, schema location hints and xml-stylesheet are refused with 400 and never reach the upstream', async () => {
    const payloads: Array<[string, RegExp]> = [
      ['<xi:include href="file:///etc/passwd" xmlns:xi="http://www.w3.org/2001/XInclude"/>', /XInclude/],
      [
        '<?xml version="1.0"?><doc xmlns:x="http://www.w3.org/2003/XInclude"><p><x:include href="http://127.0.0.1:9/secret" parse="text"/></p></doc>',
        /XInclude/,
      ],
      ['<doc><part xmlns="http://www.w3.org/2001/XInclude" href="file:///etc/passwd"/></doc>', /XInclude/],
      [
        '<order xmlns="urn:o" xmlns:s="http://www.w3.org/2001/XMLSchema-instance" s:schemaLocation="urn:o http://127.0.0.1:9/evil.xsd"/>',
        /schemaLocation/,
      ],
      [
        '<order xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="file:///etc/passwd"/>',
        /schemaLocation/,
      ],
      [
        '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="http://127.0.0.1:9/evil.xsl"?><order/>',
        /xml-stylesheet/,
      ],
    ];
    for (const [i, [body, detail]] of payloads.entries()) {
      const res = await fetch(`${gw.url}/xml/external-${i}`, {
        method: 'POST',
        headers: { 'content-type': 'application/xml' },
        body,
      });
      assert.equal(res.status, 400, String(i));
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      const problem = JSON.parse(await res.text()) as { status: number; detail: string };
      assert.equal(problem.status, 400);
      assert.match(problem.detail, detail, String(i));
      assert.doesNotMatch(problem.detail, /passwd|evil|secret|127\.0\.0\.1/);
      assert.equal(seen(`/xml/external-${i}`), 0, String(i));
    }
    // Streamed in small chunks: the XInclude element sits after a long benign prefix and is still caught.
    const streamed = await streamPost(
      gw.port,
      '/xml/external-streamed',
      'application/xml',
      Buffer.from('<?xml version="1.0"?><doc xmlns:xi="http://www.w3.org/2001/XInclude">'),
      Buffer.from('<p>filler</p>'),
      2000,
      0,
      Buffer.from('<xi:include href="file:///etc/passwd"/></doc>'),
    );
    assert.equal(streamed.status, 400);
    assert.match(streamed.body, /XInclude/);
    assert.equal(seen('/xml/external-streamed'), 0);
    const ev = gw.logs.find(
      (l) => l['event.action'] === 'payload_rejected' && l['event.reason'] === 'xml:xinclude',
    );
    assert.ok(ev, 'payload_rejected event logged');
    // A benign namespaced document with an XML declaration (and an ordinary PI) still passes unchanged.
    const benign = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?>\n<?app-hint v?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soap:Body><m:Get xmlns:m="urn:m" xsi:type="m:T" href="file:///x"/></soap:Body></soap:Envelope>',
    );
    const ok = await fetch(`${gw.url}/xml/external-benign`, {
      method: 'POST',
      headers: { 'content-type': 'application/soap+xml' },
      body: benign,
    });
    assert.equal(ok.status, 200);
    await ok.body?.cancel();
    assert.deepEqual(up.requests.find((r) => r.url === '/xml/external-benign')?.body, benign);
  });

  test('valid JSON and XML bodies reach the upstream byte-identical', async () => {
    const json = Buffer.from(
      '\ufeff{ "name": "café ☕", "n": [1, -2.5e3, true, null], "nested": {"a": {"b": []}} }\n',
    );
    const xml = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?>\n<order xmlns="urn:o" id="1"><item sku="a&amp;b">é</item><![CDATA[<raw>]]></order>',
    );
    const r1 = await fetch(`${gw.url}/json/valid`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: json,
    });
    assert.equal(r1.status, 200);
    await r1.body?.cancel();
    const r2 = await fetch(`${gw.url}/xml/valid`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: xml,
    });
    assert.equal(r2.status, 200);
    await r2.body?.cancel();
    const s1 = up.requests.find((r) => r.url === '/json/valid');
    const s2 = up.requests.find((r) => r.url === '/xml/valid');
    assert.deepEqual(s1?.body, json);
    assert.equal(s1?.headers['content-length'], String(json.length));
    assert.deepEqual(s2?.body, xml);
    // Chunked valid bodies too.
    const chunked = await streamPost(
      gw.port,
      '/json/chunked',
      'application/json',
      Buffer.from('[0'),
      Buffer.from(',1'),
      2 + 2 * 50,
      0,
      Buffer.from(']'),
    );
    assert.equal(chunked.status, 200);
    assert.equal(
      up.requests.find((r) => r.url === '/json/chunked')?.body.toString(),
      `[0${',1'.repeat(50)}]`,
    );
  });

  test('report-only lets a violating body through unchanged and logs the would-deny event', async () => {
    const body = '{"a":1,"a":2}';
    const res = await fetch(`${gw.url}/report/dup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    assert.equal(res.status, 200);
    await res.body?.cancel();
    assert.equal(up.requests.find((r) => r.url === '/report/dup')?.body.toString(), body);
    const ev = gw.logs.find(
      (l) => l['event.action'] === 'payload_rejected' && l['event.reason'] === 'json:duplicate_key',
    );
    assert.equal(ev?.['event.outcome'], 'would-deny');
  });
});
