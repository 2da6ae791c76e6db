/**
 * Hot reload of the real CLI process (`gatehouse start`, two worker threads) under sustained
 * keep-alive load: 50 reloads, some by SIGHUP and some by rewriting the watched file, then three
 * bad files. Not one request may fail; bad files are refused with their position and counted in
 * `gatehouse_config_reloads_total{result="failure"}` on the admin listener.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { type CliProcess, freePort, runCli } from '../helpers/cli.ts';
import { type FastUpstream, startFastUpstream, startLoad } from '../helpers/load.ts';

/** The admin token the test configs declare (the admin API needs one for /status). */
const ADMIN_AUTH = { authorization: 'Bearer gatehouse-test-admin-token-0001' };

const RELOADS = 50;
const RELOADED = 'configuration reloaded in every worker';
const FAILED = 'configuration reload failed; keeping the running configuration';

let up: FastUpstream;
let dir: string;

before(async () => {
  up = await startFastUpstream();
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-reload-cli-'));
});
after(async () => {
  await up.close();
  rmSync(dir, { recursive: true, force: true });
});

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Replaces the file the way editors do (write aside, rename over), so no reader sees half a file. */
function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

interface Status {
  generation: number;
  config_sha256: string;
  workers: number;
  last_reload: { ok: boolean; at: string; errors?: string[] } | null;
}

async function status(adminPort: number): Promise<Status> {
  const res = await request(`http://127.0.0.1:${adminPort}/status`, { headers: ADMIN_AUTH });
  assert.equal(res.statusCode, 200);
  return (await res.body.json()) as Status;
}

/** Polls the admin `/status` until `test` holds (every 10 ms, at most `timeoutMs`). */
async function waitForStatus(
  adminPort: number,
  test: (s: Status) => boolean,
  what: string,
  timeoutMs = 5000,
) {
  const deadline = performance.now() + timeoutMs;
  let last: Status | undefined;
  while (performance.now() < deadline) {
    last = await status(adminPort);
    if (test(last)) return last;
    await sleep(10);
  }
  assert.fail(`timed out waiting for ${what}; last status: ${JSON.stringify(last)}`);
}

async function metric(adminPort: number, series: RegExp): Promise<number> {
  const res = await request(`http://127.0.0.1:${adminPort}/metrics`);
  const body = await res.body.text();
  assert.equal(res.statusCode, 200);
  const m = series.exec(body);
  return m ? Number(m[1]) : 0;
}

