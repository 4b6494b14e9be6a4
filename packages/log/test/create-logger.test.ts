import { RollcallError, isRollcallError } from '@rollcall/errors';

import { cameraLogger, createLogger, jobLogger, trackLogger, REDACTED } from '../src';
import { collectLines } from './collect-lines';

function makeLogger(level = 'info', env: NodeJS.ProcessEnv = {}) {
  const sink = collectLines();
  const log = createLogger({ service: 'test-service', level, destination: sink.stream, env });
  return { log, lines: sink.lines };
}

describe('createLogger', () => {
  it('writes the context object, a fixed message and the service on one JSON line', () => {
    const { log, lines } = makeLogger();

    log.info({ cameraId: 'door-1', fps: 12 }, 'camera connected');

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      service: 'test-service',
      level: 30,
      msg: 'camera connected',
      cameraId: 'door-1',
      fps: 12,
    });
  });

  it('serialises errors under err with their message, stack and code', () => {
    const { log, lines } = makeLogger();
    const failure = new RollcallError('INVALID_ARGUMENT', 'cameraId must not be empty.');

    log.error({ err: failure, entryId: '1-0' }, 'handler failed');

    const err = lines[0]?.err as Record<string, unknown>;
    expect(err.message).toBe('cameraId must not be empty.');
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(String(err.stack)).toContain('RollcallError');
    expect(lines[0]?.entryId).toBe('1-0');
  });

  it('censors secrets at the top level and one level down', () => {
    const { log, lines } = makeLogger();

    log.info(
      {
        authorization: 'Bearer abc',
        apiKey: 'rk_live_123',
        camera: { url: 'rtsp://cam', password: 'hunter2' },
        signing: { key: 'k-1' },
      },
      'configured',
    );

    const text = JSON.stringify(lines[0]);
    for (const secret of ['Bearer abc', 'rk_live_123', 'hunter2', 'k-1']) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({
      authorization: REDACTED,
      apiKey: REDACTED,
      camera: { url: 'rtsp://cam', password: REDACTED },
      signing: { key: REDACTED },
    });
  });

  it('never writes an embedding or a frame whole', () => {
    const { log, lines } = makeLogger();
    const vector = Float32Array.from({ length: 512 }, (_, i) => i / 512);
    const plain = Array.from({ length: 512 }, (_, i) => i);

    log.info(
      {
        embedding: { modelId: 'arcface', vector },
        match: { vector: plain },
        frame: Buffer.alloc(1_000_000, 7),
        scores: [0.1, 0.2],
      },
      'embedded',
    );

    const line = lines[0] as Record<string, Record<string, unknown>>;
    expect(JSON.stringify(line).length).toBeLessThan(1_000);
    expect(line.embedding?.modelId).toBe('arcface');
    expect(line.embedding?.vector).toEqual({
      truncated: 'Float32Array',
      length: 512,
      head: Array.from(vector.slice(0, 4)),
    });
    expect(line.match?.vector).toMatchObject({ truncated: 'Array', length: 512 });
    expect(line.frame).toMatchObject({ truncated: 'Buffer', length: 1_000_000 });
    expect(line.scores).toEqual([0.1, 0.2]);
  });

  it('does not change the object the caller logged', () => {
    const { log } = makeLogger();
    const context = { embedding: { vector: new Float32Array(100) } };

    log.info(context, 'embedded');

    expect(context.embedding.vector).toBeInstanceOf(Float32Array);
  });

  it('binds camera, job and track ids on child loggers', () => {
    const { log, lines } = makeLogger();

    trackLogger(cameraLogger(log, 'door-1'), 't-9').info({ frames: 3 }, 'track closed');
    jobLogger(log, 'enrol-4').warn({}, 'job slow');

    expect(lines[0]).toMatchObject({ cameraId: 'door-1', trackId: 't-9', frames: 3 });
    expect(lines[1]).toMatchObject({ jobId: 'enrol-4', level: 40 });
    expect(lines[1]).not.toHaveProperty('cameraId');
  });

  it('reads LOG_LEVEL when no level is given', () => {
    const sink = collectLines();
    const log = createLogger({
      service: 's',
      destination: sink.stream,
      env: { LOG_LEVEL: 'warn' },
    });

    log.info({}, 'hidden');
    log.warn({}, 'shown');

    expect(log.level).toBe('warn');
    expect(sink.lines.map((l) => l.msg)).toEqual(['shown']);
  });

  it('rejects an unknown LOG_LEVEL with a code and the setting to change', () => {
    let caught: unknown;
    try {
      createLogger({ service: 's', env: { LOG_LEVEL: 'loud' } });
    } catch (error) {
      caught = error;
    }

    expect(isRollcallError(caught, 'CONFIG_INVALID')).toBe(true);
    expect((caught as Error).message).toContain('LOG_LEVEL');
    expect((caught as Error).message).toContain('loud');
  });
});
