import { CODE_FAMILY } from './code.ts';
import { JSON_PLAIN_NAME_REGEX } from './expand.ts';
import { PROSE_FAMILY_RULES, PROSE_PREFIX, QUERY_FAMILIES } from './view.ts';

/**
 * SecLang of the WAF API profile (issue 5): the CRS policy settings for JSON APIs and the profile's own attack
 * rules for what CRS misses in JSON payloads. Loaded by src/policies/waf/ruleset.ts after the setup file and
 * before the CRS rule files (the settings only fill TX variables the setup left unset; the attack rules run in
 * phase 2, before CRS' blocking evaluation, and add to the PL1 inbound anomaly score). Also the reserved-name
 * rules (90105, 90106) that keep clients from forging the `gatehouse.` argument names of the profile's value view
 * (./view.ts); the prose exemptions themselves are load-time target exclusions (src/policies/waf/ruleset.ts,
 * {@link proseExclusionDirectives}).
 */

/** RE2 regex (unanchored at the end) of the start of a prose argument name: `^gatehouse[.]prose[.]`. */
export const PROSE_NAME_REGEX = `^${PROSE_PREFIX.replace(/[.]/g, '[.]')}`;

/** Methods the API profile allows (CRS `tx.allowed_methods`). */
export const API_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Request content types the API profile allows (CRS `tx.allowed_request_content_type`), besides `*+json`. */
export const API_CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/related',
  'text/xml',
  'application/xml',
  'application/soap+xml',
  'application/json',
  'application/merge-patch+json',
  'application/json-patch+json',
  'application/vnd.api+json',
  'application/ld+json',
  'application/problem+json',
  'application/cloudevents+json',
  'application/cloudevents-batch+json',
  'application/graphql',
  'application/graphql-response+json',
  'application/x-ndjson',
  'application/jsonl',
  'text/plain',
] as const;

/** CRS v4.28 `tx.restricted_headers_basic` without `/expect/` (curl sends `Expect: 100-continue`). */
export const API_RESTRICTED_HEADERS_BASIC =
  '/content-encoding/ /proxy/ /lock-token/ /content-range/ /if/ /x-http-method-override/ /x-http-method/ /x-method-override/ /x-middleware-subrequest/';

/** Ids of the profile's rules and the family each one reports (see `ruleFamily` in the policy). */
export const PROFILE_RULES = {
  settings: 90010,
  jsonFamilyContentType: 90011,
  nosql: 90100,
  template: 90101,
  ssrf: 90102,
  prototypePollution: 90103,
  decodeLimit: 90104,
  reservedName: 90105,
  reservedNameBody: 90106,
  commandSubstitution: 90107,
  jsonNameBody: 90108,
  sqlBypass: 90109,
  credentialOperator: 90110,
  separatedProbe: 90111,
  headerSubstitution: 90112,
  prototypePollutionValue: 90113,
  headerTemplate: 90114,
  clientIpHeader: 90115,
  forwardedHost: 90116,
  jsonWriteExtension: 90014,
  uploadScript: 90117,
  uploadSsrf: 90118,
  headerCommand: 90119,
  headerOsFile: 90120,
  headerNosql: 90121,
  refererAttack: 90122,
  oastHost: 90123,
  uploadExploit: 90124,
  refererNotUrl: 90125,
  jsInjection: 90126,
  emailBasename: 90015,
  textPlainJson: 90016,
  multipartRelated: 90017,
  uploadData: 90127,
  uploadDataSsrf: 90128,
  uploadFileName: 90129,
  cookieSsrf: 90130,
  bearerSyntax: 90131,
  headerSqli: 90132,
  separatedGlob: 90133,
  codeGlob: 90134,
  interpreterOneLiner: 90135,
  compoundCommand: 90136,
  dotfileRead: 90137,
  headerXss: 90138,
  prefixedCommand: 90139,
} as const;

/** Family (reason suffix, metric label) of each profile attack rule. */
export const PROFILE_FAMILIES: Readonly<Record<number, string>> = {
  [PROFILE_RULES.nosql]: 'nosql',
  [PROFILE_RULES.template]: 'template',
  [PROFILE_RULES.ssrf]: 'ssrf',
  [PROFILE_RULES.prototypePollution]: 'prototype-pollution',
  [PROFILE_RULES.decodeLimit]: 'reqbody-error',
  [PROFILE_RULES.reservedName]: 'protocol-attack',
  [PROFILE_RULES.reservedNameBody]: 'protocol-attack',
  [PROFILE_RULES.jsonNameBody]: 'protocol-attack',
  [PROFILE_RULES.commandSubstitution]: 'rce',
  [PROFILE_RULES.sqlBypass]: 'sqli',
  [PROFILE_RULES.credentialOperator]: 'nosql',
  [PROFILE_RULES.separatedProbe]: 'rce',
  [PROFILE_RULES.separatedGlob]: 'rce',
  [PROFILE_RULES.codeGlob]: 'rce',
  [PROFILE_RULES.interpreterOneLiner]: 'rce',
  [PROFILE_RULES.compoundCommand]: 'rce',
  [PROFILE_RULES.dotfileRead]: 'rce',
  [PROFILE_RULES.headerXss]: 'xss',
  [PROFILE_RULES.prefixedCommand]: 'rce',
  [PROFILE_RULES.headerSubstitution]: 'rce',
  [PROFILE_RULES.prototypePollutionValue]: 'prototype-pollution',
  [PROFILE_RULES.headerTemplate]: 'template',
  [PROFILE_RULES.clientIpHeader]: 'protocol-attack',
  [PROFILE_RULES.forwardedHost]: 'ssrf',
  [PROFILE_RULES.uploadScript]: 'xss',
  [PROFILE_RULES.uploadSsrf]: 'ssrf',
  [PROFILE_RULES.headerCommand]: 'rce',
  [PROFILE_RULES.bearerSyntax]: 'protocol-attack',
  [PROFILE_RULES.headerSqli]: 'sqli',
  [PROFILE_RULES.headerOsFile]: 'lfi',
  [PROFILE_RULES.headerNosql]: 'nosql',
  [PROFILE_RULES.refererAttack]: 'ssrf',
  [PROFILE_RULES.oastHost]: 'ssrf',
  [PROFILE_RULES.uploadExploit]: 'rce',
  [PROFILE_RULES.refererNotUrl]: 'generic',
  [PROFILE_RULES.jsInjection]: 'nosql',
  [PROFILE_RULES.uploadData]: 'nosql',
  [PROFILE_RULES.uploadDataSsrf]: 'ssrf',
  [PROFILE_RULES.uploadFileName]: 'rce',
  [PROFILE_RULES.cookieSsrf]: 'ssrf',
};

// A forwarded-host header naming a loopback, link-local, metadata or unspecified address, in any spelling
// (`localhost:2375`, `0177.0.0.1`, `0x7f000001`, `[::1]`): host-header injection into password-reset links and
// SSRF through backends that build URLs from it.
const INTERNAL_HOST =
  '(?i)^\\s*\\[?(?:localhost|127(?:\\.[0-9]{1,3}){1,3}|0+(?:\\.0+){0,3}|0[0-7]{1,3}(?:\\.[0-9]{1,4}){0,3}|0x[0-9a-f]{1,8}|' +
  '[0-9]{8,10}|169\\.254\\.[0-9]{1,3}\\.[0-9]{1,3}|::1?|::ffff:[0-9a-f.:]+|metadata(?:\\.google)?\\.internal|' +
  'metadata\\.azure\\.com|100\\.100\\.100\\.200|kubernetes\\.default(?:\\.svc)?)\\]?(?::[0-9]{1,5})?\\s*(?:,|$)';

// Headers that carry a client address (a list of IPv4/IPv6 addresses, ports, `unknown` or an obfuscated
// identifier): what an application logs, rate-limits on or puts in a query as it is.
const CLIENT_IP_HEADERS = [
  'X-Forwarded-For',
  'X-Real-IP',
  'X-Client-IP',
  'True-Client-IP',
  'CF-Connecting-IP',
  'X-Originating-IP',
  'X-Remote-IP',
  'X-Remote-Addr',
  'X-Cluster-Client-IP',
  'Fastly-Client-IP',
]
  .map((h) => `REQUEST_HEADERS:${h}`)
  .join('|');

const NOSQL_OPERATORS =
  'where|ne|eq|gt|gte|lt|lte|in|nin|regex|expr|or|and|not|nor|exists|elemMatch|function|accumulator|jsonSchema|' +
  // Aggregation stages that read or write other collections.
  'lookup|graphLookup|unionWith|out|merge';

