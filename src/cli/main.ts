import { readFileSync } from 'node:fs';
import { formatConfigErrors } from '../config/errors.ts';
import { keysCommand } from './keys.ts';

const HELP = `gatehouse — a security-first API gateway

Usage:
  gatehouse start --config FILE [--workers N]   run the gateway (SIGHUP or a file change reloads)
  gatehouse validate --config FILE              check a config exactly as start would; exit 1 on errors
  gatehouse audit --config FILE [--fail-on high] [--format text|json]
                                                flag insecure settings (OWASP API Top 10); exit 1 at or
                                                above --fail-on (info, low, medium, high, critical)
  gatehouse keys generate [--prefix gh] [--id ID]  print a new API key and its consumers[].api_keys entry
  gatehouse keys create|rotate|revoke ...       manage stored keys through the admin API
  gatehouse status                              the running gateway's status (admin API)
  gatehouse config diff|validate|apply|rollback|history --file F
                                                compare, check, apply or roll back the running config
                                                (diff marks changes that weaken security)
  gatehouse audit verify --file F               check the admin audit log's hash chain
  gatehouse openapi import SPEC                 print the gateway config an OpenAPI 3.x document implies

  Admin API commands read the token from GATEHOUSE_ADMIN_TOKEN and take --admin-url URL.

  gatehouse version                             print the version
  gatehouse help                                this text

Exit codes: 0 ok, 1 invalid configuration or failure to start, 2 usage error.
`;

/** Options each command accepts. */
const ALLOWED_FLAGS: Record<string, readonly string[]> = {
  start: ['config', 'workers'],
  validate: ['config'],
  audit: ['config', 'fail-on', 'format'],
  version: [],
  help: [],
};

/** Extra time after `shutdown_timeout_ms` before a stuck shutdown gives up and exits 1. */
const SHUTDOWN_FAILSAFE_MS = 5000;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function parseFlags(args: string[]): { flags: Record<string, string>; rest: string[] } | string {
  const flags: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else {
        const v = args[i + 1];
        if (v === undefined || v.startsWith('--')) return `option ${a} needs a value`;
        flags[a.slice(2)] = v;
        i++;
      }
    } else rest.push(a);
  }
  return { flags, rest };
}

/** `validate`: everything `start` checks, without opening sockets. */
export async function validateConfig(
  file: string,
  env: Record<string, string | undefined>,
): Promise<{ ok: boolean; output: string }> {
  // The runtime (policies, Ajv, undici…) is loaded only by the commands that need it, so
  // `version` and `help` answer at once.
  const { checkConfig } = await import('../runtime/gateway.ts');
  const checked = checkConfig(file, undefined, env);
  if (!checked.ok) return { ok: false, output: formatConfigErrors(checked.errors) };
  const routes = checked.value.config.routes.length;
  return { ok: true, output: `${file}: configuration is valid (${routes} route${routes === 1 ? '' : 's'})` };
}

