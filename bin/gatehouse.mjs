#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm run build). During development `node src/cli/main.ts` works too.
// A proxy allocates many short-lived objects per request, and V8 grows its young generation up to 3 x 16 MiB
// under load: that alone took the gateway's peak memory from about 145 to 175 MiB in the benchmark, for no
// measurable CPU gain (bench/RESULTS.md). The semi-space is capped at 8 MiB unless the operator chose a size.
// The flag only works at start-up, so the process re-executes itself in place (same PID, nothing left behind)
// with it; worker threads get the same cap through resourceLimits.
const chosen = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
if (!chosen.includes('--max-semi-space-size') && typeof process.execve === 'function' && process.platform !== 'win32') {
  try {
    process.execve(process.execPath, [process.execPath, '--max-semi-space-size=8', ...process.execArgv, ...process.argv.slice(1)]);
  } catch {
    // Not permitted here: run with V8's defaults.
  }
}

const { main } = await import('../dist/cli/main.js');

main(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number') process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`gatehouse: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
