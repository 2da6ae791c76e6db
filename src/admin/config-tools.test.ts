import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import {
  deleteConsumerYaml,
  diffConfig,
  REDACTED,
  redactConfig,
  upsertConsumerYaml,
} from './config-tools.ts';
import { ConfigHistory } from './history.ts';

describe('admin config tools', () => {
  it('redacts secret values wherever they appear, and admin token digests', () => {
    const out = redactConfig(
      {
        state: { redis: { url: 'redis://:hunter2hunter2@h:6379', password: 'hunter2hunter2' } },
        list: ['ok', 'hunter2hunter2'],
        admin: {
          tokens: [
            { id: 'a', role: 'admin', hash: 'sha256:ab' },
            { id: 'b', role: 'viewer', token: 'zz' },
          ],
        },
      },
      new Set(['hunter2hunter2', '']),
    );
    assert.deepEqual(out, {
      state: { redis: { url: REDACTED, password: REDACTED } },
      list: ['ok', REDACTED],
      admin: {
        tokens: [
          { id: 'a', role: 'admin', hash: REDACTED },
          { id: 'b', role: 'viewer', token: REDACTED },
        ],
      },
    });
  });

  it('diffs named lists by name and everything else by pointer', () => {
    const a = { routes: [{ name: 'x', paths: ['/x'] }, { name: 'y' }], workers: 1 };
    const b = { routes: [{ name: 'n' }, { name: 'x', paths: ['/x2'] }], workers: 1, via: false };
    assert.deepEqual(diffConfig(a, b), [
      { op: 'replace', path: '/routes/x/paths/0', before: '/x', after: '/x2' },
      { op: 'remove', path: '/routes/y', before: { name: 'y' } },
      { op: 'add', path: '/routes/n', after: { name: 'n' } },
      { op: 'add', path: '/via', after: false },
    ]);
    assert.deepEqual(diffConfig(a, a), []);
    assert.equal(diffConfig({ l: Array.from({ length: 50 }, (_, i) => i) }, { l: [] }, 10).length, 10);
  });

  it('upserts and deletes consumers in YAML text, keeping comments and config keys', () => {
    const text =
      '# keep me\ngatehouse: 1\nconsumers:\n  - id: alice\n    api_keys:\n      - { id: k1, hash: "sha256:00" }\n';
    const added = upsertConsumerYaml(text, 'bob', { groups: ['g'] });
    assert.equal(added.created, true);
    assert.match(added.text, /^# keep me/);
    const replaced = upsertConsumerYaml(added.text, 'alice', { metadata: { team: 'x' } });
    assert.equal(replaced.created, false);
    const doc = parse(replaced.text) as { consumers: Array<Record<string, unknown>> };
    assert.deepEqual(doc.consumers[0], {
      id: 'alice',
      metadata: { team: 'x' },
      api_keys: [{ id: 'k1', hash: 'sha256:00' }],
    });
    assert.deepEqual(doc.consumers[1], { id: 'bob', groups: ['g'] });
    const gone = deleteConsumerYaml(replaced.text, 'alice')!;
    assert.deepEqual((parse(gone) as { consumers: unknown[] }).consumers, [{ id: 'bob', groups: ['g'] }]);
    assert.equal(deleteConsumerYaml(gone, 'alice'), undefined);
    const fresh = upsertConsumerYaml('gatehouse: 1\n', 'c', {});
    assert.deepEqual((parse(fresh.text) as { consumers: unknown[] }).consumers, [{ id: 'c' }]);
  });

  it('keeps a bounded history on disk that survives a restart', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gatehouse-hist-')), 'h');
    const h = new ConfigHistory({ dir, max: 3 });
    for (let i = 1; i <= 5; i++) h.record(`v: ${i}\n`, `d${i}`, 'ops', 'apply');
    assert.equal(h.record('v: 5\n', 'd5', 'ops', 'apply').version, 5, 'same digest: no new version');
    assert.deepEqual(
      h.list().map((v) => v.version),
      [3, 4, 5],
    );
    assert.equal(readdirSync(dir).filter((n) => n.endsWith('.yaml')).length, 3);
    const again = new ConfigHistory({ dir, max: 3 });
    assert.equal(again.latest()?.text, 'v: 5\n');
    assert.equal(again.previous()?.version, 4);
    assert.equal(again.get(3)?.digest, 'd3');
    assert.equal(again.get(2), undefined);
  });
});
