import type { FaceQuality, Point as ProtoPoint } from '@rollcall/contracts';
import type { FivePoints, Point, FaceAssessment } from '@rollcall/vision';

/** A face's quality measurements as the proto carries them. */
export function toProtoQuality(assessment: FaceAssessment): FaceQuality {
  return {
    interEyePx: assessment.eyeDistance,
    sharpness: assessment.sharpness,
    yawDeg: assessment.yaw,
    pitchDeg: assessment.pitch,
    rollDeg: assessment.roll,
  };
}

export function toProtoPoints(landmarks: FivePoints): ProtoPoint[] {
  return landmarks.map((p: Point) => ({ x: p.x, y: p.y }));
}

/** Proto landmarks back as the five points the aligner takes; undefined unless five. */
export function toFivePoints(points: readonly ProtoPoint[]): FivePoints | undefined {
  if (points.length !== 5) return undefined;
  return points.map((p) => ({ x: p.x, y: p.y })) as unknown as FivePoints;
}
