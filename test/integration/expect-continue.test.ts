/**
 * `Expect: 100-continue` with policies that read the request body before forwarding: the gateway must
 * answer 100 Continue itself (the client waits for it before sending the body), then judge the body.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

let up: TestUpstream;
let gw: TestGateway;

before(async () => {
  up = await startUpstream();
  gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: json
    paths: ["/json"]
    upstream: backend
    policies:
      json-threat-protection: {}
  - name: gql
    paths: ["/graphql"]
    upstream: backend
    policies:
      graphql: {}
`);
});

after(async () => {
  await gw?.close();
  await up?.close();
});

/** Sends the head, waits (at most 2 s) for an interim answer, then the body; resolves with everything read. */
function continued(path: string, body: string): Promise<{ interim: string; response: string }> {
  return new Promise((resolve, reject) => {
    const sock = connect(gw.port, '127.0.0.1');
    let data = '';
    let sent = false;
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`no interim response within 2 s; got ${JSON.stringify(data)}`));
    }, 2000);
    sock.on('data', (d) => {
      data += d.toString('latin1');
      if (!sent && data.includes('\r\n\r\n')) {
        sent = true;
        clearTimeout(timer);
        sock.write(body);
      }
    });
    sock.on('end', () => {
      const cut = data.indexOf('\r\n\r\n') + 4;
      resolve({ interim: data.slice(0, cut), response: data.slice(cut) });
    });
    sock.on('error', reject);
    sock.write(
      `POST ${path} HTTP/1.1\r\nhost: gw.test\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nexpect: 100-continue\r\nconnection: close\r\n\r\n`,
    );
  });
}

describe('Expect: 100-continue with body-reading policies', () => {
  test('json-threat-protection: 100 Continue, then the valid body is forwarded', async () => {
    const r = await continued('/json', '{"a":[1,2,3]}');
    assert.match(r.interim, /^HTTP\/1\.1 100 Continue/);
    assert.match(r.response, /^HTTP\/1\.1 200 /);
    assert.equal(up.requests.at(-1)?.body.toString(), '{"a":[1,2,3]}');
  });

  test('json-threat-protection: 100 Continue, then a bad body is refused and never forwarded', async () => {
    const seen = up.requests.length;
    const r = await continued('/json', '{"a":1,"a":2}');
    assert.match(r.interim, /^HTTP\/1\.1 100 Continue/);
    assert.match(r.response, /^HTTP\/1\.1 400 /);
    assert.equal(up.requests.length, seen);
  });

  test('graphql: 100 Continue, then the query is checked and forwarded', async () => {
    const r = await continued('/graphql', '{"query":"{ me { id } }"}');
    assert.match(r.interim, /^HTTP\/1\.1 100 Continue/);
    assert.match(r.response, /^HTTP\/1\.1 200 /);
  });
});
