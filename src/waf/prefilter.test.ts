/**
 * The @rx literal prefilter must be exact: it may only skip a regex that cannot match. Checked on hand-written
 * cases (case folding, Unicode folding onto ASCII, negated operators through the engine), on random inputs built
 * from each CRS pattern's own literals, and on the payloads of the CRS regression tests.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { compileRuleset } from './engine.ts';
import { compileOperator, compileRx, operatorPhrases } from './operators.ts';
import { parseSecLang } from './parser/index.ts';
import {
  compileFormula,
  evalFormula,
  type FormulaFn,
  type FormulaS,
  foldLiterals,
  isWeak,
  LiteralAutomaton,
  LiteralTable,
  literalFormula,
  phraseFormula,
  simplify,
  textFormula,
} from './prefilter.ts';
import { TRANSFORMS } from './transform/index.ts';

const CRS = join(import.meta.dirname, '../../../shared/crs/v4.28.0');

/** A compiled prefilter for one pattern (its own literal table), plus the same check by the reference evaluator. */
function prefilter(pattern: string): {
  fn: FormulaFn;
  ref: (s: string) => boolean;
  test: (s: string) => boolean;
} {
  const table = new LiteralTable();
  const f = table.intern(literalFormula(pattern));
  const auto = table.freeze();
  const fn = compileFormula(f, auto.single);
  return {
    fn,
    ref: (s) => evalFormula(f, auto.scan(s), auto.single),
    test: (s) => fn(auto.scan(s)),
  };
}

/** Every `@rx` pattern of the CRS rule files. */
function crsPatterns(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(join(CRS, 'rules')).filter((x) => x.endsWith('.conf'))) {
    const text = readFileSync(join(CRS, 'rules', f), 'utf8').replace(/\\\n/g, '');
    for (const m of text.matchAll(/"!?@rx ((?:[^"\\]|\\.)*)"/g))
      out.push((m[1] as string).replace(/\\"/g, '"'));
  }
  return out;
}

/** All literal strings of a formula. */
function literalsOf(f: FormulaS, acc: string[] = []): string[] {
  if (f === true) return acc;
  if (typeof f === 'string') acc.push(f);
  else for (const x of 'and' in f ? f.and : f.or) literalsOf(x, acc);
  return acc;
}

describe('literalFormula', () => {
  it('extracts required literals, case-folded', () => {
    // The two strongest conjuncts (`\s+` is the weakest and is dropped), strongest first.
    assert.deepEqual(literalFormula('(?i)union\\s+select'), { and: ['select', 'union'] });
    assert.equal(literalFormula('ABC'), 'abc');
    assert.deepEqual(literalFormula('(?i)(?:cat|ls|wget)\\b'), { or: ['cat', 'ls', 'wget'] });
    assert.deepEqual(new Set((literalFormula('ab?c') as { or: string[] }).or), new Set(['ac', 'abc']));
  });
  it('gives no constraint when a match may hold no literal', () => {
    assert.equal(literalFormula('^[a-z]+$'), true);
    assert.equal(literalFormula('a*'), true);
    assert.equal(literalFormula('(?:abc)?'), true);
    assert.equal(literalFormula('abc|.'), true);
    assert.equal(literalFormula(''), true);
  });
  it('ends a literal at a non-ASCII character', () => {
    assert.deepEqual(literalFormula('ab\u00e9cd'), { and: ['ab', 'cd'] });
  });
  it('rescues a word spelled with optional noise between its letters (concatenation split)', () => {
    // Plain: every letter is common, so the formula would be dropped as too weak; split: either the word is
    // written plainly or some noise character occurs.
    const f = literalFormula('(?i)j[\\t\\n]*a[\\t\\n]*v[\\t\\n]*a(?:x|&#1;)');
    assert.ok(!isWeak(f), JSON.stringify(f));
    const table = new LiteralTable();
    const auto = (() => {
      const g = table.intern(f);
      const a = table.freeze();
      return { fn: compileFormula(g, a.single), a };
    })();
    const re = compileRx('(?i)j[\\t\\n]*a[\\t\\n]*v[\\t\\n]*a(?:x|&#1;)');
    for (const s of ['javax', 'JAVA&#1;', 'j\ta\nvax', 'jav a', 'lava', 'j a v a x']) {
      assert.ok(auto.fn(auto.a.scan(s)) || !re.test(s), s);
    }
    assert.equal(auto.fn(auto.a.scan('jav a')), false);
    assert.equal(auto.fn(auto.a.scan('j\ta\nvax')), true);
  });
  it('simplify keeps the strongest conjuncts only', () => {
    assert.deepEqual(simplify({ and: ['a', 'select', 'x', 'union'] }), { and: ['select', 'union'] });
  });
});

