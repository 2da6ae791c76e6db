/**
 * The `graphql` policy through the real gateway: hostile documents (deep, alias flood, cost via variables,
 * huge, batched, introspection) are refused with GraphQL errors and never reach the upstream; normal queries
 * reach it byte for byte; introspection works for an admin consumer authenticated with key-auth.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateApiKey } from '../../src/identity/keys.ts';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

const admin = generateApiKey();
const user = generateApiKey();

function config(upstreamUrl: string): string {
  const guard = `{ max_depth: 10, max_aliases: 30, max_cost: 5000, max_batch: 5, max_tokens: 10000,
          introspection: { allow_groups: [admins] }, field_auth: { Mutation.deleteUser: [users:admin] } }`;
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: true }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${upstreamUrl}" }]
routes:
  - name: trial
    paths: ["/trial/graphql"]
    upstream: backend
    policies:
      graphql: { mode: report-only, max_aliases: 5 }
  - name: graphql
    paths: ["/graphql"]
    upstream: backend
    policies:
      key-auth: { optional: true, anonymous: guest }
      graphql: ${guard}
consumers:
  - id: root
    groups: [admins]
    api_keys:
      - { id: root-1, hash: "${admin.hash}" }
  - id: dev
    groups: [staff]
    api_keys:
      - { id: dev-1, hash: "${user.hash}" }
  - id: guest
    groups: [public]
`;
}

let up: TestUpstream;
let gw: TestGateway;

before(async () => {
  up = await startUpstream((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"data":{}}');
  });
  gw = await startGateway(config(up.url));
});
after(async () => {
  await gw?.close();
  await up?.close();
});

interface GraphQLErrors {
  errors: { message: string; extensions: { code: string } & Record<string, unknown> }[];
}

async function send(body: string, headers: Record<string, string> = {}, path = '/graphql') {
  const before = up.requests.length;
  const res = await fetch(`${gw.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  return { res, text, reached: up.requests.length > before ? up.requests.at(-1) : undefined };
}

async function refused(body: string, status: number, code: string, headers: Record<string, string> = {}) {
  const r = await send(body, headers);
  assert.equal(r.res.status, status, r.text.slice(0, 300));
  assert.equal(r.reached, undefined, 'the upstream must never see a refused request');
  assert.match(r.res.headers.get('content-type') ?? '', /^application\/(graphql-response\+)?json/);
  const parsed = JSON.parse(r.text) as GraphQLErrors;
  assert.equal(parsed.errors[0]?.extensions.code, code);
  assert.ok(r.text.length < 600, `the error body stays small (${r.text.length} bytes)`);
  return parsed.errors[0];
}

describe('graphql guard through the gateway', { timeout: 60_000 }, () => {
  test('a normal query reaches the upstream byte-identical (POST and GET)', async () => {
    const body =
      '{ "query" : "query Me { me { id name } }",\n "operationName": "Me", "variables": {"ünï": "çødé"} }';
    const r = await send(body);
    assert.equal(r.res.status, 200);
    assert.ok(r.reached);
    assert.deepEqual(r.reached.body, Buffer.from(body));
    assert.equal(r.reached.headers['content-length'], String(Buffer.byteLength(body)));
    const qs = `query=${encodeURIComponent('{ me { id } }')}&variables=%7B%7D`;
    const before = up.requests.length;
    const g = await fetch(`${gw.url}/graphql?${qs}`);
    assert.equal(g.status, 200);
    await g.body?.cancel();
    assert.equal(up.requests.length, before + 1);
    assert.equal(up.requests.at(-1)?.url, `/graphql?${qs}`);
  });

  test('deep query attack: refused by depth, and by nesting before the parser', async () => {
    const deep = `{ ${'friends { '.repeat(40)}id${' }'.repeat(40)} }`;
    const e = await refused(JSON.stringify({ query: deep }), 400, 'GATEHOUSE_DEPTH_LIMIT');
    assert.equal(e?.extensions.limit, 10);
    assert.equal(e?.extensions.actual, 41);
    const abyss = `{${'a{'.repeat(50_000)}b${'}'.repeat(50_001)}`;
    await refused(JSON.stringify({ query: abyss }), 400, 'GATEHOUSE_NESTING_LIMIT');
    // The same depth hidden in fragments.
    const frag = `{ ...F0 } ${Array.from({ length: 12 }, (_, i) => `fragment F${i} on ${i === 0 ? 'Query' : 'User'} { f { ...F${i + 1} } }`).join(' ')} fragment F12 on User { id }`;
    await refused(JSON.stringify({ query: frag }), 400, 'GATEHOUSE_DEPTH_LIMIT');
  });

  test('alias flood (×1000) is refused', async () => {
    const flood = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const e = await refused(JSON.stringify({ query: flood }), 400, 'GATEHOUSE_ALIAS_LIMIT');
    assert.equal(e?.extensions.actual, 1000);
  });

  test('fragment cycles are refused', async () => {
    await refused(
      JSON.stringify({
        query: '{ ...A } fragment A on Query { me { ...B } } fragment B on User { friends { ...A } }',
      }),
      400,
      'GATEHOUSE_FRAGMENT_CYCLE',
    );
  });

  test('cost attack through variables is refused; the same query with small variables passes', async () => {
    const query =
      'query Q($n: Int!) { users(first: $n) { friends(first: $n) { friends(first: $n) { id } } } }';
    const e = await refused(JSON.stringify({ query, variables: { n: 1000 } }), 400, 'GATEHOUSE_COST_LIMIT');
    assert.equal(e?.extensions.limit, 5000);
    const ok = await send(JSON.stringify({ query, variables: { n: 5 } }));
    assert.equal(ok.res.status, 200);
    assert.ok(ok.reached);
  });

  test('a huge document stops at the token limit', async () => {
    const huge = `{ ${'me '.repeat(200_000)}}`;
    await refused(JSON.stringify({ query: huge }), 400, 'GATEHOUSE_TOKEN_LIMIT');
  });

  test('batch attack: too many operations refused; one bad element refuses the batch; a small batch passes', async () => {
    const many = JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ me { id } }' })));
    const e = await refused(many, 400, 'GATEHOUSE_BATCH_LIMIT');
    assert.equal(e?.extensions.actual, 100);
    const mixed = JSON.stringify([{ query: '{ me { id } }' }, { query: '{ __schema { types { name } } }' }]);
    const m = await refused(mixed, 403, 'GATEHOUSE_INTROSPECTION_DISABLED');
    assert.equal(m?.extensions.batchIndex, 1);
    const small = await send(JSON.stringify([{ query: '{ me { id } }' }, { query: '{ version }' }]));
    assert.equal(small.res.status, 200);
    assert.ok(small.reached);
  });

  test('introspection: refused for anonymous and non-admin consumers, allowed for an admin', async () => {
    const q = JSON.stringify({ query: '{ __schema { queryType { name } types { name } } }' });
    await refused(q, 403, 'GATEHOUSE_INTROSPECTION_DISABLED', {
      accept: 'application/graphql-response+json',
    });
    await refused(q, 403, 'GATEHOUSE_INTROSPECTION_DISABLED', { 'x-api-key': user.key });
    const ok = await send(q, { 'x-api-key': admin.key });
    assert.equal(ok.res.status, 200);
    assert.equal(ok.reached?.headers['x-consumer-id'], 'root');
  });

  test('field authorization: a mutation without the scope is refused', async () => {
    const e = await refused(
      JSON.stringify({ query: 'mutation { deleteUser(id: 1) { id } }' }),
      403,
      'GATEHOUSE_FIELD_FORBIDDEN',
      { 'x-api-key': admin.key },
    );
    assert.equal(e?.extensions.field, 'Mutation.deleteUser');
  });

  test('non-GraphQL requests are refused: form posts (CSRF), URL parameters on POST, mutations over GET, other methods', async () => {
    await refused('query=%7Bme%7D', 415, 'GATEHOUSE_UNSUPPORTED_MEDIA_TYPE', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    const smuggled = await send(
      JSON.stringify({ query: '{ me { id } }' }),
      {},
      `/graphql?query=${encodeURIComponent('{ __schema { types { name } } }')}`,
    );
    assert.equal(smuggled.res.status, 400);
    assert.equal(smuggled.reached, undefined);
    const before = up.requests.length;
    const g = await fetch(`${gw.url}/graphql?query=${encodeURIComponent('mutation { deleteUser(id: 1) }')}`);
    assert.equal(g.status, 405);
    assert.equal(
      ((await g.json()) as GraphQLErrors).errors[0]?.extensions.code,
      'GATEHOUSE_MUTATION_OVER_GET',
    );
    const p = await fetch(`${gw.url}/graphql`, { method: 'PUT', body: '{}' });
    assert.equal(p.status, 405);
    await p.body?.cancel();
    assert.equal(up.requests.length, before);
  });

  test('every refusal is a graphql_rejected security event', () => {
    const events = gw.logs.filter((l) => l['event.action'] === 'graphql_rejected');
    const reasons = new Set(events.map((l) => l['event.reason']));
    for (const r of [
      'depth_limit',
      'alias_limit',
      'cost_limit',
      'batch_limit',
      'introspection_disabled',
      'token_limit',
    ]) {
      assert.ok(reasons.has(r), `${r} in ${[...reasons].join(',')}`);
    }
    assert.ok(!gw.logText().includes('a999: me'), 'the flood is not logged');
  });

  test('report-only: the alias flood is reported but reaches the upstream intact', async () => {
    const flood = JSON.stringify({
      query: `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
    });
    const r = await send(flood, {}, '/trial/graphql');
    assert.equal(r.res.status, 200);
    assert.equal(r.reached?.body.toString(), flood);
    const last = gw.logs.filter((l) => l['event.action'] === 'graphql_rejected').at(-1);
    assert.equal(last?.['event.outcome'], 'would-deny');
    assert.equal(last?.['gatehouse.route'], 'trial');
  });
});
