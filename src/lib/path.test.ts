import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isPathError, type NormalizedTarget, normalizeTarget, type PathOptions } from './path.ts';

function ok(target: string, opts?: PathOptions): NormalizedTarget {
  const r = normalizeTarget(target, opts);
  if (isPathError(r)) assert.fail(`${JSON.stringify(target)} was rejected: ${r.error}`);
  return r;
}

function err(target: string, opts?: PathOptions): string {
  const r = normalizeTarget(target, opts);
  if (!isPathError(r)) assert.fail(`${JSON.stringify(target)} was accepted as ${JSON.stringify(r)}`);
  return r.error;
}

describe('normalizeTarget: accepted vectors', () => {
  const vectors: [string, string, string?][] = [
    ['/', '/'],
    ['/users/42', '/users/42'],
    ['/a/./b', '/a/b'],
    ['/a/../b', '/b'],
    ['/a/../../b', '/b'],
    ['/..', '/'],
    ['/.', '/'],
    ['/a/.', '/a/'],
    ['/a/..', '/'],
    ['/a/b/..', '/a/'],
    ['/a/...', '/a/...'],
    ['/a/.b/..c', '/a/.b/..c'],
    ['/%2e%2e/admin', '/admin'],
    ['/%2E%2E/admin', '/admin'],
    ['/a/.%2e/b', '/b'],
    ['/a/%2e/b', '/a/b'],
    ['/public/%2e%2e/admin', '/admin'],
    ['//admin', '/admin'],
    ['///a//b///', '/a/b/'],
    ['/a//../b', '/b'],
    ['/admin/', '/admin/'],
    ['/caf%C3%A9', '/caf%C3%A9'],
    ['/caf%c3%a9', '/caf%C3%A9'],
    ['/%F0%9F%98%80', '/%F0%9F%98%80'],
    ['/%EF%BF%BF', '/%EF%BF%BF'],
    ['/%F4%8F%BF%BF', '/%F4%8F%BF%BF'],
    ['/%7euser', '/~user'],
    ['/%7Euser', '/~user'],
    ['/%41%62%2d%5f%2E%30', '/Ab-_.0'],
    ['/a%2ab', '/a%2Ab'],
    ['/a%20b', '/a%20b'],
    ['/a%0ab', '/a%0Ab'],
    ['/%25', '/%25'],
    ['/%252e%252e/admin', '/%252e%252e/admin'],
    ['/a%40b', '/a%40b'],
    ["/!$&'()*+,=:@~-_.x", "/!$&'()*+,=:@~-_.x"],
    ['/Admin', '/Admin'],
    ['/a/%7Eb/../c?x=1', '/a/c', 'x=1'],
    ['/search?q=a/b?c&d=%zz', '/search', 'q=a/b?c&d=%zz'],
    ['/x?', '/x', ''],
    ['/x?a=1&b={"j":[1]}', '/x', 'a=1&b={"j":[1]}'],
  ];
  for (const [input, path, query = ''] of vectors) {
    test(`${input} → ${path}${query ? `?${query}` : ''}`, () => {
      assert.deepEqual(ok(input), { path, query });
    });
  }
});

describe('normalizeTarget: rejected vectors', () => {
  const vectors: [string, string][] = [
    ['', 'not_origin_form'],
    ['a/b', 'not_origin_form'],
    ['*', 'not_origin_form'],
    ['http://example.com/a', 'not_origin_form'],
    ['/a#b', 'fragment'],
    ['/a?b#c', 'fragment'],
    ['/a b', 'bad_char'],
    ['/a\tb', 'bad_char'],
    ['/a\u0000b', 'bad_char'],
    ['/a\rb', 'bad_char'],
    ['/a\\b', 'bad_char'],
    ['/a"b', 'bad_char'],
    ['/a<b>', 'bad_char'],
    ['/a|b', 'bad_char'],
    ['/a{b}', 'bad_char'],
    ['/a^b', 'bad_char'],
    ['/a`b', 'bad_char'],
    ['/a[b]', 'bad_char'],
    ['/a\u007fb', 'bad_char'],
    ['/café', 'bad_char'],
    ['/a\u00e9', 'bad_char'],
    ['/\ud83d\ude00', 'bad_char'],
    ['/%', 'bad_percent'],
    ['/%2', 'bad_percent'],
    ['/%zz', 'bad_percent'],
    ['/%g0', 'bad_percent'],
    ['/a%', 'bad_percent'],
    ['/%%30', 'bad_percent'],
    ['/a%00b', 'encoded_nul'],
    ['/admin%2F..', 'encoded_slash'],
    ['/admin%2f..', 'encoded_slash'],
    ['/%2e%2e%2fadmin', 'encoded_slash'],
    ['/a%5Cb', 'encoded_backslash'],
    ['/a%5cb', 'encoded_backslash'],
    ['/a;jsessionid=1', 'semicolon'],
    ['/admin;/x', 'semicolon'],
    ['/a%3Bb', 'semicolon'],
    ['/%C0%AE%C0%AE/', 'bad_utf8'],
    ['/%C0%AF', 'bad_utf8'],
    ['/%C1%81', 'bad_utf8'],
    ['/%E0%80%AF', 'bad_utf8'],
    ['/%E0%9F%BF', 'bad_utf8'],
    ['/%F0%80%80%AF', 'bad_utf8'],
    ['/%F0%8F%BF%BF', 'bad_utf8'],
    ['/%ED%A0%80', 'bad_utf8'],
    ['/%ED%BF%BF', 'bad_utf8'],
    ['/%F4%90%80%80', 'bad_utf8'],
    ['/%F5%80%80%80', 'bad_utf8'],
    ['/%FF', 'bad_utf8'],
    ['/%80', 'bad_utf8'],
    ['/%C3', 'bad_utf8'],
    ['/%C3a', 'bad_utf8'],
    ['/%C3/%A9', 'bad_utf8'],
    ['/%E2%82', 'bad_utf8'],
    ['/%C3%A9%A9', 'bad_utf8'],
    ['/x?a b', 'bad_query'],
    ['/x?a\u0000', 'bad_query'],
    ['/x?a\nb', 'bad_query'],
    ['/x?a\u007f', 'bad_query'],
    ['/x?caf\u00e9', 'bad_query'],
  ];
  for (const [input, reason] of vectors) {
    test(`${JSON.stringify(input)} → ${reason}`, () => {
      assert.equal(err(input), reason);
    });
  }

  test('an encoded "#" or "?" stays an escape', () => {
    assert.deepEqual(ok('/a%23b%3fc'), { path: '/a%23b%3Fc', query: '' });
  });

  test('errors are safe to show and do not echo the input', () => {
    const r = normalizeTarget('/<script>alert(1)</script>');
    assert.ok(isPathError(r));
    assert.equal(r.error, 'bad_char');
    assert.ok(!r.detail.includes('script'));
  });
});

