export {
  parseAutoClaimReply,
  parseDeliveryCounts,
  parseRangeReply,
  parseReadReply,
  type RawEntry,
} from './parse-reply';
export { StreamEntry } from './stream-entry';
export { entryFields, infoFields } from './pairs';
