export { DropPolicy, shouldDrop } from './drop-policy';
export { groupLag, streamGroups } from './group-lag';
