/**
 * The admin audit log: one JSON object per line, hash-chained. Each entry carries `prev` (the
 * `hash` of the entry before it, 64 zeros for the first) and its own `hash` = SHA-256 of its
 * canonical text (sorted keys, without `hash`). Editing, deleting, inserting or reordering a line
 * breaks the chain at that line; {@link verifyAuditLog} reports the first bad one. A sidecar
 * `<file>.head` holds the last sequence number and hash, so cutting lines off the end is noticed too,
 * by `verifyAuditLog` and by {@link AuditLog} at open (it refuses to append over the cut), unless the
 * head file is rewritten as well: anchor `head` elsewhere for that.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';

/** How an audited action ended. */
export type AuditOutcome = 'success' | 'failure' | 'denied';

/** The fields a caller gives for one audit entry. */
export interface AuditInput {
  /** Token id of the caller (`anonymous` when unauthenticated, `system` for the gateway itself). */
  readonly actor: string;
  /** Role of the caller's token, when authenticated. */
  readonly role?: string | undefined;
  /** What was done, e.g. `config.apply`, `key.revoke`, `ban.lift`. */
  readonly action: string;
  /** What it was done to, e.g. `key:k_1f0c…`, `config`, `consumer:alice`. */
  readonly target: string;
  readonly outcome: AuditOutcome;
  /** HTTP status answered, when the action came through the admin API. */
  readonly status?: number | undefined;
  readonly sourceIp?: string | undefined;
  readonly requestId?: string | undefined;
  /** Digest of the state before / after (config digest, key hash id…). */
  readonly before?: string | undefined;
  readonly after?: string | undefined;
  /** Short safe text (never a secret). */
  readonly detail?: string | undefined;
}

/** One stored entry: the input plus sequence, time and chain fields. */
export interface AuditEntry {
  readonly seq: number;
  /** RFC 3339 time. */
  readonly time: string;
  readonly actor: string;
  readonly role?: string;
  readonly action: string;
  readonly target: string;
  readonly outcome: AuditOutcome;
  readonly status?: number;
  readonly source_ip?: string;
  readonly request_id?: string;
  readonly before?: string;
  readonly after?: string;
  readonly detail?: string;
  /** `hash` of the previous entry (64 zeros for the first). */
  readonly prev: string;
  /** SHA-256 (hex) of this entry's canonical text without `hash`. */
  readonly hash: string;
}

/** `prev` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Longest `detail` kept (characters). */
const MAX_DETAIL = 512;

/**
 * Canonical text of a JSON value: object keys sorted, no whitespace. The same value always gives
 * the same text, whatever order its keys were written in.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, 'x'] }); // '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** SHA-256 (hex) of an entry's canonical text without its `hash` field. */
export function entryHash(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...rest } = entry;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** Result of {@link verifyAuditLog}. `line` is 1-based. */
export type AuditVerifyResult =
  | { ok: true; entries: number; head: { seq: number; hash: string } }
  | { ok: false; line: number; reason: string; entries: number };

/** Options of {@link AuditLog}. */
export interface AuditLogOptions {
  /** The JSON-lines file. Its directory is created (0700); the file is kept at 0600. */
  readonly file: string;
  /** Entries kept in memory for `recent()` (default 1000). */
  readonly recentMax?: number;
  /** Clock (tests). */
  readonly clock?: () => number;
}

