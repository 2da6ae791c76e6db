import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generatedArtifacts } from '../src/config/artifacts.ts';

const root = join(import.meta.dirname, '..');

test('committed JSON Schema and configuration reference match the TypeBox source (run `npm run gen`)', () => {
  for (const [rel, content] of Object.entries(generatedArtifacts())) {
    const committed = readFileSync(join(root, rel), 'utf8');
    assert.equal(committed, content, `${rel} is stale: run \`npm run gen\` and commit the result`);
  }
});
