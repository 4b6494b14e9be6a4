/** Running counts of one consumer, readable while it runs and returned when it stops. */
export interface ConsumerStats {
  /** Entries whose handler resolved and that were acknowledged. */
  processed: number;
  /** Handler failures (each delivery counts). */
  failed: number;
  /** Entries moved to the dead-letter stream. */
  deadLettered: number;
  /** Entries reclaimed from idle members (this one included, after a failure). */
  reclaimed: number;
  /** Entries an earlier process of this consumer name left pending, handled at start. */
  resumed: number;
  /** Pending entries the stream had trimmed or deleted before they were processed. */
  trimmed: number;
  /** Silent members with nothing pending removed from the group. */
  pruned: number;
  /** Redis errors the loop backed off from. */
  redisErrors: number;
}

export function emptyStats(): ConsumerStats {
  return {
    processed: 0,
    failed: 0,
    deadLettered: 0,
    reclaimed: 0,
    resumed: 0,
    trimmed: 0,
    pruned: 0,
    redisErrors: 0,
  };
}
