import { instantiateKernels, type DotKernel } from './kernels/dot-kernels';
import { wasm, type WasmMemory } from './kernels/wasm-api';

const PAGE = 65_536;

/** How a row store lays out one element type. */
export type RowKind = 'f32' | 'i8';

/**
 * A growable matrix of rows in one WebAssembly memory, laid out as
 * `[query block][rows, capacity x dim][scores, maxBatch x capacity]`, so the kernels can
 * scan it and the rows stay where they are when the store grows (only the score block,
 * which is scratch, moves). Rows are `dim` elements long (padded with zeros by the caller).
 */
export class RowStore {
  private readonly memory: WasmMemory;
  private readonly kernel: DotKernel;
  private readonly elementBytes: number;
  private rowCapacity = 0;
  private rowCount = 0;

  constructor(
    readonly kind: RowKind,
    readonly dim: number,
    readonly maxBatch: number,
  ) {
    this.elementBytes = kind === 'f32' ? 4 : 1;
    this.memory = new wasm.Memory({ initial: 1 });
    const kernels = instantiateKernels(this.memory);
    this.kernel = kind === 'f32' ? kernels.dotF32 : kernels.dotI8;
    this.reserve(1024);
  }

  get count(): number {
    return this.rowCount;
  }

  /** Bytes the rows take (what one single-query scan reads). */
  get rowBytes(): number {
    return this.rowCount * this.dim * this.elementBytes;
  }

  /** Appends a row (already padded to `dim`) and returns its index. */
  append(values: Float32Array | Int8Array): number {
    if (this.rowCount === this.rowCapacity) this.reserve(this.rowCapacity * 2);
    const row = this.rowCount;
    this.rowCount += 1;
    this.row(row).set(values);
    return row;
  }

  /** Moves the last row into `row` and drops the last: removal without holes. */
  removeBySwap(row: number): void {
    const last = this.rowCount - 1;
    if (row !== last) this.row(row).set(this.row(last));
    this.rowCount = last;
  }

  /** A view of one row (valid until the store grows). */
  row(index: number): Float32Array | Int8Array {
    const offset = this.matrixOffset() + index * this.dim * this.elementBytes;
    return this.kind === 'f32'
      ? new Float32Array(this.memory.buffer, offset, this.dim)
      : new Int8Array(this.memory.buffer, offset, this.dim);
  }

  /**
   * Scores `queries` (each `dim` long, at most `maxBatch`) against every row. The result,
   * query-major (`scores[j * count + r]`), is valid until the next call or growth.
   */
  score(queries: readonly (Float32Array | Int8Array)[]): Float32Array | Int32Array {
    // int8 queries are written widened to int16 (the kernel's query layout).
    const queryView = this.queryBlock();
    queries.forEach((q, j) => queryView.set(q, j * this.dim));

    const out = this.scoresOffset();
    this.kernel(this.matrixOffset(), this.rowCount, this.dim, 0, queries.length, out);
    const length = queries.length * this.rowCount;
    return this.kind === 'f32'
      ? new Float32Array(this.memory.buffer, out, length)
      : new Int32Array(this.memory.buffer, out, length);
  }

  private queryBlock(): Float32Array | Int16Array {
    const length = this.maxBatch * this.dim;
    return this.kind === 'f32'
      ? new Float32Array(this.memory.buffer, 0, length)
      : new Int16Array(this.memory.buffer, 0, length);
  }

  private matrixOffset(): number {
    const queryBytes = this.kind === 'f32' ? 4 : 2;
    return align(this.maxBatch * this.dim * queryBytes, 64);
  }

  private scoresOffset(): number {
    return align(this.matrixOffset() + this.rowCapacity * this.dim * this.elementBytes, 64);
  }

  private reserve(capacity: number): void {
    this.rowCapacity = capacity;
    const needed = this.scoresOffset() + this.maxBatch * capacity * 4;
    const pages = Math.ceil(needed / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (pages > 0) this.memory.grow(pages);
  }
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}
