/**
 * `gatehouse audit …`: offline tools for the admin audit log.
 *
 *   gatehouse audit verify --file F     checks the hash chain; reports the first bad line
 *   gatehouse audit export --file F [--format ocsf|json]   prints entries as JSON lines
 */
import { readFileSync } from 'node:fs';
import { type AuditEntry, toOcsf, verifyAuditLog } from '../audit/log.ts';

/** Output streams, replaceable in tests. */
export interface AuditCliIo {
  out(s: string): void;
  err(s: string): void;
}

const processIo: AuditCliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

const USAGE = `Usage:
  gatehouse audit verify --file F                 check the hash chain of an audit log
  gatehouse audit export --file F [--format ocsf|json]   print the entries (OCSF API Activity by default)
`;

function flagsOf(args: readonly string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (!a.startsWith('--') || (name !== 'file' && name !== 'format')) return `unexpected argument "${a}"`;
    const v = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (v === undefined || v.startsWith('--')) return `option --${name} needs a value`;
    out[name] = v;
  }
  return out;
}

/**
 * Runs `gatehouse audit <args>`; returns the exit code: 0 intact, 1 tampered or unreadable, 2 usage.
 *
 * @example
 * auditCommand(['verify', '--file', '.gatehouse/admin/audit.jsonl']);
 * // ok: 42 entries, head 42 9f86d0…   |   TAMPERED: line 7: prev does not match …
 */
export function auditCommand(args: readonly string[], io: AuditCliIo = processIo): number {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === 'help' || sub === '--help') {
    io.out(USAGE);
    return sub === undefined ? 2 : 0;
  }
  const flags = flagsOf(rest);
  if (typeof flags === 'string') {
    io.err(`gatehouse audit: ${flags}\n\n${USAGE}`);
    return 2;
  }
  if (flags.file === undefined) {
    io.err(`gatehouse audit: --file is required\n\n${USAGE}`);
    return 2;
  }
  if (sub === 'verify') {
    let r: ReturnType<typeof verifyAuditLog>;
    try {
      r = verifyAuditLog(flags.file);
    } catch (err) {
      io.err(
        `gatehouse audit: cannot read ${flags.file} (${(err as NodeJS.ErrnoException).code ?? 'read failed'})\n`,
      );
      return 1;
    }
    if (r.ok) {
      io.out(`ok: ${r.entries} entries, head ${r.head.seq} ${r.head.hash}\n`);
      return 0;
    }
    io.err(
      `TAMPERED: ${flags.file} line ${r.line}: ${r.reason} (${r.entries} entries before it are intact)\n`,
    );
    return 1;
  }
  if (sub === 'export') {
    const format = flags.format ?? 'ocsf';
    if (format !== 'ocsf' && format !== 'json') {
      io.err(`gatehouse audit: --format must be ocsf or json\n\n${USAGE}`);
      return 2;
    }
    const v = verifyAuditLog(flags.file);
    if (!v.ok) io.err(`gatehouse audit: warning: line ${v.line}: ${v.reason}\n`);
    for (const line of readFileSync(flags.file, 'utf8').split('\n')) {
      if (line === '') continue;
      let e: AuditEntry;
      try {
        e = JSON.parse(line) as AuditEntry;
      } catch {
        continue;
      }
      io.out(`${JSON.stringify(format === 'ocsf' ? toOcsf(e) : e)}\n`);
    }
    return v.ok ? 0 : 1;
  }
  io.err(`gatehouse audit: unknown subcommand "${sub}"\n\n${USAGE}`);
  return 2;
}
