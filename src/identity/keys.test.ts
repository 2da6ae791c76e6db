import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  API_KEY_SCANNER_PATTERN,
  apiKeyPrefixOf,
  generateApiKey,
  hasApiKeyShape,
  hashApiKey,
  isValidApiKeyPrefix,
  keyIdOf,
  looksLikeApiKey,
  MAX_API_KEY_LENGTH,
} from './keys.ts';

const KEY_RE = /^gh_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}$/;

describe('API key format', () => {
  test('default key: gh_<32 base62>_<6 base62 checksum>, hash and id derived from it', () => {
    const { key, hash, lookupId } = generateApiKey();
    assert.match(key, KEY_RE);
    assert.equal(hash, `sha256:${createHash('sha256').update(key).digest('hex')}`);
    assert.equal(hashApiKey(key), hash);
    assert.match(lookupId, /^k_[0-9a-f]{16}$/);
    assert.equal(lookupId, keyIdOf(hash));
    assert.equal(looksLikeApiKey(key), true);
    assert.equal(apiKeyPrefixOf(key), 'gh');
  });

  test('configurable prefixes; invalid ones are a TypeError', () => {
    for (const p of ['gh_live', 'acme', 'acme_test_eu', 'x1']) {
      const { key } = generateApiKey(p);
      assert.ok(key.startsWith(`${p}_`), key);
      assert.equal(apiKeyPrefixOf(key), p);
      assert.equal(looksLikeApiKey(key), true);
    }
    for (const p of [
      '',
      'GH',
      '1gh',
      'gh-live',
      'gh_',
      '_gh',
      'gh__x',
      'a_b_c_d_e',
      'a'.repeat(17),
      'gh live',
    ]) {
      assert.equal(isValidApiKeyPrefix(p), false, p);
      assert.throws(() => generateApiKey(p), TypeError, p);
    }
  });

  test('keys are unique and the random part uses the whole base62 alphabet', () => {
    const seen = new Set<string>();
    const chars = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const { key } = generateApiKey();
      assert.equal(seen.has(key), false);
      seen.add(key);
      for (const c of key.slice(3, 35)) chars.add(c);
    }
    assert.equal(chars.size, 62);
  });

  test('every single-character change (case included) fails the checksum', () => {
    const { key } = generateApiKey('gh_live');
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: key.length - 1 }), fc.constantFrom(...alphabet), (i, c) => {
        if (key[i] === c || key[i] === '_') return;
        const altered = key.slice(0, i) + c + key.slice(i + 1);
        assert.equal(looksLikeApiKey(altered), false, altered);
      }),
      { numRuns: 500 },
    );
    // The case-swapped key specifically.
    const swapped = key.replace(/[A-Za-z]/, (ch) =>
      ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase(),
    );
    if (swapped !== key) assert.equal(looksLikeApiKey(swapped), false);
  });

  test('garbage is rejected offline', () => {
    const { key } = generateApiKey();
    for (const s of [
      '',
      'gh',
      key.slice(0, -1),
      `${key}0`,
      ` ${key}`,
      `${key} `,
      key.replaceAll('_', '-'),
      `gh_${'a'.repeat(32)}_000000`,
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig',
      'x'.repeat(10_000),
      `GH${key.slice(2)}`,
    ]) {
      assert.equal(looksLikeApiKey(s), false, s.slice(0, 60));
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        if (looksLikeApiKey(s)) assert.ok(hasApiKeyShape(s));
      }),
    );
  });

  test('hasApiKeyShape ignores the checksum (used to claim Bearer tokens)', () => {
    assert.equal(hasApiKeyShape(`gh_${'a'.repeat(32)}_000000`), true);
    assert.equal(hasApiKeyShape('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig'), false);
    assert.equal(hasApiKeyShape(`${'a'.repeat(MAX_API_KEY_LENGTH)}`), false);
  });

  test('the documented scanner regex finds keys in text and nothing else', () => {
    const a = generateApiKey().key;
    const b = generateApiKey('acme_live').key;
    const text = `config: token=${a}\n"apiKey": "${b}" and noise gh_short_123 ${'z'.repeat(50)}`;
    const found = [...text.matchAll(new RegExp(API_KEY_SCANNER_PATTERN, 'g'))].map((m) => m[0]);
    assert.deepEqual(found, [a, b]);
    const ghOnly = /\bgh(?:_[a-z0-9]{1,16}){0,3}_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}\b/g;
    assert.deepEqual(
      [...text.matchAll(ghOnly)].map((m) => m[0]),
      [a],
    );
  });
});
