/**
 * Runs the API-profile corpora (clean.json, attacks.json) through the `waf` policy in process (the policy's own
 * request hook: body buffering, GraphQL/NDJSON handling, engine, blocking decision) and tabulates block rates.
 * Used by test/integration/waf-api-profile.test.ts; as a CLI it prints the tables and the false positives:
 * `node bench/waf/corpus/measure.ts [--verbose]`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeDeps, fakeRequestContext, instantiate, runRequest } from '../../../src/policies/testing.ts';
import { policy } from '../../../src/policies/waf/policy.ts';
import type { CorpusRequest } from './generate.ts';

const CRS = join(import.meta.dirname, '../../../../shared/crs/v4.28.0');

/** The CRS v4.28.0 rules from ../shared, as a `waf` `rules` value. */
export const CRS_RULES = { setup: join(CRS, 'crs-setup.conf.example'), include: [join(CRS, 'rules')] };

/** Field exclusions a user of the clean corpus' API would configure (rich text and code fields). */
export const CORPUS_EXCLUDE_FIELDS = ['body.body', 'body.comments[].text'];

/** The configurations compared. */
export const CONFIGS: Readonly<Record<string, Record<string, unknown>>> = {
  'CRS PL1': { rules: CRS_RULES, profile: 'crs', paranoia_level: 1 },
  'CRS PL2': { rules: CRS_RULES, profile: 'crs', paranoia_level: 2 },
  'API profile': { rules: CRS_RULES, profile: 'api', paranoia_level: 1 },
  'API profile + exclude_fields': {
    rules: CRS_RULES,
    profile: 'api',
    paranoia_level: 1,
    exclude_fields: CORPUS_EXCLUDE_FIELDS,
  },
};

/** Reads a committed corpus file (`clean` or `attacks`). */
export function loadCorpus(name: 'clean' | 'attacks'): CorpusRequest[] {
  return JSON.parse(readFileSync(join(import.meta.dirname, `${name}.json`), 'utf8')) as CorpusRequest[];
}

/** Outcome of one request. */
export interface Verdict {
  readonly id: string;
  readonly blocked: boolean;
  readonly status: number | undefined;
  readonly reason: string | undefined;
  readonly rules: readonly number[];
}

/** Runs every request through one `waf` instance built from `config`; returns one verdict per request. */
export async function runCorpus(
  config: Record<string, unknown>,
  requests: readonly CorpusRequest[],
): Promise<Verdict[]> {
  const deps = fakeDeps('waf@route:corpus');
  const instance = instantiate(policy, config, deps);
  const out: Verdict[] = [];
  for (const r of requests) {
    const q = r.path.indexOf('?');
    const body = Buffer.from(r.body, 'utf8');
    const headers: Record<string, string> = { ...r.headers };
    if (body.length > 0) headers['content-length'] = String(body.length);
    const ctx = fakeRequestContext({
      method: r.method,
      path: q === -1 ? r.path : r.path.slice(0, q),
      query: q === -1 ? '' : r.path.slice(q + 1),
      headers,
      body,
      id: r.id,
    });
    const before = deps.events.length;
    const { error } = await runRequest(instance, ctx);
    const rules = deps.events.slice(before).flatMap((e) => (e.fields.rule_ids as number[] | undefined) ?? []);
    out.push({ id: r.id, blocked: error !== undefined, status: error?.status, reason: error?.reason, rules });
  }
  return out;
}

/** Rate in percent with one decimal. */
export function pct(n: number, of: number): string {
  return of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`;
}

/** Blocked share per group (`kind` for clean traffic, `family` for attacks) plus an `all` row. */
export function rates(
  requests: readonly CorpusRequest[],
  verdicts: readonly Verdict[],
  group: (r: CorpusRequest) => string,
): Map<string, { blocked: number; total: number }> {
  const m = new Map<string, { blocked: number; total: number }>();
  const bump = (k: string, b: boolean): void => {
    const e = m.get(k) ?? { blocked: 0, total: 0 };
    e.total++;
    if (b) e.blocked++;
    m.set(k, e);
  };
  requests.forEach((r, i) => {
    const blocked = (verdicts[i] as Verdict).blocked;
    bump(group(r), blocked);
    bump('all', blocked);
  });
  return m;
}

/** Markdown table: one row per group, one column per configuration. */
export function table(
  title: string,
  results: ReadonlyMap<string, Map<string, { blocked: number; total: number }>>,
): string {
  const configs = [...results.keys()];
  const groups = [...new Set([...results.values()].flatMap((m) => [...m.keys()]))].sort((a, b) =>
    a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b),
  );
  const lines = [
    `| ${title} | n | ${configs.join(' | ')} |`,
    `|---|---:|${configs.map(() => '---:').join('|')}|`,
  ];
  for (const g of groups) {
    const first = [...results.values()][0]?.get(g);
    const cells = configs.map((c) => {
      const e = results.get(c)?.get(g);
      return e === undefined ? '–' : `${pct(e.blocked, e.total)} (${e.blocked})`;
    });
    lines.push(`| ${g === 'all' ? '**all**' : g} | ${first?.total ?? 0} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

if (import.meta.main) {
  const verbose = process.argv.includes('--verbose');
  const clean = loadCorpus('clean');
  const attacks = loadCorpus('attacks');
  const cleanRates = new Map<string, Map<string, { blocked: number; total: number }>>();
  const attackRates = new Map<string, Map<string, { blocked: number; total: number }>>();
  const techRates = new Map<string, Map<string, { blocked: number; total: number }>>();
  for (const [name, config] of Object.entries(CONFIGS)) {
    const t0 = performance.now();
    const cv = await runCorpus(config, clean);
    const av = await runCorpus(config, attacks);
    // Second pass: the ruleset is compiled and cached now, so this is the per-request cost alone.
    const c0 = process.cpuUsage();
    await runCorpus(config, clean);
    const c1 = process.cpuUsage(c0);
    const us = (c1.user + c1.system) / clean.length;
    process.stdout.write(
      `${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s wall in all; clean corpus ${us.toFixed(0)} µs CPU/request\n`,
    );
    cleanRates.set(
      name,
      rates(clean, cv, (r) => r.kind),
    );
    attackRates.set(
      name,
      rates(attacks, av, (r) => r.family ?? '?'),
    );
    techRates.set(
      name,
      rates(attacks, av, (r) => r.technique ?? '?'),
    );
    if (verbose) {
      clean.forEach((r, i) => {
        const v = cv[i] as Verdict;
        if (v.blocked)
          process.stdout.write(`FP ${name} ${r.id} ${r.kind} ${v.reason} ${v.rules.join(',')}\n`);
      });
      attacks.forEach((r, i) => {
        const v = av[i] as Verdict;
        if (!v.blocked)
          process.stdout.write(`FN ${name} ${r.id} ${r.family}/${r.technique} ${r.body.slice(0, 120)}\n`);
      });
    }
  }
  process.stdout.write(`${table('clean traffic blocked', cleanRates)}\n\n`);
  process.stdout.write(`${table('attacks blocked (family)', attackRates)}\n\n`);
  process.stdout.write(`${table('attacks blocked (technique)', techRates)}\n`);
}
