import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { documentHash } from '../../graphql/persisted.ts';
import type { LocalReply, RequestContext } from '../../pipeline/types.ts';
import { authenticate } from '../auth-requirement/test-support.ts';
import {
  applyDefaults,
  fakeDeps,
  fakeRequestContext,
  instantiate,
  runRequest,
  schemaFixtureSuite,
} from '../testing.ts';
import { policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-graphql-policy-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function post(
  body: string,
  headers: Record<string, string> = {},
  init: Parameters<typeof fakeRequestContext>[0] = {},
) {
  return fakeRequestContext({
    method: 'POST',
    path: '/graphql',
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      ...headers,
    },
    body,
    ...init,
  });
}

interface ErrorsBody {
  errors: { message: string; extensions: { code: string } & Record<string, unknown> }[];
}

function errorsOf(reply: LocalReply | undefined): ErrorsBody['errors'][number] {
  assert.ok(reply, 'expected a local reply');
  const parsed = JSON.parse(String(reply.body)) as ErrorsBody;
  assert.equal(parsed.errors.length, 1);
  return parsed.errors[0] as ErrorsBody['errors'][number];
}

describe('graphql policy', () => {
  test('a normal POST passes; the exact body is handed back to the proxy', async () => {
    const body = JSON.stringify({ query: 'query Me { me { id name } }', operationName: 'Me' });
    const ctx = post(body);
    const out = await runRequest(instantiate(policy), ctx);
    assert.equal(out.reply, undefined);
    assert.equal(out.error, undefined);
    assert.ok(Buffer.isBuffer(ctx.state.body));
    assert.equal((ctx.state.body as Buffer).toString(), body);
    assert.deepEqual(ctx.state.graphql, { operations: [{ type: 'query', name: 'Me', cost: 3 }], cost: 3 });
  });

  test('a JSON body repeating a key (even through an escape) is refused: parsers disagree on the winner', async () => {
    const i = instantiate(policy);
    for (const body of [
      '{"query":"{ me { id } }","query":"{ __schema { types { name } } }"}',
      '{"query":"query($n: Int) { users(first: $n) { id } }","variables":{"n":100000,"\\u006e":1}}',
    ]) {
      const out = await runRequest(i, post(body));
      assert.equal(errorsOf(out.reply).extensions.code, 'GATEHOUSE_BAD_REQUEST', body);
      assert.match(errorsOf(out.reply).message, /repeats a key/);
    }
  });

  test('GET queries pass; GET mutations are refused with 405', async () => {
    const i = instantiate(policy);
    const ok = fakeRequestContext({
      path: '/graphql',
      query: `query=${encodeURIComponent('{ me { id } }')}`,
    });
    assert.equal((await runRequest(i, ok)).reply, undefined);
    const mut = fakeRequestContext({
      path: '/graphql',
      query: `query=${encodeURIComponent('mutation { a }')}`,
    });
    const r = (await runRequest(i, mut)).reply;
    assert.equal(r?.status, 405);
    assert.equal(r?.headers?.allow, 'POST');
    assert.equal(errorsOf(r).extensions.code, 'GATEHOUSE_MUTATION_OVER_GET');
    const noGet = instantiate(policy, { allow_get: false });
    assert.equal((await runRequest(noGet, ok)).reply?.status, 405);
  });

  test('error format: GraphQL errors, content type negotiated, event emitted, nothing echoed', async () => {
    const deps = fakeDeps();
    const i = instantiate(policy, { max_depth: 3 }, deps);
    const deep = `{ ${'veryLongFieldName'.repeat(20)} { b { c { d } } } }`;
    const r = (
      await runRequest(
        i,
        post(JSON.stringify({ query: deep }), { accept: 'application/graphql-response+json' }),
      )
    ).reply;
    assert.equal(r?.status, 400);
    assert.equal(r?.headers?.['content-type'], 'application/graphql-response+json; charset=utf-8');
    const e = errorsOf(r);
    assert.equal(e.extensions.code, 'GATEHOUSE_DEPTH_LIMIT');
    assert.equal(e.extensions.limit, 3);
    assert.equal(e.extensions.actual, 4);
    assert.ok(!String(r?.body).includes('veryLongFieldName'));
    assert.equal(deps.events[0]?.type, 'graphql_rejected');
    assert.equal(deps.events[0]?.fields['event.reason'], 'depth_limit');
    assert.equal(deps.events[0]?.fields['gatehouse.graphql.limit'], 3);
    const plain = (await runRequest(i, post(JSON.stringify({ query: deep })))).reply;
    assert.equal(plain?.headers?.['content-type'], 'application/json; charset=utf-8');
  });

  test('report-only: the refusal is recorded and the request continues with its body', async () => {
    const deps = { ...fakeDeps(), mode: 'report-only' as const };
    const events = deps.events;
    const i = policy.create(applyDefaults(policy, { max_aliases: 1 }), deps);
    const body = JSON.stringify({ query: '{ a: me { id } b: me { id } }' });
    const ctx = post(body);
    const out = await runRequest(i, ctx);
    assert.equal(out.reply, undefined);
    assert.deepEqual(ctx.decisions, [
      { policy: 'graphql', action: 'would-deny', reason: 'graphql:alias_limit', status: 400 },
    ]);
    assert.equal(events[0]?.fields['event.outcome'], 'would-deny');
    assert.equal((ctx.state.body as Buffer).toString(), body);
  });

  test('methods, media types and body size', async () => {
    const i = instantiate(policy, { max_body_bytes: 1024 });
    const put = fakeRequestContext({ method: 'PUT', headers: { 'content-type': 'application/json' } });
    assert.equal((await runRequest(i, put)).reply?.status, 405);
    assert.equal((await runRequest(i, fakeRequestContext({ method: 'OPTIONS' }))).reply, undefined);
    const form = post('query=x', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal((await runRequest(i, form)).reply?.status, 415);
    const text = post('{"query":"{a}"}', { 'content-type': 'text/plain' });
    assert.equal((await runRequest(i, text)).reply?.status, 415);
    const big = JSON.stringify({ query: `{ a ${'b '.repeat(1000)}}` });
    const declared = await runRequest(i, post(big));
    assert.equal(declared.reply?.status, 413);
    assert.equal(errorsOf(declared.reply).extensions.code, 'GATEHOUSE_BODY_TOO_LARGE');
    // Chunked (no Content-Length): refused after reading just past the limit.
    const chunked = fakeRequestContext({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: big,
    });
    assert.equal((await runRequest(i, chunked)).reply?.status, 413);
    // A POST with GraphQL parameters in the URL too: the upstream might run the URL's query.
    const both = post(
      JSON.stringify({ query: '{ me { id } }' }),
      {},
      { query: `query=${encodeURIComponent('{ __schema { types { name } } }')}` },
    );
    assert.equal(errorsOf((await runRequest(i, both)).reply).extensions.code, 'GATEHOUSE_BAD_REQUEST');
    const gql = post('{ me { id } }', { 'content-type': 'application/graphql; charset=utf-8' });
    assert.equal((await runRequest(i, gql)).reply, undefined);
  });

  test('a body already buffered by an earlier policy (waf) is reused', async () => {
    const i = instantiate(policy);
    const body = JSON.stringify({ query: '{ __schema { types { name } } }' });
    const ctx = post(body, {}, { state: { body: Buffer.from(body) } });
    assert.equal(
      errorsOf((await runRequest(i, ctx)).reply).extensions.code,
      'GATEHOUSE_INTROSPECTION_DISABLED',
    );
    async function* parts(): AsyncGenerator<Buffer> {
      yield Buffer.from(body.slice(0, 10));
      yield Buffer.from(body.slice(10));
    }
    const ctx2 = post('', {}, { state: { body: parts() } });
    const r2 = await runRequest(i, ctx2);
    assert.equal(r2.reply?.status, 403);
  });

  test('introspection allowed for a configured group, consumer scopes gate fields', async () => {
    const i = instantiate(policy, {
      introspection: { allow_groups: ['admins'] },
      field_auth: { 'Mutation.deleteUser': ['users:admin'] },
    });
    const asAdmin = (body: string): RequestContext => {
      const ctx = post(body);
      authenticate(ctx, {
        method: 'key-auth',
        consumer: { id: 'root', groups: ['admins'] },
        scopes: ['users:admin'],
      });
      return ctx;
    };
    const intro = JSON.stringify({ query: '{ __type(name: "User") { name } }' });
    assert.equal((await runRequest(i, asAdmin(intro))).reply, undefined);
    assert.equal((await runRequest(i, post(intro))).reply?.status, 403);
    const del = JSON.stringify({ query: 'mutation { deleteUser(id: 1) }' });
    assert.equal((await runRequest(i, asAdmin(del))).reply, undefined);
    const r = (await runRequest(i, post(del))).reply;
    assert.equal(r?.status, 403);
    assert.equal(errorsOf(r).extensions.field, 'Mutation.deleteUser');
  });

  test('APQ not-found answer: 200, Apollo message, no-cache, no security event', async () => {
    const deps = fakeDeps();
    const i = instantiate(policy, {}, deps);
    const ext = { persistedQuery: { version: 1, sha256Hash: documentHash('{ me { id } }') } };
    const r = (await runRequest(i, post(JSON.stringify({ extensions: ext })))).reply;
    assert.equal(r?.status, 200);
    assert.equal(r?.headers?.['cache-control'], 'private, no-cache, must-revalidate');
    assert.equal(errorsOf(r).message, 'PersistedQueryNotFound');
    assert.equal(deps.events.length, 0);
    const ctx = post(JSON.stringify({ extensions: ext }));
    await runRequest(i, ctx);
    assert.equal(ctx.decisions[0]?.action, 'reply');
  });

  test('config: allowlist from files, schema file typing nested rules, load-time errors', async () => {
    const doc = 'query Allowed { me { email } }';
    const docs = join(dir, 'allowed');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(docs);
    writeFileSync(join(docs, 'allowed.graphql'), doc);
    const sdl = join(dir, 'schema.graphql');
    writeFileSync(sdl, 'type Query { me: User } type User { id: ID email: String }');
    const i = instantiate(policy, {
      schema_file: sdl,
      field_auth: { 'User.email': ['pii:read'] },
      persisted_queries: { allowlist: true, paths: [docs] },
    });
    const r = (await runRequest(i, post(JSON.stringify({ query: doc })))).reply;
    assert.equal(errorsOf(r).extensions.code, 'GATEHOUSE_FIELD_FORBIDDEN');
    const other = (await runRequest(i, post(JSON.stringify({ query: '{ me { id } }' })))).reply;
    assert.equal(errorsOf(other).extensions.code, 'GATEHOUSE_PERSISTED_QUERY_NOT_ALLOWED');
    assert.throws(() => instantiate(policy, { field_auth: { 'User.email': ['x'] } }), /schema_file/);
    assert.throws(() => instantiate(policy, { cost: { field_costs: { 'User.posts': 5 } } }), /schema_file/);
    assert.throws(() => instantiate(policy, { persisted_queries: { allowlist: true } }), TypeError);
    assert.throws(() => instantiate(policy, { schema_file: join(dir, 'missing.graphql') }), TypeError);
    instantiate(policy, { field_auth: { '*.email': ['x'], 'Query.me': ['y'] } });
  });
});
