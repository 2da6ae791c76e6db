import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { DASHBOARD_CSP, handleDashboard } from './index.ts';
import { type StatsSnapshot, TrafficStats } from './stats.ts';

const TOKEN = 'dashboard-test-token-0123456789';
let server: Server;
let base: string;
const stats = new TrafficStats();
const seenRoles: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    const handled = handleDashboard(req, res, {
      stats,
      authorize: (r: IncomingMessage, role) => {
        seenRoles.push(role);
        if (r.headers.authorization === 'Bearer forbidden-token') {
          res.writeHead(403, { 'content-type': 'application/problem+json' });
          res.end('{"status":403}');
          return false;
        }
        return Promise.resolve(r.headers.authorization === `Bearer ${TOKEN}`);
      },
    });
    if (!handled) {
      res.writeHead(404);
      res.end('not mine');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

function rawExchange(payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = connect((server.address() as AddressInfo).port, '127.0.0.1', () => sock.end(payload));
    let out = '';
    sock.setEncoding('latin1');
    sock.on('data', (d: string) => {
      out += d;
    });
    sock.on('close', () => resolve(out));
    sock.on('error', reject);
    sock.setTimeout(2000, () => sock.destroy());
  });
}

function assertSecurityHeaders(res: Response) {
  assert.equal(res.headers.get('content-security-policy'), DASHBOARD_CSP);
  assert.match(DASHBOARD_CSP, /script-src 'self';/);
  assert.doesNotMatch(DASHBOARD_CSP, /unsafe-inline|unsafe-eval/);
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
}

describe('dashboard assets', () => {
  test('the page: HTML with external scripts only (no inline script or handlers)', async () => {
    const res = await fetch(`${base}/dashboard`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assertSecurityHeaders(res);
    const html = await res.text();
    assert.match(html, /<script src="\/dashboard\/app\.js" defer><\/script>/);
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      assert.match(m[1]!, /src="/, 'every script is external');
      assert.equal(m[2], '', 'no inline script body');
    }
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /style=/i, 'no inline style');
  });

  test('app.js, app.css and uPlot (from node_modules) with their types', async () => {
    const want: Array<[string, RegExp]> = [
      ['/dashboard/app.js', /^text\/javascript/],
      ['/dashboard/app.css', /^text\/css/],
      ['/dashboard/uplot.js', /^text\/javascript/],
      ['/dashboard/uplot.css', /^text\/css/],
    ];
    for (const [path, type] of want) {
      const res = await fetch(`${base}${path}`);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', type);
      assertSecurityHeaders(res);
      assert.ok((await res.text()).length > 100);
    }
    const uplot = await (await fetch(`${base}/dashboard/uplot.js`)).text();
    const onDisk = readFileSync(
      new URL('../../node_modules/uplot/dist/uPlot.iife.min.js', import.meta.url),
      'utf8',
    );
    assert.equal(uplot, onDisk);
  });

  test('app.js never writes HTML from data', () => {
    const js = readFileSync(new URL('./assets/app.js', import.meta.url), 'utf8');
    assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });

  test('HEAD, other methods, bodies and foreign paths', async () => {
    const head = await fetch(`${base}/dashboard/app.css`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    const post = await fetch(`${base}/dashboard`, { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    const raw = await rawExchange('GET /dashboard HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc');
    assert.match(raw, /^HTTP\/1\.1 413 /);
    assert.match(raw, /connection: close/i);
    for (const p of ['/dashboard/../etc/passwd', '/dashboard/index.html', '/dashboardx', '/statsx', '/']) {
      const res = await fetch(`${base}${p}`);
      assert.equal(res.status, 404, p);
      assert.equal(await res.text(), 'not mine', `${p} is left to the caller`);
    }
  });
});

describe('GET /stats', () => {
  test('requires the viewer role: 401 without or with a wrong token', async () => {
    seenRoles.length = 0;
    for (const auth of [undefined, 'Bearer nope', `Basic ${TOKEN}`]) {
      const res = await fetch(`${base}/stats`, { headers: auth ? { authorization: auth } : {} });
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="gatehouse-admin"');
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.doesNotMatch(await res.text(), /requests/);
    }
    assert.deepEqual(seenRoles, ['viewer', 'viewer', 'viewer']);
  });

  test('an answer written by authorize itself is left alone', async () => {
    const res = await fetch(`${base}/stats`, { headers: { authorization: 'Bearer forbidden-token' } });
    assert.equal(res.status, 403);
    assert.equal(await res.text(), '{"status":403}');
  });

  test('the snapshot as {data, next}, no-store; since limits the series', async () => {
    stats.record({
      route: 'r',
      clientIp: '192.0.2.1',
      status: 401,
      durationMs: 1,
      bytesIn: 0,
      bytesOut: 9,
      blockReason: 'auth',
    });
    const res = await fetch(`${base}/stats`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assertSecurityHeaders(res);
    const body = (await res.json()) as { next: null; data: StatsSnapshot };
    assert.equal(body.next, null);
    assert.equal(body.data.window.requests, 1);
    assert.deepEqual(body.data.window.blocks_by_reason, [{ reason: 'auth', count: 1 }]);
    assert.equal(body.data.series.t.length, 599);
    const since = body.data.now - 3;
    const inc = (await (
      await fetch(`${base}/stats?since=${since}`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as { data: StatsSnapshot };
    assert.ok(inc.data.series.t.length <= 3 && inc.data.series.t.length >= 2);
    const alias = await fetch(`${base}/dashboard/stats`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(alias.status, 200, '/dashboard/stats is the same resource');
    assert.equal(((await alias.json()) as { data: StatsSnapshot }).data.window.requests, 1);
    assert.equal((await fetch(`${base}/dashboard/stats`)).status, 401, 'and needs the token too');
    for (const bad of ['-1', 'abc', '1e9', '9999999999999']) {
      const r = await fetch(`${base}/stats?since=${bad}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(r.status, 400, bad);
    }
  });
});
