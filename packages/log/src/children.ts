import type { Logger } from 'pino';

/*
 * Child loggers bound to the id of what they work on, so every line about one camera, job
 * or track can be found by one field. The field names are fixed here so queries stay the
 * same across services.
 */

/** A logger whose lines all carry `cameraId`. */
export function cameraLogger(logger: Logger, cameraId: string): Logger {
  return logger.child({ cameraId });
}

/** A logger whose lines all carry `jobId`. */
export function jobLogger(logger: Logger, jobId: string): Logger {
  return logger.child({ jobId });
}

/** A logger whose lines all carry `trackId`; derive it from a camera logger to keep both. */
export function trackLogger(logger: Logger, trackId: string): Logger {
  return logger.child({ trackId });
}
