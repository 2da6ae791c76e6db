/**
 * WAF blocking quality through the running gateway (issue 5, "Blocking quality"): every request of the CRS
 * v4.28.0 regression suite (go-ftw YAML) is sent raw over TCP to a real Gatehouse (started in this process, the
 * `waf` policy in blocking mode, CRS semantics, anomaly threshold 5) at paranoia level 1 and 2, and the answers
 * are counted per class, as the reference in ../shared/crs/README.md was measured (nginx + libmodsecurity 3):
 *
 * - attack cases: tests with a non-empty `expect_ids`; "in scope" at PL n when the test's rule (`rule_id` of
 *   its file) belongs to paranoia level n or lower (the `NNN011`–`NNN018` skip rules of its rule file say which);
 * - negative cases: tests with only `no_expect_ids` (all of them, whatever their rule's paranoia level);
 * - clean cases: the 36 requests of the common-exclusion tests (999999) that must trigger no rule at all
 *   (test 36 documents a known false positive of 932237 and is left out);
 * - out of scope (counted, with the reason): response-phase tests (RESPONSE-*: the answer depends on the
 *   test backend's response), tests that check only the HTTP status or a log regex, 999999-36.
 *
 * Blocked = the gateway answered 403 (the WAF's status). 400s are counted apart: from the WAF's body processors
 * (rules 90003/90005), from Node's HTTP parser (problem without a request id) or from the gateway's own checks.
 *
 * Usage: `node bench/waf/blocking.ts [--append] [--concurrency 8] [--pl 1,2] [--filter 942] [--verbose]`
 * (`--append` adds the table to bench/RESULTS.md).
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { WafSchema } from '../../src/policies/waf/schema.ts';
import { startGateway } from '../../test/helpers/gateway.ts';
import { startFastUpstream } from '../../test/helpers/load.ts';
import { crsTestFiles, type Stage, type TestFile, toRequest } from './ftw.ts';

const CRS = join(import.meta.dirname, '../../../shared/crs/v4.28.0');
const RESULTS = join(import.meta.dirname, '../RESULTS.md');

/** Reference figures of ../shared/crs/README.md (nginx 1.22 + libmodsecurity 3.0.9, blocking, threshold 5). */
export const REFERENCE: Readonly<Record<number, { attack: number; negative: number; clean: number }>> = {
  1: { attack: 95.6, negative: 14.8, clean: 0 },
  2: { attack: 97.3, negative: 30.9, clean: 0 },
};

/** Class of one regression test. */
export type CaseClass = 'attack' | 'negative' | 'clean' | 'out-of-scope';

/** One regression test, classified, with the raw bytes of each of its stages. */
export interface BlockingCase {
  readonly name: string;
  readonly rule: number;
  /** Rule file family, e.g. `942-APPLICATION-ATTACK-SQLI`. */
  readonly family: string;
  readonly cls: CaseClass;
  /** Why the test is out of scope (only for `out-of-scope`). */
  readonly reason?: string;
  /** Paranoia level of the test's rule (1 when the rule has none). */
  readonly pl: number;
  readonly payloads: readonly Buffer[];
}

/**
 * Paranoia level of every rule id of a CRS rules directory: a rule belongs to the level of the last
 * `SecRule TX:DETECTION_PARANOIA_LEVEL "@lt N"` skip rule before it in its file (1 before the first).
 */
export function rulePls(rulesDir: string, files: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const f of files) {
    let pl = 1;
    for (const line of readFileSync(join(rulesDir, f), 'utf8').split('\n')) {
      if (line.trimStart().startsWith('#')) continue;
      const skip = /DETECTION_PARANOIA_LEVEL\s+"@lt (\d)"/.exec(line);
      if (skip) pl = Math.max(1, Number(skip[1]));
      for (const m of line.matchAll(/\bid:(\d+)/g)) if (!out.has(Number(m[1]))) out.set(Number(m[1]), pl);
    }
  }
  return out;
}

/**
 * Expands the go-ftw data templates the suite uses (Go `text/template` with sprig): `{{ "x" | repeat N }}`.
 * Any other template is an error (the case is then out of scope, "cannot be sent").
 */
export function expandTemplates(data: string): string {
  return data.replace(/\{\{(.*?)\}\}/gs, (whole, expr: string) => {
    const m = /^\s*"((?:[^"\\]|\\.)*)"\s*\|\s*repeat\s+(\d+)\s*$/.exec(expr);
    if (!m) throw new Error(`unsupported go-ftw template ${whole}`);
    return (m[1] ?? '').repeat(Math.min(Number(m[2]), 16 * 1024 * 1024));
  });
}

