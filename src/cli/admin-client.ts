/**
 * CLI commands that talk to a running gateway's admin API:
 *
 *   gatehouse status                                   [--admin-url URL] [--json]
 *   gatehouse config diff|validate --file F            [--admin-url URL]
 *   gatehouse config apply --file F                    [--admin-url URL]
 *   gatehouse config rollback [--version N]            [--admin-url URL]
 *   gatehouse config history                           [--admin-url URL]
 *   gatehouse keys create --consumer C [--id ID] [--prefix P] [--expires-at T]
 *   gatehouse keys rotate --id K [--grace-seconds S]
 *   gatehouse keys revoke --id K
 *
 * The token comes from the GATEHOUSE_ADMIN_TOKEN environment variable (never a flag: argv is visible
 * to other users of the host). The admin URL defaults to http://127.0.0.1:9901.
 */
import { readFileSync } from 'node:fs';

/** Streams and environment of a command, replaceable in tests. */
export interface AdminCliIo {
  out(s: string): void;
  err(s: string): void;
  readonly env: Record<string, string | undefined>;
}

const processIo: AdminCliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
};

/** Default admin API address. */
export const DEFAULT_ADMIN_URL = 'http://127.0.0.1:9901';
const TIMEOUT_MS = 30_000;
const MAX_CONFIG_FILE = 4 * 1024 * 1024;

const USAGE = `Usage:
  gatehouse status [--json]
  gatehouse config diff --file F        show what applying F would change (also validates it)
  gatehouse config validate --file F    check F against the running gateway
  gatehouse config apply --file F       validate and apply F atomically
  gatehouse config rollback [--version N]   go back to version N (default: the previous one)
  gatehouse config history
  gatehouse keys create --consumer C [--id ID] [--prefix P] [--expires-at RFC3339]
  gatehouse keys rotate --id K [--grace-seconds S]   (default grace: 86400)
  gatehouse keys revoke --id K

Common: --admin-url URL (default ${DEFAULT_ADMIN_URL}); the token is read from GATEHOUSE_ADMIN_TOKEN.
`;

class UsageError extends Error {}

function parseFlags(args: readonly string[], allowed: readonly string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument "${a}"`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (name === 'json') {
      flags.json = 'true';
      continue;
    }
    if (!allowed.includes(name) && name !== 'admin-url') throw new UsageError(`unknown option --${name}`);
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else value = args[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`option --${name} needs a value`);
    flags[name] = value;
  }
  return flags;
}

interface ApiReply {
  status: number;
  body: unknown;
}

/** A client bound to one admin URL and token. */
interface Client {
  call(method: string, path: string, body?: string, contentType?: string): Promise<ApiReply>;
}

function client(flags: Record<string, string>, io: AdminCliIo): Client {
  const raw = flags['admin-url'] ?? io.env.GATEHOUSE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
  let base: URL;
  try {
    base = new URL(raw);
  } catch {
    throw new UsageError('--admin-url must be a URL');
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new UsageError('--admin-url must be http(s)');
  const token = io.env.GATEHOUSE_ADMIN_TOKEN;
  if (token === undefined || token === '')
    throw new UsageError('set GATEHOUSE_ADMIN_TOKEN to an admin API token');
  const loopback =
    ['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname) || base.hostname.startsWith('127.');
  if (base.protocol === 'http:' && !loopback) {
    io.err('gatehouse: warning: sending the admin token over plain http to a non-loopback address\n');
  }
  return {
    async call(method, path, body, contentType = 'application/json') {
      const url = new URL(path, base);
      const res = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': contentType }),
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await res.text();
      let parsed: unknown = null;
      if (text !== '') {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      }
      return { status: res.status, body: parsed };
    },
  };
}

/** Prints a problem answer (with config error positions) and returns exit code 1. */
function failed(io: AdminCliIo, r: ApiReply, file?: string): number {
  const p = (r.body ?? {}) as { title?: string; detail?: string; errors?: unknown[]; instance?: string };
  io.err(`gatehouse: ${r.status} ${p.title ?? ''}${p.detail ? `: ${p.detail}` : ''}\n`);
  for (const e of Array.isArray(p.errors) ? p.errors : []) {
    const x = e as { line?: number; column?: number; path?: string; message?: string };
    const where = x.line ? `${file ?? 'config'}:${x.line}:${x.column ?? 0}` : (file ?? 'config');
    io.err(`  ${where}${x.path ? ` ${x.path}` : ''}: ${x.message ?? ''}\n`);
  }
  if (p.instance) io.err(`  request: ${p.instance}\n`);
  return 1;
}

function readText(file: string | undefined): { file: string; text: string } {
  if (file === undefined) throw new UsageError('--file is required');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'read failed'})`);
  }
  if (Buffer.byteLength(text) > MAX_CONFIG_FILE) throw new UsageError(`${file} is larger than 4 MiB`);
  return { file, text };
}

