/**
 * Runs the API-profile corpora (clean.json, attacks.json) through the `waf` policy in process (the policy's own
 * request hook: body buffering, GraphQL/NDJSON handling, engine, blocking decision) and tabulates block rates.
 * Used by test/integration/waf-api-profile.test.ts; as a CLI it prints the tables, the rules that fired on clean
 * requests and (with `--verbose`) every false positive and false negative:
 * `node bench/waf/corpus/measure.ts [--heldout | --heldout2 | … | --heldout33] [--verbose]` (`--heldout`:
 * clean-heldout.json and attacks-heldout.json from ./heldout.ts, `--heldout2`: clean-heldout2.json and
 * attacks-heldout2.json from ./heldout2.ts, `--heldout3`: clean-heldout3.json and attacks-heldout3.json from
 * ./heldout3.ts, `--heldout4`: clean-heldout4.json and attacks-heldout4.json from ./heldout4.ts, `--heldout5`:
 * clean-heldout5.json and attacks-heldout5.json from ./heldout5.ts, `--heldout6` to `--heldout33` likewise, each with that
 * API's own `exclude_fields`), or
 * `node bench/waf/corpus/measure.ts --embedded` (every string payload of the three attack corpora embedded in
 * prose sentences and markdown, in a support-ticket `message`: the attacks the API profile's prose handling must still block), or
 * `node bench/waf/corpus/measure.ts --embedded-query` (the same payloads as a search query parameter, alone and in
 * the five sentences: the query-string side of the prose handling).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeDeps, fakeRequestContext, instantiate, runRequest } from '../../../src/policies/testing.ts';
import { policy } from '../../../src/policies/waf/policy.ts';
import type { CorpusRequest } from './generate.ts';
import { HELDOUT_EXCLUDE_FIELDS } from './heldout.ts';
import { HELDOUT2_EXCLUDE_FIELDS } from './heldout2.ts';
import { HELDOUT3_EXCLUDE_FIELDS } from './heldout3.ts';
import { HELDOUT4_EXCLUDE_FIELDS } from './heldout4.ts';
import { HELDOUT5_EXCLUDE_FIELDS } from './heldout5.ts';
import { HELDOUT6_EXCLUDE_FIELDS } from './heldout6.ts';
import { HELDOUT7_EXCLUDE_FIELDS } from './heldout7.ts';
import { HELDOUT8_EXCLUDE_FIELDS } from './heldout8.ts';
import { HELDOUT9_EXCLUDE_FIELDS } from './heldout9.ts';
import { HELDOUT10_EXCLUDE_FIELDS } from './heldout10.ts';
import { HELDOUT11_EXCLUDE_FIELDS } from './heldout11.ts';
import { HELDOUT12_EXCLUDE_FIELDS } from './heldout12.ts';
import { HELDOUT13_EXCLUDE_FIELDS } from './heldout13.ts';
import { HELDOUT14_EXCLUDE_FIELDS } from './heldout14.ts';
import { HELDOUT15_EXCLUDE_FIELDS } from './heldout15.ts';
import { HELDOUT16_EXCLUDE_FIELDS } from './heldout16.ts';
import { HELDOUT17_EXCLUDE_FIELDS } from './heldout17.ts';
import { HELDOUT18_EXCLUDE_FIELDS } from './heldout18.ts';
import { HELDOUT19_EXCLUDE_FIELDS } from './heldout19.ts';
import { HELDOUT20_EXCLUDE_FIELDS } from './heldout20.ts';
import { HELDOUT21_EXCLUDE_FIELDS } from './heldout21.ts';
import { HELDOUT22_EXCLUDE_FIELDS } from './heldout22.ts';
import { HELDOUT23_EXCLUDE_FIELDS } from './heldout23.ts';
import { HELDOUT24_EXCLUDE_FIELDS } from './heldout24.ts';
import { HELDOUT25_EXCLUDE_FIELDS } from './heldout25.ts';
import { HELDOUT26_EXCLUDE_FIELDS } from './heldout26.ts';
import { HELDOUT27_EXCLUDE_FIELDS } from './heldout27.ts';
import { HELDOUT28_EXCLUDE_FIELDS } from './heldout28.ts';
import { HELDOUT29_EXCLUDE_FIELDS } from './heldout29.ts';
import { HELDOUT30_EXCLUDE_FIELDS } from './heldout30.ts';
import { HELDOUT31_EXCLUDE_FIELDS } from './heldout31.ts';
import { HELDOUT32_EXCLUDE_FIELDS } from './heldout32.ts';
import { HELDOUT33_EXCLUDE_FIELDS } from './heldout33.ts';

const CRS = join(import.meta.dirname, '../../../../shared/crs/v4.28.0');

/** The CRS v4.28.0 rules from ../shared, as a `waf` `rules` value. */
export const CRS_RULES = { setup: join(CRS, 'crs-setup.conf.example'), include: [join(CRS, 'rules')] };