/**
 * The bytes go-ftw puts on the wire for a stage: the decoded `encoded_request` unchanged, otherwise the request
 * line (without a version for HTTP/0.9), the headers as given (plus go-ftw's autocompleted ones) and the body.
 */
export function wireBytes(input: Stage['input']): Buffer {
  if (input.encoded_request !== undefined && input.encoded_request !== '')
    return Buffer.from(input.encoded_request.replace(/\s+/g, ''), 'base64');
  const r = toRequest(
    typeof input.data === 'string' ? { ...input, data: expandTemplates(input.data) } : input,
  );
  const line = r.protocol === 'HTTP/0.9' ? `${r.method} ${r.uri}` : `${r.method} ${r.uri} ${r.protocol}`;
  const head = [line, ...r.headers.map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.from(`${head}\r\n\r\n${r.body ?? ''}`, 'latin1');
}

/** Loads and classifies every regression test (see the module comment for the classes). */
export function loadCases(crs: string, filter = ''): BlockingCase[] {
  const rulesDir = join(crs, 'rules');
  const pls = rulePls(
    rulesDir,
    readdirSync(rulesDir).filter((f) => f.endsWith('.conf')),
  );
  const out: BlockingCase[] = [];
  // Test files are named after their rule id (999999.yml included): filter before parsing.
  for (const file of crsTestFiles(crs).filter((f) => basename(f).startsWith(filter))) {
    const doc = parseYaml(readFileSync(file, 'utf8')) as TestFile | null;
    if (doc === null || !Array.isArray(doc.tests)) continue;
    if (filter !== '' && !String(doc.rule_id).startsWith(filter)) continue;
    const family = basename(dirname(file)).replace(/^(REQUEST|RESPONSE)-/, '');
    const response = basename(dirname(file)).startsWith('RESPONSE-');
    for (const t of doc.tests) {
      const ids = t.stages.map((s) => ({
        expect: s.output.log?.expect_ids ?? s.output.expect_ids ?? [],
        noExpect: s.output.log?.no_expect_ids ?? s.output.no_expect_ids ?? [],
        noMatchAny: s.output.log?.no_match_regex !== undefined && /\bid\b/.test(s.output.log.no_match_regex),
      }));
      let cls: CaseClass;
      let reason: string | undefined;
      if (response) {
        cls = 'out-of-scope';
        reason = 'response phase (RESPONSE-*)';
      } else if (doc.rule_id === 999999) {
        if (ids.every((c) => c.expect.length === 0)) cls = 'clean';
        else {
          cls = 'out-of-scope';
          reason = '999999: documented false positive';
        }
      } else if (ids.some((c) => c.expect.length > 0)) cls = 'attack';
      else if (ids.some((c) => c.noExpect.length > 0)) cls = 'negative';
      else {
        cls = 'out-of-scope';
        reason = 'checks only the HTTP status or a log regex';
      }
      let payloads: Buffer[] = [];
      try {
        payloads = t.stages.map((s) => wireBytes(s.input));
      } catch (err) {
        cls = 'out-of-scope';
        reason = `cannot be sent: ${(err as Error).message}`;
      }
      out.push({
        name: `${doc.rule_id}-${t.test_id}`,
        rule: doc.rule_id,
        family,
        cls,
        ...(reason === undefined ? {} : { reason }),
        pl: pls.get(doc.rule_id) ?? 1,
        payloads,
      });
    }
  }
  return out;
}

/** What the gateway answered to one request. */
export type Outcome =
  | 'blocked-403'
  | 'passed-2xx'
  | '400-waf-body'
  | '400-parser'
  | '400-gateway'
  | 'other'
  | 'no-answer';

/** Result of one raw request: outcome, status and the problem `code` if any. */
export interface Answer {
  readonly outcome: Outcome;
  readonly status: number;
  readonly detail: string;
}

function classify(status: number, body: string): Answer {
  let problem: { code?: string; detail?: string; instance?: string } = {};
  try {
    problem = JSON.parse(body) as typeof problem;
  } catch {
    problem = {};
  }
  const detail = `${status}${problem.code === undefined ? '' : ` ${problem.code}`}`;
  if (status === 403) {
    // Only the WAF's 403 counts (no other policy is configured; this guards the claim).
    if (problem.detail === 'The request was blocked by the web application firewall.')
      return { outcome: 'blocked-403', status, detail };
    return { outcome: 'other', status, detail: `${detail} (not the WAF)` };
  }
  if (status >= 200 && status < 300) return { outcome: 'passed-2xx', status, detail };
  if (status === 400) {
    if (problem.instance === undefined)
      return { outcome: '400-parser', status, detail: `${detail} (parser)` };
    if (problem.detail === 'The request body could not be parsed.')
      return { outcome: '400-waf-body', status, detail: `${detail} (waf body)` };
    return { outcome: '400-gateway', status, detail };
  }
  return { outcome: 'other', status, detail };
}

/**
 * Writes `payload` on a fresh connection and resolves with the first final (non-1xx) response, read up to its
 * Content-Length (or the connection's end), or `no-answer` after `timeoutMs`.
 */
export function send(port: number, payload: Buffer, timeoutMs = 4000): Promise<Answer> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    let settled = false;
    const finish = (a: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      resolve(a);
    };
    const timer = setTimeout(() => finish({ outcome: 'no-answer', status: 0, detail: 'timeout' }), timeoutMs);
    // Returns the answer once a complete final response is buffered (`ended`: the peer closed).
    const isHead = payload.subarray(0, 5).toString('latin1') === 'HEAD ';
    const parse = (ended: boolean): Answer | undefined => {
      for (;;) {
        const sep = buf.indexOf('\r\n\r\n');
        if (sep === -1) return undefined;
        const head = buf.subarray(0, sep).toString('latin1');
        const m = /^HTTP\/\d\.\d (\d{3})/.exec(head);
        if (!m) return { outcome: 'other', status: 0, detail: 'unparsable answer' };
        const status = Number(m[1]);
        if (status >= 100 && status < 200) {
          buf = buf.subarray(sep + 4);
          continue;
        }
        // A HEAD answer has no body: a problem+json 403 can only be the WAF's (the one policy configured).
        if (isHead) {
          if (status === 403 && /\r\ncontent-type: application\/problem\+json/i.test(head))
            return { outcome: 'blocked-403', status, detail: '403 (HEAD)' };
          if (status === 400) return { outcome: '400-gateway', status, detail: '400 (HEAD, no body)' };
          return classify(status, '');
        }
        // Only a 400 or 403 needs its (problem) body to tell who answered.
        if (status !== 400 && status !== 403) return classify(status, '');
        const len = /\r\ncontent-length:\s*(\d+)/i.exec(head);
        const body = buf.subarray(sep + 4);
        if (len && body.length >= Number(len[1]))
          return classify(status, body.subarray(0, Number(len[1])).toString('latin1'));
        const chunked = /\r\ntransfer-encoding:[^\r]*chunked/i.test(head);
        if (!len && !chunked) return classify(status, '');
        if (ended || (chunked && body.includes('\r\n0\r\n\r\n'))) {
          // The problem JSON of a chunked body: from its first `{` to its last `}`.
          const text = body.toString('latin1');
          return classify(status, text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
        }
        return undefined;
      }
    };
    sock.on('connect', () => sock.write(payload));
    sock.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const a = parse(false);
      if (a) finish(a);
    });
    const end = (why: string) => {
      const a = parse(true);
      finish(a ?? { outcome: 'no-answer', status: 0, detail: why });
    };
    sock.on('end', () => end('closed without an answer'));
    sock.on('close', () => end('closed without an answer'));
    sock.on('error', (e: Error & { code?: string }) => end(`socket error ${e.code ?? e.message}`));
  });
}

