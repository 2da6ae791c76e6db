/**
 * Errors raised by state stores. A policy that gets one decides, per its configuration, whether to
 * fail closed (the default: deny) or fail open (`onStoreError: allow`); a store never decides that
 * itself and never answers "allowed" when it could not decide.
 */

/** Machine-readable reason of a {@link StoreError}. */
export type StoreErrorCode = 'STORE_UNAVAILABLE' | 'STORE_FULL' | 'STORE_ERROR';

/**
 * Base class of every store failure.
 *
 * @example
 * try { await store.gcra(key, limit); } catch (err) { if (err instanceof StoreError) denyOrAllow(err); }
 */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

/**
 * The back end cannot be reached right now (Redis down, reconnecting, timed out, cluster down).
 * Raised fast — never after a hang longer than the store's command timeout.
 *
 * @example
 * store.gcra('k', limit).catch((err) => err instanceof StoreUnavailableError && failClosed());
 */
export class StoreUnavailableError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', message, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * The local store's fixed-size table has no free or expired slot left for a new key within the
 * probe window. The operation did not happen: nothing was allowed, nothing was recorded.
 * Size `capacity` for at least twice the number of keys alive at once.
 *
 * @example
 * const store = createLocalStore({ capacity: 1 << 18 }); // 262,144 slots
 */
export class StoreFullError extends StoreError {
  constructor(message: string) {
    super('STORE_FULL', message);
    this.name = 'StoreFullError';
  }
}