/** Field exclusions a user of the clean corpus' API would configure (rich text and code fields). */
export const CORPUS_EXCLUDE_FIELDS = ['body.body', 'body.comments[].text'];

/** The configurations compared, for a corpus whose rich-text and code fields are `excludeFields`. */
export function configsFor(
  excludeFields: readonly string[],
): Readonly<Record<string, Record<string, unknown>>> {
  return {
    'CRS PL1': { rules: CRS_RULES, profile: 'crs', paranoia_level: 1 },
    'CRS PL2': { rules: CRS_RULES, profile: 'crs', paranoia_level: 2 },
    'API profile': { rules: CRS_RULES, profile: 'api', paranoia_level: 1 },
    'API profile + exclude_fields': {
      rules: CRS_RULES,
      profile: 'api',
      paranoia_level: 1,
      exclude_fields: [...excludeFields],
    },
  };
}

/** The configurations compared on the generated corpora. */
export const CONFIGS: Readonly<Record<string, Record<string, unknown>>> = configsFor(CORPUS_EXCLUDE_FIELDS);

/** The configurations compared on the held-out corpora (./heldout.ts, with that API's rich-text fields). */
export const HELDOUT_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT_EXCLUDE_FIELDS);

/** The configurations compared on the second held-out corpora (./heldout2.ts, with that API's code fields). */
export const HELDOUT2_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT2_EXCLUDE_FIELDS);

/** The configurations compared on the third held-out corpora (./heldout3.ts, with that API's code fields). */
export const HELDOUT3_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT3_EXCLUDE_FIELDS);

/** The configurations compared on the fourth held-out corpora (./heldout4.ts, with those APIs' code fields). */
export const HELDOUT4_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT4_EXCLUDE_FIELDS);

/** The configurations compared on the fifth held-out corpora (./heldout5.ts, with those APIs' code fields). */
export const HELDOUT5_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT5_EXCLUDE_FIELDS);

/** The configurations compared on the sixth held-out corpora (./heldout6.ts, with those APIs' code fields). */
export const HELDOUT6_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT6_EXCLUDE_FIELDS);

/** The configurations compared on the seventh held-out corpora (./heldout7.ts, with those APIs' code fields). */
export const HELDOUT7_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT7_EXCLUDE_FIELDS);

/** The configurations compared on the eighth held-out corpora (./heldout8.ts, with those APIs' code fields). */
export const HELDOUT8_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT8_EXCLUDE_FIELDS);

/** The configurations compared on the ninth held-out corpora (./heldout9.ts, with those APIs' code fields). */
export const HELDOUT9_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT9_EXCLUDE_FIELDS);

/** The configurations compared on the tenth held-out corpora (./heldout10.ts, with those APIs' code fields). */
export const HELDOUT10_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT10_EXCLUDE_FIELDS);

/** The configurations compared on the eleventh held-out corpora (./heldout11.ts, with those APIs' code fields). */
export const HELDOUT11_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT11_EXCLUDE_FIELDS);

