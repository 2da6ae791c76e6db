/**
 * The admin API against a real gateway (in process) and a recording upstream: the auth matrix
 * (no token, unknown, revoked, viewer, operator, admin, non-allowlisted address), config
 * validate/apply/rollback with the old config serving after a bad apply, consumers, key
 * create/rotate/revoke through key-auth, the audit chain, and the CLI client functions.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { hashAdminToken } from '../../src/admin/auth.ts';
import {
  fileConfigControl,
  gatewayConfigControl,
  gatewayUpstreams,
} from '../../src/admin/gateway-control.ts';
import { type AdminServer, createAdminServer } from '../../src/admin/server.ts';
import { verifyAuditLog } from '../../src/audit/log.ts';
import { adminKeysCommand, configCommand, statusCommand } from '../../src/cli/admin-client.ts';
import { auditCommand } from '../../src/cli/audit.ts';
import { TrafficStats } from '../../src/dashboard/stats.ts';
import {
  type EmbeddedCredentialStore,
  openEmbeddedCredentialStore,
} from '../../src/identity/credentials/index.ts';
import { generateApiKey } from '../../src/identity/keys.ts';
import { createLogger } from '../../src/telemetry/logger.ts';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-admin-it-'));
const dbPath = join(dir, 'credentials.db');
const stateDir = join(dir, 'admin-state');
const tokenFile = join(dir, 'ops-token');

const TOK = {
  viewer: 'viewer-token-0123456789abcdef',
  operator: 'operator-token-0123456789abcdef',
  admin: 'admin-token-0123456789abcdef',
  fromFile: 'file-admin-token-0123456789abcdef',
  doomed: 'doomed-admin-token-0123456789abcdef',
};
writeFileSync(tokenFile, `${TOK.fromFile}\n`);
const alice = generateApiKey();

function config(upstreamUrl: string, extraRoute = ''): string {
  return `gatehouse: 1
workers: 1
admin:
  tokens:
    - { id: view, role: viewer, hash: "${hashAdminToken(TOK.viewer)}" }
    - { id: ops, role: operator, hash: "${hashAdminToken(TOK.operator)}" }
    - { id: root, role: admin, hash: "${hashAdminToken(TOK.admin)}" }
    - { id: filed, role: admin, token: "file:${tokenFile}" }
    - { id: doomed, role: admin, hash: "${hashAdminToken(TOK.doomed)}" }
  allow: ["127.0.0.0/8", "::1"]
  state_dir: "${stateDir}"
  history: 5
  # This suite sends wrong tokens to every endpoint on purpose; the lockout has its own tests.
  lockout_failures: 0
logging: { level: info, access_log: false }
credentials: { store: embedded, path: "${dbPath}" }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${upstreamUrl}" }]
routes:${extraRoute}
  - name: api
    paths: ["/api/*"]
    upstream: backend
    policies:
      key-auth: {}
consumers:
  - id: alice
    groups: [staff]
    api_keys:
      - { id: alice-1, hash: "${alice.hash}" }
`;
}

interface Res {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers, asserted field by field
  body: any;
}

let gw: TestGateway;
let upstream: TestUpstream;
let admin: AdminServer;
let adminUrl = '';
let store: EmbeddedCredentialStore;
const bans = new Map<string, { key: string; until: string }>([
  ['ip:203.0.113.9', { key: 'ip:203.0.113.9', until: '2030-01-01T00:00:00Z' }],
]);

async function api(
  method: string,
  path: string,
  opts: { token?: string; body?: string; json?: unknown; base?: string } = {},
): Promise<Res> {
  const headers: Record<string, string> = {};
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  let body = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${opts.base ?? adminUrl}${path}`, {
    method,
    headers,
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? null : JSON.parse(text) };
}

async function viaGateway(path: string, key?: string): Promise<number> {
  const res = await fetch(`${gw.url}${path}`, {
    headers: key === undefined ? {} : { 'x-api-key': key },
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  return res.status;
}

function cliIo(token: string) {
  const io = { outText: '', errText: '' };
  return {
    io,
    cli: {
      out: (s: string) => {
        io.outText += s;
      },
      err: (s: string) => {
        io.errText += s;
      },
      env: { GATEHOUSE_ADMIN_TOKEN: token },
    },
  };
}

before(async () => {
  upstream = await startUpstream();
  gw = await startGateway(config(upstream.url));
  store = openEmbeddedCredentialStore({ path: dbPath });
  admin = createAdminServer({
    port: 0,
    logger: createLogger({ level: 'silent' }),
    metrics: () => gw.metrics.exposition(),
    ready: () => true,
    status: () => ({ generation: gw.gw.generation }),
    config: gatewayConfigControl(gw.gw, { path: gw.configPath, env: {} }),
    credentials: store,
    upstreams: gatewayUpstreams(gw.gw),
    recentEvents: (f) => [{ 'event.action': 'auth.failed', type: f.type ?? 'all', limit: f.limit }],
    bans: {
      list: async () => [...bans.values()],
      lift: async (k) => bans.delete(k),
    },
    quotas: { list: async (f) => [{ key: 'q1', consumer: f.consumer ?? 'alice', used: 3, limit: 10 }] },
    shadowApis: () => [{ path: '/api/v0/legacy', hits: 4 }],
    dashboard: { stats: new TrafficStats() },
    printToken: () => assert.fail('no token may be generated when tokens are configured'),
  });
  const { port } = await admin.listen();
  adminUrl = `http://127.0.0.1:${port}`;
});

after(async () => {
  await admin?.close();
  await store?.close();
  await gw?.close();
  await upstream?.close();
});

/** Every endpoint once, with the least role it needs. */
const ENDPOINTS: Array<{
  method: string;
  path: string;
  role: 'viewer' | 'operator' | 'admin';
  body?: string;
}> = [
  { method: 'GET', path: '/status', role: 'viewer' },
  { method: 'GET', path: '/config', role: 'viewer' },
  { method: 'GET', path: '/config/history', role: 'viewer' },
  { method: 'GET', path: '/consumers', role: 'viewer' },
  { method: 'GET', path: '/consumers/alice', role: 'viewer' },
  { method: 'GET', path: '/upstreams', role: 'viewer' },
  { method: 'GET', path: '/events', role: 'viewer' },
  { method: 'GET', path: '/bans', role: 'viewer' },
  { method: 'GET', path: '/quotas', role: 'viewer' },
  { method: 'GET', path: '/shadow-apis', role: 'viewer' },
  { method: 'GET', path: '/audit', role: 'viewer' },
  { method: 'DELETE', path: '/bans/nope', role: 'operator' },
  { method: 'POST', path: '/consumers/nobody/keys', role: 'operator', body: '{}' },
  { method: 'POST', path: '/keys/nope/rotate', role: 'operator', body: '{}' },
  { method: 'DELETE', path: '/keys/nope', role: 'operator' },
  { method: 'POST', path: '/config/validate', role: 'admin', body: 'gatehouse: 2\n' },
  { method: 'POST', path: '/config', role: 'admin', body: 'gatehouse: 2\n' },
  { method: 'POST', path: '/config/rollback', role: 'admin', body: '{"version": 999}' },
  { method: 'PUT', path: '/consumers/nobody', role: 'admin', body: '{"bad": 1}' },
  { method: 'DELETE', path: '/consumers/nobody', role: 'admin' },
  { method: 'GET', path: '/tokens', role: 'admin' },
  { method: 'DELETE', path: '/tokens/nope', role: 'admin' },
];