describe('hot reload of `gatehouse start` with two workers, under load', () => {
  it('50 reloads (SIGHUP and file watch) with zero failed requests; bad files keep the old config', async () => {
    const port = await freePort();
    const adminPort = await freePort();
    const file = join(dir, 'gatehouse.yaml');
    const config = (version: string, variant: number) => `gatehouse: 1
workers: 2
shutdown_timeout_ms: 5000
admin: { host: 127.0.0.1, port: ${adminPort}, tokens: [{ id: test, role: admin, token: "gatehouse-test-admin-token-0001" }], state_dir: "${join(tmpdir(), `gh-admin-${process.pid}`)}" }
logging: { level: info, access_log: false }
listeners:
  - { name: main, host: 127.0.0.1, port: ${port} }
${variant === 1 ? 'limits: { max_body_bytes: 4096, keep_alive_timeout_ms: 9000 }' : ''}${variant === 2 ? 'limits: { max_connections_per_ip: 1000, headers_timeout_ms: 7000 }' : ''}
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: all
    paths: ["/*"]
    upstream: backend
    policies:
      headers:
        response:
          set: { x-config: "${version}" }
`;
    writeAtomically(file, config('v0', 0));
    const gh: CliProcess = runCli(['start', '--config', file]);
    const load = () => startLoad({ origin: `http://127.0.0.1:${port}`, path: '/load', header: 'x-config' });
    let running: ReturnType<typeof load> | undefined;
    try {
      await gh.waitFor((o) => o.includes('is running'), 25_000, 'the gateway to start');
      const mainLines = (message: string) =>
        gh.logs().filter((l) => l.message === message && l.worker === undefined);
      const applied = (text: string) => mainLines(RELOADED).some((l) => l.config_sha256 === sha(text));

      running = load();
      await sleep(300);
      const started = performance.now();
      let bySignal = 0;
      let byWatch = 0;
      for (let i = 1; i <= RELOADS; i++) {
        const text = config(`v${i}`, i % 3);
        writeAtomically(file, text);
        // Two in five reloads come from the file watch alone, the others from SIGHUP.
        if (i % 5 === 1 || i % 5 === 3) byWatch++;
        else {
          process.kill(gh.pid, 'SIGHUP');
          bySignal++;
        }
        await waitForStatus(adminPort, (st) => st.config_sha256 === sha(text), `reload ${i} to apply`);
      }
      const reloadMs = performance.now() - started;
      await sleep(300);
      const st = await status(adminPort);
      assert.equal(st.workers, 2);
      assert.ok(st.generation >= RELOADS + 1, `generation ${st.generation}`);
      assert.equal(st.last_reload?.ok, true);
      await gh.waitFor(
        () => applied(config(`v${RELOADS}`, RELOADS % 3)),
        3000,
        'the last reload to be logged',
      );
      assert.deepEqual(mainLines(FAILED), [], 'no reload failed');
      const good = await running.stop();
      running = undefined;

      assert.deepEqual(good.failures, [], `${good.failureCount} of ${good.sent} requests failed`);
      assert.deepEqual([...good.byStatus.keys()], [200]);
      assert.ok(good.sent > RELOADS * 5, `sustained load (${good.sent} requests)`);
      assert.ok(good.headerValues.size >= RELOADS * 0.5, `versions served: ${good.headerValues.size}`);
      assert.deepEqual(new Set(good.lastSeen), new Set([`v${RELOADS}`]));
      const successes = await metric(adminPort, /gatehouse_config_reloads_total\{result="success"\} (\d+)/);
      assert.ok(successes >= RELOADS + 1, `successful reloads counted: ${successes}`);
      const served = await metric(
        adminPort,
        /gatehouse_http_server_requests_total\{route="all"[^}]*status="200"\} (\d+)/,
      );
      assert.equal(served, good.sent + 0, 'the aggregated request count matches what was sent');
      process.stdout.write(
        `# cli, 2 workers: ${good.sent} requests during ${RELOADS} reloads (${bySignal} SIGHUP, ${byWatch} watch) ` +
          `in ${Math.round(reloadMs)} ms, ${good.failureCount} failed\n`,
      );

      // Bad files while under load: refused, positioned, counted; the last good config keeps serving.
      running = load();
      const bad: Array<[string, string, RegExp]> = [
        ['a syntax error', `${config('bad-1', 0)}  - name: [unclosed\n`, /:\d+:\d+ /],
        [
          'an unknown key',
          config('bad-2', 0).replace('workers: 2', 'workers: 2\nbogus: true'),
          /:3:1 bogus: unknown key "bogus"/,
        ],
        [
          'an unknown upstream',
          config('bad-3', 0).replace('upstream: backend', 'upstream: nowhere'),
          /:\d+:\d+ routes\[0\]\.upstream: no upstream named "nowhere"/,
        ],
      ];
      const isReported = (errors: readonly string[] | undefined, expected: RegExp) =>
        (errors ?? []).some((e) => e.startsWith(file) && expected.test(e.slice(file.length)));
      for (const [what, text, expected] of bad) {
        const failuresBefore = mainLines(FAILED).length;
        const at = (await status(adminPort)).last_reload?.at;
        writeAtomically(file, text);
        if (what !== 'an unknown key') process.kill(gh.pid, 'SIGHUP');
        const st = await waitForStatus(
          adminPort,
          (s) => s.last_reload?.at !== at && s.last_reload?.ok === false,
          `${what} to be refused`,
        );
        assert.ok(isReported(st.last_reload?.errors, expected), `${what}: ${JSON.stringify(st.last_reload)}`);
        assert.equal(st.config_sha256, sha(config(`v${RELOADS}`, RELOADS % 3)));
        await gh.waitFor(() => mainLines(FAILED).length > failuresBefore, 3000, `${what} to be logged`);
        const logged = mainLines(FAILED).at(-1)?.errors as string[] | undefined;
        assert.ok(isReported(logged, expected), `${what} logged: ${JSON.stringify(logged)}`);
        await sleep(300); // the file watch's own (debounced) reload of the same bad file
        const res = await request(`http://127.0.0.1:${port}/check`, { reset: true });
        await res.body.text();
        assert.equal(res.headers['x-config'], `v${RELOADS}`, `${what}: the last good config serves`);
      }
      const stillGood = await running.stop();
      running = undefined;
      assert.deepEqual(
        stillGood.failures,
        [],
        `${stillGood.failureCount} requests failed during bad reloads`,
      );
      assert.deepEqual([...stillGood.headerValues.keys()], [`v${RELOADS}`], 'no bad config ever served');
      const failures = await metric(adminPort, /gatehouse_config_reloads_total\{result="failure"\} (\d+)/);
      assert.equal(failures, mainLines(FAILED).length, 'every refused reload is counted once');
      assert.ok(failures >= bad.length);
      // Refused in the main thread: no worker ever tried a bad file.
      assert.deepEqual(
        gh.logs().filter((l) => l.message === FAILED && l.worker !== undefined),
        [],
      );

      gh.kill('SIGTERM');
      const exit = await gh.exitWithin(25_000);
      assert.equal(exit.code, 0, gh.stderr());
    } finally {
      await running?.stop();
      gh.kill('SIGKILL');
    }
  });
});
