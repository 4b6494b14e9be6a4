/**
 * Lua: counts entries of a stream after an id, on the server, so a lag fallback never
 * ships frame payloads over the wire.
 *
 * KEYS[1]  the stream
 * ARGV[1]  exclusive start id, e.g. `(1700000000000-0`
 * ARGV[2]  most entries to count (the stream's cap bounds it anyway)
 * Returns  the number of entries with an id above ARGV[1], at most ARGV[2].
 * Emits    nothing; read-only.
 */
export const COUNT_AFTER_SCRIPT = `
local entries = redis.call('XRANGE', KEYS[1], ARGV[1], '+', 'COUNT', ARGV[2])
return #entries
`;