describe('admin API: authentication and roles', () => {
  test('probes stay open; metrics behaves as before (open by default)', async () => {
    assert.equal((await api('GET', '/healthz')).status, 200);
    assert.equal((await api('GET', '/readyz')).status, 200);
    const m = await fetch(`${adminUrl}/metrics`);
    await m.text();
    assert.equal(m.status, 200);
  });

  test('every endpoint: 401 without a token or with an unknown one, never reaching the action', async () => {
    for (const e of ENDPOINTS) {
      for (const token of [undefined, 'not-a-configured-token-at-all', `${TOK.admin}x`]) {
        const r = await api(e.method, e.path, { token, body: e.body });
        assert.equal(r.status, 401, `${e.method} ${e.path} token=${String(token)}`);
        assert.match(r.headers.get('www-authenticate') ?? '', /^Bearer realm=/);
        assert.equal(r.headers.get('content-type'), 'application/problem+json');
        assert.match(r.body.instance, /^urn:gatehouse:request:/);
      }
    }
    // A malformed Authorization header is the same 401.
    const raw = await fetch(`${adminUrl}/status`, { headers: { authorization: `Basic ${btoa('a:b')}` } });
    await raw.text();
    assert.equal(raw.status, 401);
    assert.equal(bans.size, 1, 'no ban was lifted by an unauthenticated call');
  });

  test('every endpoint: each role gets exactly what it may do (403 otherwise)', async () => {
    const roles = { viewer: TOK.viewer, operator: TOK.operator, admin: TOK.admin } as const;
    const rank = { viewer: 0, operator: 1, admin: 2 } as const;
    for (const [role, token] of Object.entries(roles) as Array<[keyof typeof roles, string]>) {
      for (const e of ENDPOINTS) {
        const r = await api(e.method, e.path, { token, body: e.body });
        if (rank[role] >= rank[e.role]) {
          assert.notEqual(r.status, 401, `${role} ${e.method} ${e.path}`);
          assert.notEqual(r.status, 403, `${role} ${e.method} ${e.path}`);
          assert.ok(r.status < 500, `${role} ${e.method} ${e.path}: ${r.status}`);
        } else {
          assert.equal(r.status, 403, `${role} ${e.method} ${e.path}`);
          assert.equal(r.body.code, 'GW_FORBIDDEN');
        }
      }
    }
    // A token from a file: secret works like a hashed one.
    assert.equal((await api('GET', '/tokens', { token: TOK.fromFile })).status, 200);
  });

  test('an admin can revoke a token; the revoked token gets 401 everywhere', async () => {
    assert.equal((await api('GET', '/status', { token: TOK.doomed })).status, 200);
    assert.equal((await api('DELETE', '/tokens/doomed', { token: TOK.operator })).status, 403);
    assert.equal((await api('DELETE', '/tokens/doomed', { token: TOK.admin })).status, 204);
    for (const e of ENDPOINTS) {
      assert.equal((await api(e.method, e.path, { token: TOK.doomed, body: e.body })).status, 401, e.path);
    }
    const list = await api('GET', '/tokens', { token: TOK.admin });
    assert.ok(list.body.data.some((t: { id: string; revoked: boolean }) => t.id === 'doomed' && t.revoked));
    assert.equal(JSON.stringify(list.body).includes('sha256'), false, 'no token digest is shown');
  });

  test('a caller outside the allowlist gets 403 before authentication', async () => {
    const other = createAdminServer({
      port: 0,
      logger: createLogger({ level: 'silent' }),
      metrics: async () => ({ contentType: 'text/plain', body: '' }),
      ready: () => true,
      access: {
        tokens: [{ id: 'root', role: 'admin', hash: hashAdminToken(TOK.admin) }],
        allow: ['10.0.0.0/8'],
      },
      bans: { list: async () => [...bans.values()], lift: async (k) => bans.delete(k) },
    });
    const { port } = await other.listen();
    try {
      const base = `http://127.0.0.1:${port}`;
      for (const e of [...ENDPOINTS, { method: 'DELETE', path: '/bans/ip:203.0.113.9' }]) {
        const r = await api(e.method, e.path, {
          token: TOK.admin,
          base,
          body: (e as { body?: string }).body,
        });
        assert.equal(r.status, 403, e.path);
        assert.equal(r.body.code, 'GW_IP_DENIED');
      }
      assert.equal(bans.size, 1);
      assert.equal((await api('GET', '/healthz', { base })).status, 200);
    } finally {
      await other.close();
    }
  });

  test('the dashboard page is public; its /stats needs a token from an allowed address', async () => {
    const page = await fetch(`${adminUrl}/dashboard`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<html/i);
    assert.equal((await api('GET', '/stats')).status, 401);
    assert.equal((await api('GET', '/stats', { token: 'wrong-token-0123456789' })).status, 401);
    const ok = await api('GET', '/stats', { token: TOK.viewer });
    assert.equal(ok.status, 200);
    assert.ok(ok.body.data !== undefined);
  });

  test('unknown paths 404, wrong methods 405 with Allow, problem bodies with a request id', async () => {
    const r = await api('GET', '/nope', { token: TOK.admin });
    assert.equal(r.status, 404);
    assert.equal(r.body.code, 'GW_NOT_FOUND');
    const m = await api('PATCH', '/consumers/alice', { token: TOK.admin });
    assert.equal(m.status, 405);
    assert.equal(m.headers.get('allow'), 'GET, HEAD, PUT, DELETE');
    const c = await api('DELETE', '/config', { token: TOK.admin });
    assert.equal(c.status, 405);
    assert.equal(c.headers.get('allow'), 'GET, HEAD, POST');
    assert.match(c.body.instance, /^urn:gatehouse:request:[0-9a-f-]{36}$/);
  });
});

