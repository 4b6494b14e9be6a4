export { ERROR_CODES, isErrorCode, type ErrorCode } from './codes';
export { RollcallError, isRollcallError } from './rollcall-error';
