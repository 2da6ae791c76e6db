/**
 * Fenced code blocks in markdown prose (issue comments, pull-request descriptions, wiki and chat messages): the
 * snippets, logs and stack traces people paste where they discuss code. CRS reads a shell block as command
 * injection, a SQL block as SQL injection and so on, and blocks almost every such comment, which the API profile's
 * yardstick names as traffic to pass ("code snippets in issue comments").
 *
 * A JSON string value that is a markdown document — prose of at least four words outside its fenced blocks, every
 * fence closed — is shown to the engine as its prose (each block cut out, a line break in its place; the prose
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
 * since a logging or deserializing sink acts on them wherever they sit; so do the API profile's own rules (NoSQL
 * operators, template injection, SSRF targets, prototype pollution) and the protocol-enforcement rules.
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
  ids: [944100, 944110, 944120, 944130, 944140],
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
 * The value split into prose and fenced code blocks when it is a markdown document with at least one fenced block
 * (CommonMark fences: up to three spaces of indent, three or more backticks or tildes, a closing fence of the same
 * character at least as long, alone on its line) and its prose, blocks removed, reads as natural language (at
 * least four words; see {@link isNaturalLanguage}, judged with inline code-span delimiters as spaces); otherwise
 * null. An unclosed fence, a backtick in a backtick fence's info string, or text that is not UTF-8 gives null.
 * The inline code spans of such a document are blocks too.
 * @example
 * markdownFences('I can reproduce it on main:\n```bash\nrm -rf node_modules && npm ci\n```\nThen it works.');
 * // { prose: 'I can reproduce it on main:\n\nThen it works.', blocks: ['rm -rf node_modules && npm ci'] }
 */
export function markdownFences(value: string): MarkdownCode | null {
  if (!value.includes('```') && !value.includes('~~~')) return null;
  const lines = value.split('\n');
  const prose: string[] = [];
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const open = OPENING.exec(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (open === null) {
      prose.push(line);
      continue;
    }
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
    blocks.push(lines.slice(i + 1, end).join('\n'));
    prose.push('');
    i = end;
  }
  if (blocks.length === 0) return null;
  // In a document that holds fenced code, inline code spans are code too (a span is no more dangerous to let
  // through than a fence the same document could hold): each becomes a block, a space in the prose.
  const proseBytes = prose
    .join('\n')
    .replace(INLINE_SPAN, (_m, pre: string, single: string | undefined, double: string | undefined) => {
      blocks.push(single ?? double ?? '');
      return `${pre} `;
    });
  const text = bytesToText(proseBytes);
  if (text === null || !isNaturalLanguage(text, 4)) return null;
  return { prose: proseBytes, blocks };
}

// An inline code span on one line: one to three backticks, content without a backtick run of the same length,
// the same number of backticks (CommonMark; the common single- and double-backtick forms).
const INLINE_SPAN = /(^|[^`])(?:`([^`\n]{1,500})`|``([^\n]{1,500}?)``)(?!`)/g;
