/**
 * Development entry point: `node src/cli/run.ts start --config FILE` runs the CLI straight from
 * source (Node 24 strips the types), the same way `bin/gatehouse.mjs` runs the compiled build.
 */
import { main } from './main.ts';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`gatehouse: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
