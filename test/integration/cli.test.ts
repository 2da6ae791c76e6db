/**
 * The `gatehouse` CLI as a child process (`node src/cli/run.ts`): exit codes, `validate` output
 * (every error as file:line:column JSON-path: message), and `start` refusing to open anything
 * when the config is invalid or a socket cannot be bound.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort, runCli } from '../helpers/cli.ts';

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-cli-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string> = {}) {
  const p = runCli(args, env);
  const exit = await p.exitWithin(25_000);
  return { code: exit.code, stdout: p.stdout(), stderr: p.stderr() };
}

function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

function tryConnect(port: number): Promise<'refused' | 'accepted'> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve('accepted');
    });
    s.once('error', () => resolve('refused'));
  });
}

const VALID = (port: number, admin: number) => `gatehouse: 1
workers: 1
admin: { host: 127.0.0.1, port: ${admin} }
listeners:
  - { name: main, host: 127.0.0.1, port: ${port} }
upstreams:
  - name: backend
    targets: [{ url: "http://127.0.0.1:9" }]
routes:
  - name: api
    paths: ["/api/*"]
    upstream: backend
  - name: home
    paths: ["/"]
    policies:
      mock-response: { status: 200, json: { ok: true } }
`;

describe('gatehouse version | help | unknown', () => {
  it('version prints the package version and exits 0', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const r = await cli(['version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `gatehouse ${pkg.version} (node ${process.versions.node})\n`);
  });

  it('help (and no command) prints the usage and exits 0', async () => {
    for (const args of [['help'], [], ['--help']]) {
      const r = await cli(args);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.stdout, /^Usage:$/m);
      assert.match(r.stdout, /gatehouse validate --config FILE/);
    }
  });

  it('an unknown command or a bad option is a usage error: exit 2 with the usage on stderr', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['bogus'], /unknown command "bogus"/],
      [['validate'], /--config FILE is required/],
      [['validate', '--config'], /option --config needs a value/],
      [['start'], /--config FILE is required/],
      [['start', '--config', 'x.yaml', '--workers', '0'], /--workers must be an integer from 1 to 256/],
      [['start', '--config', 'x.yaml', '--workers', 'two'], /--workers must be an integer from 1 to 256/],
      [['validate', '--confg', 'x.yaml'], /unknown option --confg/],
      [['start', '--config', 'x.yaml', 'extra'], /unexpected argument "extra"/],
      [['version', '--verbose', 'yes'], /unknown option --verbose/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stdout, '');
    }
  });
});

describe('gatehouse validate', () => {
  it('a valid file: exit 0 and a one-line summary', async () => {
    const f = file('valid.yaml', VALID(8080, 9901));
    const r = await cli(['validate', '--config', f]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `${f}: configuration is valid (2 routes)\n`);
  });

  it('every schema error is listed with file:line:column and its JSON path', async () => {
    const f = file(
      'schema-errors.yaml',
      `gatehouse: 1
workers: 1
bogus_key: true
listeners:
  - name: main
    host: 127.0.0.1
    port: "eighty"
admin: { enabled: false }
upstreams:
  - name: backend
    targets: [{ url: "not a url" }]
  - name: other
    targets: [{ url: "http://127.0.0.1:\${GATEHOUSE_TEST_UNSET}" }]
routes:
  - name: a
    paths: ["/a"]
    upstream: backend
`,
    );
    const r = await cli(['validate', '--config', f]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trimEnd().split('\n');
    const expected = [
      `${f}:3:1 bogus_key: unknown key "bogus_key"`,
      `${f}:7:11 listeners[0].port: must be an integer, got a string`,
      `${f}:11:22 upstreams[0].targets[0].url: must be a URL`,
      `${f}:13:22 upstreams[1].targets[0].url: environment variable GATEHOUSE_TEST_UNSET is not set`,
    ];
    for (const e of expected) assert.ok(lines.includes(e), `missing:\n  ${e}\nin:\n  ${lines.join('\n  ')}`);
    for (const l of lines)
      assert.match(l, new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ `));
  });

  it('every reference error is listed too, not only the first', async () => {
    const f = file(
      'reference-errors.yaml',
      `gatehouse: 1
workers: 1
admin: { enabled: false }
listeners:
  - { name: main, host: 127.0.0.1, port: 8080 }
upstreams:
  - name: backend
    targets: [{ url: "http://127.0.0.1:9" }]
services:
  - name: svc
    upstream: ghost
routes:
  - name: a
    paths: ["/a"]
    upstream: backend
  - name: b
    paths: ["/b"]
    upstream: nowhere
  - name: a
    paths: ["/c"]
    upstream: backend
  - name: d
    paths: ["/d"]
    service: nosvc
`,
    );
    const r = await cli(['validate', '--config', f]);
    assert.equal(r.code, 1);
    assert.deepEqual(r.stderr.trimEnd().split('\n'), [
      `${f}:11:15 services[0].upstream: no upstream named "ghost"`,
      `${f}:13:11 routes[0].name: duplicate route name "a" (routes[0] and routes[2])`,
      `${f}:18:15 routes[1].upstream: no upstream named "nowhere"`,
      `${f}:24:14 routes[3].service: no service named "nosvc"`,
    ]);
  });

  it('a YAML syntax error and an unreadable file are reported, exit 1', async () => {
    const f = file('syntax.yaml', 'gatehouse: 1\nlisteners:\n  - name: [unclosed\n');
    const r = await cli(['validate', '--config', f]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ `));
    const missing = await cli(['validate', '--config', join(dir, 'missing.yaml')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /missing\.yaml: cannot read configuration file \(ENOENT\)/);
  });
});

describe('gatehouse start refuses to run half-configured', () => {
  it('an invalid config: exit 1, the errors listed, no listener or admin port opened', async () => {
    for (const workers of [1, 2]) {
      const port = await freePort();
      const admin = await freePort();
      const f = file(
        `start-invalid-${workers}.yaml`,
        VALID(port, admin)
          .replace('workers: 1', `workers: ${workers}`)
          .replace('upstream: backend', 'upstream: nope'),
      );
      const p = runCli(['start', '--config', f]);
      let seen = false;
      const probe = setInterval(async () => {
        if ((await tryConnect(port)) === 'accepted' || (await tryConnect(admin)) === 'accepted') seen = true;
      }, 5);
      const exit = await p.exitWithin(25_000);
      clearInterval(probe);
      assert.equal(exit.code, 1, p.stderr());
      assert.match(p.stderr(), /routes\[0\]\.upstream: no upstream named "nope"/);
      assert.doesNotMatch(p.stderr(), /is running/);
      assert.equal(seen, false, 'nothing was listening at any time');
      assert.equal(await tryConnect(port), 'refused');
    }
  });

  it('a port already in use: exit 1 with the reason, and nothing left open', async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const busyPort = (busy.address() as net.AddressInfo).port;
    try {
      for (const workers of [1, 2]) {
        // The first listener binds, the second cannot: the first must be closed again.
        const first = await freePort();
        const admin = await freePort();
        // Active health checks too: their timers must be stopped with the runtime.
        const f = file(
          `start-busy-${workers}.yaml`,
          VALID(first, admin)
            .replace('workers: 1', `workers: ${workers}`)
            .replace(
              'targets: [{ url: "http://127.0.0.1:9" }]',
              'targets: [{ url: "http://127.0.0.1:9" }]\n    health_checks: { active: { path: /, interval_ms: 200 } }',
            )
            .replace(
              `  - { name: main, host: 127.0.0.1, port: ${first} }`,
              `  - { name: main, host: 127.0.0.1, port: ${first} }\n  - { name: second, host: 127.0.0.1, port: ${busyPort} }`,
            ),
        );
        const r = runCli(['start', '--config', f]);
        const exit = await r.exitWithin(25_000);
        assert.equal(exit.code, 1, r.stderr());
        assert.match(r.stderr(), /gatehouse start: .*EADDRINUSE/);
        assert.equal(await tryConnect(first), 'refused');
        assert.equal(await tryConnect(admin), 'refused');
      }
      // The admin port in use: the gateway listener it opened first is closed again.
      const port = await freePort();
      const f = file('start-busy-admin.yaml', VALID(port, busyPort));
      const r = runCli(['start', '--config', f]);
      const exit = await r.exitWithin(25_000);
      assert.equal(exit.code, 1, r.stderr());
      assert.match(r.stderr(), /EADDRINUSE/);
      assert.equal(await tryConnect(port), 'refused');
    } finally {
      busy.close();
    }
  });
});
