/**
 * The per-request fast paths added for the 16 KiB JSON POST must be exact: each one only skips work whose result is
 * known. Checked directly (prefilters against the operators they stand for, the necessary-literal check against
 * the full formula, the scan's raw and folded masks against a naive reference, the stamp counters across their
 * wrap-around) and through the engine with requests where a wrong shortcut would change the verdict.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileRuleset, type RequestInput, type Ruleset } from './engine.ts';
import { parseOperator } from './model.ts';
import { compileOperator, operatorPrefilter } from './operators.ts';
import { parseSecLang } from './parser/index.ts';
import {
  compileFormula,
  evalFormula,
  type Formula,
  type FormulaS,
  LiteralAutomaton,
  LiteralTable,
  necessaryLiterals,
  type Presence,
} from './prefilter.ts';
import { TRANSFORMS } from './transform/index.ts';

/** Characters around every edge: case, NUL, controls, bytes beyond ASCII, ſ/K (fold onto s/k), wide characters. */
const char = fc.oneof(
  fc.constantFrom(...'aAzZsSkK09 .-_%+&\\/*#<>"\'\t\n\0\x7f\x80\xa0\xc3\xe9\xff\u017f\u212a\u0130'.split('')),
  fc.integer({ min: 0, max: 0x2fff }).map((c) => String.fromCharCode(c)),
);
const text = fc.array(char, { maxLength: 20 }).map((a) => a.join(''));

/** A naive presence: folded ASCII masks, raw ASCII masks and the beyond-ASCII flag of `s`. */
function naiveMasks(s: string): { m: number[]; r: number[]; hi: boolean } {
  const m = [0, 0, 0, 0];
  const r = [0, 0, 0, 0];
  let hi = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) hi = true;
    if (c < 128) r[c >>> 5] = (r[c >>> 5] as number) | (1 << (c & 31));
    const f = c >= 65 && c <= 90 ? c + 32 : c < 128 ? c : c === 0x17f ? 115 : c === 0x212a ? 107 : -1;
    if (f >= 0) m[f >>> 5] = (m[f >>> 5] as number) | (1 << (f & 31));
  }
  return { m, r, hi };
}

