import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createJsonScanner, DEFAULT_JSON_LIMITS, type JsonLimits } from './json.ts';
import type { Violation } from './types.ts';

const ROOMY: JsonLimits = {
  maxDepth: 1000,
  maxObjectEntries: 1_000_000,
  maxArrayLength: 1_000_000,
  maxStringLength: 1_000_000,
  maxKeyLength: 1_000_000,
  maxNumberLength: 1_000_000,
  maxSize: 100_000_000,
  rejectDuplicateKeys: false,
  rejectProtoKeys: false,
  bom: 'reject',
};

/** Scans `doc` (split into `parts` chunks at the given offsets) and returns the violation or null. */
function scan(
  doc: string | Buffer,
  limits: Partial<JsonLimits> = {},
  splits: number[] = [],
): Violation | null {
  const s = createJsonScanner({ ...DEFAULT_JSON_LIMITS, ...limits });
  const buf = typeof doc === 'string' ? Buffer.from(doc) : doc;
  let from = 0;
  for (const at of [...splits, buf.length]) {
    const v = s.write(buf.subarray(from, at));
    if (v !== null) return v;
    from = at;
  }
  return s.end();
}

function code(doc: string | Buffer, limits: Partial<JsonLimits> = {}): string | null {
  return scan(doc, limits)?.code ?? null;
}

