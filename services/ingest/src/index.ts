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

// The ingest service: cameras from the API's configuration, frames onto the frames stream.
export { IngestService, type IngestServiceOptions } from './service/ingest-service';
export { RunningCamera } from './service/running-camera';
export { FramePublisher, type PublishCounts } from './publish/frame-publisher';
export { frameMessage } from './publish/frame-message';
export { LagProbe } from './publish/lag-probe';
export {
  loadIngestSettings,
  type FrameFormat,
  type IngestSettings,
} from './settings/ingest-settings';
export { readCameraConfig, type CameraConfig } from './cameras/camera-config';
export { inShard } from './cameras/shard';
export { statusFields } from './status/status-fields';
