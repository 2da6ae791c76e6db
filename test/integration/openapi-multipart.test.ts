/**
 * `openapi` policy, multipart/form-data request bodies through the real gateway: a valid body reaches the
 * upstream byte for byte; invalid, malformed, oversized bodies and parts violating `encoding.contentType` are
 * refused with problem+json and never reach the upstream, including a repeated part name smuggling a second
 * value for a single string.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  proxyConfig,
  rawRequest,
  startGateway,
  startUpstream,
  statuses,
  type TestGateway,
  type TestUpstream,
} from '../helpers/gateway.ts';

const SPEC = new URL('../../src/policies/openapi/fixtures/specs/multipart.yaml', import.meta.url).pathname;
const B = 'gh-integration-b0undary';
const CT = `multipart/form-data; boundary=${B}`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);

interface Part {
  readonly name: string;
  readonly value: string | Buffer;
  readonly filename?: string;
  readonly type?: string;
}

function form(parts: readonly Part[]): Buffer {
  return Buffer.concat([
    ...parts.flatMap((p) => [
      Buffer.from(
        `--${B}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}\r\n` +
          `${p.type === undefined ? '' : `Content-Type: ${p.type}\r\n`}\r\n`,
        'latin1',
      ),
      Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value),
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${B}--\r\n`),
  ]);
}

const BASE: Part[] = [
  { name: 'name', value: 'Ann' },
  { name: 'age', value: '42' },
];

describe('openapi: multipart/form-data bodies through the gateway', { timeout: 30_000 }, () => {
  let up: TestUpstream;
  let gw: TestGateway;

  before(async () => {
    up = await startUpstream();
    gw = await startGateway(
      proxyConfig(
        up.url,
        `    policies:
      openapi: { spec: "${SPEC}", strict: true, max_body_bytes: 4096 }
`,
      ),
    );
  });

  after(async () => {
    await gw?.close();
    await up?.close();
  });

  async function send(body: Buffer, ct = CT, path = '/v1/profiles'): Promise<Response> {
    return fetch(`${gw.url}${path}`, { method: 'POST', headers: { 'content-type': ct }, body });
  }

  async function refused(
    status: number,
    body: Buffer,
    ct = CT,
    path = '/v1/profiles',
  ): Promise<Record<string, unknown>> {
    const before = up.requests.length;
    const res = await send(body, ct, path);
    const text = await res.text();
    assert.equal(res.status, status, text);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(up.requests.length, before, 'the upstream never saw it');
    return JSON.parse(text) as Record<string, unknown>;
  }

  test('a valid body (text, repeated array field, file, JSON part) reaches the upstream byte for byte', async () => {
    const body = form([
      ...BASE,
      { name: 'tags', value: 'a' },
      { name: 'tags', value: 'c' },
      { name: 'avatar', value: PNG, filename: 'me.png', type: 'image/png' },
      { name: 'meta', value: '{"lang":"fr","count":1}', type: 'application/json' },
    ]);
    const before = up.requests.length;
    const res = await send(body);
    assert.equal(res.status, 200, await res.text());
    assert.equal(up.requests.length, before + 1);
    const seen = up.requests.at(-1)!;
    assert.deepEqual(seen.body, body);
    assert.equal(seen.headers['content-type'], CT);
  });

  test('invalid values, missing and unknown parts: 400 with JSON pointers, values never echoed', async () => {
    const p = await refused(
      400,
      form([
        { name: 'name', value: 'SECRET<b>' },
        { name: 'tags', value: 'z' },
        { name: 'is_admin', value: 'true' },
      ]),
    );
    assert.equal(p.status, 400);
    const errors = (p.errors as { pointer: string; keyword: string }[]).map(
      (e) => `${e.pointer} ${e.keyword}`,
    );
    assert.deepEqual(errors.sort(), [
      '/body/age required',
      '/body/is_admin additionalProperties',
      '/body/name pattern',
      '/body/tags/0 enum',
    ]);
    assert.doesNotMatch(JSON.stringify(p), /SECRET/);
  });

  test('a second part with the same name smuggling another value for a single string is refused', async () => {
    for (const values of [
      ['Ann', '<script>alert(1)</script>'],
      ['<script>alert(1)</script>', 'Ann'],
    ]) {
      const p = await refused(
        400,
        form([
          { name: 'name', value: values[0]! },
          { name: 'name', value: values[1]! },
          { name: 'age', value: '1' },
        ]),
      );
      assert.deepEqual(p.errors, [{ pointer: '/body/name', keyword: 'type' }]);
    }
  });

  test('a file part is a string: over maxLength refused without its bytes in the problem', async () => {
    const big = Buffer.concat([Buffer.from('SECRET'), Buffer.alloc(1100, 0xfe)]);
    const p = await refused(
      400,
      form([...BASE, { name: 'avatar', value: big, filename: 'a.png', type: 'image/png' }]),
    );
    assert.deepEqual(p.errors, [{ pointer: '/body/avatar', keyword: 'maxLength' }]);
    assert.doesNotMatch(JSON.stringify(p), /SECRET/);
  });

  test('an application/json part is validated as JSON; repeated keys are refused', async () => {
    const bad = await refused(
      400,
      form([...BASE, { name: 'meta', value: '{"lang":"en","count":"7"}', type: 'application/json' }]),
    );
    assert.deepEqual(bad.errors, [{ pointer: '/body/meta/count', keyword: 'type' }]);
    const dup = await refused(
      400,
      form([...BASE, { name: 'meta', value: '{"lang":"en","lang":"xx"}', type: 'application/json' }]),
    );
    assert.deepEqual(dup.errors, [{ pointer: '/body/meta', keyword: 'duplicateKey' }]);
  });

  test('a part violating encoding.contentType gets 415', async () => {
    const p = await refused(
      415,
      form([...BASE, { name: 'avatar', value: '<svg onload=x>', filename: 'a.svg', type: 'image/svg+xml' }]),
    );
    assert.equal(p.title, 'Unsupported media type');
    assert.deepEqual(p.errors, [{ pointer: '/body/avatar', keyword: 'contentType' }]);
  });

  test('a body over max_body_bytes gets 413, declared or chunked', async () => {
    const body = form([...BASE, { name: 'doc', value: Buffer.alloc(5000, 0x41) }]);
    await refused(413, body);
    const before = up.requests.length;
    const head =
      `POST /v1/profiles HTTP/1.1\r\nHost: x\r\nContent-Type: ${CT}\r\nTransfer-Encoding: chunked\r\n` +
      'Connection: close\r\n\r\n';
    const raw = await rawRequest(
      gw.port,
      Buffer.concat([
        Buffer.from(`${head}${body.length.toString(16)}\r\n`),
        body,
        Buffer.from('\r\n0\r\n\r\n'),
      ]),
    );
    assert.deepEqual(statuses(raw), [413]);
    assert.equal(up.requests.length, before, 'the upstream never saw it');
  });

  test('malformed bodies get 400 invalid_multipart with a reason, never a crash', async () => {
    const ok = form(BASE).toString('latin1');
    const cases: [string, string, RegExp][] = [
      ['multipart/form-data', ok, /boundary/],
      [CT, ok.replace(`--${B}--\r\n`, ''), /final boundary missing/],
      [CT, ok.replace('; name="age"', ''), /missing name/],
      [CT, ok.replaceAll('\r\n', '\n'), /CRLF/],
      [CT, `preamble\r\n${ok}`, /data before the first boundary/],
      [CT, ok.replace('name="age"', 'name="age"\r\nX-A: 1\r\n folded'), /folded/],
    ];
    for (const [ct, body, reason] of cases) {
      const p = await refused(400, Buffer.from(body, 'latin1'), ct);
      assert.match(String(p.detail), reason);
      assert.deepEqual(p.errors, [{ pointer: '/body', keyword: 'multipart' }]);
    }
    // The gateway is still serving.
    const res = await send(form(BASE));
    assert.equal(res.status, 200);
    await res.body?.cancel();
  });
});
