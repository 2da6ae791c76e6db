/**
 * The per-request shortcuts of the engine (src/waf/README.md, Performance) must not change any result: block
 * summaries (skip a collection, or 16 of its values, whose united prefilter literals fail a rule's prefilter; for
 * multiMatch rules, those of every prefix of the chain), per-rule de-duplication of values already found not to
 * match, the `@pm` literal prefilters, the `@validateUtf8Encoding`/`@validateByteRange` prefilters and the
 * transformation change triggers. Each check runs
 * the same requests through the real CRS v4.28.0 compiled with every shortcut on and with all of them off, and
 * compares everything a transaction exposes: interventions, the match log (ids, variables, values, messages) and
 * every TX variable. The per-value transformation and literal caches are always on; the CRS regression requests
 * (through both rulesets) cover them, and so does the go-ftw suite in test/integration.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { crsTestFiles, simulatedResponse, type TestFile, toRequest } from '../../bench/waf/ftw.ts';
import { detectSQLi } from './detect/sqli.ts';
import { detectXSS } from './detect/xss.ts';
import { compileRuleset, type RequestInput, type ResponseInput, type Ruleset } from './engine.ts';
import { type Directive, parseSecLang, parseSecLangFile } from './parser/index.ts';
import { TRANSFORMS } from './transform/index.ts';

const CRS = join(import.meta.dirname, '../../../shared/crs/v4.28.0');

const detectors = {
  sqli: (input: string): string | null => {
    const r = detectSQLi(input);
    return r.match ? (r.fingerprint ?? 'sqli') : null;
  },
  xss: (input: string): string | null => (detectXSS(input) ? 'xss' : null),
};

/** CRS at a paranoia level, blocking, with ModSecurity's recommended JSON and XML body-processor rules. */
function crsDirectives(pl: number): Directive[] {
  return [
    ...parseSecLangFile(join(CRS, 'crs-setup.conf.example')),
    ...parseSecLang(
      `SecAction "id:900005,phase:1,nolog,pass,t:none,setvar:tx.blocking_paranoia_level=${pl}"
SecRule REQUEST_HEADERS:Content-Type "@rx ^application/json" \\
  "id:200001,phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=JSON"
SecRule REQUEST_HEADERS:Content-Type "@rx ^(?:application(?:/soap\\+|/)|text/)xml" \\
  "id:200000,phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=XML"`,
      'settings.conf',
    ),
    ...readdirSync(join(CRS, 'rules'))
      .filter((f) => f.endsWith('.conf'))
      .sort()
      .flatMap((f) => parseSecLangFile(join(CRS, 'rules', f))),
  ];
}

const OFF = {
  summaries: false,
  dedupe: false,
  pmPrefilter: false,
  operatorPrefilter: false,
  transformTriggers: false,
} as const;

function pair(pl: number): { on: Ruleset; off: Ruleset } {
  const directives = crsDirectives(pl);
  return {
    on: compileRuleset(directives, { transforms: TRANSFORMS, detectors }),
    off: compileRuleset(directives, { transforms: TRANSFORMS, detectors, shortcuts: OFF }),
  };
}

/** Everything a transaction exposes after phases 1-2 (and 3-4 when a response is given), as one string. */
function outcome(rs: Ruleset, req: RequestInput, response?: ResponseInput & { body: string }): string {
  const tx = rs.newTransaction(req);
  const out: unknown[] = [tx.processRequestHeaders(), tx.processRequestBody()];
  if (response !== undefined) {
    out.push(tx.processResponseHeaders(response), tx.processResponseBody(response.body));
  }
  const txVars = (tx as unknown as { tx: Map<string, { value: string }> }).tx;
  return JSON.stringify({
    out,
    matches: tx.matches,
    tx: [...txVars].map(([k, v]) => [k, v.value]),
  });
}

const pl4 = pair(4);
const pl1 = pair(1);

