export {
  parseAutoClaimReply,
  parseDeliveryCounts,
  parseReadReply,
  type RawEntry,
} from './parse-reply';
export { StreamEntry } from './stream-entry';
