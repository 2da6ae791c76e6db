/**
 * Fenced code blocks in markdown prose (issue comments, pull-request descriptions, wiki and chat messages): the
 * snippets, logs and stack traces people paste where they discuss code. CRS reads a shell block as command
 * injection, a SQL block as SQL injection and so on, and blocks almost every such comment, which the API profile's
 * yardstick names as traffic to pass ("code snippets in issue comments").
 *
 * A JSON string value that is a markdown document in a field named for one ({@link markdownField}; session 8:
 * fences in a data field are an injection wrapped in fences) — every fence closed, no block that leaves a string
 * or command context ({@link leavesContext}) — is shown to the engine as its prose (each block cut out, a line break in its place; the prose
 * families of ./view.ts apply to it as to any value) plus one extra argument per block, named
 * `gatehouse.prose.k:<name>.fenced-code`, exempted from the code-injection rule groups ({@link CODE_FAMILY}) and
 * inspected by every other rule (Log4Shell, serialized objects, the API profile's own rules, protocol enforcement).
 * The exemption is turned into load-time target exclusions by tag (./rules.ts); the name cannot be forged (JSON
 * names start with `json`, other sources are scored by 90105/90106).
 *
 * The accepted risk, stated in docs/security.md: a field that holds markdown and also reaches an interpreter (a
 * comment body pasted into a shell script or a SQL string) would receive a fenced block unblocked. Such a sink is
 * already broken by the field's legitimate traffic (every shell snippet a user posts would run), which a WAF could
 * only protect by refusing the field's ordinary use; the language label of a fence is no evidence either way (an
 * attacker writes the right one), so it is not consulted. Prose outside the blocks keeps every rule; a value
 * without prose around its blocks, an unclosed fence, `exclude_fields` and `profile: crs` are unchanged.
 */

import { bytesToText, isNaturalLanguage } from './view.ts';

/**
 * The code family: the letter carried in the name of a fenced block's argument, and the CRS group tags whose rules
 * a block is exempted from — the injection groups whose patterns are code of some language (shell commands and
 * paths, SQL, markup and script, PHP, Node.js and other generic code injections), the protocol-attack group
 * (request smuggling and header injection: a pasted `curl -v` log holds request lines and CRLF-separated
 * headers), and the Java rules that read class and method names (`java.lang.…`, `ProcessBuilder`: a pasted stack
 * trace names them). Log4Shell lookups (`${jndi:…}`, 944150/944151/944152) and serialized-object signatures stay,
 * since a logging or deserializing sink acts on them wherever they sit; so do the API profile's own rules for NoSQL
 * operators and prototype pollution (a document's value is not an object a query runs) and the protocol-enforcement
 * rules. Template delimiters (90101: `${…}` in a JavaScript template literal, `{{ … }}` in a Vue or Helm snippet)
 * and internal addresses (90102: `curl -f http://localhost:8080/health` in a Dockerfile) are what code holds, and a
 * markdown document is rendered, never evaluated as a template or fetched as a URL: the block is exempted from both,
 * and from 90113 (an object literal walking to a prototype: a snippet explaining prototype pollution holds one).
 */
export const CODE_FAMILY = {
  letter: 'k',
  tags: [
    'OWASP_CRS/ATTACK-RCE',
    'OWASP_CRS/ATTACK-LFI',
    'OWASP_CRS/ATTACK-RFI',
    'OWASP_CRS/ATTACK-PHP',
    'OWASP_CRS/ATTACK-GENERIC',
    'OWASP_CRS/ATTACK-XSS',
    'OWASP_CRS/ATTACK-SQLI',
    'OWASP_CRS/PROTOCOL-ATTACK',
  ],
  // And the profile's shell-syntax rules of session 10 (compound commands, dot-file reads, prefixed commands): a
  // pasted script is code.
  ids: [944100, 944110, 944120, 944130, 944140, 90101, 90102, 90113, 90126, 90136, 90137, 90139],
} as const;

