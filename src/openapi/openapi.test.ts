import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  type CompiledApi,
  type CompiledOperation,
  compileSpec,
  compileSpecCached,
  issuesOf,
  safeSegment,
} from './compile.ts';
import { recordShadow, resetShadowInventory, shadowInventory } from './inventory.ts';
import { loadSpec } from './load.ts';
import { compilePattern, PatternError } from './regexp.ts';
import { checkResponseHead, filterResponseBody } from './response.ts';
import { jsonDepthExceeds, validateBody, validateParams } from './validate.ts';

const PETSTORE = new URL('./fixtures/petstore/openapi.yaml', import.meta.url).pathname;
const PETS31 = new URL('./fixtures/pets-3.1.yaml', import.meta.url).pathname;
const api = compileSpec(PETSTORE);
const api31 = compileSpec(PETS31);

function op(
  a: CompiledApi,
  method: string,
  path: string,
): { op: CompiledOperation; segments: Record<string, string> } {
  const m = a.match(method, path);
  assert.equal(m.kind, 'match', `${method} ${path}`);
  if (m.kind !== 'match') throw new Error('unreachable');
  return { op: m.op, segments: { ...m.segments } };
}

function params(method: string, path: string, query = '', headers: Record<string, string> = {}) {
  const m = op(api, method, path);
  return validateParams(m.op, m.segments, query, headers);
}

function body(method: string, path: string, mt: string, value: unknown, a: CompiledApi = api) {
  const m = op(a, method, path);
  const raw = typeof value === 'string' ? value : JSON.stringify(value);
  return validateBody(m.op, mt, Buffer.from(raw));
}

function pointers(r: { issues?: { pointer: string; keyword: string }[] } | { kind: string }): string[] {
  const issues = 'issues' in r ? (r.issues ?? []) : [];
  return issues.map((i) => `${i.pointer} ${i.keyword}`);
}

const PET = { name: 'Rex', kind: { petType: 'dog', barks: true }, owner: { email: 'ann@example.test' } };
const TMP = mkdtempSync(join(tmpdir(), 'gatehouse-openapi-'));

function specDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(TMP, 'spec-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const MINIMAL = (schema: string) => `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /x:
    post:
      requestBody:
        content:
          application/json:
            schema: ${schema}
      responses: { '200': { description: ok } }
`;

describe('openapi loader', () => {
  test('loads 3.0 (YAML) with refs into a file next to it, and 3.1', () => {
    const spec = loadSpec(PETSTORE);
    assert.equal(spec.version, '3.0');
    assert.equal(api.basePaths[0], '/v1');
    assert.equal(api.operations.length, 9);
    assert.equal(loadSpec(PETS31).version, '3.1');
  });

  test('compileSpecCached compiles a spec once per file version and options', () => {
    const a = compileSpecCached(PETSTORE);
    assert.equal(compileSpecCached(PETSTORE), a);
    assert.notEqual(compileSpecCached(PETSTORE, { basePath: '/v2' }), a);
    assert.equal(compileSpecCached(PETSTORE, { basePath: '/v2' }).match('GET', '/v2/pets').kind, 'match');
    // A change to a referenced file (not only the entry file) invalidates the cached compile.
    const dir = specDir({
      'api.yaml': MINIMAL(`{ $ref: 'schemas.yaml#/X' }`),
      'schemas.yaml': 'X: { type: string }\n',
    });
    const first = compileSpecCached(join(dir, 'api.yaml'));
    assert.equal(compileSpecCached(join(dir, 'api.yaml')), first);
    writeFileSync(join(dir, 'schemas.yaml'), 'X: { type: integer }\n# changed\n');
    const second = compileSpecCached(join(dir, 'api.yaml'));
    assert.notEqual(second, first);
    assert.equal(validateBody(op(second, 'POST', '/x').op, 'application/json', Buffer.from('1')).kind, 'ok');
  });

  test('JSON specs load too', () => {
    const dir = specDir({
      'api.json': JSON.stringify({
        openapi: '3.1.0',
        info: { title: 't', version: '1' },
        paths: { '/a': { get: { responses: {} } } },
      }),
    });
    assert.equal(compileSpec(join(dir, 'api.json')).match('GET', '/a').kind, 'match');
  });

  test('refuses http(s) refs, refs escaping the spec directory, absolute paths and unknown versions', () => {
    const dir = specDir({
      'remote.yaml': MINIMAL(`{ $ref: 'https://evil.test/schema.yaml#/X' }`),
      'proto.yaml': MINIMAL(`{ $ref: '//evil.test/schema.yaml' }`),
      'escape.yaml': MINIMAL(`{ $ref: '../outside.yaml#/X' }`),
      'abs.yaml': MINIMAL(`{ $ref: '/etc/passwd' }`),
      'missing.yaml': MINIMAL(`{ $ref: '#/components/schemas/Nope' }`),
      'v2.yaml': 'swagger: "2.0"\n',
    });
    writeFileSync(join(dir, '..', 'outside.yaml'), 'X: { type: string }\n');
    assert.throws(() => compileSpec(join(dir, 'remote.yaml')), /remote \$ref .* refused/);
    assert.throws(() => compileSpec(join(dir, 'proto.yaml')), /remote \$ref/);
    assert.throws(() => compileSpec(join(dir, 'escape.yaml')), /leaves the spec directory/);
    assert.throws(() => compileSpec(join(dir, 'abs.yaml')), /leaves the spec directory|not found/);
    assert.throws(() => compileSpec(join(dir, 'missing.yaml')), /points nowhere/);
    assert.throws(() => compileSpec(join(dir, 'v2.yaml')), /unsupported "openapi" version/);
    assert.throws(() => compileSpec(join(dir, 'none.yaml')), TypeError);
  });

  test('a pattern RE2 cannot compile is a config error naming the operation', () => {
    const dir = specDir({ 'api.yaml': MINIMAL(`{ type: string, pattern: '^(a)\\1$' }`) });
    assert.throws(
      () => compileSpec(join(dir, 'api.yaml')),
      (err: Error) => {
        assert.ok(err instanceof TypeError);
        assert.match(err.message, /RE2 syntax only/);
        assert.match(err.message, /POST \/x/);
        return true;
      },
    );
    const look = specDir({ 'api.yaml': MINIMAL(`{ type: object, patternProperties: { '^(?=a)': {} } }`) });
    assert.throws(() => compileSpec(join(look, 'api.yaml')), /RE2 syntax only/);
  });

  test('recursive schemas compile (Owner.friends → Owner)', () => {
    const r = body('POST', '/v1/pets', 'application/json', {
      ...PET,
      owner: { email: 'a@b.test', friends: [{ email: 'c@d.test', friends: [{ email: 'nope' }] }] },
    });
    assert.deepEqual(pointers(r), ['/body/owner/friends/0/friends/0/email format']);
  });
});

describe('regular expressions run on RE2 (linear time)', () => {
  test('a catastrophic-backtracking pattern stays linear', () => {
    assert.throws(() => compilePattern('(?<=a)b'), PatternError);
    const dir = specDir({ 'api.yaml': MINIMAL(`{ type: string, pattern: '^(a+)+$' }`) });
    const a = compileSpec(join(dir, 'api.yaml'));
    const m = op(a, 'POST', '/x');
    const time = (n: number) => {
      const payload = JSON.stringify(`${'a'.repeat(n)}!`);
      const t0 = performance.now();
      const r = validateBody(m.op, 'application/json', Buffer.from(payload));
      assert.equal(r.kind, 'invalid');
      return performance.now() - t0;
    };
    time(1000);
    const small = Math.max(time(5_000), 0.05);
    const big = time(50_000);
    // Backtracking would take ~2^n steps; RE2 grows linearly (10x input → far below 100x time).
    assert.ok(big < small * 60 + 50, `5k: ${small.toFixed(2)} ms, 50k: ${big.toFixed(2)} ms`);
  });
});

describe('parameters', () => {
  test('query form/explode arrays, form explode=false, pipeDelimited, spaceDelimited, deepObject: valid', () => {
    const r = params(
      'GET',
      '/v1/pets',
      'limit=10&cursor=abc%3D&tags=a&tags=b&status=available,sold&ids=1|2|3&names=rex%20fido&filter[minAge]=1&filter[kind]=cat',
    );
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.unknownQuery, []);
  });

  test('query: each style reports its failing pointer and keyword', () => {
    assert.deepEqual(pointers(params('GET', '/v1/pets', 'limit=0')), ['/query/limit minimum']);
    assert.deepEqual(pointers(params('GET', '/v1/pets', 'limit=ten')), ['/query/limit type']);
    assert.deepEqual(pointers(params('GET', '/v1/pets', 'limit=1&limit=2')), ['/query/limit type']);
    assert.deepEqual(pointers(params('GET', '/v1/pets', 'tags=a&tags=B')), ['/query/tags/1 pattern']);
    assert.deepEqual(pointers(params('GET', '/v1/pets', 'tags=a&tags=b&tags=c&tags=d&tags=e&tags=f')), [
      '/query/tags maxItems',
    ]);
    assert.deepEqual(pointers(params('GET', '/v1/pets', 'status=available,lost')), ['/query/status/1 enum']);
    assert.deepEqual(pointers(params('GET', '/v1/pets', 'ids=1|x|0')), [
      '/query/ids/1 type',
      '/query/ids/2 minimum',
    ]);
    assert.deepEqual(pointers(params('GET', '/v1/pets', `names=a+${'b'.repeat(40)}`)), [
      '/query/names/1 maxLength',
    ]);
    assert.deepEqual(pointers(params('GET', '/v1/pets', 'filter[maxAge]=99&filter[kind]=bird')), [
      '/query/filter/maxAge maximum',
      '/query/filter/kind enum',
    ]);
    assert.deepEqual(pointers(params('GET', '/v1/pets', 'filter[evil]=1')), [
      '/query/filter/evil additionalProperties',
    ]);
    assert.deepEqual(pointers(params('GET', '/v1/pets', 'filter[a][b][c][d][e][f][g][h][i]=1')), [
      '/query style',
    ]);
    assert.deepEqual(pointers(params('GET', '/v1/pets', 'cursor=%E0%A4%A')), ['/query encoding']);
  });

  test('undeclared query parameters are listed (unsafe names as *)', () => {
    const r = params('GET', '/v1/pets', 'debug=1&%3Cscript%3E=1&limit=5');
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.unknownQuery, ['debug', '*']);
  });

  test('form explode object claims its declared properties', () => {
    assert.deepEqual(
      pointers(params('GET', '/v1/pets/3', 'name=x&detail=long', { 'x-api-version': '1' })),
      [],
    );
    assert.deepEqual(pointers(params('GET', '/v1/pets/3', 'detail=huge', { 'x-api-version': '1' })), [
      '/query/fields/detail enum',
    ]);
  });

  test('path (simple, label, matrix, prefix/suffix template) and literal-before-template matching', () => {
    assert.deepEqual(pointers(params('GET', '/v1/pets/12', '', { 'x-api-version': '2' })), []);
    assert.deepEqual(pointers(params('GET', '/v1/pets/0', '', { 'x-api-version': '2' })), [
      '/path/petId minimum',
    ]);
    assert.deepEqual(pointers(params('GET', '/v1/pets/abc', '', { 'x-api-version': '2' })), [
      '/path/petId type',
    ]);
    assert.equal(op(api, 'GET', '/v1/pets/mine').op.operationId, 'listMyPets');
    assert.deepEqual(pointers(params('GET', '/v1/pets/1/photos/.abcdef01/image.png')), []);
    assert.deepEqual(pointers(params('GET', '/v1/pets/1/photos/abcdef01/image.png')), [
      '/path/photoId style',
    ]);
    assert.deepEqual(pointers(params('GET', '/v1/pets/1/photos/.ABCDEF01/image.gif')), [
      '/path/photoId pattern',
      '/path/format enum',
    ]);
    assert.deepEqual(pointers(params('GET', '/v1/coords/;lat=45.5;lon=-3')), []);
    assert.deepEqual(pointers(params('GET', '/v1/coords/;lat=95;lon=x')), [
      '/path/point/lat maximum',
      '/path/point/lon type',
    ]);
    assert.deepEqual(pointers(params('GET', '/v1/coords/;lat=1')), ['/path/point/lon required']);
  });

  test('header parameters: required, enum, format', () => {
    assert.deepEqual(pointers(params('GET', '/v1/pets/1')), ['/header/x-api-version required']);
    assert.deepEqual(pointers(params('GET', '/v1/pets/1', '', { 'x-api-version': '3' })), [
      '/header/x-api-version enum',
    ]);
    assert.deepEqual(pointers(params('GET', '/v1/pets', '', { 'x-request-trace': 'nope' })), [
      '/header/x-request-trace format',
    ]);
    assert.deepEqual(
      pointers(params('GET', '/v1/pets', '', { 'x-request-trace': '0b7f3c2e-6f1a-4c3e-9a57-1b2c3d4e5f60' })),
      [],
    );
  });

  test('cookie parameters: required, pattern, form explode=false arrays', () => {
    const ok = { cookie: 'other=1; session=abcdefghijklmnop_1; prefs=compact,dark' };
    assert.deepEqual(pointers(params('GET', '/v1/pets/mine', '', ok)), []);
    assert.deepEqual(pointers(params('GET', '/v1/pets/mine', '', {})), ['/cookie/session required']);
    assert.deepEqual(
      pointers(params('GET', '/v1/pets/mine', '', { cookie: 'session=short; prefs=compact,neon' })),
      ['/cookie/session pattern', '/cookie/prefs/1 enum'],
    );
  });
});

describe('bodies', () => {
  test('JSON: valid pet; nested, discriminator, nullable, exclusiveMinimum (3.0 boolean form)', () => {
    assert.equal(
      body('POST', '/v1/pets', 'application/json', { ...PET, tag: null, weightKg: 3.5 }).kind,
      'ok',
    );
    assert.deepEqual(pointers(body('POST', '/v1/pets', 'application/json', { ...PET, weightKg: 0 })), [
      '/body/weightKg exclusiveMinimum',
    ]);
    assert.deepEqual(
      pointers(
        body('POST', '/v1/pets', 'application/json', { ...PET, kind: { petType: 'dog', barks: 'loud' } }),
      ),
      ['/body/kind/barks type'],
    );
    assert.deepEqual(
      pointers(
        body('POST', '/v1/pets', 'application/json', { ...PET, kind: { petType: 'cat', barks: true } }),
      ),
      ['/body/kind/indoor required'],
    );
    assert.deepEqual(
      pointers(body('POST', '/v1/pets', 'application/json', { ...PET, kind: { petType: 'cow' } })),
      ['/body/kind/petType enum'],
    );
    assert.deepEqual(
      pointers(
        body('POST', '/v1/pets', 'application/json', {
          ...PET,
          owner: { email: 'x@y.test', address: { postcode: '1234' } },
        }),
      ),
      ['/body/owner/address/postcode pattern'],
    );
    assert.deepEqual(pointers(body('POST', '/v1/pets', 'application/json', { name: '<b>' })), [
      '/body/kind required',
      '/body/owner required',
      '/body/name pattern',
    ]);
  });

  test('readOnly properties in a request are refused; writeOnly accepted', () => {
    assert.deepEqual(
      pointers(body('POST', '/v1/pets', 'application/json', { ...PET, id: 7, createdAt: 'x' })),
      ['/body/id readOnly', '/body/createdAt readOnly'],
    );
    assert.equal(
      body('POST', '/v1/pets', 'application/json', { ...PET, microchipSecret: '12345678' }).kind,
      'ok',
    );
  });

  test('malformed JSON, missing required body, undeclared media type', () => {
    assert.deepEqual(pointers(body('POST', '/v1/pets', 'application/json', '{"name":')), ['/body syntax']);
    const m = op(api, 'POST', '/v1/pets');
    assert.deepEqual(pointers(validateBody(m.op, 'application/json', undefined)), ['/body required']);
    assert.equal(validateBody(m.op, 'text/plain', Buffer.from('x')).kind, 'unsupported-media-type');
    assert.equal(
      validateBody(op(api, 'DELETE', '/v1/pets/1').op, 'application/json', Buffer.from('{}')).kind,
      'unsupported-media-type',
    );
    assert.equal(body('PATCH', '/v1/pets/1', 'application/merge-patch+json', { tag: null }).kind, 'ok');
    assert.deepEqual(pointers(body('PATCH', '/v1/pets/1', 'application/merge-patch+json', {})), [
      '/body minProperties',
    ]);
  });

  test('hostile nesting against a recursive schema is refused before validation (no stack overflow)', () => {
    let owner = '{"email":"a@b.test"}';
    for (let i = 0; i < 20_000; i++) owner = `{"email":"a@b.test","friends":[${owner}]}`;
    const raw = `{"name":"x","kind":{"petType":"cat","indoor":true},"owner":${owner}}`;
    assert.deepEqual(pointers(body('POST', '/v1/pets', 'application/json', raw)), ['/body depth']);
    const m = op(api, 'POST', '/v1/pets');
    assert.deepEqual(pointers(validateBody(m.op, 'application/json', Buffer.from(raw), 100_000)), [
      '/body depth',
    ]);
    assert.equal(jsonDepthExceeds('{"a":"[[[[[[\\"[[["}', 2), false);
    assert.equal(jsonDepthExceeds('[[[]]]', 2), true);
    assert.equal(jsonDepthExceeds('[[],[]]', 2), false);
  });

  test('uniqueItems is linear (canonical hashing), not pairwise', () => {
    const dir = specDir({
      'api.yaml': MINIMAL('{ type: array, uniqueItems: true, items: { type: object } }'),
    });
    const m = op(compileSpec(join(dir, 'api.yaml')), 'POST', '/x');
    const items = Array.from({ length: 30_000 }, (_, i) => ({ a: i, b: 'x' }));
    const t0 = performance.now();
    assert.equal(validateBody(m.op, 'application/json', Buffer.from(JSON.stringify(items))).kind, 'ok');
    assert.ok(performance.now() - t0 < 3000, `${performance.now() - t0} ms`);
    const dup = JSON.stringify([
      { a: 1, b: 2 },
      { b: 2, a: 1 },
    ]);
    assert.deepEqual(pointers(validateBody(m.op, 'application/json', Buffer.from(dup))), [
      '/body uniqueItems',
    ]);
  });

  test('urlencoded form bodies: types coerced, repeated fields as arrays', () => {
    assert.equal(
      body(
        'POST',
        '/v1/pets',
        'application/x-www-form-urlencoded',
        'name=Rex&kind=dog&age=3&vaccinated=true&tags=a',
      ).kind,
      'ok',
    );
    assert.deepEqual(
      pointers(
        body(
          'POST',
          '/v1/pets',
          'application/x-www-form-urlencoded',
          'name=Rex&kind=fish&age=old&vaccinated=maybe',
        ),
      ),
      ['/body/kind enum', '/body/age type', '/body/vaccinated type'],
    );
    assert.deepEqual(
      pointers(body('POST', '/v1/pets', 'application/x-www-form-urlencoded', 'kind=dog&age=1&age=2')),
      ['/body/name required', '/body/age type'],
    );
  });

  test('3.1: type arrays, prefixItems, $ref siblings, unevaluatedProperties, readOnly through recursion', () => {
    assert.equal(
      body('PUT', '/items/ab-1', 'application/json', { name: 'a', note: null, tags: ['first', 'x'] }, api31)
        .kind,
      'ok',
    );
    assert.deepEqual(
      pointers(body('PUT', '/items/ab-1', 'application/json', { name: 'a', tags: ['second'] }, api31)),
      ['/body/tags/0 const'],
    );
    assert.deepEqual(
      pointers(
        body('PUT', '/items/ab-1', 'application/json', { name: 'a', parent: { name: 'b', id: 'x' } }, api31),
      ),
      ['/body/parent/id readOnly'],
    );
    assert.deepEqual(
      pointers(body('PUT', '/items/ab-1', 'application/json', { name: 'a', extra: 1 }, api31)),
      ['/body/extra unevaluatedProperties'],
    );
  });

  test('issues never carry values, and client-chosen unsafe keys are masked', () => {
    const secret = 'hunter2-SECRET<script>';
    const r = body('POST', '/v1/pets', 'application/json', {
      ...PET,
      name: secret,
      attributes: { [secret]: 'x'.repeat(200) },
    });
    const text = JSON.stringify(r);
    assert.doesNotMatch(text, /hunter2|script|xxxx/);
    assert.deepEqual(pointers(r), ['/body/name pattern', '/body/attributes/* maxLength']);
    assert.equal(safeSegment('ok_name-1.2'), 'ok_name-1.2');
    assert.equal(safeSegment('a/b'), '*');
    assert.equal(issuesOf([], '').length, 0);
  });
});

describe('responses', () => {
  test('head: undeclared status and content type; ranges and default', () => {
    const list = op(api, 'GET', '/v1/pets').op;
    assert.deepEqual(checkResponseHead(list, 200, 'application/json; charset=utf-8', true).issues, []);
    assert.ok(checkResponseHead(list, 200, 'application/json', true).media);
    assert.deepEqual(checkResponseHead(list, 200, 'text/html', true).issues, [
      { pointer: '/header/content-type', keyword: 'undeclared' },
    ]);
    assert.deepEqual(checkResponseHead(list, 500, 'application/problem+json', true).issues, []);
    const create = op(api, 'POST', '/v1/pets').op;
    assert.deepEqual(checkResponseHead(create, 409, 'application/problem+json', true).issues, []);
    assert.deepEqual(checkResponseHead(create, 500, 'application/json', true).issues, [
      { pointer: '/status', keyword: 'undeclared' },
    ]);
  });

  test('body: writeOnly refused, undeclared members stripped (nested, arrays, additionalProperties kept)', () => {
    const get = op(api, 'GET', '/v1/pets').op;
    const media = checkResponseHead(get, 200, 'application/json', true).media!;
    const page = {
      items: [
        {
          id: 1,
          ...PET,
          internalCost: 12,
          owner: { email: 'a@b.test', passwordHash: 'x', address: { city: 'X', geo: [1, 2] } },
          kind: { petType: 'dog', barks: true, vetNotes: 'secret' },
          attributes: { color: 'black' },
          microchipSecret: 'abcdefgh',
        },
      ],
      next: null,
      debug: { sql: 'select *' },
    };
    const r = filterResponseBody(api, media, Buffer.from(JSON.stringify(page)), {
      validate: true,
      strip: true,
    });
    assert.deepEqual(pointers(r), ['/body/items/0/microchipSecret writeOnly']);
    const out = JSON.parse(r.body.toString());
    assert.deepEqual(out, {
      items: [
        {
          id: 1,
          ...PET,
          owner: { email: 'a@b.test', address: { city: 'X' } },
          kind: { petType: 'dog', barks: true },
          attributes: { color: 'black' },
        },
      ],
      next: null,
    });
    assert.equal(r.stripped, 6);
    const same = filterResponseBody(api, media, Buffer.from('{"items":[]}'), { validate: true, strip: true });
    assert.equal(same.stripped, 0);
    assert.deepEqual(same.issues, []);
    assert.deepEqual(
      pointers(filterResponseBody(api, media, Buffer.from('{'), { validate: true, strip: true })),
      ['/body syntax'],
    );
  });
});

describe('shadow inventory', () => {
  test('counts, sorts and bounds entries', () => {
    resetShadowInventory();
    recordShadow('openapi@route:a', 'path', 'GET', '/admin');
    recordShadow('openapi@route:a', 'path', 'GET', '/admin');
    recordShadow('openapi@route:a', 'query-param', 'GET', '/pets', 'debug');
    const inv = shadowInventory();
    assert.equal(inv.length, 2);
    assert.equal(inv[0]!.path, '/admin');
    assert.equal(inv[0]!.count, 2);
    assert.equal(inv[1]!.param, 'debug');
    resetShadowInventory();
    assert.equal(shadowInventory().length, 0);
  });
});
