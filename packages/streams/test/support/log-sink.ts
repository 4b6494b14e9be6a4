import { Writable } from 'node:stream';

import { createLogger, type Logger } from '@rollcall/log';

/** A logger whose JSON lines are kept for assertions instead of printed. */
export function capturingLogger(level = 'info'): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') lines.push(JSON.parse(line) as LogLine);
      }
      done();
    },
  });
  return { logger: createLogger({ service: 'streams-test', level, destination: stream }), lines };
}

export interface LogLine {
  msg: string;
  level: number;
  entryId?: string;
  err?: { message: string; type: string };
  [key: string]: unknown;
}
