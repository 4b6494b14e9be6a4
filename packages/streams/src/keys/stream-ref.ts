/** A stream's full Redis key and the approximate length its appends trim it to. */
export interface StreamRef {
  readonly key: string;
  /** `XADD ... MAXLEN ~ maxLen`: Redis trims whole nodes, so length can exceed it a little. */
  readonly maxLen: number;
}
