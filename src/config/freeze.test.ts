import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deepFreeze } from './freeze.ts';

describe('deepFreeze', () => {
  it('freezes nested objects and arrays and returns the same value', () => {
    const v = { a: { b: [1, { c: 2 }] }, d: 'x' };
    const out = deepFreeze(v);
    assert.equal(out, v);
    assert.ok(Object.isFrozen(v));
    assert.ok(Object.isFrozen(v.a));
    assert.ok(Object.isFrozen(v.a.b));
    assert.ok(Object.isFrozen(v.a.b[1]));
    assert.throws(() => {
      (v.a.b as unknown[]).push(3);
    }, TypeError);
    assert.throws(() => {
      (v.a.b[1] as { c: number }).c = 5;
    }, TypeError);
  });

  it('handles cycles, shared references, symbols, non-enumerable properties and Map/Set contents', () => {
    const shared = { s: 1 };
    const sym = Symbol('k');
    const hidden = { h: 1 };
    const cyclic: Record<string | symbol, unknown> = { shared, again: shared, [sym]: { t: 1 } };
    cyclic.self = cyclic;
    Object.defineProperty(cyclic, 'hidden', { value: hidden, enumerable: false });
    const inMap = { m: 1 };
    const inSet = { n: 1 };
    cyclic.map = new Map([['k', inMap]]);
    cyclic.set = new Set([inSet]);
    deepFreeze(cyclic);
    for (const o of [cyclic, shared, cyclic[sym], hidden, inMap, inSet, cyclic.map])
      assert.ok(Object.isFrozen(o));
  });

  it('leaves primitives, typed arrays and accessors alone', () => {
    assert.equal(deepFreeze(5), 5);
    assert.equal(deepFreeze(null), null);
    const bytes = new Uint8Array([1, 2]);
    const v = deepFreeze({ bytes });
    assert.ok(Object.isFrozen(v));
    assert.ok(!Object.isFrozen(bytes));
    let reads = 0;
    const withGetter = {
      get g() {
        reads++;
        return { x: 1 };
      },
    };
    deepFreeze(withGetter);
    assert.equal(reads, 0);
  });

  it('copes with very deep values without recursion', () => {
    let deep: { next?: unknown } = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) {
      const next = {};
      deep.next = next;
      deep = next;
    }
    deepFreeze(root);
    assert.ok(Object.isFrozen(deep));
  });
});
