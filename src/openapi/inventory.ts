/**
 * Shadow-API inventory: requests the spec does not declare (paths, methods, query parameters), counted per
 * policy scope. Module-level (one per worker), bounded in entries; read by the admin API through
 * {@link shadowInventory}.
 */

/** What was undeclared. */
export type ShadowKind = 'path' | 'method' | 'query-param';

/** One inventory entry. */
export interface ShadowEntry {
  /** Where the policy is attached (`openapi@route:pets`). */
  readonly scope: string;
  readonly kind: ShadowKind;
  readonly method: string;
  /** The request path (kind `path`) or the matched path template (kinds `method`, `query-param`). */
  readonly path: string;
  /** The parameter name (kind `query-param`; unsafe names are `*`). */
  readonly param: string | undefined;
  count: number;
  readonly firstSeen: string;
  lastSeen: string;
}

/** Most entries kept; further distinct entries are counted in {@link shadowInventoryDropped}. */
export const MAX_SHADOW_ENTRIES = 1000;
const MAX_PATH = 256;

const entries = new Map<string, ShadowEntry>();
let dropped = 0;

/** Counts one undeclared request (or parameter). */
export function recordShadow(
  scope: string,
  kind: ShadowKind,
  method: string,
  path: string,
  param?: string,
): void {
  const p = path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}…` : path;
  const key = `${scope}\u0000${kind}\u0000${method}\u0000${p}\u0000${param ?? ''}`;
  const now = new Date().toISOString();
  const e = entries.get(key);
  if (e !== undefined) {
    e.count++;
    e.lastSeen = now;
    return;
  }
  if (entries.size >= MAX_SHADOW_ENTRIES) {
    dropped++;
    return;
  }
  entries.set(key, { scope, kind, method, path: p, param, count: 1, firstSeen: now, lastSeen: now });
}

/**
 * The inventory, most requested first (copies).
 *
 * @example
 * for (const e of shadowInventory()) console.log(e.kind, e.method, e.path, e.count);
 */
export function shadowInventory(): ShadowEntry[] {
  return [...entries.values()].map((e) => ({ ...e })).sort((a, b) => b.count - a.count);
}

/** Distinct undeclared requests not recorded because the inventory was full. */
export function shadowInventoryDropped(): number {
  return dropped;
}

/** Empties the inventory (tests, admin reset). */
export function resetShadowInventory(): void {
  entries.clear();
  dropped = 0;
}