describe('normalizeTarget: options', () => {
  test('allowEncodedSlash keeps %2F encoded (upper-case)', () => {
    assert.deepEqual(ok('/a%2fb/../c', { allowEncodedSlash: true }), { path: '/c', query: '' });
    assert.deepEqual(ok('/a%2fb', { allowEncodedSlash: true }), { path: '/a%2Fb', query: '' });
    assert.equal(err('/a%5Cb', { allowEncodedSlash: true }), 'encoded_backslash');
  });

  test('allowBackslash accepts %5C only; a raw backslash is never a URI character', () => {
    assert.deepEqual(ok('/a%5cb', { allowBackslash: true }), { path: '/a%5Cb', query: '' });
    assert.equal(err('/a\\b', { allowBackslash: true }), 'bad_char');
  });

  test('allowSemicolon accepts ";" and keeps %3B encoded', () => {
    assert.deepEqual(ok('/a;jsessionid=1', { allowSemicolon: true }), { path: '/a;jsessionid=1', query: '' });
    assert.deepEqual(ok('/a%3bb', { allowSemicolon: true }), { path: '/a%3Bb', query: '' });
  });

  test('mergeSlashes: false keeps empty segments and still removes dot segments', () => {
    assert.deepEqual(ok('//admin', { mergeSlashes: false }), { path: '//admin', query: '' });
    assert.deepEqual(ok('/a//b/', { mergeSlashes: false }), { path: '/a//b/', query: '' });
    assert.deepEqual(ok('/a//../b', { mergeSlashes: false }), { path: '/a/b', query: '' });
    assert.deepEqual(ok('/a/%2e/b', { mergeSlashes: false }), { path: '/a/b', query: '' });
  });

  test('%00 is rejected whatever the options', () => {
    const all = { allowEncodedSlash: true, allowBackslash: true, allowSemicolon: true, mergeSlashes: false };
    assert.equal(err('/a%00', all), 'encoded_nul');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

/** Pieces that exercise every branch: dots, escapes (valid, invalid, overlong), slashes, forbidden chars. */
const PIECES = [
  'a',
  'B',
  '0',
  '~',
  '-',
  '_',
  '@',
  ':',
  '*',
  '!',
  '=',
  '+',
  ',',
  "'",
  '(',
  '$',
  '&',
  '.',
  '..',
  '...',
  '/',
  '//',
  '%2e',
  '%2E',
  '.%2e',
  '%2e%2e',
  '%2f',
  '%2F',
  '%5c',
  '%3b',
  ';',
  '%3B',
  '%7e',
  '%7E',
  '%41',
  '%61',
  '%2a',
  '%2A',
  '%20',
  '%25',
  '%252e',
  '%00',
  '%0a',
  '%40',
  '%c3%a9',
  '%C3%A9',
  '%C0%AE',
  '%E0%80%AF',
  '%ED%A0%80',
  '%F0%9F%98%80',
  '%C3',
  '%A9',
  '%FF',
  '%',
  '%z',
  '%2',
  '?',
  '?x=1',
  '#',
  '\\',
  ' ',
  '\t',
  'é',
  '\u0000',
];

/** Pieces the normalizer accepts with default options, so that long accepted targets are common. */
const VALID_PIECES = PIECES.filter(
  (p) =>
    !/^(?:%2f|%5c|%3b|;|%00|%C0%AE|%E0%80%AF|%ED%A0%80|%C3|%A9|%FF|%|%z|%2|#|\\| |\t|é|\u0000)$/i.test(p),
);

const targetArb = fc
  .oneof(
    fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }),
    fc.array(fc.constantFrom(...VALID_PIECES), { maxLength: 40 }),
  )
  .map((p) => '/' + p.join(''));
const optsArb = fc.record({
  allowEncodedSlash: fc.boolean(),
  allowBackslash: fc.boolean(),
  allowSemicolon: fc.boolean(),
  mergeSlashes: fc.boolean(),
});

const UNRESERVED_ESCAPE = /%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9]|2[Dd]|2[Ee]|5[Ff]|7[Ee])/;

describe('normalizeTarget: properties', () => {
  test('idempotent: normalize(normalize(x)) === normalize(x)', () => {
    fc.assert(
      fc.property(targetArb, optsArb, (target, opts) => {
        const first = normalizeTarget(target, opts);
        if (isPathError(first)) return;
        const again = normalizeTarget(first.path + (first.query === '' ? '' : `?${first.query}`), opts);
        assert.deepEqual(again, first);
      }),
      { numRuns: 5000 },
    );
  });

  test('output is canonical', () => {
    fc.assert(
      fc.property(targetArb, optsArb, (target, opts) => {
        const r = normalizeTarget(target, opts);
        if (isPathError(r)) return;
        const p = r.path;
        assert.ok(p.startsWith('/'));
        assert.ok(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/.test(p), p);
        const segments = p.split('/').slice(1);
        assert.ok(!segments.includes('.') && !segments.includes('..'), p);
        if (opts.mergeSlashes) assert.ok(!p.includes('//'), p);
        assert.ok(!/%[0-9A-F]?[a-f]/.test(p), `lower-case escape in ${p}`);
        assert.ok(!UNRESERVED_ESCAPE.test(p), `escaped unreserved char in ${p}`);
        if (!opts.allowSemicolon) assert.ok(!p.includes(';') && !p.includes('%3B'), p);
        if (!opts.allowEncodedSlash) assert.ok(!p.includes('%2F'), p);
        if (!opts.allowBackslash) assert.ok(!p.includes('%5C'), p);
        assert.ok(!p.includes('%00'), p);
      }),
      { numRuns: 5000 },
    );
  });

  test('an upstream that decodes once sees the same segments, and never a dot segment', () => {
    fc.assert(
      fc.property(targetArb, (target) => {
        const r = normalizeTarget(target);
        if (isPathError(r)) return;
        // decodeURIComponent throws on invalid UTF-8, so this also proves the output decodes cleanly.
        const upstream = r.path.split('/').map((s) => decodeURIComponent(s));
        assert.equal(upstream.length, r.path.split('/').length);
        for (const s of upstream.slice(1)) {
          assert.ok(s !== '.' && s !== '..', `upstream sees a dot segment in ${r.path}`);
          assert.ok(!s.includes('/') && !s.includes('\\') && !s.includes('\u0000'), r.path);
        }
      }),
      { numRuns: 5000 },
    );
  });

  test('UTF-8 validation agrees with decodeURIComponent on arbitrary escaped bytes', () => {
    // Bytes that are rejected for other reasons (NUL, '/', '\', ';') are left out.
    const byte = fc.integer({ min: 1, max: 255 }).filter((b) => b !== 0x2f && b !== 0x5c && b !== 0x3b);
    fc.assert(
      fc.property(fc.array(byte, { minLength: 1, maxLength: 8 }), fc.boolean(), (bytes, lower) => {
        let hex = bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
        hex = lower ? hex : hex.toUpperCase();
        let valid = true;
        try {
          decodeURIComponent(hex);
        } catch {
          valid = false;
        }
        const r = normalizeTarget('/' + hex);
        assert.equal(isPathError(r) ? r.error : 'ok', valid ? 'ok' : 'bad_utf8', hex);
      }),
      { numRuns: 5000 },
    );
  });

  test('dot-segment removal agrees with the WHATWG URL parser (mergeSlashes: false)', () => {
    const seg = fc.constantFrom('a', 'b', 'c', '.', '..', '%2e', '%2E', '.%2e', '%2e%2e', '');
    fc.assert(
      fc.property(fc.array(seg, { minLength: 1, maxLength: 10 }), (segs) => {
        const target = '/' + segs.join('/');
        if (target.startsWith('//')) return; // WHATWG would read "//x" as an authority
        const expected = new URL(target, 'http://h').pathname;
        assert.equal(ok(target, { mergeSlashes: false }).path, expected, target);
      }),
      { numRuns: 3000 },
    );
  });

  test('clean targets come back unchanged', () => {
    const clean = fc
      .array(fc.constantFrom('a', 'b', 'z9', '-', '_', '~', '.x', 'v1.2', '@', ':', '*'), { minLength: 1 })
      .map((s) => '/' + s.join('/'));
    fc.assert(
      fc.property(clean, (target) => {
        assert.deepEqual(normalizeTarget(target), { path: target, query: '' });
      }),
    );
  });
});
