import { StreamEntry } from '@rollcall/streams';

import { readRegistryChange, type RegistryChange, type RegistryContext } from '../../src';

/** Every change on the registry change stream, oldest first. */
export async function readChanges(context: RegistryContext): Promise<RegistryChange[]> {
  const key = context.keys.registryChanges.key;
  const entries = await context.redis.xrangeBuffer(key, '-', '+');
  return entries.map(([id, flat]) => {
    const fields = new Map<string, Buffer>();
    for (let i = 0; i + 1 < flat.length; i += 2) {
      fields.set((flat[i] as Buffer).toString(), flat[i + 1] as Buffer);
    }
    return readRegistryChange(new StreamEntry(key, id.toString(), fields, 1));
  });
}
