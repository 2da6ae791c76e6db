/**
 * Credentials of one runtime: the keys of the config file (a Map by hash, checked first) and the
 * persistent store selected by `credentials.store` (embedded by default, redis for clusters, none).
 * Built per config load by `runtime/build.ts` and handed to policies as `deps.credentials`; the
 * persistent store is opened only when a policy needs it (key-auth's factory calls {@link Credentials.open}),
 * so configs without key-auth never touch the database.
 */
import type { StateStore } from '../../stores/types.ts';
import { type ConfigConsumerKeys, ConfigCredentialStore } from './config-store.ts';
import { type CredentialLogger, openEmbeddedCredentialStore } from './embedded-store.ts';
import { openRedisCredentialStore } from './redis-store.ts';
import type { ApiKeyRecord, CredentialLookup, CredentialStore, MaybePromise } from './types.ts';

export { ConfigCredentialStore, createConfigCredentialStore } from './config-store.ts';
export { EmbeddedCredentialStore, openEmbeddedCredentialStore } from './embedded-store.ts';
export { openRedisCredentialStore, RedisCredentialStore } from './redis-store.ts';
export * from './types.ts';

/** What a policy factory may receive as `deps.credentials`. */
export interface CredentialSource extends CredentialLookup {
  /** Opens the persistent back end now (config load), so a failure is a config error, not a 503 later. */
  open?(): void;
}

/** The part of PolicyDeps that carries credentials (until PolicyDeps declares it). */
export interface CredentialDeps {
  readonly credentials?: CredentialSource;
}

/** The config sections credentials are built from. */
export interface CredentialsConfig {
  readonly consumers: readonly ConfigConsumerKeys[];
  readonly credentials: { readonly store: 'embedded' | 'redis' | 'none'; readonly path: string };
  readonly state?: {
    readonly redis?:
      | {
          readonly url?: string | undefined;
          readonly nodes?: ReadonlyArray<{ readonly host: string; readonly port: number }> | undefined;
          readonly password?: string | undefined;
          readonly key_prefix: string;
          readonly command_timeout_ms: number;
        }
      | undefined;
  };
}

/** Process services the persistent stores use. */
export interface CredentialsOptions {
  readonly logger?: CredentialLogger | undefined;
  /** The shared state store: carries embedded-store invalidations across worker threads. */
  readonly store?: StateStore | undefined;
}

/**
 * Config keys first, then the persistent store. The config Map answers synchronously; the embedded
 * store too (cached SQLite); redis answers with a promise.
 *
 * @example
 * const creds = credentialsFor(config, { logger });
 * creds.open();
 * const rec = await creds.find(hashApiKey(key));
 */
export class Credentials implements CredentialSource {
  /** The read-only keys of the config file. */
  readonly config: ConfigCredentialStore;
  readonly #openPersistent: (() => CredentialStore) | undefined;
  #persistent: CredentialStore | undefined;
  #closed = false;

  constructor(config: ConfigCredentialStore, openPersistent: (() => CredentialStore) | undefined) {
    this.config = config;
    this.#openPersistent = openPersistent;
  }

  /** Opens the persistent store (once). Throws TypeError when it cannot be opened. */
  open(): void {
    this.persistent();
  }

  /** The persistent store (opened on first call), or undefined with `credentials.store: none`. */
  persistent(): CredentialStore | undefined {
    if (this.#closed) throw new Error('credentials are closed');
    if (this.#persistent === undefined && this.#openPersistent !== undefined) {
      this.#persistent = this.#openPersistent();
    }
    return this.#persistent;
  }

  find(hash: string): MaybePromise<ApiKeyRecord | undefined> {
    const rec = this.config.find(hash);
    if (rec !== undefined) return rec;
    const p = this.#persistent ?? this.persistent();
    return p === undefined ? undefined : p.find(hash);
  }

  /** Closes the persistent store (when the runtime that owns these credentials is retired). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const p = this.#persistent;
    this.#persistent = undefined;
    await p?.close();
  }
}

/**
 * Builds the credentials of a config: the config keys now (duplicate ids or hashes throw a TypeError
 * naming the entry), the persistent store lazily.
 *
 * @example
 * const credentials = credentialsFor(config, { logger: deps.logger });
 */
export function credentialsFor(config: CredentialsConfig, opts: CredentialsOptions = {}): Credentials {
  const fromConfig = new ConfigCredentialStore(config.consumers);
  const c = config.credentials;
  let open: (() => CredentialStore) | undefined;
  if (c.store === 'embedded') {
    open = () => openEmbeddedCredentialStore({ path: c.path, store: opts.store, logger: opts.logger });
  } else if (c.store === 'redis') {
    const r = config.state?.redis;
    if (r === undefined) throw new TypeError('credentials.store: "redis" needs a state.redis section');
    if ((r.url === undefined) === (r.nodes === undefined)) {
      throw new TypeError(
        'credentials.store: "redis" needs exactly one of state.redis.url or state.redis.nodes',
      );
    }
    open = () =>
      openRedisCredentialStore({
        url: r.url,
        nodes: r.nodes,
        password: r.password,
        keyPrefix: r.key_prefix,
        commandTimeoutMs: r.command_timeout_ms,
        logger: opts.logger,
      });
  }
  return new Credentials(fromConfig, open);
}
