import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compileRuleset,
  decodeFormComponent,
  type EngineOptions,
  parseUrlEncoded,
  type RequestInput,
  type Transform,
} from './engine.ts';
import { parseSecLang } from './parser/index.ts';

// Minimal test-only transformations; the real registry lives in src/waf/transform/.
let lowercaseCalls = 0;
const TEST_TRANSFORMS: Record<string, Transform> = {
  lowercase: (s) => {
    lowercaseCalls++;
    return s.toLowerCase();
  },
  urlDecodeUni: (s) => decodeFormComponent(s),
};
const opts: EngineOptions = { transforms: TEST_TRANSFORMS };

function run(rules: string, req: Partial<RequestInput> = {}, o: Partial<EngineOptions> = {}) {
  const rs = compileRuleset(parseSecLang(rules, 'test.conf'), { ...opts, ...o });
  const tx = rs.newTransaction({ method: 'GET', uri: '/', headers: [], ...req });
  const i1 = tx.processRequestHeaders();
  const i2 = i1 ?? tx.processRequestBody();
  return { tx, intervention: i2, ids: tx.matches.map((m) => m.id) };
}

test('collections from the request line, query, headers, cookies', () => {
  const rules = [
    'SecRule REQUEST_METHOD "@streq POST" "id:1,phase:1,pass"',
    'SecRule REQUEST_FILENAME "@streq /a b/c.php" "id:2,phase:1,pass"',
    'SecRule REQUEST_BASENAME "@streq c.php" "id:3,phase:1,pass"',
    'SecRule QUERY_STRING "@streq x=1&y=%41" "id:4,phase:1,pass"',
    'SecRule ARGS_GET:y "@streq A" "id:5,phase:1,pass"',
    'SecRule REQUEST_HEADERS:user-agent "@contains curl" "id:6,phase:1,pass"',
    'SecRule REQUEST_COOKIES:sid "@streq abc" "id:7,phase:1,pass"',
    'SecRule REQUEST_COOKIES_NAMES "@streq theme" "id:8,phase:1,pass"',
    'SecRule REQUEST_LINE "@streq POST /a%20b/c.php?x=1&y=%41 HTTP/1.1" "id:9,phase:1,pass"',
    'SecRule REQUEST_PROTOCOL "@streq HTTP/1.1" "id:10,phase:1,pass"',
    'SecRule REQUEST_HEADERS_NAMES "@streq Cookie" "id:11,phase:1,pass"',
    'SecRule REQUEST_URI_RAW "@beginsWith /a%20b" "id:12,phase:1,pass"',
    'SecRule ARGS_POST:p "@streq q r" "id:13,phase:2,pass"',
    'SecRule REQUEST_BODY "@streq p=q+r" "id:14,phase:2,pass"',
    'SecRule REQUEST_BODY_LENGTH "@eq 5" "id:15,phase:2,pass"',
    'SecRule ARGS_NAMES "@streq p" "id:16,phase:2,pass"',
    'SecRule ARGS:x "@streq 1" "id:17,phase:1,pass"',
  ].join('\n');
  const { ids } = run(rules, {
    method: 'POST',
    uri: '/a%20b/c.php?x=1&y=%41',
    headers: [
      ['User-Agent', 'curl/8'],
      ['Cookie', 'sid=abc; theme=dark'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ],
    body: 'p=q+r',
  });
  assert.deepEqual(ids, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 17, 13, 14, 15, 16]);
});

test('selectors: regex keys, exclusions, counting', () => {
  const rules = [
    'SecRule ARGS:/^id_/ "@rx ^\\d+$" "id:1,phase:1,pass"',
    'SecRule ARGS|!ARGS:safe "@rx evil" "id:2,phase:1,pass"',
    'SecRule &ARGS "@eq 3" "id:3,phase:1,pass"',
    'SecRule &ARGS:missing "@eq 0" "id:4,phase:1,pass"',
    'SecRule ARGS|!ARGS:/^id_/ "@rx ^\\d+$" "id:5,phase:1,pass"',
  ].join('\n');
  const { ids } = run(rules, { uri: '/?id_a=12&safe=evil&q=x' });
  assert.deepEqual(ids, [1, 3, 4]);
  assert.deepEqual(run(rules, { uri: '/?id_a=12&other=evil&q=x' }).ids, [1, 2, 3, 4]);
});

