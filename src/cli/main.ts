import { readFileSync } from 'node:fs';
import pino from 'pino';
import { formatConfigErrors } from '../config/errors.ts';
import { loadGatewayConfig } from '../config/index.ts';
import { builtinPolicies } from '../policies/index.ts';
import { buildRuntime } from '../runtime/build.ts';
import { ConfigLoadError, serve } from '../runtime/serve.ts';

const HELP = `gatehouse — a security-first API gateway

Usage:
  gatehouse start --config FILE [--workers N]   run the gateway (SIGHUP or a file change reloads)
  gatehouse validate --config FILE              check a config exactly as start would; exit 1 on errors
  gatehouse version                             print the version
  gatehouse help                                this text

Exit codes: 0 ok, 1 invalid configuration, 2 usage error.
`;

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
export function validateConfig(
  file: string,
  env: Record<string, string | undefined>,
): { ok: boolean; output: string } {
  const loaded = loadGatewayConfig(file, env, builtinPolicies);
  if (!loaded.ok) return { ok: false, output: formatConfigErrors(loaded.errors) };
  try {
    const rt = buildRuntime(loaded.value.config, {
      logger: pino({ level: 'silent' }),
      policies: builtinPolicies,
      metrics: { routeHandle: () => ({ observe() {} }), rejected() {} },
      accessLog: undefined,
      event() {},
      readFile: (p) => readFileSync(p, 'utf8'),
      generation: 0,
    });
    void rt.retire();
  } catch (err) {
    return { ok: false, output: formatConfigErrors([loaded.value.locateMessage((err as Error).message)]) };
  }
  for (const l of loaded.value.config.listeners) {
    for (const c of l.tls?.certificates ?? []) {
      for (const f of [c.cert, c.key]) {
        try {
          readFileSync(f);
        } catch {
          return {
            ok: false,
            output: formatConfigErrors([
              loaded.value.locateMessage(`listeners.${l.name}.tls: cannot read ${f}`),
            ]),
          };
        }
      }
    }
  }
  return {
    ok: true,
    output: `${file}: configuration is valid (${loaded.value.config.routes.length} routes)`,
  };
}

/** CLI entry; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  const parsed = parseFlags(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`gatehouse: ${parsed}\n\n${HELP}`);
    return 2;
  }
  const { flags } = parsed;
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
    case 'validate': {
      if (!flags.config) {
        process.stderr.write(`gatehouse validate: --config FILE is required\n`);
        return 2;
      }
      const r = validateConfig(flags.config, process.env);
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
                  : `  admin: http://${config.admin.host}:${admin}/healthz, /readyz, /metrics\n`),
            );
          },
        });
        let stopping = false;
        const stop = (signal: string) => {
          if (stopping) return;
          stopping = true;
          process.stderr.write(`gatehouse: ${signal} received, finishing in-flight requests\n`);
          served.close().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        };
        process.on('SIGTERM', () => stop('SIGTERM'));
        process.on('SIGINT', () => stop('SIGINT'));
        return await new Promise<number>(() => {});
      } catch (err) {
        if (err instanceof ConfigLoadError) {
          process.stderr.write(`${formatConfigErrors(err.errors)}\n`);
          return 1;
        }
        throw err;
      }
    }
    default:
      process.stderr.write(`gatehouse: unknown command "${cmd}"\n\n${HELP}`);
      return 2;
  }
}
