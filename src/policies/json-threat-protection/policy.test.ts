import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import type { RequestContext } from '../../pipeline/types.ts';
import { fakeDeps, fakeRequestContext, instantiate, runRequest, schemaFixtureSuite } from '../testing.ts';
import { BUFFERED_BODY_KEY } from '../waf/body.ts';
import { policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

const JSON_CT = { 'content-type': 'application/json' };

function ctxWith(body: string | Buffer, headers: Record<string, string> = JSON_CT, maxBodyBytes?: number) {
  return fakeRequestContext({
    method: 'POST',
    headers: { 'content-length': String(Buffer.byteLength(body)), ...headers },
    body,
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
  });
}

/** A context whose request body is the given (possibly endless) stream, sent chunked. */
function streamingCtx(stream: Readable, headers: Record<string, string> = JSON_CT): RequestContext {
  const base = fakeRequestContext({
    method: 'POST',
    headers: { 'transfer-encoding': 'chunked', ...headers },
  });
  return { ...base, req: stream as unknown as IncomingMessage };
}

async function collect(body: unknown): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const parts: Buffer[] = [];
  for await (const c of body as AsyncIterable<Buffer>) parts.push(c);
  return Buffer.concat(parts);
}

describe('json-threat-protection: valid bodies', () => {
  test('a valid body is handed to the proxy byte-identical', async () => {
    const body = '\ufeff{ "a": [1, 2.5e3, "é\\u00e9"], "b": {"c": null} }\n';
    const ctx = ctxWith(body, { 'content-type': 'application/json; charset=utf-8' });
    const { error } = await runRequest(instantiate(policy, {}), ctx);
    assert.equal(error, undefined);
    assert.deepEqual(await collect(ctx.state[BUFFERED_BODY_KEY]), Buffer.from(body));
  });

  test('application/*+json is inspected by default; other media types and bodiless requests are not', async () => {
    const bad = '{"a":1,"a":2}';
    const inst = instantiate(policy, {});
    const vnd = await runRequest(inst, ctxWith(bad, { 'content-type': 'application/vnd.api+json' }));
    assert.equal(vnd.error?.reason, 'json:duplicate_key');
    for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx', '']) {
      const ctx = ctxWith(bad, { 'content-type': ct });
      assert.equal((await runRequest(inst, ctx)).error, undefined, ct);
      assert.equal(ctx.state[BUFFERED_BODY_KEY], undefined, 'the body streams through untouched');
    }
    const none = fakeRequestContext({ method: 'POST', headers: JSON_CT });
    assert.equal((await runRequest(inst, none)).error, undefined);
    assert.equal(none.state[BUFFERED_BODY_KEY], undefined);
  });

  test('content_types is configurable', async () => {
    const inst = instantiate(policy, { content_types: ['text/*'] });
    assert.equal(
      (await runRequest(inst, ctxWith('[1,]', { 'content-type': 'text/plain' }))).error?.code,
      'GW_BAD_REQUEST',
    );
    assert.equal((await runRequest(inst, ctxWith('[1,]'))).error, undefined);
  });

  test('a body an earlier policy buffered (state.body) is read from there', async () => {
    const body = Buffer.from('{"ok":true}');
    const ctx = ctxWith('');
    ctx.state[BUFFERED_BODY_KEY] = body;
    ctx.headers['content-length'] = String(body.length);
    assert.equal((await runRequest(instantiate(policy, {}), ctx)).error, undefined);
    assert.deepEqual(await collect(ctx.state[BUFFERED_BODY_KEY]), body);
  });
});

