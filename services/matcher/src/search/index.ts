export { SearchIndex, type SearchIndexOptions } from './search-index';
export type { Candidate, SearchOptions, SearchPrecision } from './search-types';
export { quantise, type Quantised } from './quantise';
export { paddedDimension } from './kernels/dot-kernels';
