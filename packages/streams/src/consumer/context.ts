import type { Logger } from '@rollcall/log';

import type { ResolvedConsumerOptions } from './options';
import type { ConsumerStats } from './stats';

/** What every step of one consumer loop shares. */
export interface ConsumerContext {
  readonly options: ResolvedConsumerOptions;
  readonly logger: Logger;
  readonly stats: ConsumerStats;
}
