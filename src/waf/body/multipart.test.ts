import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type MultipartFlags, multipartStrictError, parseBoundary, parseMultipartBody } from './multipart.ts';

const CT = 'multipart/form-data; boundary=XyZ';
const part = (headers: string, data: string, eol = '\r\n'): string =>
  `--XyZ${eol}${headers.split('\n').join(eol)}${eol}${eol}${data}${eol}`;
const end = (eol = '\r\n'): string => `--XyZ--${eol}`;
const raised = (f: MultipartFlags): string[] =>
  Object.entries(f)
    .filter(([, v]) => v)
    .map(([k]) => k);

describe('parseMultipartBody', () => {
  it('splits fields, files and part headers', () => {
    const body =
      part('Content-Disposition: form-data; name="a"', 'hello\r\nworld') +
      part(
        'Content-Disposition: form-data; name="up"; filename="x.php"\nContent-Type: text/plain',
        'ABCDEF',
      ) +
      part('Content-Disposition: form-data; name="b"', '') +
      end();
    const r = parseMultipartBody(CT, body);
    assert.equal(r.error, null);
    assert.deepEqual(raised(r.flags), []);
    assert.equal(multipartStrictError(r), false);
    assert.deepEqual(r.args, [
      ['a', 'hello\r\nworld'],
      ['b', ''],
    ]);
    assert.deepEqual(r.files, [{ name: 'up', filename: 'x.php', size: 6, content: 'ABCDEF' }]);
    assert.deepEqual(r.partHeaders, [
      ['a', 'Content-Disposition: form-data; name="a"'],
      ['up', 'Content-Disposition: form-data; name="up"; filename="x.php"'],
      ['up', 'Content-Type: text/plain'],
      ['b', 'Content-Disposition: form-data; name="b"'],
    ]);
  });

  it('keeps binary bytes and a boundary-like prefix inside data', () => {
    const body = part('Content-Disposition: form-data; name="a"', '\x00\xff--XyZ-not\r\n--XyZX') + end();
    const r = parseMultipartBody(CT, body);
    assert.equal(r.error, null);
    assert.deepEqual(r.args, [['a', '\x00\xff--XyZ-not\r\n--XyZX']]);
    assert.equal(r.flags.unmatchedBoundary, true);
    assert.equal(multipartStrictError(r), false, 'unmatched boundary is reported apart, as ModSecurity');
  });

  it('handles quoting in Content-Disposition as ModSecurity', () => {
    const r = parseMultipartBody(
      CT,
      part('Content-Disposition: form-data; name="q\\"x"; filename="te;st\\s.txt"', 'x') + end(),
    );
    assert.equal(r.error, null);
    assert.deepEqual(r.files, [{ name: 'q"x', filename: 'te;st\\s.txt', size: 1, content: 'x' }]);
    assert.equal(r.flags.invalidQuoting, true);
    const single = parseMultipartBody(CT, part("Content-Disposition: form-data; name='a'", 'x') + end());
    assert.equal(single.flags.invalidQuoting, true);
    assert.deepEqual(single.args, [["'a'", 'x']]);
  });

  it('flags LF line endings, folding, data before and after', () => {
    const lf = parseMultipartBody(
      CT,
      part('Content-Disposition: form-data; name="a"', 'v', '\n') + end('\n'),
    );
    assert.equal(lf.error, null);
    assert.deepEqual(raised(lf.flags), ['lfLine']);
    assert.deepEqual(lf.args, [['a', 'v']]);
    assert.equal(multipartStrictError(lf), true);

    const fold = parseMultipartBody(CT, part('Content-Disposition: form-data;\n name="a"', 'v') + end());
    assert.equal(fold.error, null);
    assert.equal(fold.flags.headerFolding, true);
    assert.deepEqual(fold.args, [['a', 'v']]);

    const badFold = parseMultipartBody(
      CT,
      part(' name="a"\nContent-Disposition: form-data; name="a"', 'v') + end(),
    );
    assert.equal(badFold.flags.invalidHeaderFolding, true);
    assert.match(badFold.error ?? '', /folding/);

    const before = parseMultipartBody(
      CT,
      `junk\r\n${part('Content-Disposition: form-data; name="a"', 'v')}${end()}`,
    );
    assert.equal(before.flags.dataBefore, true);
    assert.deepEqual(before.args, [['a', 'v']]);
    const preamble = parseMultipartBody(
      CT,
      `\r\n${part('Content-Disposition: form-data; name="a"', 'v')}${end()}`,
    );
    assert.equal(preamble.flags.dataBefore, false);

    const after = parseMultipartBody(
      CT,
      `${part('Content-Disposition: form-data; name="a"', 'v')}${end()}tail`,
    );
    assert.equal(after.flags.dataAfter, true);
    const blankAfter = parseMultipartBody(
      CT,
      `${part('Content-Disposition: form-data; name="a"', 'v')}${end()}\r\n`,
    );
    assert.equal(blankAfter.flags.dataAfter, false);
  });

  it('reports structural errors (REQBODY_ERROR) but still returns the parts read', () => {
    const cases: [string, RegExp][] = [
      [part('Content-Type: text/plain', 'v') + end(), /missing Content-Disposition/],
      [part('Content-Disposition: form-data; filename="x"', 'v') + end(), /missing name/],
      [part('Content-Disposition: attachment; name="a"', 'v') + end(), /not form-data/],
      [part('Content-Disposition: form-data name="a"', 'v') + end(), /semicolon/],
      [part('Content-Disposition: form-data; name="a"; name="b"', 'v') + end(), /duplicate/],
      [part('Content-Disposition: form-data; name="a', 'v') + end(), /unterminated quote/],
      [part('Content-Disposition: form-data; name="a"\nX-Bad', 'v') + end(), /colon missing/],
      [part('Content-Disposition: form-data; name="a"\nBad Name: 1', 'v') + end(), /header name invalid/],
      [
        part('Content-Disposition: form-data; name="a"\ncontent-disposition: x', 'v') + end(),
        /duplicate part header/,
      ],
      ['no boundary at all', /no boundary found/],
    ];
    for (const [body, re] of cases) {
      const r = parseMultipartBody(CT, body);
      assert.match(r.error ?? '', re, body);
      assert.equal(multipartStrictError(r), true);
    }
    const noFinal = parseMultipartBody(CT, part('Content-Disposition: form-data; name="a"', 'v'));
    assert.match(noFinal.error ?? '', /final boundary missing/);
    assert.deepEqual(noFinal.args, [['a', 'v\r\n']], 'the unterminated part is still inspected');
  });

  it('bounds parts, files and header lines', () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      part(`Content-Disposition: form-data; name="f${i}"; filename="f${i}"`, 'x'),
    ).join('');
    const files = parseMultipartBody(CT, many + end(), { maxFiles: 3 });
    assert.equal(files.error, null);
    assert.equal(files.flags.fileLimitExceeded, true);
    assert.equal(files.files.length, 5, 'names are still reported for inspection');
    const parts = parseMultipartBody(CT, many + end(), { maxParts: 2 });
    assert.match(parts.error ?? '', /more than 2 parts/);
    const long = parseMultipartBody(
      CT,
      part(`Content-Disposition: form-data; name="${'a'.repeat(100)}"`, 'v') + end(),
      {
        maxHeaderLine: 64,
      },
    );
    assert.match(long.error ?? '', /over 64 bytes/);
  });

  it('parses large bodies in linear time', () => {
    const big = part('Content-Disposition: form-data; name="a"', `${'x\n'.repeat(500_000)}`) + end();
    const t0 = performance.now();
    const r = parseMultipartBody(CT, big);
    assert.equal(r.error, null);
    assert.ok(performance.now() - t0 < 2000);
    const headers = `--XyZ\r\n${'Content-Disposition: form-data; name="a"\r\n'.repeat(2)}`;
    assert.match(parseMultipartBody(CT, headers.repeat(20_000)).error ?? '', /duplicate part header/);
  });
});

