// Pixels in and out: decoding uploads and frames to RgbImage, resampling, and encoding.
export type { RgbImage } from './rgb-image';
export { cropAndResize, resize, sampleBilinear, flipHorizontal, toGray } from './resize';
export type { ResampleRegion } from './resize';
export { decodeImage } from './decode-image';
export {
  DEFAULT_DECODE_OPTIONS,
  resolveDecodeOptions,
  type DecodeOptions,
  type ResolvedDecodeOptions,
} from './decode-options';
export { probeImage, type ImageProbe } from './probe-image';
export { checkImageLimits } from './image-limits';
export {
  ACCEPTED_FORMATS,
  isAcceptedFormat,
  sniffFormat,
  type AcceptedFormat,
  type ImageFormat,
  type RefusedFormat,
} from './image-format';
export { rgbFromRaw, type RawPixelFormat } from './raw-frame';
export { encodeJpeg, encodePng } from './encode-image';
