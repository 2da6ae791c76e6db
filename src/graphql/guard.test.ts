import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GraphQLGuardError } from './errors.ts';
import { type Caller, checkGraphQL, type GuardSettings } from './guard.ts';
import { DocumentCache, documentHash } from './persisted.ts';
import { type GraphQLHttpRequest, toGraphQLRequest } from './request.ts';

function settings(
  over: Partial<GuardSettings> = {},
  pq: Partial<GuardSettings['persisted']> = {},
): GuardSettings {
  return {
    parse: { maxTokens: 10000, maxNesting: 100 },
    limits: { maxDepth: 5, maxAliases: 5, maxRootFields: 5, maxDirectives: 3, maxCost: 100 },
    cost: {
      defaultListSize: 10,
      listSizeArguments: new Set(['first']),
      defaultFieldCost: 1,
      fieldCosts: new Map(),
    },
    schema: undefined,
    introspection: { consumers: new Set(['ci-bot']), groups: new Set(['admins']) },
    fieldScopes: new Map(),
    ...over,
    persisted: {
      allowlist: false,
      hashes: new Set(),
      documents: new Map(),
      cache: new DocumentCache(10, 10000),
      ...pq,
    },
  };
}

const anonymous: Caller = { authenticated: false, consumerId: 'guest', groups: [], scopes: new Set() };
const alice: Caller = {
  authenticated: true,
  consumerId: 'alice',
  groups: ['admins'],
  scopes: new Set(['users:read']),
};
const bob: Caller = { authenticated: true, consumerId: 'bob', groups: ['staff'], scopes: new Set() };
const bot: Caller = { authenticated: true, consumerId: 'ci-bot', groups: [], scopes: new Set() };

function one(raw: Record<string, unknown>): GraphQLHttpRequest {
  return { requests: [toGraphQLRequest(raw)], batch: false };
}

function refusal(fn: () => unknown): GraphQLGuardError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof GraphQLGuardError, String(err));
    return err;
  }
  assert.fail('expected a refusal');
}

describe('checkGraphQL', () => {
  test('a normal query passes and reports its cost', () => {
    const r = checkGraphQL(settings(), one({ query: '{ me { id } }' }), anonymous, 'POST');
    assert.equal(r.totalCost, 2);
    assert.equal(r.operations[0]?.operation, 'query');
  });

  test('introspection: refused for anonymous and unlisted consumers, allowed by consumer id or group', () => {
    const s = settings();
    const q = one({ query: '{ __schema { queryType { name } } }' });
    const e = refusal(() => checkGraphQL(s, q, anonymous, 'POST'));
    assert.equal(e.code, 'GATEHOUSE_INTROSPECTION_DISABLED');
    assert.equal(e.status, 403);
    assert.equal(refusal(() => checkGraphQL(s, q, bob, 'POST')).code, 'GATEHOUSE_INTROSPECTION_DISABLED');
    // An anonymous fallback consumer named like an allowed one is still anonymous.
    const fake: Caller = { ...anonymous, consumerId: 'ci-bot' };
    assert.equal(refusal(() => checkGraphQL(s, q, fake, 'POST')).code, 'GATEHOUSE_INTROSPECTION_DISABLED');
    checkGraphQL(s, q, alice, 'POST');
    checkGraphQL(s, q, bot, 'POST');
    checkGraphQL(s, one({ query: '{ me { __typename } }' }), anonymous, 'POST');
  });

  test('field authorization by scopes', () => {
    const s = settings({
      fieldScopes: new Map([
        ['Query.users', ['users:read']],
        ['Mutation.deleteUser', ['users:admin']],
        ['*.ssn', ['pii:read']],
      ]),
    });
    checkGraphQL(s, one({ query: '{ users { id } }' }), alice, 'POST');
    const e = refusal(() => checkGraphQL(s, one({ query: '{ users { id } }' }), bob, 'POST'));
    assert.equal(e.code, 'GATEHOUSE_FIELD_FORBIDDEN');
    assert.equal(e.status, 403);
    assert.deepEqual(e.extensions, { field: 'Query.users' });
    assert.equal(
      refusal(() => checkGraphQL(s, one({ query: 'mutation { deleteUser(id: 1) }' }), alice, 'POST')).code,
      'GATEHOUSE_FIELD_FORBIDDEN',
    );
    assert.equal(
      refusal(() =>
        checkGraphQL(s, one({ query: '{ ...F } fragment F on Query { me { ssn } }' }), alice, 'POST'),
      ).code,
      'GATEHOUSE_FIELD_FORBIDDEN',
    );
    // An aliased protected field is still that field.
    assert.equal(
      refusal(() => checkGraphQL(s, one({ query: '{ x: users { id } }' }), anonymous, 'POST')).code,
      'GATEHOUSE_FIELD_FORBIDDEN',
    );
  });

  test('mutations are refused over GET', () => {
    const e = refusal(() => checkGraphQL(settings(), one({ query: 'mutation { a }' }), alice, 'GET'));
    assert.equal(e.code, 'GATEHOUSE_MUTATION_OVER_GET');
    assert.equal(e.status, 405);
    checkGraphQL(settings(), one({ query: 'mutation { a }' }), alice, 'POST');
  });

  test('batches: refusal names the element; total cost is limited', () => {
    const s = settings();
    const batch: GraphQLHttpRequest = {
      requests: [
        toGraphQLRequest({ query: '{ a }' }),
        toGraphQLRequest({ query: '{ a { b { c { d { e { f } } } } } }' }),
      ],
      batch: true,
    };
    const e = refusal(() => checkGraphQL(s, batch, alice, 'POST'));
    assert.equal(e.code, 'GATEHOUSE_DEPTH_LIMIT');
    assert.equal(e.extensions.batchIndex, 1);
    const costly: GraphQLHttpRequest = {
      requests: Array.from({ length: 3 }, () =>
        toGraphQLRequest({ query: '{ users(first: 4) { id name } }' }),
      ),
      batch: true,
    };
    // Each costs 4 × (1 + 2) = 12 (batch 36); with first: 30 each costs 90 (< 100) but the batch 270.
    checkGraphQL(s, costly, alice, 'POST');
    const tooCostly: GraphQLHttpRequest = {
      requests: Array.from({ length: 3 }, () =>
        toGraphQLRequest({ query: '{ users(first: 30) { id name } }' }),
      ),
      batch: true,
    };
    const c = refusal(() => checkGraphQL(s, tooCostly, alice, 'POST'));
    assert.equal(c.code, 'GATEHOUSE_COST_LIMIT');
    assert.equal(c.extensions.actual, 270);
  });

  test('cost attack through variables', () => {
    const q = { query: 'query Q($n: Int = 5) { users(first: $n) { friends(first: $n) { id } } }' };
    checkGraphQL(settings(), one(q), alice, 'POST');
    const e = refusal(() => checkGraphQL(settings(), one({ ...q, variables: { n: 1000 } }), alice, 'POST'));
    assert.equal(e.code, 'GATEHOUSE_COST_LIMIT');
  });
});