describe('literal scan', () => {
  const auto = new LiteralAutomaton(['ab', 'select', 'sk', '<s', 'x']);

  it('records raw and folded characters and characters beyond ASCII exactly', () => {
    fc.assert(
      fc.property(text, (s) => {
        const p = auto.scan(s);
        const n = naiveMasks(s);
        assert.deepEqual([p.m0, p.m1, p.m2, p.m3], n.m);
        assert.deepEqual([p.r0, p.r1, p.r2, p.r3], n.r);
        assert.equal(p.hi, n.hi);
      }),
      { numRuns: 2000 },
    );
  });

  it("derives the scan of a lower-cased text from the text's own scan", () => {
    fc.assert(
      fc.property(text, (s) => {
        const { uid: u1, ...derived } = auto.lowerCased(auto.scan(s));
        const { uid: u2, ...scanned } = auto.scan(TRANSFORMS.lowercase?.(s) ?? '');
        assert.notEqual(u1, u2);
        assert.deepEqual(derived, scanned);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same literals across the wrap-around of its stamp counter, with fresh presence ids', () => {
    const fresh = new LiteralAutomaton(['ab', 'select', 'sk', '<s']);
    const wrapped = new LiteralAutomaton(['ab', 'select', 'sk', '<s']);
    // Just below the limit: the next scans cross it.
    (wrapped as unknown as { scans: number }).scans = 0x3fffffff - 3;
    const uids = new Set<number>();
    for (let i = 0; i < 10; i++) {
      const s = i % 2 === 0 ? 'ab SELECT ab ſk <s' : 'xx ab';
      const a = fresh.scan(s);
      const b = wrapped.scan(s);
      assert.deepEqual(b.lits, a.lits);
      assert.ok(!uids.has(b.uid as number));
      uids.add(b.uid as number);
    }
    const u = wrapped.union([wrapped.scan('ab'), wrapped.scan('select')], 0, 2);
    assert.deepEqual(u.lits, [0, 1]);
  });
});

describe('necessary literals of a formula', () => {
  // Literals: single characters (common and rare) and longer ones.
  const words = ['a', 'e', ' ', '|', '&', ';', 'ls', 'cat', 'wget', 'sh', 'ab', 'ba', 'xyz'];
  const leaf = fc.constantFrom(...words);
  const formula: fc.Arbitrary<FormulaS> = fc.letrec<{ f: FormulaS }>((tie) => ({
    f: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('f'), { minLength: 2, maxLength: 4 }).map((and) => ({ and })),
      fc.array(tie('f'), { minLength: 2, maxLength: 4 }).map((or) => ({ or })),
    ),
  })).f;
  const input = fc
    .array(fc.constantFrom(...words, 'q', 'Z', 'LS', 'W'), { maxLength: 8 })
    .map((a) => a.join(''));

  it('one of them occurs whenever the formula holds, and the compiled check agrees with the reference', () => {
    fc.assert(
      fc.property(formula, fc.array(input, { minLength: 1, maxLength: 6 }), (fs, inputs) => {
        const table = new LiteralTable();
        const f: Formula = table.intern(fs);
        const auto = table.freeze();
        const fn = compileFormula(f, auto.single, auto);
        const need = necessaryLiterals(f, auto.single);
        const presences = inputs.map((s) => auto.scan(s));
        presences.push(auto.union(presences, 0, presences.length));
        for (const p of presences) {
          const ref = evalFormula(f, p, auto.single);
          assert.equal(fn(p), ref);
          if (ref && need !== null) assert.ok(evalFormula({ or: need }, p, auto.single));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('is null when only common characters could be required', () => {
    const table = new LiteralTable();
    const f = table.intern({ or: ['a', { and: ['e', ' '] }] });
    assert.equal(necessaryLiterals(f, table.freeze().single), null);
  });

  it('takes the rarer member of an AND', () => {
    const table = new LiteralTable();
    const f = table.intern({ and: ['a', { or: ['wget', 'curl'] }] });
    const auto = table.freeze();
    assert.deepEqual(
      necessaryLiterals(f, auto.single)?.sort(),
      [table.intern('wget'), table.intern('curl')].sort(),
    );
  });
});

describe('operatorPrefilter (@validateByteRange, @validateUtf8Encoding)', () => {
  const auto = new LiteralAutomaton(['ab']);
  const ops = [
    '@validateUtf8Encoding',
    '@validateByteRange 1-255',
    '@validateByteRange 32-126',
    '@validateByteRange 9,10,13,32-126,128-255',
    // Lower-case letters only: an upper-case letter folds onto an allowed one and must still count as outside.
    '@validateByteRange 97-122',
    '@validateByteRange 65-90',
    '@validateByteRange 0-127',
  ];
  for (const text0 of ops) {
    it(`never rules out a value ${text0} matches`, () => {
      const op = parseOperator(text0);
      const fn = compileOperator(op, { baseDir: '.', detectors: {}, allowMissingDetectors: false });
      const pf = operatorPrefilter(op);
      assert.notEqual(pf, null);
      fc.assert(
        fc.property(text, (s) => {
          const p: Presence = auto.scan(s);
          if (!(pf as (p: Presence) => boolean)(p)) assert.equal(fn(s, op.argument), null, JSON.stringify(s));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('rules out plain ASCII for UTF-8 validation and allowed characters for a byte range', () => {
    const utf8 = operatorPrefilter(parseOperator('@validateUtf8Encoding')) as (p: Presence) => boolean;
    assert.equal(utf8(auto.scan('plain ASCII text 123')), false);
    assert.equal(utf8(auto.scan('caf\xc3\xa9')), true);
    const lower = operatorPrefilter(parseOperator('@validateByteRange 97-122')) as (p: Presence) => boolean;
    assert.equal(lower(auto.scan('abc')), false);
    assert.equal(lower(auto.scan('aBc')), true);
    assert.equal(operatorPrefilter(parseOperator('@rx a')), null);
  });
});

describe('engine fast paths keep verdicts', () => {
  const rules = (conf: string): Ruleset =>
    compileRuleset(parseSecLang(conf, 'custom.conf'), {
      transforms: TRANSFORMS,
      detectors: {},
      allowMissingDetectors: true,
    });
  const run = (rs: Ruleset, args: string[]): string[] => {
    const req: RequestInput = { method: 'GET', uri: `/?${args.join('&')}`, headers: [['Host', 'x']] };
    const tx = rs.newTransaction(req);
    tx.processRequestHeaders();
    tx.processRequestBody();
    return tx.matches.map((m) => `${m.id} ${m.matchedVar}`);
  };
  const benign = (n: number): string[] => Array.from({ length: n }, (_, i) => `a${i}=word${i}+garden`);

  it('multiMatch finds a match that only an intermediate result of the chain holds, among many values', () => {
    // base64 of `<script>`: neither the raw value nor the url-encoded end holds `<script>`; the middle does.
    const rs = rules(
      'SecRule ARGS "@rx <script>" "id:1,phase:2,pass,t:none,t:base64Decode,t:urlEncode,multiMatch,msg:\'x\'"',
    );
    const args = benign(40);
    args[37] = 'a37=PHNjcmlwdD4%3D';
    assert.deepEqual(run(rs, args), ['1 ARGS:a37']);
    assert.deepEqual(run(rs, benign(40)), []);
    // The same value as the only one (no block summary).
    assert.deepEqual(run(rs, ['a=PHNjcmlwdD4%3D']), ['1 ARGS:a']);
  });

  it('multiMatch still matches the raw value (the empty prefix of the chain)', () => {
    const rs = rules(
      'SecRule ARGS "@rx %3cscript" "id:2,phase:2,pass,t:none,t:urlDecodeUni,t:lowercase,multiMatch,msg:\'x\'"',
    );
    const args = benign(33);
    // Arrives as `%3cscript` (the query's own %25 decoded once); t:urlDecodeUni would turn it into `<script`.
    args[20] = 'a20=%253cscript';
    assert.deepEqual(run(rs, args), ['2 ARGS:a20']);
  });

  it('the byte-validation prefilters let an offending value through among many plain ones', () => {
    const rs = rules(`
SecRule ARGS "@validateUtf8Encoding" "id:3,phase:2,pass,t:none,msg:'utf8'"
SecRule ARGS "@validateByteRange 97-122" "id:4,phase:2,pass,t:none,msg:'range'"
SecRule ARGS "!@validateByteRange 32-126" "id:5,phase:2,pass,t:none,msg:'negated'"`);
    const plain = Array.from({ length: 40 }, (_, i) => `a${i}=word`);
    // Negated: every plain value is a match; the last one is the matched variable.
    assert.deepEqual(run(rs, plain), ['5 ARGS:a39']);
    const utf8 = [...plain];
    utf8[30] = 'a30=%c3%28';
    assert.deepEqual(run(rs, utf8), ['3 ARGS:a30', '4 ARGS:a30', '5 ARGS:a39']);
    // An upper-case letter folds onto an allowed lower-case one in the literal scan: it must still be seen.
    const upper = [...plain];
    upper[35] = 'a35=woRd';
    assert.deepEqual(run(rs, upper), ['4 ARGS:a35', '5 ARGS:a39']);
  });

  it('a transformation without known change triggers is always called', () => {
    let calls = 0;
    const rs = compileRuleset(
      parseSecLang('SecRule ARGS "@streq changed" "id:6,phase:2,pass,t:none,t:custom,msg:\'x\'"', 'c.conf'),
      {
        transforms: {
          ...TRANSFORMS,
          custom: (s: string) => {
            calls++;
            return s === 'plain' ? 'changed' : s;
          },
        },
        detectors: {},
        allowMissingDetectors: true,
      },
    );
    const tx = rs.newTransaction({ method: 'GET', uri: '/?a=plain', headers: [['Host', 'x']] });
    tx.processRequestHeaders();
    tx.processRequestBody();
    assert.ok(calls > 0);
    assert.deepEqual(
      tx.matches.map((m) => m.id),
      [6],
    );
  });

  it('lower-cases a value with upper-case letters (change trigger present) and skips none wrongly', () => {
    const rs = rules('SecRule ARGS "@streq union" "id:7,phase:2,pass,t:none,t:lowercase,msg:\'x\'"');
    const args = benign(20);
    args[3] = 'a3=UNION';
    assert.deepEqual(run(rs, args), ['7 ARGS:a3']);
    assert.deepEqual(run(rs, benign(20)), []);
    // Every upper-case letter alone must trigger t:lowercase: none may survive it.
    const upperLeft = rules('SecRule ARGS "@rx [A-Z]" "id:8,phase:2,pass,t:none,t:lowercase,msg:\'x\'"');
    const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => `u${i}=x${c}`);
    assert.deepEqual(run(upperLeft, letters), []);
  });
});
