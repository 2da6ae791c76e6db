/**
 * Audit of issue 6, payload limits through the real gateway with hostile bodies the other tests do not send:
 * prototype keys hidden behind unicode escapes, duplicate keys that differ only by escaping, lone surrogate
 * escapes, billion laughs through parameter entities, a DOCTYPE after comments and processing instructions,
 * and UTF-16 encoded XML. Each is refused (400 problem) and never reaches the upstream.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

describe('audit6: hostile JSON and XML bodies', { timeout: 30_000 }, () => {
  let up: TestUpstream;
  let gw: TestGateway;

  before(async () => {
    up = await startUpstream();
    gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: false }
listeners: [{ name: main, host: 127.0.0.1, port: 0 }]
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
`);
  });

  after(async () => {
    await gw?.close();
    await up?.close();
  });

  async function post(
    path: string,
    contentType: string,
    body: string | Buffer,
  ): Promise<{ status: number; text: string }> {
    const res = await fetch(`${gw.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    return { status: res.status, text: await res.text() };
  }

  test('prototype keys behind escapes and duplicate keys differing only by escapes are refused', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['proto-u005f', String.raw`{"\u005f_proto__":{"isAdmin":true}}`, /forbidden object key/],
      [
        'proto-all-escaped',
        String.raw`{"a":{"\u005F\u005F\u0070\u0072\u006F\u0074\u006F\u005F\u005F":1}}`,
        /forbidden/,
      ],
      ['constructor', '{"constructor":{"prototype":{"x":1}}}', /forbidden/],
      ['constructor-escaped', String.raw`[{"c\u006fnstructor":1}]`, /forbidden/],
      ['prototype-solidus', String.raw`{"prot\u006ftype":1}`, /forbidden/],
      ['dup-escape', String.raw`{"role":"user","r\u006fle":"admin"}`, /repeats a key/],
      ['dup-solidus', String.raw`{"a/b":1,"a\/b":2}`, /repeats a key/],
      ['dup-surrogates', `{"\u{1F600}":1,${String.raw`"\ud83d\ude00"`}:2}`, /repeats a key/],
      ['dup-nested', String.raw`{"x":{"k":1},"y":{"k":1,"\u006b":2}}`, /repeats a key/],
    ];
    for (const [name, body, detail] of cases) {
      const r = await post(`/json/${name}`, 'application/json', body);
      assert.equal(r.status, 400, name);
      assert.match(r.text, detail, name);
      assert.doesNotMatch(r.text, /isAdmin|admin/, name);
    }
    // Keys that only look alike stay allowed.
    const fine = await post('/json/fine', 'application/json', '{"__proto":1,"proto__":2,"Constructor":3}');
    assert.equal(fine.status, 200);
    assert.equal(up.requests.filter((r) => r.url !== '/json/fine').length, 0);
  });

  test('billion laughs via parameter entities, hidden DOCTYPEs and UTF-16 XML are refused', async () => {
    const payloads: Array<[string, string | Buffer]> = [
      [
        'param-entities',
        `<?xml version="1.0"?>
<!DOCTYPE r [
 <!ENTITY % a "lol">
 <!ENTITY % b "%a;%a;%a;%a;%a;%a;%a;%a;%a;%a;">
 <!ENTITY % c "%b;%b;%b;%b;%b;%b;%b;%b;%b;%b;">
 %c;
]><r/>`,
      ],
      ['param-external', '<!DOCTYPE r [<!ENTITY % x SYSTEM "http://127.0.0.1:9/x.dtd"> %x;]><r/>'],
      [
        'after-comment-pi',
        '<?xml version="1.0"?><!-- hi --><?pi x?>\n<!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>',
      ],
      ['lower-doctype', '<!doctype r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>'],
      ['doctype-in-element', '<r><!DOCTYPE r></r>'],
      ['undeclared-entity', '<r>&e;</r>'],
      [
        'utf16',
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from('<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>', 'utf16le'),
        ]),
      ],
      ['utf16-declared', '<?xml version="1.0" encoding="UTF-16"?><r/>'],
    ];
    for (const [name, body] of payloads) {
      const r = await post(`/xml/${name}`, 'application/xml', body);
      assert.equal(r.status, 400, name);
      assert.doesNotMatch(r.text, /passwd|lol/, name);
      assert.equal(up.requests.filter((q) => q.url === `/xml/${name}`).length, 0, name);
    }
  });
});