describe('json scanner: well-formedness', () => {
  test('accepts documents of many shapes', () => {
    for (const doc of [
      '{}',
      '[]',
      '0',
      '-0',
      '1.5e-3',
      '-12E+2',
      '123',
      'true',
      'false',
      'null',
      '""',
      ' \t\r\n{ "a" : [ 1 , { } , [ ] , "x" ] , "b" : null } \n',
      '{"é":"ü","emoji":"😀","esc":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00"}',
      '[[[[["deep"]]]]]',
      '{"":""}',
      '"\\u0000"',
    ]) {
      assert.equal(scan(doc), null, doc);
      JSON.parse(doc);
    }
  });

  test('refuses malformed documents with json syntax violations', () => {
    for (const doc of [
      '',
      '   ',
      '{',
      '[1,]',
      '{"a":1,}',
      '{"a"}',
      '{a:1}',
      "{'a':1}",
      '[01]',
      '[1.]',
      '[.5]',
      '[1e]',
      '[+1]',
      '-',
      'tru',
      'truex',
      'nul',
      '[1 2]',
      '{} {}',
      '"unterminated',
      '"bad \\x escape"',
      '"\\u12G4"',
      '"tab\there"',
      '[1]]',
      '{"a":1]',
      '[NaN]',
      '[Infinity]',
      '/* comment */ 1',
    ]) {
      assert.equal(code(doc), 'syntax', JSON.stringify(doc));
    }
  });

  test('refuses invalid UTF-8 (overlong, surrogates, truncated, stray continuation, bytes outside strings)', () => {
    const bad = [
      [0x22, 0xc0, 0xaf, 0x22], // overlong '/'
      [0x22, 0xe0, 0x80, 0xaf, 0x22], // overlong
      [0x22, 0xed, 0xa0, 0x80, 0x22], // UTF-16 surrogate
      [0x22, 0xf4, 0x90, 0x80, 0x80, 0x22], // above U+10FFFF
      [0x22, 0xe2, 0x82, 0x22], // truncated
      [0x22, 0x80, 0x22], // stray continuation
      [0x22, 0xff, 0x22],
      [0x5b, 0xc3, 0xa9, 0x5d], // non-ASCII outside a string
    ];
    for (const bytes of bad) assert.equal(code(Buffer.from(bytes)), 'syntax', bytes.join(','));
    assert.equal(code(Buffer.from([0x22, 0xf0, 0x9f, 0x98, 0x80, 0x22])), null);
  });

  test('cross-check with JSON.parse: every JSON.stringify output is accepted', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 1, '\t'), (value, space) => {
        const doc = JSON.stringify(value, null, space);
        assert.equal(scan(doc, ROOMY), null, doc);
      }),
      { numRuns: 300 },
    );
  });

  test('cross-check with JSON.parse: on arbitrary JSON-ish text the scanner agrees', () => {
    const alphabet = fc.constantFrom(...'{}[]",:0123456789.eE+-truefalsn \t\n\\u/ab'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 24 }), (chars) => {
        const doc = chars.join('');
        let ok = true;
        try {
          JSON.parse(doc);
        } catch {
          ok = false;
        }
        assert.equal(scan(doc, ROOMY) === null, ok, JSON.stringify(doc));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('json scanner: limits', () => {
  test('depth: at the limit passes, one more is refused at the opening bracket', () => {
    assert.equal(code(`${'['.repeat(3)}${']'.repeat(3)}`, { maxDepth: 3 }), null);
    const v = scan(`${'['.repeat(4)}${']'.repeat(4)}`, { maxDepth: 3 });
    assert.equal(v?.code, 'depth');
    assert.equal(v?.limit, 3);
    assert.equal(v?.offset, 3);
    assert.equal(code('{"a":{"b":{"c":{}}}}', { maxDepth: 3 }), 'depth');
  });

  test('a 100,000-deep document is refused after maxDepth + 1 bytes', () => {
    const s = createJsonScanner(DEFAULT_JSON_LIMITS);
    const v = s.write(Buffer.alloc(100_000, '['));
    assert.equal(v?.code, 'depth');
    assert.equal(v?.offset, 32);
    assert.equal(s.bytes, 32);
  });

  test('object entries', () => {
    assert.equal(code('{"a":1,"b":2}', { maxObjectEntries: 2 }), null);
    assert.equal(code('{"a":1,"b":2,"c":3}', { maxObjectEntries: 2 }), 'entries');
  });

  test('array length (empty arrays count zero)', () => {
    assert.equal(code('[1,[],3]', { maxArrayLength: 3 }), null);
    assert.equal(code('[[],[],[],[]]', { maxArrayLength: 3 }), 'array');
    assert.equal(code('[]', { maxArrayLength: 1 }), null);
  });

  test('string length counts characters after unescaping', () => {
    assert.equal(code('"abcd"', { maxStringLength: 4 }), null);
    assert.equal(code('"\\u0041\\n\\t😀"', { maxStringLength: 4 }), null);
    assert.equal(code('"abcde"', { maxStringLength: 4 }), 'string');
    assert.equal(code('"ééééé"', { maxStringLength: 4 }), 'string');
    assert.equal(code('{"abcde":1}', { maxStringLength: 4 }), null, 'keys have their own limit');
  });

  test('key length', () => {
    assert.equal(code('{"abc":"long value"}', { maxKeyLength: 3 }), null);
    assert.equal(code('{"abcd":1}', { maxKeyLength: 3 }), 'key');
  });

  test('number length', () => {
    assert.equal(code('[-1.5e10]', { maxNumberLength: 7 }), null);
    assert.equal(code('[-1.5e100]', { maxNumberLength: 7 }), 'number');
    assert.equal(code('1'.repeat(65)), 'number');
    assert.equal(code('1'.repeat(64)), null);
  });

  test('size: refused at the first byte past the limit, 413 code `size`', () => {
    assert.equal(code('[1,2]', { maxSize: 5 }), null);
    const v = scan('[1,2] ', { maxSize: 5 });
    assert.equal(v?.code, 'size');
    assert.equal(v?.offset, 5);
    // A violation inside the allowed bytes wins over size.
    assert.equal(code('[1,,2,3,4]', { maxSize: 5 }), 'syntax');
  });

  test('details name the limit and never echo document content', () => {
    const v = scan('{"secret-key-name":"x"}', { maxKeyLength: 3 });
    assert.match(v?.detail ?? '', /longer than 3/);
    assert.doesNotMatch(v?.detail ?? '', /secret/);
    const d = scan('{"secret":1,"secret":2}');
    assert.doesNotMatch(d?.detail ?? '', /secret/);
  });

  test('after a violation every call returns the same violation', () => {
    const s = createJsonScanner(DEFAULT_JSON_LIMITS);
    const v = s.write(Buffer.from('[1,,'));
    assert.equal(v?.code, 'syntax');
    assert.equal(s.write(Buffer.from('2]')), v);
    assert.equal(s.end(), v);
  });
});

describe('json scanner: keys and BOM', () => {
  test('duplicate keys are refused (compared after unescaping), per object', () => {
    assert.equal(code('{"a":1,"a":2}'), 'duplicate_key');
    assert.equal(code('{"a":1,"\\u0061":2}'), 'duplicate_key');
    assert.equal(code('{"a":{"a":1},"b":{"a":2}}'), null);
    assert.equal(code('[{"a":1},{"a":1}]'), null);
    assert.equal(code('{"a":1,"a":2}', { rejectDuplicateKeys: false }), null);
  });

  test('__proto__, constructor and prototype keys are refused, also when escaped', () => {
    for (const doc of [
      '{"__proto__":{"isAdmin":true}}',
      '{"a":{"constructor":{"prototype":{}}}}',
      '{"prototype":1}',
      '{"__pro\\u0074o__":1}',
      '{"\\u005f\\u005fproto\\u005f\\u005f":1}',
      '{"constr\\u0075ctor":1}',
    ]) {
      assert.equal(code(doc), 'proto_key', doc);
      assert.equal(code(doc, { rejectProtoKeys: false }), null, doc);
    }
    assert.equal(
      code('{"x":"__proto__","__proto":1,"proto__":2,"Constructor":3}'),
      null,
      'values and near misses',
    );
  });

  test('a UTF-8 BOM is skipped when accepted and refused otherwise', () => {
    const doc = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]);
    assert.equal(code(doc), null);
    for (let i = 0; i <= doc.length; i++) assert.equal(scan(doc, {}, [i]), null, `split at ${i}`);
    assert.equal(code(doc, { bom: 'reject' }), 'bom');
    assert.equal(code(Buffer.from([0xef, 0xbb, 0x7b, 0x7d])), 'syntax');
    assert.equal(code(Buffer.from([0xef, 0xbb, 0xbf])), 'syntax', 'a BOM alone is empty');
    assert.equal(code(Buffer.from([0x20, 0xef, 0xbb, 0xbf, 0x31])), 'syntax', 'BOM only at the start');
  });
});

