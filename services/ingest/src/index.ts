// Public surface of @rollcall/ingest: the camera-source layer. One CameraSource per camera
// turns an RTSP, MJPEG, file or V4L2 input into raw RGB frames via one ffmpeg process.
export { CameraSource, type CameraSourceEvents } from './sources/camera-source';
export type { CameraSourceOptions } from './sources/camera-source-options';
export type { CameraError, CameraFrame, CameraState, CameraStatus } from './sources/camera-status';
export { backoffDelay, type BackoffOptions } from './sources/backoff';
export { parseCameraUrl, redactUrl, type CameraInput } from './input/camera-url';
export { decodeArgs, filterChain, type DecodeOutput } from './ffmpeg/decode-args';
export {
  FfmpegDecoder,
  type DecoderExit,
  type FfmpegDecoderOptions,
} from './ffmpeg/ffmpeg-decoder';
export { FrameSplitter } from './ffmpeg/frame-splitter';
export { parseFfmpegLine, type FfmpegLogLine } from './ffmpeg/ffmpeg-log';
