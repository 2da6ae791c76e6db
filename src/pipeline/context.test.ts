import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, test } from 'node:test';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AuthSuccess } from '../identity/types.ts';
import { type CompiledRoute, Exchange, ExchangeAuth } from './context.ts';

const compiled = { info: { name: 'r' } } as unknown as CompiledRoute;

function exchange(req: object): Exchange {
  return new Exchange(
    req as IncomingMessage,
    {} as ServerResponse,
    compiled,
    'GET',
    '/',
    '',
    'example.test',
    '127.0.0.1',
    '127.0.0.1',
    false,
    {},
    undefined,
    0,
    0,
  );
}

const success = { method: 'jwt-auth' } as unknown as AuthSuccess;

describe('Exchange.auth', () => {
  test('is created on first use, once per exchange, with its own lists', () => {
    const a = exchange({ headers: {} });
    const b = exchange({ headers: {} });
    assert.ok(a.auth instanceof ExchangeAuth);
    assert.equal(a.auth, a.auth);
    a.auth.successes.push(success);
    a.auth.failures.push({ method: 'key-auth', reason: 'missing', credentialId: undefined });
    assert.equal(a.auth.successes.length, 1);
    assert.equal(a.auth.failures.length, 1);
    assert.deepEqual(b.auth.successes, []);
    assert.deepEqual(b.auth.failures, []);
  });

  test('clientCertificate is undefined without a TLS socket and is read from the socket once', () => {
    assert.equal(exchange({ headers: {}, socket: undefined }).auth.clientCertificate, undefined);
    let reads = 0;
    const socket = {
      get authorized() {
        reads++;
        return false;
      },
      getPeerCertificate: () => assert.fail('an unauthorised peer certificate must not be read'),
    };
    const auth = exchange({ headers: {}, socket }).auth;
    assert.equal(auth.clientCertificate, undefined);
    assert.equal(auth.clientCertificate, undefined);
    assert.equal(reads, 1);
  });

  test('has no per-object accessor (an own getter means one old-generation AccessorPair per request)', () => {
    const a = exchange({ headers: {} }).auth;
    const b = exchange({ headers: {} }).auth;
    for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(a))) {
      assert.ok(!('get' in d) && !('set' in d), `ctx.auth.${name} is an own accessor`);
    }
    const getterOf = (o: object) =>
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(o), 'clientCertificate')?.get;
    assert.equal(typeof getterOf(a), 'function');
    assert.equal(getterOf(a), getterOf(b));
  });

  test('a finished request that used ctx.auth dies in the young generation (is not promoted)', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (o: { type: 'minor' | 'major'; execution: 'sync' }) => void;
    const oldUsed = () =>
      v8
        .getHeapSpaceStatistics()
        .filter((s) => s.space_name === 'old_space' || s.space_name === 'lo_space')
        .reduce((sum, s) => sum + s.space_used_size, 0);
    const serve = (n: number) => {
      for (let i = 0; i < n; i++) {
        // About 4 KiB per request, standing in for the IncomingMessage, parser and socket state.
        const ex = exchange({ headers: {}, socket: undefined, body: new Array(1024).fill(i) });
        ex.auth.successes.push(success);
      }
    };
    serve(200);
    gc({ type: 'major', execution: 'sync' });
    const before = oldUsed();
    serve(1000);
    // A request that survives two scavenges is promoted: ~4 MiB here if something old still points at them.
    gc({ type: 'minor', execution: 'sync' });
    gc({ type: 'minor', execution: 'sync' });
    const grown = oldUsed() - before;
    assert.ok(grown < 1024 * 1024, `old generation grew by ${Math.round(grown / 1024)} KiB`);
  });
});
