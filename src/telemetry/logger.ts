import { openSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/** ECS version stamped on every line as `ecs.version`. */
export const ECS_VERSION = '8.11.0';

/** What a redacted value is replaced with, both by path and by the secret-value safety net. */
export const REDACTED = '[REDACTED]';

/** Header names whose values are always redacted, in request and response header objects. */
export const DEFAULT_SENSITIVE_HEADERS: readonly string[] = Object.freeze([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]);

/** Secret values shorter than this are not value-redacted (they would mangle ordinary text). */
export const MIN_SECRET_LENGTH = 4;

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const DEFAULT_MAX_BUFFER_BYTES = 16 * 1024 * 1024;
const MAX_CAUSE_DEPTH = 5;
const MAX_STACK_CHARS = 16 * 1024;

/** Options of {@link createLogger}. */
export interface LoggerConfig {
  /** Minimum level: fatal, error, warn, info, debug, trace or silent. */
  level: string;
  /** `stdout` (default), `stderr`, or a file path opened for append when the logger is created. */
  destination?: 'stdout' | 'stderr' | string;
  /** Resolved secret values (e.g. from `file:` refs); any exact occurrence in a line becomes `[REDACTED]`. */
  secrets?: Iterable<string>;
  /** Write synchronously (CLI, tests). Default false: buffered, asynchronous writes. */
  sync?: boolean;
  /**
   * Extra header names redacted (case-insensitively) in `http.request.headers` and `http.response.headers`,
   * on top of {@link DEFAULT_SENSITIVE_HEADERS}.
   */
  redactHeaders?: readonly string[];
  /**
   * Extra pino `redact` paths for other fields (e.g. `tenant.token`). Only installed when non-empty: pino's
   * path redaction costs several microseconds per line, so headers use the cheaper built-in pass instead.
   */
  redactPaths?: readonly string[];
  /** Add `process.pid` and `host.hostname` to every line. Default false. */
  processFields?: boolean;
  /** Write to this stream instead of a file descriptor (tests, custom sinks). Overrides `destination`. */
  stream?: DestinationStream;
  /**
   * Upper bound of buffered, not yet written log bytes for asynchronous destinations; lines beyond it are
   * dropped (and counted) rather than letting a stalled sink exhaust memory. Default 16 MiB.
   */
  maxBufferBytes?: number;
  /** How often buffered lines are flushed even when the buffer is not full. Default 1000 ms. */
  flushIntervalMs?: number;
}

type Boom = ReturnType<typeof pino.destination>;

const kOwned = new WeakMap<Logger, Boom>();
const openDestinations = new Set<Boom>();
const kFd = new WeakMap<Boom, number>();
let exitHookInstalled = false;

function flushAllSync(): void {
  for (const dest of openDestinations) {
    try {
      dest.flushSync();
    } catch {
      // Not open yet or already failed: nothing more can be done while exiting.
    }
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', flushAllSync);
}

function stderrNote(text: string): void {
  try {
    writeSync(2, `${text}\n`);
  } catch {
    // stderr itself is gone; there is no one left to tell.
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds the `hooks.streamWrite` safety net: every way a secret value can appear in a serialized JSON line
 * (raw, JSON-escaped once or twice, percent-encoded) is replaced with `[REDACTED]`.
 * Returns undefined when there is nothing to redact, so the hook is not installed at all.
 */
export function buildSecretScrubber(
  secrets: Iterable<string> | undefined,
): { scrub: (line: string) => string; skipped: number } | undefined {
  if (secrets === undefined) return undefined;
  const forms = new Set<string>();
  let skipped = 0;
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length === 0) continue;
    if (secret.length < MIN_SECRET_LENGTH) {
      skipped++;
      continue;
    }
    const once = JSON.stringify(secret).slice(1, -1);
    forms.add(once);
    forms.add(JSON.stringify(once).slice(1, -1));
    const encoded = encodeURIComponent(secret);
    forms.add(encoded);
    forms.add(encoded.replaceAll('%20', '+'));
  }
  if (forms.size === 0) return skipped === 0 ? undefined : { scrub: (line) => line, skipped };
  // Longest first, so a form that contains another is replaced whole.
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  if (sorted.length === 1) {
    const only = sorted[0]!;
    return {
      scrub: (line) => (line.includes(only) ? line.replaceAll(only, REDACTED) : line),
      skipped,
    };
  }
  const re = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
  return { scrub: (line) => line.replace(re, REDACTED), skipped };
}

/**
 * Serializes an Error to ECS `error.*` fields (`type`, `message`, `code`, `stack_trace` including the cause
 * chain). Plain objects (e.g. `{ code }` from the access log) pass through unchanged.
 */
export function serializeError(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const out: Record<string, unknown> = { type: value.name, message: value.message };
  const code = (value as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  let stack = value.stack ?? `${value.name}: ${value.message}`;
  let cause: unknown = value.cause;
  for (let depth = 0; cause !== undefined && cause !== null && depth < MAX_CAUSE_DEPTH; depth++) {
    if (cause instanceof Error) {
      stack += `\nCaused by: ${cause.stack ?? `${cause.name}: ${cause.message}`}`;
      cause = cause.cause;
    } else {
      stack += `\nCaused by: ${String(cause)}`;
      break;
    }
  }
  out.stack_trace = stack.length > MAX_STACK_CHARS ? stack.slice(0, MAX_STACK_CHARS) : stack;
  return out;
}

type Obj = Record<string, unknown>;

function redactSide(side: unknown, sensitive: ReadonlySet<string>): unknown {
  if (side === null || typeof side !== 'object') return side;
  const headers = (side as Obj).headers;
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return side;
  let copy: Obj | undefined;
  for (const name in headers) {
    if (!Object.hasOwn(headers, name) || !sensitive.has(name.toLowerCase())) continue;
    if ((headers as Obj)[name] === REDACTED) continue;
    copy ??= { ...(headers as Obj) };
    copy[name] = REDACTED;
  }
  return copy === undefined ? side : { ...(side as Obj), headers: copy };
}

/**
 * Returns `obj` itself when `http.request.headers` / `http.response.headers` hold no sensitive header, else
 * a copy (only along the changed path) with those values replaced by `[REDACTED]`. Names compare
 * case-insensitively. The caller's objects are never mutated.
 */
export function redactHttpHeaders(obj: Obj, sensitive: ReadonlySet<string>): Obj {
  const http = obj.http;
  if (http === null || typeof http !== 'object') return obj;
  const request = (http as Obj).request;
  const response = (http as Obj).response;
  const req = redactSide(request, sensitive);
  const res = redactSide(response, sensitive);
  if (req === request && res === response) return obj;
  const httpCopy: Obj = { ...(http as Obj) };
  if (req !== request) httpCopy.request = req;
  if (res !== response) httpCopy.response = res;
  return { ...obj, http: httpCopy };
}

let lastMs = -1;
let lastStamp = '';
function isoTimestamp(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastStamp = `,"@timestamp":"${new Date(now).toISOString()}"`;
  }
  return lastStamp;
}

function openDestination(config: LoggerConfig): Boom {
  const dest = config.destination ?? 'stdout';
  if (typeof dest !== 'string' || dest.length === 0) {
    throw new TypeError('logger destination must be "stdout", "stderr" or a file path');
  }
  const sync = config.sync === true;
  const maxBuffer = config.maxBufferBytes ?? DEFAULT_MAX_BUFFER_BYTES;
  const flushEvery = config.flushIntervalMs ?? 1000;
  if (!Number.isInteger(maxBuffer) || maxBuffer < 65536) {
    throw new TypeError('logger maxBufferBytes must be an integer >= 65536');
  }
  if (!Number.isInteger(flushEvery) || flushEvery < 10) {
    throw new TypeError('logger flushIntervalMs must be an integer >= 10');
  }
  let fd: number;
  if (dest === 'stdout') fd = 1;
  else if (dest === 'stderr') fd = 2;
  else {
    try {
      fd = openSync(dest, 'a', 0o640);
    } catch (err) {
      throw new TypeError(`cannot open log file ${dest}: ${(err as Error).message}`);
    }
  }
  const boom = sync
    ? pino.destination({ dest: fd, sync: true })
    : pino.destination({
        dest: fd,
        sync: false,
        minLength: 4096,
        maxLength: maxBuffer,
        periodicFlush: flushEvery,
      } as Parameters<typeof pino.destination>[0]);
  let dropped = 0;
  let lastDropNote = 0;
  boom.on('drop', () => {
    dropped++;
    const now = Date.now();
    if (now - lastDropNote >= 10_000) {
      lastDropNote = now;
      stderrNote(`gatehouse: log sink is not keeping up; ${dropped} log lines dropped so far`);
    }
  });
  let reported = false;
  boom.on('error', (err: Error) => {
    if (reported) return;
    reported = true;
    stderrNote(`gatehouse: log destination ${dest} failed: ${err.message}`);
  });
  kFd.set(boom, fd);
  boom.on('close', () => openDestinations.delete(boom));
  openDestinations.add(boom);
  installExitHook();
  return boom;
}

/**
 * Creates the gateway's pino logger: ECS field names, ISO `@timestamp`, `log.level` as a string,
 * `message` as the message key, an asynchronous buffered destination, redaction of credential headers (and
 * of configured pino `redact` paths) and a final safety net that replaces any configured secret value
 * appearing anywhere in a line.
 *
 * @example
 * const logger = createLogger({ level: 'info', destination: 'stdout', secrets: [resolvedApiKey] });
 * logger.info({ http: { request: { headers: { authorization: 'Bearer x' } } } }, 'hello');
 * // {"log.level":"info","@timestamp":"…","ecs.version":"8.11.0","service":{"name":"gatehouse"},
 * //  "http":{"request":{"headers":{"authorization":"[REDACTED]"}}},"message":"hello"}
 */
export function createLogger(config: LoggerConfig): Logger {
  if (typeof config.level !== 'string' || !LEVELS.has(config.level)) {
    throw new TypeError(`logger level must be one of ${[...LEVELS].join(', ')}; got ${String(config.level)}`);
  }
  const scrubber = buildSecretScrubber(config.secrets);
  const base: Record<string, unknown> = { 'ecs.version': ECS_VERSION, service: { name: 'gatehouse' } };
  if (config.processFields === true) {
    base.process = { pid: process.pid };
    base.host = { hostname: hostname() };
  }
  const sensitive = new Set(DEFAULT_SENSITIVE_HEADERS);
  for (const h of config.redactHeaders ?? []) {
    if (typeof h !== 'string' || h.length === 0) {
      throw new TypeError('logger redactHeaders must be non-empty strings');
    }
    sensitive.add(h.toLowerCase());
  }
  const scrubHeaders = (obj: Obj): Obj => redactHttpHeaders(obj, sensitive);
  const options: LoggerOptions = {
    level: config.level,
    messageKey: 'message',
    errorKey: 'error',
    base,
    timestamp: isoTimestamp,
    formatters: { level: (label) => ({ 'log.level': label }), log: scrubHeaders },
    serializers: { error: serializeError, err: serializeError },
  };
  if (config.redactPaths !== undefined && config.redactPaths.length > 0) {
    options.redact = { paths: [...config.redactPaths], censor: REDACTED };
  }
  // The scrubber lives in a holder so a reload can add secrets it brought in (setLoggerSecrets).
  const holder: ScrubHolder = {
    scrub: scrubber?.scrub,
    redactPaths: options.redact !== undefined,
    sensitive,
  };
  options.hooks = { streamWrite: (line: string) => (holder.scrub === undefined ? line : holder.scrub(line)) };

  let owned: Boom | undefined;
  let stream: DestinationStream;
  if (config.stream !== undefined) {
    stream = config.stream;
  } else {
    owned = openDestination(config);
    stream = owned;
  }
  let logger: Logger;
  try {
    logger = pino(options, stream);
  } catch (err) {
    if (owned !== undefined) closeBoom(owned);
    throw new TypeError(`invalid logger options: ${(err as Error).message}`);
  }
  if (owned !== undefined) kOwned.set(logger, owned);
  kScrub.set(logger, holder);
  // pino does not run formatters on child bindings; redact them on the way in. Children inherit this
  // override through their prototype, so grandchildren are covered too.
  const child = logger.child;
  (logger as { child: unknown }).child = function redactingChild(
    this: Logger,
    bindings: Obj,
    childOptions?: Parameters<Logger['child']>[1],
  ) {
    const c = child.call(this, redactHttpHeaders(bindings, sensitive), childOptions);
    kScrub.set(c as unknown as Logger, holder);
    return c;
  };
  if (scrubber !== undefined && scrubber.skipped > 0) {
    logger.warn(
      { gatehouse: { secrets_not_value_redacted: scrubber.skipped } },
      `secret values shorter than ${MIN_SECRET_LENGTH} characters cannot be redacted by value`,
    );
  }
  return logger;
}

interface ScrubHolder {
  scrub: ((line: string) => string) | undefined;
  /** pino `redact` paths are installed: lines must go through pino's own serializer. */
  redactPaths: boolean;
  /** Header names (lower case) the logger redacts in `http.request/response.headers`. */
  sensitive: ReadonlySet<string>;
}
const kScrub = new WeakMap<Logger, ScrubHolder>();

/**
 * Replaces the secret values a logger redacts by value (e.g. after a reload resolved new `file:`
 * secrets). Children share their root's holder; pass the logger `createLogger` returned.
 *
 * @example setLoggerSecrets(logger, gateway.secrets);
 */
export function setLoggerSecrets(logger: Logger, secrets: Iterable<string>): void {
  const holder = kScrub.get(logger);
  if (holder === undefined) throw new TypeError('setLoggerSecrets needs a logger made by createLogger');
  holder.scrub = buildSecretScrubber(secrets)?.scrub;
}

/**
 * A writer of `info` lines whose fields the caller serialized itself, for the per-request hot path (the access
 * log): `write(',"event":{…},"http":{…}')` emits exactly the line `logger.info({ event: …, http: … })` would
 * (level, `@timestamp`, the logger's bindings, then the fields), through the same secret-value scrubber and
 * destination, without pino's per-key serialization. The caller checks the level and must pass JSON members
 * each prefixed with a comma, whose header values are already redacted. Undefined when the logger was not
 * made by {@link createLogger} (or a child of one) or has pino `redact` paths, which only pino applies.
 *
 * @example
 * const write = infoLineWriter(logger);
 * write?.(',"event":{"kind":"event"},"url":{"path":"/"}');
 */
export function infoLineWriter(logger: Logger): ((fields: string) => void) | undefined {
  const holder = kScrub.get(logger);
  if (holder === undefined || holder.redactPaths) return undefined;
  const l = logger as unknown as Record<symbol, unknown>;
  const stream = l[pino.symbols.streamSym] as { write(s: string): unknown } | undefined;
  const chindings = l[pino.symbols.chindingsSym];
  if (stream === undefined || typeof stream.write !== 'function' || typeof chindings !== 'string')
    return undefined;
  return (fields) => {
    const line = `{"log.level":"info"${isoTimestamp()}${chindings}${fields}}\n`;
    const scrub = holder.scrub;
    stream.write(scrub === undefined ? line : scrub(line));
  };
}

/**
 * The header names (lower case) a logger from {@link createLogger} redacts in `http.request.headers` and
 * `http.response.headers`; for writers of pre-serialized lines ({@link infoLineWriter}), which must redact
 * them themselves. Undefined for other loggers.
 */
export function sensitiveHeadersOf(logger: Logger): ReadonlySet<string> | undefined {
  return kScrub.get(logger)?.sensitive;
}

/** Flushes `boom` and ends it unless it is stdout/stderr. Returns true when an end was started. */
function closeBoom(boom: Boom): boolean {
  openDestinations.delete(boom);
  try {
    boom.flushSync();
  } catch {
    // Nothing buffered or the fd is already gone.
  }
  // Never close the process's stdout/stderr.
  const fd = kFd.get(boom);
  if (fd === 1 || fd === 2) return false;
  try {
    boom.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Flushes and releases the destination a root logger from {@link createLogger} opened. File descriptors are
 * closed; stdout and stderr are flushed and left open. The logger must not be used afterwards.
 */
export function closeLogger(logger: Logger): Promise<void> {
  const boom = kOwned.get(logger);
  if (boom === undefined) return Promise.resolve();
  kOwned.delete(logger);
  return new Promise((resolve) => {
    boom.once('close', () => resolve());
    if (!closeBoom(boom)) resolve();
  });
}

/** Synchronously flushes every asynchronous destination still open (also done automatically on `exit`). */
export function flushLoggersSync(): void {
  flushAllSync();
}
