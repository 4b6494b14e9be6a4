/**
 * The one pixel format every stage after decoding works on: 8-bit RGB, interleaved,
 * row-major, no padding (`data.length === width * height * 3`). Raw frames from ffmpeg
 * (`-pix_fmt rgb24`) already have this layout.
 */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}
