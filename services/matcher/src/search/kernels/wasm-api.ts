/*
 * The part of the WebAssembly JS API the kernels use, typed here because the project's
 * `lib` (ES2023, no DOM) does not declare the `WebAssembly` global that Node provides.
 */

/** A linear memory; `buffer` is replaced (the old one detached) whenever it grows. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
}

export const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
