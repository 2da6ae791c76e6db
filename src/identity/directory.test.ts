import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createConsumerDirectory } from './directory.ts';

test('consumer directory: frozen consumers by id, fallback for others, duplicates refused', () => {
  const fallback = { get: (id: string) => (id === 'db-only' ? { id, groups: [], metadata: {} } : undefined) };
  const dir = createConsumerDirectory(
    [{ id: 'alice', groups: ['staff'], metadata: { tier: 'gold' } }, { id: 'bob' }],
    fallback,
  );
  assert.deepEqual(dir.get('alice'), { id: 'alice', groups: ['staff'], metadata: { tier: 'gold' } });
  assert.deepEqual(dir.get('bob'), { id: 'bob', groups: [], metadata: {} });
  assert.equal(dir.get('db-only')?.id, 'db-only');
  assert.equal(dir.get('nobody'), undefined);
  assert.equal(dir.get('__proto__'), undefined);
  assert.equal(dir.size, 2);
  assert.deepEqual(dir.ids(), ['alice', 'bob']);
  assert.ok(Object.isFrozen(dir.get('alice')) && Object.isFrozen(dir.get('alice')!.groups));
  assert.throws(() => createConsumerDirectory([{ id: 'a' }, { id: 'a' }]), /consumers\.a\.id: duplicate/);
});
