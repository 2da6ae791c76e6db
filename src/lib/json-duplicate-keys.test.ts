import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createJsonScanner, DEFAULT_JSON_LIMITS } from '../payload/json.ts';
import { repeatsKey } from './json-duplicate-keys.ts';

/** Reference answer: the streaming scanner of src/payload/json.ts with only duplicate keys refused. */
function reference(text: string): boolean {
  const s = createJsonScanner({
    ...DEFAULT_JSON_LIMITS,
    maxDepth: 10_000,
    maxObjectEntries: 1e9,
    maxArrayLength: 1e9,
    maxStringLength: 1e9,
    maxKeyLength: 1e9,
    maxNumberLength: 1e9,
    maxSize: 1e12,
    rejectProtoKeys: false,
  });
  return (s.write(Buffer.from(text)) ?? s.end())?.code === 'duplicate_key';
}

/** A JSON value whose objects are entry lists (so keys may repeat), keys written with random escapes. */
type Tree = null | number | string | Tree[] | { entries: Array<[string, Tree]> };

function escapeKey(key: string, mask: number): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const ch = key[i]!;
    if ((mask >> i) & 1) out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += JSON.stringify(ch).slice(1, -1);
  }
  return `"${out}"`;
}

function serialize(t: Tree, mask: number): string {
  if (t === null || typeof t === 'number' || typeof t === 'string') return JSON.stringify(t);
  if (Array.isArray(t)) return `[ ${t.map((x) => serialize(x, mask)).join(' , ')} ]`;
  return `{${t.entries.map(([k, v]) => `${escapeKey(k, mask)} :${serialize(v, mask)}`).join(',')}}`;
}

const key = fc.constantFrom('a', 'b', 'a"b', 'a\\', '\\"', 'é', '\u{1F600}', '', ' ', '\n');
const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.integer(),
    fc.string({ maxLength: 4 }).map((s) => `${s}"\\`),
    fc.array(tie('t'), { maxLength: 4 }),
    fc.record({ entries: fc.array(fc.tuple(key, tie('t')), { maxLength: 4 }) }),
  ),
})).t;

describe('repeatsKey', () => {
  test('examples: escapes, nesting, strings that look like keys', () => {
    assert.equal(repeatsKey('{"role":"user","r\\u006fle":"admin"}'), true);
    assert.equal(repeatsKey('{"a/b":1,"a\\/b":2}'), true);
    assert.equal(repeatsKey('{"a":{"b":1},"c":{"b":2}}'), false);
    assert.equal(repeatsKey('{"a":"\\"a\\":1","b":["a","a"]}'), false);
    assert.equal(repeatsKey('[{"x":1},{"x":1}]'), false);
    assert.equal(repeatsKey('{"x":[{"y":1}],"x":2}'), true);
    assert.equal(repeatsKey('{"\\\\":1,"\\u005c":2}'), true);
  });

  test('malformed text never throws', () => {
    for (const t of ['{"a', '{"a\\x":1,"a\\x":2}', '}}]]{', '"', '{"a":1,"a"', ''])
      assert.doesNotThrow(() => repeatsKey(t));
  });

  test('agrees with the streaming scanner on generated documents', () => {
    fc.assert(
      fc.property(tree, fc.nat(1023), (t, mask) => {
        const text = serialize(t, mask);
        assert.equal(repeatsKey(text), reference(text), text);
      }),
      { numRuns: 500 },
    );
  });
});
