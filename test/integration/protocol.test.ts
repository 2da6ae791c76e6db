/**
 * Protocol-level attacks written as raw bytes: request smuggling, malformed framing and limits.
 * Each case asserts the gateway's answer AND that the upstream never saw a smuggled request.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  proxyConfig,
  rawRequest,
  startGateway,
  startUpstream,
  statuses,
  type TestGateway,
  type TestUpstream,
} from '../helpers/gateway.ts';

let up: TestUpstream;
let gw: TestGateway;

before(async () => {
  up = await startUpstream();
  gw = await startGateway(
    proxyConfig(up.url).replace(
      'listeners:',
      `limits:
  max_header_bytes: 4096
  max_header_count: 20
  max_url_bytes: 512
  max_body_bytes: 1000
  headers_timeout_ms: 600
  request_timeout_ms: 1500
listeners:`,
    ),
  );
});
after(async () => {
  await gw.close();
  await up.close();
});

const SMUGGLED = '/smuggled-path';
function sawSmuggled(): boolean {
  return up.requests.some((r) => r.url.includes('smuggled'));
}

describe('request smuggling and framing', () => {
  const cases: Array<[string, string]> = [
    [
      'Content-Length with Transfer-Encoding',
      `POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET ${SMUGGLED} HTTP/1.1\r\nHost: x\r\n\r\n`,
    ],
    [
      'Transfer-Encoding then Content-Length',
      `POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 40\r\n\r\n0\r\n\r\nGET ${SMUGGLED} HTTP/1.1\r\nHost: x\r\n\r\n`,
    ],
    [
      'duplicate Content-Length (different)',
      `POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: 44\r\n\r\nGET ${SMUGGLED} HTTP/1.1\r\nHost: x\r\n\r\n`,
    ],
    [
      'duplicate Content-Length (same)',
      `POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc`,
    ],
    ['malformed Content-Length (+)', `POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc`],
    ['malformed Content-Length (list)', `POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 3\r\n\r\nabc`],
    ['malformed Content-Length (hex)', `POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 0x3\r\n\r\nabc`],
    [
      'obfuscated Transfer-Encoding (xchunked)',
      `POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n`,
    ],
    [
      'obfuscated Transfer-Encoding (chunked, identity)',
      `POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n`,
    ],
    [
      'obfuscated Transfer-Encoding (space before colon)',
      `POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\nGET ${SMUGGLED} HTTP/1.1\r\nHost: x\r\n\r\n`,
    ],
    [
      'duplicate Transfer-Encoding',
      `POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n0\r\n\r\n`,
    ],
    [
      'Transfer-Encoding with obs-fold',
      `POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n`,
    ],
    ['bare LF line endings', `GET /a HTTP/1.1\nHost: x\n\nGET ${SMUGGLED} HTTP/1.1\nHost: x\n\n`],
    [
      'bare LF inside chunked framing',
      `POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\n0\n\n`,
    ],
    ['space before colon', `GET /a HTTP/1.1\r\nHost: x\r\nX-Test : 1\r\n\r\n`],
    ['obs-fold header continuation', `GET /a HTTP/1.1\r\nHost: x\r\nX-Test: a\r\n b\r\n\r\n`],
    ['NUL in header value', `GET /a HTTP/1.1\r\nHost: x\r\nX-Test: a\u0000b\r\n\r\n`],
    ['CR inside header value', `GET /a HTTP/1.1\r\nHost: x\r\nX-Test: a\rb\r\n\r\n`],
    ['HTTP/0.9 request', `GET /a\r\n\r\n`],
    ['unknown HTTP version', `GET /a HTTP/1.2\r\nHost: x\r\n\r\n`],
    ['duplicate Host', `GET /a HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n`],
    ['missing Host on HTTP/1.1', `GET /a HTTP/1.1\r\n\r\n`],
    ['absolute-form for another host', `GET http://internal.example/admin HTTP/1.1\r\nHost: x\r\n\r\n`],
    [
      'chunk size overflow',
      `POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFF1\r\nabc\r\n0\r\n\r\n`,
    ],
  ];
  for (const [name, payload] of cases) {
    it(`refuses ${name} with 400 and forwards nothing smuggled`, async () => {
      const before = up.requests.length;
      const raw = await rawRequest(gw.port, payload);
      const codes = statuses(raw);
      assert.ok(codes.length >= 1, `expected a response, got ${JSON.stringify(raw.slice(0, 200))}`);
      assert.equal(codes[0], 400, raw.slice(0, 300));
      assert.equal(codes.length, 1, 'the connection must not be reused after a framing error');
      assert.equal(up.requests.length, before, 'nothing reached the upstream');
      assert.equal(sawSmuggled(), false);
      assert.match(raw, /content-type: application\/problem\+json/i);
    });
  }

  it('CONNECT and TRACE are refused with 405', async () => {
    for (const p of [
      `CONNECT internal:443 HTTP/1.1\r\nHost: internal:443\r\n\r\n`,
      `TRACE /a HTTP/1.1\r\nHost: x\r\n\r\n`,
    ]) {
      const before = up.requests.length;
      const raw = await rawRequest(gw.port, p);
      assert.equal(statuses(raw)[0], 405, raw);
      assert.equal(up.requests.length, before);
    }
    // TRACK is not an HTTP method the parser knows: refused as malformed.
    const raw = await rawRequest(gw.port, `TRACK /a HTTP/1.1\r\nHost: x\r\n\r\n`);
    assert.equal(statuses(raw)[0], 400, raw);
  });

  it('absolute-form naming the same host is accepted and forwarded as origin-form', async () => {
    const raw = await rawRequest(
      gw.port,
      `GET http://x/abs?q=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    );
    assert.equal(statuses(raw)[0], 200, raw);
    assert.equal(up.requests.at(-1)!.url, '/abs?q=1');
  });

  it('a valid chunked body is forwarded intact', async () => {
    const raw = await rawRequest(
      gw.port,
      `POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n`,
    );
    assert.equal(statuses(raw)[0], 200, raw);
    const last = up.requests.at(-1)!;
    assert.equal(last.url, '/chunked');
    assert.equal(last.body.toString(), 'abcde');
  });

  it('pipelined valid requests are answered in order on one connection', async () => {
    const raw = await rawRequest(
      gw.port,
      `GET /p1 HTTP/1.1\r\nHost: x\r\n\r\nGET /p2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    );
    assert.deepEqual(statuses(raw), [200, 200]);
  });
});

describe('limits', () => {
  it('header section over max_header_bytes gets 431', async () => {
    const raw = await rawRequest(gw.port, `GET /a HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(5000)}\r\n\r\n`);
    assert.equal(statuses(raw)[0], 431, raw.slice(0, 200));
  });
  it('more than max_header_count fields gets 431', async () => {
    const many = Array.from({ length: 25 }, (_, i) => `X-H${i}: ${i}\r\n`).join('');
    const before = up.requests.length;
    const raw = await rawRequest(gw.port, `GET /a HTTP/1.1\r\nHost: x\r\n${many}\r\n`);
    assert.equal(statuses(raw)[0], 431, raw.slice(0, 200));
    assert.equal(up.requests.length, before);
  });
  it('request target over max_url_bytes gets 414', async () => {
    const raw = await rawRequest(gw.port, `GET /${'a'.repeat(600)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    assert.equal(statuses(raw)[0], 414, raw.slice(0, 200));
  });
  it('Content-Length over max_body_bytes gets 413 before the body is read', async () => {
    const before = up.requests.length;
    const raw = await rawRequest(gw.port, `POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n`);
    assert.equal(statuses(raw)[0], 413, raw.slice(0, 200));
    assert.equal(up.requests.length, before);
  });
  it('Expect: 100-continue over the limit gets 413 without 100 Continue', async () => {
    const raw = await rawRequest(
      gw.port,
      `POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n`,
    );
    assert.doesNotMatch(raw, /100 Continue/);
    assert.equal(statuses(raw)[0], 413, raw.slice(0, 200));
  });
  it('Expect: 100-continue within the limit gets 100 then the upstream answer', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const s = net.connect(gw.port, '127.0.0.1');
      let out = '';
      s.on('data', (d) => {
        out += d.toString();
        if (out.includes('100 Continue') && !out.includes('sent')) {
          out += 'sent';
          s.write('hello');
        }
        if (/HTTP\/1\.1 200/.test(out)) {
          s.end();
          resolve(out);
        }
      });
      s.on('error', reject);
      s.write(`POST /cont HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n`);
      setTimeout(() => resolve(out), 2000).unref();
    });
    assert.match(raw, /100 Continue/);
    assert.match(raw, /HTTP\/1\.1 200/);
    assert.equal(up.requests.at(-1)!.body.toString(), 'hello');
  });
  it('a chunked body over the limit is cut off with 413 while streaming', async () => {
    const chunk = 'a'.repeat(400);
    const body = `190\r\n${chunk}\r\n`.repeat(4) + '0\r\n\r\n';
    const raw = await rawRequest(
      gw.port,
      `POST /big HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${body}`,
      800,
    );
    const codes = statuses(raw);
    assert.ok(codes[0] === 413 || codes[0] === 502, raw.slice(0, 300));
    assert.ok(
      !up.requests.some((r) => r.url === '/big' && r.body.length > 1000),
      'upstream never receives more than the limit',
    );
  });
  it('slowloris: an incomplete head is closed after headers_timeout_ms', async () => {
    const start = Date.now();
    const raw = await new Promise<string>((resolve) => {
      const s = net.connect(gw.port, '127.0.0.1');
      let out = '';
      s.write('GET /slow HTTP/1.1\r\nHost: x\r\n');
      const iv = setInterval(() => s.write('X-A: b\r\n'), 200);
      s.on('data', (d) => (out += d.toString()));
      s.on('close', () => {
        clearInterval(iv);
        resolve(out);
      });
      s.on('error', () => {});
      setTimeout(() => s.destroy(), 5000).unref();
    });
    const took = Date.now() - start;
    assert.ok(took < 4000, `closed after ${took} ms`);
    if (raw) assert.equal(statuses(raw)[0], 408, raw);
  });
  it('slow POST: a body that never finishes is cut off after request_timeout_ms', async () => {
    const start = Date.now();
    await new Promise<void>((resolve) => {
      const s = net.connect(gw.port, '127.0.0.1');
      s.write('POST /slowpost HTTP/1.1\r\nHost: x\r\nContent-Length: 900\r\n\r\n');
      const iv = setInterval(() => s.write('a'), 100);
      s.on('close', () => {
        clearInterval(iv);
        resolve();
      });
      s.on('error', () => {});
      setTimeout(() => s.destroy(), 6000).unref();
    });
    assert.ok(Date.now() - start < 5000);
  });
});
