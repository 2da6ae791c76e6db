// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings test literal ${VAR} references.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from '@sinclair/typebox';
import {
  createRefResolver,
  createSchemaNavigator,
  expandEnv,
  type SubstitutionContext,
  substituteScalar,
} from './substitute.ts';

describe('expandEnv', () => {
  const env = { A: 'alpha', EMPTY: '', N: '42' };

  it('expands set variables anywhere in the string and reports the values used', () => {
    assert.deepEqual(expandEnv('x-${A}-${N}', env), { ok: true, value: 'x-alpha-42', used: ['alpha', '42'] });
    assert.deepEqual(expandEnv('no refs', env), { ok: true, value: 'no refs', used: [] });
  });

  it('uses the default when unset or empty, and the value when set', () => {
    assert.deepEqual(expandEnv('${MISSING:-d}', env), { ok: true, value: 'd', used: [] });
    assert.deepEqual(expandEnv('${EMPTY:-d}', env), { ok: true, value: 'd', used: [] });
    assert.deepEqual(expandEnv('${A:-d}', env), { ok: true, value: 'alpha', used: ['alpha'] });
    assert.deepEqual(expandEnv('${MISSING:-}', env), { ok: true, value: '', used: [] });
    assert.deepEqual(expandEnv('${MISSING:-a:-b $x}', env), { ok: true, value: 'a:-b $x', used: [] });
  });

  it('substitutes an empty value for a set-but-empty ${VAR}', () => {
    assert.deepEqual(expandEnv('[${EMPTY}]', env), { ok: true, value: '[]', used: [''] });
  });

  it('reports unset variables by name', () => {
    assert.deepEqual(expandEnv('${NOPE}', env), {
      ok: false,
      message: 'environment variable NOPE is not set',
    });
  });

  it('treats $${ as a literal ${ and leaves other dollars alone', () => {
    assert.deepEqual(expandEnv('$${A} costs $5 and $$ ${A}', env), {
      ok: true,
      value: '${A} costs $5 and $$ alpha',
      used: ['alpha'],
    });
  });

  it('rejects malformed references', () => {
    assert.equal(expandEnv('${A', env).ok, false);
    assert.deepEqual(expandEnv('${A-b}', env), {
      ok: false,
      message: 'invalid variable reference "${A-b}" (expected ${NAME} or ${NAME:-default})',
    });
    assert.equal(expandEnv('${}', env).ok, false);
    assert.equal(expandEnv('${9A}', env).ok, false);
  });

  it('does not read inherited properties of the env object', () => {
    assert.deepEqual(expandEnv('${toString}', {}), {
      ok: false,
      message: 'environment variable toString is not set',
    });
    assert.deepEqual(expandEnv('${constructor}', process.env), {
      ok: false,
      message: 'environment variable constructor is not set',
    });
  });
});

