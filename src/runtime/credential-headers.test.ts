import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GatewayConfig } from './build.ts';
import { credentialHeaders } from './serve.ts';

test('credentialHeaders finds every key-auth header (global, service, route, consumer), lower-cased', () => {
  const config = {
    policies: { 'key-auth': { header: 'X-Global-Key' } },
    services: [{ policies: { 'key-auth': { header: 'x-svc-key' } } }, { policies: {} }],
    routes: [{ policies: { 'key-auth': { header: 'X-Route-Key' } } }, {}],
    consumers: [{ policies: { 'key-auth': { header: 'x-consumer-key' } } }],
  } as unknown as GatewayConfig;
  assert.deepEqual(credentialHeaders(config).sort(), [
    'x-consumer-key',
    'x-global-key',
    'x-route-key',
    'x-svc-key',
  ]);
  assert.deepEqual(credentialHeaders({ routes: [] } as unknown as GatewayConfig), []);
});
