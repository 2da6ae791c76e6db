import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { configUsesPolicy } from './serve.ts';

describe('configUsesPolicy', () => {
  test('finds a policy attached globally, to a service or to a route', () => {
    assert.equal(configUsesPolicy({ policies: { waf: {} } }, 'waf'), true);
    assert.equal(configUsesPolicy({ services: [{ policies: { waf: {} } }] }, 'waf'), true);
    assert.equal(
      configUsesPolicy(
        { routes: [{ name: 'a', policies: { 'rate-limit': {} } }, { policies: { waf: {} } }] },
        'waf',
      ),
      true,
    );
  });
  test('is false when no policies map names it (a route named waf does not count)', () => {
    assert.equal(configUsesPolicy({ routes: [{ name: 'waf', policies: { cors: {} } }] }, 'waf'), false);
    assert.equal(configUsesPolicy({}, 'waf'), false);
  });
});