// Expressions inside template delimiters: arithmetic, dunder/constructor walks, Jinja/Twig/Freemarker/SpEL/EL
// globals; plain `{{name}}` placeholders (CMS and e-mail templates) stay clean.
// A dunder right after the opener, or after anything but a digit (`{{1__body_plain}}` is a Zapier field reference,
// session 9; `{{1__x.__class__}}` still matches at `.__`).
const TEMPLATE =
  '(?:\\{\\{|\\$\\{|#\\{|\\{%)\\s*__|' +
  '(?:\\{\\{|\\$\\{|#\\{|\\{%)[^}]{0,200}?(?:[0-9]\\s*[-+*/%]\\s*[0-9]|[^0-9]__|\\bconstructor\\b|\\bconfig\\b|\\bself\\b|' +
  '\\brequest\\b|\\bcycler\\b|\\blipsum\\b|\\bjoiner\\b|\\bnamespace\\b|\\bprocess\\b|\\brequire\\b|\\bgetRuntime\\b|' +
  '\\bgetClass\\b|\\bclass\\b|\\bT\\s*\\(|jndi:|' +
  '\\bnew\\s|\\bexec\\b|\\beval\\b|\\bimport\\b|\\bos\\.|\\|\\s*attr\\b|\\[[\'"]|' +
  // Twig outside its sandbox: a filter that takes a callable by name (`|filter('passthru')`, `|sort('system')`).
  '\\|\\s*(?:filter|map|reduce|sort|find|column)\\s*\\(\\s*[\'"]|\\b(?:passthru|shell_exec|system|popen|proc_open)\\b)|' +
  '<%=?[\\s\\S]{0,200}?%>|' +
  // Log4j lookups, only in `${…}` (`{{ sent_at | date: "%A" }}` is a Liquid filter).
  '\\$\\{[^}]{0,200}?(?:\\benv:|\\bsys:|\\bjava:|\\bdate:|\\bctx:|\\bmain:|\\bupper:|\\blower:|::-)|' +
  // And the other lookups by their prefix right after `${` (session 10, blind corpus 25: a Referer carrying
  // `${base64:JHtqbmRp…}`, whose decoded value Log4j substitutes again).
  '\\$\\{\\s*(?:base64|bundle|docker|k8s|spring|web|log4j|event|marker|map|sd|jvmrunargs|jvmrunarg)\\s*:|' +
  // Session 10 (blind corpus 27): Go templates' `call` of a method value (`{{ call .Exec "id" }}`), Django's
  // `{% debug %}` context dump and its secret settings, Razor expressions reaching .NET process, file and
  // reflection APIs (`@System.Diagnostics.Process.Start("cmd.exe", …)`).
  '\\{\\{-?\\s*call\\s+[.$]|\\{%-?\\s*debug\\s*-?%\\}|\\bsettings\\.(?:SECRET_KEY|DATABASES)\\b|' +
  '@\\(?\\s*System\\.(?:Diagnostics|IO\\.File|Reflection|Runtime\\.InteropServices)\\b|' +
  // Handlebars gadget chains (`{{#with "s" as |string|}}`): a block helper over a literal.
  '\\{\\{\\s*#\\s*(?:with|each|lookup)\\s+["\'(]|' +
  // Razor: a code expression reaching .NET's process, file or reflection APIs.
  '@[({][^)}]{0,200}?(?:System\\.(?:Diagnostics|IO|Reflection|Runtime)|Process\\.Start|Activator\\.)|' +
  // Razor's arithmetic probe (`@(1+2)`, `@(7*7)`).
  '@\\(\\s*[0-9]+\\s*[-+*/%]\\s*[0-9]+\\s*\\)|' +
  // The detection polyglot of template scanners (`${{<%[%'"}}%\.`): delimiters of several engines in a row.
  '\\{\\{\\s*<%|<%\\s*\\[%|\\[%\\s*[\'"]\\s*\\}\\}|' +
  // Velocity reaching the runtime through a variable (`#set($x=…)…$rt.getRuntime().exec(…)`).
  '#set\\s*\\(\\s*\\$[^)]{0,200}\\b(?:forName|getRuntime|getClass|ProcessBuilder)\\b';

const SSRF =
  '(?i)(?:\\b(?:gopher|dict|file|ldap|ldaps|tftp|jar|netdoc|expect|phar)://|' +
  '\\b[a-z][a-z0-9+.-]{1,15}://(?:[^/@\\s]{0,100}@)?\\[?(?:169\\.254\\.[0-9]{1,3}\\.[0-9]{1,3}|' +
  'metadata(?:\\.google)?\\.internal|metadata\\.azure\\.com|100\\.100\\.100\\.200|fd00:ec2::254|localhost\\b|' +
  'kubernetes\\.default\\b|(?:[a-z0-9-]+\\.)+svc\\.cluster\\.local\\b|' +
  '127(?:\\.[0-9]{1,3}){1,3}\\b|0\\.0\\.0\\.0|0x[0-9a-f]{2,8}\\b|0[0-7]{1,3}\\.|[0-9]{8,10}(?:[:/]|$)|::1?\\]|::ffff:|' +
  '\\[::\\]|\\[(?:0{1,4}:){5}ffff:|\\[(?:0{1,4}:){7}0{0,3}1\\])|\\b169\\.254\\.169\\.254\\b|' +
  // Java's jar: scheme around a URL, cloud metadata paths wherever the host is hidden (a rebinding name, a
  // double encoding), wildcard-DNS names that resolve to an internal address, DNS-rebinding services.
  '\\bjar:(?:https?|file|ftp):|/latest/(?:meta-data|user-data|api/token)\\b|/computeMetadata/v1\\b|' +
  '/metadata/(?:instance|identity)/?(?:[?#]|$)|/openstack/latest/meta_data|' +
  '\\b(?:127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}|169\\.254\\.[0-9]{1,3}\\.[0-9]{1,3}|10\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}|0\\.0\\.0\\.0)[.-](?:nip\\.io|sslip\\.io|xip\\.io)\\b|' +
  '\\.rbndr\\.us\\b|\\b(?:[a-z0-9-]+\\.)*(?:1u\\.ms|localtest\\.me)\\b)';

// An identity probe run as a command of its own after a shell separator (`;id;`, `|whoami`, `&& uname -a`,
// `$(id)`): the probe is the whole command, followed by another separator or the end of the value. CRS finds
// `id` only at PL2 (932200), `;id;` not at all.
// Shell quotes may wrap or split the command name (`; "id"`, `; w'h'oami`: the shell removes them).
// And empty expansions glued into the word (`cu$@rl`, `i$*d`, `r${x}m`: the shell removes them; session 10 audit 20).
// Also `$!` (no background job yet), `$()` and a backtick pair holding nothing, `${x:-}`-style expansions and the `$`
// of ANSI-C quoting (`$'r'm`; audit 21).
// And (audit 22) any backtick or `$(…)` substitution glued into the word (`r\`:\`m`: it may print nothing), bash's
// locale quoting `$"…"` and a backslash-newline line continuation.
const NOISE_ITEM = `\\\\\\r?\\n|["'\\\\]|\\$[@*!1-9]|\\$\\{[^{}\\s;|&]{0,30}\\}|\\$\\([^()\\n]{0,40}\\)|\x60[^\x60\\n]{0,40}\x60|\\$'|\\$"`;
const SHELL_NOISE = `(?:${NOISE_ITEM})*`;
const quoted = (word: string): string => `${SHELL_NOISE}${word.split('').join(SHELL_NOISE)}${SHELL_NOISE}`;
// Also after the keywords that start a compound command's body (`if true\nthen whoami\nfi`, `do id`) and after a
// case pattern (`case x in (x) whoami`; session 10: CRS finds none of them).
// What may stand between a separator and the command it starts: negations, group and subshell openers and
// assignments (`;! rm -rf ~`, `;{ id; }`, `;x= id`, `;A=1 B=2 whoami`; session 10 audits 17 and 18).
// An assignment's value may be quoted (`x="a b" rm -rf ~`, `x=$'a b' id`) and launchers run the next word
// (`time rm -rf ~`, `exec id`; session 10 audit 19).
const ASSIGNMENT = `[A-Za-z_][A-Za-z0-9_]*=(?:"[^"\\n]*"|'[^'\\n]*'|\\$'[^'\\n]*'|[^\\s;|&'"])*\\s+`;
// Launchers with their options and option arguments (`time -p rm …`, `nice -n 10 id`; session 10 audit 20).
const PREFIX_WORD =
  '(?:[!{(]\\s*|(?:time|exec|command|builtin|nohup|nice|sudo|doas|env|setsid|stdbuf|ionice|chrt|taskset)' +
  '(?:\\s+-{1,2}[A-Za-z0-9=_-]*(?:\\s+[0-9]+)?)*\\s+)';
