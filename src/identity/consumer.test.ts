import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeRequestContext } from '../policies/testing.ts';
import { recordSuccess } from './consumer.ts';
import { CONSUMER_HEADERS } from './types.ts';

const success = (id: string, groups: string[], method: string) => ({
  method,
  consumer: Object.freeze({ id, groups: Object.freeze(groups), metadata: Object.freeze({}) }),
  credentialId: `${id}-cred`,
  claims: undefined,
  scopes: [],
  acr: undefined,
  amr: [],
  authTime: undefined,
});

test('the first real success sets the consumer; a later one does not replace it', () => {
  const ctx = fakeRequestContext();
  recordSuccess(ctx, success('alice', ['staff'], 'key-auth'));
  recordSuccess(ctx, success('bob', [], 'jwt-auth'));
  assert.equal(ctx.consumer?.id, 'alice');
  assert.equal(ctx.upstreamHeaders[CONSUMER_HEADERS.id], 'alice');
  assert.equal(ctx.auth.successes.length, 2);
});

test('a real success replaces the anonymous consumer an optional method set, and drops its headers', () => {
  const ctx = fakeRequestContext();
  ctx.consumer = { id: 'guest', groups: ['public'] };
  ctx.upstreamHeaders[CONSUMER_HEADERS.id] = 'guest';
  ctx.upstreamHeaders[CONSUMER_HEADERS.groups] = 'public';
  ctx.upstreamHeaders[CONSUMER_HEADERS.anonymous] = 'true';
  recordSuccess(ctx, success('carol', [], 'jwt-auth'));
  assert.equal(ctx.consumer?.id, 'carol');
  assert.deepEqual(ctx.consumer?.groups, []);
  assert.equal(ctx.upstreamHeaders[CONSUMER_HEADERS.id], 'carol');
  assert.equal(ctx.upstreamHeaders[CONSUMER_HEADERS.groups], undefined);
  assert.equal(ctx.upstreamHeaders[CONSUMER_HEADERS.anonymous], undefined);
  assert.equal(ctx.upstreamHeaders[CONSUMER_HEADERS.method], 'jwt-auth');
});