/** The configurations compared on the twelfth held-out corpora (./heldout12.ts, with those APIs' code fields). */
export const HELDOUT12_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT12_EXCLUDE_FIELDS);

/** The configurations compared on the thirteenth held-out corpora (./heldout13.ts, with those APIs' code fields). */
export const HELDOUT13_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT13_EXCLUDE_FIELDS);

/** The configurations compared on the fourteenth held-out corpora (./heldout14.ts, with those APIs' code fields). */
export const HELDOUT14_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT14_EXCLUDE_FIELDS);

/** The configurations compared on the fifteenth held-out corpora (./heldout15.ts, with those APIs' code fields). */
export const HELDOUT15_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT15_EXCLUDE_FIELDS);

/** The configurations compared on the sixteenth held-out corpora (./heldout16.ts, with those APIs' code fields). */
export const HELDOUT16_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT16_EXCLUDE_FIELDS);

/** The configurations compared on the seventeenth held-out corpora (./heldout17.ts, with those APIs' code fields). */
export const HELDOUT17_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT17_EXCLUDE_FIELDS);

/** The configurations compared on the eighteenth held-out corpora (./heldout18.ts, with those APIs' code fields). */
export const HELDOUT18_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT18_EXCLUDE_FIELDS);

/** The configurations compared on the nineteenth held-out corpora (./heldout19.ts, with those APIs' code fields). */
export const HELDOUT19_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT19_EXCLUDE_FIELDS);

/** The configurations compared on held-out corpora 20 (./heldout20.ts, with those APIs' code fields). */
export const HELDOUT20_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT20_EXCLUDE_FIELDS);

/** The configurations compared on held-out corpora 21 (./heldout21.ts, with those APIs' code fields). */
export const HELDOUT21_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT21_EXCLUDE_FIELDS);

/** The configurations compared on held-out corpora 22 (./heldout22.ts, with those APIs' code fields). */
export const HELDOUT22_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT22_EXCLUDE_FIELDS);

/** The configurations compared on held-out corpora 23 (./heldout23.ts, with those APIs' code fields). */
export const HELDOUT23_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT23_EXCLUDE_FIELDS);

/** The configurations compared on held-out corpora 24 (./heldout24.ts, with those APIs' code fields). */
export const HELDOUT24_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT24_EXCLUDE_FIELDS);

/** The configurations compared on held-out corpora 25 (./heldout25.ts, with those APIs' code fields). */
export const HELDOUT25_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT25_EXCLUDE_FIELDS);

/** The configurations compared on held-out corpora 26 (./heldout26.ts, with those APIs' code fields). */
export const HELDOUT26_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT26_EXCLUDE_FIELDS);

/** The configurations compared on held-out corpora 27 (./heldout27.ts, with those APIs' code fields). */
export const HELDOUT27_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT27_EXCLUDE_FIELDS);

/** The configurations compared on held-out corpora 28 (./heldout28.ts, with those APIs' code fields). */
export const HELDOUT28_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT28_EXCLUDE_FIELDS);

/** The configurations compared on held-out corpora 29 (./heldout29.ts, with those APIs' code fields). */
export const HELDOUT29_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT29_EXCLUDE_FIELDS);

/** The configurations compared on held-out corpora 30 (./heldout30.ts, with those APIs' code fields). */
export const HELDOUT30_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT30_EXCLUDE_FIELDS);

/** The configurations compared on held-out corpora 31 (./heldout31.ts, with those APIs' code fields). */
export const HELDOUT31_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT31_EXCLUDE_FIELDS);

/** The configurations compared on held-out corpora 32 (./heldout32.ts, with those APIs' code fields). */
export const HELDOUT32_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT32_EXCLUDE_FIELDS);

/** The configurations compared on held-out corpora 33 (./heldout33.ts, with those APIs' code fields). */
export const HELDOUT33_CONFIGS: Readonly<Record<string, Record<string, unknown>>> =
  configsFor(HELDOUT33_EXCLUDE_FIELDS);