function clip(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  return s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL)}…` : s;
}

/** The `<file>.head` sidecar: undefined when absent, `'invalid'` when present but not a head record. */
function readHead(file: string): { seq: number; hash: string } | 'invalid' | undefined {
  let text: string;
  try {
    text = readFileSync(`${file}.head`, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return 'invalid';
  }
  try {
    const h = JSON.parse(text) as { seq?: unknown; hash?: unknown } | null;
    if (h !== null && Number.isSafeInteger(h.seq) && typeof h.hash === 'string') {
      return { seq: h.seq as number, hash: h.hash };
    }
  } catch {
    // Falls through to 'invalid'.
  }
  return 'invalid';
}

/** Writes the `<file>.head` sidecar atomically. */
function writeHead(file: string, head: { seq: number; hash: string }): void {
  const tmp = `${file}.head.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ seq: head.seq, hash: head.hash })}\n`, { mode: 0o600 });
  renameSync(tmp, `${file}.head`);
}

/**
 * The non-empty lines of the last 1 MiB of a file (a line cut by the window's start left out), or
 * an empty list for a missing or empty file. A last line longer than the window is a TypeError.
 */
function tailLines(file: string): string[] {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  try {
    const size = fstatSync(fd).size;
    const len = Math.min(size, 1024 * 1024);
    const buf = Buffer.alloc(len);
    readSync(fd, buf, 0, len, size - len);
    const lines = buf.toString('utf8').split('\n');
    if (len < size) lines.shift();
    const out = lines.filter((l) => l.trim() !== '');
    if (out.length === 0 && size > 0 && len < size) {
      throw new TypeError(
        `audit log ${file}: the last line is longer than 1 MiB; run "gatehouse audit verify"`,
      );
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

/**
 * The entries at the end of `lines` (oldest first, at most `max`) that form an intact chain ending at
 * the last line: each matches its hash and is the `prev` of the one after it.
 */
function chainedTail(lines: readonly string[], max: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let next: AuditEntry | undefined;
  for (let i = lines.length - 1; i >= 0 && out.length < max; i--) {
    let e: AuditEntry;
    try {
      e = JSON.parse(lines[i]!) as AuditEntry;
    } catch {
      break;
    }
    if (e === null || typeof e !== 'object' || typeof e.hash !== 'string' || entryHash(e) !== e.hash) break;
    if (next !== undefined && (next.prev !== e.hash || next.seq !== e.seq + 1)) break;
    out.push(Object.freeze(e));
    next = e;
  }
  return out.reverse();
}

/**
 * An append-only, hash-chained audit log. Appends are synchronous (written and fsynced before
 * `append` returns): admin actions are rare and an action must not be acknowledged before it is
 * recorded. Opening continues the chain of an existing file; a file whose last line is not a valid
 * entry, or that ends before the entry its `.head` records, is refused (TypeError) rather than
 * silently forked.
 *
 * @example
 * const audit = new AuditLog({ file: '.gatehouse/admin/audit.jsonl' });
 * audit.append({ actor: 'ops', role: 'admin', action: 'config.apply', target: 'config', outcome: 'success' });
 */
export class AuditLog {
  /** Absolute path of the log file. */
  readonly file: string;
  readonly #recentMax: number;
  readonly #clock: () => number;
  readonly #recent: AuditEntry[] = [];
  #seq = 0;
  #prev = GENESIS_HASH;

  constructor(opts: AuditLogOptions) {
    if (typeof opts?.file !== 'string' || opts.file === '')
      throw new TypeError('audit log: file is required');
    this.file = resolve(opts.file);
    this.#recentMax = opts.recentMax ?? 1000;
    if (!Number.isSafeInteger(this.#recentMax) || this.#recentMax < 1) {
      throw new TypeError('audit log: recentMax must be a positive integer');
    }
    this.#clock = opts.clock ?? Date.now;
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    closeSync(openSync(this.file, 'a', 0o600));
    const tail = tailLines(this.file);
    const last = tail.at(-1);
    let lastPrev: string | undefined;
    if (last !== undefined) {
      let e: AuditEntry;
      try {
        e = JSON.parse(last) as AuditEntry;
      } catch {
        throw new TypeError(
          `audit log ${this.file}: the last line is not JSON; run "gatehouse audit verify"`,
        );
      }
      if (!Number.isSafeInteger(e.seq) || typeof e.hash !== 'string' || entryHash(e) !== e.hash) {
        throw new TypeError(
          `audit log ${this.file}: the last entry does not match its hash; run "gatehouse audit verify"`,
        );
      }
      this.#seq = e.seq;
      this.#prev = e.hash;
      lastPrev = e.prev;
      this.#recent.push(...chainedTail(tail, this.#recentMax));
    }
    // The head sidecar must agree with the last entry; otherwise appending would overwrite it and
    // hide lines cut off the end. One entry behind is the crash window between the fsynced append
    // and the head update, and is repaired.
    const head = readHead(this.file);
    if (head === 'invalid') {
      throw new TypeError(
        `audit log ${this.file}: its head file is unreadable; run "gatehouse audit verify"`,
      );
    }
    if (head !== undefined && (head.seq !== this.#seq || head.hash !== this.#prev)) {
      if (head.seq === this.#seq - 1 && head.hash === lastPrev) writeHead(this.file, this.head());
      else {
        throw new TypeError(
          `audit log ${this.file}: the log ends at entry ${this.#seq} but its head records entry ${head.seq}; run "gatehouse audit verify"`,
        );
      }
    }
  }

  /** Sequence number and hash of the last entry (seq 0 and the genesis hash when empty). */
  head(): { seq: number; hash: string } {
    return { seq: this.#seq, hash: this.#prev };
  }

  /** Appends one entry (fsynced) and returns it. */
  append(input: AuditInput): AuditEntry {
    const body: Omit<AuditEntry, 'hash'> = {
      seq: this.#seq + 1,
      time: new Date(this.#clock()).toISOString(),
      actor: input.actor,
      ...(input.role === undefined ? {} : { role: input.role }),
      action: input.action,
      target: input.target,
      outcome: input.outcome,
      ...(input.status === undefined ? {} : { status: input.status }),
      ...(input.sourceIp === undefined ? {} : { source_ip: input.sourceIp }),
      ...(input.requestId === undefined ? {} : { request_id: input.requestId }),
      ...(input.before === undefined ? {} : { before: input.before }),
      ...(input.after === undefined ? {} : { after: input.after }),
      ...(input.detail === undefined ? {} : { detail: clip(input.detail) }),
      prev: this.#prev,
    };
    const entry: AuditEntry = Object.freeze({ ...body, hash: entryHash(body) });
    const fd = openSync(this.file, 'a', 0o600);
    try {
      writeSync(fd, `${canonicalJson(entry)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.#seq = entry.seq;
    this.#prev = entry.hash;
    writeHead(this.file, entry);
    this.#recent.push(entry);
    if (this.#recent.length > this.#recentMax) this.#recent.shift();
    return entry;
  }

  /**
   * The latest entries, newest first (at most `recentMax`): those appended by this process after
   * those found at the end of the file when it was opened (as far back as their chain is intact).
   */
  recent(): readonly AuditEntry[] {
    return [...this.#recent].reverse();
  }
}

/**
 * Checks a whole audit log: every line parses, its `hash` matches its content, its `prev` is the
 * previous line's `hash` and sequence numbers go up by one from 1. With a `<file>.head` sidecar (or
 * `expectHead`), the last entry must match it, so a truncated log is noticed. Reports the first
 * bad line (1-based).
 *
 * @example
 * const r = verifyAuditLog('.gatehouse/admin/audit.jsonl');
 * if (!r.ok) console.error(`line ${r.line}: ${r.reason}`);
 */
export function verifyAuditLog(
  file: string,
  opts: { expectHead?: { seq: number; hash: string } } = {},
): AuditVerifyResult {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let prev = GENESIS_HASH;
  let seq = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const bad = (reason: string): AuditVerifyResult => ({ ok: false, line, reason, entries: i });
    let e: AuditEntry;
    try {
      e = JSON.parse(lines[i]!) as AuditEntry;
    } catch {
      return bad('not valid JSON');
    }
    if (e === null || typeof e !== 'object' || typeof e.hash !== 'string') return bad('not an audit entry');
    if (canonicalJson(e) !== lines[i]) return bad('not in canonical form (edited)');
    if (entryHash(e) !== e.hash) return bad('content does not match its hash (edited)');
    if (e.prev !== prev)
      return bad('prev does not match the previous entry (line deleted, inserted or moved)');
    if (e.seq !== seq + 1) return bad(`sequence ${String(e.seq)} where ${seq + 1} was expected`);
    prev = e.hash;
    seq = e.seq;
  }
  let head = opts.expectHead;
  if (head === undefined) {
    const h = readHead(file);
    if (h === 'invalid') {
      return {
        ok: false,
        line: lines.length + 1,
        reason: `its head file ${file}.head is unreadable (edited or replaced)`,
        entries: lines.length,
      };
    }
    head = h;
  }
  if (head !== undefined && (head.seq !== seq || head.hash !== prev)) {
    return {
      ok: false,
      line: lines.length + 1,
      reason: `the log ends at entry ${seq} but its head records entry ${String(head.seq)} (lines cut off the end)`,
      entries: lines.length,
    };
  }
  return { ok: true, entries: lines.length, head: { seq, hash: prev } };
}

const ACTIVITY: Record<string, { id: number; name: string }> = {
  create: { id: 1, name: 'Create' },
  read: { id: 2, name: 'Read' },
  update: { id: 3, name: 'Update' },
  delete: { id: 4, name: 'Delete' },
};

function activityOf(action: string): { id: number; name: string } {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  if (verb === 'create' || verb === 'rotate' || verb === 'validate') return ACTIVITY.create!;
  if (verb === 'apply' || verb === 'rollback' || verb === 'put' || verb === 'update') return ACTIVITY.update!;
  if (verb === 'delete' || verb === 'revoke' || verb === 'lift') return ACTIVITY.delete!;
  if (verb === 'read' || verb === 'get') return ACTIVITY.read!;
  return { id: 99, name: 'Other' };
}

/**
 * Renders an audit entry as an OCSF 1.x API Activity event (class_uid 6003, category 6
 * Application Activity), for SIEM export. Chain fields go to `unmapped`.
 *
 * @example
 * toOcsf(entry).type_uid; // 600303 for a config.apply
 */
export function toOcsf(entry: AuditEntry): Record<string, unknown> {
  const activity = activityOf(entry.action);
  const success = entry.outcome === 'success';
  const out: Record<string, unknown> = {
    class_uid: 6003,
    class_name: 'API Activity',
    category_uid: 6,
    category_name: 'Application Activity',
    activity_id: activity.id,
    activity_name: activity.name,
    type_uid: 6003 * 100 + activity.id,
    time: Date.parse(entry.time),
    severity_id: success ? 1 : 3,
    severity: success ? 'Informational' : 'Medium',
    status_id: success ? 1 : 2,
    status: success ? 'Success' : 'Failure',
    status_detail: entry.outcome,
    actor: { user: { uid: entry.actor, name: entry.actor, ...(entry.role ? { type: entry.role } : {}) } },
    api: {
      operation: entry.action,
      service: { name: 'gatehouse-admin' },
      ...(entry.request_id ? { request: { uid: entry.request_id } } : {}),
      ...(entry.status === undefined ? {} : { response: { code: entry.status } }),
    },
    resources: [{ uid: entry.target, type: entry.target.split(':', 1)[0] }],
    metadata: {
      version: '1.3.0',
      uid: entry.hash,
      sequence: entry.seq,
      log_name: 'gatehouse-audit',
      product: { name: 'Gatehouse', vendor_name: 'Gatehouse' },
    },
    unmapped: {
      prev: entry.prev,
      ...(entry.before ? { before: entry.before } : {}),
      ...(entry.after ? { after: entry.after } : {}),
    },
  };
  if (entry.source_ip) out.src_endpoint = { ip: entry.source_ip };
  if (entry.detail) out.message = entry.detail;
  return out;
}
