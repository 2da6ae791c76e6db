/**
 * `gatehouse keys …`: API key tooling.
 *
 *   gatehouse keys generate [--prefix gh] [--id ID] [--consumer ID] [--format yaml|json]
 *
 * prints a new key (shown once: Gatehouse keeps only its hash) and the `api_keys` entry to paste under
 * the consumer in the config file.
 */
import { DEFAULT_API_KEY_PREFIX, generateApiKey, isValidApiKeyPrefix } from '../identity/keys.ts';

const USAGE = `Usage:
  gatehouse keys generate [--prefix gh] [--id ID] [--consumer ID] [--format yaml|json]

  Prints a new API key and the entry for consumers[].api_keys. The key is shown once: Gatehouse
  stores and compares only its SHA-256 hash.

  --prefix    key prefix, e.g. gh or gh_live (default: gh)
  --id        key id shown in logs and X-Credential-Id (default: derived from the hash)
  --consumer  consumer id the snippet is for (a comment only)
  --format    yaml (default: key on the first lines, then the config snippet) or json
`;

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CONSUMER_RE = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;
const FLAGS = new Set(['prefix', 'id', 'consumer', 'format']);

/** Output streams, replaceable in tests. */
export interface KeysIo {
  out(s: string): void;
  err(s: string): void;
}

const processIo: KeysIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

function usageError(io: KeysIo, message: string): number {
  io.err(`gatehouse keys: ${message}\n\n${USAGE}`);
  return 2;
}

/**
 * Runs `gatehouse keys <args>` and returns the exit code (0 ok, 2 usage error).
 *
 * @example
 * keysCommand(['generate', '--prefix', 'gh_live', '--id', 'ci-deploy']); // prints key + YAML snippet
 */
export function keysCommand(args: readonly string[], io: KeysIo = processIo): number {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    io.out(USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'generate') return usageError(io, `unknown subcommand "${sub}"`);
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('--')) return usageError(io, `unexpected argument "${a}"`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (!FLAGS.has(name)) return usageError(io, `unknown option --${name}`);
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else {
      value = rest[i + 1];
      i++;
    }
    if (value === undefined || value.startsWith('--'))
      return usageError(io, `option --${name} needs a value`);
    flags[name] = value;
  }
  const prefix = flags.prefix ?? DEFAULT_API_KEY_PREFIX;
  if (!isValidApiKeyPrefix(prefix)) {
    return usageError(
      io,
      '--prefix must be 1-4 lower-case alphanumeric segments joined by "_", starting with a letter (gh, gh_live)',
    );
  }
  if (flags.id !== undefined && !ID_RE.test(flags.id)) {
    return usageError(io, '--id must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}');
  }
  if (flags.consumer !== undefined && !CONSUMER_RE.test(flags.consumer)) {
    return usageError(io, '--consumer must be a consumer id ([A-Za-z0-9][A-Za-z0-9._@-]{0,127})');
  }
  const format = flags.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') return usageError(io, '--format must be yaml or json');

  const gen = generateApiKey(prefix);
  const id = flags.id ?? gen.lookupId;
  if (format === 'json') {
    io.out(
      `${JSON.stringify({ key: gen.key, id, hash: gen.hash, ...(flags.consumer ? { consumer: flags.consumer } : {}) })}\n`,
    );
    return 0;
  }
  const who = flags.consumer === undefined ? 'the consumer' : `consumer "${flags.consumer}"`;
  io.out(
    `# New API key. It is shown only now: give it to its owner; Gatehouse keeps only the hash.\n` +
      `key: ${gen.key}\n` +
      `\n` +
      `# Add under consumers[].api_keys of ${who}:\n` +
      `- id: ${id}\n` +
      `  hash: ${gen.hash}\n`,
  );
  return 0;
}