describe('persisted queries', () => {
  const allowed = 'query Allowed { me { id } }';
  const hashOnly = (h: string) => one({ extensions: { persistedQuery: { version: 1, sha256Hash: h } } });

  test('allowlist mode: listed documents pass, others are refused', () => {
    const s = settings({}, { allowlist: true, hashes: new Set([documentHash(allowed)]) });
    checkGraphQL(s, one({ query: allowed }), anonymous, 'POST');
    const e = refusal(() => checkGraphQL(s, one({ query: '{ me { id } }' }), anonymous, 'POST'));
    assert.equal(e.code, 'GATEHOUSE_PERSISTED_QUERY_NOT_ALLOWED');
    assert.equal(e.status, 403);
    // Whitespace matters: the hash is of the exact text.
    assert.equal(
      refusal(() => checkGraphQL(s, one({ query: `${allowed} ` }), anonymous, 'POST')).code,
      'GATEHOUSE_PERSISTED_QUERY_NOT_ALLOWED',
    );
    // Hash-only for an inline hash passes unmeasured; an unknown hash is refused.
    assert.deepEqual(checkGraphQL(s, hashOnly(documentHash(allowed)), anonymous, 'POST').operations, [
      undefined,
    ]);
    assert.equal(
      refusal(() => checkGraphQL(s, hashOnly('b'.repeat(64)), anonymous, 'POST')).code,
      'GATEHOUSE_PERSISTED_QUERY_NOT_ALLOWED',
    );
  });

  test('allowlist mode: inline hash-only requests are refused when field rules exist', () => {
    const s = settings(
      { fieldScopes: new Map([['Query.me', ['me']]]) },
      { allowlist: true, hashes: new Set([documentHash(allowed)]) },
    );
    assert.equal(
      refusal(() => checkGraphQL(s, hashOnly(documentHash(allowed)), alice, 'POST')).code,
      'GATEHOUSE_PERSISTED_QUERY_NOT_ALLOWED',
    );
  });

  test('allowlist documents from files are measured and authorized even when sent by hash only', () => {
    const intro = '{ __schema { types { name } } }';
    const s = settings({}, { allowlist: true, documents: new Map([[documentHash(intro), intro]]) });
    assert.equal(
      refusal(() => checkGraphQL(s, hashOnly(documentHash(intro)), anonymous, 'POST')).code,
      'GATEHOUSE_INTROSPECTION_DISABLED',
    );
    checkGraphQL(s, hashOnly(documentHash(intro)), alice, 'POST');
  });

  test('a hash that does not match the query is refused', () => {
    const e = refusal(() =>
      checkGraphQL(
        settings(),
        one({ query: allowed, extensions: { persistedQuery: { sha256Hash: 'c'.repeat(64) } } }),
        alice,
        'POST',
      ),
    );
    assert.equal(e.code, 'GATEHOUSE_PERSISTED_QUERY_HASH_MISMATCH');
  });

  test('APQ: unknown hash-only → PersistedQueryNotFound (200); after registration it is measured', () => {
    const s = settings();
    const deep = '{ a { b { c { d { e { f } } } } } }';
    const ok = '{ me { id } }';
    const nf = refusal(() => checkGraphQL(s, hashOnly(documentHash(ok)), alice, 'POST'));
    assert.equal(nf.code, 'PERSISTED_QUERY_NOT_FOUND');
    assert.equal(nf.message, 'PersistedQueryNotFound');
    assert.equal(nf.status, 200);
    checkGraphQL(
      s,
      one({ query: ok, extensions: { persistedQuery: { sha256Hash: documentHash(ok) } } }),
      alice,
      'POST',
    );
    assert.equal(checkGraphQL(s, hashOnly(documentHash(ok)), alice, 'POST').operations[0]?.cost, 2);
    // A refused document is never cached: its hash stays unknown.
    refusal(() =>
      checkGraphQL(
        s,
        one({ query: deep, extensions: { persistedQuery: { sha256Hash: documentHash(deep) } } }),
        alice,
        'POST',
      ),
    );
    assert.equal(
      refusal(() => checkGraphQL(s, hashOnly(documentHash(deep)), alice, 'POST')).code,
      'PERSISTED_QUERY_NOT_FOUND',
    );
  });
});