describe('json-threat-protection: refusals', () => {
  test('each limit answers 400 problem with reason json:<limit>, a detail naming it, and an event', async () => {
    const cases: Array<[unknown, string, string, RegExp]> = [
      [{ max_depth: 2 }, '[[[1]]]', 'json:depth', /deeper than 2/],
      [{ max_object_entries: 1 }, '{"a":1,"b":2}', 'json:entries', /more than 1 entries/],
      [{ max_array_length: 2 }, '[1,2,3]', 'json:array', /more than 2 elements/],
      [{ max_string_length: 3 }, '["abcd"]', 'json:string', /longer than 3/],
      [{ max_key_length: 3 }, '{"abcd":1}', 'json:key', /longer than 3/],
      [{ max_number_length: 3 }, '[1234]', 'json:number', /longer than 3/],
      [{}, '{"a":1,"a":2}', 'json:duplicate_key', /repeats a key/],
      [{}, '{"__pro\\u0074o__":{}}', 'json:proto_key', /forbidden object key/],
      [{ bom: 'reject' }, '\ufeff{}', 'json:bom', /byte order mark/],
      [{}, '{"a":', 'json:syntax', /ends before/],
      [{}, "{'a':1}", 'json:syntax', /not well-formed/],
    ];
    for (const [config, body, reason, detail] of cases) {
      const deps = fakeDeps();
      const ctx = ctxWith(body);
      const { error } = await runRequest(instantiate(policy, config, deps), ctx);
      assert.equal(error?.code, 'GW_BAD_REQUEST', reason);
      assert.equal(error?.status, 400);
      assert.equal(error?.reason, reason);
      assert.match(error?.detail ?? '', detail);
      assert.equal(deps.events.length, 1);
      const ev = deps.events[0];
      assert.equal(ev?.type, 'payload_rejected');
      assert.equal(ev?.fields['event.reason'], reason);
      assert.equal(ev?.fields['gatehouse.policy'], 'json-threat-protection');
      assert.equal(ev?.fields['http.request.id'], 'test-request-id');
      assert.equal(ev?.fields['client.ip'], '203.0.113.10');
      assert.equal(ev?.fields['gatehouse.route'], 'test-route');
      assert.equal(ev?.fields['event.outcome'], 'deny');
    }
  });

  test('the detail never echoes the offending value', async () => {
    const { error } = await runRequest(
      instantiate(policy, { max_string_length: 4 }),
      ctxWith('{"password":"hunter2-secret"}'),
    );
    assert.equal(error?.reason, 'json:string');
    assert.doesNotMatch(`${error?.detail} ${error?.message}`, /hunter2|password/);
  });

  test('a Content-Length above max_size is 413 json:size before the body is read', async () => {
    const ctx = fakeRequestContext({ method: 'POST', headers: { ...JSON_CT, 'content-length': '1000' } });
    const { error } = await runRequest(instantiate(policy, { max_size: 999 }), ctx);
    assert.equal(error?.code, 'GW_PAYLOAD_TOO_LARGE');
    assert.equal(error?.status, 413);
    assert.equal(error?.reason, 'json:size');
  });

  test('a chunked body growing past max_size is 413 json:size', async () => {
    const ctx = streamingCtx(Readable.from([Buffer.from('["'), Buffer.alloc(100, 'a'), Buffer.from('"]')]));
    const { error } = await runRequest(instantiate(policy, { max_size: 50 }), ctx);
    assert.equal(error?.status, 413);
    assert.equal(error?.reason, 'json:size');
  });

  test('the listener limit (ctx.maxBodyBytes) still applies', async () => {
    const { error } = await runRequest(
      instantiate(policy, {}),
      ctxWith(`[${'1,'.repeat(50)}1]`, JSON_CT, 20),
    );
    assert.equal(error?.status, 413);
    assert.equal(error?.reason, 'body_too_large');
  });

  test('an endless deep stream is refused after the first chunk; the rest is never pulled', async () => {
    let pulled = 0;
    const endless = Readable.from(
      (function* gen() {
        for (;;) {
          pulled++;
          yield Buffer.alloc(16_384, '[');
        }
      })(),
    );
    const { error } = await runRequest(instantiate(policy, {}), streamingCtx(endless));
    assert.equal(error?.reason, 'json:depth');
    assert.ok(pulled < 20, `pulled ${pulled} chunks`);
    endless.destroy();
  });
});

describe('json-threat-protection: report-only', () => {
  test('records a would-deny decision and event, and forwards the whole body unchanged', async () => {
    const deps = { ...fakeDeps(), mode: 'report-only' as const };
    const events = deps.events;
    const body = Buffer.concat([
      Buffer.from('{"a":1,"a":2,"rest":"'),
      Buffer.alloc(1000, 'x'),
      Buffer.from('"}'),
    ]);
    const parts = [body.subarray(0, 10), body.subarray(10, 500), body.subarray(500)];
    const ctx = streamingCtx(Readable.from(parts));
    const { error } = await runRequest(instantiate(policy, {}, deps), ctx);
    assert.equal(error, undefined);
    assert.deepEqual(ctx.decisions, [
      { policy: 'json-threat-protection', action: 'would-deny', reason: 'json:duplicate_key', status: 400 },
    ]);
    assert.equal(events[0]?.fields['event.outcome'], 'would-deny');
    assert.deepEqual(await collect(ctx.state[BUFFERED_BODY_KEY]), body);
  });

  test('an oversized Content-Length is reported, not refused, and the body is left to stream', async () => {
    const deps = { ...fakeDeps(), mode: 'report-only' as const };
    const ctx = ctxWith('[1,2,3]');
    const { error } = await runRequest(instantiate(policy, { max_size: 3 }, deps), ctx);
    assert.equal(error, undefined);
    assert.equal(ctx.decisions[0]?.reason, 'json:size');
    assert.equal(ctx.state[BUFFERED_BODY_KEY], undefined);
  });
});
