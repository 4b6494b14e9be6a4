import type { Frame } from '@rollcall/contracts';
import sharp from 'sharp';

import type { FrameFormat } from '../settings/ingest-settings';
import type { CameraFrame } from '../sources/camera-status';

/**
 * The `Frame` message for one decoded frame. JPEG keeps the frames stream small (a 640x360
 * frame is ~30-60 KB instead of 691 KB raw, and the stream holds hundreds of entries);
 * raw skips an encode and a decode when ingest and detectors share a machine.
 */
export async function frameMessage(
  frame: CameraFrame,
  format: FrameFormat,
  jpegQuality: number,
): Promise<Frame> {
  const base = {
    cameraId: frame.cameraId,
    seq: frame.seq,
    capturedAtMs: frame.capturedAt,
    width: frame.width,
    height: frame.height,
  };
  if (format === 'raw') {
    const pixels = { width: frame.width, height: frame.height, pixelFormat: 'rgb24' };
    return { ...base, image: { $case: 'raw', value: { ...pixels, pixels: asBuffer(frame.data) } } };
  }

  const jpeg = await sharp(frame.data, {
    raw: { width: frame.width, height: frame.height, channels: 3 },
  })
    .jpeg({ quality: jpegQuality, chromaSubsampling: '4:4:4' })
    .toBuffer();
  return { ...base, image: { $case: 'jpeg', value: jpeg } };
}

/** The same bytes as a Buffer, without a copy. */
function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