/** Suffix of the extra argument that holds a fenced code block (`json.body.fenced-code`). */
export const FENCED_CODE_SUFFIX = '.fenced-code';

/** A markdown document split into its prose and its fenced code blocks. */
export interface MarkdownCode {
  /** The value with each fenced block (fences included) replaced by a line break (a byte string). */
  readonly prose: string;
  /** Each block's content (a byte string). */
  readonly blocks: readonly string[];
}

// An opening fence: up to three spaces, three or more backticks or tildes, an info string.
const OPENING = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\n]*)$/;

/**
 * The value split into prose and code when it is a markdown document that holds code: at least one fenced block
 * (CommonMark fences: up to three spaces of indent, three or more backticks or tildes, a closing fence of the same
 * character at least as long, alone on its line), an indented block after a blank line that follows prose
 * (four spaces or a tab; session 7, {@link indentedBlocks}), or inline code spans set off by spaces or punctuation in text
 * with at least two words outside them; otherwise null. The prose keeps every rule, so a fenced block may stand
 * alone or after a heading or a label (`Try:`): a comment that is only a pasted snippet is common, and wrapping a
 * payload in fences takes an attacker who knows the exemption, who would add words around it as easily. The
 * inline code spans of a document with a fence are code too. A block that holds what pasted snippets hardly ever
 * hold and payloads do ({@link payloadInCode}) makes the whole value an ordinary one; such a span (also
 * {@link payloadSpan}) stays in the prose. Either way every rule sees it. An unclosed fence, a backtick in a
 * backtick fence's info string, or text that is not UTF-8 gives null.
 * @example
 * markdownFences('I can reproduce it on main:\n```bash\nrm -rf node_modules && npm ci\n```\nThen it works.');
 * // { prose: 'I can reproduce it on main:\n\nThen it works.', blocks: ['rm -rf node_modules && npm ci'] }
 * markdownFences('Steps: `docker compose up -d`, then open the dashboard.');
 * // { prose: 'Steps:  , then open the dashboard.', blocks: ['docker compose up -d'] }
 */
export function markdownFences(value: string, blocksAllowed = true): MarkdownCode | null {
  const fenced = blocksAllowed && (value.includes('```') || value.includes('~~~'));
  const indented = blocksAllowed && INDENTED_BLOCK_START.test(value);
  if (!fenced && !indented && !value.includes('`')) return null;
  const lines = value.split('\n');
  let prose: string[] = [];
  const blocks: string[] = [];
  if (fenced) {
    // Inside a CommonMark HTML block (a line starting with a tag, up to a blank line) a fence is raw HTML, not code
    // (session 9 audit 15: `<details>\n```\n<img onerror=…>\n````).
    let htmlBlock = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      const open = OPENING.exec(line.endsWith('\r') ? line.slice(0, -1) : line);
      if (open === null) {
        if (line.trim() === '') htmlBlock = false;
        else if (HTML_BLOCK_START.test(line)) htmlBlock = true;
        prose.push(line);
        continue;
      }
      if (htmlBlock) return null;
      const fence = open[1] as string;
      const info = open[2] as string;
      if (fence[0] === '`' && info.includes('`')) {
        // An inline code span that starts a line (```x``` is a span, not a fence).
        prose.push(line);
        continue;
      }
      const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*\\r?$`);
      let end = i + 1;
      while (end < lines.length && !closing.test(lines[end] as string)) end++;
      if (end === lines.length) return null;
      const block = lines.slice(i + 1, end).join('\n');
      if (payloadInCode(block) || leavesContext(block)) return null;
      blocks.push(block);
      prose.push('');
      i = end;
    }
  } else prose.push(...lines);
  if (indented) prose = indentedBlocks(prose, blocks);
  const fences = blocks.length;
  // Inline code spans are code too (a span is no more dangerous to let through than a fence could be). Without a
  // fence, only spans set off by spaces or punctuation count (`a\`sleep 5\`b` is a substitution, not markdown).
  const proseBytes = prose
    .join('\n')
    .replace(
      fences > 0 ? INLINE_SPAN : PROSE_SPAN,
      (m, pre: string, single: string | undefined, double: string | undefined) => {
        const code = single ?? double ?? '';
        if (!OPERATOR_SPAN.test(code) && (payloadInCode(code) || payloadSpan(code))) return m;
        blocks.push(code);
        return `${pre} `;
      },
    );
  if (blocks.length === 0) return null;
  const text = bytesToText(proseBytes);
  if (text === null) return null;
  // The prose keeps every rule, so a fenced document needs nothing of it; spans alone need words around them.
  if (fences === 0 && (text.match(PROSE_WORD) ?? []).length < 2) return null;
  return { prose: proseBytes, blocks };
}

