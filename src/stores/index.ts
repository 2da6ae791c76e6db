/**
 * State stores: the interface (`types.ts`), the `local` back end (shared memory, exact across the
 * worker threads of a process) and the `redis` back end (exact across nodes).
 */
export { StoreError, type StoreErrorCode, StoreFullError, StoreUnavailableError } from './errors.ts';
export {
  attachLocalStore,
  createLocalStore,
  type LocalAttachOptions,
  type LocalStore,
  type LocalStoreHandle,
  type LocalStoreOptions,
} from './local/index.ts';
export { createRedisStore, type RedisStore, type RedisStoreOptions } from './redis/index.ts';
export type * from './types.ts';