test('setvar forms, macros, TX and MATCHED_VAR(_NAME)', () => {
  const rules = [
    'SecAction "id:1,phase:1,pass,nolog,setvar:tx.score=0,setvar:tx.crit=5,setvar:tx.gone=1,setvar:tx.flag"',
    `SecRule ARGS "@rx attack" "id:2,phase:1,pass,msg:'hit in %{MATCHED_VAR_NAME}',logdata:'%{MATCHED_VAR}',setvar:'tx.score=+%{tx.crit}',setvar:tx.score-=1,setvar:!tx.gone,setvar:'tx.where=%{matched_var_name}'"`,
    'SecRule TX:score "@eq 4" "id:3,phase:1,pass"',
    'SecRule &TX:gone "@eq 0" "id:4,phase:1,pass"',
    'SecRule TX:flag "@eq 1" "id:5,phase:1,pass"',
  ].join('\n');
  const { tx, ids } = run(rules, { uri: '/?a=my+attack' });
  assert.deepEqual(ids, [1, 2, 3, 4, 5]);
  assert.equal(tx.getTx('where'), 'ARGS:a');
  const m = tx.matches.find((x) => x.id === 2);
  assert.equal(m?.msg, 'hit in ARGS:a');
  assert.equal(m?.logdata, 'my attack');
  assert.equal(m?.log, true);
  assert.equal(tx.matches[0]?.log, false);
});

test('transformations, t:none, SecDefaultAction inheritance and the per-transaction cache', () => {
  const rules = [
    'SecDefaultAction "phase:1,pass,log,t:lowercase"',
    'SecRule ARGS "@streq abc" "id:1,phase:1,pass"',
    'SecRule ARGS "@streq ABC" "id:2,phase:1,pass,t:none"',
    'SecRule ARGS "@streq abc" "id:3,phase:1,pass"',
    'SecRule ARGS "@streq a%62c" "id:4,phase:1,pass,t:none,t:lowercase"',
    'SecRule ARGS "@streq abc" "id:5,phase:1,pass,t:none,t:lowercase,t:urlDecodeUni"',
  ].join('\n');
  lowercaseCalls = 0;
  const { ids } = run(rules, { uri: '/?x=ABC' });
  assert.deepEqual(ids, [1, 2, 3, 5]);
  // One lowercase call for the ABC entry (rules 1 and 3 share the cached result, 4 and 5 hit it too).
  assert.equal(lowercaseCalls, 1);
  assert.deepEqual(run(rules, { uri: '/?x=a%2562c' }).ids, [4, 5]);
  assert.throws(
    () => run('SecRule ARGS "@rx a" "id:1,t:nope"'),
    /test\.conf:1: unknown transformation t:nope/,
  );
});

test('multiMatch checks the value after every transformation', () => {
  const rules = 'SecRule ARGS "@streq ABC" "id:1,phase:1,pass,t:none,t:lowercase,multiMatch"';
  assert.deepEqual(run(rules, { uri: '/?x=ABC' }).ids, [1]);
  assert.deepEqual(run(rules.replace(',multiMatch', ''), { uri: '/?x=ABC' }).ids, []);
});

test('chains: all links must match; MATCHED_VARS flows to the next link; capture sets TX.0-9', () => {
  const rules = [
    'SecRule ARGS "@rx ^(\\w+)=(\\d+)$" "id:1,phase:1,pass,capture,chain,setvar:tx.outer=1"',
    '  SecRule TX:2 "@gt 10" "chain,setvar:tx.inner=%{tx.1}"',
    '    SecRule MATCHED_VARS "@gt 10" "setvar:tx.last=%{MATCHED_VAR}"',
  ].join('\n');
  const hit = run(rules, { uri: '/?q=abc%3D42' });
  assert.deepEqual(hit.ids, [1]);
  assert.equal(hit.tx.getTx('inner'), 'abc');
  assert.equal(hit.tx.getTx('outer'), '1');
  assert.equal(hit.tx.getTx('0'), 'abc=42');
  assert.equal(hit.tx.getTx('last'), '42');
  const miss = run(rules, { uri: '/?q=abc%3D7' });
  assert.deepEqual(miss.ids, []);
  // As ModSecurity: a matching link sets its variables even when a later link fails (CRS 922100/931130 rely on
  // it); the failed link's own setvars do not run.
  assert.equal(miss.tx.getTx('outer'), '1');
  assert.equal(miss.tx.getTx('inner'), undefined);
  assert.throws(() => run('SecRule ARGS "@rx a" "id:1,chain"'), /ends inside a chain/);
});

