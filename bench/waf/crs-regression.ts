/**
 * CRS regression runner (go-ftw format) against the Gatehouse WAF engine, without HTTP (see ./ftw.ts).
 *
 * Usage: node bench/waf/crs-regression.ts [--crs ../shared/crs/v4.28.0] [--filter 942] [--verbose]
 *        [--workers 2]          (worker threads, each compiles the rules once)
 *        [--test 942100-3]      (prints that test's requests and the rules that fired; single thread)
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { crsTestFiles, type FtwResult, loadCrsRuleset, runFtw, runFtwParallel } from './ftw.ts';

const { values: opts } = parseArgs({
  options: {
    crs: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/crs/v4.28.0') },
    filter: { type: 'string', default: '' },
    verbose: { type: 'boolean', default: false },
    test: { type: 'string', default: '' },
    workers: { type: 'string', default: '1' },
  },
});
const crs = opts.crs as string;
const workers = Number(opts.workers);
const out = (s: string): boolean => process.stdout.write(s);

const t0 = performance.now();
const cpu0 = process.cpuUsage();
let res: FtwResult;
if (workers > 1 && opts.test === '') res = await runFtwParallel(crs, workers, opts.filter as string);
else {
  const rs = loadCrsRuleset(crs);
  out(`compile: ${(performance.now() - t0).toFixed(0)} ms\n`);
  res = runFtw(rs, crsTestFiles(crs), {
    filter: opts.filter as string,
    trace: opts.test as string,
    onTrace: (req, matches) => {
      out(`${JSON.stringify(req, null, 1)}\n`);
      for (const m of matches) out(`  ${m.id} ${m.matchedVar}=${JSON.stringify(m.matchedValue)}\n`);
    },
  });
}
const cpu = process.cpuUsage(cpu0);
out(`CRS regression (engine, PL4, detection-only) — ${crs}\n`);
out(
  `${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU\n`,
);
out(
  `in scope: ${res.total} tests, passed ${res.passed} (${((res.passed / Math.max(res.total, 1)) * 100).toFixed(2)} %), ` +
    `failed ${res.total - res.passed}${res.errors > 0 ? ` (${res.errors} stage errors)` : ''}\n`,
);
out(
  `out of scope: ${res.outOfScopeLogging} logging-phase (980xxx) tests, ${res.outOfScopeStatus} tests checking only status/log regex\n`,
);
const byRule = new Map<number, string[]>();
for (const f of res.failures)
  byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), `${f.test}: ${f.reasons.join('; ')}`]);
const sorted = [...byRule.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
out(`failures by rule (${sorted.length} rules):\n`);
for (const [rule, list] of sorted) {
  out(`  ${rule}: ${list.length}\n`);
  if (opts.verbose) for (const l of list) out(`    ${l}\n`);
}