describe('prefilter', () => {
  it('passes the Unicode characters that RE2 case-folds onto ASCII letters (K Kelvin, ſ long s)', () => {
    const p = prefilter('(?i)kelvins');
    const input = '\u212aelvin\u017f';
    assert.equal(compileRx('(?i)kelvins').test(input), true);
    assert.equal(p.test(input), true);
    assert.equal(p.test('KELVINS'), true);
    assert.equal(p.test('kelvin'), false);
  });
  it('is case-insensitive even for a case-sensitive pattern (a weaker filter, never a wrong one)', () => {
    const p = prefilter('Select');
    assert.equal(p.test('SELECT'), true);
    assert.equal(p.test('nothing here'), false);
  });
  it('compiled and reference evaluation agree, and never rule out a match, on every CRS pattern', () => {
    const patterns = crsPatterns();
    assert.ok(patterns.length >= 290, `found ${patterns.length} patterns`);
    let checked = 0;
    for (const pattern of patterns) {
      const lits = literalsOf(literalFormula(pattern));
      if (lits.length === 0) continue;
      const re = compileRx(pattern);
      const p = prefilter(pattern);
      const piece = fc.oneof(
        fc.constantFrom(...lits),
        fc.constantFrom(...lits).map((s) => s.toUpperCase()),
        fc.constantFrom(' ', '(', ')', ';', '/', '<', '>', '=', "'", '"', '$', '|', '&', '\n', '\\', '.'),
        fc.string({ maxLength: 3 }),
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
          const s = parts.join('');
          const pass = p.test(s);
          assert.equal(pass, p.ref(s));
          return pass || !re.test(s);
        }),
        { numRuns: 60 },
      );
      checked++;
    }
    assert.ok(checked > 200);
  });
  it('never rules out a match on the CRS regression payloads (raw, url-decoded and lower-cased)', () => {
    const payloads = new Set<string>();
    const dir = join(CRS, 'tests/regression/tests');
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.yaml')) {
          const text = readFileSync(join(d, e.name), 'latin1');
          for (const m of text.matchAll(/^\s*(?:uri|data|User-Agent|Cookie|Referer|value):\s*(.+)$/gm))
            payloads.add(m[1] as string);
        }
      }
    };
    walk(dir);
    const lower = TRANSFORMS.lowercase as (s: string) => string;
    const urlDecode = TRANSFORMS.urlDecodeUni as (s: string) => string;
    const inputs = [...payloads].slice(0, 1500).flatMap((s) => [s, lower(urlDecode(s))]);
    let rejected = 0;
    for (const pattern of crsPatterns()) {
      const re = RE2JS.compile(pattern, RE2JS.DOTALL);
      const p = prefilter(pattern);
      for (const s of inputs) {
        if (p.test(s)) continue;
        rejected++;
        assert.equal(
          re.test(s),
          false,
          `prefilter ruled out a match of ${pattern.slice(0, 60)} on ${s.slice(0, 80)}`,
        );
      }
    }
    assert.ok(rejected > 0);
  });
});

