import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mediaType, mediaTypeMatcher } from './guard.ts';

test('mediaType: lower-case, parameters dropped, malformed values give an empty string', () => {
  assert.equal(mediaType('Application/JSON ; charset=utf-8'), 'application/json');
  assert.equal(mediaType('text/xml'), 'text/xml');
  for (const bad of ['', 'json', '/json', 'application/', 'a/b/c', ';a/b'])
    assert.equal(mediaType(bad), '', bad);
});

test('mediaTypeMatcher: exact, type/* and type/*+suffix ranges', () => {
  const m = mediaTypeMatcher(['application/json', 'text/*', 'application/*+xml']);
  for (const ok of ['application/json', 'text/plain', 'application/soap+xml', 'application/a.b+c+xml']) {
    assert.equal(m(ok), true, ok);
  }
  for (const no of [
    '',
    'application/jsonx',
    'application/xml',
    'application/xml+json',
    'image/svg+xml',
    'texts/plain',
  ]) {
    assert.equal(m(no), false, no);
  }
  assert.throws(() => mediaTypeMatcher(['json']), TypeError);
});
