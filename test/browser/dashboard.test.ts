/**
 * The dashboard in a real browser (Debian's chromium through playwright-core).
 *
 * 1. "page": the dashboard handler on a node:http server beside a stand-in of the admin API
 *    contract (`/status`, `/events`, `/bans`, `DELETE /bans/{key}`, `/upstreams`, `/config`, `/audit`),
 *    to drive what the real gateway cannot produce on demand: hostile event text, a viewer token,
 *    a 403 on lift.
 * 2. "gateway": the real gateway started by the CLI with its admin listener and admin tokens, real
 *    traffic (served, 401 and 429), and the same page against the real admin API.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { handleDashboard } from '../../src/dashboard/index.ts';
import { TrafficStats } from '../../src/dashboard/stats.ts';
import { generateApiKey } from '../../src/identity/keys.ts';
import { type CliProcess, freePort, runCli } from '../helpers/cli.ts';
import { startUpstream, type TestUpstream } from '../helpers/gateway.ts';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const WAIT_MS = 15_000;

let browser: Browser;

before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
});
after(async () => {
  await browser?.close();
});

/** A page that records console errors and CSP violations. */
async function openPage(ctx: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/the server responded with a status of (401|403|404)/.test(m.text())) {
      problems.push(`console: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.exposeFunction('__reportCsp', (d: string) => problems.push(`csp: ${d}`));
  // Browser-side code as text: this file is type-checked without the DOM library.
  await page.addInitScript(
    "document.addEventListener('securitypolicyviolation', (e) => window.__reportCsp(e.violatedDirective + ' ' + e.blockedURI));",
  );
  return { page, problems };
}

async function signIn(page: Page, base: string, token: string): Promise<void> {
  const res = await page.goto(`${base}/dashboard`);
  assert.equal(res?.status(), 200, `GET ${base}/dashboard`);
  await page.fill('#token', token);
  await page.click('#login button[type=submit]');
  await page.locator('#app').waitFor({ state: 'visible', timeout: WAIT_MS });
}

/** Waits until the text of `selector` satisfies `test`. */
async function waitText(
  page: Page,
  selector: string,
  test: (t: string) => boolean,
  what: string,
): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  let last = '';
  while (Date.now() < deadline) {
    last = (await page.locator(selector).first().textContent()) ?? '';
    if (test(last)) return last;
    await page.waitForTimeout(200);
  }
  throw new Error(`timed out waiting for ${what} in ${selector}; last text: ${JSON.stringify(last)}`);
}

async function waitAria(page: Page, selector: string, re: RegExp): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  let last = '';
  while (Date.now() < deadline) {
    last = (await page.locator(selector).getAttribute('aria-label')) ?? '';
    if (re.test(last)) return last;
    await page.waitForTimeout(200);
  }
  throw new Error(`timed out waiting for ${re} in ${selector} aria-label; last: ${JSON.stringify(last)}`);
}

function num(text: string): number {
  return Number(text.replaceAll(',', ''));
}

// ---------------------------------------------------------------------------------------------
// 1. The page against the handler and a stand-in of the admin API contract.
// ---------------------------------------------------------------------------------------------

describe('dashboard page (handler + admin API contract stand-in)', () => {
  const OPERATOR = 'operator-token-0123456789abcdef';
  const VIEWER = 'viewer-token-0123456789abcdef';
  const ROLELESS = 'roleless-token-0123456789abcdef';
  const HOSTILE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  const stats = new TrafficStats();
  let server: Server;
  let base: string;
  const bans = new Map<string, Record<string, unknown>>();
  const deleted: string[] = [];

  const events = [
    {
      id: 'e1',
      time: new Date().toISOString(),
      type: 'authentication_failure',
      category: 'authentication',
      reason: 'missing',
      severity: 'medium',
      client_ip: '198.51.100.7',
      route: 'api',
      request_id: 'req-1',
      details: {},
    },
    {
      id: 'e2',
      time: new Date().toISOString(),
      type: 'waf_block',
      category: 'waf',
      reason: HOSTILE,
      severity: 'high',
      client_ip: '203.0.113.66',
      consumer: HOSTILE,
      route: '/x"><svg onload=alert(1)>',
      request_id: 'req-2',
      details: { matched: HOSTILE },
    },
    {
      id: 'e3',
      time: new Date().toISOString(),
      type: 'anomaly_detected',
      category: 'anomaly',
      reason: 'error_rate_spike',
      severity: 'high',
      client_ip: '192.0.2.44',
      route: 'api',
      request_id: 'req-3',
      details: {},
    },
  ];

  function role(req: IncomingMessage): 'operator' | 'viewer' | 'unknown' | undefined {
    const h = req.headers.authorization;
    if (h === `Bearer ${OPERATOR}`) return 'operator';
    if (h === `Bearer ${VIEWER}`) return 'viewer';
    if (h === `Bearer ${ROLELESS}`) return 'unknown';
    return undefined;
  }

  function json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  }

  function adminApi(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const who = role(req);
    if (who === undefined) {
      res.writeHead(401, { 'content-type': 'application/problem+json', 'www-authenticate': 'Bearer' });
      res.end('{"status":401,"title":"Authentication required"}');
      return;
    }
    if (req.method === 'DELETE' && url.pathname.startsWith('/bans/')) {
      const key = decodeURIComponent(url.pathname.slice(6));
      if (who !== 'operator') {
        res.writeHead(403, { 'content-type': 'application/problem+json' });
        res.end('{"status":403,"title":"Forbidden","detail":"Lifting a ban needs the operator role."}');
        return;
      }
      deleted.push(key);
      bans.delete(key);
      res.writeHead(204);
      res.end();
      return;
    }
    switch (url.pathname) {
      case '/status':
        return json(res, 200, {
          data:
            who === 'unknown'
              ? { generation: 1 }
              : { generation: 1, principal: { id: `${who}-1`, role: who } },
          next: null,
        });
      case '/events': {
        const cat = url.searchParams.get('category');
        const type = url.searchParams.get('type');
        const data = events.filter((e) => (!cat || e.category === cat) && (!type || e.type === type));
        return json(res, 200, { data, next: null });
      }
      case '/bans':
        return json(res, 200, { data: [...bans.values()], next: null });
      case '/upstreams':
        return json(res, 200, {
          data: [{ name: 'backend', targets: [{ url: 'http://127.0.0.1:1', state: 'healthy' }] }],
          next: null,
        });
      case '/config':
        return json(res, 200, {
          data: { listeners: [{ name: 'main' }], admin: { tokens: '[REDACTED]' } },
          next: null,
        });
      case '/audit':
        return json(res, 200, {
          data: [
            {
              seq: 1,
              time: new Date().toISOString(),
              actor: 'ops',
              action: 'config.reload',
              target: 'config',
              outcome: 'success',
              prev: '0',
              hash: 'h1',
            },
          ],
          next: null,
        });
      default:
        res.writeHead(404);
        res.end();
    }
  }

  before(async () => {
    for (const key of ['ip:203.0.113.66', 'consumer:mallory']) {
      bans.set(key, { key, reason: 'brute_force', until: new Date(Date.now() + 600_000).toISOString() });
    }
    // Traffic: 30 served, 5 refused by auth, 4 rate-limited, with latencies 1..30 ms.
    for (let i = 0; i < 30; i++) {
      stats.record({
        route: 'api',
        consumer: 'alice',
        clientIp: '192.0.2.10',
        status: 200,
        durationMs: i + 1,
        bytesIn: 0,
        bytesOut: 50,
      });
    }
    for (let i = 0; i < 5; i++) {
      stats.record({
        route: 'api',
        clientIp: '198.51.100.7',
        status: 401,
        durationMs: 1,
        bytesIn: 0,
        bytesOut: 80,
        blockReason: 'auth',
      });
    }
    for (let i = 0; i < 4; i++) {
      stats.record({
        route: 'api',
        consumer: 'bob',
        clientIp: '192.0.2.11',
        status: 429,
        durationMs: 1,
        bytesIn: 0,
        bytesOut: 80,
        blockReason: 'rate_limit',
      });
    }
    server = createServer((req, res) => {
      if (
        handleDashboard(req, res, {
          stats,
          authorize: (r, need) => {
            const who = role(r);
            return who !== undefined && (need === 'viewer' || who === 'operator');
          },
        })
      ) {
        return;
      }
      adminApi(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server?.closeAllConnections();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  test('a wrong token is refused on the login form and nothing is stored', async () => {
    const ctx = await browser.newContext();
    try {
      const { page, problems } = await openPage(ctx);
      await page.goto(`${base}/dashboard`);
      await page.fill('#token', 'not-the-token-at-all');
      await page.click('#login button[type=submit]');
      await waitText(page, '#login-error', (t) => /401/.test(t), 'the sign-in error');
      assert.equal(await page.locator('#app').isHidden(), true);
      assert.equal(await page.evaluate(() => sessionStorage.length), 0);
      assert.deepEqual(problems, []);
    } finally {
      await ctx.close();
    }
  });

  test('operator: counters, charts, reasons, top-N, events (escaped), anomalies, config, audit, lift a ban', async () => {
    const ctx = await browser.newContext();
    try {
      const { page, problems } = await openPage(ctx);
      await signIn(page, base, OPERATOR);
      // The token lives in sessionStorage only, never in the URL, localStorage or a cookie.
      assert.equal(await page.evaluate(() => sessionStorage.getItem('gatehouse.admin.token')), OPERATOR);
      assert.equal(await page.evaluate(() => localStorage.length), 0);
      assert.deepEqual(await ctx.cookies(), []);
      assert.ok(!page.url().includes(OPERATOR));

      await waitText(page, '#k-requests', (t) => num(t) === 39, 'the window request count');
      assert.equal(num((await page.textContent('#k-blocked')) ?? ''), 9);
      assert.match((await page.textContent('#k-latency')) ?? '', /^[\d.]+ \/ [\d.]+ \/ [\d.]+$/);
      // The traffic was recorded in the current second: it reaches the charts once that second is complete.
      await waitAria(page, '#chart-rps', /requests peak 39 total 39; blocked peak 9 total 9/);
      await waitAria(page, '#chart-status', /2xx peak 30 total 30;.*4xx peak 9 total 9/);
      await waitAria(page, '#chart-latency', /p50 peak [\d.]+/);
      assert.equal(await page.locator('#chart-rps canvas').count(), 1, 'uPlot drew a canvas');

      const reasons = await page.locator('#t-reasons tr').allTextContents();
      assert.deepEqual(reasons, ['auth5', 'rate_limit4']);
      assert.deepEqual(await page.locator('#t-consumers tr td:first-child').allTextContents(), [
        'alice',
        'bob',
      ]);
      assert.equal(await page.locator('#t-ips tr td:first-child').first().textContent(), '192.0.2.10');
      assert.deepEqual(await page.locator('#t-routes tr td:first-child').allTextContents(), ['api']);

      // Events: hostile strings are shown as text, never parsed as HTML.
      await waitText(
        page,
        '#t-events',
        (t) => t.includes('authentication_failure'),
        'the auth failure event',
      );
      await waitText(page, '#t-events', (t) => t.includes(HOSTILE), 'the hostile text, verbatim');
      assert.equal(await page.locator('#t-events img, #t-events script, #t-events svg').count(), 0);
      assert.equal(await page.evaluate('window.__xss'), undefined);
      // Filters: category on the server, free text in the page.
      await page.fill('#f-category', 'waf');
      await page.press('#f-category', 'Enter');
      await waitText(page, '#t-events', (t) => !t.includes('authentication_failure'), 'the category filter');
      await page.fill('#f-category', '');
      await page.press('#f-category', 'Enter');
      await page.fill('#f-text', '198.51.100.7');
      await waitText(
        page,
        '#t-events',
        (t) => t.includes('authentication_failure') && !t.includes('waf_block'),
        'the text filter',
      );

      await waitText(page, '#t-anomalies', (t) => t.includes('error_rate_spike'), 'the anomaly');
      assert.doesNotMatch((await page.textContent('#t-anomalies')) ?? '', /authentication_failure/);
      await waitText(page, '#t-upstreams', (t) => t.includes('healthy'), 'upstream health');
      await waitText(page, '#config', (t) => t.includes('[REDACTED]'), 'the redacted config');
      await waitText(page, '#t-audit', (t) => t.includes('config.reload'), 'the audit entry');
      await waitText(page, '#who', (t) => t.includes('operator'), 'the role');

      // Lift a ban.
      const lift = page.locator('#t-bans button[data-key="ip:203.0.113.66"]');
      await lift.waitFor({ timeout: WAIT_MS });
      assert.equal(await lift.isEnabled(), true);
      await lift.click();
      await waitText(
        page,
        '#t-bans',
        (t) => !t.includes('ip:203.0.113.66') && t.includes('consumer:mallory'),
        'the lifted ban gone',
      );
      assert.deepEqual(deleted, ['ip:203.0.113.66']);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-page.png'), fullPage: true });
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    } finally {
      await ctx.close();
    }
  });

  test('viewer: Lift is disabled; a token whose role is unknown gets the 403 shown as an error', async () => {
    const ctx = await browser.newContext();
    try {
      const { page } = await openPage(ctx);
      await signIn(page, base, VIEWER);
      const lift = page.locator('#t-bans button[data-key="consumer:mallory"]');
      await lift.waitFor({ timeout: WAIT_MS });
      await waitText(page, '#who', (t) => t.includes('viewer'), 'the role');
      assert.equal(await lift.isDisabled(), true);

      await page.click('#logout');
      await page.locator('#login-view').waitFor({ state: 'visible' });
      assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'sign-out forgets the token');

      await signIn(page, base, ROLELESS);
      const lift2 = page.locator('#t-bans button[data-key="consumer:mallory"]');
      await lift2.waitFor({ timeout: WAIT_MS });
      await lift2.click();
      const msg = await waitText(page, '[data-error="bans"]', (t) => t.length > 0, 'the 403 message');
      assert.match(msg, /403/);
      assert.match(msg, /operator role/);
      assert.ok(bans.has('consumer:mallory'), 'the ban is still there');
    } finally {
      await ctx.close();
    }
  });

  test('a token revoked mid-session sends the page back to the login form', async () => {
    const ctx = await browser.newContext();
    try {
      const { page } = await openPage(ctx);
      await signIn(page, base, OPERATOR);
      await page.evaluate(() => sessionStorage.setItem('gatehouse.admin.token', 'revoked-token-000000000'));
      await page.reload();
      await waitText(page, '#login-error', (t) => /401/.test(t), 'the sign-in prompt');
      assert.equal(await page.locator('#app').isHidden(), true);
      assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    } finally {
      await ctx.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 2. The real gateway (CLI), its admin listener and real traffic.
// ---------------------------------------------------------------------------------------------

describe('dashboard on the real gateway', () => {
  const OPERATOR = 'gateway-operator-token-0123456789';
  const VIEWER = 'gateway-viewer-token-0123456789ab';
  const alice = generateApiKey();
  const bob = generateApiKey();
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-dashboard-'));
  let up: TestUpstream;
  let cli: CliProcess;
  let gateway: string;
  let admin: string;

  before(async () => {
    up = await startUpstream();
    const port = await freePort();
    const adminPort = await freePort();
    const file = join(dir, 'gatehouse.yaml');
    writeFileSync(
      file,
      `gatehouse: 1
workers: 1
admin:
  enabled: true
  host: 127.0.0.1
  port: ${adminPort}
  state_dir: "${join(dir, 'admin')}"
  tokens:
    - { id: ops, role: operator, token: "${OPERATOR}" }
    - { id: watcher, role: viewer, token: "${VIEWER}" }
logging: { level: info, access_log: true }
listeners:
  - { name: main, host: 127.0.0.1, port: ${port} }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: api
    paths: ["/api/*"]
    upstream: backend
    policies:
      key-auth: {}
      rate-limit:
        key: header:x-client
        limits: [{ limit: 3, period: 1m }]
        ban: { after_violations: 2, within_s: 60, base_s: 600 }
consumers:
  - id: alice
    api_keys: [{ id: alice-1, hash: "${alice.hash}" }]
  - id: bob
    api_keys: [{ id: bob-1, hash: "${bob.hash}" }]
`,
    );
    cli = runCli(['start', '--config', file]);
    await cli.waitFor((out) => /is running/.test(out), 20_000, 'the gateway to start');
    gateway = `http://127.0.0.1:${port}`;
    admin = `http://127.0.0.1:${adminPort}`;
  });
  after(async () => {
    cli?.kill('SIGTERM');
    await cli?.exitWithin(10_000).catch(() => undefined);
    await up?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Fails with the name of the admin endpoint the runtime does not wire yet. */
  async function assertWired(): Promise<void> {
    for (const p of [
      '/dashboard',
      '/stats',
      '/status',
      '/events',
      '/bans',
      '/upstreams',
      '/config',
      '/audit',
    ]) {
      const r = await fetch(`${admin}${p}`, { headers: { authorization: `Bearer ${OPERATOR}` } });
      const body = await r.text();
      assert.equal(r.status, 200, `admin GET ${p} answered ${r.status} ${body.slice(0, 200)}`);
    }
  }

  async function send(headers: Record<string, string>): Promise<number> {
    const res = await fetch(`${gateway}/api/orders`, { headers });
    await res.arrayBuffer();
    return res.status;
  }

  test('traffic, 401 events and a rate-limit ban show up; the operator lifts the ban', async () => {
    const statuses: number[] = [];
    // 3 served for alice; 5 without a key (401); bob as "mallory": 3 served, then refused and banned.
    for (let i = 0; i < 3; i++) statuses.push(await send({ 'x-api-key': alice.key, 'x-client': 'alice' }));
    for (let i = 0; i < 5; i++) statuses.push(await send({ 'x-client': 'anon' }));
    for (let i = 0; i < 8; i++) statuses.push(await send({ 'x-api-key': bob.key, 'x-client': 'mallory' }));
    assert.deepEqual(statuses.slice(0, 8), [200, 200, 200, 401, 401, 401, 401, 401]);
    assert.deepEqual(statuses.slice(8, 11), [200, 200, 200]);
    assert.ok(
      statuses.slice(11).every((s) => s === 429),
      `mallory refused: ${statuses.slice(11).join(',')}`,
    );
    const total = statuses.length;
    await assertWired();

    const ctx = await browser.newContext();
    try {
      const { page, problems } = await openPage(ctx);
      await signIn(page, admin, OPERATOR);
      await waitText(page, '#k-requests', (t) => num(t) === total, `${total} requests in the window`);
      assert.equal(num((await page.textContent('#k-blocked')) ?? ''), 10);
      await waitAria(page, '#chart-rps', new RegExp(`requests peak \\d+ total ${total};`));
      await waitAria(page, '#chart-status', /2xx peak \d+ total 6;.*4xx peak \d+ total 10/);
      const reasons = await page.locator('#t-reasons tr').allTextContents();
      assert.ok(reasons.includes('auth5'), `blocks by reason: ${reasons.join(' | ')}`);
      // mallory: the first refusal is a plain limit, the second places the ban, the rest meet the ban.
      assert.ok(
        reasons.includes('rate_limit1') && reasons.includes('ban4'),
        `blocks by reason: ${reasons.join(' | ')}`,
      );
      assert.deepEqual(await page.locator('#t-consumers tr td:first-child').allTextContents(), [
        'bob',
        'alice',
      ]);
      assert.deepEqual(await page.locator('#t-routes tr td:first-child').allTextContents(), ['api']);

      await waitText(
        page,
        '#t-events',
        (t) => /authentication/.test(t),
        'the auth failures in the event feed',
      );
      await waitText(
        page,
        '#config',
        (t) => t.includes('"listeners"') && !t.includes(OPERATOR),
        'the redacted config',
      );

      // The ban the rate limit placed on mallory: listed, then lifted by the operator.
      const lift = page.locator('#t-bans button[data-key]');
      await lift.first().waitFor({ timeout: WAIT_MS });
      const key = await lift.first().getAttribute('data-key');
      assert.ok(key, 'a ban with a key');
      await lift.first().click();
      await waitText(page, '[data-error="bans"]', (t) => t === '', 'no lift error');
      // A locator, not waitForFunction: a string predicate is eval'd in the page, which its CSP forbids.
      await page
        .locator(`#t-bans button[data-key=${JSON.stringify(key)}]`)
        .waitFor({ state: 'detached', timeout: WAIT_MS });
      await waitText(page, '#t-audit', (t) => t.includes('ban.lift'), 'the lift in the audit log');

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
      assert.deepEqual(problems, [], 'no console errors or CSP violations');

      // A viewer sees the bans but cannot lift: the API refuses with 403, shown in the panel.
      const res = await fetch(`${admin}/bans/${encodeURIComponent(key)}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${VIEWER}` },
      });
      assert.equal(res.status, 403);
    } finally {
      await ctx.close();
    }
  });
});
