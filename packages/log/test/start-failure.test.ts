import { RollcallError } from '@rollcall/errors';

import { reportStartFailure } from '../src';

function lines(error: unknown, env: NodeJS.ProcessEnv = {}): string[] {
  const written: string[] = [];
  const before = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = env.LOG_LEVEL ?? 'silent';
  try {
    reportStartFailure('detector', error, (line) => written.push(line));
  } finally {
    if (before === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = before;
  }
  return written;
}

describe('reportStartFailure', () => {
  it('writes a coded error as one line without a stack', () => {
    const error = new RollcallError('PACK_NOT_FOUND', 'No model pack "nosuch" is known.');
    expect(lines(error)).toEqual(['detector: PACK_NOT_FOUND: No model pack "nosuch" is known.']);
  });

  it('writes the stack of an unexpected error when no logger can be made', () => {
    const written = lines(new TypeError('x is undefined'), { LOG_LEVEL: 'loud' });
    expect(written[0]).toBe('detector: stopped on an unexpected error:');
    expect(written[1]).toMatch(/^TypeError: x is undefined\n\s+at /);
  });
});
