import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expandTemplates, loadCases, rulePls, send, wireBytes } from './blocking.ts';

const CRS = join(import.meta.dirname, '../../../shared/crs/v4.28.0');

/** A TCP server that answers every connection with `answer` once it has read something. */
async function cannedServer(answer: string): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer((s) => {
    s.once('data', () => s.end(answer, 'latin1'));
    s.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('blocking quality harness', { timeout: 30_000 }, () => {
  it('expands the go-ftw repeat template and refuses other templates', () => {
    assert.equal(expandTemplates('a{{ "1" | repeat 3 }}b'), 'a111b');
    assert.throws(() => expandTemplates('{{ now }}'), /unsupported go-ftw template/);
  });

  it('puts the test bytes on the wire unchanged', () => {
    const raw = 'GET /x%00 HTTP/1.1\r\nHost: a\r\n\r\n';
    assert.equal(
      wireBytes({ encoded_request: Buffer.from(raw, 'latin1').toString('base64') }).toString('latin1'),
      raw,
    );
    // An empty version is a request line without one (HTTP/0.9), as go-ftw writes it.
    assert.match(wireBytes({ method: 'GET', uri: '/a', version: '' }).toString('latin1'), /^GET \/a\r\n/);
    const post = wireBytes({ method: 'POST', uri: '/', headers: { Host: 'a' }, data: 'x=é' }).toString(
      'latin1',
    );
    assert.match(post, /^POST \/ HTTP\/1\.1\r\nHost: a\r\n/);
    assert.match(post, /Content-Length: 8\r\n\r\nx=%C3%A9$/);
  });

  it('maps rules to the paranoia level of their section', () => {
    const rules = join(CRS, 'rules');
    const pls = rulePls(
      rules,
      readdirSync(rules).filter((f) => f.endsWith('.conf')),
    );
    assert.equal(pls.get(942100), 1);
    assert.equal(pls.get(942200), 2);
    assert.equal(pls.get(942421), 4);
  });

  it('classifies the suite: 36 clean cases, attack and negative cases, response tests out of scope', () => {
    const cases = loadCases(CRS, '999');
    assert.equal(cases.filter((c) => c.cls === 'clean').length, 36);
    assert.equal(cases.find((c) => c.name === '999999-36')?.cls, 'out-of-scope');
    const sqli = loadCases(CRS, '941100');
    assert.ok(sqli.some((c) => c.cls === 'attack') && sqli.some((c) => c.cls === 'negative'));
    assert.ok(loadCases(CRS, '951').every((c) => c.cls === 'out-of-scope'));
  });

  it('reads the final answer, skipping 100 Continue, and tells who answered a 400 or 403', async () => {
    const problem = (status: number, extra: Record<string, string>) => {
      const body = JSON.stringify({ status, ...extra });
      return `HTTP/1.1 ${status} X\r\ncontent-type: application/problem+json\r\ncontent-length: ${body.length}\r\n\r\n${body}`;
    };
    const cases: [string, string, string][] = [
      [
        `HTTP/1.1 100 Continue\r\n\r\n${problem(403, { code: 'GW_FORBIDDEN', instance: 'i', detail: 'The request was blocked by the web application firewall.' })}`,
        'GET / HTTP/1.1\r\n\r\n',
        'blocked-403',
      ],
      [problem(403, { code: 'GW_IP_DENIED', instance: 'i' }), 'GET / HTTP/1.1\r\n\r\n', 'other'],
      [problem(400, { code: 'GW_BAD_REQUEST' }), 'GET / HTTP/1.1\r\n\r\n', '400-parser'],
      [
        problem(400, {
          code: 'GW_BAD_REQUEST',
          instance: 'i',
          detail: 'The request body could not be parsed.',
        }),
        'POST / HTTP/1.1\r\n\r\n',
        '400-waf-body',
      ],
      [problem(400, { code: 'GW_BAD_PATH', instance: 'i' }), 'GET / HTTP/1.1\r\n\r\n', '400-gateway'],
      [
        'HTTP/1.1 403 Forbidden\r\ncontent-type: application/problem+json\r\ncontent-length: 50\r\n\r\n',
        'HEAD / HTTP/1.1\r\n\r\n',
        'blocked-403',
      ],
      ['HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n', 'GET / HTTP/1.1\r\n\r\n', 'passed-2xx'],
    ];
    for (const [answer, request, outcome] of cases) {
      const srv = await cannedServer(answer);
      try {
        assert.equal((await send(srv.port, Buffer.from(request, 'latin1'), 2000)).outcome, outcome, answer);
      } finally {
        await srv.close();
      }
    }
    // Reads and never answers; closes its side when the client goes away (so close() can finish).
    const silent = net.createServer((s) => {
      s.on('error', () => {});
      s.on('end', () => s.destroy());
      s.resume();
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const a = await send(
      (silent.address() as net.AddressInfo).port,
      Buffer.from('GET / HTTP/1.1\r\n\r\n'),
      200,
    );
    assert.equal(a.outcome, 'no-answer');
    await new Promise<void>((r) => silent.close(() => r()));
  });
});
