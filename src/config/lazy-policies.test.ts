import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinPolicies } from '../policies/index.ts';
import { formatConfigErrors } from './errors.ts';
import { loadGatewayConfigText } from './index.ts';

const TEXT = `gatehouse: 1
listeners:
  - { name: main, host: 127.0.0.1, port: 8080 }
upstreams:
  - name: backend
    targets: [{ url: "http://127.0.0.1:9" }]
routes:
  - name: api
    paths: ["/*"]
    upstream: backend
    policies:
      rate-limit:
        limits: [{ name: s, limit: -5, period: 1s }]
        bogus: 1
      cors: { allow_origins: "x" }
      nosuch: {}
policies:
  key-auth: { header: 5 }
`;

test('policy configs are validated by lazily compiled validators with exact positions, paths and types', () => {
  const r = loadGatewayConfigText(TEXT, 'gw.yaml', {}, builtinPolicies);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(
    formatConfigErrors(r.errors),
    [
      'gw.yaml:13:36 routes[0].policies.rate-limit.limits[0].limit: must be >= 1',
      'gw.yaml:14:9 routes[0].policies.rate-limit.bogus: unknown key "bogus"',
      'gw.yaml:15:30 routes[0].policies.cors.allow_origins: must be a list, got a string',
      'gw.yaml:16:7 routes[0].policies.nosuch: unknown key "nosuch"',
      'gw.yaml:18:23 policies.key-auth.header: must be a string, got an integer',
    ].join('\n'),
  );
});

test('defaults inside a lazily validated policy are filled in', () => {
  const ok = TEXT.replace('limit: -5', 'limit: 5')
    .replace('        bogus: 1\n', '')
    .replace('      cors: { allow_origins: "x" }\n      nosuch: {}\n', '')
    .replace('  key-auth: { header: 5 }', '  key-auth: {}');
  const r = loadGatewayConfigText(ok, 'gw.yaml', {}, builtinPolicies);
  assert.ok(r.ok, r.ok ? '' : formatConfigErrors(r.errors));
  const cfg = r.value.config as unknown as {
    policies: { 'key-auth': { header: string } };
    routes: Array<{ policies: { 'rate-limit': { mode: string } } }>;
  };
  assert.equal(cfg.policies['key-auth'].header, 'x-api-key');
  assert.equal(cfg.routes[0]!.policies['rate-limit'].mode, 'enforce');
});
