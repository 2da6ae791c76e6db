import { DEFAULT_API_KEY_PREFIX, generateApiKey } from '../keys.ts';
import {
  type ApiKeyRecord,
  apiKeyStatus,
  checkGraceMs,
  type MaybePromise,
  type RotatedKey,
  type RotateOptions,
} from './types.ts';

/** The store operations a rotation needs. */
export interface RotatableStore {
  get(id: string): MaybePromise<ApiKeyRecord | undefined>;
  put(rec: ApiKeyRecord): MaybePromise<void>;
}

/**
 * Rotation shared by the writable stores: the new key is stored first, then the old record gets
 * `graceUntil = now + graceMs` (kept earlier if it already had an earlier one), so there is never a
 * moment in which neither key works. During the grace window both work; after it only the new one.
 *
 * @example
 * const { key } = await rotateKey(store, 'k_1f0c9a2b3c4d5e6f', 86_400_000);
 */
export async function rotateKey(
  store: RotatableStore,
  id: string,
  graceMs: number,
  opts: RotateOptions = {},
  now: number = Date.now(),
): Promise<RotatedKey> {
  checkGraceMs(graceMs);
  const old = await store.get(id);
  if (old === undefined) throw new Error(`no API key with id "${id}"`);
  const status = apiKeyStatus(old, now);
  if (status === 'revoked' || status === 'expired')
    throw new Error(`API key "${id}" is ${status}; issue a new key instead`);
  const gen = generateApiKey(opts.prefix ?? DEFAULT_API_KEY_PREFIX);
  const rec: ApiKeyRecord = {
    id: opts.id ?? gen.lookupId,
    consumerId: old.consumerId,
    hash: gen.hash,
    createdAt: now,
    ...(opts.expiresAt === undefined ? {} : { expiresAt: opts.expiresAt }),
  };
  await store.put(rec);
  const until = now + graceMs;
  const graceUntil = old.graceUntil === undefined ? until : Math.min(old.graceUntil, until);
  await store.put({ ...old, graceUntil });
  return { key: gen.key, record: rec };
}