describe('substituteScalar', () => {
  const files: Record<string, string> = {
    '/etc/gh/key': 'k3y\n',
    '/cfg/rel/key': 'rel\n\n',
    '/cfg/empty': '',
  };
  const ctx: SubstitutionContext = {
    env: { PORT: '8080', NEG: '-3', FLOAT: '1.5e3', BOOL: 'true', WORD: 'abc', TOKEN: 's3cr3t', DIR: 'rel' },
    baseDir: '/cfg',
    readFile: (p) => {
      const v = files[p];
      if (v === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return v;
    },
  };
  const plain = { secret: false, coerce: [] } as const;

  it('coerces whole references strictly to the wanted type', () => {
    assert.deepEqual(substituteScalar('${PORT}', { secret: false, coerce: ['integer'] }, ctx), {
      ok: true,
      value: 8080,
      secrets: [],
    });
    assert.deepEqual(substituteScalar('${NEG}', { secret: false, coerce: ['integer'] }, ctx).ok, true);
    assert.deepEqual(substituteScalar('${FLOAT}', { secret: false, coerce: ['number'] }, ctx), {
      ok: true,
      value: 1500,
      secrets: [],
    });
    assert.deepEqual(substituteScalar('${BOOL}', { secret: false, coerce: ['boolean'] }, ctx), {
      ok: true,
      value: true,
      secrets: [],
    });
    assert.deepEqual(substituteScalar('${X:-7}', { secret: false, coerce: ['integer', 'boolean'] }, ctx), {
      ok: true,
      value: 7,
      secrets: [],
    });
    assert.deepEqual(substituteScalar('${FLOAT}', { secret: false, coerce: ['integer'] }, ctx), {
      ok: false,
      message: '${FLOAT} must expand to an integer',
    });
    assert.deepEqual(substituteScalar('${WORD:-1}', { secret: false, coerce: ['integer', 'boolean'] }, ctx), {
      ok: false,
      message: '${WORD} must expand to an integer or true or false',
    });
    assert.deepEqual(substituteScalar('${PORT}', plain, ctx), { ok: true, value: '8080', secrets: [] });
    assert.deepEqual(substituteScalar('${PORT} ', { secret: false, coerce: ['integer'] }, ctx), {
      ok: true,
      value: '8080 ',
      secrets: [],
    });
  });

  it('refuses integers beyond the safe range', () => {
    const big = { ...ctx, env: { BIG: '9007199254740993' } };
    assert.equal(substituteScalar('${BIG}', { secret: false, coerce: ['integer'] }, big).ok, false);
  });

  it('reports env values and the result of secret fields for redaction', () => {
    assert.deepEqual(substituteScalar('Bearer ${TOKEN}', { secret: true, coerce: [] }, ctx), {
      ok: true,
      value: 'Bearer s3cr3t',
      secrets: ['s3cr3t', 'Bearer s3cr3t'],
    });
    assert.deepEqual(substituteScalar('literal', { secret: true, coerce: [] }, ctx), {
      ok: true,
      value: 'literal',
      secrets: ['literal'],
    });
    assert.deepEqual(substituteScalar('Bearer ${TOKEN}', plain, ctx), {
      ok: true,
      value: 'Bearer s3cr3t',
      secrets: [],
    });
  });

  it('reads file: references in secret fields only, trimming one trailing newline', () => {
    assert.deepEqual(substituteScalar('file:/etc/gh/key', { secret: true, coerce: [] }, ctx), {
      ok: true,
      value: 'k3y',
      secrets: ['k3y'],
    });
    assert.deepEqual(substituteScalar('file:${DIR}/key', { secret: true, coerce: [] }, ctx), {
      ok: true,
      value: 'rel\n',
      secrets: ['rel\n'],
    });
    assert.deepEqual(substituteScalar('file:/etc/gh/key', plain, ctx), {
      ok: true,
      value: 'file:/etc/gh/key',
      secrets: [],
    });
  });

  it('reports unreadable, empty and malformed file: references without content', () => {
    assert.deepEqual(substituteScalar('file:nope', { secret: true, coerce: [] }, ctx), {
      ok: false,
      message: 'cannot read secret file "/cfg/nope" (ENOENT)',
    });
    assert.deepEqual(substituteScalar('file:/cfg/empty', { secret: true, coerce: [] }, ctx), {
      ok: false,
      message: 'secret file "/cfg/empty" is empty',
    });
    assert.deepEqual(substituteScalar('file:', { secret: true, coerce: [] }, ctx), {
      ok: false,
      message: 'empty "file:" reference',
    });
    assert.deepEqual(substituteScalar('file:${UNSET}/k', { secret: true, coerce: [] }, ctx), {
      ok: false,
      message: 'environment variable UNSET is not set',
    });
    const throwing = {
      ...ctx,
      readFile: () => {
        throw new Error('boom');
      },
    };
    assert.deepEqual(substituteScalar('file:/x', { secret: true, coerce: [] }, throwing), {
      ok: false,
      message: 'cannot read secret file "/x" (read failed)',
    });
    const huge = { ...ctx, readFile: () => 'x'.repeat(1024 * 1024 + 1) };
    assert.deepEqual(substituteScalar('file:/x', { secret: true, coerce: [] }, huge), {
      ok: false,
      message: 'secret file "/x" is larger than 1 MiB',
    });
  });
});

describe('createSchemaNavigator', () => {
  const schema = Type.Object({
    port: Type.Integer(),
    mode: Type.Union([Type.Integer(), Type.Boolean()]),
    either: Type.Union([Type.Integer(), Type.String()]),
    free: Type.Unknown(),
    token: Type.String({ 'x-secret': true }),
    list: Type.Array(Type.Object({ key: Type.String({ 'x-secret': true }) })),
    tuple: Type.Tuple([Type.Integer(), Type.Boolean()]),
    map: Type.Record(Type.String(), Type.Number()),
    nested: Type.Optional(
      Type.Union([Type.Object({ pass: Type.String({ 'x-secret': true }) }), Type.Null()]),
    ),
  });
  const nav = createSchemaNavigator(schema);
  const at = (...path: Array<string | number>) => path.reduce((c, k) => nav.child(c, k), nav.root());

  it('finds coercion targets only where strings are not accepted', () => {
    assert.deepEqual(nav.coercionTargets(at('port')), ['integer']);
    assert.deepEqual(nav.coercionTargets(at('mode')), ['integer', 'boolean']);
    assert.deepEqual(nav.coercionTargets(at('either')), []);
    assert.deepEqual(nav.coercionTargets(at('free')), []);
    assert.deepEqual(nav.coercionTargets(at('unknown')), []);
    assert.deepEqual(nav.coercionTargets(at('tuple', 1)), ['boolean']);
    assert.deepEqual(nav.coercionTargets(at('map', 'anything')), ['number']);
  });

  it('finds x-secret through arrays, unions and optional wrappers', () => {
    assert.equal(nav.isSecret(at('token')), true);
    assert.equal(nav.isSecret(at('list', 3, 'key')), true);
    assert.equal(nav.isSecret(at('nested', 'pass')), true);
    assert.equal(nav.isSecret(at('port')), false);
  });

  it('follows local and $id references, and survives recursive schemas', () => {
    const node = Type.Recursive((self) =>
      Type.Object({ secret: Type.String({ 'x-secret': true }), children: Type.Array(self) }),
    );
    const rec = createSchemaNavigator(node);
    const deep = ['children', 0, 'children', 1, 'secret'].reduce((c, k) => rec.child(c, k), rec.root());
    assert.equal(rec.isSecret(deep), true);

    const withDefs = {
      type: 'object',
      $defs: { Port: { type: 'integer' } },
      properties: { p: { $ref: '#/$defs/Port' }, loop: { $ref: '#' } },
    };
    const nd = createSchemaNavigator(withDefs);
    assert.deepEqual(nd.coercionTargets(nd.child(nd.root(), 'p')), ['integer']);
    assert.deepEqual(nd.coercionTargets(nd.child(nd.child(nd.root(), 'loop'), 'p')), ['integer']);
  });

  it('resolves references with escaped pointer segments and reports unknown ones', () => {
    const root = { $defs: { 'a/b': { type: 'string' } }, $id: 'Root' };
    const refs = createRefResolver(root);
    assert.deepEqual(refs.resolve('#/$defs/a~1b'), { type: 'string' });
    assert.deepEqual(refs.resolve('Root#/$defs/a~1b'), { type: 'string' });
    assert.equal(refs.resolve('#/$defs/missing'), undefined);
    assert.equal(refs.resolve('Other'), undefined);
    const cyclic = { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } } };
    assert.equal(createRefResolver(cyclic).deref({ $ref: '#/$defs/a' }), undefined);
    assert.deepEqual(refs.deref(true), {});
  });
});
