import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  FAKE_LISTENER_MAX_BODY,
  fakeRequestContext,
  instantiate,
  runRequest,
  schemaFixtureSuite,
} from '../testing.ts';
import { policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

async function run(config: unknown, headers: Record<string, string | string[]>, maxBodyBytes?: number) {
  const ctx = fakeRequestContext({
    method: 'POST',
    headers,
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
  });
  const outcome = await runRequest(instantiate(policy, config), ctx);
  assert.equal(outcome.reply, undefined);
  return { error: outcome.error, ctx };
}

describe('request-size-limit: size', () => {
  test('default is 1 MiB: Content-Length over it is 413 body_too_large', async () => {
    const { error } = await run({}, { 'content-length': String(1_048_577) });
    assert.equal(error?.code, 'GW_PAYLOAD_TOO_LARGE');
    assert.equal(error?.status, 413);
    assert.equal(error?.reason, 'body_too_large');
    assert.match(error?.detail ?? '', /1048576 bytes/);
  });

  test('exactly at the limit passes and lowers ctx.maxBodyBytes', async () => {
    const { error, ctx } = await run({ max_bytes: 100 }, { 'content-length': '100' });
    assert.equal(error, undefined);
    assert.equal(ctx.maxBodyBytes, 100);
  });

  test('never raises ctx.maxBodyBytes above the listener limit', async () => {
    const { ctx } = await run({ max_bytes: 5_000_000 }, {}, 1000);
    assert.equal(ctx.maxBodyBytes, 1000);
    const { ctx: ctx2 } = await run({ max_bytes: 5_000_000 }, {});
    assert.equal(ctx2.maxBodyBytes, Math.min(5_000_000, FAKE_LISTENER_MAX_BODY));
  });

  test('chunked bodies without Content-Length pass (the proxy enforces while streaming)', async () => {
    const { error, ctx } = await run({ max_bytes: 10 }, { 'transfer-encoding': 'chunked' });
    assert.equal(error, undefined);
    assert.equal(ctx.maxBodyBytes, 10);
  });

  test('max_bytes 0 refuses any body', async () => {
    assert.equal(
      (await run({ max_bytes: 0 }, { 'content-length': '1' })).error?.code,
      'GW_PAYLOAD_TOO_LARGE',
    );
    assert.equal((await run({ max_bytes: 0 }, { 'content-length': '0' })).error, undefined);
  });

  test('absurd Content-Length values are refused, not overflowed', async () => {
    for (const cl of ['99999999999999999999999999999', '9'.repeat(400), '00000000000000000000000000011']) {
      const { error } = await run({ max_bytes: 10 }, { 'content-length': cl });
      assert.equal(error?.code, 'GW_PAYLOAD_TOO_LARGE', cl);
    }
  });

  test('malformed Content-Length is a 400, never treated as zero', async () => {
    for (const cl of ['', '-1', '1e3', '0x10', ' 10', '10 ', '10, 10', '+5', '1.5', '１０']) {
      const { error } = await run({ max_bytes: 1_000_000 }, { 'content-length': cl });
      assert.equal(error?.code, 'GW_BAD_REQUEST', JSON.stringify(cl));
      assert.equal(error?.reason, 'bad_content_length');
    }
    const { error } = await run({}, { 'content-length': ['1', '2'] });
    assert.equal(error?.code, 'GW_BAD_REQUEST');
  });
});

describe('request-size-limit: require_content_length', () => {
  test('chunked body without Content-Length → 411 length_required', async () => {
    const { error } = await run({ require_content_length: true }, { 'transfer-encoding': 'chunked' });
    assert.equal(error?.code, 'GW_BAD_REQUEST');
    assert.equal(error?.status, 411);
    assert.equal(error?.reason, 'length_required');
  });

  test('no body at all, or Content-Length present, is fine', async () => {
    assert.equal((await run({ require_content_length: true }, {})).error, undefined);
    assert.equal((await run({ require_content_length: true }, { 'content-length': '3' })).error, undefined);
  });
});

describe('request-size-limit: allowed_content_types', () => {
  const config = { allowed_content_types: ['application/json', 'text/*', 'application/*+json'] };
  const body = { 'content-length': '2' };

  test('matching media types pass, ignoring case and parameters', async () => {
    for (const ct of [
      'application/json',
      'Application/JSON; charset=utf-8',
      'application/json ;charset=utf-8',
      'text/plain',
      'text/csv; header=present',
      'application/vnd.api+json',
      'application/problem+json; charset=utf-8',
    ]) {
      assert.equal((await run(config, { ...body, 'content-type': ct })).error, undefined, ct);
    }
  });

  test('other, missing or malformed media types → 415', async () => {
    for (const ct of [
      'application/xml',
      'application/jsonx',
      'application/json+xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'image/json',
      'json',
      'application/',
      '/json',
      '',
      'text',
      'application/vnd.api+json+xml',
    ]) {
      const { error } = await run(config, { ...body, 'content-type': ct });
      assert.equal(error?.code, 'GW_UNSUPPORTED_MEDIA_TYPE', ct);
      assert.equal(error?.status, 415);
    }
    assert.equal((await run(config, body)).error?.code, 'GW_UNSUPPORTED_MEDIA_TYPE', 'missing content-type');
    assert.equal(
      (await run(config, { 'transfer-encoding': 'chunked' })).error?.code,
      'GW_UNSUPPORTED_MEDIA_TYPE',
      'chunked body without content-type',
    );
  });

  test('requests without a body are not checked', async () => {
    assert.equal((await run(config, {})).error, undefined);
    assert.equal(
      (await run(config, { 'content-length': '0', 'content-type': 'image/png' })).error,
      undefined,
    );
  });

  test('size is checked before media type', async () => {
    const { error } = await run(
      { ...config, max_bytes: 1 },
      { 'content-length': '5', 'content-type': 'image/png' },
    );
    assert.equal(error?.code, 'GW_PAYLOAD_TOO_LARGE');
  });

  test('create() refuses entries that are not media ranges', () => {
    for (const entry of ['json', '*/*', 'application/json; charset=utf-8', 'a/b/c', 'text/*x']) {
      assert.throws(
        () =>
          policy.create(
            { max_bytes: 1, require_content_length: false, allowed_content_types: [entry] },
            undefined as never,
          ),
        TypeError,
        entry,
      );
    }
  });
});