describe('engine shortcuts change no result', () => {
  // Every stage of the suite through one of the two rulesets (alternating), to keep the test short.
  it('on the stages of the CRS regression suite, at PL4 and at PL1', () => {
    let stages = 0;
    const differ: string[] = [];
    for (const file of crsTestFiles(CRS)) {
      const doc = parseYaml(readFileSync(file, 'utf8')) as TestFile | null;
      if (doc === null || !Array.isArray(doc.tests)) continue;
      const response = file.includes('/RESPONSE-');
      for (const t of doc.tests) {
        for (const s of t.stages) {
          const req = toRequest(s.input);
          const resp = response ? simulatedResponse(s.input) : undefined;
          const [name, p] = stages++ % 2 === 0 ? (['PL4', pl4] as const) : (['PL1', pl1] as const);
          if (outcome(p.on, req, resp) !== outcome(p.off, req, resp))
            differ.push(`${name} ${doc.rule_id}-${t.test_id}`);
        }
      }
    }
    assert.ok(stages > 4900, `${stages} stages`);
    assert.deepEqual(differ, []);
  });

  // Values that reach the shortcuts' edges: duplicates (de-duplication), more than 16 arguments (blocks), attack
  // fragments (prefilters and `@pm` phrases that pass), benign words (blocks that fail), mixed case and bytes.
  const fragment = fc.constantFrom(
    'amber',
    'garden lantern',
    'union select',
    "1' or '1'='1",
    '<script>alert(1)</script>',
    'javascript:',
    '../../etc/passwd',
    '/bin/bash',
    ';cat /etc/shadow',
    'cmd.exe',
    '$' + '{jndi:ldap://x}',
    'eval(',
    'SeLeCt',
    '%27',
    '&#x3c;',
    '\\x3c',
    'window',
    'onload=',
    'x',
    '0',
    '\u00ff\u00fe',
    // Change triggers of transformations (NUL, comments, escapes, base64 of `<script>`) and invalid UTF-8.
    '\u0000',
    '/*x*/',
    '--',
    '#',
    '\\u003cscript',
    'PHNjcmlwdD4=',
    '\u00c3(',
    ' ',
  );
  const value = fc.array(fragment, { maxLength: 4 }).map((xs) => xs.join(''));

  it('on random JSON bodies with many (and repeated) arguments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'note', 'q'), value), { maxLength: 40 }),
        (kv) => {
          const body = JSON.stringify(kv.map(([k, v]) => ({ [k]: v })));
          const req: RequestInput = {
            method: 'POST',
            uri: '/api/items',
            protocol: 'HTTP/1.1',
            headers: [
              ['Host', 'example.com'],
              ['Content-Type', 'application/json'],
              ['Content-Length', String(body.length)],
            ],
            body,
          };
          for (const p of [pl1, pl4]) assert.equal(outcome(p.on, req), outcome(p.off, req));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('on random query strings, headers and cookies', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 24 }), value, value, (args, ua, cookie) => {
        const q = args.map((v, i) => `p${i % 5}=${encodeURIComponent(v)}`).join('&');
        const req: RequestInput = {
          method: 'GET',
          uri: `/search?${q}`,
          protocol: 'HTTP/1.1',
          headers: [
            ['Host', 'example.com'],
            ['User-Agent', ua === '' ? 'curl/8' : ua],
            ['Cookie', `s=${encodeURIComponent(cookie)}; t=${encodeURIComponent(ua)}`],
          ],
        };
        for (const p of [pl1, pl4]) assert.equal(outcome(p.on, req), outcome(p.off, req));
      }),
      { numRuns: 80 },
    );
  });
});

describe('block summaries', () => {
  const rules = (extra: string): Ruleset =>
    compileRuleset(parseSecLang(extra, 'custom.conf'), { transforms: TRANSFORMS, detectors });

  it('find the one matching value among many benign ones, with exclusions and negation', () => {
    const rs = rules(`
SecRule ARGS|!ARGS:skip "@rx (?i)union\\s+select" "id:1,phase:2,pass,t:none,t:lowercase,msg:'sqli'"
SecRule ARGS "!@rx (?i)union\\s+select" "id:2,phase:2,pass,t:none,msg:'negated'"
SecRule ARGS "@pm passwd shadow" "id:3,phase:2,pass,t:none,msg:'pm'"`);
    const args = Array.from({ length: 40 }, (_, i) => `a${i}=word${i}`);
    args[37] = `a37=${encodeURIComponent('1 UNION  select 2')}`;
    args[5] = 'skip=union+select';
    args[20] = 'a20=etc%2Fshadow';
    const tx = rs.newTransaction({
      method: 'GET',
      uri: `/?${args.join('&')}`,
      headers: [['Host', 'x']],
    });
    tx.processRequestHeaders();
    tx.processRequestBody();
    const byId = (id: number) => tx.matches.filter((m) => m.id === id).map((m) => m.matchedVar);
    assert.deepEqual(byId(1), ['ARGS:a37']);
    // Negated: the last value that does not match is the matched variable.
    assert.deepEqual(byId(2), ['ARGS:a39']);
    assert.deepEqual(byId(3), ['ARGS:a20']);
  });
});