/** Corpus files: generated (`clean`, `attacks`) and held-out (`clean-heldout…`, `attacks-heldout…`). */
export type CorpusName =
  | 'clean'
  | 'attacks'
  | 'clean-heldout'
  | 'attacks-heldout'
  | 'clean-heldout2'
  | 'attacks-heldout2'
  | 'clean-heldout3'
  | 'attacks-heldout3'
  | 'clean-heldout4'
  | 'attacks-heldout4'
  | 'clean-heldout5'
  | 'attacks-heldout5'
  | 'clean-heldout6'
  | 'attacks-heldout6'
  | 'clean-heldout7'
  | 'attacks-heldout7'
  | 'clean-heldout8'
  | 'attacks-heldout8'
  | 'clean-heldout9'
  | 'attacks-heldout9'
  | 'clean-heldout10'
  | 'attacks-heldout10'
  | 'clean-heldout11'
  | 'attacks-heldout11'
  | 'clean-heldout12'
  | 'attacks-heldout12'
  | 'clean-heldout13'
  | 'attacks-heldout13'
  | 'clean-heldout14'
  | 'attacks-heldout14'
  | 'clean-heldout15'
  | 'attacks-heldout15'
  | 'clean-heldout16'
  | 'attacks-heldout16'
  | 'clean-heldout17'
  | 'attacks-heldout17'
  | 'clean-heldout18'
  | 'attacks-heldout18'
  | 'clean-heldout19'
  | 'attacks-heldout19'
  | 'clean-heldout20'
  | 'attacks-heldout20'
  | 'clean-heldout21'
  | 'attacks-heldout21'
  | 'clean-heldout22'
  | 'attacks-heldout22'
  | 'clean-heldout23'
  | 'attacks-heldout23'
  | 'clean-heldout24'
  | 'attacks-heldout24'
  | 'clean-heldout25'
  | 'attacks-heldout25'
  | 'clean-heldout26'
  | 'attacks-heldout26'
  | 'clean-heldout27'
  | 'attacks-heldout27'
  | 'clean-heldout28'
  | 'attacks-heldout28'
  | 'clean-heldout29'
  | 'attacks-heldout29'
  | 'clean-heldout30'
  | 'attacks-heldout30'
  | 'clean-heldout31'
  | 'attacks-heldout31'
  | 'clean-heldout32'
  | 'attacks-heldout32'
  | 'clean-heldout33'
  | 'attacks-heldout33';

