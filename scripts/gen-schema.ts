// Generates schema/gatehouse.schema.json and docs/reference/configuration.md from the TypeBox
// source. `npm run gen` writes them; test/schema-drift.test.ts fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedArtifacts } from '../src/config/artifacts.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [rel, content] of Object.entries(generatedArtifacts())) {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
  process.stdout.write(`wrote ${rel}\n`);
}
