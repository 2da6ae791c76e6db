/**
 * ReDoS: every `@rx` of the OWASP CRS v4.28.0 (read from ../shared) runs in linear time on pathological input.
 * Each pattern, compiled by the engine's operator compiler (RE2JS), is run against 100 KiB of one repeated
 * character for several alphabets; each run must stay under a generous per-KiB bound, and for the slowest pairs
 * doubling the input must roughly double the time (a quadratic pattern would quadruple it).
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseOperator } from '../../src/waf/model.ts';
import { compileOperator, type OperatorFn } from '../../src/waf/operators.ts';
import { parseSecLangFile } from '../../src/waf/parser/index.ts';

const RULES = join(import.meta.dirname, '../../../shared/crs/v4.28.0/rules');
const ALPHABETS = ['a', "'", '<', '%', ' ', '/'];
const KIB = 100;
/** Generous, CI-safe: the slowest pair measured 4 ms/KiB alone and 29 ms/KiB beside the CRS suite on a loaded 2-core box; a quadratic pattern costs seconds per KiB at 100 KiB. */
const MAX_MS_PER_KIB = 100;

interface Pattern {
  readonly text: string;
  readonly op: OperatorFn;
}

function crsPatterns(): Pattern[] {
  const out: Pattern[] = [];
  for (const f of readdirSync(RULES).filter((n) => n.endsWith('.conf'))) {
    for (const d of parseSecLangFile(join(RULES, f))) {
      const opText = d.name === 'SecRule' ? (d.args[1] ?? '') : '';
      if (!/^!?@rx\s/.test(opText)) continue;
      const op = compileOperator(parseOperator(opText), {
        baseDir: RULES,
        detectors: {},
        allowMissingDetectors: true,
      });
      out.push({ text: opText, op });
    }
  }
  return out;
}

function timeMs(p: Pattern, input: string): number {
  const t0 = performance.now();
  p.op(input, '');
  return performance.now() - t0;
}

test('every CRS @rx runs in linear time on 100 KiB of repeated characters', { timeout: 600_000 }, (t) => {
  const patterns = crsPatterns();
  assert.ok(patterns.length >= 300, `only ${patterns.length} @rx patterns found in ${RULES}`);
  const runs: { p: Pattern; c: string; ms: number }[] = [];
  for (const c of ALPHABETS) {
    const input = c.repeat(KIB * 1024);
    for (const p of patterns) runs.push({ p, c, ms: timeMs(p, input) });
  }
  runs.sort((a, b) => b.ms - a.ms);
  const worst = runs[0] as (typeof runs)[number];
  t.diagnostic(
    `${patterns.length} patterns × ${ALPHABETS.length} alphabets × ${KIB} KiB; slowest ${(worst.ms / KIB).toFixed(2)} ms/KiB ` +
      `(${JSON.stringify(worst.c)}: ${worst.p.text.slice(0, 80)})`,
  );
  const slow = runs.filter((r) => r.ms / KIB > MAX_MS_PER_KIB);
  assert.deepEqual(
    slow.map((r) => `${(r.ms / KIB).toFixed(1)} ms/KiB ${JSON.stringify(r.c)} ${r.p.text.slice(0, 100)}`),
    [],
  );
  // Growth check on the slowest pairs: best of five at 100 and 400 KiB; linear ≈ 4×, quadratic ≈ 16×.
  for (const r of runs.slice(0, 5)) {
    const best = (kib: number): number => {
      const input = r.c.repeat(kib * 1024);
      let min = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 5; i++) min = Math.min(min, timeMs(r.p, input));
      return min;
    };
    // 100 and 400 KiB: both sizes run on RE2's NFA (its bit-state backtracker only takes inputs up to
    // 256 Kbit / program size, so a 50 KiB run could use it and make the ratio look super-linear).
    const small = best(100);
    const large = best(400);
    // Sub-2 ms timings are mostly noise (a GC pause, a timer tick): floor the small run at 2 ms so a fast
    // linear pattern cannot fail by jitter, while a quadratic one (×16) that costs anything still does.
    const ratio = large / Math.max(small, 2);
    t.diagnostic(
      `${JSON.stringify(r.c)} 100 KiB ${small.toFixed(1)} ms, 400 KiB ${large.toFixed(1)} ms (×${ratio.toFixed(1)})`,
    );
    assert.ok(ratio < 9, `super-linear growth ×${ratio.toFixed(1)} for ${r.p.text.slice(0, 100)}`);
  }
});
