import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { boundValue, classify, nextEventId, normalise, stableType } from './event.ts';

describe('normalise', () => {
  test('ECS-style fields (identity/errors.ts) map to the normalised fields', () => {
    const ev = normalise(
      'authentication_failure',
      {
        'event.reason': 'expired',
        'gatehouse.auth.method': 'jwt-auth',
        'client.ip': '203.0.113.9',
        'http.request.id': 'r-1',
        'gatehouse.route': 'orders',
        'gatehouse.consumer.id': 'acme',
      },
      Date.UTC(2026, 0, 2, 3, 4, 5, 6),
    );
    assert.equal(ev.type, 'authentication_failure');
    assert.equal(ev.category, 'authentication');
    assert.equal(ev.severity, 'medium');
    assert.equal(ev.reason, 'expired');
    assert.equal(ev.client_ip, '203.0.113.9');
    assert.equal(ev.request_id, 'r-1');
    assert.equal(ev.route, 'orders');
    assert.equal(ev.consumer, 'acme');
    assert.equal(ev.time, '2026-01-02T03:04:05.006Z');
    assert.deepEqual(ev.details, { 'auth.method': 'jwt-auth' });
  });

  test('WAF snake-case fields map to the same normalised fields', () => {
    const ev = normalise('waf_block', {
      request_id: 'r-2',
      route: 'api',
      decision: 'block',
      family: 'sqli',
      rule_ids: [942100],
    });
    assert.equal(ev.category, 'waf');
    assert.equal(ev.severity, 'high');
    assert.equal(ev.reason, 'sqli');
    assert.equal(ev.request_id, 'r-2');
    assert.equal(ev.route, 'api');
    assert.equal(ev.policy, 'waf');
    assert.deepEqual(ev.details, { decision: 'block', family: 'sqli', rule_ids: [942100] });
  });

  test('every built-in policy event type gets its category', () => {
    const expected: Record<string, string> = {
      authentication_failure: 'authentication',
      authorization_denied: 'authorization',
      auth_blocked: 'ban',
      auth_block_started: 'ban',
      waf_block: 'waf',
      waf_detect: 'waf',
      rate_limit_ban: 'ban',
      rate_limit_warning: 'rate_limit',
      rate_limit_store_unavailable: 'system',
      rate_limit_store_recovered: 'system',
      'ip.denied': 'authorization',
      quota_exceeded: 'quota',
      bot_detected: 'bot',
      request_validation_failed: 'validation',
      openapi_request_invalid: 'validation',
      openapi_response_invalid: 'validation',
      payload_rejected: 'validation',
      graphql_rejected: 'validation',
      credential_stuffing: 'bot',
      bot_block: 'bot',
      bot_challenge: 'bot',
      bot_tag: 'bot',
      anomaly_action: 'anomaly',
      config_admin_action: 'config',
      config_reloaded: 'config',
      anomaly_detected: 'anomaly',
      something_else: 'system',
    };
    for (const [type, category] of Object.entries(expected)) {
      assert.equal(normalise(type, {}).category, category, type);
    }
  });

  test('every event type the source emits has a category other than system (except the store health ones)', () => {
    const root = join(import.meta.dirname, '..');
    const types = new Set<string>();
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/\bevent\(\s*'([a-z_]+)'|report\(rt, ctx, '([a-z_]+)'/g))
        types.add(m[1] ?? m[2] ?? '');
    }
    assert.ok(types.size >= 15, [...types].join(' '));
    for (const type of types) {
      if (type.startsWith('rate_limit_store_')) continue;
      assert.notEqual(normalise(type, {}).category, 'system', type);
    }
  });

  test('types are stable machine names', () => {
    assert.equal(stableType('WAF Block!'), 'waf_block');
    assert.equal(stableType('ip.denied'), 'ip.denied');
    assert.equal(stableType('   '), 'unknown');
    assert.equal(stableType('x'.repeat(200)).length, 64);
    assert.equal(classify('waf_detect').severity, 'medium');
  });

  test('explicit severity and category are honoured only when valid', () => {
    assert.equal(normalise('x', { 'event.severity': 'critical' }).severity, 'critical');
    assert.equal(normalise('x', { severity: 'bogus' }).severity, 'low');
    assert.equal(normalise('x', { 'event.category': 'bot' }).category, 'bot');
    assert.equal(normalise('x', { category: 'nope' }).category, 'system');
  });

  test('hostile input is bounded and never throws', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const many: Record<string, number> = {};
    for (let i = 0; i < 1000; i++) many[`k${i}`] = i;
    const ev = normalise('t', {
      cyclic,
      many,
      long: 'y'.repeat(100_000),
      arr: new Array(1000).fill(1),
      fn: () => 1,
      big: 10n,
      when: new Date(0),
      err: new Error('boom'),
    });
    assert.ok(JSON.stringify(ev).length < 20_000);
    assert.equal((ev.details.arr as unknown[]).length, 64);
    assert.equal(Object.keys(ev.details.many as object).length, 64);
    assert.equal(ev.details.fn, undefined);
    assert.equal(ev.details.big, '10');
    assert.equal(ev.details.when, '1970-01-01T00:00:00.000Z');
    assert.deepEqual(ev.details.err, { name: 'Error', message: 'boom' });
    assert.doesNotThrow(() => normalise(42 as unknown as string, null as unknown as Record<string, unknown>));
    assert.equal(boundValue(Symbol('s')), undefined);
  });

  test('ids are unique', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => nextEventId()));
    assert.equal(ids.size, 10_000);
  });
});