/** Reads a committed corpus file. */
export function loadCorpus(name: CorpusName): CorpusRequest[] {
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
    // A request target is ASCII on the wire: a client percent-encodes anything else as UTF-8 (a corpus path written
    // with `東京` is sent as `%E6%9D%B1…`; Node's HTTP parser answers raw non-ASCII bytes with 400).
    const path = r.path.replace(/[^\x00-\x7f]+/g, (m) => encodeURIComponent(m));
    const q = path.indexOf('?');
    const body = Buffer.from(r.body, 'utf8');
    const headers: Record<string, string> = { ...r.headers };
    if (body.length > 0) headers['content-length'] = String(body.length);
    const ctx = fakeRequestContext({
      method: r.method,
      path: q === -1 ? path : path.slice(0, q),
      query: q === -1 ? '' : path.slice(q + 1),
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

/** `rule id → number of requests` among the blocked ones, most frequent first (anomaly rules 949/959 left out). */
export function firedRules(verdicts: readonly Verdict[]): [number, number][] {
  const m = new Map<number, number>();
  for (const v of verdicts) {
    if (!v.blocked) continue;
    for (const id of new Set(v.rules)) {
      if (id === 949110 || id === 959100 || id === 980170) continue;
      m.set(id, (m.get(id) ?? 0) + 1);
    }
  }
  return [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

/**
 * Prose sentences an attack payload is embedded in by {@link embeddedAttacks}: bare, and as markdown inline code
 * or a quotation (where legitimate prose puts commands and SQL).
 */
const EMBED_TEMPLATES: readonly (readonly [string, (p: string) => string])[] = [
  ['prose', (p) => `Hi team, ${p} thanks a lot for the quick help today`],
  ['prose', (p) => `${p} is what I typed into the box and then it broke`],
  ['prose', (p) => `Hello there, could you please look at this for me: ${p}`],
  ['markdown-code', (p) => `When I run \`${p}\` on the build host, the job fails with exit code 1.`],
  ['quoted', (p) => `The docs say to enter "${p}" in the filter box, which does not work for me.`],
];

/** Every distinct JSON string value of the three attack corpora that holds a non-alphanumeric character → family. */
function attackPayloads(): Map<string, string> {
  const payloads = new Map<string, string>();
  const walk = (v: unknown, family: string): void => {
    if (typeof v === 'string') {
      if (v.length >= 4 && /[^A-Za-z0-9 ]/.test(v) && !payloads.has(v)) payloads.set(v, family);
    } else if (Array.isArray(v)) for (const x of v) walk(x, family);
    else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) walk(x, family);
  };
  for (const r of [
    ...loadCorpus('attacks'),
    ...loadCorpus('attacks-heldout'),
    ...loadCorpus('attacks-heldout2'),
  ]) {
    if (r.body === '') continue;
    try {
      walk(JSON.parse(r.body), r.family ?? '?');
    } catch {
      // Form bodies: not JSON, no payload taken.
    }
  }
  return payloads;
}

/**
 * Every distinct JSON string value of the three attack corpora that holds a non-alphanumeric character, embedded
 * in each of five prose sentences as the `message` of a JSON POST (`family` = the source attack's family).
 */
export function embeddedAttacks(): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  for (const [p, family] of attackPayloads()) {
    for (const [technique, t] of EMBED_TEMPLATES) {
      const body = JSON.stringify({ message: t(p) });
      out.push({
        id: `e${out.length + 1}`,
        kind: 'attack',
        family,
        technique,
        method: 'POST',
        path: '/api/support/tickets',
        headers: {
          'user-agent': 'curl/8.5.0',
          accept: 'application/json',
          'content-type': 'application/json',
        },
        body,
      });
    }
  }
  return out;
}

/**
 * The payloads of {@link embeddedAttacks} as the `q` parameter of a search GET, alone and embedded in each of the
 * five prose sentences (percent-encoded as a browser form would: spaces as `+`).
 */
export function queryEmbeddedAttacks(): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  for (const [p, family] of attackPayloads()) {
    for (const [technique, text] of [
      ['query', p] as const,
      ...EMBED_TEMPLATES.map(([k, t]) => [k, t(p)] as const),
    ]) {
      out.push({
        id: `q${out.length + 1}`,
        kind: 'attack',
        family,
        technique: technique === 'query' ? technique : `query-${technique}`,
        method: 'GET',
        path: `/api/search?q=${encodeURIComponent(text).replace(/%20/g, '+')}&page=1`,
        headers: { 'user-agent': 'curl/8.5.0', accept: 'application/json' },
        body: '',
      });
    }
  }
  return out;
}

if (import.meta.main && (process.argv.includes('--embedded') || process.argv.includes('--embedded-query'))) {
  const query = process.argv.includes('--embedded-query');
  const requests = query ? queryEmbeddedAttacks() : embeddedAttacks();
  const results = new Map<string, Map<string, { blocked: number; total: number }>>();
  const techResults = new Map<string, Map<string, { blocked: number; total: number }>>();
  for (const [name, config] of Object.entries(CONFIGS)) {
    if (name.includes('exclude')) continue;
    const verdicts = await runCorpus(config, requests);
    results.set(
      name,
      rates(requests, verdicts, (r) => r.family ?? '?'),
    );
    techResults.set(
      name,
      rates(requests, verdicts, (r) => r.technique ?? '?'),
    );
    if (process.argv.includes('--verbose') && name.startsWith('API')) {
      requests.forEach((r, i) => {
        if (!(verdicts[i] as Verdict).blocked)
          process.stdout.write(`FN ${name} ${r.id} ${r.family}/${r.technique} ${r.body || r.path}\n`);
      });
    }
  }
  process.stdout.write(
    `${table(query ? 'attacks in a query parameter blocked (family)' : 'prose-embedded attacks blocked (family)', results)}\n\n`,
  );
  process.stdout.write(`${table('(by embedding)', techResults)}\n`);
} else if (import.meta.main) {
  const verbose = process.argv.includes('--verbose');
  const heldouts: readonly (readonly [string, Readonly<Record<string, Record<string, unknown>>>])[] = [
    ['-heldout33', HELDOUT33_CONFIGS],
    ['-heldout32', HELDOUT32_CONFIGS],
    ['-heldout31', HELDOUT31_CONFIGS],
    ['-heldout30', HELDOUT30_CONFIGS],
    ['-heldout29', HELDOUT29_CONFIGS],
    ['-heldout28', HELDOUT28_CONFIGS],
    ['-heldout27', HELDOUT27_CONFIGS],
    ['-heldout26', HELDOUT26_CONFIGS],
    ['-heldout25', HELDOUT25_CONFIGS],
    ['-heldout24', HELDOUT24_CONFIGS],
    ['-heldout23', HELDOUT23_CONFIGS],
    ['-heldout22', HELDOUT22_CONFIGS],
    ['-heldout21', HELDOUT21_CONFIGS],
    ['-heldout20', HELDOUT20_CONFIGS],
    ['-heldout19', HELDOUT19_CONFIGS],
    ['-heldout18', HELDOUT18_CONFIGS],
    ['-heldout17', HELDOUT17_CONFIGS],
    ['-heldout16', HELDOUT16_CONFIGS],
    ['-heldout15', HELDOUT15_CONFIGS],
    ['-heldout14', HELDOUT14_CONFIGS],
    ['-heldout13', HELDOUT13_CONFIGS],
    ['-heldout12', HELDOUT12_CONFIGS],
    ['-heldout11', HELDOUT11_CONFIGS],
    ['-heldout10', HELDOUT10_CONFIGS],
    ['-heldout9', HELDOUT9_CONFIGS],
    ['-heldout8', HELDOUT8_CONFIGS],
    ['-heldout7', HELDOUT7_CONFIGS],
    ['-heldout6', HELDOUT6_CONFIGS],
    ['-heldout5', HELDOUT5_CONFIGS],
    ['-heldout4', HELDOUT4_CONFIGS],
    ['-heldout3', HELDOUT3_CONFIGS],
    ['-heldout2', HELDOUT2_CONFIGS],
    ['-heldout', HELDOUT_CONFIGS],
  ];
  const [suffix, configs] = heldouts.find(([sfx]) => process.argv.includes(`-${sfx}`)) ?? ['', CONFIGS];
  const clean = loadCorpus(`clean${suffix}` as CorpusName);
  const attacks = loadCorpus(`attacks${suffix}` as CorpusName);
  const fired: string[] = [];
  const cleanRates = new Map<string, Map<string, { blocked: number; total: number }>>();
  const attackRates = new Map<string, Map<string, { blocked: number; total: number }>>();
  const techRates = new Map<string, Map<string, { blocked: number; total: number }>>();
  for (const [name, config] of Object.entries(configs)) {
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
    if (name.startsWith('API')) {
      fired.push(
        `${name}: rules on blocked clean requests: ${firedRules(cv)
          .map(([id, n]) => `${id}×${n}`)
          .join(', ')}`,
      );
    }
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
  process.stdout.write(`${table('attacks blocked (technique)', techRates)}\n\n`);
  process.stdout.write(`${fired.join('\n')}\n`);
}
