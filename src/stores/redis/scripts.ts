/**
 * The Lua scripts behind every Redis decision. Each runs atomically on the server in one round trip
 * and reads time only from `redis.call('TIME')`, so the gateway nodes' clocks (and their skew) never
 * enter a decision. The arithmetic mirrors `../algorithms.ts` line for line (same slack, same
 * rounding); change both together.
 *
 * Numbers that must survive the trip back exactly are returned as `%.17g` strings (a Lua number
 * returned as such is truncated to an integer by Redis); `-1` stands for "never" (Infinity).
 */

/** The clock line every time-dependent script starts with. */
const TIME_CLOCK = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000";

/** Redis TIME as ms since the epoch (microsecond precision), and two helpers. */
const NOW = `
${TIME_CLOCK}
local function fmt(x) return string.format('%.17g', x) end
local function floorpos(x) local f = math.floor(x + 1e-9) if f > 0 then return f end return 0 end
`;

/**
 * GCRA. KEYS[1]: state `"<tat in T units> <T>"`. ARGV: T (ms), capacity, cost.
 * Returns { allowed 0|1, remaining, retryAfterMs, resetMs }.
 */
export const GCRA_LUA = `${NOW}
local T = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local n = now / T
local tat = n
local v = redis.call('GET', KEYS[1])
if v then
  local sp = string.find(v, ' ', 1, true)
  if sp then
    local st = tonumber(string.sub(v, 1, sp - 1))
    local sT = tonumber(string.sub(v, sp + 1))
    if st and sT then
      if sT ~= T then st = st * sT / T end
      if st > tat then tat = st end
    end
  end
end
local c = cost
if c <= 0 then c = 1 end
local ahead = tat + c - n
if ahead <= cap + 0.001 / T then
  if cost <= 0 then
    return { 1, floorpos(cap - (tat - n)), '0', fmt((tat - n) * T) }
  end
  local ttl = math.ceil(ahead * T)
  if ttl < 1 then ttl = 1 end
  redis.call('SET', KEYS[1], fmt(tat + cost) .. ' ' .. ARGV[1], 'PX', ttl)
  return { 1, floorpos(cap - ahead), '0', fmt(ahead * T) }
end
local retry = '-1'
if c <= cap then retry = fmt((ahead - cap) * T) end
return { 0, floorpos(cap - (tat - n)), retry, fmt((tat - n) * T) }
`;

/**
 * Sliding window. KEYS[1]: state `"<window index> <prev> <cur>"`. ARGV: windowMs, limit, cost.
 * Returns { allowed 0|1, remaining, count, retryAfterMs, resetMs }.
 */
export const WINDOW_LUA = `${NOW}
local w = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local idx = math.floor(now / w)
local elapsed = now - idx * w
local prev, cur = 0, 0
local v = redis.call('GET', KEYS[1])
if v then
  local si, sp, sc = string.match(v, '^(%S+) (%S+) (%S+)$')
  si, sp, sc = tonumber(si), tonumber(sp), tonumber(sc)
  if si and sp and sc then
    if si == idx then prev, cur = sp, sc elseif si == idx - 1 then prev = sc end
  end
end
local function reset(p, c)
  if c > 0 then return 2 * w - elapsed end
  if p > 0 then return w - elapsed end
  return 0
end
local c = cost
if c <= 0 then c = 1 end
local count = prev * (1 - elapsed / w) + cur
if count + c <= limit + 1e-9 + prev * 0.001 / w then
  local after = count + cost
  if cost > 0 then
    local ttl = math.ceil((idx + 2) * w - now)
    if ttl < 1 then ttl = 1 end
    redis.call('SET', KEYS[1], fmt(idx) .. ' ' .. fmt(prev) .. ' ' .. fmt(cur + cost), 'PX', ttl)
  end
  return { 1, floorpos(limit - after), fmt(after), '0', fmt(reset(prev, cur + cost)) }
end
local need = limit - c
local retry
if need < -1e-9 then
  retry = -1
elseif cur <= need + 1e-9 then
  local e = elapsed
  if prev > 0 then e = w * (1 - (need - cur) / prev) end
  if e > w then e = w end
  retry = e - elapsed
  if retry < 0 then retry = 0 end
else
  local nd = need
  if nd < 0 then nd = 0 end
  retry = w - elapsed + w * (1 - nd / cur)
end
return { 0, floorpos(limit - count), fmt(count), fmt(retry), fmt(reset(prev, cur)) }
`;

/** Counter. KEYS[1]: the counter. ARGV: by, ttl (whole ms). Returns the new value (a string). */
export const INCR_LUA = `
local v = redis.call('INCRBYFLOAT', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return v
`;

/** Mark that never shortens. KEYS[1]: the mark. ARGV: ttl (whole ms). */
export const MARK_LUA = `
local ttl = tonumber(ARGV[1])
local left = redis.call('PTTL', KEYS[1])
if left == -2 or (left >= 0 and left < ttl) then redis.call('SET', KEYS[1], '1', 'PX', ttl) end
return 0
`;

/**
 * Concurrency slot. KEYS[1]: a sorted set of leases scored by their expiry. ARGV: max, ttl (ms),
 * lease id. Expired leases are dropped first, so each lease expires on its own. Returns 1 or 0.
 */
export const ACQUIRE_LUA = `${NOW}
local max = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= max then return 0 end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[3])
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], math.ceil(ttl)) end
return 1
`;

/** Gives back one lease (the one expiring soonest: the count is what matters). KEYS[1]: the set. */
export const RELEASE_LUA = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZPOPMIN', KEYS[1])
return 0
`;

/**
 * Test hook: the same script reading "now" (ms) from its last argument instead of TIME, so a
 * differential test can drive the Lua and `algorithms.ts` with one fake clock. The store never
 * uses it.
 *
 * @example
 * redis.eval(argvClock(GCRA_LUA), 1, key, T, cap, cost, String(fakeNow));
 */
export function argvClock(lua: string): string {
  if (!lua.includes(TIME_CLOCK)) throw new TypeError('script does not read TIME');
  return lua.replace(TIME_CLOCK, 'local now = tonumber(ARGV[#ARGV])');
}
