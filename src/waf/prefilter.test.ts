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
import { compileRx } from './operators.ts';
import { parseSecLang } from './parser/index.ts';
import {
  compileFormula,
  evalFormula,
  type FormulaFn,
  type FormulaS,
  LiteralTable,
  literalFormula,
  simplify,
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
