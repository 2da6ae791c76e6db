/**
 * Freezes a value and everything reachable from it: own properties (string and symbol keys,
 * enumerable or not), array elements, and the keys/values of Maps and Sets (the Map/Set
 * containers themselves stay mutable through their methods; config values are plain JSON, so
 * this only matters for values built later). Typed arrays and ArrayBuffers are skipped because
 * they cannot be frozen. Cycles and shared references are handled; the walk is iterative so
 * deep values cannot overflow the stack. Returns `v` for chaining.
 *
 * @example
 * const config = deepFreeze(normalise(result.value));
 * config.routes.push(x); // TypeError in strict mode
 */
export function deepFreeze<T>(v: T): T {
  const seen = new WeakSet<object>();
  const stack: unknown[] = [v];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (cur === null || (typeof cur !== 'object' && typeof cur !== 'function')) continue;
    const obj = cur as object;
    if (seen.has(obj)) continue;
    seen.add(obj);
    if (ArrayBuffer.isView(obj) || obj instanceof ArrayBuffer || obj instanceof SharedArrayBuffer) continue;
    if (obj instanceof Map) {
      for (const [k, val] of obj) stack.push(k, val);
    } else if (obj instanceof Set) {
      for (const val of obj) stack.push(val);
    }
    for (const key of Reflect.ownKeys(obj)) {
      const desc = Reflect.getOwnPropertyDescriptor(obj, key);
      if (desc && 'value' in desc) stack.push(desc.value);
    }
    Object.freeze(obj);
  }
  return v;
}