describe('united presence (block summaries)', () => {
  it('a formula false on the union of values is false on each of them, on every CRS pattern', () => {
    const patterns = crsPatterns();
    const table = new LiteralTable();
    const formulas = patterns.map((p) => table.intern(literalFormula(p)));
    const auto = table.freeze();
    const fns = formulas.map((f) => compileFormula(f, auto.single));
    const lits = [...new Set(patterns.flatMap((p) => literalsOf(literalFormula(p))))];
    const piece = fc.oneof(
      fc.constantFrom(...lits),
      fc.constantFrom(' ', '(', ')', ';', '/', '<', '>', '=', "'", '"', '$', '|', '&', '\\', '.'),
      fc.string({ maxLength: 3 }),
    );
    const value = fc.array(piece, { maxLength: 6 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 20 }), (values) => {
        const ps = values.map((v) => auto.scan(v));
        const u = auto.union(ps, 0, ps.length);
        // The union holds exactly the characters and literals of its members.
        assert.deepEqual(auto.scan(values.join('\u0080')).m0 | u.m0, u.m0);
        for (const fn of fns) {
          if (fn(u)) continue;
          for (const p of ps) assert.equal(fn(p), false);
        }
      }),
      { numRuns: 150 },
    );
  });
  it('scan finds exactly the literals a naive case-folded search finds (compressed alphabet)', () => {
    const lits = ['select', 'union', 'ab', 'b', 'abc', 'c/', '..', 'x;', 'sleep(', '0x'];
    const auto = new LiteralAutomaton(lits);
    const fold = (s: string): string =>
      [...s]
        .map((c) => {
          const k = c.charCodeAt(0);
          if (k >= 65 && k <= 90) return String.fromCharCode(k + 32);
          if (k === 0x17f) return 's';
          if (k === 0x212a) return 'k';
          return k >= 128 ? '\u0080' : c;
        })
        .join('');
    const piece = fc.oneof(fc.constantFrom(...lits, 'SELECT', '\u017felect', 'Ab', '\u00e9'), fc.string());
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
        const s = parts.join('');
        const p = auto.scan(s);
        const want = lits.flatMap((l, id) => (l.length > 1 && fold(s).includes(l) ? [id] : []));
        assert.deepEqual(
          [...(p.lits ?? [])].sort((a, b) => a - b),
          want,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('phraseFormula (@pm prefilter)', () => {
  it('never rules out a phrase match, on every request-phase @pm of CRS', () => {
    const dir = join(CRS, 'rules');
    let checked = 0;
    for (const f of readdirSync(dir).filter((x) => x.startsWith('REQUEST-') && x.endsWith('.conf'))) {
      const text = readFileSync(join(dir, f), 'utf8').replace(/\\\n/g, '');
      for (const m of text.matchAll(/"(@pm(?:FromFile|f)?) ([^"]*)"/g)) {
        const op = { name: (m[1] as string).slice(1), negated: false, argument: m[2] as string };
        const phrases = operatorPhrases(op, dir) as string[];
        const pm = compileOperator(op, { baseDir: dir, detectors: {}, allowMissingDetectors: true });
        const table = new LiteralTable();
        const f0 = table.intern(phraseFormula(phrases));
        const auto = table.freeze();
        const fn = compileFormula(f0, auto.single);
        const piece = fc.oneof(
          fc.constantFrom(...phrases),
          fc.constantFrom(...phrases).map((x) => x.toUpperCase()),
          fc.string({ maxLength: 3 }),
        );
        fc.assert(
          fc.property(fc.array(piece, { maxLength: 4 }), (parts) => {
            const s = parts.join(' ');
            return fn(auto.scan(s)) || pm(s, '') === null;
          }),
          { numRuns: 40 },
        );
        checked++;
      }
    }
    assert.ok(checked >= 10, `${checked} @pm rules`);
  });
  it('splits phrases at non-ASCII characters and folds ASCII case', () => {
    assert.deepEqual(phraseFormula(['Ab\u00e9cd', 'xY']), { or: [{ and: ['ab', 'cd'] }, 'xy'] });
    assert.equal(phraseFormula(['\u00e9']), true);
    assert.equal(phraseFormula([]), true);
  });
});

describe('key regex filters (textFormula over foldLiterals)', () => {
  // The key regexes of CRS (`TX:/^header_name_920450_/`, `REQUEST_COOKIES:/^_pk_ref/`, ...) and a few more.
  const patterns = [
    '^header_name_920450_',
    '^header_name_920451_',
    'MULTIPART_HEADERS_CONTENT_TYPES_*',
    'paramcounter_.*',
    'rfi_parameter_.*',
    '^_ga(?:_\\w+)?$',
    '^_pk_ref',
    '^pbjs-\\w+$',
    '\\x22?\\x24Version',
    '^[\\w]+\\[[\\w\\-]+\\]\\[[\\w\\-]*?\\]$',
    '^json\\.(?:body|html)$',
    'kelvin|ſtate',
  ];
  it('never rule out a key the regex matches (case-insensitive, Unicode folding)', () => {
    for (const pattern of patterns) {
      const re = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
      const filter = textFormula(literalFormula(pattern, RE2JS.CASE_INSENSITIVE));
      const lits = literalsOf(literalFormula(pattern, RE2JS.CASE_INSENSITIVE));
      const piece = fc.oneof(
        fc.constantFrom(...lits, 'x'),
        fc.constantFrom(...lits, 'y').map((x) => x.toUpperCase()),
        fc.constantFrom('_', '-', '[', ']', '"', '$', '.', '\u017f', '\u212a', '\u00e9', '1'),
        fc.string({ maxLength: 3 }),
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
          const key = parts.join('');
          return filter === null || filter(foldLiterals(key)) || !re.test(key);
        }),
        { numRuns: 300 },
      );
    }
    assert.equal(textFormula(literalFormula('^header_name_920450_'))?.('x-header'), false);
    assert.equal(foldLiterals('AbC\u017f\u212a\u00e9'), 'abcsk\u0080');
  });
});

