import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type AnalyzeOptions,
  analyzeDocument,
  type CostModel,
  enforceLimits,
  MAX_FRAGMENT_CHAIN,
  parseDocument,
} from './analyze.ts';
import { GraphQLGuardError } from './errors.ts';
import { bracketNesting } from './lexical.ts';
import { buildSchemaIndex } from './schema-index.ts';

const cost: CostModel = {
  defaultListSize: 10,
  listSizeArguments: new Set(['first', 'last', 'limit']),
  defaultFieldCost: 1,
  fieldCosts: new Map(),
};
const P = { maxTokens: 10000, maxNesting: 100 };

function analyze(src: string, opts: Partial<AnalyzeOptions> = {}) {
  return analyzeDocument(parseDocument(src, P), { cost, protectedFields: new Set(), ...opts });
}

function guardCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof GraphQLGuardError, String(err));
    return err.code;
  }
  assert.fail('expected a GraphQLGuardError');
}

describe('bracketNesting', () => {
  test('counts { ( [ and ignores strings, block strings and comments', () => {
    assert.equal(bracketNesting('{ a { b(x: [1]) } }', 100), 4);
    assert.equal(bracketNesting('{ a(s: "{{{{[[[((") }', 100), 2);
    assert.equal(bracketNesting('{ a(s: """ {{{ \\""" {{ """) }', 100), 2);
    assert.equal(bracketNesting('# {{{{{{\n{ a }', 100), 1);
    assert.equal(bracketNesting('{ a(s: "\\"{{{") }', 100), 2);
  });
  test('stops early past the maximum', () => {
    assert.equal(bracketNesting('{'.repeat(1_000_000), 50), Number.POSITIVE_INFINITY);
  });
});

describe('parseDocument', () => {
  test('a huge document is refused at the token limit, quickly and without echoing it', () => {
    const huge = `{ ${'a '.repeat(2_000_000)}}`;
    const t0 = performance.now();
    let err: unknown;
    try {
      parseDocument(huge, P);
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof GraphQLGuardError);
    assert.equal(err.code, 'GATEHOUSE_TOKEN_LIMIT');
    assert.ok(err.message.length < 100);
    assert.ok(performance.now() - t0 < 2000);
  });
  test('deep bracket nesting is refused before the recursive parser runs (no stack overflow)', () => {
    const deep = `{${'a{'.repeat(100_000)}b${'}'.repeat(100_001)}`;
    assert.equal(
      guardCode(() => parseDocument(deep, { maxTokens: 1_000_000, maxNesting: 100 })),
      'GATEHOUSE_NESTING_LIMIT',
    );
  });
  test('syntax errors: short message, no document echo', () => {
    let err: unknown;
    try {
      parseDocument(`{ ${'x'.repeat(5000)}(`, P);
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof GraphQLGuardError);
    assert.equal(err.code, 'GATEHOUSE_PARSE_ERROR');
    assert.ok(err.message.length <= 120, err.message);
  });
});

