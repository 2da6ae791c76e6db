/** The `local` state store (exact across the worker threads of one process). */
export {
  attachLocalStore,
  createLocalStore,
  type LocalAttachOptions,
  type LocalStore,
  type LocalStoreHandle,
  type LocalStoreOptions,
} from './store.ts';
