import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from '@sinclair/typebox';
import {
  type ConfigError,
  describeAjvErrors,
  formatConfigErrors,
  formatPath,
  parsePointer,
  type SchemaIssue,
  sortConfigErrors,
  toPointer,
} from './errors.ts';
import { getConfigValidator } from './load.ts';

function issues(schema: object, value: unknown): SchemaIssue[] {
  const validate = getConfigValidator(schema);
  assert.equal(validate(value), false, 'expected the value to be invalid');
  return describeAjvErrors(validate.errors ?? []);
}

const err = (line: number, column: number, path: string, message: string): ConfigError => ({
  file: 'g.yaml',
  line,
  column,
  path,
  pointer: '',
  message,
});

describe('paths and pointers', () => {
  it('formats human paths with indexes and quoted odd keys', () => {
    assert.equal(formatPath(['routes', 3, 'upstream', 'url']), 'routes[3].upstream.url');
    assert.equal(formatPath(['policies', 'rate-limit', 'x y', 0]), 'policies.rate-limit["x y"][0]');
    assert.equal(formatPath([0, 'a']), '[0].a');
    assert.equal(formatPath([]), '');
  });

  it('escapes and parses RFC 6901 pointers', () => {
    assert.equal(toPointer(['a/b', 'c~d', 0]), '/a~1b/c~0d/0');
    assert.deepEqual(parsePointer('/a~1b/c~0d/0'), ['a/b', 'c~d', '0']);
    assert.deepEqual(parsePointer(''), []);
    assert.deepEqual(parsePointer('/'), ['']);
    assert.equal(toPointer([]), '');
  });
});

describe('formatConfigErrors / sortConfigErrors', () => {
  it('prints file:line:column path: message, leaving out empty parts', () => {
    assert.equal(
      formatConfigErrors([
        err(12, 7, 'routes[3].upstream.url', 'must be a URL'),
        err(1, 1, '', 'missing required field "listen"'),
        err(0, 0, '', 'cannot read configuration file (ENOENT)'),
      ]),
      [
        'g.yaml:12:7 routes[3].upstream.url: must be a URL',
        'g.yaml:1:1 missing required field "listen"',
        'g.yaml: cannot read configuration file (ENOENT)',
      ].join('\n'),
    );
    assert.equal(formatConfigErrors([]), '');
  });

  it('sorts by line and column and removes duplicates', () => {
    const sorted = sortConfigErrors([
      err(9, 1, 'b', 'x'),
      err(2, 5, 'a', 'y'),
      err(2, 3, 'a', 'z'),
      err(9, 1, 'b', 'x'),
    ]);
    assert.deepEqual(
      sorted.map((e) => `${e.line}:${e.column} ${e.message}`),
      ['2:3 z', '2:5 y', '9:1 x'],
    );
  });
});

