import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  audienceMatches,
  claimHeaderValue,
  critAcceptable,
  normaliseTyp,
  parseCompactJws,
  scopesOf,
  timeClaims,
} from './token.ts';

const seg = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const H = seg({ alg: 'RS256' });
const P = seg({ sub: 'a' });

describe('parseCompactJws', () => {
  test('three base64url segments with JSON objects', () => {
    const j = parseCompactJws(`${H}.${P}.c2ln`);
    assert.deepEqual(j, { header: { alg: 'RS256' }, payload: { sub: 'a' }, signature: 'c2ln' });
    assert.equal(parseCompactJws(`${H}.${P}.`)?.signature, '', 'an empty signature parses (refused later)');
  });

  test('anything else is undefined', () => {
    for (const t of [
      '',
      '.',
      '..',
      `${H}.${P}`,
      `${H}.${P}.a.b`,
      `.${P}.x`,
      `${H}..x`,
      `${H}+.${P}.x`,
      `${H}.${P}.x/`,
      `${H}.${P}.x=`,
      `${H}.${P}.A`,
      `${seg('[1]')}.${P}.x`,
      `${seg('null')}.${P}.x`,
      `${seg('{')}.${P}.x`,
      `${H}.${seg('"s"')}.x`,
      `${H}.${seg('1')}.x`,
      `${H}.${Buffer.from([0xc3, 0x28]).toString('base64url')}.x`,
      `${H.slice(0, 1)}.${P}.x`,
    ]) {
      assert.equal(parseCompactJws(t), undefined, t);
    }
  });

  test('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = parseCompactJws(s);
        if (r !== undefined) assert.equal(typeof r.header, 'object');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('claim helpers', () => {
  test('normaliseTyp ignores case and the application/ prefix', () => {
    assert.equal(normaliseTyp('application/AT+JWT'), 'at+jwt');
    assert.equal(normaliseTyp('JWT'), 'jwt');
  });

  test('critAcceptable', () => {
    const ok = new Set(['x']);
    assert.equal(critAcceptable({}, ok), true);
    assert.equal(critAcceptable({ crit: ['x'], x: 1 }, ok), true);
    assert.equal(critAcceptable({ crit: ['x'] }, ok), false, 'named but absent');
    assert.equal(critAcceptable({ crit: ['y'], y: 1 }, ok), false, 'not understood');
    assert.equal(critAcceptable({ crit: [], x: 1 }, ok), false, 'empty');
    assert.equal(critAcceptable({ crit: ['x', 'x'], x: 1 }, ok), false, 'duplicate');
    assert.equal(critAcceptable({ crit: 'x', x: 1 }, ok), false, 'not an array');
  });

  test('timeClaims requires finite numbers', () => {
    assert.deepEqual(timeClaims({ exp: 5, iat: 1.5 }), { exp: 5, nbf: undefined, iat: 1.5 });
    for (const bad of [{ exp: '5' }, { nbf: null }, { iat: Number.NaN }, { exp: [1] }]) {
      assert.equal(timeClaims(bad), undefined, JSON.stringify(bad));
    }
  });

  test('audienceMatches', () => {
    const acc = new Set(['a']);
    assert.equal(audienceMatches('a', acc), true);
    assert.equal(audienceMatches(['x', 'a'], acc), true);
    assert.equal(audienceMatches(['x'], acc), false);
    assert.equal(audienceMatches(undefined, acc), false);
    assert.equal(audienceMatches({ a: 1 }, acc), false);
  });

  test('claimHeaderValue only yields printable ASCII within the bound', () => {
    assert.equal(claimHeaderValue('x y', 10), 'x y');
    assert.equal(claimHeaderValue(['a', 1, false], 10), 'a,1,false');
    for (const bad of ['a\r\nb', 'a\nb', 'a\u0000b', 'é', 'x'.repeat(11), { a: 1 }, [{}], null, undefined]) {
      assert.equal(claimHeaderValue(bad, 10), undefined, JSON.stringify(bad));
    }
  });

  test('scopesOf reads scope, then scp', () => {
    assert.deepEqual(scopesOf({ scope: ' a  b ' }), ['a', 'b']);
    assert.deepEqual(scopesOf({ scp: ['a', 1, ''] }), ['a']);
    assert.deepEqual(scopesOf({ scp: 'a b' }), ['a', 'b']);
    assert.deepEqual(scopesOf({}), []);
  });
});