describe('parseBoundary', () => {
  const flags = (): MultipartFlags => parseMultipartBody(CT, '').flags;
  it('accepts the common forms and flags the odd ones', () => {
    const f = flags();
    assert.equal(
      parseBoundary('multipart/form-data; boundary=----WebKitFormBoundaryAbc', f),
      '----WebKitFormBoundaryAbc',
    );
    assert.deepEqual(raised(f), []);
    const q = flags();
    assert.equal(parseBoundary('multipart/form-data; boundary="a b"', q), 'a b');
    assert.deepEqual(raised(q), ['boundaryQuoted']);
    const w = flags();
    assert.equal(parseBoundary('multipart/form-data; boundary = x', w), 'x');
    assert.deepEqual(raised(w), ['boundaryWhitespace']);
    const s = flags();
    assert.equal(parseBoundary('multipart/form-data boundary=x', s), 'x');
    assert.deepEqual(raised(s), ['missingSemicolon']);
    assert.equal(parseBoundary('multipart/form-data; charset=utf-8; boundary=x; foo=bar', flags()), 'x');
  });
  it('rejects malformed boundaries', () => {
    for (const ct of [
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/form-data; boundary="x',
      'multipart/form-data; boundary=a; boundary=b',
      'multipart/form-data; boundary=a<b',
      'multipart/form-data; junk boundary=x',
      `multipart/form-data; boundary=${'a'.repeat(201)}`,
      'text/plain; boundary=x',
    ]) {
      assert.equal(typeof parseBoundary(ct, flags()), 'object', ct);
    }
  });
});
