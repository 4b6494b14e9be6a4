/*
 * The few WebAssembly encodings the dot-product kernels need, named, so the module in
 * `dot-kernels.ts` reads as instructions rather than as numbers. Opcodes are from the
 * WebAssembly 2.0 core specification (fixed-width SIMD is the 0xfd prefix).
 */

/** Unsigned LEB128, as indices, counts and sizes are written. */
export function uleb(value: number): number[] {
  const out: number[] = [];
  let rest = value >>> 0;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    out.push(byte);
  } while (rest !== 0);
  return out;
}

/** Signed LEB128 of a small constant (the kernels only use 0 to 64). */
export function sleb(value: number): number[] {
  const out: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A length-prefixed byte vector (sections, bodies, names). */
export function sized(bytes: number[]): number[] {
  return [...uleb(bytes.length), ...bytes];
}

export function name(text: string): number[] {
  return sized([...Buffer.from(text, 'utf8')]);
}

export const type = { i32: 0x7f, v128: 0x7b, func: 0x60, void: 0x40 } as const;

const simd = (opcode: number) => [0xfd, ...uleb(opcode)];

export const op = {
  block: [0x02, type.void],
  loop: [0x03, type.void],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  get: (local: number) => [0x20, ...uleb(local)],
  set: (local: number) => [0x21, ...uleb(local)],
  i32: (value: number) => [0x41, ...sleb(value)],
  i32Add: [0x6a],
  i32Mul: [0x6c],
  i32Shl: [0x74],
  i32LtU: [0x49],
  i32GeU: [0x4f],
  f32Add: [0x92],
  /** f32.store with a 4-byte alignment hint. */
  f32Store: [0x38, 2, 0],
  /** i32.store with a 4-byte alignment hint. */
  i32Store: [0x36, 2, 0],
  /** v128.load at a constant offset from the address on the stack. */
  v128Load: (offset: number) => [...simd(0x00), 4, ...uleb(offset)],
  v128Zero: [...simd(0x0c), ...new Array<number>(16).fill(0)],
  f32x4Add: simd(0xe4),
  f32x4Mul: simd(0xe6),
  f32x4Lane: (lane: number) => [...simd(0x1f), lane],
  i16x8FromLowI8: simd(0x87),
  i16x8FromHighI8: simd(0x88),
  i32x4DotI16: simd(0xba),
  i32x4Add: simd(0xae),
  i32x4Lane: (lane: number) => [...simd(0x1b), lane],
} as const;
