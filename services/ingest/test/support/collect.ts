import type { CameraFrame } from '../../src/sources/camera-status';
import type { CameraSource } from '../../src/sources/camera-source';
import type { CameraStatus } from '../../src/sources/camera-status';

/** Records every frame (data dropped after the first few, to keep memory flat) and status. */
export function record(source: CameraSource): {
  frames: CameraFrame[];
  statuses: CameraStatus[];
} {
  const frames: CameraFrame[] = [];
  const statuses: CameraStatus[] = [];
  source.on('frame', (frame) => {
    frames.push(frames.length < 8 ? frame : { ...frame, data: new Uint8Array(0) });
  });
  source.on('status', (status) => statuses.push(status));
  return { frames, statuses };
}
