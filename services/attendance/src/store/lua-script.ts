import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Redis } from 'ioredis';

/**
 * A Lua script from this folder, run with EVALSHA so its text crosses the wire once per
 * Redis process. NOSCRIPT (Redis restarted, or SCRIPT FLUSH) is answered with one EVAL,
 * which also caches it again.
 */
export class LuaScript {
  private readonly source: string;
  private readonly sha: string;

  constructor(
    fileName: string,
    private readonly numberOfKeys: number,
  ) {
    this.source = readFileSync(path.join(__dirname, fileName), 'utf8');
    this.sha = createHash('sha1').update(this.source).digest('hex');
  }

  async run(redis: Redis, keys: readonly string[], args: readonly (string | Buffer)[]) {
    try {
      return await redis.evalsha(this.sha, this.numberOfKeys, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, this.numberOfKeys, ...keys, ...args);
    }
  }
}