// Unbounded: the engine's regexes run in linear time, and counted repeats nest past RE2's limit of 1000.
const COMMAND_PREFIX = `(?:${PREFIX_WORD}|${ASSIGNMENT})*`;
const SEPARATED_PROBE =
  '(?:[;|&\\n]|%0a|\\$\\(|(?:^|\\s)(?:then|do|else)\\s|\\bin\\s+\\(?[^()\\s]{1,40}\\))\\s*' +
  `${COMMAND_PREFIX}(?:[0-9A-Za-z_./-]*/)?(?:` +
  ['id', 'whoami', 'hostname', 'ifconfig', 'ipconfig', 'systeminfo', 'printenv'].map(quoted).join('|') +
  `|${quoted('uname')}(?:\\s+-[a-z]{1,4})?)\\s*(?:[;|&\\n)#\`]|%0a|$|\\s[-—–]\\s)`;

// A command named by an absolute path with glob characters after a shell separator (`;/bin/c?t /e??/p?ss??`,
// `|/???/??t /???/??ss??`, `$(/b[i]n/ca? …)`, `;/b?n/id`): the shell expands the pattern to a program and runs it;
// CRS finds it only at PL2 (932200). A `?` or a bracket in any segment of the program's path, with or without
// arguments; a `*`-only pattern (`;/b*/cat /e*c/pas*wd`) when its first argument is a pattern too (a path list such
// as `exports: /data/*.csv; /tmp/*` has no program; a URL's `?` is followed by its query, not a space or the end).
// Session 10 audit 16: a glob in an earlier segment (`/b?n/cat`), an argument-less probe (`;/b?n/id`) and `*`-only
// patterns had got through.
const GLOB_SEGMENT = '[A-Za-z0-9_.*?\\[\\]!-]*';
const GLOB_PROGRAM =
  `(?:(?:/${GLOB_SEGMENT})*/[A-Za-z0-9_.*\\[\\]!-]*[?\\[]${GLOB_SEGMENT}(?:/${GLOB_SEGMENT})*(?:\\s|$|[;|&\x60)])|` +
  `(?:/${GLOB_SEGMENT})*/[A-Za-z0-9_.!-]*\\*${GLOB_SEGMENT}(?:/${GLOB_SEGMENT})*[ \\t]+/[^\\s;|&]*[*?\\[])`;
const SEPARATED_GLOB = `(?:[;|&\\n\x60]|%0a|\\$\\()\\s*${GLOB_PROGRAM}`;
// The same at the start of a code span or block cut out of prose (`please run \`/b?n/cat /e??/p?ss??\` today`:
// the span is command substitution to a shell; session 10 audit 16).
const CODE_GLOB = `^\\s*${GLOB_PROGRAM}`;

// An interpreter one-liner that opens a socket, spawns a process or a shell (`;ruby -rsocket -e'…TCPSocket.new(…)'`,
// `perl -e '…IO::Socket…'`, `python3 -c 'import socket,pty…'`), and the shell re-running itself through `$0`
// (`;$0 -c id`): reverse shells and command runners CRS finds at PL2 only, by accident (session 10, blind
// corpus 29).
const INTERPRETER_ONE_LINER =
  `(?:[;|&\\n\x60]|\\$\\()\\s*${COMMAND_PREFIX}${SHELL_NOISE}\\$(?:\\\\\\r?\\n)*\\{?0\\}?${SHELL_NOISE}` +
  // Options in any order and quoting (`$0 +x -c …`, `$0 '-c' id`), a here-string (`$0<<<id`, `$0 - <<<id`).
  `(?:\\s*<<<|(?:\\s+["']?[+-]{1,2}[A-Za-z]*["']?)+\\s*(?:<<<|["']?\\S))|` +
  // PowerShell told to run a command (`pwsh -c whoami`, `powershell -enc …`; session 10 audit 17).
  '(?i:\\b(?:powershell|pwsh)(?:\\.exe)?(?:\\s+-[a-z]+)*\\s+-(?:c|command|e|ec|enc|encodedcommand)\\s+\\S)|' +
  // netcat handing a shell to a connection (`a" | nc 127.0.0.1 4444 -e sh | "b`; CRS PL1 misses it).
  '\\b(?:nc|ncat|netcat)(?:\\s+[^\\s;|&]{1,60}){0,6}?\\s+-[a-z]*[ec]\\s*(?:/[a-z/]*)?(?:ba|da|z|k)?sh\\b|' +
  '\\b(?:ruby|perl|python[23]?|php|node|lua)(?:\\s+-[a-zA-Z]+)*\\s+-[a-z]*[ecr]\\s*[\'"][^\\n]{0,300}?' +
  '(?:TCPSocket|IO::Socket|socket\\.socket|socket\\(|fsockopen|pty\\.spawn|child_process|Socket\\.new|exec\\s*\\(|' +
  'system\\s*\\(|popen|spawn\\s*\\(|/bin/(?:ba)?sh|`|%x\\(|Open3|IO\\.popen)';

// A compound command of a POSIX shell with its body and closing word (`! if true⏎then rm -rf ~⏎fi`, `while :; do
// sleep 20; done`, `case x in (x) …; esac`): shell syntax that CRS reads none of (`then <command>` runs anything;
// session 10 audit 17). Prose has no `fi`, `done` or `esac` ending a line.
const COMPOUND_COMMAND =
  '(?:^|[\\n;&|(`])[ \\t!]*(?:if|while|until)\\s[^\\n]{0,300}?(?:[\\n;][ \\t]*)(?:then|do)\\s[\\s\\S]{0,600}?[\\n;][ \\t]*(?:fi|done)\\b|' +
  '(?:^|[\\n;&|(`])[ \\t!]*for\\s+[A-Za-z_]\\w*\\s+in\\s[^\\n]{0,300}?[\\n;][ \\t]*do\\s[\\s\\S]{0,600}?[\\n;][ \\t]*done\\b|' +
  '(?:^|[\\n;&|(`])[ \\t!]*case\\s+\\S+\\s+in\\s[\\s\\S]{0,600}?\\besac\\b';

// A command that reads or sends a file, after a separator (and assignments), given a dot-file of the working or
// home directory that holds secrets (`;cat .env`, `| base64 ~/.aws/credentials`; session 10 audit 17: CRS 930120
// lists system files only).
const DOTFILE_READ =
  `(?:[;|&\\n\x60]|\\$\\()\\s*${COMMAND_PREFIX}[0-9A-Za-z_./$@*{}'"\\\\-]+(?:[ \\t<]+[^;|&\\n\x60]{0,120}?)?[\\s<>/='"~{,]` +
  // The secrets' names, or a short dot-name spelled with glob characters (`.en?`, `.e*`, `.g?t/config`; audit 18).
  // Shell quoting inside the name is removed by the shell (`."env"`, `.e''nv`, `.\\env`; audit 19).
  `\\.(?:${['env', 'git', 'aws', 'ssh', 'npmrc', 'netrc', 'pgpass', 'htpasswd', 'bash_history', 'zsh_history', 'docker', 'kube', 'gnupg', 'pypirc', 'gitconfig', 'git-credentials', 's3cfg', 'boto'].map(quoted).join('|')}|my\\.cnf|` +
  '[a-z]{0,4}[?*\\[][a-z?*\\[\\]]{0,6})(?:[\\s;|&/)}\'".,:_-]|$)';

// A destructive command after a separator and a prefix that hides it from CRS (`;! rm -rf ~`, `;x=1 rm -rf ~`,
// `;{ shutdown now; }`; session 10 audit 18): CRS reads `;rm` but not `;! rm`.
const PREFIXED_DESTRUCTIVE =
  `(?:[;|&\\n\x60]|\\$\\()\\s*(?:${PREFIX_WORD}|${ASSIGNMENT})+(?:[0-9A-Za-z_./-]*/)?(?:` +
  [
    'rm',
    'shred',
    'mkfs',
    'dd',
    'shutdown',
    'reboot',
    'halt',
    'poweroff',
    'kill',
    'killall',
    'pkill',
    'chmod',
    'chown',
    'curl',
    'wget',
    'nc',
    'ncat',
    'sh',
    'bash',
    'dash',
    'zsh',
    'python',
    'python3',
    'perl',
    'ruby',
    'php',
    'node',
    'cat',
    'cut',
    'rev',
    'base64',
    'env',
    'printenv',
    'sleep',
    'id',
    'whoami',
    'uname',
  ]
    .map(quoted)
    .join('|') +
  ')(?:\\s|$|[;|&)])|' +
  // Any command word with an empty expansion glued into it (`;r$@m -rf ~`, `;c$@url …`, `;i${x}d`: the shell removes
  // it, CRS reads no command; session 10 audit 20), with or without a prefix.
  `(?:[;|&\\n\x60]|\\$\\()\\s*${COMMAND_PREFIX}(?:[A-Za-z]+(?:\\$[@*!1-9]|\\$\\{[^{}\\s;|&]{0,30}\\}|\\$\\([^()\\n]{0,40}\\)|\x60[^\x60\\n]{0,40}\x60|\\$["'][A-Za-z]*["']|\\\\\\r?\\n)+|(?:\\$["'][A-Za-z]+["'])+)[A-Za-z]*(?:\\s|$|[;|&)])|` +
  // ANSI-C escapes anywhere in a command line after a separator (`;cat .en$'\\x76'`; audit 22).
  `(?:[;|&\\n\x60]|\\$\\()[^;|&\\n]{0,200}?\\$'[^'\\n]{0,60}?\\\\(?:x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|u[0-9A-Fa-f]{4})|` +
  // A command spelled in ANSI-C escapes (`;$'\\x69\\x64'`: bash runs `id`; audit 21).
  `(?:[;|&\\n\x60]|\\$\\()\\s*${COMMAND_PREFIX}[A-Za-z"'.]*\\$'(?:\\\\(?:x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|u[0-9A-Fa-f]{4})|[A-Za-z])*\\\\(?:x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|u[0-9A-Fa-f]{4})|` +
  // An installer given a URL after a separator (`; pip3.12 install https://…`, `; cpanm https://…`, `; deno
  // https://…`): it fetches and runs the package's code (audit 20; CRS PL1 reads none of them).
  `(?:[;|&\\n\x60]|\\$\\()\\s*${COMMAND_PREFIX}(?:pip[0-9.]*|pipx|uvx?|npm|npx|yarn|pnpm|bunx?|gem|cpanm?|luarocks|deno|go|cargo|composer|conda)` +
  // Its URL anywhere before the next separator: a source or a registry (`-ihttps://…`, `--registry=https://…`, after
  // the package name; audit 22).
  '(?:\\s|=)[^;|&\\n`]{0,200}?(?:[\\s=]|-i)?(?:(?:git[+ ])?(?:https?|ssh|git)://|github:)';

