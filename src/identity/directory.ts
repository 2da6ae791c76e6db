import type { Consumer, ConsumerDirectory } from './types.ts';

/** The `consumers[]` fields a directory reads (as validated by the config schema). */
export interface ConfigConsumer {
  readonly id: string;
  readonly groups?: readonly string[] | undefined;
  readonly metadata?: Readonly<Record<string, string>> | undefined;
}

/**
 * A frozen directory of consumers built once per config load: `get(id)` is one Map probe. Consumers
 * not in the config are looked up in `fallback` (the credential store's consumers, when it has any).
 * Throws a TypeError for a duplicate id.
 *
 * @example
 * const consumers = createConsumerDirectory(config.consumers);
 * consumers.get('alice'); // { id: 'alice', groups: ['admins'], metadata: {} }
 */
export function createConsumerDirectory(
  consumers: readonly ConfigConsumer[],
  fallback?: ConsumerDirectory,
): ConsumerDirectory & { readonly size: number; ids(): string[] } {
  const byId = new Map<string, Consumer>();
  for (const c of consumers) {
    if (byId.has(c.id)) throw new TypeError(`consumers.${c.id}.id: duplicate consumer id "${c.id}"`);
    byId.set(
      c.id,
      Object.freeze({
        id: c.id,
        groups: Object.freeze([...(c.groups ?? [])]),
        metadata: Object.freeze({ ...(c.metadata ?? {}) }),
      }),
    );
  }
  return Object.freeze({
    size: byId.size,
    get(id: string): Consumer | undefined {
      return byId.get(id) ?? fallback?.get(id);
    },
    ids(): string[] {
      return [...byId.keys()];
    },
  });
}
