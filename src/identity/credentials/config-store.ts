import { type ApiKeyRecord, type CredentialStore, type RotatedKey, validateRecord } from './types.ts';

/** The `consumers[]` fields the config store reads (as validated by the config schema). */
export interface ConfigConsumerKeys {
  readonly id: string;
  readonly api_keys?: ReadonlyArray<{
    readonly id: string;
    readonly hash: string;
    readonly expires_at?: string | undefined;
    readonly not_before?: string | undefined;
    readonly revoked?: boolean | undefined;
  }>;
}

function time(v: string | undefined, where: string): number | undefined {
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (!Number.isFinite(t) || t < 0) throw new TypeError(`${where}: not a valid date-time`);
  return t;
}

function readOnly(): never {
  throw new TypeError(
    'the config credential store is read-only: change consumers[].api_keys in the config file',
  );
}

/**
 * The read-only credential store built from `consumers[].api_keys` (GitOps): one Map by hash, so a
 * lookup is a single O(1) probe. Built once per config load. Throws a TypeError (with the config path)
 * for duplicate key ids or hashes: the same key for two consumers would make its owner ambiguous.
 *
 * @example
 * const store = createConfigCredentialStore(config.consumers);
 * store.find(hashApiKey(key)); // ApiKeyRecord | undefined
 */
export function createConfigCredentialStore(consumers: readonly ConfigConsumerKeys[]): ConfigCredentialStore {
  return new ConfigCredentialStore(consumers);
}

/** See {@link createConfigCredentialStore}. */
export class ConfigCredentialStore implements CredentialStore {
  readonly kind = 'config' as const;
  readonly #byHash = new Map<string, ApiKeyRecord>();
  readonly #byId = new Map<string, ApiKeyRecord>();
  readonly #byConsumer = new Map<string, ApiKeyRecord[]>();

  constructor(consumers: readonly ConfigConsumerKeys[]) {
    for (const c of consumers) {
      const list: ApiKeyRecord[] = [];
      for (const k of c.api_keys ?? []) {
        const where = `consumers.${c.id}.api_keys.${k.id}`;
        const notBefore = time(k.not_before, `${where}.not_before`);
        const expiresAt = time(k.expires_at, `${where}.expires_at`);
        let rec: ApiKeyRecord;
        try {
          rec = validateRecord({
            id: k.id,
            consumerId: c.id,
            hash: k.hash,
            createdAt: 0,
            expiresAt,
            notBefore,
            revokedAt: k.revoked ? 0 : undefined,
          });
        } catch (err) {
          throw new TypeError(`${where}: ${(err as Error).message.replace(/^api key record: /, '')}`);
        }
        const sameId = this.#byId.get(rec.id);
        if (sameId) {
          throw new TypeError(
            `${where}.id: key id "${rec.id}" is already used by consumer "${sameId.consumerId}"`,
          );
        }
        const sameHash = this.#byHash.get(rec.hash);
        if (sameHash) {
          throw new TypeError(
            `${where}.hash: the same key is already configured as "${sameHash.id}" of consumer "${sameHash.consumerId}"`,
          );
        }
        this.#byHash.set(rec.hash, rec);
        this.#byId.set(rec.id, rec);
        list.push(rec);
      }
      if (list.length) this.#byConsumer.set(c.id, list);
    }
  }

  /** Number of keys. */
  get size(): number {
    return this.#byHash.size;
  }

  find(hash: string): ApiKeyRecord | undefined {
    return this.#byHash.get(hash);
  }

  get(id: string): ApiKeyRecord | undefined {
    return this.#byId.get(id);
  }

  list(consumerId: string): ApiKeyRecord[] {
    return [...(this.#byConsumer.get(consumerId) ?? [])];
  }

  put(_rec: ApiKeyRecord): never {
    readOnly();
  }

  revoke(_id: string, _at?: number): never {
    readOnly();
  }

  rotate(_id: string, _graceMs: number): Promise<RotatedKey> {
    return Promise.reject(
      new TypeError(
        'the config credential store is read-only: change consumers[].api_keys in the config file',
      ),
    );
  }

  /** The config never changes under a running runtime (a reload builds a new store). */
  onChange(_fn: (change: { hash: string }) => void): () => void {
    return () => {};
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