// A backtick command substitution glued to a word, path or assignment (`feature/\`id\``, `x=\`whoami\``): not a
// markdown code span (those follow a space or opening punctuation), running a probe, a fetcher or an interpreter.
// CRS finds the longer commands at PL1 but `id` only at PL2 (932200); prose code spans are ./view.ts family `c`.
const GLUED_SUBSTITUTION =
  '(?:^\\s*|[0-9A-Za-z_/=:@+-])`\\s*(?:[0-9A-Za-z_./-]*/)?(?:' +
  [
    'id',
    'whoami',
    'uname',
    'hostname',
    'sleep',
    'usleep',
    'timeout',
    'env',
    'printenv',
    'ifconfig',
    'ipconfig',
    'systeminfo',
    'getent',
    'nslookup',
    'dig',
    'curl',
    'wget',
    'ping',
    'nc',
    'ncat',
    'bash',
    'sh',
    'zsh',
    'python',
    'python2',
    'python3',
    'perl',
    'php',
    'ruby',
    // And commands that act on the machine by themselves (session 10, blind corpus 26: `firmware.bin\`reboot\``).
    'reboot',
    'shutdown',
    'halt',
    'poweroff',
    'rm',
    'kill',
    'killall',
    'pkill',
    'cat',
    'ls',
    'chmod',
    'chown',
    'dd',
    'mkfs',
    'useradd',
    'crontab',
    'nohup',
    'base64',
    'tftp',
    'ftp',
    'scp',
    'ssh',
    'telnet',
    'socat',
  ]
    // Spelled with quotes or empty expansions too (`` `i$!d` ``; session 10 audit 21).
    .map(quoted)
    .join('|') +
  ')(?:\\s[^`\\n]{0,200})?`';

// The two shapes of SQL injection CRS finds only at paranoia level 2 (942180, 942130/942330): a login-style value
// that ends its string and comments out the rest (`admin'--`, `admin'#`, `admin'/*`) or stacks a statement
// (`abc'; DROP TABLE carts`; a bare `;` after a quote is CSV), and a string ended by a
// tautology at the end of the value or before a comment (`O'Brien' OR 1=1--`, `x' OR '1'='1`).
const SQL_BYPASS =
  '(?i)^[^\'"\\s]{0,64}[\'"]\\s*(?:--|#|/\\*|;\\s*(?:drop|delete|insert|update|select|union|shutdown|exec|' +
  'execute|declare|create|alter|truncate|waitfor|grant)\\b)|[\'"]\\s*(?:or\\b|\\|\\|)\\s*\\(?\\s*[\'"]?[0-9a-z_]{1,16}[\'"]?\\s*' +
  // Also SQLite's GLOB and the regular-expression operators with a pattern (`x'or title glob'?*`; session 10:
  // libinjection does not know GLOB).
  '(?:={1,3}|<>|!=|like|glob|regexp|rlike)\\s*[\'"]?[0-9a-z_?*%.^$\\[\\]]{0,16}[\'"]?\\s*\\)?\\s*(?:--|#|/\\*|;|$)|' +
  // A value that ends its string, goes on as SQL (a keyword right after the quote) and comments out the rest:
  // `' AND EXTRACTVALUE(1,CONCAT(0x5c,version()))-- -`, `1' ORDER BY 9--+`.
  '^[^\'"\\s]{0,64}[\'"]\\s*\\)*\\s*(?:and|or|union|having|order\\s+by|group\\s+by|procedure|limit|into)\\b' +
  '[\\s\\S]{0,400}?(?:--|#|/\\*)[^\\n]{0,20}$|' +
  // A sort field followed by ORDER BY a column number and a comment (`name ORDER BY 9-- -`): column-count probing
  // of an identifier context (session 10, blind corpus 30).
  '^[\\w.`"\\[\\]()]{1,64}\\s+order\\s+by\\s+(?:0x[0-9a-f]{1,8}|[0-9]{1,3})(?:\\s*,\\s*(?:0x[0-9a-f]{1,8}|[0-9]{1,3})){0,30}\\s*(?:--|#|/\\*)|' +
  // A number followed by a tautology (`-1 OR 1=1`, `0 || 2>1`): a numeric context turned always true.
  '^\\s*-?[0-9]+\\s+(?:or|and|\\|\\||&&)\\s+[\'"]?[0-9a-z_]{1,16}[\'"]?\\s*(?:={1,3}|<>|!=|<|>|like)\\s*[\'"]?[0-9a-z_]{1,16}|' +
  // A quote after a backslash followed by SQL (`name = 'x\\' union select …`; session 9 audit 12): MySQL reads
  // an escaped quote, libinjection too, standard SQL (PostgreSQL, SQLite) a string that ends at the backslash.
  '\\\\[\'"]\\s*\\)*\\s*(?:or|and|union|select|having|order\\s+by|group\\s+by|procedure|limit|into|;)(?:\\b|\\s)';

// A command substitution running a probe, a fetcher or an interpreter (`$(sleep 5)`, `` `id` ``): what a header,
// a cookie or a member name never holds (CRS inspects none of the three for commands, or only some headers).
const SUBSTITUTION =
  '(?:\\$\\(|`)\\s*(?:[0-9A-Za-z_./-]*/)?(?:id|whoami|uname|hostname|sleep|usleep|timeout|env|printenv|' +
  'ifconfig|ipconfig|systeminfo|getent|nslookup|dig|curl|wget|ping|nc|ncat|bash|sh|zsh|python[23]?|perl|php|ruby|' +
  'cat|ls|echo|touch|rm|chmod)\\b';

// A JSON or JavaScript object text that walks to a prototype (`{"__proto__":{…}}`, `{"constructor":{"prototype":…}}`,
// Express `j:` cookies): a value deep-merged by a backend pollutes every object.
const PROTOTYPE_VALUE =
  '(?i)["\']?__proto__["\']?\\s*[:=\\[.]|["\']constructor["\']\\s*:\\s*\\{\\s*["\']prototype["\']|constructor\\s*\\.\\s*prototype\\s*[.=\\[]|' +
  // A JSON Pointer or dotted path walking to a prototype (`/constructor/prototype/role`, `/__proto__/x`).
  '(?:^|/)(?:__proto__|constructor/prototype)(?:/|$)';

// A query operator applied to a credential field (`filters[resetPasswordToken][$notNull]`,
// `filters[createdBy][password][$startsWith]`): ORM and NoSQL filters that read secrets a character at a time
// (Strapi CVE-2023-22894). Legitimate filters name other fields.
const CREDENTIAL_OPERATOR =
  '(?i)(?:^|[.\\[])[a-z_-]*(?:password|passwd|pwd|secret|token|apikey|api_key|salt|otp)[a-z_-]*(?:\\]\\[|\\.)\\$[a-z]{2,20}(?:\\]|$)';

const score = "setvar:'tx.inbound_anomaly_score_pl1=+%{tx.critical_anomaly_score}'";

