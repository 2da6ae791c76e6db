/**
 * Issue 7 audit, through the real `gatehouse` CLI (a child process):
 * - `gatehouse audit verify` on a log the admin API wrote: intact passes; an edited entry (also one
 *   whose own hash was recomputed), a deleted entry, an inserted entry, reordered entries, lines cut
 *   off the end and a replaced head file each exit 1 naming the line; the admin listener refuses to
 *   restart on a log cut short (it would otherwise append over the cut and hide it).
 * - `gatehouse audit --config` severities, OWASP ids and the CI gate (`--fail-on`).
 * - `gatehouse config diff` against a running gateway marks changes that weaken security.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { hashAdminToken } from '../../src/admin/auth.ts';
import { gatewayConfigControl } from '../../src/admin/gateway-control.ts';
import { type AdminServer, createAdminServer } from '../../src/admin/server.ts';
import { canonicalJson, entryHash } from '../../src/audit/log.ts';
import { createLogger } from '../../src/telemetry/logger.ts';
import { runCli } from '../helpers/cli.ts';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit7-cli-'));
const ADMIN = 'audit7-cli-admin-token-0123456789';
const OPS = 'audit7-cli-ops-token-0123456789';
const VIEW = 'audit7-cli-view-token-0123456789';

/** Runs the CLI to completion (bounded). */
async function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  const p = runCli(args, env);
  const { code } = await p.exitWithin(20_000);
  return { code, out: p.stdout(), err: p.stderr() };
}

function adminServer(stateDir: string, bans: Map<string, unknown>): AdminServer {
  return createAdminServer({
    port: 0,
    logger: createLogger({ level: 'silent' }),
    metrics: async () => ({ contentType: 'text/plain', body: '' }),
    ready: () => true,
    stateDir,
    access: {
      tokens: [
        { id: 'root', role: 'admin', hash: hashAdminToken(ADMIN) },
        { id: 'ops', role: 'operator', hash: hashAdminToken(OPS) },
        { id: 'view', role: 'viewer', hash: hashAdminToken(VIEW) },
      ],
      lockout_failures: 0,
    },
    bans: {
      list: async () => [...bans.keys()].map((key) => ({ key })),
      lift: async (k) => bans.delete(k),
    },
  });
}

