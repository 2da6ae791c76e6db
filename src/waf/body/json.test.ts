import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileRuleset } from '../engine.ts';
import { parseSecLang } from '../parser/index.ts';
import { TRANSFORMS } from '../transform/index.ts';
import { parseJsonBody } from './json.ts';

function args(body: string, limits = {}) {
  const r = parseJsonBody(body, limits);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.args;
}

describe('parseJsonBody: Coraza naming', () => {
  test('nested objects and arrays (the example of Coraza readItems)', () => {
    assert.deepEqual(args('{"data": {"name": "John", "age": 30}, "items": [1,2,3]}'), [
      ['json.data.name', 'John'],
      ['json.data.age', '30'],
      ['json.items.0', '1'],
      ['json.items.1', '2'],
      ['json.items.2', '3'],
      ['json.items', '3'],
    ]);
  });

  test('top-level array: indexes under json and the length as json', () => {
    assert.deepEqual(args('[{"a":"x"},"y"]'), [
      ['json.0.a', 'x'],
      ['json.1', 'y'],
      ['json', '2'],
    ]);
  });

  test('null is empty, booleans are literal, empty containers yield nothing, scalars at the root', () => {
    assert.deepEqual(args('{"n":null,"t":true,"f":false,"o":{},"a":[]}'), [
      ['json.n', ''],
      ['json.t', 'true'],
      ['json.f', 'false'],
    ]);
    assert.deepEqual(args('"abc"'), [['json', 'abc']]);
    assert.deepEqual(args('{}'), []);
  });

  test('strings are unescaped and returned as UTF-8 byte strings; keys too', () => {
    assert.deepEqual(args('{"q":"1\\u0027 OR 1=1","\\u00e9":"caf\\u00e9"}'), [
      ['json.q', "1' OR 1=1"],
      ['json.\u00c3\u00a9', 'caf\u00c3\u00a9'],
    ]);
    // Raw UTF-8 bytes in the body (latin1 byte string) give the same bytes back.
    const raw = Buffer.from('{"k":"é"}', 'utf8').toString('latin1');
    assert.deepEqual(args(raw), [['json.k', '\u00c3\u00a9']]);
  });

  test('__proto__ keys are reported as arguments, not swallowed', () => {
    assert.deepEqual(args('{"__proto__":{"isAdmin":true}}'), [['json.__proto__.isAdmin', 'true']]);
  });

  test('the expansion gets the member names as sent (distinct, UTF-8 bytes), which the dotted names blur', () => {
    let seen: string[] = [];
    const expand = (a: readonly (readonly [string, string])[], keys: ReadonlySet<string>) => {
      seen = [...keys];
      return a;
    };
    const r = parseJsonBody('{"a.b":1,"a":{"b":[{"c":2},{"c":3}]},"\xc3\xa9":{".env":null}}', { expand });
    assert.ok(r.ok);
    assert.deepEqual(
      r.args.map(([k]) => k),
      ['json.a.b', 'json.a.b.0.c', 'json.a.b.1.c', 'json.a.b', 'json.\xc3\xa9..env'],
    );
    assert.deepEqual(seen, ['a.b', 'a', 'b', 'c', '\xc3\xa9', '.env']);
  });
});

describe('parseJsonBody: errors and limits', () => {
  test('malformed JSON and invalid UTF-8 are errors', () => {
    for (const b of ['{"a":', '{a:1}', "{'a':1}", '', '[1,]', '\xff\xfe']) {
      const r = parseJsonBody(b);
      assert.equal(r.ok, false, JSON.stringify(b));
    }
  });

  test('nesting deeper than maxDepth is an error before parsing; brackets in strings do not count', () => {
    assert.equal(parseJsonBody('['.repeat(100_000) + ']'.repeat(100_000)).ok, false);
    assert.equal(parseJsonBody('[[[1]]]', { maxDepth: 2 }).ok, false);
    assert.equal(parseJsonBody('[[[1]]]', { maxDepth: 3 }).ok, true);
    assert.deepEqual(args('{"s":"[[[[{{{{"}', { maxDepth: 1 }), [['json.s', '[[[[{{{{']]);
  });

  test('more than maxArgs arguments is an error', () => {
    const r = parseJsonBody(JSON.stringify(Array.from({ length: 20 }, (_, i) => i)), { maxArgs: 10 });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.error, /more than 10 arguments/);
  });

  test('with the raw-key view, more than maxArgs distinct member names is an error even when they hold nothing', () => {
    const doc = JSON.stringify(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k ${i}`, {}])));
    const expand = (a: readonly (readonly [string, string])[]) => a;
    assert.equal(parseJsonBody(doc, { maxArgs: 10 }).ok, true);
    const r = parseJsonBody(doc, { maxArgs: 10, expand });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.error, /more than 10 arguments/);
  });
});

describe('engine: JSON bodies through ctl:requestBodyProcessor=JSON', () => {
  const rules = parseSecLang(
    [
      'SecRule REQUEST_HEADERS:Content-Type "@rx ^application/json" "id:200001,phase:1,pass,nolog,t:none,t:lowercase,ctl:requestBodyProcessor=JSON"',
      'SecRule REQBODY_ERROR "!@eq 0" "id:200002,phase:2,deny,status:400,msg:\'body error %{REQBODY_ERROR_MSG}\'"',
      'SecRule ARGS_NAMES "@streq json.tags" "id:101,phase:2,pass,msg:\'array length arg\'"',
      'SecRule ARGS_POST:json.user.name "@contains evil" "id:100,phase:2,deny,status:403"',
    ].join('\n'),
    'inline.conf',
  );
  const rs = compileRuleset(rules, {
    transforms: TRANSFORMS,
    allowMissingDetectors: true,
    json: { maxDepth: 4 },
  });
  const run = (body: string, ct = 'application/json') => {
    const tx = rs.newTransaction({
      method: 'POST',
      uri: '/',
      headers: [
        ['Host', 'x'],
        ['Content-Type', ct],
      ],
      body,
    });
    return { tx, i: tx.processRequestHeaders() ?? tx.processRequestBody() };
  };

  test('flattened values reach ARGS_POST and ARGS_NAMES', () => {
    const { tx, i } = run('{"user":{"name":"an evil one"},"tags":["a"]}');
    assert.deepEqual(i, { action: 'deny', status: 403, ruleId: 100 });
    assert.ok(tx.matches.some((m) => m.id === 101));
    assert.equal(run('{"user":{"name":"alice"}}').i, null);
  });

  test('invalid JSON and too-deep JSON set REQBODY_ERROR and REQBODY_ERROR_MSG', () => {
    const a = run('{"user":');
    assert.deepEqual(a.i, { action: 'deny', status: 400, ruleId: 200002 });
    assert.match(a.tx.matches.find((m) => m.id === 200002)?.msg ?? '', /body error JSON parsing error/);
    assert.equal(run('[[[[[1]]]]]').i?.ruleId, 200002);
  });

  test('without the JSON processor the body is not parsed', () => {
    assert.equal(run('{"user":{"name":"evil"}}', 'text/plain').i, null);
  });
});
