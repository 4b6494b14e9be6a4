export { createLogger, type CreateLoggerOptions } from './create-logger';
export { cameraLogger, jobLogger, trackLogger } from './children';
export { LOG_LEVELS, resolveLevel, type LogLevel } from './level';
export { REDACTED, REDACT_PATHS } from './redact-paths';
export { reportStartFailure, runService, type WriteLine } from './start-failure';
export { MAX_LOGGED_ELEMENTS, truncateBulky, type TruncatedArray } from './truncate';
export type { Logger } from 'pino';