// An uploaded file a browser or a converter renders as markup: by its name or by its part's Content-Type.
const MARKUP_UPLOAD = String.raw`(?i)\.(?:svgz?|x?html?|xml|xsl)$|^content-type:\s*(?:image/svg\+xml|text/html|application/xhtml\+xml|(?:text|application)/xml)\b`;
// What runs in such a file when it is served or converted: a script element, an event handler, a script or
// HTML data URL, SVG's foreignObject (HTML inside SVG), frames and embedded objects, a refresh redirect.
const MARKUP_ACTIVE = String.raw`(?i)<script\b|\bon[a-z]{3,}\s*=|(?:href|src|action|formaction|data|values|to|from)\s*=\s*["']?\s*(?:javascript|vbscript|data:text/html)|<foreignObject\b|<iframe\b|<frame\b|<embed\b|<object\b|<meta[^>]+http-equiv\s*=\s*["']?refresh`;
// Commands that download and run a script, or start a shell on a command string, in a header value: no browser,
// SDK or proxy sends them.
const HEADER_COMMAND = String.raw`(?i)(?:[;&|\x60]|\$\()\s*!?\s*(?:(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*w(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*g(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*e(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*t|(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*c(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*u(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*r(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*l|tftp|chmod\s+\+x)(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*(?:\s|\$\{?IFS\}?)+\S|(?:(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*c(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*u(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*r(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*l|(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*w(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*g(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*e(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*t)(?:\\\r?\n|["'\\]|\$[@*!1-9]|\$\{[^{}\s;|&]{0,30}\}|\$\([^()\n]{0,40}\)|\x60[^\x60\n]{0,40}\x60|\$'|\$")*(?:\s|\$\{?IFS\}?)+[^|]{1,200}\|\s*(?:ba|z|da|k)?sh\b|\b(?:powershell|pwsh)(?:\.exe)?\s+-(?:nop|noni|noprofile|w|windowstyle|enc|encodedcommand|e|ec|c|command|ep|executionpolicy)\b|\biex\s*[(\x60]|\binvoke-expression\b|\bnet\.webclient\b|\bdownload(?:string|file|data)\s*\(|\b(?:cmd(?:\.exe)?\s+/[ck]|(?:ba|z|da|k)?sh\s+-c)\s|\b(?:curl|wget)\s[^|]{1,200}\|\s*(?:ba|z|da|k)?sh\b|\b(?:python[23]?|perl|ruby|php|node|lua)\s+-[cer]\s|\bpty\.spawn\s*\(|\bsocket\.socket\s*\(|/dev/(?:tcp|udp)/|\b(?:nc|ncat|netcat)\s[^\n]{0,100}-[a-z]*e\s`;
// OS files, shells and traversal in a cookie or header value once percent-decoded and shell-unescaped
// (`1;c\at /et\c/pas\swd`).
const HEADER_OS_FILE = String.raw`/etc/(?:passwd|shadow|group|gshadow|sudoers|hosts)\b|/proc/self/|/bin/(?:ba|z|da|k)?sh\b|(?:\.\./){2}|c:/windows/(?:win\.ini|system32)`;

// A Referer or Origin naming a cloud metadata service, carrying credentials (browsers strip them) or a non-HTTP
// scheme.
const REFERER_ATTACK = String.raw`(?i)169\.254\.169\.254|metadata\.google\.internal|metadata\.azure\.com|100\.100\.100\.200|fd00:ec2::254|^[a-z][a-z0-9+.-]*://[^/?#\s]*@|^(?:gopher|dict|file|ldap|jar|phar|tftp)://`;
// Out-of-band interaction hosts of scanners and exploit kits (interactsh, Burp Collaborator, DNS logs): an
// application has no reason to receive them, a blind injection test always does.
const OAST_HOST = String.raw`(?i)(?:^|[^a-z0-9-])(?:[a-z0-9-]+\.)*(?:oast\.(?:fun|pro|live|site|online|me)|oastify\.com|burpcollaborator\.net|interact\.sh|dnslog\.cn|ceye\.io|requestrepo\.com|canarytokens\.com|bxss\.me)\b`;
// Exploit files in an upload: ImageMagick MVG/MSL scripts (ImageTragick, any file name or type), a JSON document
// setting an object's prototype (`"__proto__": {…}`, `"constructor": {"prototype": …}`), time-based SQL probes
// (`SELECT(SLEEP(5))`, `WAITFOR DELAY '`) and probing command substitutions (`$(sleep 5)`) in an imported file.
const UPLOAD_EXPLOIT = String.raw`(?i)\bpush\s+graphic-context\b|<image\s+authenticate\s*=|"__proto__"\s*:|"constructor"\s*:\s*\{\s*"prototype"\s*:|\bselect\s*\(?\s*(?:sleep|pg_sleep|benchmark)\s*\(|\bwaitfor\s+delay\s+'|\$\(\s*(?:sleep|ping|curl|wget|nslookup|id|whoami)\b[^)]{0,100}\)`;

// An uploaded data file an importer parses: by its name or its part's Content-Type.
const DATA_UPLOAD = String.raw`(?i)\.(?:json|ndjson|jsonl|geojson)$|^content-type:\s*application/(?:[\w.-]+\+)?(?:json|x-ndjson)\b`;

