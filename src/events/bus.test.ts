import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pino from 'pino';
import { Registry } from 'prom-client';
import { AnomalySchema } from '../anomaly/schema.ts';
import { getConfigValidator } from '../config/load.ts';
import { createEventBus, resolveEventsConfig } from './bus.ts';
import type { SecurityEvent } from './event.ts';
import { EventsSchema } from './schema.ts';

const logger = pino({ level: 'silent' });
const dir = mkdtempSync(join(tmpdir(), 'gh-events-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const until = async (cond: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('events config', () => {
  test('defaults are applied and bad sections refused with a TypeError', () => {
    const c = resolveEventsConfig({ sinks: [{ type: 'http', name: 'h', url: 'http://127.0.0.1:1/' }] });
    assert.equal(c.recent_size, 1000);
    assert.equal(c.mask.enabled, true);
    const s = c.sinks[0];
    assert.equal(s?.type, 'http');
    assert.equal(s?.queue_size, 10_000);
    assert.equal(s?.format, 'ecs');
    assert.equal(s?.mask, undefined, 'a sink without mask inherits the section mask');
    assert.equal(
      resolveEventsConfig({ sinks: [{ type: 'syslog', name: 's', host: 'h', port: 1 }] }).sinks[0]?.format,
      'cef',
    );
    assert.throws(() => resolveEventsConfig({ sinks: [{ type: 'kafka', name: 'k' }] }), TypeError);
    assert.throws(() => resolveEventsConfig({ recent_size: -1 }), TypeError);
    assert.throws(() => resolveEventsConfig({ bogus: 1 }), TypeError);
    assert.throws(
      () =>
        resolveEventsConfig({
          sinks: [
            { type: 'file', name: 'a', path: 'stdout' },
            { type: 'file', name: 'a', path: 'stderr' },
          ],
        }),
      /duplicate sink name/,
    );
    assert.throws(
      () => resolveEventsConfig({ sinks: [{ type: 'http', name: 'h', url: 'ftp://x' }] }),
      TypeError,
    );
    assert.throws(() => createEventBus({ mask: { patterns: ['('] } }, { logger }), TypeError);
  });
});

describe('events schema under the config loader', () => {
  test('compiles with the gateway Ajv; an Ajv-checked, frozen section starts a bus', async () => {
    const validate = getConfigValidator(EventsSchema);
    assert.equal(
      getConfigValidator(AnomalySchema)({ enabled: true, webhook: { url: 'http://127.0.0.1:1/a' } }),
      true,
    );
    const section = {
      mask: { fields: { client_ip: 'hash' } },
      sinks: [
        { type: 'file', name: 'f', path: join(dir, 'ajv.jsonl') },
        { type: 'otlp', name: 'o', url: 'http://127.0.0.1:1', headers: { authorization: 'Bearer x' } },
      ],
    };
    assert.equal(validate(section), true, JSON.stringify(validate.errors));
    assert.equal(validate({ sinks: [{ type: 'syslog', name: 's', host: 'h', port: 70_000 }] }), false);
    assert.equal(validate({ sinks: [{ type: 'file', name: 'f', path: 'stdout', extra: 1 }] }), false);
    // Type-specific fields: required per type, refused on another type (loader and bus agree).
    for (const bad of [
      { type: 'syslog', name: 's', host: 'h' },
      { type: 'http', name: 'h' },
      { type: 'http', name: 'h', url: 'http://x/', facility: 3 },
      { type: 'file', name: 'f', path: 'stdout', headers: { a: 'b' } },
    ]) {
      assert.equal(validate({ sinks: [bad] }), false, JSON.stringify(bad));
      assert.throws(() => resolveEventsConfig({ sinks: [bad] }), TypeError, JSON.stringify(bad));
    }
    const checked = { sinks: [{ type: 'syslog', name: 's', host: 'h', port: 514 }] };
    assert.equal(validate(checked), true);
    assert.equal('facility' in (checked.sinks[0] ?? {}), false, 'no syslog defaults written by the loader');
    assert.equal(resolveEventsConfig(checked).sinks[0]?.format, 'cef');
    const bus = createEventBus(Object.freeze(section), { logger });
    bus.emit('waf_block', { 'client.ip': '198.51.100.1' });
    assert.match(bus.recent()[0]?.client_ip ?? '', /^h:[0-9a-f]{16}$/);
    await bus.close(50);
  });
});

