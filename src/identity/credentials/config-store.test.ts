import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateApiKey } from '../keys.ts';
import { createConfigCredentialStore } from './config-store.ts';
import { credentialsFor } from './index.ts';
import { apiKeyStatus } from './types.ts';

const a = generateApiKey();
const b = generateApiKey();

describe('config credential store', () => {
  test('records from consumers[].api_keys, looked up by hash, id and consumer', () => {
    const s = createConfigCredentialStore([
      {
        id: 'alice',
        api_keys: [
          { id: 'a1', hash: a.hash, expires_at: '2030-01-01T00:00:00Z', not_before: '2020-01-01T00:00:00Z' },
          { id: 'a2', hash: b.hash, revoked: true },
        ],
      },
      { id: 'bob' },
    ]);
    assert.equal(s.size, 2);
    assert.deepEqual(s.find(a.hash), {
      id: 'a1',
      consumerId: 'alice',
      hash: a.hash,
      createdAt: 0,
      expiresAt: Date.parse('2030-01-01T00:00:00Z'),
      notBefore: Date.parse('2020-01-01T00:00:00Z'),
    });
    assert.equal(apiKeyStatus(s.find(b.hash)!, Date.now()), 'revoked');
    assert.equal(s.get('a2')?.hash, b.hash);
    assert.deepEqual(
      s.list('alice').map((r) => r.id),
      ['a1', 'a2'],
    );
    assert.deepEqual(s.list('bob'), []);
    assert.equal(s.find(generateApiKey().hash), undefined);
  });

  test('read-only', async () => {
    const s = createConfigCredentialStore([]);
    assert.throws(() => s.put({ id: 'x', consumerId: 'y', hash: a.hash, createdAt: 0 }), /read-only/);
    assert.throws(() => s.revoke('x'), /read-only/);
    await assert.rejects(() => s.rotate('x', 1), /read-only/);
  });

  test('the same key or id twice is a config error naming the entry', () => {
    assert.throws(
      () =>
        createConfigCredentialStore([
          { id: 'alice', api_keys: [{ id: 'k1', hash: a.hash }] },
          { id: 'mallory', api_keys: [{ id: 'k2', hash: a.hash }] },
        ]),
      /consumers\.mallory\.api_keys\.k2\.hash: the same key is already configured as "k1" of consumer "alice"/,
    );
    assert.throws(
      () =>
        createConfigCredentialStore([
          { id: 'alice', api_keys: [{ id: 'k1', hash: a.hash }] },
          { id: 'bob', api_keys: [{ id: 'k1', hash: b.hash }] },
        ]),
      /consumers\.bob\.api_keys\.k1\.id: key id "k1" is already used/,
    );
    assert.throws(
      () => createConfigCredentialStore([{ id: 'alice', api_keys: [{ id: 'k1', hash: 'sha256:XYZ' }] }]),
      /consumers\.alice\.api_keys\.k1: hash must be/,
    );
  });
});

describe('credentialsFor', () => {
  test('store none: config keys only; redis without state.redis is a TypeError', async () => {
    const c = credentialsFor({
      consumers: [{ id: 'alice', api_keys: [{ id: 'k1', hash: a.hash }] }],
      credentials: { store: 'none', path: '' },
    });
    c.open();
    assert.equal(c.persistent(), undefined);
    assert.equal((c.find(a.hash) as { id: string }).id, 'k1');
    assert.equal(c.find(b.hash), undefined);
    await c.close();
    assert.throws(
      () => credentialsFor({ consumers: [], credentials: { store: 'redis', path: '' } }),
      /needs a state\.redis section/,
    );
    assert.throws(
      () =>
        credentialsFor({
          consumers: [],
          credentials: { store: 'redis', path: '' },
          state: { redis: { key_prefix: 'gh:', command_timeout_ms: 200 } },
        }),
      /exactly one of/,
    );
  });
});
