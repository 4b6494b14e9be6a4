/** One person a query resembles, scored by the cosine of that person's best sample. */
export interface Candidate {
  readonly personId: string;
  readonly score: number;
}

/** `f32`: exact scan. `i8`: int8 scan, then the best rows rescored exactly in float32. */
export type SearchPrecision = 'f32' | 'i8';

/** How one search runs. */
export interface SearchOptions {
  /** Persons returned, best first. Default 5. */
  readonly k?: number;
  /** Default `f32`. */
  readonly precision?: SearchPrecision;
  /**
   * With `i8`: rows (samples) rescored exactly; the k persons are chosen among them.
   * Default 64: int8 keeps cosines within about 0.01 of exact, and far fewer than 64 rows
   * lie that close to the best on a real gallery.
   */
  readonly rescoreRows?: number;
}