describe('admin API: resources', () => {
  test('GET /config is redacted; GET /status, /upstreams, /events, /quotas, /shadow-apis answer', async () => {
    const r = await api('GET', '/config', { token: TOK.viewer });
    assert.equal(r.status, 200);
    const text = JSON.stringify(r.body);
    assert.equal(text.includes(TOK.fromFile), false, 'a file: secret never appears');
    assert.equal(text.includes(hashAdminToken(TOK.admin)), false, 'token digests are redacted');
    assert.equal(r.body.config.admin.tokens[3].token, '[REDACTED]');
    assert.equal(r.body.digest, gw.gw.digest);
    const s = await api('GET', '/status', { token: TOK.viewer });
    assert.equal(s.body.generation, gw.gw.generation);
    assert.equal(s.body.config_digest, gw.gw.digest);
    const u = await api('GET', '/upstreams', { token: TOK.viewer });
    assert.equal(u.body.data[0].name, 'backend');
    assert.equal(u.body.data[0].targets[0].healthy, true);
    assert.equal(
      (await api('GET', '/events?type=auth.failed&size=5', { token: TOK.viewer })).body.data[0].limit,
      5,
    );
    assert.equal(
      (await api('GET', '/quotas?consumer=bob', { token: TOK.viewer })).body.data[0].consumer,
      'bob',
    );
    assert.equal((await api('GET', '/shadow-apis', { token: TOK.viewer })).body.data[0].hits, 4);
  });

  test('pagination: {data, next} with size and offset', async () => {
    for (const id of ['p1', 'p2', 'p3']) {
      assert.equal(
        (await api('PUT', `/consumers/${id}`, { token: TOK.admin, json: { groups: ['g'] } })).status,
        201,
      );
    }
    const first = await api('GET', '/consumers?size=2', { token: TOK.viewer });
    assert.equal(first.body.data.length, 2);
    assert.equal(first.body.next, '/consumers?size=2&offset=2');
    const second = await api('GET', first.body.next, { token: TOK.viewer });
    assert.equal(second.body.data.length, 2);
    assert.equal(second.body.next, null);
    assert.equal((await api('GET', '/consumers?size=0', { token: TOK.viewer })).status, 400);
    assert.equal((await api('GET', '/consumers?offset=-1', { token: TOK.viewer })).status, 400);
    for (const id of ['p1', 'p2', 'p3']) {
      assert.equal((await api('DELETE', `/consumers/${id}`, { token: TOK.admin })).status, 204);
    }
    assert.equal((await api('GET', '/consumers/p1', { token: TOK.viewer })).status, 404);
  });

  test('concurrent consumer upserts are serialised: none is lost', async () => {
    const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const puts = await Promise.all(
      ids.map((id) => api('PUT', `/consumers/${id}`, { token: TOK.admin, json: {} })),
    );
    assert.deepEqual(
      puts.map((p) => p.status),
      [201, 201, 201, 201, 201],
    );
    const list = await api('GET', '/consumers?size=1000', { token: TOK.viewer });
    for (const id of ids)
      assert.ok(
        list.body.data.some((c: { id: string }) => c.id === id),
        id,
      );
    await Promise.all(ids.map((id) => api('DELETE', `/consumers/${id}`, { token: TOK.admin })));
    assert.equal((await api('GET', '/consumers?size=1000', { token: TOK.viewer })).body.data.length, 1);
  });

  test('bans: an operator lifts one (204), an unknown one is 404', async () => {
    assert.equal((await api('GET', '/bans', { token: TOK.viewer })).body.data.length, 1);
    assert.equal((await api('DELETE', '/bans/ip%3A203.0.113.9', { token: TOK.operator })).status, 204);
    assert.equal(bans.size, 0);
    assert.equal((await api('DELETE', '/bans/ip%3A203.0.113.9', { token: TOK.operator })).status, 404);
  });
});

