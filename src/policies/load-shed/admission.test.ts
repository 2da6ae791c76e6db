import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Admission } from './admission.ts';

const INF = Number.POSITIVE_INFINITY;
const opts = { recoverRatio: 0.5, holdMs: 1000 };
const fractions = (a: Admission) => [...a.fraction];

describe('Admission', () => {
  test('over a threshold the class halves per update, down to 0 below 5 %', () => {
    const a = new Admission([50, 100, 250, INF], opts);
    assert.equal(a.update(60, 0), true);
    assert.deepEqual(fractions(a), [0.5, 1, 1, 1]);
    a.update(60, 100);
    a.update(60, 200);
    a.update(60, 300);
    assert.deepEqual(fractions(a), [0.0625, 1, 1, 1]);
    a.update(60, 400);
    assert.deepEqual(fractions(a), [0, 1, 1, 1]);
    assert.equal(a.update(60, 500), false, 'nothing left to change');
  });

  test('lower classes go first; a class with no threshold is never shed', () => {
    const a = new Admission([50, 100, 250, INF], opts);
    for (let t = 0; t < 1000; t += 100) a.update(1e9, t);
    assert.deepEqual(fractions(a), [0, 0, 0, 1]);
    assert.equal(a.admits(3), true);
    assert.equal(a.admits(0), false);
  });

  test('hysteresis: no increase inside the band or during the hold; +0.1 per update after', () => {
    const a = new Admission([50, 100, 250, INF], opts);
    a.update(60, 0); // low: 0.5
    a.update(30, 2000); // inside the band (25..50): unchanged
    assert.equal(a.fraction[0], 0.5);
    a.update(10, 2000 + 0); // below 25 but the last decrease was 2 s ago: +0.1
    assert.ok(Math.abs(a.fraction[0]! - 0.6) < 1e-9);
    a.update(60, 2100); // over again: halves, hold restarts
    assert.ok(Math.abs(a.fraction[0]! - 0.3) < 1e-9);
    a.update(10, 2500); // within the hold
    assert.ok(Math.abs(a.fraction[0]! - 0.3) < 1e-9);
    for (let t = 3100; t < 4200; t += 100) a.update(0, t);
    assert.equal(a.fraction[0], 1);
    assert.equal(a.shedding(), false);
  });

  test('property: a class is never admitted more than the class above it; fractions stay in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 500 })), {
          maxLength: 60,
        }),
        fc.integer({ min: 0, max: 2000 }),
        (steps, holdMs) => {
          const a = new Admission([50, 100, 250, INF], { recoverRatio: 0.5, holdMs });
          let t = 0;
          for (const [signal, dt] of steps) {
            t += dt;
            a.update(signal, t);
            const f = fractions(a);
            for (let c = 0; c < f.length; c++) {
              assert.ok(f[c]! >= 0 && f[c]! <= 1);
              if (c > 0) assert.ok(f[c - 1]! <= f[c]!, `class ${c - 1} above class ${c}: ${f}`);
            }
            assert.equal(f[3], 1, 'no threshold: never shed');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('admits(c) admits about the fraction of requests', () => {
    const a = new Admission([50, 100, 250, INF], opts);
    a.update(60, 0);
    let n = 0;
    for (let i = 0; i < 20_000; i++) if (a.admits(0)) n++;
    assert.ok(n > 9_000 && n < 11_000, `${n} of 20,000 admitted at 0.5`);
  });

  test('bad options are TypeErrors', () => {
    assert.throws(() => new Admission([1, 2, 3], opts), TypeError);
    assert.throws(() => new Admission([0, 2, 3, 4], opts), TypeError);
    assert.throws(() => new Admission([1, 2, 3, 4], { recoverRatio: 1, holdMs: 0 }), TypeError);
    assert.throws(() => new Admission([1, 2, 3, 4], { recoverRatio: 0.5, holdMs: -1 }), TypeError);
  });
});
