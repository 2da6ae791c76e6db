#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm run build). During development `node src/cli/main.ts` works too.
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number') process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`gatehouse: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
