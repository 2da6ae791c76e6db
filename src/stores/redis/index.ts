/** The `redis` state store (exact across nodes; standalone or Redis Cluster). */
export { createRedisStore, type RedisStore, type RedisStoreOptions } from './store.ts';
