import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as T from './index.ts';

/** The unwrapped functions, by the names of `UNCHANGED_UNLESS`. */
const RAW: Record<string, T.Transform> = {
  urlDecodeUni: T.urlDecodeUni,
  urlDecode: T.urlDecode,
  lowercase: T.lowercase,
  htmlEntityDecode: T.htmlEntityDecode,
  jsDecode: T.jsDecode,
  cssDecode: T.cssDecode,
  escapeSeqDecode: T.escapeSeqDecode,
  utf8toUnicode: T.utf8toUnicode,
  removeNulls: T.removeNulls,
  replaceNulls: T.replaceNulls,
  removeWhitespace: T.removeWhitespace,
  compressWhitespace: T.compressWhitespace,
  replaceComments: T.replaceComments,
  removeCommentsChar: T.removeCommentsChar,
  removeComments: T.removeComments,
  cmdLine: T.cmdLine,
  normalizePath: T.normalizePath,
  normalizePathWin: T.normalizePathWin,
};

// Characters every shortcut pattern looks for, plus plain text, bytes above 0x7F and a few above 0xFF.
const chars = fc.oneof(
  fc.constantFrom(...'%+&\\/*.#-<!>"\'^,;() \t\r\n\v\f\0\xa0\xe9\xff'.split('')),
  fc.constantFrom(...'aZk09xuU;'.split('')),
  fc.integer({ min: 0, max: 0x2fff }).map((c) => String.fromCharCode(c)),
);
const inputs = fc.array(chars, { maxLength: 24 }).map((a) => a.join(''));

describe('transformation shortcuts (UNCHANGED_UNLESS)', () => {
  it('covers a function for every shortcut', () => {
    assert.deepEqual(Object.keys(T.UNCHANGED_UNLESS).sort(), Object.keys(RAW).sort());
  });
  for (const name of Object.keys(RAW)) {
    it(`${name}: the registry entry equals the full function`, () => {
      const raw = RAW[name] as T.Transform;
      const reg = T.TRANSFORMS[name] as T.Transform;
      fc.assert(
        fc.property(inputs, (s) => reg(s) === raw(s)),
        { numRuns: 3000 },
      );
    });
    it(`${name}: an input without the pattern comes back unchanged (and is the same string)`, () => {
      const raw = RAW[name] as T.Transform;
      const re = T.UNCHANGED_UNLESS[name] as RegExp;
      fc.assert(
        fc.property(inputs, (s) => {
          if (re.test(s)) return true;
          return raw(s) === s && (T.TRANSFORMS[name] as T.Transform)(s) === s;
        }),
        { numRuns: 3000 },
      );
    });
  }
});

describe('change triggers (CHANGE_TRIGGERS)', () => {
  it('covers every shortcut, and changeTriggers finds them on the registry entries only', () => {
    assert.deepEqual(Object.keys(T.CHANGE_TRIGGERS).sort(), Object.keys(T.UNCHANGED_UNLESS).sort());
    for (const name of Object.keys(T.CHANGE_TRIGGERS)) {
      assert.equal(T.changeTriggers(T.TRANSFORMS[name] as T.Transform), T.CHANGE_TRIGGERS[name]);
    }
    assert.equal(T.changeTriggers(T.lowercase), undefined);
    assert.equal(T.changeTriggers(T.TRANSFORMS.base64Decode as T.Transform), undefined);
  });
  for (const name of Object.keys(T.CHANGE_TRIGGERS)) {
    const t = T.CHANGE_TRIGGERS[name] as T.ChangeTriggers;
    const free = (c: number): boolean => (c < 128 ? !t.chars.includes(String.fromCharCode(c)) : !t.hi);
    it(`${name}: an input without its trigger characters never holds the pattern and comes back unchanged`, () => {
      const re = T.UNCHANGED_UNLESS[name] as RegExp;
      // Every single character, then strings over the trigger-free characters.
      for (let c = 0; c <= 0x2fff; c++) {
        if (!free(c)) continue;
        const s = String.fromCharCode(c);
        assert.equal(re.test(`a${s}${s}b`), false, `${name} U+${c.toString(16)}`);
      }
      const freeChar = fc.oneof(
        fc.constantFrom(...'%+&\\/*.#-<!>"\'^,;() \t\r\n\v\f\0\xa0\xe9\xffaZk09xuU'.split('')),
        fc.integer({ min: 0, max: 0x2fff }).map((c) => String.fromCharCode(c)),
      );
      const freeInput = fc
        .array(freeChar, { maxLength: 24 })
        .map((a) => a.filter((c) => free(c.charCodeAt(0))).join(''));
      const raw = RAW[name] as T.Transform;
      fc.assert(
        fc.property(freeInput, (s) => !re.test(s) && raw(s) === s),
        { numRuns: 3000 },
      );
    });
  }
});
