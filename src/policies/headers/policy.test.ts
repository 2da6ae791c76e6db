import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fakeRequestContext, fakeResponseContext, instantiate, schemaFixtureSuite } from '../testing.ts';
import { policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

describe('headers: request side', () => {
  test('remove, rename, set, add in that order on the upstream headers', () => {
    const instance = instantiate(policy, {
      request: {
        remove: ['x-internal-*', 'X-Debug'],
        rename: { 'x-old': 'x-new' },
        set: { 'X-Env': 'prod', 'x-new': 'overridden-by-set' },
        add: { 'x-added': 'yes', 'x-present': 'ignored' },
      },
    });
    assert.equal(instance.onResponse, undefined, 'no response hook when nothing is configured for responses');
    const ctx = fakeRequestContext({
      headers: {
        'x-internal-user': 'root',
        'x-internal-': 'x',
        'x-internals': 'kept (prefix is x-internal-)',
        'x-debug': '1',
        'x-old': 'v',
        'x-env': 'dev',
        'x-present': 'original',
      },
    });
    instance.onRequest!(ctx);
    const h = ctx.upstreamHeaders;
    assert.equal(h['x-internal-user'], undefined);
    assert.equal(h['x-internal-'], undefined);
    assert.equal(h['x-internals'], 'kept (prefix is x-internal-)');
    assert.equal(h['x-debug'], undefined);
    assert.equal(h['x-old'], undefined);
    assert.equal(h['x-new'], 'overridden-by-set');
    assert.equal(h['x-env'], 'prod');
    assert.equal(h['x-added'], 'yes');
    assert.equal(h['x-present'], 'original');
    assert.equal(h.host, 'gateway.test', 'unrelated headers untouched');
    assert.equal(ctx.headers['x-debug'], '1', 'incoming headers are never mutated');
  });

  test('rename moves multi-valued headers and replaces an existing target', () => {
    const instance = instantiate(policy, { request: { rename: { 'x-a': 'x-b' } } });
    const ctx = fakeRequestContext({ upstreamHeaders: { 'x-a': ['1', '2'], 'x-b': 'old' } });
    instance.onRequest!(ctx);
    assert.deepEqual(ctx.upstreamHeaders, { 'x-b': ['1', '2'] });
  });

  test('wildcard removal never strips protected headers even when the prefix matches', () => {
    const instance = instantiate(policy, { request: { remove: ['c*', 'h*', 't*'] } });
    const ctx = fakeRequestContext({
      upstreamHeaders: {
        host: 'a.test',
        'content-length': '3',
        connection: 'keep-alive',
        'transfer-encoding': 'chunked',
        'content-type': 'text/plain',
        cookie: 'a=1',
        trace: 'x',
      },
    });
    instance.onRequest!(ctx);
    assert.deepEqual(Object.keys(ctx.upstreamHeaders).sort(), [
      'connection',
      'content-length',
      'host',
      'transfer-encoding',
    ]);
  });
});

describe('headers: response side', () => {
  test('applies to upstream and local responses', () => {
    const instance = instantiate(policy, {
      response: { add: { 'x-content-type-options': 'nosniff' }, remove: ['server', 'x-powered-*'] },
    });
    assert.equal(instance.onRequest, undefined);
    for (const local of [false, true]) {
      const ctx = fakeResponseContext({
        local,
        responseHeaders: {
          server: 'nginx',
          'x-powered-by': 'php',
          'x-powered-by-2': 'x',
          'content-type': 'text/html',
        },
      });
      instance.onResponse!(ctx);
      assert.deepEqual(ctx.responseHeaders, {
        'content-type': 'text/html',
        'x-content-type-options': 'nosniff',
      });
    }
  });

  test('add keeps an upstream value, set replaces it', () => {
    const instance = instantiate(policy, {
      response: { add: { 'cache-control': 'no-store' }, set: { 'x-frame-options': 'DENY' } },
    });
    const ctx = fakeResponseContext({
      responseHeaders: { 'cache-control': 'max-age=60', 'x-frame-options': 'SAMEORIGIN' },
    });
    instance.onResponse!(ctx);
    assert.equal(ctx.responseHeaders['cache-control'], 'max-age=60');
    assert.equal(ctx.responseHeaders['x-frame-options'], 'DENY');
  });
});

describe('headers: hostile config is refused at create()', () => {
  const cases: [string, unknown][] = [
    ['CRLF in value', { request: { set: { 'x-a': 'v\r\nx-evil: 1' } } }],
    ['bare LF in value', { response: { add: { 'x-a': 'v\nx' } } }],
    ['NUL in value', { request: { set: { 'x-a': 'v\u0000' } } }],
    ['other control char', { request: { set: { 'x-a': 'v\u0007' } } }],
    ['DEL', { request: { set: { 'x-a': 'v\u007f' } } }],
    ['non-latin1 value', { request: { set: { 'x-a': 'snow\u2603' } } }],
    ['leading whitespace', { request: { set: { 'x-a': ' v' } } }],
    ['trailing tab', { request: { set: { 'x-a': 'v\t' } } }],
    ['huge value', { request: { set: { 'x-a': 'v'.repeat(9000) } } }],
    ['space in name', { request: { set: { 'x a': 'v' } } }],
    ['colon in name', { request: { set: { ':authority': 'v' } } }],
    ['empty name', { request: { set: { '': 'v' } } }],
    ['connection', { request: { set: { Connection: 'close' } } }],
    ['keep-alive', { request: { add: { 'keep-alive': 'timeout=5' } } }],
    ['transfer-encoding', { response: { set: { 'transfer-encoding': 'chunked' } } }],
    ['te', { request: { set: { te: 'trailers' } } }],
    ['upgrade', { request: { add: { upgrade: 'websocket' } } }],
    ['proxy-connection', { request: { set: { 'proxy-connection': 'x' } } }],
    ['trailer', { response: { add: { trailer: 'x' } } }],
    ['host', { request: { set: { Host: 'evil.test' } } }],
    ['content-length', { response: { set: { 'content-length': '0' } } }],
    ['remove host', { request: { remove: ['host'] } }],
    ['remove content-length', { response: { remove: ['Content-Length'] } }],
    ['rename to host', { request: { rename: { 'x-host': 'host' } } }],
    ['rename from transfer-encoding', { request: { rename: { 'transfer-encoding': 'x-te' } } }],
    ['bare * removal', { request: { remove: ['*'] } }],
    ['* in the middle of a removal', { request: { remove: ['x-*-internal'] } }],
    ['rename chain', { request: { rename: { 'x-a': 'x-b', 'x-b': 'x-c' } } }],
    ['rename to itself', { request: { rename: { 'x-a': 'X-A' } } }],
    ['add and set the same name', { request: { add: { 'x-a': '1' }, set: { 'X-A': '2' } } }],
    ['duplicate after lower-casing', { request: { set: { 'x-a': '1', 'X-A': '2' } } }],
    ['nothing to do', {}],
  ];
  for (const [label, config] of cases) {
    test(label, () => {
      // Bypass schema validation so create() itself is exercised (defense in depth).
      const full = {
        request: {
          add: {},
          set: {},
          remove: [],
          rename: {},
          ...((config as { request?: object }).request ?? {}),
        },
        response: {
          add: {},
          set: {},
          remove: [],
          rename: {},
          ...((config as { response?: object }).response ?? {}),
        },
      };
      assert.throws(() => policy.create(full as never, undefined as never), TypeError);
    });
  }

  test('valid values with obs-text and tabs inside are accepted', () => {
    assert.doesNotThrow(() => instantiate(policy, { response: { set: { 'x-a': 'caf\u00e9\tok' } } }));
  });
});
