import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GraphQLGuardError } from './errors.ts';
import { requestFromQueryString, requestsFromBody } from './request.ts';

const H = 'a'.repeat(64);

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof GraphQLGuardError, String(err));
    return err.code;
  }
  assert.fail('expected a refusal');
}

describe('requestFromQueryString', () => {
  test('reads query, variables, operationName and extensions', () => {
    const q = new URLSearchParams({
      query: 'query Q($n: Int) { users(first: $n) { id } }',
      variables: '{"n":3}',
      operationName: 'Q',
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: H.toUpperCase() } }),
    }).toString();
    const r = requestFromQueryString(q);
    assert.equal(r.batch, false);
    assert.deepEqual(r.requests[0], {
      query: 'query Q($n: Int) { users(first: $n) { id } }',
      variables: { n: 3 },
      operationName: 'Q',
      hash: H,
    });
  });
  test('hash-only requests have no query', () => {
    const ext = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: H } }));
    assert.equal(requestFromQueryString(`extensions=${ext}`).requests[0]?.query, undefined);
  });
  test('refuses repeated parameters, bad JSON, missing query', () => {
    assert.equal(
      code(() => requestFromQueryString('query=%7Ba%7D&query=%7Bb%7D')),
      'GATEHOUSE_BAD_REQUEST',
    );
    assert.equal(
      code(() => requestFromQueryString('query=%7Ba%7D&variables=%7B')),
      'GATEHOUSE_BAD_REQUEST',
    );
    assert.equal(
      code(() => requestFromQueryString('query=%7Ba%7D&variables=%5B1%5D')),
      'GATEHOUSE_BAD_REQUEST',
    );
    assert.equal(
      code(() => requestFromQueryString('')),
      'GATEHOUSE_BAD_REQUEST',
    );
    assert.equal(
      code(() =>
        requestFromQueryString(
          `query=x&extensions=${encodeURIComponent('{"persistedQuery":{"sha256Hash":"zz"}}')}`,
        ),
      ),
      'GATEHOUSE_BAD_REQUEST',
    );
  });
});

describe('requestsFromBody', () => {
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  test('a JSON object, a batch, an application/graphql document', () => {
    assert.equal(requestsFromBody('application/json', json({ query: '{a}' }), 5).requests[0]?.query, '{a}');
    const b = requestsFromBody(
      'application/json',
      json([{ query: '{a}' }, { query: '{b}', operationName: null }]),
      5,
    );
    assert.equal(b.batch, true);
    assert.equal(b.requests.length, 2);
    assert.equal(
      requestsFromBody('application/graphql', Buffer.from('{ me }'), 5).requests[0]?.query,
      '{ me }',
    );
  });
  test('batch limits: too many, batches disabled, empty', () => {
    const many = json(Array.from({ length: 6 }, () => ({ query: '{a}' })));
    assert.equal(
      code(() => requestsFromBody('application/json', many, 5)),
      'GATEHOUSE_BATCH_LIMIT',
    );
    assert.equal(
      code(() => requestsFromBody('application/json', json([{ query: '{a}' }]), 0)),
      'GATEHOUSE_BATCH_LIMIT',
    );
    assert.equal(
      code(() => requestsFromBody('application/json', json([]), 5)),
      'GATEHOUSE_BAD_REQUEST',
    );
  });
  test('shape errors', () => {
    for (const bad of [
      'not json',
      '"a string"',
      '{"query": 1}',
      '{"query": "{a}", "variables": "x"}',
      '{"query": "{a}", "operationName": 3}',
      '{"query": "{a}", "extensions": []}',
      '{}',
      '[{"query":"{a}"}, 5]',
    ]) {
      assert.equal(
        code(() => requestsFromBody('application/json', Buffer.from(bad), 5)),
        'GATEHOUSE_BAD_REQUEST',
        bad,
      );
    }
    assert.equal(
      code(() => requestsFromBody('application/json', Buffer.from([0x7b, 0xff, 0x7d]), 5)),
      'GATEHOUSE_BAD_REQUEST',
    );
  });
});
