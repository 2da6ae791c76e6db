/**
 * Secrets read through `file:` references (here the listener's TLS key passphrase, the core
 * schema's `x-secret` field) never reach the output: not `validate`'s, not the gateway's logs,
 * not after a reload that brings a new secret — even when a client sends the value itself.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { freePort, runCli } from '../helpers/cli.ts';

/** The admin token the test configs declare (the admin API needs one for /status). */
const ADMIN_AUTH = { authorization: 'Bearer gatehouse-test-admin-token-0001' };

let dir: string;
/** The passphrase of key.pem, and of key2.pem (the rotated key). */
let pass1: string;
let pass2: string;
let certPem: string;

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-secrets-'));
  pass1 = `p1${randomBytes(12).toString('hex')}`;
  pass2 = `p2${randomBytes(12).toString('hex')}`;
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-keyout',
    'key.pem',
    '-passout',
    `pass:${pass1}`,
    '-out',
    'cert.pem',
    '-subj',
    '/CN=localhost',
    '-days',
    '1',
    '-addext',
    'subjectAltName=DNS:localhost',
  );
  openssl(
    'pkey',
    '-in',
    'key.pem',
    '-passin',
    `pass:${pass1}`,
    '-aes256',
    '-passout',
    `pass:${pass2}`,
    '-out',
    'key2.pem',
  );
  writeFileSync(join(dir, 'pass.txt'), `${pass1}\n`);
  writeFileSync(join(dir, 'pass2.txt'), `${pass2}\n`);
  writeFileSync(join(dir, 'wrong.txt'), 'not-the-passphrase\n');
  certPem = readFileSync(join(dir, 'cert.pem'), 'utf8');
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function config(o: { port: number; admin: number; key?: string; passFile?: string; extra?: string }): string {
  return `gatehouse: 1
workers: 2
shutdown_timeout_ms: 2000
admin: { host: 127.0.0.1, port: ${o.admin}, tokens: [{ id: test, role: admin, token: "gatehouse-test-admin-token-0001" }], state_dir: "${join(tmpdir(), `gh-admin-${process.pid}`)}" }
logging: { level: debug, access_log: true }
listeners:
  - name: tls
    host: 127.0.0.1
    port: ${o.port}
    tls:
      certificates:
        - cert: ${join(dir, 'cert.pem')}
          key: ${join(dir, o.key ?? 'key.pem')}
          passphrase: "file:${o.passFile ?? 'pass.txt'}"
routes:
  - name: echo
    paths: ["/*"]
    policies:
      mock-response: { status: 200, json: { ok: true } }
${o.extra ?? ''}`;
}

function write(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(`${f}.tmp`, text);
  renameSync(`${f}.tmp`, f);
  return f;
}

function assertNoSecret(output: string, where: string): void {
  for (const secret of [pass1, pass2]) {
    assert.ok(!output.includes(secret), `${where} contains a secret:\n${output}`);
  }
}

describe('secrets from file: references', () => {
  it('validate never prints the passphrase, whether the file is valid or not', async () => {
    const ok = runCli(['validate', '--config', write('valid.yaml', config({ port: 8443, admin: 9901 }))]);
    assert.equal((await ok.exitWithin(25_000)).code, 0, ok.stderr());
    assertNoSecret(ok.stdout() + ok.stderr(), 'validate output');

    const broken = runCli([
      'validate',
      '--config',
      write('broken.yaml', config({ port: 8443, admin: 9901, extra: 'bogus: true\n' })),
    ]);
    assert.equal((await broken.exitWithin(25_000)).code, 1);
    assert.match(broken.stderr(), /bogus: unknown key/);
    assertNoSecret(broken.stdout() + broken.stderr(), 'validate errors');

    // The wrong passphrase for the key: found by validate (as start would), positioned, not printed.
    const wrong = runCli([
      'validate',
      '--config',
      write('wrong.yaml', config({ port: 8443, admin: 9901, passFile: 'wrong.txt' })),
    ]);
    assert.equal((await wrong.exitWithin(25_000)).code, 1);
    assert.match(wrong.stderr(), /wrong\.yaml:\d+:\d+ listeners\[0\]\.tls: /);
    assert.ok(!wrong.stderr().includes('not-the-passphrase'), wrong.stderr());
    assertNoSecret(wrong.stdout() + wrong.stderr(), 'validate errors');
  });

  /** Starts the gateway (two workers, HTTPS with the encrypted key) and returns a client for it. */
  async function startTls() {
    const port = await freePort();
    const admin = await freePort();
    const file = write('gatehouse.yaml', config({ port, admin }));
    const gh = runCli(['start', '--config', file]);
    const agent = new Agent({ connect: { ca: certPem, servername: 'localhost' } });
    const get = async (path: string) => {
      const res = await request(`https://127.0.0.1:${port}${path}`, { dispatcher: agent, reset: true });
      await res.body.text();
      return res.statusCode;
    };
    await gh.waitFor((o) => o.includes('is running'), 25_000, 'the gateway to start');
    return { gh, agent, get, port, admin };
  }

  it('the gateway logs never carry the secret, even when a client sends its value', async () => {
    const { gh, agent, get } = await startTls();
    try {
      assert.equal(await get(`/probe-1/${pass1}`), 200);
      await gh.waitFor((o) => o.includes('/probe-1/'), 5000, 'the access-log line');
      assert.match(gh.stdout(), /\/probe-1\/\[REDACTED\]/);
      gh.kill('SIGTERM');
      assert.equal((await gh.exitWithin(25_000)).code, 0, gh.stderr());
      assertNoSecret(gh.stdout() + gh.stderr(), 'the whole output');
    } finally {
      gh.kill('SIGKILL');
      await agent.close();
    }
  });

  it('a secret brought in by a reload (rotated key passphrase) is redacted as well', async () => {
    const { gh, agent, get, port, admin } = await startTls();
    try {
      write('gatehouse.yaml', config({ port, admin, key: 'key2.pem', passFile: 'pass2.txt' }));
      gh.kill('SIGHUP');
      const deadline = Date.now() + 5000;
      for (;;) {
        const st = (await (
          await request(`http://127.0.0.1:${admin}/status`, { headers: ADMIN_AUTH })
        ).body.json()) as {
          generation: number;
          last_reload: { ok: boolean } | null;
        };
        if (st.generation >= 2) break;
        assert.ok(st.last_reload?.ok !== false, JSON.stringify(st));
        assert.ok(Date.now() < deadline, 'the reload applies');
        await sleep(20);
      }
      assert.equal(await get(`/probe-2/${pass2}`), 200, 'served with the rotated key');
      await gh.waitFor((o) => o.includes('/probe-2/'), 5000, 'the access-log line');
      gh.kill('SIGTERM');
      assert.equal((await gh.exitWithin(25_000)).code, 0, gh.stderr());
      assertNoSecret(gh.stdout() + gh.stderr(), 'the logs after the reload');
    } finally {
      gh.kill('SIGKILL');
      await agent.close();
    }
  });
});
