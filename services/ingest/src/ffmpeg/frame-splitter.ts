/**
 * Cuts ffmpeg's raw video output into frames. A pipe delivers bytes in chunks of whatever
 * size the kernel chose (64 KiB here, while a 640x360 RGB frame is 675 KiB), so a frame
 * usually spans many chunks and a chunk may end inside one; each frame is copied once into
 * its own buffer, so it stays valid after the chunk is gone.
 */
export class FrameSplitter {
  private current: Buffer | undefined;
  private filled = 0;

  constructor(readonly frameBytes: number) {
    if (!Number.isInteger(frameBytes) || frameBytes <= 0) {
      throw new RangeError(`frameBytes must be a positive integer, got ${frameBytes}`);
    }
  }

  /** Bytes held towards the next frame. */
  get pendingBytes(): number {
    return this.filled;
  }

  /** Adds a chunk; returns the frames it completes, oldest first. */
  push(chunk: Uint8Array): Buffer[] {
    const frames: Buffer[] = [];
    let offset = 0;

    while (offset < chunk.length) {
      this.current ??= Buffer.allocUnsafe(this.frameBytes);
      const take = Math.min(this.frameBytes - this.filled, chunk.length - offset);
      this.current.set(chunk.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;

      if (this.filled === this.frameBytes) {
        frames.push(this.current);
        this.current = undefined;
        this.filled = 0;
      }
    }
    return frames;
  }
}