describe('describeAjvErrors', () => {
  it('rewrites type, enum, const, format and range errors', () => {
    const schema = Type.Object({
      a: Type.Integer(),
      b: Type.Union([Type.Literal('x'), Type.Literal('y')]),
      c: Type.String({ enum: ['p', 'q'] }),
      d: Type.Literal(1),
      e: Type.String({ format: 'uri' }),
      f: Type.String({ format: 'hostname' }),
      g: Type.String({ format: 'ipv4' }),
      h: Type.String({ format: 'ipv6' }),
      i: Type.String({ format: 'date-time' }),
      j: Type.String({ format: 'date' }),
      k: Type.Number({ minimum: 1, exclusiveMaximum: 10 }),
      l: Type.Number({ maximum: 2 }),
      m: Type.Integer({ multipleOf: 5 }),
      n: Type.Union([Type.String(), Type.Null()]),
    });
    const got = issues(schema, {
      a: 1.5,
      b: 'z',
      c: 'r',
      d: 2,
      e: 'nope',
      f: '-bad-',
      g: '1.2.3',
      h: 'zz',
      i: 'yesterday',
      j: '2025-13-40',
      k: 10,
      l: 3,
      m: 7,
      n: 1,
    });
    assert.deepEqual(
      got.map((i) => `${i.pointer} ${i.message}`),
      [
        '/a must be an integer, got a number',
        '/b must be one of: x, y',
        '/c must be one of: p, q',
        '/d must be 1',
        '/e must be a URL',
        '/f must be a hostname',
        '/g must be an IPv4 address',
        '/h must be an IPv6 address',
        '/i must be an RFC 3339 date-time (e.g. 2025-01-31T12:00:00Z)',
        '/j must be a date (YYYY-MM-DD)',
        '/k must be < 10',
        '/l must be <= 2',
        '/m must be a multiple of 5',
        '/n must be a string or null, got an integer',
      ],
    );
  });

  it('rewrites length, pattern, item, key-count and structure errors', () => {
    const schema = Type.Object(
      {
        a: Type.String({ minLength: 1 }),
        b: Type.String({ minLength: 3, maxLength: 4 }),
        c: Type.String({ maxLength: 1 }),
        d: Type.String({ pattern: '^[a-z]+$' }),
        e: Type.Array(Type.Integer(), { minItems: 2, maxItems: 3 }),
        f: Type.Array(Type.Integer(), { maxItems: 1, uniqueItems: true }),
        g: Type.Record(Type.String(), Type.Integer(), { minProperties: 1 }),
        h: Type.Record(Type.String(), Type.Integer(), { maxProperties: 1 }),
        i: Type.Not(Type.String()),
        j: Type.Array(Type.Integer(), { contains: Type.Literal(0) }),
        upstream: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    );
    const got = issues(schema, {
      a: '',
      b: 'xy',
      c: 'xy',
      d: 'A',
      e: [1],
      f: [1, 1],
      g: {},
      h: { x: 1, y: 2 },
      i: 's',
      j: [1],
      upsteam: 'x',
      zzzz: 1,
    });
    assert.deepEqual(
      got.map((i) => `${i.pointer} ${i.at} ${i.message}`),
      [
        '/upsteam key unknown key "upsteam" (did you mean "upstream"?)',
        '/zzzz key unknown key "zzzz"',
        '/a value must not be empty',
        '/b value must be at least 3 characters long',
        '/c value must be at most 1 character long',
        '/d value must match the pattern ^[a-z]+$',
        '/e value must have at least 2 items',
        '/f value must have at most 1 item',
        '/f value must not contain duplicates (items 0 and 1 are identical)',
        '/g value must not be empty',
        '/h value must have at most 1 key',
        '/i value is not allowed here',
        '/j value must contain at least one valid item',
      ],
    );
  });

  it('reports missing fields at the container and dependent fields with their reason', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      required: ['a'],
      dependencies: { b: ['c'] },
    };
    assert.deepEqual(issues(schema, { b: 'x' }), [
      { pointer: '', at: 'container', message: 'missing required field "a"' },
      { pointer: '', at: 'container', message: 'missing field "c" (required when "b" is set)' },
    ]);
  });

  it('points propertyNames errors at the key', () => {
    const schema = { type: 'object', propertyNames: { pattern: '^[a-z]+$' } };
    assert.deepEqual(issues(schema, { ok: 1, Bad: 2 }), [
      { pointer: '/Bad', at: 'key', message: 'key "Bad" must match the pattern ^[a-z]+$' },
    ]);
  });

  it('drops if/then wrappers and keeps the branch error', () => {
    const schema = {
      type: 'object',
      if: { properties: { kind: { const: 'a' } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable.
      then: { required: ['x'] },
    };
    assert.deepEqual(issues(schema, { kind: 'a' }), [
      { pointer: '', at: 'container', message: 'missing required field "x"' },
    ]);
  });

  it('picks the branch with the fewest, deepest errors for non-discriminated unions', () => {
    const schema = Type.Object({
      target: Type.Union([
        Type.Object({ host: Type.String(), port: Type.Integer() }, { additionalProperties: false }),
        Type.Object({ socket: Type.String() }, { additionalProperties: false }),
      ]),
    });
    assert.deepEqual(issues(schema, { target: { host: 'h', port: 'x' } }), [
      { pointer: '/target/port', at: 'value', message: 'must be an integer, got a string' },
    ]);
  });

  it('collapses nested unions from the inside out', () => {
    const schema = Type.Object({
      a: Type.Union([
        Type.Object({ mode: Type.Union([Type.Literal('fast'), Type.Literal('slow')]) }),
        Type.Integer(),
      ]),
    });
    assert.deepEqual(issues(schema, { a: { mode: 'medium' } }), [
      { pointer: '/a/mode', at: 'value', message: 'must be one of: fast, slow' },
    ]);
    assert.deepEqual(issues(schema, { a: 'x' }), [
      { pointer: '/a', at: 'value', message: 'must be an object or an integer, got a string' },
    ]);
  });
});
