import type { Logger } from 'pino';
import type { GatewayConfig } from '../runtime/build.ts';
import { attachLocalStore, createLocalStore, type LocalStoreHandle } from './local/index.ts';
import { createRedisStore } from './redis/index.ts';
import type { StateStore } from './types.ts';

/**
 * The process's state store, from `state:` in the config. It lives as long as the process (a
 * reload does not replace it; changing `state.backend` needs a restart). With worker threads the
 * main thread creates the local store and every worker attaches to the same shared memory through
 * `handle`; with Redis every thread opens its own connections.
 */
export function storeFromConfig(
  config: GatewayConfig,
  logger: Logger,
  handle?: LocalStoreHandle,
): { store: StateStore; handle: LocalStoreHandle | undefined } {
  const s = config.state;
  if (s.backend === 'redis') {
    const r = s.redis;
    if (!r || (r.url === undefined && r.nodes === undefined)) {
      throw new TypeError('state.redis: the redis back end needs "url" or "nodes"');
    }
    const store = createRedisStore({
      url: r.url,
      nodes: r.nodes,
      keyPrefix: r.key_prefix,
      commandTimeoutMs: r.command_timeout_ms,
      logger: logger.child({ component: 'state-store' }),
      redisOptions: r.password === undefined ? undefined : { password: r.password },
    });
    return { store, handle: undefined };
  }
  if (handle) return { store: attachLocalStore(handle, { logger }), handle };
  const local = createLocalStore({ capacity: s.local.capacity, logger });
  return { store: local, handle: local.handle };
}
