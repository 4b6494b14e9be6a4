import type { ConsumerContext } from './context';

/**
 * The XREADGROUP call of this consumer: `>` for entries new to the group (blocking up to
 * `blockMs`), or an id for the consumer's own pending entries after it (never blocks).
 */
export function readGroupArgs(
  ctx: ConsumerContext,
  after: string,
  blockMs?: number,
): [string, ...string[]] {
  const { stream, group, consumer, batch } = ctx.options;
  const block = blockMs === undefined ? [] : ['BLOCK', String(blockMs)];
  return [
    'XREADGROUP',
    ...['GROUP', group, consumer, 'COUNT', String(batch)],
    ...block,
    ...['STREAMS', stream.key, after],
  ];
}