describe('admin API: config apply, validation and rollback', () => {
  test('a bad config is refused with line/column; the old config keeps serving', async () => {
    const digest = gw.gw.digest;
    const onDisk = readFileSync(gw.configPath, 'utf8');
    const badYaml = config(upstream.url).replace('    paths: ["/api/*"]', '    paths: 42');
    const v = await api('POST', '/config/validate', { token: TOK.admin, body: badYaml });
    assert.equal(v.status, 400);
    const err = v.body.errors.find((e: { path: string }) => e.path.includes('paths'));
    assert.ok(err, JSON.stringify(v.body));
    assert.ok(err.line > 0 && err.column > 0);
    const a = await api('POST', '/config', { token: TOK.admin, body: badYaml });
    assert.equal(a.status, 400);
    assert.equal(a.body.errors[0].line, err.line);
    const unparsable = await api('POST', '/config', { token: TOK.admin, body: 'gatehouse: 1\nroutes: [\n' });
    assert.equal(unparsable.status, 400);
    assert.ok(unparsable.body.errors[0].line > 0);
    assert.equal(gw.gw.digest, digest);
    assert.equal(await viaGateway('/api/x', alice.key), 200);
    assert.equal(readFileSync(gw.configPath, 'utf8'), onDisk, 'the file is untouched');
  });

  test('a good config is applied and served; diff shows it first; rollback restores the previous one', async () => {
    const extra = `
  - name: fresh
    paths: ["/fresh/*"]
    upstream: backend`;
    const late = 'late-viewer-token-0123456789abcdef';
    const next = config(upstream.url, extra).replace(
      '  allow:',
      `    - { id: late, role: viewer, hash: "${hashAdminToken(late)}" }\n  allow:`,
    );
    assert.equal(await viaGateway('/fresh/1'), 404);
    assert.equal((await api('GET', '/status', { token: late })).status, 401);
    const d = await api('POST', '/config/validate', { token: TOK.admin, body: next });
    assert.equal(d.status, 200);
    assert.deepEqual(
      d.body.changes.map((c: { op: string; path: string }) => `${c.op} ${c.path}`),
      ['add /admin/tokens/late', 'add /routes/fresh'],
    );
    const before = gw.gw.digest;
    const a = await api('POST', '/config', { token: TOK.admin, body: next });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    assert.equal(a.body.previous_digest, before);
    assert.equal(gw.gw.digest, a.body.digest);
    assert.deepEqual(a.body.restart_required, []);
    assert.equal(await viaGateway('/fresh/1'), 200);
    assert.equal(
      (await api('GET', '/status', { token: late })).status,
      200,
      'a token added by config works at once',
    );
    assert.equal(readFileSync(gw.configPath, 'utf8'), next, 'persisted for restarts');
    const h = await api('GET', '/config/history', { token: TOK.viewer });
    assert.equal(h.body.data[0].digest, a.body.digest);
    assert.equal(h.body.data[0].actor, 'root');
    const rb = await api('POST', '/config/rollback', { token: TOK.admin, json: {} });
    assert.equal(rb.status, 200, JSON.stringify(rb.body));
    assert.equal(gw.gw.digest, before);
    assert.equal(await viaGateway('/fresh/1'), 404);
    assert.equal(
      (await api('GET', '/status', { token: late })).status,
      401,
      'and is gone after the rollback',
    );
    const toV = await api('POST', '/config/rollback', {
      token: TOK.admin,
      json: { version: a.body.version },
    });
    assert.equal(toV.status, 200);
    assert.equal(await viaGateway('/fresh/1'), 200);
    const back = await api('POST', '/config/rollback', { token: TOK.admin, json: {} });
    assert.equal(back.status, 200);
    assert.equal(await viaGateway('/fresh/1'), 404);
  });
});

