/**
 * Over HTTP/2 a request body needs no Content-Length (and has no Transfer-Encoding). Every policy that inspects
 * bodies must still see it: a JSON bomb, a `__proto__` body, a billion-laughs XML, a SQL injection for the WAF and
 * a media type request-size-limit does not allow, each sent on an h2 stream without Content-Length, are refused
 * and never reach the upstream (they all passed before the check was shared: src/pipeline/body.ts).
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http2 from 'node:http2';
import { tmpdir } from 'node:os';
import { join, join as joinPath } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

const CRS = joinPath(import.meta.dirname, '../../../shared/crs/v4.28.0');
const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit6-h2-'));

/** POSTs `body` on an HTTP/2 stream without Content-Length; resolves with the status. */
function h2Post(port: number, path: string, contentType: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`https://127.0.0.1:${port}`, { rejectUnauthorized: false });
    session.on('error', reject);
    const req = session.request({ ':method': 'POST', ':path': path, 'content-type': contentType });
    req.on('response', (h) => {
      let text = '';
      req.on('data', (c: Buffer) => {
        text += c.toString();
      });
      req.on('end', () => {
        if (process.env.H2_DEBUG) console.log(path, h[':status'], text);
        session.close();
        resolve(Number(h[':status']));
      });
    });
    req.on('error', reject);
    req.write(body.slice(0, 1));
    setTimeout(() => req.end(body.slice(1)), 10);
  });
}

/** GETs `path` on an HTTP/2 stream (pseudo-headers only, no Host); resolves with the status. */
function h2Get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`https://127.0.0.1:${port}`, { rejectUnauthorized: false });
    session.on('error', reject);
    const req = session.request({ ':path': path, accept: 'application/json', 'user-agent': 'h2-test/1.0' });
    req.on('response', (h) => {
      req.resume();
      req.on('end', () => {
        session.close();
        resolve(Number(h[':status']));
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('body policies over HTTP/2 without Content-Length', { timeout: 30_000 }, () => {
  let up: TestUpstream;
  let gw: TestGateway;

  before(async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        'k.pem',
        '-out',
        'c.pem',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      { cwd: dir, stdio: 'ignore', timeout: 20_000 },
    );
    up = await startUpstream();
    gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: false }
listeners:
  - name: main
    host: 127.0.0.1
    port: 0
    tls:
      http2: true
      certificates:
        - { cert: "${join(dir, 'c.pem')}", key: "${join(dir, 'k.pem')}" }
upstreams: [{ name: backend, targets: [{ url: "${up.url}" }] }]
routes:
  - name: json
    paths: ["/json/*"]
    upstream: backend
    policies:
      json-threat-protection: {}
  - name: xml
    paths: ["/xml/*"]
    upstream: backend
    policies:
      xml-threat-protection: {}
  - name: waf
    paths: ["/waf/*"]
    upstream: backend
    policies:
      waf:
        rules:
          setup: "${joinPath(CRS, 'crs-setup.conf.example')}"
          include: ["${joinPath(CRS, 'rules')}"]
  - name: sized
    paths: ["/sized/*"]
    upstream: backend
    policies:
      request-size-limit: { max_bytes: 1024, allowed_content_types: [application/json], require_content_length: false }
`);
  });

  after(async () => {
    await gw?.close();
    await up?.close();
  });

  test('the WAF sees an HTTP/2 request as ModSecurity behind nginx does: clean GETs pass, attacks do not', async () => {
    // Pseudo-headers are not headers (they made every HTTP/2 request look hostile); `:authority` is the Host.
    assert.equal(await h2Get(gw.port, '/waf/items?q=garden+lantern'), 200);
    assert.equal(await h2Get(gw.port, `/waf/items?id=${encodeURIComponent("1' or 1=1--")}`), 403);
    assert.equal(await h2Get(gw.port, '/waf/f?file=../../../etc/passwd'), 403);
    assert.deepEqual(
      up.requests.splice(0).map((r) => r.url),
      ['/waf/items?q=garden+lantern'],
    );
  });

  test('hostile bodies without Content-Length are refused', async () => {
    assert.equal(await h2Post(gw.port, '/json/ok', 'application/json', '{"a":1}'), 200);
    assert.equal(await h2Post(gw.port, '/json/deep', 'application/json', '['.repeat(100_000)), 400);
    assert.equal(
      await h2Post(gw.port, '/json/proto', 'application/json', '{"__proto__":{"isAdmin":true}}'),
      400,
    );
    assert.equal(
      await h2Post(gw.port, '/xml/lol', 'application/xml', '<!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>'),
      400,
    );
    assert.equal(await h2Post(gw.port, '/waf/ok', 'application/json', '{"name":"Rex"}'), 200);
    assert.equal(
      await h2Post(
        gw.port,
        '/waf/sqli',
        'application/json',
        `{"id":"1' UNION SELECT password FROM users--"}`,
      ),
      403,
    );
    assert.equal(
      await h2Post(gw.port, '/waf/xss', 'application/x-www-form-urlencoded', 'q=<script>alert(1)</script>'),
      403,
    );
    assert.equal(await h2Post(gw.port, '/sized/ok', 'application/json', '{"a":1}'), 200);
    assert.equal(await h2Post(gw.port, '/sized/type', 'text/x-shellscript', 'rm -rf /'), 415);
    assert.equal(await h2Post(gw.port, '/sized/big', 'application/json', `"${'a'.repeat(5000)}"`), 413);
    assert.deepEqual(
      up.requests.map((r) => r.url),
      ['/json/ok', '/waf/ok', '/sized/ok'],
    );
  });
});