test('negated operators', () => {
  assert.deepEqual(
    run('SecRule REQUEST_METHOD "!@within GET HEAD" "id:1,phase:1,pass"', { method: 'PUT' }).ids,
    [1],
  );
  assert.deepEqual(run('SecRule REQUEST_METHOD "!@within GET HEAD" "id:1,phase:1,pass"').ids, []);
});

test('macro-expanded operator arguments', () => {
  const rules = [
    'SecAction "id:1,phase:1,pass,setvar:\'tx.allowed=GET POST\'"',
    'SecRule REQUEST_METHOD "!@within %{tx.allowed}" "id:2,phase:1,deny,status:405"',
  ].join('\n');
  assert.equal(run(rules).intervention, null);
  assert.deepEqual(run(rules, { method: 'PUT' }).intervention, { action: 'deny', status: 405, ruleId: 2 });
});

test('skipAfter, markers, skip', () => {
  const rules = [
    'SecRule ARGS:go "@streq 1" "id:1,phase:1,pass,skipAfter:END"',
    'SecAction "id:2,phase:1,pass"',
    'SecMarker END',
    'SecAction "id:3,phase:1,pass,skip:1"',
    'SecAction "id:4,phase:1,pass"',
    'SecAction "id:5,phase:1,pass"',
  ].join('\n');
  assert.deepEqual(run(rules, { uri: '/?go=1' }).ids, [1, 3, 5]);
  assert.deepEqual(run(rules, { uri: '/?go=0' }).ids, [2, 3, 5]);
});

test('disruptive actions and engine modes', () => {
  const rules = 'SecRule ARGS "@rx bad" "id:1,phase:1,deny,status:403"\nSecAction "id:2,phase:2,pass"';
  assert.deepEqual(run(rules, { uri: '/?a=bad' }).intervention, { action: 'deny', status: 403, ruleId: 1 });
  const detect = run(rules, { uri: '/?a=bad' }, { mode: 'DetectionOnly' });
  assert.equal(detect.intervention, null);
  assert.deepEqual(detect.ids, [1, 2]);
  assert.deepEqual(run(rules, { uri: '/?a=bad' }, { mode: 'Off' }).ids, []);
  assert.equal(run(`SecRuleEngine DetectionOnly\n${rules}`, { uri: '/?a=bad' }).intervention, null);
  // block inherits the phase's default disruptive action.
  assert.equal(
    run('SecDefaultAction "phase:1,deny,status:401"\nSecRule ARGS "@rx x" "id:1,phase:1,block"', {
      uri: '/?a=x',
    }).intervention?.status,
    401,
  );
  assert.equal(
    run('SecDefaultAction "phase:1,pass"\nSecRule ARGS "@rx x" "id:1,phase:1,block"', { uri: '/?a=x' })
      .intervention,
    null,
  );
  // allow stops evaluation.
  assert.deepEqual(
    run('SecAction "id:1,phase:1,allow"\nSecAction "id:2,phase:1,deny"\nSecAction "id:3,phase:2,deny"').ids,
    [1],
  );
  assert.throws(() => run('SecDefaultAction "phase:1,pass,id:3"'), /cannot set id/);
});