describe('json scanner: chunk boundaries', () => {
  const sample = Buffer.from(
    '\ufeff{"k\\u00e9y":[1,-2.5e+3,true,false,null,"é😀\\uD83D\\uDE00\\n"],"n":{"z":0},"big":12345678}',
  );

  test('the sample is valid however it is split in two', () => {
    assert.equal(scan(sample), null);
    for (let i = 0; i <= sample.length; i++) assert.equal(scan(sample, {}, [i]), null, `split at ${i}`);
  });

  test('the sample is valid fed one byte at a time, and a top-level number ends at EOF', () => {
    const every = Array.from({ length: sample.length - 1 }, (_, i) => i + 1);
    assert.equal(scan(sample, {}, every), null);
    assert.equal(scan('12345', {}, [1, 2, 3, 4]), null);
  });

  test('violations are found at the same offset whatever the split', () => {
    const bad = Buffer.from('{"a":[1,2,3],"__pro\\u0074o__":{"x":"yyyyyyyy"}}');
    const whole = scan(bad);
    assert.equal(whole?.code, 'proto_key');
    for (let i = 0; i <= bad.length; i++) {
      const v = scan(bad, {}, [i]);
      assert.equal(v?.code, whole?.code, `split at ${i}`);
      assert.equal(v?.offset, whole?.offset, `split at ${i}`);
    }
  });
});