describe('issue 7 audit: gatehouse audit verify on a log the admin API wrote', () => {
  const stateDir = join(dir, 'state');
  const file = join(stateDir, 'audit.jsonl');
  let lines: string[] = [];

  before(async () => {
    const bans = new Map<string, unknown>([
      ['ip:192.0.2.1', {}],
      ['ip:192.0.2.2', {}],
      ['ip:192.0.2.3', {}],
    ]);
    const s = adminServer(stateDir, bans);
    const base = `http://127.0.0.1:${(await s.listen()).port}`;
    try {
      const del = async (path: string, token: string) => {
        const r = await fetch(`${base}${path}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${token}` },
        });
        await r.arrayBuffer();
        return r.status;
      };
      assert.equal(await del('/bans/ip:192.0.2.1', VIEW), 403);
      assert.equal(await del('/bans/ip:192.0.2.1', OPS), 204);
      assert.equal(await del('/bans/ip:192.0.2.2', OPS), 204);
      assert.equal(await del('/bans/ip:192.0.2.3', ADMIN), 204);
      assert.equal(await del('/tokens/view', ADMIN), 204);
    } finally {
      await s.close();
    }
    lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    assert.equal(lines.length, 5);
  });

  /** A tampered copy of the log (with its head sidecar unless `head` is given). */
  function copy(name: string, ls: readonly (string | undefined)[], head?: string): string {
    const f = join(dir, `${name}.jsonl`);
    writeFileSync(f, `${ls.join('\n')}\n`);
    if (head === undefined) copyFileSync(`${file}.head`, `${f}.head`);
    else writeFileSync(`${f}.head`, head);
    return f;
  }

  async function verify(f: string): Promise<{ code: number | null; out: string; err: string }> {
    return cli(['audit', 'verify', '--file', f]);
  }

  test('intact: exit 0 with the entry count', async () => {
    const r = await verify(file);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^ok: 5 entries, head 5 [0-9a-f]{64}/);
  });

  test('export: one OCSF API Activity (6003) event per entry; a tampered log still exports but exits 1', async () => {
    const r = await cli(['audit', 'export', '--file', file]);
    assert.equal(r.code, 0, r.err);
    const events = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(events.length, 5);
    assert.ok(events.every((e) => e.class_uid === 6003 && e.category_uid === 6));
    assert.deepEqual(
      events.map((e) => (e.api as { operation: string }).operation),
      ['ban.lift', 'ban.lift', 'ban.lift', 'ban.lift', 'token.revoke'],
    );
    assert.equal((events[0]!.status_id as number) > 1, true, 'the viewer attempt is a failure');
    assert.equal(events[1]!.type_uid, 600304);
    const json = await cli(['audit', 'export', '--file', file, '--format', 'json']);
    assert.equal(json.code, 0);
    assert.equal(JSON.parse(json.out.split('\n')[0]!).seq, 1);
    const bad = await cli(['audit', 'export', '--file', copy('export-tampered', [lines[0], lines[2]])]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /warning: line 2/);
  });

  test('an edited entry: exit 1 at that line, also when its own hash was recomputed', async () => {
    const edited = lines[1]!.replace('"actor":"ops"', '"actor":"root"');
    assert.notEqual(edited, lines[1]);
    const r = await verify(copy('edited', [lines[0], edited, ...lines.slice(2)]));
    assert.equal(r.code, 1);
    assert.match(r.err, /TAMPERED: .* line 2: content does not match its hash/);

    // A forger who recomputes the edited entry's hash breaks the next entry's prev link instead.
    const e = JSON.parse(edited) as Record<string, unknown>;
    e.hash = entryHash(e as never);
    const r2 = await verify(copy('rehashed', [lines[0], canonicalJson(e), ...lines.slice(2)]));
    assert.equal(r2.code, 1);
    assert.match(r2.err, /line 3: prev does not match/);
  });

  test('a deleted entry, an inserted entry and reordered entries: exit 1', async () => {
    const del = await verify(copy('deleted', [lines[0], lines[1], lines[3], lines[4]]));
    assert.equal(del.code, 1);
    assert.match(del.err, /line 3: prev does not match/);

    const ins = await verify(copy('inserted', [lines[0], lines[1], lines[1], ...lines.slice(2)]));
    assert.equal(ins.code, 1);
    assert.match(ins.err, /line 3: /);

    const ord = await verify(copy('reordered', [lines[0], lines[2], lines[1], lines[3], lines[4]]));
    assert.equal(ord.code, 1);
    assert.match(ord.err, /line 2: prev does not match/);

    // Reordering with the sequence numbers and hashes made to fit: the prev chain still breaks.
    const a = JSON.parse(lines[1]!) as Record<string, unknown>;
    const b = JSON.parse(lines[2]!) as Record<string, unknown>;
    [a.seq, b.seq] = [b.seq, a.seq];
    a.hash = entryHash(a as never);
    b.hash = entryHash(b as never);
    const swapped = await verify(
      copy('swapped', [lines[0], canonicalJson(b), canonicalJson(a), ...lines.slice(3)]),
    );
    assert.equal(swapped.code, 1);
    assert.match(swapped.err, /line 2: prev does not match/);
  });

  test('lines cut off the end and a replaced head file: exit 1', async () => {
    const cut = await verify(copy('cut', lines.slice(0, 3)));
    assert.equal(cut.code, 1);
    assert.match(cut.err, /line 4: .*cut off the end/);
    const garbage = await verify(copy('garbage-head', lines, 'not a head\n'));
    assert.equal(garbage.code, 1);
    assert.match(garbage.err, /head file .* is unreadable/);
    const missing = await verify(join(dir, 'no-such.jsonl'));
    assert.equal(missing.code, 1);
    assert.match(missing.err, /cannot read/);
  });

  test('the admin listener refuses to restart on a log cut short, so the cut stays visible', async () => {
    const cutDir = join(dir, 'cut-state');
    const s = adminServer(cutDir, new Map([['ip:1', {}]]));
    const base = `http://127.0.0.1:${(await s.listen()).port}`;
    for (const token of [VIEW, OPS]) {
      const r = await fetch(`${base}/bans/ip:1`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
      await r.arrayBuffer();
    }
    await s.close();
    const log = join(cutDir, 'audit.jsonl');
    const kept = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    assert.equal(kept.length, 2);
    writeFileSync(log, `${kept[0]}\n`);
    assert.throws(() => adminServer(cutDir, new Map()), /head records entry 2/);
    const r = await verify(log);
    assert.equal(r.code, 1);
    assert.match(r.err, /cut off the end/);
  });
});

