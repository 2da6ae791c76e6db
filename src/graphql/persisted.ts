import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/**
 * SHA-256 of a document text as lower-case hex: the Apollo APQ `extensions.persistedQuery.sha256Hash`.
 *
 * @example
 * documentHash('{ me { id } }'); // 64 hex characters
 */
export function documentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(['.graphql', '.gql', '.json']);
const MAX_FILE_BYTES = 16 * 1024 * 1024;

function addDocument(
  out: Map<string, string>,
  text: string,
  claimed: string | undefined,
  file: string,
): void {
  const hash = documentHash(text);
  if (claimed !== undefined && claimed.toLowerCase() !== hash) {
    throw new TypeError(`graphql: ${file}: id ${claimed.slice(0, 70)} is not the SHA-256 of its document`);
  }
  out.set(hash, text);
}

function loadFile(out: Map<string, string>, file: string): void {
  if (statSync(file).size > MAX_FILE_BYTES) throw new TypeError(`graphql: ${file} is larger than 16 MiB`);
  const text = readFileSync(file, 'utf8');
  if (extname(file) !== '.json') {
    addDocument(out, text, undefined, file);
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new TypeError(`graphql: ${file} is not valid JSON`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new TypeError(`graphql: ${file} must be a JSON object`);
  }
  const ops = (data as { operations?: unknown }).operations;
  if (Array.isArray(ops)) {
    // Apollo persisted query manifest: { format, version, operations: [{ id, name, type, body }] }.
    for (const op of ops) {
      const body = (op as { body?: unknown } | null)?.body;
      const id = (op as { id?: unknown } | null)?.id;
      if (typeof body !== 'string') throw new TypeError(`graphql: ${file}: every operation needs a "body"`);
      addDocument(out, body, typeof id === 'string' ? id : undefined, file);
    }
    return;
  }
  // A plain map { "<sha256>": "<document>" }.
  for (const [id, body] of Object.entries(data)) {
    if (typeof body !== 'string') throw new TypeError(`graphql: ${file}: values must be documents (strings)`);
    addDocument(out, body, id, file);
  }
}

/**
 * Loads allowed documents from files and directories (every `*.graphql`, `*.gql` and `*.json` directly inside):
 * a `.graphql`/`.gql` file is one document (hashed byte for byte); a `.json` file is an Apollo persisted query
 * manifest (`operations[].body`, `id` checked) or a `{ "<sha256>": "<document>" }` map. Throws TypeError on an
 * unreadable path, a bad file or an id that is not the document's SHA-256.
 *
 * @example
 * const docs = loadPersistedDocuments(['/etc/gatehouse/graphql/allowed']); // Map<hash, text>
 */
export function loadPersistedDocuments(paths: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new TypeError(`graphql: persisted query path ${path} cannot be read`);
    }
    if (!isDir) {
      loadFile(out, path);
      continue;
    }
    const names = readdirSync(path)
      .filter((n) => DOCUMENT_EXTENSIONS.has(extname(n)))
      .sort();
    for (const n of names) loadFile(out, join(path, n));
  }
  return out;
}

/**
 * A bounded map of hash → document for automatic persisted queries: documents the guard saw in full (hash
 * verified), so later hash-only requests can be measured. Bounded by entries and by total characters; least
 * recently used entries are evicted.
 *
 * @example
 * const cache = new DocumentCache(1000, 4 * 1024 * 1024);
 * cache.set(documentHash(q), q);
 * cache.get(hash); // q or undefined
 */
export class DocumentCache {
  readonly #max: number;
  readonly #maxChars: number;
  readonly #map = new Map<string, string>();
  #chars = 0;

  constructor(maxEntries: number, maxChars: number) {
    this.#max = maxEntries;
    this.#maxChars = maxChars;
  }

  /** The document for `hash`, refreshed as most recently used. */
  get(hash: string): string | undefined {
    const v = this.#map.get(hash);
    if (v === undefined) return undefined;
    this.#map.delete(hash);
    this.#map.set(hash, v);
    return v;
  }

  /** Remembers a document (no-op when the cache holds 0 entries). */
  set(hash: string, text: string): void {
    if (this.#max === 0 || text.length > this.#maxChars) return;
    this.#remove(hash);
    this.#map.set(hash, text);
    this.#chars += text.length;
    while (this.#map.size > this.#max || this.#chars > this.#maxChars) {
      this.#remove(this.#map.keys().next().value as string);
    }
  }

  #remove(hash: string): void {
    const old = this.#map.get(hash);
    if (old === undefined) return;
    this.#chars -= old.length;
    this.#map.delete(hash);
  }

  /** Number of cached documents. */
  get size(): number {
    return this.#map.size;
  }
}