describe('admin API: file-based config control (serve, workers)', () => {
  test('apply writes the file and reloads; a failing reload puts the previous file back', async () => {
    let failNext = false;
    const other = createAdminServer({
      port: 0,
      logger: createLogger({ level: 'silent' }),
      metrics: async () => ({ contentType: 'text/plain', body: '' }),
      ready: () => true,
      stateDir: join(dir, 'file-control-state'),
      config: fileConfigControl({
        path: gw.configPath,
        env: {},
        applied: () => ({ digest: gw.gw.digest, config: gw.gw.config, secrets: gw.gw.secrets }),
        reload: async () => {
          if (failNext) {
            failNext = false;
            return {
              ok: false,
              errors: [
                {
                  file: '',
                  line: 0,
                  column: 0,
                  path: '',
                  pointer: '',
                  message: 'worker 1 did not apply the configuration',
                },
              ],
            };
          }
          return gw.gw.reload();
        },
      }),
    });
    const { port } = await other.listen();
    const base = `http://127.0.0.1:${port}`;
    try {
      const original = readFileSync(gw.configPath, 'utf8');
      const next = config(upstream.url, '\n  - { name: filed, paths: ["/filed/*"], upstream: backend }');
      failNext = true;
      const bad = await api('POST', '/config', { token: TOK.admin, body: next, base });
      assert.equal(bad.status, 400);
      assert.match(bad.body.errors[0].message, /did not apply/);
      assert.equal(readFileSync(gw.configPath, 'utf8'), original, 'the previous file is back');
      assert.equal(await viaGateway('/filed/1'), 404);
      const ok = await api('POST', '/config', { token: TOK.admin, body: next, base });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(await viaGateway('/filed/1'), 200);
      assert.equal(readFileSync(gw.configPath, 'utf8'), next);
      const rb = await api('POST', '/config/rollback', { token: TOK.admin, json: {}, base });
      assert.equal(rb.status, 200, JSON.stringify(rb.body));
      assert.equal(await viaGateway('/filed/1'), 404);
      assert.equal(readFileSync(gw.configPath, 'utf8'), original);
    } finally {
      await other.close();
    }
  });
});