describe('analyzeDocument', () => {
  test('depth, aliases, root fields and directives', () => {
    const a = analyze('{ me { id friends { id name } } b: me @skip(if: false) @include(if: true) { id } }');
    assert.equal(a.depth, 3);
    assert.equal(a.aliases, 1);
    assert.equal(a.rootFields, 2);
    assert.equal(a.maxDirectives, 2);
    assert.equal(a.operation, 'query');
  });

  test('fragments are expanded for depth, aliases and root fields', () => {
    const a = analyze(`
      query Q { ...Root }
      fragment Root on Query { a: me { ...Deep } b: me { id } }
      fragment Deep on User { friends { friends { x: id } } }`);
    assert.equal(a.depth, 4);
    assert.equal(a.aliases, 3);
    assert.equal(a.rootFields, 2);
  });

  test('fragment cycles are refused, even in fragments the operation does not use', () => {
    assert.equal(
      guardCode(() => analyze('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }')),
      'GATEHOUSE_FRAGMENT_CYCLE',
    );
    assert.equal(
      guardCode(() => analyze('{ me { id } } fragment S on User { friends { ...S } }')),
      'GATEHOUSE_FRAGMENT_CYCLE',
    );
    assert.equal(
      guardCode(() => analyze('{ ...Missing }')),
      'GATEHOUSE_UNKNOWN_FRAGMENT',
    );
  });

  test('fragment fan-out is measured in linear time (memoised), with the full expanded cost', () => {
    // Each level spreads the previous one twice: 2^40 expanded fields.
    let doc = 'query { ...F0 } fragment F40 on Query { me { id } }';
    for (let i = 0; i < 40; i++) doc += ` fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`;
    const t0 = performance.now();
    const a = analyze(doc);
    assert.ok(performance.now() - t0 < 2000);
    assert.equal(a.cost, 2 ** 41);
    assert.equal(a.rootFields, 2 ** 40);
  });

  test('long fragment chains are refused before they can exhaust the stack', () => {
    const chain = (n: number) => {
      let doc = `{ ...F0 } fragment F${n} on Query { a }`;
      for (let i = 0; i < n; i++) doc += ` fragment F${i} on Query { ...F${i + 1} }`;
      return analyzeDocument(parseDocument(doc, { maxTokens: 1_000_000, maxNesting: 100 }), {
        cost,
        protectedFields: new Set(),
      });
    };
    assert.equal(chain(MAX_FRAGMENT_CHAIN - 1).depth, 1);
    assert.equal(
      guardCode(() => chain(50_000)),
      'GATEHOUSE_NESTING_LIMIT',
    );
  });

  test('only the selected operation counts', () => {
    const doc = 'query Small { me { id } } query Big { a: me { id } b: me { id } c: me { id } }';
    assert.equal(analyze(doc, { operationName: 'Small' }).aliases, 0);
    assert.equal(analyze(doc, { operationName: 'Big' }).aliases, 3);
    assert.equal(
      guardCode(() => analyze(doc)),
      'GATEHOUSE_OPERATION_NOT_FOUND',
    );
    assert.equal(
      guardCode(() => analyze(doc, { operationName: 'Nope' })),
      'GATEHOUSE_OPERATION_NOT_FOUND',
    );
    assert.equal(
      guardCode(() => analyze('fragment F on Query { a }')),
      'GATEHOUSE_OPERATION_NOT_FOUND',
    );
  });

  test('type-system definitions and duplicate names are refused', () => {
    assert.equal(
      guardCode(() => analyze('type Query { a: Int } { a }')),
      'GATEHOUSE_INVALID_DOCUMENT',
    );
    assert.equal(
      guardCode(() => analyze('query A { a } query A { b }', { operationName: 'A' })),
      'GATEHOUSE_INVALID_DOCUMENT',
    );
    assert.equal(
      guardCode(() => analyze('{ ...F } fragment F on Query { a } fragment F on Query { b }')),
      'GATEHOUSE_INVALID_DOCUMENT',
    );
  });

  test('cost: fields 1, list sizes from literals, variables and variable defaults', () => {
    assert.equal(analyze('{ me { id name } }').cost, 3);
    // users(first: 5) { id friends(last: 3) { id } } = 5 × (1 + 1 + 3 × (1 + 1)) = 40
    assert.equal(analyze('{ users(first: 5) { id friends(last: 3) { id } } }').cost, 40);
    const doc = 'query Q($n: Int = 7) { users(first: $n) { id } }';
    assert.equal(analyze(doc).cost, 14);
    assert.equal(analyze(doc, { variables: { n: 1000 } }).cost, 2000);
    // Unresolvable sizes fall back to the default list size.
    assert.equal(analyze('query Q($n: Int) { users(first: $n) { id } }').cost, 20);
    assert.equal(
      analyze('query Q($n: Int) { users(first: $n) { id } }', { variables: { n: '999' } }).cost,
      20,
    );
    assert.equal(analyze('{ users(first: -5) { id } }').cost, 20);
    // The largest size argument wins; __typename is free.
    assert.equal(analyze('{ users(first: 2, limit: 9) { id __typename } }').cost, 18);
  });

  test('cost: an absurd multiplier makes an unbounded (Infinity) or huge cost, never a crash', () => {
    const a = analyze(`{ a(first: ${'9'.repeat(400)}) { b(first: 99999999) { c } } }`);
    assert.equal(a.cost, Number.POSITIVE_INFINITY);
    const v = analyze('query Q($n: Int) { a(first: $n) { c } }', { variables: { n: JSON.parse('1e400') } });
    assert.equal(v.cost, Number.POSITIVE_INFINITY);
    // A zero-sized parent of an unbounded child costs 0 (not NaN, which would slip past every limit).
    const z = analyze(`{ x(first: 0) { y(first: ${'9'.repeat(400)}) { z } } big(first: 100000) { id } }`);
    assert.equal(z.cost, 200000);
    assert.equal(
      guardCode(() =>
        enforceLimits(a, { maxDepth: 9, maxAliases: 9, maxRootFields: 9, maxDirectives: 9, maxCost: 9 }),
      ),
      'GATEHOUSE_COST_LIMIT',
    );
  });

  test('cost: per-field weights by Type.field and *.field', () => {
    const model: CostModel = {
      ...cost,
      fieldCosts: new Map([
        ['Query.search', 50],
        ['*.avatar', 5],
      ]),
    };
    assert.equal(analyze('{ search(q: "x") { id avatar } }', { cost: model }).cost, 56);
  });

  test('a schema types nested fields and marks list fields', () => {
    const schema = buildSchemaIndex(`
      schema { query: Root }
      type Root { me: User users(first: Int): [User!]! }
      type User { id: ID email: String friends: [User] }`);
    const a = analyze('{ me { email friends { email } } }', {
      schema,
      protectedFields: new Set(['User.email', 'Root.me']),
    });
    // me: 1 × (1 + email 1 + friends 10 × (1 + 1)) = 22
    assert.equal(a.cost, 22);
    assert.deepEqual(a.protectedFields, ['Root.me', 'User.email']);
    assert.throws(() => buildSchemaIndex('type Query {'), TypeError);
  });

  test('introspection fields are detected anywhere, including in fragments', () => {
    assert.equal(analyze('{ __schema { types { name } } }').introspection, true);
    assert.equal(
      analyze('{ ...I } fragment I on Query { __type(name: "User") { name } }').introspection,
      true,
    );
    assert.equal(analyze('{ me { __typename } }').introspection, false);
  });

  test('protected fields: root keys, wildcards, typed inline fragments', () => {
    const a = analyze('mutation { deleteUser(id: 1) { id } me { ... on User { ssn } } }', {
      protectedFields: new Set(['Mutation.deleteUser', '*.ssn', 'User.ssn', 'Query.deleteUser']),
    });
    assert.equal(a.operation, 'mutation');
    assert.deepEqual(a.protectedFields, ['*.ssn', 'Mutation.deleteUser', 'User.ssn']);
  });
});

