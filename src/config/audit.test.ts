import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { auditConfigCommand } from '../cli/audit-config.ts';
import { checkConfig } from '../runtime/gateway.ts';
import { auditConfig, securityDiff } from './audit.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/audit/${name}`, import.meta.url));
const secretDir = mkdtempSync(join(tmpdir(), 'gatehouse-audit-'));
const secretFile = join(secretDir, 'jwt.secret');
writeFileSync(secretFile, 'a-file-secret-that-is-long-enough-32b!');
const env = { SECRET_FILE: secretFile };

function load(name: string) {
  const r = checkConfig(fixture(name), undefined, env);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value.config;
}

describe('gatehouse audit', () => {
  test('an insecure config: every planted weakness is found, with OWASP category, severity and line', async () => {
    const r = await auditConfigCommand({ config: fixture('insecure.yaml'), format: 'json' }, env);
    assert.equal(r.code, 1, r.stderr);
    const { findings } = JSON.parse(r.stdout) as {
      findings: Array<{ id: string; severity: string; owasp: string; line?: number; path: string }>;
    };
    const ids = new Set(findings.map((f) => f.id));
    for (const id of [
      'listener-plaintext',
      'admin-exposed',
      'admin-no-allowlist',
      'trusted-proxies-any',
      'upstream-plaintext',
      'auth-endpoint-without-rate-limit',
      'admin-route-without-authentication',
      'cors-credentials-wildcard',
      'jwt-exp-optional',
      'waf-detection-only',
      'inline-secret',
    ]) {
      assert.ok(ids.has(id), `missing ${id}: ${[...ids].join(', ')}`);
    }
    const admin = findings.find((f) => f.id === 'admin-exposed')!;
    assert.equal(admin.severity, 'high');
    assert.match(admin.owasp, /^API8:2023/);
    const secret = findings.find((f) => f.id === 'inline-secret')!;
    assert.equal(secret.line, 32);
    assert.equal(findings.find((f) => f.id === 'jwt-exp-optional')!.line, 30);
    assert.ok(!r.stdout.includes('this-is-an-inline-secret'), 'the audit never prints the secret');
  });

  test('a hardened config passes at --fail-on medium', async () => {
    const r = await auditConfigCommand({ config: fixture('hardened.yaml'), 'fail-on': 'medium' }, env);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /HIGH|CRITICAL|MEDIUM/);
  });

  test('usage errors exit 2; an invalid config exits 1 with its errors', async () => {
    assert.equal((await auditConfigCommand({}, env)).code, 2);
    assert.equal(
      (await auditConfigCommand({ config: fixture('hardened.yaml'), 'fail-on': 'severe' }, env)).code,
      2,
    );
    const bad = join(secretDir, 'bad.yaml');
    writeFileSync(bad, 'gatehouse: 1\nlisteners: []\nbogus: true\n');
    const r = await auditConfigCommand({ config: bad }, env);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bad\.yaml:\d+/);
  });
});

describe('securityDiff', () => {
  test('a route that loses authentication and its rate limit is a weakening; the reverse strengthens', () => {
    const hardened = load('hardened.yaml');
    const weaker = structuredClone(hardened) as unknown as {
      routes: Array<{ policies?: Record<string, unknown> }>;
    };
    weaker.routes[0]!.policies = {};
    const changes = securityDiff(hardened, weaker);
    const weakens = changes.filter((c) => c.kind === 'weakens').map((c) => c.message);
    assert.ok(weakens.includes('route /login loses authentication'), weakens.join('\n'));
    assert.ok(weakens.includes('route /login loses rate-limit'));
    assert.ok(weakens.some((m) => m.includes('authentication endpoint')));
    const back = securityDiff(weaker, hardened);
    assert.ok(
      back.some((c) => c.kind === 'strengthens' && c.message === 'route /login gains authentication'),
    );
    assert.deepEqual(securityDiff(hardened, hardened), []);
  });

  test('auditConfig without raw text has no lines and no inline-secret findings', () => {
    const f = auditConfig(load('insecure.yaml'));
    assert.ok(f.every((x) => x.line === undefined));
    assert.ok(!f.some((x) => x.id === 'inline-secret'));
  });
});