/** CLI entry; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  if (cmd === 'keys') {
    // `keys generate` works offline; create/rotate/revoke talk to the admin API.
    if (args[0] === 'generate' || args[0] === undefined || args[0] === 'help') return keysCommand(args);
    const { adminKeysCommand } = await import('./admin-client.ts');
    return adminKeysCommand(args);
  }
  if (cmd === 'status') {
    const { statusCommand } = await import('./admin-client.ts');
    return statusCommand(args);
  }
  if (cmd === 'config') {
    const { configCommand } = await import('./admin-client.ts');
    return configCommand(args);
  }
  if (cmd === 'audit' && (args[0] === 'verify' || args[0] === 'export')) {
    const { auditCommand } = await import('./audit.ts');
    return auditCommand(args);
  }
  if (cmd === 'openapi') {
    const { openapiCommand } = await import('./openapi.ts');
    const r = await openapiCommand(args);
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    return r.code;
  }
  const parsed = parseFlags(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`gatehouse: ${parsed}\n\n${HELP}`);
    return 2;
  }
  const { flags, rest } = parsed;
  // A mistyped option (`--confg`) or a stray argument is an error, never silently ignored.
  const allowed = ALLOWED_FLAGS[cmd ?? ''];
  if (allowed) {
    const unknown = Object.keys(flags).find((f) => !allowed.includes(f));
    const problem =
      unknown !== undefined
        ? `unknown option --${unknown}`
        : rest.length > 0
          ? `unexpected argument "${rest[0]}"`
          : '';
    if (problem) {
      process.stderr.write(`gatehouse ${cmd}: ${problem}\n\n${HELP}`);
      return 2;
    }
  }
  switch (cmd) {
    case 'version':
    case '--version':
      process.stdout.write(`gatehouse ${version()} (node ${process.versions.node})\n`);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return 0;
    case 'audit': {
      const { auditConfigCommand } = await import('./audit-config.ts');
      const r = await auditConfigCommand(flags, process.env);
      process.stdout.write(r.stdout);
      process.stderr.write(r.stderr);
      return r.code;
    }
    case 'validate': {
      if (!flags.config) {
        process.stderr.write(`gatehouse validate: --config FILE is required\n`);
        return 2;
      }
      const r = await validateConfig(flags.config, process.env);
      (r.ok ? process.stdout : process.stderr).write(`${r.output}\n`);
      return r.ok ? 0 : 1;
    }
    case 'start': {
      if (!flags.config) {
        process.stderr.write(`gatehouse start: --config FILE is required\n`);
        return 2;
      }
      const workers = flags.workers === undefined ? undefined : Number(flags.workers);
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 256)) {
        process.stderr.write(`gatehouse start: --workers must be an integer from 1 to 256\n`);
        return 2;
      }
      const { ConfigLoadError, serve } = await import('../runtime/serve.ts');
      // `start` ends only through process.exit (after a signal, or below on a failed start). If
      // Node ever finds nothing left to wait for first, that is a failure, not a clean exit 0.
      let exiting = false;
      process.once('exit', (code) => {
        if (exiting || code !== 0) return;
        process.stderr.write('gatehouse: stopped unexpectedly (nothing left running)\n');
        process.exitCode = 1;
      });
      try {
        const served = await serve({
          configPath: flags.config,
          env: process.env,
          workers,
          onReady: ({ listeners, admin, config }) => {
            const lines = config.listeners.map((l) => {
              const host = l.host === '0.0.0.0' || l.host === '::' ? '127.0.0.1' : l.host;
              return `  ${l.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${listeners[l.name]}/  (listener "${l.name}")`;
            });
            process.stderr.write(
              `Gatehouse ${version()} is running. Send a request to:\n${lines.join('\n')}\n` +
                (admin === undefined
                  ? ''
                  : `  admin: http://${config.admin.host}:${admin}/healthz, /readyz, /metrics; dashboard: http://${config.admin.host}:${admin}/dashboard\n`),
            );
          },
        });
        let stopping = false;
        const stop = (signal: string) => {
          if (stopping) {
            // A second Ctrl-C means "now".
            if (signal === 'SIGINT') process.exit(1);
            return;
          }
          stopping = true;
          exiting = true;
          const graceMs = served.shutdownTimeoutMs;
          process.stderr.write(
            `gatehouse: ${signal} received, finishing in-flight requests (at most ${graceMs} ms)\n`,
          );
          // Connections still open at the deadline are cut; if closing itself hangs, do not hang with it.
          const failsafe = setTimeout(() => {
            process.stderr.write('gatehouse: shutdown did not finish in time; exiting\n');
            process.exit(1);
          }, graceMs + SHUTDOWN_FAILSAFE_MS);
          failsafe.unref();
          served.close().then(
            () => process.exit(0),
            (err: Error) => {
              process.stderr.write(`gatehouse: shutdown failed: ${err.message}\n`);
              process.exit(1);
            },
          );
        };
        process.on('SIGTERM', () => stop('SIGTERM'));
        process.on('SIGINT', () => stop('SIGINT'));
        return await new Promise<number>(() => {});
      } catch (err) {
        exiting = true;
        if (err instanceof ConfigLoadError) {
          process.stderr.write(`${formatConfigErrors(err.errors)}\n`);
          return 1;
        }
        // A listener that cannot be bound (port in use, permission), a log file that cannot be opened…
        process.stderr.write(`gatehouse start: ${(err as Error).message}\n`);
        return 1;
      }
    }
    default:
      process.stderr.write(`gatehouse: unknown command "${cmd}"\n\n${HELP}`);
      return 2;
  }
}
