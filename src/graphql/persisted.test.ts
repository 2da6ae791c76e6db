import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DocumentCache, documentHash, loadPersistedDocuments } from './persisted.ts';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-pq-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('documentHash', () => {
  test('is the hex SHA-256 of the text (the Apollo APQ hash)', () => {
    assert.equal(documentHash(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(documentHash('{ me { id } }').length, 64);
  });
});

describe('loadPersistedDocuments', () => {
  test('loads .graphql files, Apollo manifests and hash maps from a directory', () => {
    const d = join(dir, 'ok');
    const a = 'query A { me { id } }';
    const b = 'query B { users(first: 2) { id } }';
    const c = '{ version }';
    rmSync(d, { recursive: true, force: true });
    mkdirSync(d);
    writeFileSync(join(d, 'a.graphql'), a);
    writeFileSync(
      join(d, 'manifest.json'),
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: documentHash(b), body: b }],
      }),
    );
    writeFileSync(join(d, 'map.json'), JSON.stringify({ [documentHash(c)]: c }));
    writeFileSync(join(d, 'README.md'), 'ignored');
    const docs = loadPersistedDocuments([d]);
    assert.equal(docs.size, 3);
    assert.equal(docs.get(documentHash(a)), a);
    assert.equal(docs.get(documentHash(b)), b);
    assert.equal(docs.get(documentHash(c)), c);
  });
  test('refuses a wrong id, a missing path, bad JSON', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ['0'.repeat(64)]: '{ a }' }));
    assert.throws(() => loadPersistedDocuments([bad]), TypeError);
    assert.throws(() => loadPersistedDocuments([join(dir, 'nope')]), TypeError);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{');
    assert.throws(() => loadPersistedDocuments([broken]), TypeError);
  });
});

describe('DocumentCache', () => {
  test('is bounded by entries and characters, least recently used first', () => {
    const c = new DocumentCache(2, 100);
    c.set('a', 'A');
    c.set('b', 'B');
    assert.equal(c.get('a'), 'A');
    c.set('c', 'C');
    assert.equal(c.get('b'), undefined);
    assert.equal(c.size, 2);
    c.set('big', 'x'.repeat(90));
    assert.equal(c.size, 2);
    c.set('more', 'x'.repeat(20));
    assert.equal(c.size, 1);
    assert.equal(c.get('more')?.length, 20);
    c.set('huge', 'x'.repeat(101));
    assert.equal(c.get('huge'), undefined);
    const off = new DocumentCache(0, 0);
    off.set('a', 'A');
    assert.equal(off.size, 0);
  });
});
