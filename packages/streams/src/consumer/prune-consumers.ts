import type { ConsumerContext } from './context';
import { infoFields } from '../entry/pairs';

/**
 * Removes members that have been silent for `pruneIdleMs` and hold no pending entries:
 * consumers of processes that died (their entries were reclaimed) and would otherwise stay
 * listed in the group forever. Only members with nothing pending are removed, so no entry is
 * ever lost; a member removed by mistake is recreated by Redis on its next read.
 */
export async function pruneIdleConsumers(ctx: ConsumerContext): Promise<void> {
  const { redis, stream, group, consumer, pruneIdleMs } = ctx.options;
  const reply = (await redis.call('XINFO', 'CONSUMERS', stream.key, group)) as unknown[][];

  for (const member of reply.map(infoFields)) {
    const name = String(member.get('name'));
    const idle = Number(member.get('idle'));
    const pending = Number(member.get('pending'));
    if (name === consumer || pending > 0 || !(idle >= pruneIdleMs)) continue;

    await redis.call('XGROUP', 'DELCONSUMER', stream.key, group, name);
    ctx.stats.pruned += 1;
    ctx.logger.info({ member: name, idleMs: idle }, 'idle group member removed');
  }
}
