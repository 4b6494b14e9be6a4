export { DropPolicy, shouldDrop } from './drop-policy';
export { groupLag } from './group-lag';
