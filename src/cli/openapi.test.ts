import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { checkConfig } from '../runtime/gateway.ts';
import { openapiCommand, routePath } from './openapi.ts';

const SPEC = new URL('../openapi/fixtures/petstore/openapi.yaml', import.meta.url).pathname;

test('openapi import: one route per operation, extensions mapped, and the config is valid as start checks it', async () => {
  const r = await openapiCommand(['import', SPEC, '--upstream-url', 'http://127.0.0.1:9000', '--port', '0']);
  assert.equal(r.code, 0, r.stderr);
  const config = parse(r.stdout) as {
    upstreams: { name: string; targets: { url: string }[] }[];
    routes: {
      name: string;
      paths: string[];
      methods: string[];
      upstream: string;
      policies: Record<string, unknown>;
    }[];
  };
  assert.deepEqual(config.upstreams, [{ name: 'pets-backend', targets: [{ url: 'http://127.0.0.1:9000' }] }]);
  assert.equal(config.routes.length, 9);
  const list = config.routes.find((x) => x.name === 'listPets')!;
  assert.deepEqual(list.paths, ['/v1/pets']);
  assert.deepEqual(list.methods, ['GET', 'HEAD']);
  assert.deepEqual(list.policies.scopes, { required: ['pets:read'] });
  assert.deepEqual(list.policies['rate-limit'], { limits: [{ limit: 100, period: '1m' }] });
  assert.deepEqual(list.policies.openapi, {
    spec: SPEC,
    base_path: '/v1',
    strict: true,
    reject_unknown_query_params: true,
  });
  assert.deepEqual(config.routes.find((x) => x.name === 'deletePet')?.policies.scopes, {
    required: ['pets:admin'],
  });
  assert.equal(config.routes.find((x) => x.name === 'getPet')?.policies.scopes, undefined);
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-import-'));
  const file = join(dir, 'gatehouse.yaml');
  writeFileSync(file, r.stdout);
  const checked = checkConfig(file, undefined, {});
  assert.equal(checked.ok, true, JSON.stringify(checked.ok ? '' : checked.errors));
});

test('openapi import: usage and spec errors', async () => {
  assert.equal((await openapiCommand([])).code, 2);
  assert.equal((await openapiCommand(['export', SPEC])).code, 2);
  assert.equal((await openapiCommand(['import'])).code, 2);
  assert.equal((await openapiCommand(['import', SPEC, '--bogus', 'x'])).code, 2);
  assert.equal((await openapiCommand(['import', SPEC, '--upstream-url', 'ftp://x'])).code, 2);
  assert.equal((await openapiCommand(['import', SPEC, '--port', '70000'])).code, 2);
  const missing = await openapiCommand(['import', '/nonexistent/openapi.yaml']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /cannot read spec/);
  const lax = await openapiCommand(['import', SPEC, '--lax']);
  assert.match(lax.stdout, /strict: false/);
  assert.equal((await openapiCommand(['help'])).code, 0);
});

test('routePath: whole-segment templates stay, partial segments become an anchored regex', () => {
  assert.equal(routePath('/v1', '/pets/{id}'), '/v1/pets/{id}');
  assert.equal(routePath('', '/'), '/');
  assert.equal(routePath('/v1', '/'), '/v1');
  assert.equal(routePath('/v1', '/a/{id}.json'), '~^/v1/a/[^/]+\\.json$');
});
