import { queueAppend } from '@rollcall/streams';
import type { ChainableCommander } from 'ioredis';

import { registryChangeMessage, type RegistryChange } from './change/registry-change';
import { nowMs, type RegistryContext } from './context';

/**
 * Runs `queue`'s commands and the change notice in one MULTI, so a reader of the change
 * stream never sees a change that did not happen, nor misses one that did.
 */
export async function commitChange(
  context: RegistryContext,
  change: Omit<RegistryChange, 'atMs'>,
  queue: (multi: ChainableCommander) => void,
): Promise<void> {
  const multi = context.redis.multi();
  queue(multi);
  queueAppend(
    multi,
    context.keys.registryChanges,
    registryChangeMessage(withTime(context, change)),
  );

  const replies = await multi.exec();
  const failed = replies?.find(([error]) => error !== null)?.[0];
  if (failed) throw failed;
}

function withTime(context: RegistryContext, change: Omit<RegistryChange, 'atMs'>): RegistryChange {
  return { ...change, atMs: nowMs(context) };
}