/** A chained rule: the first link selects, the second (which adds the score) matches. */
function chained(
  id: number,
  first: [variables: string, operator: string],
  second: [variables: string, operator: string],
  msg: string,
  tag: string,
  t = 't:none',
): string {
  const q = (o: string): string => o.replace(/"/g, '\\"');
  return (
    `SecRule ${first[0]} "${q(first[1])}" "id:${id},phase:2,block,chain,t:none,msg:'${msg}',` +
    `logdata:'%{MATCHED_VAR_NAME}',tag:'application-multi',tag:'${tag}',tag:'gatehouse/api-profile',` +
    `tag:'paranoia-level/1',severity:'CRITICAL'"\n` +
    `  SecRule ${second[0]} "${q(second[1])}" "capture,${t},${score}"`
  );
}

function attack(
  id: number,
  variables: string,
  operator: string,
  msg: string,
  tag: string,
  t = 't:none',
): string {
  return (
    `SecRule ${variables} "${operator.replace(/"/g, '\\"')}" "id:${id},phase:2,block,capture,${t},` +
    `msg:'${msg}',logdata:'Matched Data: %{TX.0} found within %{MATCHED_VAR_NAME}',` +
    `tag:'application-multi',tag:'${tag}',tag:'gatehouse/api-profile',tag:'paranoia-level/1',` +
    `severity:'CRITICAL',${score}"`
  );
}

/**
 * The profile's directives (SecLang text): set-if-unset CRS policy variables (methods, content types,
 * restricted headers), the `*+json` content-type allowance, the NoSQL-operator, template-injection, SSRF,
 * glued backtick command-substitution, prototype-pollution and decode-limit rules and the reserved-name rules.
 *
 * @example
 * parseSecLang(apiProfileRules('gatehouse.decode-limit'), 'waf:api-profile');
 */
export function apiProfileRules(decodeLimitArg: string): string {
  const types = API_CONTENT_TYPES.map((t) => `|${t}|`).join(' ');
  const setIfUnset = (id: number, name: string, value: string): string =>
    `SecRule &TX:${name} "@eq 0" "id:${id},phase:1,pass,nolog,setvar:'tx.${name}=${value}'"`;
  return [
    setIfUnset(PROFILE_RULES.settings, 'allowed_methods', API_METHODS.join(' ')),
    setIfUnset(90012, 'allowed_request_content_type', types),
    setIfUnset(90013, 'restricted_headers_basic', API_RESTRICTED_HEADERS_BASIC),
    // CRS 920420 compares the media type with a list: any `application/<x>+json` (or `+ndjson`, FHIR bulk data) is
    // JSON too.
    `SecRule REQUEST_HEADERS:Content-Type "@rx ^application/[a-z0-9!#$&^_.-]+\\+(?:nd)?json\\s*(?:;.*)?$" ` +
      `"id:${PROFILE_RULES.jsonFamilyContentType},phase:1,pass,nolog,t:none,t:lowercase,ctl:ruleRemoveById=920420"`,
    // Session 8 (evasion audit): a `text/plain` body is read by backends that parse JSON whatever the type; the
    // policy hands it over as JSON (the body itself, or `{"text": …}`), so the JSON processor always reads it.
    `SecRule REQUEST_HEADERS:Content-Type "@rx ^text/plain\\s*(?:;.*)?$" ` +
      `"id:${PROFILE_RULES.textPlainJson},phase:1,pass,nolog,t:none,t:lowercase,ctl:requestBodyProcessor=JSON"`,
    // And `multipart/related` is a form to Spring's multipart resolver: the multipart processor reads it.
    `SecRule REQUEST_HEADERS:Content-Type "@rx ^multipart/related\\b" ` +
      `"id:${PROFILE_RULES.multipartRelated},phase:1,pass,nolog,t:none,t:lowercase,ctl:requestBodyProcessor=MULTIPART"`,
    // An e-mail address as the last path segment (`DELETE /contacts/j.smith%2Bpromo%40example.com`): its domain
    // (`.com`) is no file extension.
    `SecRule REQUEST_BASENAME "@rx ^[^/@]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}$" ` +
      `"id:${PROFILE_RULES.emailBasename},phase:1,pass,nolog,t:none,ctl:ruleRemoveById=920440"`,
    // CRS 920440 refuses URLs whose file name has a restricted extension (`.sql`, `.sh`, `.bak`: backups and
    // configuration a web server would hand out). A write with a JSON body names a resource it creates or
    // updates through an API (a repository's `PUT /contents/db/migrations/0043_restore.sql`), never a file read.
    `SecRule REQUEST_METHOD "@rx ^(?:PUT|POST|PATCH)$" ` +
      `"id:${PROFILE_RULES.jsonWriteExtension},phase:1,pass,nolog,t:none,chain"\n` +
      `  SecRule REQUEST_HEADERS:Content-Type "@rx ^application/(?:json|[a-z0-9!#$&^_.-]+\\+json)\\s*(?:;.*)?$" ` +
      `"t:none,t:lowercase,ctl:ruleRemoveById=920440"`,
    attack(
      PROFILE_RULES.nosql,
      `ARGS_NAMES|!ARGS_NAMES:/${FILTER_QUERY_NAME_REGEX}/`,
      `@rx (?:^|[.\\[:])\\$(?:${NOSQL_OPERATORS})(?:[.\\]]|$)`,
      'NoSQL operator injection in a JSON member name',
      'attack-injection-nosql',
    ),
    attack(
      PROFILE_RULES.template,
      'ARGS|ARGS_NAMES|FILES_TMP_CONTENT',
      `@rx ${TEMPLATE}`,
      'Server-side template / expression-language injection',
      'attack-injection-template',
    ),
    // Uploaded SVG/HTML/XML files (ModSecurity does not inspect file parts): script in an avatar or a document
    // that is served back (stored XSS), internal URLs in a page an HTML-to-PDF converter fetches from (SSRF).
    chained(
      PROFILE_RULES.uploadScript,
      ['FILES|MULTIPART_PART_HEADERS', `@rx ${MARKUP_UPLOAD}`],
      ['FILES_TMP_CONTENT', `@rx ${MARKUP_ACTIVE}`],
      'Active content in an uploaded markup file',
      'attack-xss',
    ),
    chained(
      PROFILE_RULES.uploadSsrf,
      ['FILES|MULTIPART_PART_HEADERS', `@rx ${MARKUP_UPLOAD}`],
      ['FILES_TMP_CONTENT', `@rx ${SSRF}`],
      'SSRF: internal, metadata or non-HTTP URL in an uploaded markup file',
      'attack-ssrf',
    ),
    // Session 8 (evasion audit): a bearer token is `1*(ALPHA / DIGIT / "-._~+/") *"="` (RFC 6750); anything else
    // in it (`Bearer ' UNION SELECT …`) is no token, and an opaque-token lookup would paste it into a query.
    `SecRule REQUEST_HEADERS:Authorization "@rx (?i)^bearer[ \\t]" "id:${PROFILE_RULES.bearerSyntax},phase:2,block,` +
      `t:none,msg:'Bearer credentials outside the RFC 6750 token syntax',logdata:'%{MATCHED_VAR_NAME}',` +
      `tag:'application-multi',tag:'attack-protocol',tag:'gatehouse/api-profile',tag:'paranoia-level/1',` +
      `severity:'CRITICAL',chain"\n` +
      `  SecRule REQUEST_HEADERS:Authorization "!@rx (?i)^bearer[ \\t]+[A-Za-z0-9._~+/-]+=*[ \\t]*$" "t:none,${score}"`,
    // And SQL in an application's own headers (`X-Tenant-Id: acme' UNION SELECT …`), which CRS does not read for
    // SQL: libinjection on every `X-…` header but the proxy and tracing ones, which carry addresses and ids.
    attack(
      PROFILE_RULES.headerSqli,
      'REQUEST_HEADERS:/^x-/|!REQUEST_HEADERS:X-Forwarded-For|!REQUEST_HEADERS:X-Real-IP|!REQUEST_HEADERS:X-Request-Id|!REQUEST_HEADERS:X-Amzn-Trace-Id',
      '@detectSQLi',
      'SQL injection in a custom request header',
      'attack-sqli',
      't:none,t:urlDecodeUni',
    ),
    // And markup or script in an application's own headers (`X-Client-Tracking: <object data="data:text/html;…">`),
    // which CRS reads for XSS only in User-Agent and Referer: what a log viewer or an admin page shows back
    // (session 10, blind corpus 30).
    attack(
      PROFILE_RULES.headerXss,
      'REQUEST_HEADERS:/^x-/|!REQUEST_HEADERS:X-Forwarded-For|!REQUEST_HEADERS:X-Real-IP|!REQUEST_HEADERS:X-Request-Id|!REQUEST_HEADERS:X-Amzn-Trace-Id',
      '@detectXSS',
      'XSS in a custom request header',
      'attack-xss',
      't:none,t:urlDecodeUni,t:htmlEntityDecode',
    ),
    attack(
      PROFILE_RULES.headerCommand,
      'REQUEST_HEADERS|REQUEST_COOKIES|FILES_TMP_CONTENT',
      `@rx ${HEADER_COMMAND}`,
      'Command execution in a request header or cookie',
      'attack-rce',
      't:none,t:urlDecodeUni',
    ),
    attack(
      PROFILE_RULES.headerOsFile,
      'REQUEST_HEADERS|!REQUEST_HEADERS:Referer|REQUEST_COOKIES',
      `@rx ${HEADER_OS_FILE}`,
      'OS file, shell or path traversal in a request header or cookie',
      'attack-lfi',
      't:none,t:urlDecodeUni,t:cmdLine,t:normalizePath',
    ),
    // A query document in a header or cookie (`X-Filter: {"user_id": {"$nin": []}}`, `user[$ne]=`): the same
    // operators as 90100 looks for in member names.
    attack(
      PROFILE_RULES.refererAttack,
      'REQUEST_HEADERS:Referer|REQUEST_HEADERS:Origin',
      `@rx ${REFERER_ATTACK}`,
      'Referer or Origin naming a metadata service, carrying credentials, or holding code',
      'attack-ssrf',
      't:none,t:urlDecodeUni',
    ),
    // A Referer that is no URL and holds code characters (`{system('cat /etc/passwd')}`, `& powershell …`):
    // browsers send an absolute URL, and a payload placed there is read by whatever logs or renders it.
    chained(
      PROFILE_RULES.refererNotUrl,
      ['REQUEST_HEADERS:Referer', '!@rx (?i)^[a-z][a-z0-9+.-]*:'],
      ['REQUEST_HEADERS:Referer', `@rx [{}$();|&<>'"\x60]|\\.\\./|/etc/|/proc/`],
      'Referer that is no URL and holds code characters or a path',
      'attack-generic',
      't:none,t:urlDecodeUni',
    ),
    // Uploaded data files an importer parses (JSON, NDJSON): query operators and internal URLs, as in a body.
    chained(
      PROFILE_RULES.uploadData,
      ['FILES|MULTIPART_PART_HEADERS', `@rx ${DATA_UPLOAD}`],
      ['FILES_TMP_CONTENT', `@rx ["']\\$(?:${NOSQL_OPERATORS})["']\\s*:`],
      'NoSQL operator in an uploaded data file',
      'attack-injection-nosql',
    ),
    chained(
      PROFILE_RULES.uploadDataSsrf,
      ['FILES|MULTIPART_PART_HEADERS', `@rx ${DATA_UPLOAD}`],
      ['FILES_TMP_CONTENT', `@rx ${SSRF}`],
      'SSRF: internal, metadata or non-HTTP URL in an uploaded data file',
      'attack-ssrf',
    ),
    // A file name with shell or path syntax (`report|| sleep 10 ||.csv`, `../../x`, a NUL): what an application
    // that passes the name to a shell or joins it to a directory acts on. (`&` is left: `Q&A.pdf`.)
    attack(
      PROFILE_RULES.uploadFileName,
      'FILES',
      String.raw`@rx [|;\x60]|\$[({]|\.\.[/\\]|\x00|%00`,
      'Shell or path syntax in an uploaded file name',
      'attack-rce',
    ),
    attack(
      PROFILE_RULES.cookieSsrf,
      'REQUEST_COOKIES',
      `@rx ${SSRF}`,
      'SSRF: internal, metadata or non-HTTP URL in a cookie',
      'attack-ssrf',
      't:none,t:urlDecodeUni',
    ),
    attack(
      PROFILE_RULES.oastHost,
      'ARGS|REQUEST_HEADERS|REQUEST_COOKIES|FILES_TMP_CONTENT',
      `@rx ${OAST_HOST}`,
      'Out-of-band interaction host of a scanner',
      'attack-ssrf',
      't:none,t:urlDecodeUni',
    ),
    attack(
      PROFILE_RULES.uploadExploit,
      'FILES_TMP_CONTENT',
      `@rx ${UPLOAD_EXPLOIT}`,
      'Exploit file in an upload (ImageMagick script, prototype-setting JSON)',
      'attack-rce',
    ),
    // Server-side JavaScript injection (Mongo `$where`, `mapReduce`, a rule engine's expression): a string broken out
    // of, then a statement that makes every document match or the server wait.
    attack(
      PROFILE_RULES.jsInjection,
      'ARGS',
      String.raw`@rx (?i)['"]\s*;\s*(?:return\s+(?:true|1|!0)\b|sleep\s*\(\s*\d|while\s*\(\s*(?:true|1)\s*\))|;\s*return\s+(?:true|1|!0)\s*;\s*(?:var|let|const)\s+\w+\s*=\s*['"]|^\s*this\.[a-z_]\w*\.(?:match|test|indexOf|startsWith|endsWith|charAt|charCodeAt|substring|substr|slice)\s*\(`,
      'Server-side JavaScript injection (a string ended, then an always-true return, a delay or a loop)',
      'attack-injection-nosql',
    ),
    attack(
      PROFILE_RULES.headerNosql,
      'REQUEST_HEADERS|REQUEST_COOKIES|REQUEST_COOKIES_NAMES',
      `@rx ["'\\[]\\$(?:${NOSQL_OPERATORS})["'\\]]\\s*[:=]?`,
      'NoSQL operator in a request header or cookie',
      'attack-injection-nosql',
      't:none,t:urlDecodeUni',
    ),
    attack(
      PROFILE_RULES.ssrf,
      'ARGS|ARGS_NAMES|REQUEST_HEADERS|!REQUEST_HEADERS:Referer|!REQUEST_HEADERS:Origin|!REQUEST_HEADERS:Host',
      `@rx ${SSRF}`,
      'SSRF: internal, metadata or non-HTTP URL',
      'attack-ssrf',
    ),
    attack(
      PROFILE_RULES.commandSubstitution,
      'ARGS',
      `@rx ${GLUED_SUBSTITUTION}`,
      'Command substitution with backticks',
      'attack-rce',
    ),
    attack(
      PROFILE_RULES.separatedProbe,
      'ARGS|ARGS_NAMES|REQUEST_COOKIES|FILES_TMP_CONTENT',
      `@rx ${SEPARATED_PROBE}`,
      'Command injection: an identity probe after a shell separator',
      'attack-rce',
    ),
    attack(
      PROFILE_RULES.separatedGlob,
      'ARGS|ARGS_NAMES|REQUEST_COOKIES|FILES_TMP_CONTENT',
      `@rx ${SEPARATED_GLOB}`,
      'Command injection: a program named by a glob pattern after a shell separator',
      'attack-rce',
      't:none,t:urlDecodeUni',
    ),
    attack(
      PROFILE_RULES.interpreterOneLiner,
      'ARGS|ARGS_NAMES|REQUEST_COOKIES|REQUEST_HEADERS|FILES_TMP_CONTENT',
      `@rx ${INTERPRETER_ONE_LINER}`,
      'Command injection: an interpreter one-liner opening a socket or a process, or the shell re-run through $0',
      'attack-rce',
    ),
    attack(
      PROFILE_RULES.compoundCommand,
      'ARGS|ARGS_NAMES|REQUEST_COOKIES',
      `@rx ${COMPOUND_COMMAND}`,
      'Command injection: a shell compound command (if/while/for/case with its body)',
      'attack-rce',
    ),
    attack(
      PROFILE_RULES.dotfileRead,
      'ARGS|ARGS_NAMES|REQUEST_COOKIES|REQUEST_HEADERS',
      `@rx ${DOTFILE_READ}`,
      'Command injection: a secrets dot-file read after a shell separator',
      'attack-rce',
      't:none,t:urlDecodeUni',
    ),
    attack(
      PROFILE_RULES.prefixedCommand,
      'ARGS|ARGS_NAMES|REQUEST_COOKIES|REQUEST_HEADERS',
      `@rx ${PREFIXED_DESTRUCTIVE}`,
      'Command injection: a command hidden behind a negation, group or assignment after a separator',
      'attack-rce',
      't:none,t:urlDecodeUni',
    ),
    attack(
      PROFILE_RULES.codeGlob,
      'ARGS:/[.]fenced-code$/',
      `@rx ${CODE_GLOB}`,
      'Command injection: a code span or block that runs a program named by a glob pattern',
      'attack-rce',
    ),
    attack(
      PROFILE_RULES.sqlBypass,
      'ARGS|REQUEST_HEADERS|REQUEST_COOKIES',
      `@rx ${SQL_BYPASS}`,
      'SQL injection: string break-out with a comment or a tautology',
      'attack-sqli',
      // Also with inline comments as spaces (`5521admin'/**/OR/**/1=1#`).
      't:none,t:replaceComments,multiMatch',
    ),
    attack(
      PROFILE_RULES.headerSubstitution,
      'ARGS_NAMES|REQUEST_HEADERS|REQUEST_COOKIES|REQUEST_COOKIES_NAMES',
      // And a recursive delete after a separator (`name.png";rm -rf /tmp/*;"`; session 10, blind corpus 29).
      `@rx ${SUBSTITUTION}|[;|&\x60]\\s*rm\\s+-[a-z]*[rf]`,
      'Command injection: a command substitution in a header, cookie or member name',
      'attack-rce',
      't:none,t:urlDecodeUni',
    ),
    attack(
      PROFILE_RULES.prototypePollutionValue,
      'ARGS|REQUEST_HEADERS|REQUEST_COOKIES',
      `@rx ${PROTOTYPE_VALUE}`,
      'JavaScript prototype pollution through an object in a value, header or cookie',
      'attack-injection-prototype',
      't:none,t:urlDecodeUni',
    ),
    attack(
      PROFILE_RULES.headerTemplate,
      'REQUEST_HEADERS|REQUEST_COOKIES',
      `@rx ${TEMPLATE}`,
      'Server-side template / expression-language injection in a header or cookie',
      'attack-injection-template',
      't:none,t:urlDecodeUni',
    ),
    // A client-address header holding anything but addresses (quotes, parentheses, slashes, pipes, markup): SQL,
    // command, traversal and script payloads sent where applications trust an IP.
    attack(
      PROFILE_RULES.clientIpHeader,
      CLIENT_IP_HEADERS,
      // Also SQL words and comments between address characters (`-1 UNION ALL SELECT NULL,… FROM users-- -`).
      '@rx (?i)[^0-9A-Za-z:.,\\s\\[\\]_%-]|\\b(?:union|select|from|where|sleep|benchmark|waitfor|or|and)\\b\\s|--',
      'Client address header that is no address list',
      'attack-protocol',
    ),
    attack(
      PROFILE_RULES.forwardedHost,
      'REQUEST_HEADERS:X-Forwarded-Host|REQUEST_HEADERS:X-Host|REQUEST_HEADERS:X-Original-Host|REQUEST_HEADERS:X-Forwarded-Server',
      // Or holding anything but host names, ports and list separators (session 10, blind corpus 26: a reset link's
      // host poisoned with `localhost%2523@attacker.example`: a userinfo and fragment trick, no host).
      `@rx ${INTERNAL_HOST}|[^A-Za-z0-9.:\\[\\], _-]`,
      'Forwarded host naming an internal address or holding more than a host',
      'attack-ssrf',
    ),
    attack(
      PROFILE_RULES.credentialOperator,
      'ARGS_NAMES',
      `@rx ${CREDENTIAL_OPERATOR}`,
      'Query operator on a credential field',
      'attack-injection-nosql',
    ),
    attack(
      PROFILE_RULES.prototypePollution,
      'ARGS_NAMES',
      '@rx (?:^|[.\\[])(?:__proto__|constructor[.\\]]\\[?prototype)(?:[.\\]]|$)',
      'JavaScript prototype pollution through a JSON member name',
      'attack-injection-prototype',
    ),
    attack(
      PROFILE_RULES.decodeLimit,
      'ARGS_NAMES',
      `@streq ${decodeLimitArg}`,
      'Nested decoding budget exceeded',
      'attack-protocol',
    ),
    // Names in the `gatehouse.` namespace come from the profile's value view only: from a client they would forge
    // a prose exemption (or a decode-limit flag). In the query string the view renames the prose parameters it
    // classified itself (`gatehouse.prose.<families>:q`, excluded here) after renaming every client name in the
    // namespace `gatehouse.forged:<name>` (src/waf/profile/expand.ts `queryArgsView`), so what this rule sees in
    // the namespace, other than the excluded form, is the client's. Case-insensitive, as the exclusions are.
    attack(
      PROFILE_RULES.reservedName,
      `ARGS_GET_NAMES|!ARGS_GET_NAMES:/${PROSE_NAME_REGEX}[${QUERY_FAMILIES}]+:/`,
      '@beginsWith gatehouse.',
      'Reserved gateway argument name',
      'attack-protocol',
      't:none,t:lowercase',
    ),
    // Chained: the score is set by the last link (a chain starter's setvars run even when later links fail).
    // A URL-encoded form body is shown to the engine through the value view (`formBodyView`), which renames the
    // client's names in the namespace `gatehouse.forged:…` and makes the prose and code names itself.
    `SecRule ARGS_POST_NAMES|!ARGS_POST_NAMES:/${PROSE_NAME_REGEX}[a-z]+:/ "@beginsWith gatehouse." "id:${PROFILE_RULES.reservedNameBody},phase:2,block,` +
      `chain,t:none,t:lowercase,msg:'Reserved gateway argument name',logdata:'%{MATCHED_VAR_NAME}',` +
      `tag:'application-multi',tag:'attack-protocol',tag:'gatehouse/api-profile',tag:'paranoia-level/1',` +
      `severity:'CRITICAL'"\n` +
      `  SecRule REQBODY_PROCESSOR "!@streq JSON" "t:none,${score}"`,
    // A form or multipart field named like a JSON body value (`json.…`) would borrow the exclusions meant for
    // JSON values (API_JSON_VALUE_EXCLUDED_RULES); only the JSON body processor makes such names. (The query
    // view renames them instead: `query:json.…`.)
    `SecRule ARGS_POST_NAMES "@beginsWith json." "id:${PROFILE_RULES.jsonNameBody},phase:2,block,` +
      `chain,t:none,t:lowercase,msg:'JSON value name outside a JSON body',logdata:'%{MATCHED_VAR_NAME}',` +
      `tag:'application-multi',tag:'attack-protocol',tag:'gatehouse/api-profile',tag:'paranoia-level/1',` +
      `severity:'CRITICAL'"\n` +
      `  SecRule REQBODY_PROCESSOR "!@streq JSON" "t:none,${score}"`,
  ].join('\n');
}

/**
 * CRS rules the API profile does not run on JSON body values (argument names `json.…`), with why. The values
 * stay inspected by every other rule of the family (942100 libinjection and the other 942 regexes for SQL).
 * - 942190: its `["'`]\s*(?:having|select|union)\b` branch fires on quoted prose ("Select & Create" workshop).
 */
export const API_JSON_VALUE_EXCLUDED_RULES: readonly number[] = [942190];

/**
 * CRS rules the API profile does not run on the dotted names of JSON members made of plain segments (argument
 * names matching `JSON_PLAIN_NAME_REGEX` of ./expand.ts, in `ARGS_NAMES`), with why. The members' names as sent
 * are still inspected: the raw-key view (`jsonKeyArgs`, ./expand.ts) shows each plain name that could name a file.
 * - 930120: its list of OS files holds dot-files and dotted names (`.coverage`, `.credentials`, `web.config`) that
 *   the dots joining member names make up (`{"coverage": 87}` is `json.coverage`).
 */
export const API_JSON_NAME_EXCLUDED_RULES: readonly number[] = [930120];

/**
 * CRS rules the API profile does not run on the base64-decoded view of a value (`<name>.decoded-base64`, ./expand.ts),
 * with why. The value as sent and every other view stay inspected by them.
 * - 921110, 921130: a request line or `HTTP/1.1` in an argument is request smuggling only where a server parses
 *   the argument as HTTP; a base64 attachment (a `curl -v` trace, a HAR or proxy log) is decoded by the
 *   application into a file, never into the connection. (A client can name a JSON member `….decoded-base64`; its
 *   value then escapes these two rules only, which look for HTTP framing no JSON value can inject.)
 */
export const API_BASE64_VIEW_EXCLUDED_RULES: readonly number[] = [921110, 921130];

/**
 * RE2 regex of the query parameter names of a headless CMS's filter API (Strapi's `filters[slug][$eq]`,
 * `filters[$or][0][title][$containsi]`, `filters[price][$between][0]`): `filters` followed only by field names,
 * indexes, the logical operators and the comparison and string operators. Such names are the API's own query
 * language, which CRS 942290 and the profile's NoSQL-operator rule (90100) read as a Mongo operator injection
 * (`username[$ne]=x`). Operators that run code or match patterns (`$where`, `$function`, `$expr`, `$regex`) are
 * not in the list, and the credential-field rule (90110: `filters[password][$startsWith]`, Strapi
 * CVE-2023-22894) still applies.
 */
export const FILTER_QUERY_NAME_REGEX =
  '^(?:gatehouse[.]prose[.][a-z]*:)?filters(?:\\[(?:[A-Za-z0-9_.-]+|\\$(?:or|and|not|eqi?|nei?|lte?|gte?|in|notIn|containsi?|notContainsi?|null|notNull|between|startsWithi?|endsWithi?))\\])+$';

/** CRS rules the API profile does not run on {@link FILTER_QUERY_NAME_REGEX} names: 942290 (Mongo operators). */
export const API_FILTER_NAME_EXCLUDED_RULES: readonly number[] = [942290];

/**
 * The prose exemptions as load-time target exclusions (`SecRuleUpdateTargetById`, loaded after the CRS rules):
 * per family `f` of src/waf/profile/view.ts, each CRS rule of that family stops inspecting the arguments named
 * `gatehouse.prose.<families with f>:…` (`!ARGS:/^gatehouse[.]prose[.][a-z]*f[a-z]*:/`), and the rules kept
 * off JSON values ({@link API_JSON_VALUE_EXCLUDED_RULES}) stop inspecting `json.…` and its prose form
 * (`gatehouse.prose.<families>:json…`). Nothing runs per request: an argument that is not renamed is never
 * exempted, and the names cannot be forged (90105, 90106 and `queryArgsView`). Also the JSON-name exclusions
 * ({@link API_JSON_NAME_EXCLUDED_RULES}): `!ARGS_NAMES:/<JSON_PLAIN_NAME_REGEX>/`.
 * @example
 * proseExclusionDirectives();
 * // [['942190', '!ARGS:/^json[.]/|!ARGS:/^gatehouse[.]prose[.][a-z]*:json/'],
 * //  ['930120', '!ARGS_NAMES:/^(?:gatehouse[.]prose[.][a-z]*:)?json(?:[.][A-Za-z0-9_-]+)+$/'],
 * //  ['930120', '!ARGS:/^gatehouse[.]prose[.][a-z]*l[a-z]*:/'], …]
 */
export function proseExclusionDirectives(): [string, string][] {
  const out: [string, string][] = [];
  for (const id of API_JSON_VALUE_EXCLUDED_RULES)
    out.push([String(id), `!ARGS:/^json[.]/|!ARGS:/${PROSE_NAME_REGEX}[a-z]*:json/`]);
  for (const id of API_JSON_NAME_EXCLUDED_RULES)
    out.push([String(id), `!ARGS_NAMES:/${JSON_PLAIN_NAME_REGEX}/`]);
  for (const id of API_FILTER_NAME_EXCLUDED_RULES)
    out.push([String(id), `!ARGS_NAMES:/${FILTER_QUERY_NAME_REGEX}/`]);
  for (const id of API_BASE64_VIEW_EXCLUDED_RULES) out.push([String(id), '!ARGS:/[.]decoded-base64$/']);
  for (const [family, ids] of Object.entries(PROSE_FAMILY_RULES)) {
    for (const id of ids) out.push([String(id), `!ARGS:/${PROSE_NAME_REGEX}[a-z]*${family}[a-z]*:/`]);
  }
  return out;
}

/**
 * The fenced-code exemptions (./code.ts) as load-time target exclusions by tag (`SecRuleUpdateTargetByTag`, loaded
 * after the CRS rules): the rules of each of the code family's CRS group tags stop inspecting the arguments named
 * `gatehouse.prose.k:…` (`ARGS` and `ARGS_POST`). Nothing runs per request.
 * @example
 * codeExclusionDirectives()[0];
 * // ['^OWASP_CRS/ATTACK-RCE$', '!ARGS:/^gatehouse[.]prose[.][a-z]*k[a-z]*:/|!ARGS_POST:/^gatehouse[.]prose[.][a-z]*k[a-z]*:/']
 */
export function codeExclusionDirectives(): [string, string][] {
  const out: [string, string][] = [];
  const re = `${PROSE_NAME_REGEX}[a-z]*${CODE_FAMILY.letter}[a-z]*:`;
  for (const tag of CODE_FAMILY.tags) out.push([`^${tag}$`, `!ARGS:/${re}/|!ARGS_POST:/${re}/`]);
  return out;
}

/**
 * The fenced-code exemptions by rule id (`SecRuleUpdateTargetById`): the Java rules of {@link CODE_FAMILY} that
 * read class and method names, not the whole Java group (Log4Shell stays).
 */
export function codeExclusionIdDirectives(): [string, string][] {
  const re = `${PROSE_NAME_REGEX}[a-z]*${CODE_FAMILY.letter}[a-z]*:`;
  return CODE_FAMILY.ids.map((id) => [String(id), `!ARGS:/${re}/|!ARGS_POST:/${re}/`]);
}