/** Gateway config: one route to the upstream with the `waf` policy (CRS, blocking) at paranoia level `pl`. */
export function gatewayConfig(upstreamUrl: string, crs: string, pl: number): string {
  const profile = 'profile' in WafSchema.properties ? '\n        profile: crs' : '';
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: warn, access_log: false }
limits:
  max_connections_per_ip: 100000
listeners:
  - name: main
    host: 127.0.0.1
    port: 0
upstreams:
  - name: backend
    targets: [{ url: "${upstreamUrl}" }]
routes:
  - name: all
    paths: ["/*"]
    upstream: backend
    policies:
      waf:${profile}
        engine: "on"
        rules:
          setup: "${join(crs, 'crs-setup.conf.example')}"
          include: ["${join(crs, 'rules')}"]
        paranoia_level: ${pl}
        inbound_threshold: 5
`;
}

/** Outcome of one test at one paranoia level (the most decisive of its stages). */
export interface CaseResult {
  readonly c: BlockingCase;
  readonly answers: readonly Answer[];
  readonly outcome: Outcome;
}

const RANK: readonly Outcome[] = [
  'blocked-403',
  '400-waf-body',
  '400-parser',
  '400-gateway',
  'other',
  'no-answer',
  'passed-2xx',
];

/** Sends every in-scope-capable case through a gateway at paranoia level `pl`, `concurrency` sockets at once. */
export async function runLevel(
  cases: readonly BlockingCase[],
  crs: string,
  pl: number,
  concurrency: number,
): Promise<CaseResult[]> {
  const up = await startFastUpstream();
  const gw = await startGateway(gatewayConfig(up.url, crs, pl));
  try {
    const todo = cases.filter((c) => c.cls !== 'out-of-scope');
    const results: CaseResult[] = [];
    let next = 0;
    const worker = async () => {
      for (;;) {
        const c = todo[next++];
        if (c === undefined) return;
        const answers: Answer[] = [];
        for (const p of c.payloads) answers.push(await send(gw.port, p));
        const outcome = RANK.find((o) => answers.some((a) => a.outcome === o)) ?? 'no-answer';
        results.push({ c, answers, outcome });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return results;
  } finally {
    await gw.close();
    await up.close();
  }
}

/** Counts of one class at one level. */
export interface ClassStats {
  total: number;
  blocked: number;
  byOutcome: Partial<Record<Outcome, number>>;
}

function stats(results: readonly CaseResult[]): ClassStats {
  const s: ClassStats = { total: 0, blocked: 0, byOutcome: {} };
  for (const r of results) {
    s.total++;
    if (r.outcome === 'blocked-403') s.blocked++;
    s.byOutcome[r.outcome] = (s.byOutcome[r.outcome] ?? 0) + 1;
  }
  return s;
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

function others(s: ClassStats): string {
  const parts = (['400-waf-body', '400-parser', '400-gateway', 'other', 'no-answer'] as const)
    .filter((o) => (s.byOutcome[o] ?? 0) > 0)
    .map((o) => `${o} ${s.byOutcome[o]}`);
  return parts.length === 0 ? '—' : parts.join(', ');
}

/** Per-level summary used for the report. */
export interface LevelReport {
  readonly pl: number;
  readonly attack: ClassStats;
  readonly attackOutOfPl: number;
  readonly negative: ClassStats;
  readonly clean: ClassStats;
  readonly results: readonly CaseResult[];
  readonly seconds: number;
}

/** Builds the Markdown report (main table, other answers, attack families, out-of-scope reasons). */
export function markdown(levels: readonly LevelReport[], cases: readonly BlockingCase[]): string {
  const oos = new Map<string, number>();
  for (const c of cases)
    if (c.cls === 'out-of-scope') oos.set(c.reason ?? '', (oos.get(c.reason ?? '') ?? 0) + 1);
  const oosText = [...oos].map(([r, n]) => `${n} ${r}`).join('; ');
  const lines: string[] = [];
  const notSent = cases.filter((c) => c.cls === 'out-of-scope').length;
  lines.push(
    '| PL | attack cases blocked (in scope) | reference | attack cases refused (403 or 400) | negative cases blocked | reference | clean cases blocked | reference | out of scope |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const l of levels) {
    const ref = REFERENCE[l.pl];
    const refused =
      l.attack.blocked +
      (['400-waf-body', '400-parser', '400-gateway'] as const).reduce(
        (n, o) => n + (l.attack.byOutcome[o] ?? 0),
        0,
      );
    const cells = [
      String(l.pl),
      `**${pct(l.attack.blocked, l.attack.total)}** (${l.attack.blocked}/${l.attack.total})`,
      ref ? `${ref.attack} %` : '—',
      `${pct(refused, l.attack.total)} (${refused}/${l.attack.total})`,
      `**${pct(l.negative.blocked, l.negative.total)}** (${l.negative.blocked}/${l.negative.total})`,
      ref ? `${ref.negative} %` : '—',
      `**${pct(l.clean.blocked, l.clean.total)}** (${l.clean.blocked}/${l.clean.total})`,
      ref ? `${ref.clean} %` : '—',
      `${l.attackOutOfPl} attack cases above PL${l.pl}; ${notSent} not sent`,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('', 'Answers other than 403 and 2xx (not counted as blocked):', '');
  lines.push('| PL | attack (in scope) | negative | clean |', '|---|---|---|---|');
  for (const l of levels)
    lines.push(`| ${l.pl} | ${others(l.attack)} | ${others(l.negative)} | ${others(l.clean)} |`);
  lines.push('', `Out of scope (not sent): ${oosText || 'none'}.`, '');
  const fams = [...new Set(cases.filter((c) => c.cls === 'attack').map((c) => c.family))].sort();
  lines.push(
    'In-scope attack cases blocked per rule family:',
    '',
    `| family | ${levels.map((l) => `PL${l.pl}`).join(' | ')} |`,
    `|---|${levels.map(() => '---').join('|')}|`,
  );
  for (const f of fams) {
    const cells = levels.map((l) => {
      const rs = l.results.filter((r) => r.c.cls === 'attack' && r.c.family === f && r.c.pl <= l.pl);
      const b = rs.filter((r) => r.outcome === 'blocked-403').length;
      return rs.length === 0 ? '—' : `${b}/${rs.length} (${pct(b, rs.length)})`;
    });
    lines.push(`| ${f} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      append: { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '8' },
      pl: { type: 'string', default: '1,2' },
      filter: { type: 'string', default: '' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const t0 = performance.now();
  const cases = loadCases(CRS, values.filter);
  const levels: LevelReport[] = [];
  for (const pl of values.pl.split(',').map(Number)) {
    const t = performance.now();
    const results = await runLevel(cases, CRS, pl, Math.max(1, Number(values.concurrency)));
    const seconds = (performance.now() - t) / 1000;
    const attackAll = results.filter((r) => r.c.cls === 'attack');
    const level: LevelReport = {
      pl,
      attack: stats(attackAll.filter((r) => r.c.pl <= pl)),
      attackOutOfPl: attackAll.filter((r) => r.c.pl > pl).length,
      negative: stats(results.filter((r) => r.c.cls === 'negative')),
      clean: stats(results.filter((r) => r.c.cls === 'clean')),
      results,
      seconds,
    };
    levels.push(level);
    console.error(`PL${pl}: ${results.length} tests in ${seconds.toFixed(1)} s`);
    if (values.verbose) {
      const show = (title: string, rs: readonly CaseResult[]) => {
        console.error(`  ${title} (${rs.length}):`);
        for (const r of [...rs].sort((a, b) => a.c.name.localeCompare(b.c.name, 'en', { numeric: true })))
          console.error(`    ${r.c.name} ${r.answers.map((a) => a.detail).join(' / ')}`);
      };
      show(
        'in-scope attack cases not blocked',
        attackAll.filter((r) => r.c.pl <= pl && r.outcome !== 'blocked-403'),
      );
      show(
        'negative cases blocked',
        results.filter((r) => r.c.cls === 'negative' && r.outcome === 'blocked-403'),
      );
      show(
        'negative cases answered neither 403 nor 2xx',
        results.filter((r) => r.c.cls === 'negative' && !['blocked-403', 'passed-2xx'].includes(r.outcome)),
      );
      show(
        'clean cases not passed',
        results.filter((r) => r.c.cls === 'clean' && r.outcome !== 'passed-2xx'),
      );
    }
  }
  const table = markdown(levels, cases);
  const total = ((performance.now() - t0) / 1000).toFixed(0);
  console.log(table);
  console.log(`\n(${total} s wall, concurrency ${values.concurrency})`);
  if (values.append) {
    const date = `${new Date().toISOString().slice(0, 16)}Z`;
    const counts = {
      attack: cases.filter((c) => c.cls === 'attack').length,
      negative: cases.filter((c) => c.cls === 'negative').length,
      clean: cases.filter((c) => c.cls === 'clean').length,
    };
    const section = `
## WAF blocking quality — ${date}

\`node bench/waf/blocking.ts --append\`: every request of the CRS v4.28.0 regression suite (go-ftw YAML), sent raw
over TCP (request line, headers and body as the test gives them, \`encoded_request\` byte for byte) to a real Gatehouse
started in-process (\`startGateway\`, fast local upstream), route policy \`waf\` ${'profile' in WafSchema.properties ? 'with `profile: crs`' : '(no `profile` option)'},
crs-setup.conf.example unchanged (so rules that need the regression suite's settings, such as \`tx.arg_length\` or UTF-8
validation, stay inactive) + rules/*.conf, blocking, anomaly threshold 5, at paranoia level 1 and 2. Blocked = the WAF's
403. A 400 (Node's HTTP parser, the gateway's own path/Host checks, the WAF's body-processor rules 90003/90005) is counted
apart; "refused" adds those to the 403s. Classes as the reference (../shared/crs/README.md, nginx 1.22 + libmodsecurity 3.0.9): ${counts.attack} attack cases
(\`expect_ids\` non-empty; in scope when the test's rule is at or below the paranoia level), ${counts.negative} negative
cases (only \`no_expect_ids\`, all of them) and ${counts.clean} clean cases (the 999999 common-exclusion requests that
must trigger no rule; 999999-36, a documented 932237 false positive, left out). ${total} s wall on the shared 2-core box.

${table}
`;
    appendFileSync(RESULTS, section);
    console.error(`appended to ${RESULTS}`);
  }
}

if (import.meta.main) await main();