describe('admin API: consumers and keys through the gateway', () => {
  test('create → works with key-auth; rotate → both work in the grace window; revoke → refused', async () => {
    const put = await api('PUT', '/consumers/carol', { token: TOK.admin, json: { groups: ['partners'] } });
    assert.equal(put.status, 201, JSON.stringify(put.body));
    assert.equal(
      (await api('PUT', '/consumers/carol', { token: TOK.admin, json: { groups: ['p2'] } })).status,
      200,
    );
    const created = await api('POST', '/consumers/carol/keys', {
      token: TOK.operator,
      json: { id: 'carol-1' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const key1 = created.body.key as string;
    assert.equal(created.body.id, 'carol-1');
    assert.equal(await viaGateway('/api/c', key1), 200);
    assert.equal(upstream.requests.at(-1)!.headers['x-consumer-id'], 'carol');
    const got = await api('GET', '/consumers/carol', { token: TOK.viewer });
    assert.deepEqual(got.body.groups, ['p2']);
    assert.equal(JSON.stringify(got.body).includes(key1), false, 'a key is shown once only');
    assert.equal(JSON.stringify(got.body).includes('sha256:'), false);

    const rot = await api('POST', '/keys/carol-1/rotate', {
      token: TOK.operator,
      json: { grace_seconds: 3600 },
    });
    assert.equal(rot.status, 201, JSON.stringify(rot.body));
    const key2 = rot.body.key as string;
    assert.notEqual(key2, key1);
    assert.ok(rot.body.rotated.grace_until);
    assert.equal(await viaGateway('/api/c', key1), 200, 'old key works during grace');
    assert.equal(await viaGateway('/api/c', key2), 200, 'new key works');

    assert.equal((await api('DELETE', `/keys/${rot.body.id}`, { token: TOK.operator })).status, 204);
    assert.equal(await viaGateway('/api/c', key2), 401, 'revoked key refused');
    assert.equal((await api('DELETE', '/keys/carol-1', { token: TOK.operator })).status, 204);
    assert.equal(await viaGateway('/api/c', key1), 401);
    const seen = upstream.requests.length;
    await viaGateway('/api/c', key1);
    assert.equal(upstream.requests.length, seen, 'the upstream never saw the refused request');

    assert.equal((await api('POST', '/keys/carol-1/rotate', { token: TOK.operator, json: {} })).status, 400);
    assert.equal((await api('POST', '/keys/alice-1/rotate', { token: TOK.operator, json: {} })).status, 404);
    assert.equal((await api('POST', '/consumers/ghost/keys', { token: TOK.operator, json: {} })).status, 404);
    assert.equal((await api('DELETE', '/consumers/carol', { token: TOK.admin })).status, 204);
    assert.equal(await viaGateway('/api/c', alice.key), 200, 'the config key of alice still works');
  });
});

describe('admin API: audit log', () => {
  test('a reload from the file (outside the API) is recorded in the history and audited', async () => {
    const r = await gw.reconfigure(
      config(upstream.url, '\n  - { name: ext, paths: ["/ext/*"], upstream: backend }'),
    );
    assert.equal(r.ok, true);
    const h = await api('GET', '/config/history', { token: TOK.viewer });
    assert.equal(h.body.data[0].digest, gw.gw.digest);
    assert.equal(h.body.data[0].actor, 'file');
    assert.equal(h.body.data[0].reason, 'reload');
    const a = await api('GET', '/audit?size=1', { token: TOK.viewer });
    assert.equal(a.body.data[0].action, 'config.reload');
    assert.equal(a.body.data[0].actor, 'system');
    assert.equal(a.body.data[0].after, gw.gw.digest);
  });

  test('mutations are audited with actor, role, target and digests; the chain verifies', async () => {
    const r = await api('GET', '/audit?size=1000', { token: TOK.viewer });
    assert.equal(r.status, 200);
    const entries = r.body.data as Array<Record<string, unknown>>;
    const apply = entries.find((e) => e.action === 'config.apply' && e.outcome === 'success');
    assert.ok(apply);
    assert.equal(apply.actor, 'root');
    assert.equal(apply.role, 'admin');
    assert.equal(apply.source_ip, '127.0.0.1');
    assert.match(String(apply.before), /^[0-9a-f]{16}$/);
    assert.notEqual(apply.before, apply.after);
    assert.ok(
      entries.some((e) => e.action === 'key.create' && e.target === 'key:carol-1' && e.actor === 'ops'),
    );
    assert.ok(entries.some((e) => e.action === 'config.apply' && e.outcome === 'failure'));
    assert.ok(entries.some((e) => e.outcome === 'denied' && e.actor === 'view'));
    assert.ok(entries.some((e) => e.action === 'token.revoke' && e.target === 'token:doomed'));
    const file = join(stateDir, 'audit.jsonl');
    const text = readFileSync(file, 'utf8');
    for (const k of Object.values(TOK)) assert.equal(text.includes(k), false, 'no token in the audit log');
    assert.equal(verifyAuditLog(file).ok, true);
    const ocsf = await api('GET', '/audit?format=ocsf&size=1', { token: TOK.viewer });
    assert.equal(ocsf.body.data[0].class_uid, 6003);

    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    assert.equal(auditCommand(['verify', '--file', file], io), 0);
    const copy = join(dir, 'tampered.jsonl');
    const lines = text.split('\n').filter(Boolean);
    writeFileSync(copy, `${[lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n')}\n`);
    assert.equal(auditCommand(['verify', '--file', copy], io), 1);
    assert.match(out.at(-1)!, /line 2/);
  });
});

describe('CLI client against the admin API', () => {
  test('status, config diff/apply/rollback, keys create/rotate/revoke', async () => {
    const { io, cli } = cliIo(TOK.admin);
    const url = ['--admin-url', adminUrl];
    assert.equal(await statusCommand([...url, '--json'], cli), 0);
    assert.equal(JSON.parse(io.outText).config_digest, gw.gw.digest);

    const file = join(dir, 'next.yaml');
    writeFileSync(file, config(upstream.url, '\n  - { name: cli, paths: ["/cli/*"], upstream: backend }'));
    io.outText = '';
    assert.equal(await configCommand(['diff', '--file', file, ...url], cli), 0);
    assert.match(io.outText, /\+ \/routes\/cli/);
    assert.equal(await configCommand(['apply', '--file', file, ...url], cli), 0);
    assert.equal(await viaGateway('/cli/x'), 200);
    writeFileSync(join(dir, 'bad.yaml'), 'gatehouse: 1\nlisteners: 7\n');
    io.errText = '';
    assert.equal(await configCommand(['apply', '--file', join(dir, 'bad.yaml'), ...url], cli), 1);
    assert.match(io.errText, /bad\.yaml:2:\d+ listeners/);
    assert.equal(await configCommand(['rollback', ...url], cli), 0);
    assert.equal(await viaGateway('/cli/x'), 404);

    io.outText = '';
    assert.equal(await adminKeysCommand(['create', '--consumer', 'alice', '--id', 'cli-1', ...url], cli), 0);
    const key = /key: (\S+)/.exec(io.outText)?.[1];
    assert.ok(key);
    assert.equal(await viaGateway('/api/k', key), 200);
    io.outText = '';
    assert.equal(
      await adminKeysCommand(['rotate', '--id', 'cli-1', '--grace-seconds', '60', ...url], cli),
      0,
    );
    const key2 = /key: (\S+)/.exec(io.outText)?.[1];
    assert.ok(key2);
    assert.equal(await viaGateway('/api/k', key2), 200);
    assert.equal(await viaGateway('/api/k', key), 200);
    const newId = /id: (\S+)/.exec(io.outText)?.[1];
    assert.equal(await adminKeysCommand(['revoke', '--id', newId!, ...url], cli), 0);
    assert.equal(await viaGateway('/api/k', key2), 401);

    const viewer = cliIo(TOK.viewer);
    assert.equal(await adminKeysCommand(['revoke', '--id', 'cli-1', ...url], viewer.cli), 1);
    assert.match(viewer.io.errText, /403/);
    const none = cliIo('');
    assert.equal(await statusCommand(url, none.cli), 2);
    assert.match(none.io.errText, /GATEHOUSE_ADMIN_TOKEN/);
  });
});
