export { appendEntry, queueAppend, xaddArgs, xaddFlatArgs } from './append-entry';
export { SCHEMA_FIELD, flattenMessage, type FieldValue, type StreamMessage } from './message';
