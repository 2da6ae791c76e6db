/** A category of automation user agent. Each category gets its own configurable weight. */
export type AutomationKind = 'tool' | 'library' | 'headless' | 'scanner' | 'crawler' | 'empty';

/** One entry of the automation user-agent list. */
export interface AutomationAgent {
  /** Stable name, shown in events (`gatehouse.bot.ua`). */
  readonly name: string;
  readonly kind: AutomationKind;
  /** Case-insensitive substring (or, when it starts with `^`, prefix) of the User-Agent. */
  readonly match: string;
}

/**
 * Known automation user agents, maintained here. Substring matches, case-insensitive. Scanners and
 * attack tools come first (they are the strongest signal), then headless browsers, HTTP
 * libraries and command-line tools, then crawlers. Sources: the tools' own default UA strings.
 */
export const AUTOMATION_AGENTS: readonly AutomationAgent[] = Object.freeze([
  // Attack tools and vulnerability scanners.
  { name: 'sqlmap', kind: 'scanner', match: 'sqlmap' },
  { name: 'nikto', kind: 'scanner', match: 'nikto' },
  { name: 'nmap', kind: 'scanner', match: 'nmap scripting engine' },
  { name: 'masscan', kind: 'scanner', match: 'masscan' },
  { name: 'zgrab', kind: 'scanner', match: 'zgrab' },
  { name: 'nuclei', kind: 'scanner', match: 'nuclei' },
  { name: 'wpscan', kind: 'scanner', match: 'wpscan' },
  { name: 'acunetix', kind: 'scanner', match: 'acunetix' },
  { name: 'nessus', kind: 'scanner', match: 'nessus' },
  { name: 'openvas', kind: 'scanner', match: 'openvas' },
  { name: 'dirbuster', kind: 'scanner', match: 'dirbuster' },
  { name: 'gobuster', kind: 'scanner', match: 'gobuster' },
  { name: 'ffuf', kind: 'scanner', match: 'fuzz faster u fool' },
  { name: 'wfuzz', kind: 'scanner', match: 'wfuzz' },
  { name: 'hydra', kind: 'scanner', match: 'hydra' },
  { name: 'burp', kind: 'scanner', match: 'burp' },
  { name: 'zap', kind: 'scanner', match: 'zaproxy' },
  { name: 'arachni', kind: 'scanner', match: 'arachni' },
  { name: 'w3af', kind: 'scanner', match: 'w3af' },
  // Headless and automated browsers.
  { name: 'headless-chrome', kind: 'headless', match: 'headlesschrome' },
  { name: 'phantomjs', kind: 'headless', match: 'phantomjs' },
  { name: 'puppeteer', kind: 'headless', match: 'puppeteer' },
  { name: 'playwright', kind: 'headless', match: 'playwright' },
  { name: 'selenium', kind: 'headless', match: 'selenium' },
  { name: 'webdriver', kind: 'headless', match: 'webdriver' },
  { name: 'electron', kind: 'headless', match: 'electron/' },
  { name: 'slimerjs', kind: 'headless', match: 'slimerjs' },
  // HTTP client libraries.
  { name: 'python-requests', kind: 'library', match: 'python-requests' },
  { name: 'python-urllib', kind: 'library', match: 'python-urllib' },
  { name: 'aiohttp', kind: 'library', match: 'aiohttp' },
  { name: 'httpx', kind: 'library', match: 'python-httpx' },
  { name: 'scrapy', kind: 'library', match: 'scrapy' },
  { name: 'mechanize', kind: 'library', match: 'mechanize' },
  { name: 'go-http-client', kind: 'library', match: 'go-http-client' },
  { name: 'okhttp', kind: 'library', match: 'okhttp' },
  { name: 'apache-httpclient', kind: 'library', match: 'apache-httpclient' },
  { name: 'java', kind: 'library', match: '^java/' },
  { name: 'libwww-perl', kind: 'library', match: 'libwww-perl' },
  { name: 'ruby', kind: 'library', match: '^ruby' },
  { name: 'php', kind: 'library', match: '^php' },
  { name: 'guzzle', kind: 'library', match: 'guzzlehttp' },
  { name: 'axios', kind: 'library', match: 'axios/' },
  { name: 'node-fetch', kind: 'library', match: 'node-fetch' },
  { name: 'undici', kind: 'library', match: '^undici' },
  { name: 'got', kind: 'library', match: 'got (https://github.com/sindresorhus/got)' },
  { name: 'reqwest', kind: 'library', match: 'reqwest' },
  { name: 'dart', kind: 'library', match: 'dart:io' },
  // Command-line tools.
  { name: 'curl', kind: 'tool', match: '^curl/' },
  { name: 'wget', kind: 'tool', match: '^wget/' },
  { name: 'httpie', kind: 'tool', match: 'httpie/' },
  { name: 'powershell', kind: 'tool', match: 'windowspowershell' },
  { name: 'postman', kind: 'tool', match: 'postmanruntime' },
  { name: 'insomnia', kind: 'tool', match: 'insomnia/' },
  // Crawlers (self-declared).
  { name: 'generic-bot', kind: 'crawler', match: 'bot/' },
  { name: 'generic-spider', kind: 'crawler', match: 'spider' },
  { name: 'generic-crawler', kind: 'crawler', match: 'crawler' },
]);

/** A compiled matcher for {@link AUTOMATION_AGENTS} plus extra entries. */
export interface AgentMatcher {
  /** The first matching entry, or the `empty` pseudo-entry for a missing/blank User-Agent. */
  match(userAgent: string | undefined): AutomationAgent | undefined;
}

const EMPTY: AutomationAgent = Object.freeze({ name: 'empty', kind: 'empty', match: '' });

/**
 * Compiles the built-in list (plus `extra`) into one matcher. Done once per config load.
 *
 * @example
 * const m = compileAgentMatcher([{ name: 'acme-scraper', kind: 'crawler', match: 'acme' }]);
 * m.match('curl/8.5.0')?.name; // 'curl'
 */
export function compileAgentMatcher(extra: readonly AutomationAgent[] = []): AgentMatcher {
  const all = [...extra, ...AUTOMATION_AGENTS];
  const prefixes = all
    .filter((a) => a.match.startsWith('^'))
    .map((a) => [a.match.slice(1).toLowerCase(), a] as const);
  const subs = all.filter((a) => !a.match.startsWith('^')).map((a) => [a.match.toLowerCase(), a] as const);
  return Object.freeze({
    match(userAgent: string | undefined): AutomationAgent | undefined {
      if (userAgent === undefined || userAgent.trim() === '') return EMPTY;
      const ua = userAgent.length > 512 ? userAgent.slice(0, 512).toLowerCase() : userAgent.toLowerCase();
      for (const [p, a] of prefixes) if (ua.startsWith(p)) return a;
      for (const [s, a] of subs) if (ua.includes(s)) return a;
      return undefined;
    },
  });
}

/** Which browser a User-Agent claims to be (for header-consistency checks). */
export function claimedBrowser(userAgent: string | undefined): 'chrome' | 'firefox' | 'safari' | undefined {
  if (userAgent === undefined || !userAgent.startsWith('Mozilla/5.0')) return undefined;
  if (userAgent.includes('Firefox/')) return 'firefox';
  if (userAgent.includes('Chrome/') || userAgent.includes('Chromium/')) return 'chrome';
  if (userAgent.includes('Safari/') && userAgent.includes('Version/')) return 'safari';
  return undefined;
}
