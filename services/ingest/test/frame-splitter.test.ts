import { FrameSplitter } from '../src/ffmpeg/frame-splitter';

function bytes(count: number, start = 0): Uint8Array {
  return Uint8Array.from({ length: count }, (_, i) => (start + i) % 251);
}

describe('FrameSplitter', () => {
  it('joins a frame spread over many chunks, cut at odd places', () => {
    const splitter = new FrameSplitter(10);
    const stream = bytes(35);
    const cuts = [0, 3, 4, 13, 20, 21, 33, 35];
    const frames = cuts.slice(1).flatMap((end, i) => splitter.push(stream.subarray(cuts[i], end)));

    expect(frames).toHaveLength(3);
    frames.forEach((frame, i) => {
      expect(Array.from(frame)).toEqual(Array.from(stream.subarray(i * 10, i * 10 + 10)));
    });
    expect(splitter.pendingBytes).toBe(5);
  });

  it('returns several frames from one chunk and keeps each independent of the chunk', () => {
    const splitter = new FrameSplitter(4);
    const chunk = bytes(12);
    const frames = splitter.push(chunk);
    chunk.fill(0);

    expect(frames.map((frame) => Array.from(frame))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11],
    ]);
  });

  it('rejects a frame size that is not a positive integer', () => {
    expect(() => new FrameSplitter(0)).toThrow(RangeError);
    expect(() => new FrameSplitter(2.5)).toThrow(RangeError);
  });
});
