/**
 * Engine collections filled by the multipart and XML body processors, and the setvar timing CRS relies on.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileRuleset, type RequestInput } from './engine.ts';
import { parseSecLang } from './parser/index.ts';

const opts = { transforms: { lowercase: (s: string) => s.toLowerCase() } };

function run(rules: string, req: Partial<RequestInput> = {}) {
  const rs = compileRuleset(parseSecLang(rules, 'test.conf'), opts);
  const tx = rs.newTransaction({ method: 'POST', uri: '/', headers: [], ...req });
  const intervention = tx.processRequestHeaders() ?? tx.processRequestBody();
  return { tx, intervention, ids: tx.matches.map((m) => m.id) };
}

const MP_CT = 'multipart/form-data; boundary=b0';
const MP_BODY = [
  '--b0',
  'Content-Disposition: form-data; name="title"',
  '',
  "1' OR '1'='1",
  '--b0',
  'Content-Disposition: form-data; name="doc"; filename="shell.php"',
  'Content-Type: text/plain; charset=utf-7',
  '',
  '<?php system($_GET[c]); ?>',
  '--b0--',
  '',
].join('\r\n');

test('multipart fills ARGS_POST, FILES*, MULTIPART_PART_HEADERS and the MULTIPART_* flags', () => {
  const { tx, ids } = run(
    [
      `SecRule ARGS_POST:title "@contains OR '1'" "id:1,phase:2,pass"`,
      'SecRule FILES:doc "@streq shell.php" "id:2,phase:2,pass"',
      'SecRule FILES_NAMES "@streq doc" "id:3,phase:2,pass"',
      'SecRule FILES_SIZES:doc "@eq 26" "id:4,phase:2,pass"',
      'SecRule FILES_COMBINED_SIZE "@eq 26" "id:5,phase:2,pass"',
      'SecRule MULTIPART_PART_HEADERS:doc "@rx ^content-type: .*utf-7$" "id:6,phase:2,pass,t:lowercase"',
      'SecRule &MULTIPART_PART_HEADERS "@eq 3" "id:7,phase:2,pass"',
      'SecRule MULTIPART_STRICT_ERROR "@eq 0" "id:8,phase:2,pass"',
      'SecRule MULTIPART_UNMATCHED_BOUNDARY "@eq 0" "id:9,phase:2,pass"',
      'SecRule REQBODY_ERROR "@eq 0" "id:10,phase:2,pass"',
      'SecRule REQBODY_PROCESSOR "@streq MULTIPART" "id:11,phase:2,pass"',
      'SecRule &REQUEST_BODY "@eq 0" "id:12,phase:2,pass"',
      'SecRule ARGS "@contains system(" "id:13,phase:2,pass"',
    ].join('\n'),
    { headers: [['Content-Type', MP_CT]], body: MP_BODY },
  );
  assert.deepEqual(ids, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'file content is not an argument');
  assert.equal(tx.getTx('x'), undefined);
});

test('multipart strictness: LF lines and a missing final boundary', () => {
  const rules = [
    'SecRule MULTIPART_STRICT_ERROR "@eq 1" "id:1,phase:2,pass"',
    'SecRule MULTIPART_LF_LINE "@eq 1" "id:2,phase:2,pass"',
    'SecRule REQBODY_ERROR "@eq 1" "id:3,phase:2,pass"',
    'SecRule REQBODY_ERROR_MSG "@contains final boundary" "id:4,phase:2,pass"',
    'SecRule ARGS_POST:a "@streq v" "id:5,phase:2,pass"',
    'SecRule MULTIPART_UNMATCHED_BOUNDARY "@eq 1" "id:6,phase:2,pass"',
  ].join('\n');
  const headers: [string, string][] = [['Content-Type', 'multipart/form-data; boundary=b0']];
  const lf = run(rules, { headers, body: '--b0\nContent-Disposition: form-data; name="a"\n\nv\n--b0--\n' });
  assert.deepEqual(lf.ids, [1, 2, 5]);
  const open = run(rules, {
    headers,
    body: '--b0\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--b0x\r\n',
  });
  assert.deepEqual(open.ids, [1, 3, 4, 6]);
});

test('XML fills XML:/* (root text) and XML://@* (attribute values); errors set REQBODY_ERROR', () => {
  const rules = [
    'SecRule REQUEST_HEADERS:Content-Type "@contains xml" "id:100,phase:1,pass,nolog,ctl:requestBodyProcessor=XML"',
    'SecRule XML:/* "@streq hello world" "id:1,phase:2,pass"',
    'SecRule XML://@* "@streq evil()" "id:2,phase:2,pass"',
    'SecRule &XML://@* "@eq 2" "id:3,phase:2,pass"',
    'SecRule REQBODY_ERROR "@eq 1" "id:4,phase:2,pass"',
    'SecRule &REQUEST_BODY "@eq 0" "id:5,phase:2,pass"',
    'SecRule XML "@contains evil" "id:6,phase:2,pass"',
  ].join('\n');
  const headers: [string, string][] = [['Content-Type', 'application/xml']];
  const good = run(rules, { headers, body: '<r a="1"><greeting on="evil()">hello</greeting> world</r>' });
  assert.deepEqual(good.ids, [100, 1, 2, 3, 5, 6]);
  const bad = run(rules, { headers, body: '<r><unclosed></r>' });
  assert.deepEqual(bad.ids, [100, 4, 5]);
  assert.throws(
    () => compileRuleset(parseSecLang('SecRule XML:/a/b/text() "@rx x" "id:1,phase:2,pass"', 't.conf'), opts),
    /unsupported XPath/,
  );
});

test('a chain starter sets its variables before the next link runs (CRS 922100, 931130)', () => {
  const { ids, tx } = run(
    [
      'SecRule ARGS_GET:x "@rx ^(\\w+)" "id:1,phase:1,pass,capture,setvar:tx.seen=%{tx.1},chain"',
      '  SecRule TX:seen "@streq abc" "setvar:tx.done=1"',
      'SecRule ARGS_GET:y "@rx ." "id:2,phase:1,pass,setvar:tx.starter=1,chain"',
      '  SecRule ARGS_GET:none "@rx ." ""',
    ].join('\n'),
    { uri: '/?x=abc&y=1' },
  );
  assert.deepEqual(ids, [1]);
  assert.equal(tx.getTx('done'), '1');
  assert.equal(tx.getTx('starter'), '1', 'runs even though the chain did not match, as ModSecurity');
});

test('setvars whose target name is a macro run once per matched variable (CRS 922150)', () => {
  const { tx } = run(
    [
      'SecAction "id:1,phase:1,pass,setvar:tx.n=0"',
      'SecRule ARGS_GET "@rx ^(.*)$" "id:2,phase:1,pass,capture,setvar:tx.v_%{tx.n}=%{tx.1},setvar:tx.n=+1"',
      'SecRule ARGS_GET "@rx ." "id:3,phase:1,pass,setvar:tx.score=+5"',
    ].join('\n'),
    { uri: '/?a=one&b=two&c=three' },
  );
  assert.equal(tx.getTx('n'), '3');
  assert.deepEqual([tx.getTx('v_0'), tx.getTx('v_1'), tx.getTx('v_2')], ['one', 'two', 'three']);
  assert.equal(tx.getTx('score'), '5', 'anomaly scores still add once per rule');
});

test('phases 3 and 4 see RESPONSE_STATUS, RESPONSE_HEADERS, RESPONSE_CONTENT_TYPE and RESPONSE_BODY', () => {
  const rs = compileRuleset(
    parseSecLang(
      [
        'SecRule RESPONSE_STATUS "@streq 500" "id:1,phase:3,pass"',
        'SecRule RESPONSE_HEADERS:X-Powered-By "@contains PHP" "id:2,phase:3,pass"',
        'SecRule RESPONSE_CONTENT_TYPE "@beginsWith text/html" "id:3,phase:3,pass"',
        'SecRule RESPONSE_HEADERS_NAMES "@streq Set-Cookie" "id:4,phase:3,pass"',
        'SecRule RESPONSE_BODY "@contains ORA-00933" "id:5,phase:4,deny,status:502"',
      ].join('\n'),
      't.conf',
    ),
    opts,
  );
  const tx = rs.newTransaction({ method: 'GET', uri: '/', headers: [] });
  assert.equal(tx.processRequestHeaders() ?? tx.processRequestBody(), null);
  const h = tx.processResponseHeaders({
    status: 500,
    headers: [
      ['Content-Type', 'text/html; charset=utf-8'],
      ['X-Powered-By', 'PHP/8.3'],
    ],
  });
  assert.equal(h, null);
  assert.deepEqual(
    tx.matches.map((m) => m.id),
    [1, 2, 3],
  );
  assert.deepEqual(tx.processResponseBody('ORA-00933: SQL command not properly ended'), {
    action: 'deny',
    status: 502,
    ruleId: 5,
  });
});

test('json.rawBody false: a parsed JSON body is seen through ARGS only; one that fails to parse keeps REQUEST_BODY', () => {
  const rules = [
    'SecAction "id:1,phase:1,pass,ctl:requestBodyProcessor=JSON"',
    'SecRule &REQUEST_BODY "@eq 0" "id:2,phase:2,pass"',
    'SecRule REQUEST_BODY "@contains java.lang.Runtime" "id:3,phase:2,pass"',
    'SecRule ARGS_POST:json.a "@contains java.lang.Runtime" "id:4,phase:2,pass"',
  ].join('\n');
  const body = '{"a":"java.lang.Runtime"}';
  const compile = (rawBody?: boolean) =>
    compileRuleset(parseSecLang(rules, 'test.conf'), {
      ...opts,
      json: rawBody === undefined ? {} : { rawBody },
    });
  const ids = (rs: ReturnType<typeof compile>, b: string) => {
    const tx = rs.newTransaction({ method: 'POST', uri: '/', headers: [], body: b });
    tx.processRequestHeaders();
    tx.processRequestBody();
    return tx.matches.map((m) => m.id);
  };
  // ModSecurity's behaviour by default: the raw body too.
  assert.deepEqual(ids(compile(), body), [1, 3, 4]);
  assert.deepEqual(ids(compile(false), body), [1, 2, 4]);
  // Malformed: no ARGS, so the raw text stays inspectable.
  assert.deepEqual(ids(compile(false), '{"a":"java.lang.Runtime"'), [1, 3]);
});