// The start of a CommonMark HTML block: up to three spaces, then `<` and a tag name, `/`, `!` or `?`.
const HTML_BLOCK_START = /^ {0,3}<(?:[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|\/[A-Za-z]|[!?])/;

// A word of prose around code spans: two letters or more.
const PROSE_WORD = /\p{L}{2,}/gu;

// A `<code>` or `<pre>` element of rich-text HTML with its content (encoded, so without a `<`): a code sample.
// Its attributes are a few plain ones with quoted values without `<`, `>` or quotes inside (session 9 audit 15:
// `<pre title="x>y" autofocus onfocus=…>` was cut out at the `>` inside the title, handler and all).
const HTML_CODE =
  /<(code|pre)((?:\s+(?:class|lang|dir|spellcheck|translate|data-[a-z0-9-]{1,30})(?:="[^"<>']{0,100}")?)*\s*)>([^<]{1,20000})<\/\1>/gi;

/**
 * Rich-text HTML with code samples (`<pre><code class="language-sh">…</code></pre>`, as CKEditor, TinyMCE and
 * Quill write them, markup in the sample entity-encoded) split into the HTML with each sample's content cut out
 * and the samples, as {@link markdownFences} splits markdown; otherwise null. The HTML keeps every rule (and is
 * judged as rich text by the prose view); a sample that reads as a payload ({@link payloadInCode}) makes the
 * whole value an ordinary one.
 * @example
 * htmlCode('<p>Embed it:</p><pre><code>&lt;script src="/w.js"&gt;&lt;/script&gt;</code></pre>');
 * // { prose: '<p>Embed it:</p><pre><code></code></pre>', blocks: ['&lt;script src="/w.js"&gt;&lt;/script&gt;'] }
 */
export function htmlCode(value: string): MarkdownCode | null {
  if (!/<(?:code|pre)/i.test(value)) return null;
  const blocks: string[] = [];
  let payload = false;
  const prose = value.replace(HTML_CODE, (_m, tag: string, attrs: string, code: string) => {
    if (payloadInCode(code)) payload = true;
    blocks.push(code);
    return `<${tag}${attrs}></${tag}>`;
  });
  return payload || blocks.length === 0 ? null : { prose, blocks };
}

// Member names of fields that hold source code (a snippet, a submission, a saved query, an exercise's solution, a
// file in a gist), and of the collections whose `content` is a file's text.
const CODE_NAMES = new Set(
  (
    'code source sourcecode source_code snippet script sql sqlquery sql_query diff patch dockerfile solution ' +
    // Configuration documents (a CI pipeline, a workflow, a manifest, a compose file), several lines only.
    'config configuration yaml yml manifest workflow pipeline compose makefile jenkinsfile ' +
    // A stack frame's source lines in an error-tracking event (Sentry's `context_line`, `pre_context`).
    'context_line pre_context post_context'
  ).split(' '),
);
// Compound member names that end in a code name (`starterCode`, `solution_sql`, `test_script`, `pageSource`): a
// code field of a kind. `…Code`, `…Source` and `…Config` only after a word that makes them a program
// (`postalCode`, `couponCode`, `utm_source`, `notification_config` are data: session 8's evasion audit wrapped
// injections in two lines of them); a language's name makes one (`jsCode`, `pythonCode`, `latex_source`: a
// workflow tool's code step, a manuscript; session 9).
const CODE_SUFFIX =
  /[a-z0-9](?:Script|Snippet|Sql|SQL|Yaml|Manifest)$|_(?:script|snippet|sql|yaml|manifest)$|^(?:starter|solution|sample|example|test|initial|boilerplate|page|cell|function|lambda|handler|macro|widget|plugin|program|query|suggested|suggestion|fixed|patched|original|generated|js|javascript|ts|typescript|python|py|ruby|php|go|java|kotlin|swift|rust|csharp|cpp|lua|perl|bash|shell|powershell|sql|r|julia|scala|groovy|apex|vba|latex|tex)(?:Code|Source|_code|_source)$/;
// Member names of fields that hold a stylesheet (`css`, `custom_css`, `customCss`, `stylesheet`).
const CSS_NAME = /^(?:css|stylesheet|(?:[a-z0-9]+_)+css|[a-z][a-z0-9]*Css)$/i;
// Member names of fields that hold a SQL query (a BI tool's saved query, a notebook's SQL cell).
const SQL_NAMES = new Set(['sql', 'sqlquery', 'sql_query']);
// A SQL statement, as a saved query starts (an injection into a value starts by leaving its context).
const SQL_STATEMENT_START =
  /^\s*(?:select|with|insert|update|delete|create|alter|explain|show|describe|values)\s/i;
const FILE_COLLECTIONS = new Set(['files', 'file', 'blobs', 'blob', 'gist', 'attachments']);

/** The objects of a JSON document that describe a file or a program (see {@link fileObjects}). */
export interface CodeObjects {
  /** Dotted names of the objects with a file-describing member (a file name, path, branch or language). */
  readonly files: ReadonlySet<string>;
  /**
   * Dotted names of the objects that say they hold a program: a `language` (`lang`, `syntax`, `runtime`) that
   * names a programming language, or a file name with an extension (a code runner's `{"language": "bash",
   * "source": …}`).
   */
  readonly programs: ReadonlySet<string>;
  /** Dotted names of the code block nodes of rich-text JSON documents ({@link CODE_BLOCK_TYPES}). */
  readonly blocks?: ReadonlySet<string>;
}

/**
 * True when a JSON value is a program in a field named for one: the last member name is a code name
 * (`code`, `source`, `snippet`, `script`, `sql`, `diff`, `patch`, `solution`, …; or ends in one, `starterCode`,
 * `test_script`, when the value has several lines) or `content` of a file in a
 * `files`/`gist`/`blob` collection, the value holds nothing that reads as a payload ({@link payloadInCode}), and
 * - it has at least two non-empty lines (a program, not a one-line value such as a voucher `code`, which is what
 *   an injection into such a field looks like), or
 * - it is one line in an object that says it holds a program ({@link CodeObjects.programs}: a code runner's
 *   submission), or one line of a SQL-named field (`sql`) that starts with a SQL statement (a saved query); in
 *   either case not starting by leaving a context (a separator, quote or substitution) or with an identity probe
 *   ({@link payloadSpan}'s first checks).
 * Such a value is inspected as a fenced block is: what `exclude_fields` does for code fields, out of the box, but
 * without leaving Log4Shell, serialized objects or the profile's NoSQL and prototype-pollution rules.
 * @example
 * codeField('json.variables.input.code', 'x = 1\nprint(x)\n'); // true
 * codeField('json.files.0.content', 'def f():\n    return 1\n'); // true
 * codeField('json.code', "' OR 1=1--"); // false
 * codeField('json.sql', 'SELECT country, SUM(amount) FROM payments GROUP BY country'); // true
 */
export function codeField(name: string, value: string, objects?: CodeObjects): boolean {
  const parts = name.split('.');
  const member = parts[parts.length - 1] as string;
  const last = member.toLowerCase();
  let named = CODE_NAMES.has(last) || (last === 'text' && inCodeBlock(parts, objects?.blocks));
  const compound = !named && CODE_SUFFIX.test(member);
  if (!named && last === 'content') {
    // A file's content: under a files/gist/blob collection within three levels (a Gist's files are keyed by
    // their names, `files.hello.py.content`), or beside a file name, path, branch or language.
    for (let i = parts.length - 2; i >= Math.max(0, parts.length - 5) && !named; i--)
      named = FILE_COLLECTIONS.has((parts[i] as string).toLowerCase());
    if (!named && objects !== undefined) named = objects.files.has(parts.slice(0, -1).join('.'));
  }
  // A stylesheet (a theme's custom CSS): code, unless it could leave the style element or run script.
  if (!named && !compound && CSS_NAME.test(member))
    return (
      value.includes('\n') && !/[<\\]|javascript\s*:|expression\s*\(|behavior\s*:|-moz-binding/i.test(value)
    );
  if (!(named || compound) || payloadInCode(value) || leavesContext(value)) return false;
  // A solution may be a program (a course's exercise) or prose (a help desk's answer): prose is judged as prose.
  if (last === 'solution' && isNaturalLanguage(bytesToText(value) ?? '')) return false;
  const nl = value.indexOf('\n');
  if (nl !== -1 && value.slice(nl + 1).trim() !== '' && value.slice(0, nl).trim() !== '') return true;
  // A one-line saved query in a compound SQL name (`query_sql`, `reportSql`; session 9) as in `sql`.
  const sqlNamed = SQL_NAMES.has(last) || /(?:_sql|Sql|SQL)$/.test(member);
  if (compound && !sqlNamed) return false;
  const program =
    objects?.programs.has(parts.slice(0, -1).join('.')) === true ||
    // One statement without markup (session 9 audit 13: `select 1; drop table users`, `select '<script>…'`).
    (sqlNamed && SQL_STATEMENT_START.test(value) && !/;\s*\S|<[a-z!/?]/i.test(value));
  return program && value.trim() !== '' && !SPAN_BREAKOUT.test(value) && !startsWithProbe(value);
}

// Member names that make their object a file (`{"file_name": "x.py", "content": …}`, a repository's create-file
// call with `branch`), and those that name its language.
const FILE_MEMBER = /\.(?:file_?name|file_?path|filepath|branch|language|lang|syntax|file_?type)$/i;
const LANGUAGE_MEMBER = /\.(?:language|lang|syntax|runtime|file_?type)$/i;
// The node types of rich-text JSON documents that hold a code block (session 9, held-out 19): Atlassian ADF and
// ProseMirror/Tiptap `codeBlock`, Slack's `rich_text_preformatted`, Notion's and Lexical's `code`.
const TYPE_MEMBER = /\.type$/;
const CODE_BLOCK_TYPES = /^(?:codeBlock|code_block|code|rich_text_preformatted|preformatted)$/;
const FILE_NAME_MEMBER = /\.(?:file_?name|file_?path|filepath)$/i;
const PROGRAMMING_LANGUAGES = new Set(
  (
    'sql mysql postgresql postgres pgsql sqlite tsql plsql bash sh shell zsh powershell pwsh python python3 ' +
    'javascript js typescript ts node nodejs ruby perl php go golang rust java kotlin c cpp c++ csharp c# swift ' +
    'scala r julia lua haskell elixir erlang dart groovy'
  ).split(' '),
);

/**
 * True when a `text` member is the text of a child node of a code block node ({@link CODE_BLOCK_TYPES}):
 * `<block>.content.<n>.text` (ADF, ProseMirror) or `<block>.elements.<n>.text` (Slack). Session 9 audit 12: not
 * any `text` below a `type: "code"` member, and only several lines (a one-line value is no program here).
 */
function inCodeBlock(parts: readonly string[], blocks: ReadonlySet<string> | undefined): boolean {
  if (blocks === undefined || parts.length < 4) return false;
  const child = parts[parts.length - 3] as string;
  return (
    (child === 'content' || child === 'elements') &&
    /^[0-9]+$/.test(parts[parts.length - 2] as string) &&
    blocks.has(parts.slice(0, -3).join('.'))
  );
}

/** The objects among a JSON document's `args` that describe a file or a program ({@link CodeObjects}). */
export function fileObjects(args: readonly (readonly [string, string])[]): CodeObjects {
  const files = new Set<string>();
  const programs = new Set<string>();
  const blocks = new Set<string>();
  for (const [k, v] of args) {
    if (TYPE_MEMBER.test(k) && CODE_BLOCK_TYPES.test(v)) {
      // A code block node: the text of its child nodes is a program's.
      blocks.add(k.slice(0, -'.type'.length));
      continue;
    }
    const m = FILE_MEMBER.exec(k) ?? LANGUAGE_MEMBER.exec(k);
    if (m === null) continue;
    const parent = k.slice(0, m.index);
    if (FILE_MEMBER.test(k)) files.add(parent);
    if (
      LANGUAGE_MEMBER.test(k)
        ? PROGRAMMING_LANGUAGES.has(v.trim().toLowerCase())
        : FILE_NAME_MEMBER.test(k) && /\.[A-Za-z0-9]{1,8}$/.test(v)
    )
      programs.add(parent);
  }
  return { files, programs, blocks };
}

// What a pasted snippet hardly ever holds and an injected command or file read does: the account and secret
// files, the process' own environment and memory, Windows' INI probes, private keys, reverse shells (a socket
// device, an interactive shell, netcat handing over a shell, a script language opening a socket), a script
// fetched from a bare IP address into a shell (install instructions name a host), and web shells: code that runs
// the request's own input or an encoded blob (`system($_GET['c'])`, `eval(base64_decode(…))`,
// `Runtime.getRuntime().exec(request.getParameter(…))`, `eval(Request(…))`).
const PAYLOAD_IN_CODE =
  /\b(?:system|exec|passthru|shell_exec|popen|proc_open|pcntl_exec|eval|assert|create_function|include|require)(?:_once)?\s*\(\s*(?:\$_(?:GET|POST|REQUEST|COOKIE|SERVER|FILES)\b|(?:base64_decode|gzinflate|gzuncompress|str_rot13|hex2bin)\s*\()|`\s*\$_(?:GET|POST|REQUEST|COOKIE)\b|\bexec\s*\(\s*request\.getParameter\b|\b(?:eval|execute(?:global)?)\s*\(?\s*request(?:\.(?:form|querystring|item))?\s*\(|\b(?:exec|execSync|spawn|system|popen|check_output|run|Popen)\s*\(\s*req(?:uest)?\.(?:query|body|params|args|form|values|GET|POST)\b|\/etc\/(?:passwd|shadow|sudoers|gshadow)\b|\/proc\/self\/(?:environ|cmdline|mem|maps|fd)|\b(?:win|boot|system)\.ini\b|\.ssh\/(?:id_|authorized_keys)|\/dev\/(?:tcp|udp)\/|\b(?:ba|z|k|da)?sh\s+-i\b|\b(?:nc|ncat|netcat)\s[^\n]*-[a-z]*[ec]\s|\buse\s+Socket\b|\bfsockopen\s*\(|\bpty\.spawn\s*\(|\bmkfifo\s+\/tmp\/|-rsocket\b|\bTCPSocket\.(?:new|open)\b|\b(?:curl|wget|fetch)\b[^\n|;]*\/\/\d{1,3}(?:\.\d{1,3}){3}[^\n]*\|\s*(?:ba|z|da|k)?sh\b/i;

// The first quote of a value followed by what ends a string literal and continues the statement (`x' UNION …`,
// `x');DROP …`, `x'||(SELECT …`): a value injected into a quoted SQL string starts by leaving it, a snippet's
// first quote opens a literal (`status = 'paid'`).
const FIRST_QUOTE_BREAKOUT =
  /['"]\)*\s*(?:(?:or|and|union|order\s+by|group\s+by|having|select|waitfor|into|limit|procedure)\b|--|;|\|\|)/iy;

/**
 * True when a code block or code field's value starts by leaving a context (a separator, a quote, a closing
 * bracket, a substitution) or its first quote ends a SQL string literal: the shape of an injection into a value
 * a backend pastes into a query or a command, which a pasted snippet does not have (session 8: a voucher code
 * or a fenced block that is `x' UNION SELECT …` is no program).
 */
export function leavesContext(code: string): boolean {
  if (SPAN_BREAKOUT.test(code)) return true;
  // The first quote, when right after a value character (`x'`, `1"`, also after spaces): where an injected value leaves its string
  // (a snippet's first quote opens a literal after a space, `(`, `=` or `[`).
  const q = code.search(/['"]/);
  // Spaces between the value and the quote (`x ' || (select …) || '`; session 9 audit) change nothing.
  const before = code.slice(0, Math.max(0, q)).trimEnd();
  if (q <= 0 || before === '' || !/[\w%]/.test(before[before.length - 1] as string)) return false;
  // A string prefix (Python's `f"SELECT …"`, `rb'…'`) opens a literal.
  if (/(?:^|[^\w])[fFrRbBuU]{1,2}$/.test(code.slice(Math.max(0, q - 3), q))) return false;
  FIRST_QUOTE_BREAKOUT.lastIndex = q;
  return FIRST_QUOTE_BREAKOUT.test(code);
}

// The last word of a member name that holds a markdown document or free text (`body`, `comment`, `description`,
// `bodyMarkdown`, `release_notes`): only such fields get fenced and indented blocks cut out as code (session 8:
// a fenced block in a `name` or `coupon` field is an injection wrapped in fences, not a document's snippet).
const MARKDOWN_WORDS = new Set(
  (
    'body comment comments description desc message messages text content contents note notes markdown md ' +
    'summary details detail reply answer question post review explanation reason changelog readme instructions ' +
    'steps transcript feedback remarks story article page wiki issue discussion thread response caption bio ' +
    'about notice announcement memo report log logs output error stacktrace trace traceback snippet raw ' +
    'timeline resolution impact analysis overview background context postmortem'
  ).split(' '),
);

/**
 * True when the argument's member name (its last non-numeric segment, last word of a camelCase or snake_case
 * name) names a markdown document or free text ({@link MARKDOWN_WORDS}).
 * @example
 * markdownField('json.issue.body'); // true
 * markdownField('json.comments.0.bodyMarkdown'); // true
 * markdownField('json.user.name'); // false
 */
export function markdownField(name: string): boolean {
  const parts = name.split('.');
  let member = '';
  for (let i = parts.length - 1; i >= 0 && member === ''; i--)
    if (!/^[0-9]+$/.test(parts[i] as string)) member = parts[i] as string;
  member = member.replace(/^.*:/, '');
  const words = member
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter((w) => w !== '');
  // The last word only (session 9 audit: `page_size` and `sort_desc` took fences as `desc` and `page` words).
  return MARKDOWN_WORDS.has(words[words.length - 1] ?? '');
}

/** True when a code block or span holds what payloads hold and snippets hardly ever do ({@link markdownFences}). */
export function payloadInCode(code: string): boolean {
  return PAYLOAD_IN_CODE.test(code);
}

// A span that starts by leaving a context (a command separator, a quote, a closing parenthesis or bracket, a
// substitution) or whose command is an identity or system probe: what a payload looks like between backticks.
const SPAN_BREAKOUT = /^\s*(?:[;|&'"`)\]}]|\$\(|%0a|%0d|\\n)/i;
const SPAN_PROBES = new Set(
  'whoami id uname hostname ifconfig ipconfig systeminfo getent printenv env net1 ver'.split(' '),
);

// A string literal ended and SQL after it (`1' ORDER BY 9--+`, `x" or "1"="1`), markup that runs script
// (an event handler, a script URL, a script element with content) where a renderer does not escape the span.
const SPAN_SQL_BREAKOUT =
  /['"]\)*\s*(?:(?:or|and|xor|not|is|like|rlike|regexp|between|union|order\s+by|group\s+by|having|select|waitfor|into|limit|procedure)\b|--|#|;|\|\||&&)/i;
const SPAN_SCRIPT = /<[a-z][^>]*[\s/]on[a-z]{3,}\s*=|javascript\s*:|<script[^>]*>[^<\s]/i;

/** True when an inline code span reads as an injected payload rather than code quoted in prose. */
export function payloadSpan(code: string): boolean {
  return (
    SPAN_BREAKOUT.test(code) ||
    SPAN_SQL_BREAKOUT.test(code) ||
    SPAN_SCRIPT.test(code) ||
    startsWithProbe(code)
  );
}

/** True when a command of the code (at its start or after a separator or `$(`) is an identity or system probe. */
function startsWithProbe(code: string): boolean {
  for (const part of code.split(/[;|&\n]+|\$\(/)) {
    const word = (/^[\w./-]*/.exec(part.trim()) as RegExpExecArray)[0].replace(/^.*\//, '').toLowerCase();
    if (SPAN_PROBES.has(word)) return true;
  }
  return false;
}

// A span that is one operator or comment marker (`;`, `||`, `&&`, `>>`, `--`, `/*`), or the idiom that ignores a
// failure (`|| true`, `|| exit 1`): prose naming the syntax (`you don't need the \`;\` inside -exec`), not a
// command or a query.
const OPERATOR_SPAN =
  /^\s*(?:(?:;|\|\|?|&&?|>>?|<<?|\$|!|\\|#|--|\/\/|\/\*|\*\/|=>?|==|!=|::|->|\?\?)|(?:\|\||&&|;)\s*(?:true|false|:|exit(?:\s+[0-9]{1,3})?))\s*$/;

// An indented code block's first line after a blank line (CommonMark: four spaces or a tab; it cannot interrupt a
// paragraph).
const INDENTED_BLOCK_START = /(?:^|\n)[ \t]*\r?\n(?: {4}|\t)[ \t]*\S/;
const INDENTED_LINE = /^(?: {4}|\t)/;
const BLANK_LINE = /^[ \t]*\r?$/;

/**
 * The prose lines with each indented code block (lines indented by four spaces or a tab after a blank line, up to
 * the next line that is not indented) cut out and pushed to `blocks` (indentation removed); a block that reads as
 * a payload ({@link payloadInCode}, {@link payloadSpan}: a separator or quote first, a SQL break-out, script, an
 * identity probe) stays in the prose.
 */
function indentedBlocks(lines: readonly string[], blocks: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const starts =
      INDENTED_LINE.test(line) && !BLANK_LINE.test(line) && (i === 0 || BLANK_LINE.test(lines[i - 1] ?? ''));
    if (!starts || i === 0) {
      out.push(line);
      continue;
    }
    let end = i;
    while (
      end < lines.length &&
      (INDENTED_LINE.test(lines[end] as string) || BLANK_LINE.test(lines[end] as string))
    )
      end++;
    let last = end;
    while (last > i && BLANK_LINE.test(lines[last - 1] as string)) last--;
    const block = lines
      .slice(i, last)
      .map((l) => l.replace(INDENTED_LINE, ''))
      .join('\n');
    if (payloadInCode(block) || payloadSpan(block)) {
      out.push(...lines.slice(i, end));
    } else {
      blocks.push(block);
      out.push('', ...lines.slice(last, end));
    }
    i = end - 1;
  }
  return out;
}

// An inline code span on one line: one to three backticks, content without a backtick run of the same length,
// the same number of backticks (CommonMark; the common single- and double-backtick forms).
const INLINE_SPAN = /(^|[^`])(?:`([^`\n]{1,500})`|``([^\n]{1,500}?)``)(?!`)/g;
// The same, set off by the start of a line, a space or opening punctuation before and the end of a line, a space
// or closing punctuation after.
const PROSE_SPAN = /(^|[\s([{"'“‘|*_])(?:`([^`\n]{1,500})`|``([^\n]{1,500}?)``)(?=$|[\s)\]}"'”’.,:;!?|*_])/gm;
