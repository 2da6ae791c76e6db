import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { compilePhrases } from './aho-corasick.ts';
import { parseOperator } from './model.ts';
import {
  compileOperator,
  hasInvalidUrlEncoding,
  hasInvalidUtf8,
  type OperatorContext,
  toInt,
} from './operators.ts';

const dir = mkdtempSync(join(tmpdir(), 'waf-op-'));
writeFileSync(join(dir, 'words.data'), '# comment\n\nunion select\nSLEEP(\n');
const ctx: OperatorContext = { baseDir: dir, detectors: {}, allowMissingDetectors: false };
const op = (text: string) => compileOperator(parseOperator(text), ctx);
const hit = (text: string, input: string, arg = parseOperator(text).argument) =>
  op(text)(input, arg) !== null;

test('@rx: RE2 semantics, dotall, captures', () => {
  assert.equal(hit('@rx a.b', 'a\nb'), true);
  assert.equal(hit('@rx (?i)select', 'SeLeCt'), true);
  assert.equal(hit('@rx ^x$', 'xy'), false);
  assert.deepEqual(op('@rx (\\d+)-(\\d+)')('id 12-34', '')?.captures, ['12-34', '12', '34']);
  assert.throws(() => op('@rx (?=lookahead)'), /invalid|missing|lookahead|perl/i);
});

test('@rx runs in linear time on pathological input', () => {
  const f = op('@rx (a+)+$');
  const input = `${'a'.repeat(100_000)}!`;
  const t0 = performance.now();
  assert.equal(f(input, ''), null);
  assert.ok(performance.now() - t0 < 2000);
});

test('@pm and @pmFromFile: case-insensitive Aho-Corasick', () => {
  assert.equal(hit('@pm foo bar', 'xxBARxx'), true);
  assert.equal(hit('@pm foo bar', 'fo ba'), false);
  assert.deepEqual(op('@pmFromFile words.data')('1 UNION SELECT 2', '')?.captures, ['union select']);
  assert.equal(hit('@pmFromFile words.data', 'sleep(5)'), true);
  assert.equal(hit('@pmFromFile words.data', '# comment'), false);
  assert.throws(() => op('@pmFromFile missing.data'), /ENOENT/);
});

test('Aho-Corasick finds overlapping and suffix patterns', () => {
  const m = compilePhrases(['he', 'she', 'his', 'hers', '']);
  assert.equal(m.size, 4);
  assert.equal(m.search('ushers'), 'she');
  assert.equal(m.search('ahis'), 'his');
  assert.equal(m.search('xyz'), null);
  assert.equal(compilePhrases(['abcd', 'bc']).search('abcx'), 'bc');
});

test('string operators', () => {
  assert.equal(hit('@streq abc', 'abc'), true);
  assert.equal(hit('@streq abc', 'abcd'), false);
  assert.equal(hit('@contains bc', 'abcd'), true);
  assert.equal(hit('@beginsWith ab', 'abcd'), true);
  assert.equal(hit('@endsWith cd', 'abcd'), true);
  assert.equal(hit('@endsWith ab', 'abcd'), false);
  assert.equal(hit('@within GET HEAD POST', 'HEAD'), true);
  assert.equal(hit('@within GET HEAD POST', 'PUT'), false);
});

test('numeric operators use atoi semantics', () => {
  assert.equal(toInt(' 12abc'), 12);
  assert.equal(toInt('x'), 0);
  assert.equal(hit('@eq 0', ''), true);
  assert.equal(hit('@ge 5', '5'), true);
  assert.equal(hit('@gt 5', '5'), false);
  assert.equal(hit('@lt 2', '1'), true);
  assert.equal(hit('@le 2', '3'), false);
  assert.equal(op('@ge %{tx.x}')('7', '6') !== null, true);
});

test('@ipMatch', () => {
  assert.equal(hit('@ipMatch 127.0.0.1,10.0.0.0/8,::1', '10.2.3.4'), true);
  assert.equal(hit('@ipMatch 127.0.0.1,10.0.0.0/8,::1', '::1'), true);
  assert.equal(hit('@ipMatch 127.0.0.1,10.0.0.0/8', '11.0.0.1'), false);
});

test('@validateByteRange, @validateUrlEncoding, @validateUtf8Encoding', () => {
  assert.equal(hit('@validateByteRange 32-126', 'hello'), false);
  assert.equal(hit('@validateByteRange 32-126', 'a\x00b'), true);
  assert.equal(hit('@validateByteRange 1-255', 'ok\xff'), false);
  assert.equal(hit('@validateByteRange 9,10,13,32-126', 'a\tb'), false);
  assert.throws(() => op('@validateByteRange 300'), /invalid byte range/);
  assert.equal(hasInvalidUrlEncoding('a%20b'), false);
  assert.equal(hasInvalidUrlEncoding('a%2'), true);
  assert.equal(hasInvalidUrlEncoding('a%zz'), true);
  assert.equal(hit('@validateUrlEncoding', '%g0'), true);
  assert.equal(hasInvalidUtf8('plain'), false);
  assert.equal(hasInvalidUtf8('\xc3\xa9'), false); // é
  assert.equal(hasInvalidUtf8('\xf0\x9f\x98\x80'), false); // emoji
  assert.equal(hasInvalidUtf8('\xc0\xaf'), true); // overlong '/'
  assert.equal(hasInvalidUtf8('\xed\xa0\x80'), true); // surrogate
  assert.equal(hasInvalidUtf8('\xe2\x82'), true); // truncated
  assert.equal(hasInvalidUtf8('\xff'), true);
  assert.equal(hit('@validateUtf8Encoding', '\xc3'), true);
});

test('@unconditionalMatch, @noMatch, unknown operator', () => {
  assert.equal(hit('@unconditionalMatch', ''), true);
  assert.equal(hit('@noMatch', 'x'), false);
  assert.throws(() => op('@frob x'), /unknown operator @frob/);
});

test('@detectSQLi/@detectXSS use injected detectors', () => {
  assert.throws(() => op('@detectSQLi'), /needs a detector/);
  const lenient = compileOperator(parseOperator('@detectXSS'), { ...ctx, allowMissingDetectors: true });
  assert.equal(lenient('<script>', ''), null);
  const withDet = compileOperator(parseOperator('@detectSQLi'), {
    ...ctx,
    detectors: { sqli: (s) => (s.includes("'") ? 's&sos' : null) },
  });
  assert.deepEqual(withDet("1' or '1", '')?.captures, ['s&sos']);
  assert.equal(withDet('1', ''), null);
});