test('runtime ctl: ruleRemoveById, ruleRemoveByTag, ruleRemoveTargetById/ByTag, ruleEngine', () => {
  const base = [
    'SecRule ARGS "@rx bad" "id:10,phase:1,pass,tag:\'t1\'"',
    'SecRule ARGS "@rx bad" "id:11,phase:1,pass,tag:\'t2\'"',
    'SecRule ARGS "@rx bad" "id:12,phase:1,deny"',
  ].join('\n');
  const uri = '/?pw=bad';
  assert.deepEqual(run(base, { uri }).ids, [10, 11, 12]);
  assert.deepEqual(
    run(`SecAction "id:1,phase:1,pass,ctl:ruleRemoveById=10-11"\n${base}`, { uri }).ids,
    [1, 12],
  );
  assert.deepEqual(
    run(`SecAction "id:1,phase:1,pass,ctl:ruleRemoveByTag=t2"\n${base}`, { uri }).ids,
    [1, 10, 12],
  );
  assert.deepEqual(
    run(`SecAction "id:1,phase:1,pass,ctl:ruleRemoveTargetById=10;ARGS:pw"\n${base}`, { uri }).ids,
    [1, 11, 12],
  );
  assert.deepEqual(
    run(`SecAction "id:1,phase:1,pass,ctl:ruleRemoveTargetByTag=t1;ARGS:pw"\n${base}`, { uri }).ids,
    [1, 11, 12],
  );
  assert.deepEqual(run(`SecAction "id:1,phase:1,pass,ctl:ruleEngine=Off"\n${base}`, { uri }).ids, [1]);
  const r = run(`SecAction "id:1,phase:1,pass,ctl:ruleEngine=DetectionOnly"\n${base}`, { uri });
  assert.equal(r.intervention, null);
  assert.deepEqual(r.ids, [1, 10, 11, 12]);
});

test('load-time removals and target updates', () => {
  const base = [
    'SecRule ARGS "@rx bad" "id:10,phase:1,pass,tag:\'t1\'"',
    'SecRule ARGS "@rx bad" "id:11,phase:1,pass,tag:\'t2\'"',
    'SecRule ARGS "@rx bad" "id:12,phase:1,pass"',
  ].join('\n');
  const uri = '/?pw=bad';
  assert.deepEqual(run(`${base}\nSecRuleRemoveById 10 12`, { uri }).ids, [11]);
  assert.deepEqual(run(`${base}\nSecRuleRemoveByTag t1`, { uri }).ids, [11, 12]);
  assert.deepEqual(run(`${base}\nSecRuleUpdateTargetById 11 "!ARGS:pw"`, { uri }).ids, [10, 12]);
  assert.deepEqual(run(`${base}\nSecRuleUpdateTargetByTag t1 "!ARGS:/^p/"`, { uri }).ids, [11, 12]);
  assert.deepEqual(
    run(`${base}\nSecRuleUpdateTargetById 12 REQUEST_HEADERS ARGS`, { uri, headers: [['X', 'bad']] }).ids,
    [10, 11, 12],
  );
  assert.deepEqual(
    run(`${base}\nSecRuleUpdateTargetById 12 REQUEST_HEADERS ARGS`, { uri: '/', headers: [['X', 'bad']] })
      .ids,
    [12],
  );
});

test('requestBodyProcessor and forceRequestBodyVariable', () => {
  const rules = [
    'SecAction "id:1,phase:1,pass,ctl:forceRequestBodyVariable=On"',
    'SecRule REQUEST_BODY "@rx secret" "id:2,phase:2,pass"',
    'SecRule REQBODY_PROCESSOR "@streq JSON" "id:3,phase:2,pass"',
  ].join('\n');
  assert.deepEqual(run(rules, { method: 'POST', body: 'a secret' }).ids, [1, 2]);
  // REQUEST_BODY is filled for every non-empty body, as in ModSecurity v3 (so rule 2 fires with JSON too).
  assert.deepEqual(
    run(rules.replace('forceRequestBodyVariable=On', 'requestBodyProcessor=JSON'), { body: 'a secret' }).ids,
    [1, 2, 3],
  );
});

test('compile errors name file and line', () => {
  assert.throws(() => run('SecRule ARGS "@rx a" "id:1"\nSecRule ARGS "@rx (" "id:2"'), /test\.conf:2: /);
  assert.throws(() => run('SecRule ARGS "@rx a" "phase:1"'), /test\.conf:1: rule has no id/);
  assert.throws(() => run('SecRuleUpdateActionById 1 "pass"'), /not supported/);
  assert.throws(() => run('SecAction "id:1,setvar:ip.x=1"'), /test\.conf:1: setvar on IP needs persistent/);
  assert.throws(() => run('SecRule ARGZ "@rx a" "id:1"'), /test\.conf:1: unknown variable ARGZ/);
});

test('url-encoded parsing', () => {
  assert.deepEqual(parseUrlEncoded('a=1&b=%41+c&&d&e=%zz'), [
    ['a', '1'],
    ['b', 'A c'],
    ['d', ''],
    ['e', '%zz'],
  ]);
  assert.equal(decodeFormComponent('%e9'), '\xe9');
});
