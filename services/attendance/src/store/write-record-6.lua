--[[
Writes one attendance record, its indexes and the person's presence, exactly once.
The record id is derived from the decision, so a decision made twice (a replay, or a
redelivery after a crash before the ack) finds its id taken and changes nothing.

KEYS[1] records hash: record id -> encoded record (the guard: HSETNX)
KEYS[2] attendance stream
KEYS[3] by-day sorted set (local day of the record in the configured zone)
KEYS[4] by-person sorted set
KEYS[5] by-camera sorted set
KEYS[6] presence hash: person id -> presence JSON

ARGV[1] record id
ARGV[2] encoded record (stream `data`, records hash value)
ARGV[3] record time, ms since the epoch (the sorted-set score)
ARGV[4] stream cap for XADD MAXLEN ~
ARGV[5] schema version (stream field `v`)
ARGV[6] message type name (stream field `type`)
ARGV[7] person id (presence field)
ARGV[8] presence JSON, or '' to leave the presence as it is

Returns 1 when the record was written, 0 when a record with that id already existed.
Emits one entry (v, type, data) on the attendance stream when it writes.
]]
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  return 0
end

redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[4], '*',
  'v', ARGV[5], 'type', ARGV[6], 'data', ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[5], ARGV[3], ARGV[1])

if ARGV[8] ~= '' then
  redis.call('HSET', KEYS[6], ARGV[7], ARGV[8])
end
return 1
