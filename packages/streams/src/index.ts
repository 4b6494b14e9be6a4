export * from './append';
export * from './backpressure';
export * from './consumer';
export {
  entryFields,
  infoFields,
  parseRangeReply,
  parseReadReply,
  StreamEntry,
  type RawEntry,
} from './entry';
export * from './keys';
export { runUntilSignalled, type RunUntilSignalledOptions } from './shutdown/run-until-signalled';
export { EXIT_WITH_PARENT_VARIABLE, watchParent } from './shutdown/parent-watch';