describe('enforceLimits', () => {
  const limits = { maxDepth: 3, maxAliases: 2, maxRootFields: 3, maxDirectives: 1, maxCost: 100 };
  test('passes within limits and names the exceeded limit', () => {
    enforceLimits(analyze('{ a: me { id } }'), limits);
    assert.equal(
      guardCode(() => enforceLimits(analyze('{ a { b { c { d } } } }'), limits)),
      'GATEHOUSE_DEPTH_LIMIT',
    );
    assert.equal(
      guardCode(() => enforceLimits(analyze('{ a: x b: x c: x }'), limits)),
      'GATEHOUSE_ALIAS_LIMIT',
    );
    assert.equal(
      guardCode(() => enforceLimits(analyze('{ a b c d }'), limits)),
      'GATEHOUSE_ROOT_FIELD_LIMIT',
    );
    assert.equal(
      guardCode(() => enforceLimits(analyze('{ a @x @y }'), limits)),
      'GATEHOUSE_DIRECTIVE_LIMIT',
    );
    assert.equal(
      guardCode(() => enforceLimits(analyze('{ a(first: 1000) { b } }'), limits)),
      'GATEHOUSE_COST_LIMIT',
    );
  });
  test('the refusal carries limit and actual', () => {
    try {
      enforceLimits(analyze('{ a { b { c { d } } } }'), limits);
      assert.fail('expected a refusal');
    } catch (err) {
      assert.ok(err instanceof GraphQLGuardError);
      assert.deepEqual(err.extensions, { limit: 3, actual: 4 });
      assert.equal(err.status, 400);
    }
  });
});
