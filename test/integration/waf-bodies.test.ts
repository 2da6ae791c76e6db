/**
 * The `waf` policy's multipart and XML body processors through the real gateway (CRS v4.28.0 from ../shared,
 * PL1, blocking), and `Expect: 100-continue` with a body the WAF reads.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { builtinPolicies } from '../../src/policies/index.ts';
import { policy as waf } from '../../src/policies/waf/policy.ts';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

const CRS = join(import.meta.dirname, '../../../shared/crs/v4.28.0');
const UA = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0', accept: 'application/json' };

function multipart(
  parts: { headers: string[]; data: string }[],
  boundary = 'gh0Boundary',
  eol = '\r\n',
): string {
  return `${parts.map((p) => `--${boundary}${eol}${p.headers.join(eol)}${eol}${eol}${p.data}${eol}`).join('')}--${boundary}--${eol}`;
}
const field = (name: string, data: string) => ({
  headers: [`Content-Disposition: form-data; name="${name}"`],
  data,
});

/** Sends headers with `Expect: 100-continue`, the body only after `100 Continue`; returns all the client saw. */
function expectContinue(
  port: number,
  head: string,
  body: string,
): Promise<{ gotContinue: boolean; raw: string }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let raw = '';
    let sent = false;
    const timer = setTimeout(() => {
      sock.destroy();
      resolve({ gotContinue: sent, raw });
    }, 5000);
    sock.on('connect', () => sock.write(head));
    sock.on('data', (d) => {
      raw += d.toString('latin1');
      if (!sent && raw.includes('HTTP/1.1 100 Continue\r\n\r\n')) {
        sent = true;
        sock.write(body);
      }
      if (/HTTP\/1\.1 [2-5]\d\d [\s\S]*\r\n\r\n/.test(raw.replace('HTTP/1.1 100 Continue\r\n\r\n', ''))) {
        clearTimeout(timer);
        sock.destroy();
        resolve({ gotContinue: sent, raw });
      }
    });
    sock.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe('waf request bodies through the gateway (CRS PL1, blocking)', { timeout: 90_000 }, () => {
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
  - name: expect
    paths: ["/expect/*"]
    upstream: backend
    policies:
      waf:
        rules: ${rules}
        exclusions: [{ rule_ids: [920450], targets: ["REQUEST_HEADERS_NAMES:Expect"] }]
  - name: api
    paths: ["/*"]
    upstream: backend
    policies:
      waf: { rules: ${rules}, profile: crs }
`,
      {},
      { policies: [...builtinPolicies, waf] },
    );
  });

  after(async () => {
    await gw?.close();
    await up?.close();
  });

  async function send(body: string, ct: string, path = '/upload') {
    const before = up.requests.length;
    const res = await fetch(`${gw.url}${path}`, {
      method: 'POST',
      headers: { ...UA, 'content-type': ct },
      body: Buffer.from(body, 'latin1'),
    });
    const text = await res.text();
    return { status: res.status, text, reached: up.requests.length > before };
  }

  const MP = 'multipart/form-data; boundary=gh0Boundary';

  test('a benign multipart upload passes with its body intact', async () => {
    const body = multipart([
      field('title', 'Holiday pictures'),
      {
        headers: [
          'Content-Disposition: form-data; name="photo"; filename="beach.jpg"',
          'Content-Type: image/jpeg',
        ],
        data: '\xff\xd8\xff\xe0JFIF\x00binary',
      },
    ]);
    const r = await send(body, MP);
    assert.equal(r.status, 200, r.text);
    assert.equal(up.requests.at(-1)?.body.toString('latin1'), body);
  });

  test('SQLi in a multipart field is blocked and never reaches the upstream', async () => {
    const r = await send(multipart([field('q', "1' UNION SELECT password FROM users--")]), MP);
    assert.equal(r.status, 403);
    assert.equal(r.reached, false);
  });

  test('attacks in a file name and in part headers are blocked', async () => {
    const shell = await send(
      multipart([
        { headers: ['Content-Disposition: form-data; name="f"; filename="x.php;.jpg"'], data: 'x' },
      ]),
      MP,
    );
    assert.equal(shell.status, 403, 'CRS 920120: ; in FILES');
    assert.equal(shell.reached, false);
    const charset = await send(
      multipart([
        {
          headers: ['Content-Disposition: form-data; name="a"', 'Content-Type: text/plain; charset=utf-7'],
          data: '+ADw-script+AD4-',
        },
      ]),
      MP,
    );
    assert.equal(charset.status, 403, 'CRS 922110: utf-7 part');
    assert.equal(charset.reached, false);
  });

  test('evasions the strict parser refuses: 400 and the upstream never sees them', async () => {
    const evasions: [string, string][] = [
      [multipart([field('a', 'v')], 'gh0Boundary', '\n'), MP], // LF line endings
      [multipart([field('a', 'v')]), 'multipart/form-data; boundary="gh0Boundary"'], // quoted boundary
      [`--gh0Boundary\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n`, MP], // no final boundary
      [
        multipart([
          { headers: ['Content-Disposition: form-data; name="a";', ' filename="notes.txt"'], data: 'v' },
        ]),
        MP,
      ], // header folding
      [`junk${multipart([field('a', 'v')])}`, MP], // data before the first boundary
      [multipart([field('a', 'v\r\n--gh0BoundaryX')]), MP], // unmatched boundary
      [multipart([{ headers: ["Content-Disposition: form-data; name='a'"], data: 'v' }]), MP], // bad quoting
    ];
    for (const [body, ct] of evasions) {
      const r = await send(body, ct);
      assert.equal(r.status, 400, `${JSON.stringify(body.slice(0, 80))}: ${r.text}`);
      assert.equal(r.reached, false);
    }
  });

  test('XML: attacks in text and attributes are blocked; entities are never expanded', async () => {
    const ok = await send(
      '<?xml version="1.0"?><order id="7"><item>Blue chair</item></order>',
      'application/xml',
    );
    assert.equal(ok.status, 200, ok.text);
    const sqli = await send(
      '<order><item>1 UNION SELECT password FROM users--</item></order>',
      'application/xml',
    );
    assert.equal(sqli.status, 403);
    assert.equal(sqli.reached, false);
    const attr = await send(
      '<order><item name="&lt;script&gt;alert(1)&lt;/script&gt;"/></order>',
      'text/xml',
    );
    assert.equal(attr.status, 403);
    assert.equal(attr.reached, false);
    const xxe = await send(
      '<?xml version="1.0"?><!DOCTYPE o [<!ENTITY x SYSTEM "http://127.0.0.1:1/">]><o>&x;</o>',
      'application/soap+xml',
    );
    assert.equal(xxe.status, 400, 'an undefined entity is a body error (REQBODY_ERROR)');
    assert.equal(xxe.reached, false);
    const broken = await send('<order><item></order>', 'application/xml');
    assert.equal(broken.status, 400);
    assert.equal(broken.reached, false);
  });

  test('Expect: 100-continue: the WAF answers 100 before reading the body', async () => {
    // CRS v4.28 lists `Expect` in tx.restricted_headers_basic (920450, PL1): this route excludes that header name.
    const clean = 'user=alice&remember=on';
    const head = (len: number, path = '/expect/login') =>
      `POST ${path} HTTP/1.1\r\nHost: localhost\r\nUser-Agent: Mozilla/5.0\r\nAccept: */*\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${len}\r\nExpect: 100-continue\r\n` +
      'Connection: close\r\n\r\n';
    const ok = await expectContinue(gw.port, head(clean.length), clean);
    assert.equal(ok.gotContinue, true, ok.raw);
    assert.match(ok.raw, /HTTP\/1\.1 200 /);
    assert.equal(up.requests.at(-1)?.body.toString(), clean);
    const before = up.requests.length;
    const evil = `q=${encodeURIComponent("1' UNION SELECT password FROM users--")}`;
    const bad = await expectContinue(gw.port, head(evil.length), evil);
    assert.equal(bad.gotContinue, true);
    assert.match(bad.raw, /HTTP\/1\.1 403 /);
    assert.equal(up.requests.length, before);
    // Without the exclusion CRS 920450 refuses the header itself, before the body is wanted: no 100.
    const strict = await expectContinue(gw.port, head(clean.length, '/login'), clean);
    assert.match(strict.raw, /HTTP\/1\.1 403 /);
    assert.equal(up.requests.length, before);
  });
});