function json(io: AdminCliIo, v: unknown): void {
  io.out(`${JSON.stringify(v, null, 2)}\n`);
}

async function guarded(io: AdminCliIo, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`gatehouse: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`gatehouse: cannot reach the admin API (${(err as Error).message})\n`);
    return 1;
  }
}

/**
 * `gatehouse status`: prints the gateway's status (config digest and version, generation, workers,
 * last reload). Returns the exit code (0 ok, 1 API error, 2 usage).
 *
 * @example
 * await statusCommand(['--admin-url', 'http://127.0.0.1:9901']);
 */
export function statusCommand(args: readonly string[], io: AdminCliIo = processIo): Promise<number> {
  return guarded(io, async () => {
    const flags = parseFlags(args, []);
    const r = await client(flags, io).call('GET', '/status');
    if (r.status !== 200) return failed(io, r);
    if (flags.json) json(io, r.body);
    else {
      for (const [k, v] of Object.entries(r.body as Record<string, unknown>)) {
        io.out(`${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}\n`);
      }
    }
    return 0;
  });
}

/**
 * `gatehouse config diff|validate|apply|rollback|history`. Returns the exit code (0 ok — for `diff`,
 * also when there are changes —, 1 invalid config or API error, 2 usage).
 *
 * @example
 * await configCommand(['apply', '--file', 'gatehouse.yaml']);
 */
export function configCommand(args: readonly string[], io: AdminCliIo = processIo): Promise<number> {
  return guarded(io, async () => {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'diff':
      case 'validate': {
        const flags = parseFlags(rest, ['file']);
        const { file, text } = readText(flags.file);
        const r = await client(flags, io).call('POST', '/config/validate', text, 'application/yaml');
        if (r.status !== 200) return failed(io, r, file);
        const b = r.body as {
          digest: string;
          running_digest: string;
          changes: Array<Record<string, unknown>>;
          security?: Array<{ kind: string; message: string; path: string }>;
        };
        if (flags.json) json(io, b);
        else if (sub === 'validate') io.out(`${file}: valid (digest ${b.digest})\n`);
        else if (b.changes.length === 0) io.out(`no changes (running ${b.running_digest})\n`);
        else {
          io.out(`running ${b.running_digest} -> ${file} ${b.digest}: ${b.changes.length} change(s)\n`);
          for (const c of b.changes) {
            const sign = c.op === 'add' ? '+' : c.op === 'remove' ? '-' : '~';
            const detail =
              c.op === 'replace'
                ? `${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`
                : JSON.stringify(c.op === 'add' ? c.after : c.before);
            io.out(`${sign} ${String(c.path)}: ${detail}\n`);
          }
          for (const s of b.security ?? []) {
            io.out(
              `${s.kind === 'weakens' ? 'WEAKENS SECURITY' : 'strengthens'}: ${s.message} (${s.path})\n`,
            );
          }
        }
        return 0;
      }
      case 'apply': {
        const flags = parseFlags(rest, ['file']);
        const { file, text } = readText(flags.file);
        const r = await client(flags, io).call('POST', '/config', text, 'application/yaml');
        if (r.status !== 200) return failed(io, r, file);
        const b = r.body as { version: number | null; digest: string; previous_digest: string };
        if (flags.json) json(io, b);
        else io.out(`applied ${file}: version ${String(b.version)} (${b.previous_digest} -> ${b.digest})\n`);
        return 0;
      }
      case 'rollback': {
        const flags = parseFlags(rest, ['version']);
        let body = '{}';
        if (flags.version !== undefined) {
          if (!/^\d{1,9}$/.test(flags.version)) throw new UsageError('--version must be a number');
          body = JSON.stringify({ version: Number(flags.version) });
        }
        const r = await client(flags, io).call('POST', '/config/rollback', body);
        if (r.status !== 200) return failed(io, r);
        const b = r.body as { version: number | null; rolled_back_to: number; digest: string };
        if (flags.json) json(io, b);
        else
          io.out(
            `rolled back to version ${b.rolled_back_to}: now version ${String(b.version)} (${b.digest})\n`,
          );
        return 0;
      }
      case 'history': {
        const flags = parseFlags(rest, []);
        const r = await client(flags, io).call('GET', '/config/history?size=1000');
        if (r.status !== 200) return failed(io, r);
        const b = r.body as {
          data: Array<{ version: number; digest: string; at: string; actor: string; reason: string }>;
        };
        if (flags.json) json(io, b.data);
        else for (const v of b.data) io.out(`v${v.version}  ${v.digest}  ${v.at}  ${v.actor}  ${v.reason}\n`);
        return 0;
      }
      default:
        throw new UsageError(sub === undefined ? 'config needs a subcommand' : `unknown subcommand "${sub}"`);
    }
  });
}

/**
 * `gatehouse keys create|rotate|revoke` through the admin API (the persistent credential store).
 * A created or rotated key is printed once. Returns the exit code (0 ok, 1 API error, 2 usage).
 *
 * @example
 * await adminKeysCommand(['create', '--consumer', 'alice']);
 */
export function adminKeysCommand(args: readonly string[], io: AdminCliIo = processIo): Promise<number> {
  return guarded(io, async () => {
    const [sub, ...rest] = args;
    const printKey = (flags: Record<string, string>, b: Record<string, unknown>) => {
      if (flags.json) json(io, b);
      else {
        io.out(`# New API key for consumer "${String(b.consumer)}". It is shown only now.\n`);
        io.out(`key: ${String(b.key)}\nid: ${String(b.id)}\n`);
        const rotated = b.rotated as { id?: string; grace_until?: string } | null | undefined;
        if (rotated?.id) io.out(`# "${rotated.id}" keeps working until ${String(rotated.grace_until)}\n`);
      }
    };
    switch (sub) {
      case 'create': {
        const flags = parseFlags(rest, ['consumer', 'id', 'prefix', 'expires-at']);
        if (flags.consumer === undefined) throw new UsageError('--consumer is required');
        const body: Record<string, string> = {};
        if (flags.id !== undefined) body.id = flags.id;
        if (flags.prefix !== undefined) body.prefix = flags.prefix;
        if (flags['expires-at'] !== undefined) body.expires_at = flags['expires-at'];
        const r = await client(flags, io).call(
          'POST',
          `/consumers/${encodeURIComponent(flags.consumer)}/keys`,
          JSON.stringify(body),
        );
        if (r.status !== 201) return failed(io, r);
        printKey(flags, r.body as Record<string, unknown>);
        return 0;
      }
      case 'rotate': {
        const flags = parseFlags(rest, ['id', 'grace-seconds']);
        if (flags.id === undefined) throw new UsageError('--id is required');
        const body: Record<string, number> = {};
        if (flags['grace-seconds'] !== undefined) {
          if (!/^\d{1,9}$/.test(flags['grace-seconds']))
            throw new UsageError('--grace-seconds must be a number');
          body.grace_seconds = Number(flags['grace-seconds']);
        }
        const r = await client(flags, io).call(
          'POST',
          `/keys/${encodeURIComponent(flags.id)}/rotate`,
          JSON.stringify(body),
        );
        if (r.status !== 201) return failed(io, r);
        printKey(flags, r.body as Record<string, unknown>);
        return 0;
      }
      case 'revoke': {
        const flags = parseFlags(rest, ['id']);
        if (flags.id === undefined) throw new UsageError('--id is required');
        const r = await client(flags, io).call('DELETE', `/keys/${encodeURIComponent(flags.id)}`);
        if (r.status !== 204) return failed(io, r);
        io.out(`revoked ${flags.id}\n`);
        return 0;
      }
      default:
        throw new UsageError(sub === undefined ? 'keys needs a subcommand' : `unknown subcommand "${sub}"`);
    }
  });
}
