import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { hashApiKey, keyIdOf, looksLikeApiKey } from '../identity/keys.ts';
import { keysCommand } from './keys.ts';

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = keysCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('gatehouse keys', () => {
  test('generate: prints the key once and a config entry holding only its hash', () => {
    const r = run(['generate']);
    assert.equal(r.code, 0);
    const key = /^key: (\S+)$/m.exec(r.out)?.[1];
    assert.ok(key && looksLikeApiKey(key) && key.startsWith('gh_'));
    const snippet = parse(r.out.slice(r.out.indexOf('\n- id:') + 1)) as Array<{ id: string; hash: string }>;
    assert.deepEqual(snippet, [{ id: keyIdOf(hashApiKey(key)), hash: hashApiKey(key) }]);
    assert.equal(r.out.split(key).length, 2, 'the key is printed exactly once');
  });

  test('generate --prefix --id --consumer --format json', () => {
    const r = run([
      'generate',
      '--prefix',
      'gh_live',
      '--id=ci-deploy',
      '--consumer',
      'alice',
      '--format',
      'json',
    ]);
    assert.equal(r.code, 0);
    const j = JSON.parse(r.out) as { key: string; id: string; hash: string; consumer: string };
    assert.ok(j.key.startsWith('gh_live_') && looksLikeApiKey(j.key));
    assert.equal(j.id, 'ci-deploy');
    assert.equal(j.hash, hashApiKey(j.key));
    assert.equal(j.consumer, 'alice');
  });

  test('usage errors exit 2 and print no key', () => {
    for (const args of [
      [],
      ['rotate'],
      ['generate', '--prefix', 'GH'],
      ['generate', '--prefix'],
      ['generate', '--id', 'bad id'],
      ['generate', '--consumer', '../x'],
      ['generate', '--format', 'xml'],
      ['generate', '--json'],
      ['generate', 'extra'],
    ]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.ok(!/gh_[0-9A-Za-z]{32}_/.test(r.out + r.err));
    }
    assert.equal(run(['help']).code, 0);
  });
});