describe('issue 7 audit: gatehouse audit --config', () => {
  const secretFile = join(dir, 'jwt.secret');
  writeFileSync(secretFile, 'a-file-secret-that-is-long-enough-32b!');
  const weak = (jwtExtra: string, listenerExtra = '') => `gatehouse: 1
listeners:
  - { name: local, host: 127.0.0.1, port: 8080${listenerExtra} }
upstreams:
  - name: backend
    targets: [{ url: "https://10.1.2.3:8443" }]
routes:
  - name: open
    paths: ["/open/*"]
    upstream: backend
    policies:
      rate-limit: { limits: [{ name: s, limit: 10, period: 1s }] }
  - name: login
    paths: ["/login"]
    upstream: backend
    policies:
      key-auth: {}
  - name: orders
    paths: ["/orders/*"]
    upstream: backend
    policies:
      jwt-auth:
        issuers:
          - issuer: "https://idp.example.com/"
            algorithms: [HS256]
            secret: "file:${secretFile}"${jwtExtra}
      rate-limit: { limits: [{ name: s, limit: 10, period: 1s }] }
`;
  const cfg = join(dir, 'weak.yaml');
  writeFileSync(
    cfg,
    weak(`
            audiences: [orders]
            required_claims: []`),
  );

  test('findings carry a severity and an OWASP id; exit 1 at or above --fail-on, 0 below', async () => {
    const json = await cli(['audit', '--config', cfg, '--format', 'json']);
    assert.equal(json.code, 1, json.err);
    const doc = JSON.parse(json.out) as {
      fail_on: string;
      failed: boolean;
      findings: Array<{ id: string; severity: string; owasp: string }>;
    };
    assert.equal(doc.fail_on, 'high');
    assert.equal(doc.failed, true);
    const by = new Map(doc.findings.map((f) => [f.id, f]));
    assert.equal(by.get('auth-endpoint-without-rate-limit')?.severity, 'high', [...by.keys()].join(', '));
    assert.match(by.get('auth-endpoint-without-rate-limit')?.owasp ?? '', /^API4:2023/);
    assert.equal(by.get('route-without-authentication')?.severity, 'medium');
    assert.match(by.get('route-without-authentication')?.owasp ?? '', /^API2:2023/);
    assert.equal(by.get('jwt-exp-optional')?.severity, 'medium');
    assert.ok(!doc.findings.some((f) => f.severity === 'critical'));

    const text = await cli(['audit', '--config', cfg]);
    assert.equal(text.code, 1);
    assert.match(text.out, /HIGH auth-endpoint-without-rate-limit/);
    assert.match(text.out, /MEDIUM route-without-authentication/);
    assert.equal((await cli(['audit', '--config', cfg, '--fail-on', 'critical'])).code, 0);
    assert.equal((await cli(['audit', '--config', cfg, '--fail-on', 'medium'])).code, 1);
    assert.equal((await cli(['audit', '--config', cfg, '--fail-on', 'bogus'])).code, 2);
    assert.equal((await cli(['audit', '--config', join(dir, 'missing.yaml')])).code, 1);
  });

  test('a JWT issuer without an audience and TLS below 1.2 are refused outright (exit 1)', async () => {
    const noAud = join(dir, 'no-aud.yaml');
    writeFileSync(noAud, weak(''));
    const r = await cli(['audit', '--config', noAud]);
    assert.equal(r.code, 1);
    assert.match(r.err, /audiences/);
    const emptyAud = join(dir, 'empty-aud.yaml');
    writeFileSync(emptyAud, weak('\n            audiences: []'));
    const r2 = await cli(['audit', '--config', emptyAud]);
    assert.equal(r2.code, 1);
    assert.match(r2.err, /audiences: must not be empty/);
    const oldTls = join(dir, 'old-tls.yaml');
    writeFileSync(
      oldTls,
      weak(
        '\n            audiences: [orders]',
        ', tls: { cert: /nope.pem, key: /nope.key, min_version: TLSv1.1 }',
      ),
    );
    const r3 = await cli(['audit', '--config', oldTls]);
    assert.equal(r3.code, 1);
    assert.match(r3.err, /min_version/);
  });
});

describe('issue 7 audit: gatehouse config diff marks weakened security', () => {
  let up: TestUpstream;
  let gw: TestGateway;
  let admin: AdminServer;
  let url = '';
  const yaml = (policies: string) => `gatehouse: 1
workers: 1
admin: { tokens: [{ id: root, role: admin, hash: "${hashAdminToken(ADMIN)}" }], state_dir: "${join(dir, 'diff-state')}" }
logging: { level: info, access_log: false }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: admin-ui
    paths: ["/admin/*"]
    upstream: backend
    policies:${policies}
consumers:
  - id: alice
    api_keys: [{ id: a1, hash: "sha256:${'0'.repeat(64)}" }]
`;
  const SECURED = `
      key-auth: {}
      rate-limit: { limits: [{ name: s, limit: 10, period: 1s }] }`;

  before(async () => {
    up = await startUpstream();
    gw = await startGateway(yaml(SECURED));
    admin = createAdminServer({
      port: 0,
      logger: createLogger({ level: 'silent' }),
      metrics: async () => ({ contentType: 'text/plain', body: '' }),
      ready: () => true,
      config: gatewayConfigControl(gw.gw, { path: gw.configPath, env: {} }),
    });
    url = `http://127.0.0.1:${(await admin.listen()).port}`;
  });
  after(async () => {
    await admin?.close();
    await gw?.close();
    await up?.close();
  });

  test('a route that loses authentication is marked WEAKENS SECURITY; the reverse is not', async () => {
    const weaker = join(dir, 'weaker.yaml');
    writeFileSync(weaker, yaml(' {}'));
    const r = await cli(['config', 'diff', '--file', weaker, '--admin-url', url], {
      GATEHOUSE_ADMIN_TOKEN: ADMIN,
    });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /WEAKENS SECURITY: route \/admin\/\* loses authentication/);
    assert.match(r.out, /WEAKENS SECURITY: route \/admin\/\* loses rate-limit/);
    // Nothing was applied by a diff.
    const same = join(dir, 'same.yaml');
    writeFileSync(same, yaml(SECURED));
    const r2 = await cli(['config', 'diff', '--file', same, '--admin-url', url], {
      GATEHOUSE_ADMIN_TOKEN: ADMIN,
    });
    assert.equal(r2.code, 0, r2.err);
    assert.doesNotMatch(r2.out, /WEAKENS/);
  });
});