describe('engine with prefilters', () => {
  const rules = [
    'SecRule ARGS:x "!@rx ^abc$" "id:1,phase:2,deny,status:403"',
    'SecRule ARGS:q "@rx (?i)union\\s+select" "id:2,phase:2,deny,status:406"',
  ].join('\n');
  const rs = compileRuleset(parseSecLang(rules, 'test.conf'), { transforms: TRANSFORMS });
  const run = (uri: string) => {
    const tx = rs.newTransaction({ method: 'GET', uri, headers: [] });
    return tx.processRequestHeaders() ?? tx.processRequestBody();
  };
  it('a negated @rx matches a value its prefilter rules out (the value cannot match the regex)', () => {
    assert.equal(run('/?x=zzz')?.ruleId, 1);
    assert.equal(run('/?x=abc'), null);
  });
  it('a value with the literals still runs the regex', () => {
    assert.equal(run('/?x=abc&q=1%20UNION%20SELECT%202')?.ruleId, 2);
    assert.equal(run('/?x=abc&q=union%20of%20selected'), null);
  });
});

describe('RE2JS DFA budget', () => {
  it('caps the lazy DFA cache of every compiled @rx (its internals are where limitDfa expects them)', async () => {
    const { DFA_BUDGET, limitDfa } = await import('./operators.ts');
    const re = compileRx('(?i)union\\s+select');
    limitDfa(re);
    const dfa = (re as unknown as { re2Input: { dfa: { memBudget: number; stateBudget: number } } }).re2Input
      .dfa;
    assert.equal(dfa.stateBudget, DFA_BUDGET);
    assert.equal(dfa.memBudget, DFA_BUDGET);
    // Still matches through the DFA, and a huge input with a small budget stays correct.
    assert.equal(re.test('1 UNION  SELECT 2'), true);
    const big = compileRx('(?:a|b)*c[a-z]{3}x');
    limitDfa(big);
    const input = 'ab'.repeat(50000) + 'cqrsx';
    assert.equal(big.test(input), true);
    assert.equal(big.test(input.slice(0, -1)), false);
  });
});
