// Runs every unit and integration test with Node's test runner (the project's Node 24).
import { spawnSync } from 'node:child_process';

const args = [
  '--test',
  '--test-concurrency=2',
  '--test-timeout=120000',
  '--test-reporter=spec',
  'src/**/*.test.ts',
  'test/**/*.test.ts',
  ...process.argv.slice(2),
];
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