describe('event bus', () => {
  test('recent(): newest first, filters by type, category, since and limit; bounded ring', async () => {
    const bus = createEventBus({ recent_size: 5 }, { logger });
    bus.emit('authentication_failure', { 'event.reason': 'expired', 'client.ip': '10.0.0.1' });
    bus.emit('waf_block', { request_id: 'r1', route: 'api', family: 'xss' });
    bus.emit('rate_limit_warning', {});
    assert.deepEqual(
      bus.recent().map((e) => e.type),
      ['rate_limit_warning', 'waf_block', 'authentication_failure'],
    );
    assert.deepEqual(
      bus.recent({ category: 'waf' }).map((e) => e.reason),
      ['xss'],
    );
    assert.deepEqual(
      bus.recent({ type: ['authentication_failure'] }).map((e) => e.client_ip),
      ['10.0.0.1'],
    );
    assert.equal(bus.recent({ limit: 1 }).length, 1);
    assert.equal(bus.recent({ since: Date.now() + 60_000 }).length, 0);
    assert.equal(bus.recent({ since: new Date(Date.now() - 60_000).toISOString() }).length, 3);
    for (let i = 0; i < 20; i++) bus.emit('rate_limit_warning', { n: i });
    const r = bus.recent({ limit: 100 });
    assert.equal(r.length, 5);
    assert.equal(r[0]?.details.n, 19);
    assert.equal(bus.stats().emitted, 23);
    await bus.close();
  });

  test('a reload carries the recent history over (raw, so hashing is not applied twice)', async () => {
    const mask = { hash_key: 'x'.repeat(16), fields: { client_ip: 'hash' } };
    const old = createEventBus({ mask, recent_size: 10 }, { logger });
    for (let i = 0; i < 3; i++) old.emit('waf_block', { 'client.ip': '192.0.2.1', n: i });
    const before = old.recent();
    await old.close();
    const bus = createEventBus({ mask, recent_size: 2 }, { logger, previous: old });
    assert.deepEqual(
      bus.recent().map((e) => e.details.n),
      [2, 1],
    );
    assert.equal(bus.recent()[0]?.client_ip, before[0]?.client_ip);
    await bus.close();
  });

  test('recent() and subscribers see masked events; a throwing subscriber breaks nothing', async () => {
    const bus = createEventBus({}, { logger });
    const seen: SecurityEvent[] = [];
    const unsubscribe = bus.subscribe((e) => seen.push(e));
    bus.subscribe(() => {
      throw new Error('bad subscriber');
    });
    assert.doesNotThrow(() => bus.emit('authorization_denied', { 'event.reason': 'password=hunter2' }));
    assert.equal(seen[0]?.reason, 'password=[MASKED]');
    assert.equal(bus.recent()[0]?.reason, 'password=[MASKED]');
    unsubscribe();
    bus.emit('authorization_denied', {});
    assert.equal(seen.length, 1);
    assert.equal(bus.stats().errors, 2);
    await bus.close();
    bus.emit('x', {});
    assert.equal(bus.stats().emitted, 2, 'closed bus ignores emits');
  });

  test('file sink: masked JSON lines in the configured format, per-sink filter', async () => {
    const path = join(dir, 'security.jsonl');
    const bus = createEventBus(
      {
        sinks: [
          { type: 'file', name: 'all', path, format: 'ecs', flush_interval_ms: 10 },
          {
            type: 'file',
            name: 'waf-only',
            path: join(dir, 'waf.cef'),
            format: 'cef',
            flush_interval_ms: 10,
            filter: { categories: ['waf'], min_severity: 'high' },
          },
        ],
      },
      { logger },
    );
    bus.emit('authentication_failure', {
      'event.reason': 'invalid key gh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA_AAAAAA for alice@example.com',
    });
    bus.emit('waf_detect', { route: 'api', decision: 'log', family: 'lfi' });
    bus.emit('waf_block', {
      route: 'api',
      decision: 'block',
      family: 'sqli',
      matches: [{ data: 'Bearer abcdefghijkl' }],
    });
    await bus.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    assert.equal(lines.length, 3);
    const first = JSON.parse(lines[0] ?? '');
    assert.equal(first.event.action, 'authentication_failure');
    assert.equal(first.event.reason, 'invalid key [MASKED:api_key] for [MASKED:email]@example.com');
    assert.ok(!lines[2]?.includes('abcdefghijkl'));
    const cef = readFileSync(join(dir, 'waf.cef'), 'utf8').trim().split('\n');
    assert.equal(cef.length, 1);
    assert.match(cef[0] ?? '', /^CEF:0\|Gatehouse\|Gatehouse\|[^|]+\|waf_block\|/);
    assert.equal(bus.stats().sinks.find((s) => s.name === 'all')?.delivered, 3);
  });

  test('metrics: dropped counter per sink, emitted counter per category', async () => {
    const registry = new Registry();
    const bus = createEventBus(
      {
        sinks: [
          {
            type: 'http',
            name: 'dead',
            url: 'http://127.0.0.1:9/',
            queue_size: 3,
            flush_interval_ms: 60_000,
            batch_size: 100,
            timeout_ms: 200,
          },
        ],
      },
      { logger, metrics: { registry } },
    );
    for (let i = 0; i < 10; i++) bus.emit('waf_block', {});
    await until(() => bus.stats().sinks[0]?.dropped === 7);
    const text = await registry.metrics();
    assert.match(text, /gatehouse_security_events_dropped_total\{sink="dead",reason="queue_full"\} 7/);
    assert.match(text, /gatehouse_security_events_total\{category="waf"\} 10/);
    await bus.close();
    // A second bus on the same registry (config reload) reuses the counters.
    const again = createEventBus({}, { logger, metrics: registry });
    await again.close();
  });
});
