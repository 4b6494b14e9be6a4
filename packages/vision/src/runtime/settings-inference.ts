import { visionSettings, type VisionSettings } from '@rollcall/config';
import type { InferenceOptions } from './inference-options';

/**
 * The inference options the settings ask for (`ROLLCALL_PROVIDER`, `ROLLCALL_THREADS`), so
 * every caller opens sessions the same way and `openSession` shares them.
 */
export function inferenceOptionsFromSettings(
  settings: Pick<VisionSettings, 'provider' | 'threads'> = visionSettings(),
): InferenceOptions {
  return Object.freeze({ provider: settings.provider, threads: settings.threads });
}
