import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TRANSFORMS, urlDecodeUniRaw } from './index.ts';

/**
 * Vectors ported from ModSecurity's secrules-language-tests (transformations/*.json) and Coraza's
 * internal/transformations/testdata, plus edge cases derived from ModSecurity's C++ sources.
 * Strings are byte strings (latin1): '\xff' is the byte 0xFF.
 */
type Vector = readonly [name: string, input: string, output: string];

const all = (from: number, to: number, fmt: (b: number) => string): string => {
  let s = '';
  for (let b = from; b <= to; b++) s += fmt(b);
  return s;
};
const hex2 = (b: number): string => b.toString(16).padStart(2, '0');
const bytes0to255 = all(0, 255, (b) => String.fromCharCode(b));
const utf8 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

const VECTORS: Vector[] = [
  // urlDecode / urlDecodeUni (ModSecurity urlDecode.json / urlDecodeUni.json)
  ['urlDecode', '', ''],
  ['urlDecode', 'TestCase', 'TestCase'],
  ['urlDecode', 'Test\0Case', 'Test\0Case'],
  ['urlDecode', `+${all(0, 255, (b) => `%${hex2(b)}`)}`, ` ${bytes0to255}`],
  ['urlDecode', 'Test+Case', 'Test Case'],
  ['urlDecode', '%+', '% '],
  ['urlDecode', '%%20', '% '],
  ['urlDecode', '%0g%20', '%0g '],
  ['urlDecode', '%0%20', '%0 '],
  ['urlDecode', '%g0%20', '%g0 '],
  ['urlDecode', '%g%20', '%g '],
  ['urlDecode', '%0%1%2%3%4%5%6%7%8%9%0%a%b%c%d%e%f', '%0%1%2%3%4%5%6%7%8%9%0%a%b%c%d%e%f'],
  [
    'urlDecode',
    '%g0%g1%g2%g3%g4%g5%g6%g7%g8%g9%g0%ga%gb%gc%gd%ge%gf',
    '%g0%g1%g2%g3%g4%g5%g6%g7%g8%g9%g0%ga%gb%gc%gd%ge%gf',
  ],
  ['urlDecode', '%', '%'],
  ['urlDecode', '%0', '%0'],
  ['urlDecode', '%%', '%%'],
  ['urlDecode', '%0g', '%0g'],
  ['urlDecode', '%gg', '%gg'],
  ['urlDecode', '%u0041', '%u0041'],
  ['urlDecode', '%41%4a%4A', 'AJJ'],
  ['urlDecodeUni', '%%u0020', '% '],
  ['urlDecodeUni', '%0g%u0020', '%0g '],
  ['urlDecodeUni', '%0%u0020', '%0 '],
  ['urlDecodeUni', '%g0%u0020', '%g0 '],
  ['urlDecodeUni', '%u%u0020', '%u '],
  ['urlDecodeUni', '%u0%u0020', '%u0 '],
  ['urlDecodeUni', '%u00%u0020', '%u00 '],
  ['urlDecodeUni', '%u000%u0020', '%u000 '],
  ['urlDecodeUni', '%u000g%u0020', '%u000g '],
  ['urlDecodeUni', '%U0041%u', 'A%u'],
  ['urlDecodeUni', `+${all(0, 255, (b) => `%${hex2(b)}`)}`, ` ${bytes0to255}`],
  // best-fit map (codepage 20127) applied by TRANSFORMS.urlDecodeUni
  ['urlDecodeUni', '%u2018%u2019%u201c%uff07%u00e9%u0130%u02bc', `''"'eI'`],
  ['urlDecodeUni', '%uff1f%u1100', '?\x00'],
  // htmlEntityDecode.json
  ['htmlEntityDecode', '', ''],
  ['htmlEntityDecode', 'Test\0Case', 'Test\0Case'],
  [
    'htmlEntityDecode',
    '&#x0;&#X0;&#x20;&#X20;&#0;&#32;\0&#100;&quot;&amp;&lt;&gt;&nbsp;',
    '\0\0  \0 \0d"&<>\xa0',
  ],
  ['htmlEntityDecode', '&#x0&#X0&#x20&#X20&#0&#32\0&#100&quot&amp&lt&gt&nbsp', '\0\0  \0 \0d"&<>\xa0'],
  [
    'htmlEntityDecode',
    '&#xg;&#Xg;&#xg0;&#X2g;&#a;\0&#a2;&#3a&#a00;&#1a0;&#10a;&foo;',
    '&#xg;&#Xg;&#xg0;\x02g;&#a;\0&#a2;\x03a&#a00;\x01a0;\na;&foo;',
  ],
  [
    'htmlEntityDecode',
    '&#xg&#Xg&#xg0&#X2g&#a\0&#a2&#3a&#a00&#1a0&#10a&foo',
    '&#xg&#Xg&#xg0\x02g&#a\0&#a2\x03a&#a00\x01a0\na&foo',
  ],
  ['htmlEntityDecode', '&', '&'],
  ['htmlEntityDecode', '&#', '&#'],
  ['htmlEntityDecode', '&#x', '&#x'],
  ['htmlEntityDecode', '&LT;&QuOt;', '<"'],
  ['htmlEntityDecode', '&#x3c;&#60;&#x13c;', '<<<'],
  ['htmlEntityDecode', '&#99999999999999999999;', '\xff'],
  ['htmlEntityDecode', '&apos;&#;', '&apos;&#;'],
  // jsDecode.json
  ['jsDecode', 'Test\0Case', 'Test\0Case'],
  [
    'jsDecode',
    '\\a\\b\\f\\n\\r\\t\\v\\?\\\'\\"\\0\\12\\123\\x00\\xff\\u0021\\uff01',
    '\x07\b\f\n\r\t\v?\'"\0\nS\0\xff!!',
  ],
  [
    'jsDecode',
    '\\a\\b\\f\\n\\r\\t\\v\0\\?\\\'\\"\\0\\12\\123\\x00\\xff\\u0021\\uff01',
    '\x07\b\f\n\r\t\v\0?\'"\0\nS\0\xff!!',
  ],
  [
    'jsDecode',
    '\\8\\9\\666\\u00ag\\u00ga\\u0zaa\\uz0aa\\xag\\xga\\0123\\u00a',
    '8966u00agu00gau0zaauz0aaxagxga\n3u00a',
  ],
  ['jsDecode', '\\x', 'x'],
  ['jsDecode', '\\x\\x0', 'xx0'],
  ['jsDecode', '\\x\\x0\0', 'xx0\0'],
  ['jsDecode', '\\u', 'u'],
  ['jsDecode', '\\u\\u0', 'uu0'],
  ['jsDecode', '\\u\\u0\\u01', 'uu0u01'],
  ['jsDecode', '\\u\\u0\\u01\\u012', 'uu0u01u012'],
  ['jsDecode', '\\u\\u0\\u01\\u012\0', 'uu0u01u012\0'],
  ['jsDecode', '\\', '\\'],
  ['jsDecode', '\\\\0', '\\0'],
  ['jsDecode', '\\U0041\\X41', 'U0041X41'],
  // cssDecode.json
  ['cssDecode', 'Test\0Case', 'Test\0Case'],
  [
    'cssDecode',
    'test\\a\\b\\f\\n\\r\\t\\v\\?\\\'\\"\\0\\12\\123\\1234\\12345\\123456\\ff01\\ff5e\\\n\\0  string',
    'test\n\x0b\x0fnrtv?\'"\0\x12#4EV!~\0 string',
  ],
  ['cssDecode', 'test\\', 'test'],
  ['cssDecode', '\\1A\\1 A\\1234567\\123456 7\\1x\\1 x', '\x1a\x01AV7V7\x01x\x01x'],
  ['cssDecode', '\\0ff01\\00ff01\\00ff5f', '!!_'],
  // utf8toUnicode (derived from utf8toUnicode.json, whose inputs are UTF-8 of latin1 text)
  ['utf8toUnicode', utf8('Ѐ ~'), '%u0400 ~'],
  ['utf8toUnicode', utf8('\u00d0\u0080 \u05be'), '%u00d0%u0080 %u05be'],
  ['utf8toUnicode', utf8('\u25a0\u2701'), '%u25a0%u2701'],
  ['utf8toUnicode', utf8('\u{1F600}'), '%u1f600'],
  ['utf8toUnicode', 'TestCase', 'TestCase'],
  ['utf8toUnicode', 'a\xc3b', 'ab'],
  ['utf8toUnicode', 'a\xffb', 'a\xffb'],
  ['utf8toUnicode', '\xc0\x80', '%u0000\xc0'],
  ['utf8toUnicode', 'a\0b', 'ab'],
  // removeNulls / replaceNulls
  ['removeNulls', '', ''],
  ['removeNulls', 'TestCase', 'TestCase'],
  ['removeNulls', 'Test\0Case', 'TestCase'],
  ['removeNulls', '\0\0Test\0\0Case\0\0', 'TestCase'],
  ['replaceNulls', 'Test\0Case', 'Test Case'],
  ['replaceNulls', '\0\0Test\0\0Case\0\0', '  Test  Case  '],
  // whitespace
  ['removeWhitespace', ' \t\n\v\f\rTe st\xa0Case\xa0 ', 'TestCase'],
  ['compressWhitespace', '', ''],
  ['compressWhitespace', 'Test\0Case', 'Test\0Case'],
  ['compressWhitespace', '  Test \t\n\v\f\r Case  ', ' Test Case '],
  ['compressWhitespace', 'Test\xa0\xa0Case', 'Test\xa0\xa0Case'],
  // replaceComments.json
  ['replaceComments', 'Test\0Case', 'Test\0Case'],
  ['replaceComments', '/* TestCase */', ' '],
  ['replaceComments', '/*TestCase*/', ' '],
  ['replaceComments', 'Before/* TestCase */After', 'Before After'],
  ['replaceComments', 'Before /* TestCase */ After', 'Before   After'],
  ['replaceComments', '/* Test\r\nCase */', ' '],
  ['replaceComments', 'Before/* Test\r\nCase ', 'Before '],
  ['replaceComments', 'Before /* Test\nCase ', 'Before  '],
  ['replaceComments', 'Test\r\nCase */After', 'Test\r\nCase */After'],
  ['replaceComments', 'Test\nCase */ After', 'Test\nCase */ After'],
  // removeComments.json
  ['removeComments', 'Test\0Case', 'Test\0Case'],
  ['removeComments', '/* TestCase */', ''],
  ['removeComments', '/*TestCase*/', ''],
  ['removeComments', 'Before/* TestCase */After', 'BeforeAfter'],
  ['removeComments', 'Before TestCase */ After', 'Before TestCase */ After'],
  ['removeComments', '/* Test\rCase */', ''],
  ['removeComments', '/*Before/* Test\r\nCase ', ' '],
  ['removeComments', 'Before /* Test\nCase ', 'Before  '],
  ['removeComments', 'Before/* T*/ /* e */ /* s */ /* t */\r\nCase ', 'Before   \r\nCase '],
  ['removeComments', 'Before /* */ ops */ Test\nCase ', 'Before  ops */ Test\nCase '],
  ['removeComments', '/*Test\r\nCase */After', 'After'],
  ['removeComments', 'Test\nCase /**/ After', 'Test\nCase  After'],
  ['removeComments', 'Test/*\nCase */ After', 'Test After'],
  ['removeComments', 'SELECT/**//**/UNION', 'SELECTUNION'],
  ['removeComments', 'foo<!-- comment 1 --><!-- comment 2 -->bar', 'foobar'],
  ['removeComments', "1' or 1=1-- x", "1' or 1=1"],
  ['removeComments', 'a#b', 'a'],
  // removeCommentsChar
  ['removeCommentsChar', '/* Test */Case<!-- x -->#--', ' Test Case x '],
  ['removeCommentsChar', 'a-b', 'a-b'],
  // cmdLine (Coraza cmdLine.json + rules from ModSecurity's cmd_line.cc)
  ['cmdLine', '', ''],
  ['cmdLine', 'test', 'test'],
  ['cmdLine', 'C^OMMAND /C DIR', 'command/c dir'],
  ['cmdLine', 'C^oMMaNd /C DiR', 'command/c dir'],
  ['cmdLine', 'cmd,/c DiR', 'cmd/c dir'],
  ['cmdLine', '"command" /c DiR', 'command/c dir'],
  ['cmdLine', "w'h'o\\a^m\"i", 'whoami'],
  ['cmdLine', 'a ;,\t\r\nb', 'a b'],
  ['cmdLine', 'echo (x)', 'echo(x)'],
  // normalisePath.json
  ['normalizePath', '', ''],
  ['normalizePath', '/foo/bar/baz', '/foo/bar/baz'],
  ['normalizePath', '/foo/bar\0/baz', '/foo/bar\0/baz'],
  ['normalizePath', 'x', 'x'],
  ['normalizePath', '.', ''],
  ['normalizePath', './', ''],
  ['normalizePath', './..', '..'],
  ['normalizePath', './../', '../'],
  ['normalizePath', '..', '..'],
  ['normalizePath', '../', '../'],
  ['normalizePath', '../.', '..'],
  ['normalizePath', '.././', '../'],
  ['normalizePath', '../..', '../..'],
  ['normalizePath', '../../', '../../'],
  ['normalizePath', '/dir/foo//bar', '/dir/foo/bar'],
  ['normalizePath', 'dir/foo//bar/', 'dir/foo/bar/'],
  ['normalizePath', 'dir/../foo', 'foo'],
  ['normalizePath', 'dir/../../foo', '../foo'],
  ['normalizePath', 'dir/./.././../../foo/bar', '../../foo/bar'],
  ['normalizePath', 'dir/./.././../../foo/bar/.', '../../foo/bar'],
  ['normalizePath', 'dir/./.././../../foo/bar/./', '../../foo/bar/'],
  ['normalizePath', 'dir/./.././../../foo/bar/..', '../../foo'],
  ['normalizePath', 'dir/./.././../../foo/bar/../', '../../foo/'],
  ['normalizePath', 'dir/./.././../../foo/bar/', '../../foo/bar/'],
  ['normalizePath', 'dir//.//..//.//..//..//foo//bar', '../../foo/bar'],
  ['normalizePath', 'dir//.//..//.//..//..//foo//bar//', '../../foo/bar/'],
  ['normalizePath', 'dir/subdir/subsubdir/subsubsubdir/../../..', 'dir'],
  ['normalizePath', 'dir/./subdir/./subsubdir/./subsubsubdir/../../..', 'dir'],
  ['normalizePath', 'dir/./subdir/../subsubdir/../subsubsubdir/..', 'dir'],
  ['normalizePath', '/dir/./subdir/../subsubdir/../subsubsubdir/../', '/dir/'],
  ['normalizePath', '/./.././../../../../../../\0/../etc/./passwd', '/etc/passwd'],
  ['normalizePath', 'a\\..\\b', 'a\\..\\b'],
  // normalisePathWin.json
  ['normalizePathWin', '\\foo\\bar\\baz', '/foo/bar/baz'],
  ['normalizePathWin', '\\foo\\bar\0\\baz', '/foo/bar\0/baz'],
  ['normalizePathWin', 'x', 'x'],
  ['normalizePathWin', '.', ''],
  ['normalizePathWin', '.\\', ''],
  ['normalizePathWin', '.\\..', '..'],
  ['normalizePathWin', '.\\..\\', '../'],
  ['normalizePathWin', '..\\', '../'],
  ['normalizePathWin', '..\\.', '..'],
  ['normalizePathWin', '..\\.\\', '../'],
  ['normalizePathWin', '..\\..', '../..'],
  ['normalizePathWin', '..\\..\\', '../../'],
  ['normalizePathWin', '\\dir\\foo\\\\bar', '/dir/foo/bar'],
  ['normalizePathWin', 'dir\\foo\\\\bar\\', 'dir/foo/bar/'],
  ['normalizePathWin', 'dir\\..\\foo', 'foo'],
  ['normalizePathWin', 'dir\\..\\..\\foo', '../foo'],
  ['normalizePathWin', 'dir\\.\\..\\.\\..\\..\\foo\\bar', '../../foo/bar'],
  ['normalizePathWin', 'dir\\.\\..\\.\\..\\..\\foo\\bar\\.', '../../foo/bar'],
  ['normalizePathWin', 'dir\\.\\..\\.\\..\\..\\foo\\bar\\.\\', '../../foo/bar/'],
  ['normalizePathWin', 'dir\\.\\..\\.\\..\\..\\foo\\bar\\..', '../../foo'],
  ['normalizePathWin', 'dir\\.\\..\\.\\..\\..\\foo\\bar\\..\\', '../../foo/'],
  ['normalizePathWin', 'dir\\\\.\\\\..\\\\.\\\\..\\\\..\\\\foo\\\\bar', '../../foo/bar'],
  ['normalizePathWin', 'dir\\\\.\\\\..\\\\.\\\\..\\\\..\\\\foo\\\\bar\\\\', '../../foo/bar/'],
  ['normalizePathWin', 'dir\\subdir\\subsubdir\\subsubsubdir\\..\\..\\..', 'dir'],
  ['normalizePathWin', 'dir\\.\\subdir\\..\\subsubdir\\..\\subsubsubdir\\..', 'dir'],
  ['normalizePathWin', '\\dir\\.\\subdir\\..\\subsubdir\\..\\subsubsubdir\\..\\', '/dir/'],
  ['normalizePathWin', '\\.\\..\\.\\..\\..\\..\\..\\..\\..\\..\\\\0\\..\\etc\\.\\passwd', '/etc/passwd'],
  // escapeSeqDecode.json
  ['escapeSeqDecode', 'Test\0Case', 'Test\0Case'],
  [
    'escapeSeqDecode',
    '\\a\\b\\f\\n\\r\\t\\v\\?\\\'\\"\\0\\12\\123\\x00\\xff',
    '\x07\b\f\n\r\t\v?\'"\0\nS\0\xff',
  ],
  ['escapeSeqDecode', '\\8\\9\\666\\xag\\xga\\0123', '89\xb6xagxga\n3'],
  ['escapeSeqDecode', '\\x', 'x'],
  ['escapeSeqDecode', '\\x\\x0', 'xx0'],
  ['escapeSeqDecode', '\\0', '\0'],
  ['escapeSeqDecode', '\\01', '\x01'],
  ['escapeSeqDecode', '\\012', '\n'],
  ['escapeSeqDecode', '\\', '\\'],
  ['escapeSeqDecode', '\\\\u0000', '\\u0000'],
  ['escapeSeqDecode', '\\X41\\x4a', 'AJ'],
  // base64Decode.json (+ mbedTLS strictness)
  ['base64Decode', '', ''],
  ['base64Decode', 'VGVzdENhc2U=', 'TestCase'],
  ['base64Decode', 'VGVzdENhc2Ux', 'TestCase1'],
  ['base64Decode', 'VGVzdENhc2UxMg==', 'TestCase12'],
  ['base64Decode', 'VGVzdABDYXNl', 'Test\0Case'],
  ['base64Decode', 'VGVzdENhc2U=\0VGVzdENhc2U=', 'TestCase'],
  ['base64Decode', 'VGVz\r\ndENh\nc2U=', 'TestCase'],
  ['base64Decode', 'VGVz dENhc2U=', ''],
  ['base64Decode', 'VGVzdENhc2U=x', ''],
  ['base64Decode', 'P.HNjcmlwdD4=', ''],
  // base64DecodeExt.json
  ['base64DecodeExt', '', ''],
  ['base64DecodeExt', 'VGVzdENhc2U=', 'TestCase'],
  ['base64DecodeExt', 'VGVzdENhc2Ux', 'TestCase1'],
  ['base64DecodeExt', 'VGVzdENhc2UxMg==', 'TestCase12'],
  ['base64DecodeExt', 'P.HNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', '<script>alert(1)</script>'],
  ['base64DecodeExt', 'VGVzdABDYXNl', 'Test\0Case'],
  ['base64DecodeExt', 'dzBzV==YWxlcnQoMSk=', ''],
  [
    'base64DecodeExt',
    'eyJwIjoieHh-IiwiYWxnIjoibm9uZSIsInR5cCI6IkpXVCJ9',
    '{"p":"xx~","alg":"none","typ":"JWT"}',
  ],
  // hex
  ['hexEncode', '', ''],
  ['hexEncode', 'TestCase', '5465737443617365'],
  ['hexEncode', 'Test\0Case\xff', '546573740043617365ff'],
  ['hexDecode', '', ''],
  ['hexDecode', '5465737443617365', 'TestCase'],
  ['hexDecode', '546573740043617365', 'Test\0Case'],
  ['hexDecode', '54657', 'Te'],
  ['hexDecode', '4A4a', 'JJ'],
  ['hexDecode', '01234567890a0z01234567890a', '\x01#Eg\x89\n#\x01#Eg\x89\n'],
  ['hexDecode', '01234567890az', '\x01#Eg\x89\n'],
  ['hexDecode', '01234567890a0', '\x01#Eg\x89\n'],
  // digests (hex of the raw digest checked below), length, none, trim, lowercase, urlEncode
  ['length', '', '0'],
  ['length', 'Test\0Case', '9'],
  ['length', '\xff\xfe', '2'],
  ['none', 'Test\0Case', 'Test\0Case'],
  ['trim', '  \t\n\v\f\rTest Case \r\n ', 'Test Case'],
  ['trim', '\xa0Test\xa0', '\xa0Test\xa0'],
  ['trimLeft', '  Test Case  ', 'Test Case  '],
  ['trimRight', '  Test Case  ', '  Test Case'],
  ['lowercase', 'TeSt\0CaSe\xc0', 'test\0case\xc0'],
  ['urlEncode', '', ''],
  ['urlEncode', 'Test Case*09azAZ', 'Test+Case*09azAZ'],
  ['urlEncode', '%&=\0\xff/', '%25%26%3d%00%ff%2f'],
  ['urlEncode', '% ', '%25+'],
  ['urlEncode', '%0g ', '%250g+'],
  ['urlEncode', '%%', '%25%25'],
  [
    'urlEncode',
    ` ${bytes0to255}`,
    `+${all(0, 255, (b) => (b === 0x20 ? '+' : b === 0x2a || /[0-9A-Za-z]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${hex2(b)}`))}`,
  ],
];

describe('TRANSFORMS', () => {
  it('exposes every SecLang transformation named in the issue', () => {
    for (const name of [
      'urlDecodeUni',
      'urlDecode',
      'lowercase',
      'htmlEntityDecode',
      'jsDecode',
      'cssDecode',
      'utf8toUnicode',
      'removeNulls',
      'removeWhitespace',
      'compressWhitespace',
      'replaceComments',
      'removeCommentsChar',
      'removeComments',
      'cmdLine',
      'normalizePath',
      'normalisePath',
      'normalizePathWin',
      'normalisePathWin',
      'escapeSeqDecode',
      'base64Decode',
      'base64DecodeExt',
      'hexEncode',
      'hexDecode',
      'sha1',
      'md5',
      'length',
      'none',
      'trim',
      'trimLeft',
      'trimRight',
      'replaceNulls',
      'urlEncode',
    ]) {
      assert.equal(typeof TRANSFORMS[name], 'function', name);
    }
  });

  for (const [name, input, output] of VECTORS) {
    it(`${name}(${JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}…` : input)})`, () => {
      const fn = TRANSFORMS[name];
      assert.ok(fn, name);
      assert.equal(fn(input), output);
    });
  }

  it('urlDecodeUni without a Unicode map follows ModSecurity urlDecodeUni.json', () => {
    const u = (from: number, to: number, hi: string): string => all(from, to, (b) => `%u${hi}${hex2(b)}`);
    assert.equal(urlDecodeUniRaw(`+${u(0, 255, '00')}`), ` ${bytes0to255}`);
    assert.equal(urlDecodeUniRaw(`+${u(0, 255, '11')}`), ` ${bytes0to255}`);
    let fw = '';
    for (let b = 0x21; b <= 0x7e; b++) fw += String.fromCharCode(b);
    assert.equal(urlDecodeUniRaw(u(1, 0x5e, 'ff')), fw);
    let rest = '\0';
    for (let b = 0x7f; b <= 0xff; b++) rest += String.fromCharCode(b);
    assert.equal(urlDecodeUniRaw(`%uff00${u(0x7f, 0xff, 'ff')}`), rest);
    assert.equal(urlDecodeUniRaw('%u2018'), '\x18');
  });

  it('sha1 and md5 return the raw binary digests', () => {
    const hex = (s: string): string => Buffer.from(s, 'latin1').toString('hex');
    assert.equal(hex(TRANSFORMS.sha1?.('') ?? ''), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
    assert.equal(hex(TRANSFORMS.sha1?.('abc') ?? ''), 'a9993e364706816aba3e25717850c26c9cd0d89d');
    assert.equal(hex(TRANSFORMS.md5?.('') ?? ''), 'd41d8cd98f00b204e9800998ecf8427e');
    assert.equal(hex(TRANSFORMS.md5?.('abc') ?? ''), '900150983cd24fb0d6963f7d28e17f72');
    assert.equal(TRANSFORMS.sha1?.('\xff').length, 20);
  });

  it('keeps every output a byte string', () => {
    const hostile = `${bytes0to255}%u20ac&#x20ac;\\u20ac\\20ac${utf8('€漢')}`;
    for (const [name, fn] of Object.entries(TRANSFORMS)) {
      const out = fn(hostile);
      for (let i = 0; i < out.length; i++)
        assert.ok(out.charCodeAt(i) <= 0xff, `${name} produced a non-byte`);
    }
  });
});
