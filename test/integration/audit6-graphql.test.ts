/**
 * Audit of issue 6, GraphQL guard through the real gateway with attacks the other tests do not send: an
 * alias flood and a field fan-out hidden in fragments spread many times, a cycle through an inline fragment,
 * introspection hidden in a fragment, behind an alias or in a second operation, field authorization dodged by
 * an alias or a fragment, a duplicate `query` key in the JSON body, and a batch that smuggles introspection.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

describe('audit6: GraphQL guard evasions', { timeout: 30_000 }, () => {
  let up: TestUpstream;
  let gw: TestGateway;

  before(async () => {
    up = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":{}}');
    });
    gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: false }
listeners: [{ name: main, host: 127.0.0.1, port: 0 }]
upstreams: [{ name: backend, targets: [{ url: "${up.url}" }] }]
routes:
  - name: graphql
    paths: ["/graphql"]
    upstream: backend
    policies:
      graphql: { max_depth: 10, max_aliases: 30, max_cost: 5000, max_batch: 5, field_auth: { Mutation.deleteUser: [users:admin] } }
`);
  });

  after(async () => {
    await gw?.close();
    await up?.close();
  });

  async function refused(body: string, code: RegExp): Promise<void> {
    const before = up.requests.length;
    const res = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await res.text();
    assert.notEqual(res.status, 200, `${body.slice(0, 120)} → ${text.slice(0, 200)}`);
    assert.match(text, code, body.slice(0, 120));
    assert.equal(up.requests.length, before, 'the upstream never saw it');
  }

  test('alias and cost floods hidden in fragments spread many times are counted after expansion', async () => {
    const aliases = Array.from({ length: 10 }, (_, i) => `a${i}: me { id }`).join(' ');
    const spreads = Array.from({ length: 10 }, () => '...F').join(' ');
    await refused(
      JSON.stringify({ query: `{ ${spreads} } fragment F on Query { ${aliases} }` }),
      /GATEHOUSE_ALIAS_LIMIT/,
    );
    // Exponential fan-out: each level spreads the next one 10 times (10^6 fields once expanded).
    const levels = Array.from(
      { length: 6 },
      (_, i) => `fragment L${i} on User { ${Array.from({ length: 10 }, () => `...L${i + 1}`).join(' ')} }`,
    ).join(' ');
    await refused(
      JSON.stringify({ query: `{ me { ...L0 } } ${levels} fragment L6 on User { id }` }),
      /GATEHOUSE_(COST|ALIAS|DEPTH)_LIMIT/,
    );
  });

  test('a fragment cycle through an inline fragment is refused', async () => {
    await refused(
      JSON.stringify({ query: '{ ...A } fragment A on Query { ... on Query { me { ...A } } }' }),
      /GATEHOUSE_FRAGMENT_CYCLE/,
    );
    await refused(
      JSON.stringify({ query: '{ ...A } fragment A on Query { ...A }' }),
      /GATEHOUSE_FRAGMENT_CYCLE/,
    );
  });

  test('introspection hidden in a fragment, behind an alias, with a directive or in a batch is refused', async () => {
    for (const query of [
      '{ ...I } fragment I on Query { __schema { types { name } } }',
      '{ x: __schema { queryType { name } } }',
      '{ me { id } t: __type(name: "User") { fields { name } } }',
      '{ __schema @include(if: false) { types { name } } }',
      '{ ... @skip(if: true) { __schema { types { name } } } }',
    ]) {
      await refused(JSON.stringify({ query }), /GATEHOUSE_INTROSPECTION/);
    }
    await refused(
      JSON.stringify([{ query: '{ me { id } }' }, { query: '{ __schema { types { name } } }' }]),
      /GATEHOUSE_INTROSPECTION/,
    );
  });

  test('field authorization cannot be dodged with an alias or a fragment', async () => {
    for (const query of [
      'mutation { keep: deleteUser(id: 1) { id } }',
      'mutation { ...D } fragment D on Mutation { deleteUser(id: 1) { id } }',
      'mutation { ... on Mutation { deleteUser(id: 1) { id } } }',
    ]) {
      await refused(JSON.stringify({ query }), /GATEHOUSE_FORBIDDEN|GATEHOUSE_UNAUTHORIZED|FORBIDDEN/);
    }
  });

  test('a JSON body repeating "query" is refused (parsers disagree on which one wins)', async () => {
    await refused(
      '{"query":"{ me { id } }","query":"{ __schema { types { name } } }"}',
      /GATEHOUSE_INTROSPECTION|GATEHOUSE_BAD_REQUEST/,
    );
    await refused(
      '{"query":"{ __schema { types { name } } }","query":"{ me { id } }"}',
      /GATEHOUSE_INTROSPECTION|GATEHOUSE_BAD_REQUEST/,
    );
    // A first-wins upstream would run with first: 100000 while the guard priced first: 1.
    await refused(
      String.raw`{"query":"query($n: Int) { users(first: $n) { id } }","variables":{"n":100000,"\u006e":1}}`,
      /GATEHOUSE_BAD_REQUEST/,
    );
  });
});
