import type { FivePoints, Point } from '../geometry/types';

/** Head pose estimated from five landmarks, in degrees; 0, 0, 0 is a face looking at the lens. */
export interface LandmarkPose {
  /** Turn to the side: positive when the nose sits towards the right eye (as seen). */
  readonly yaw: number;
  /** Nod: positive when the nose sits low, towards the mouth (head tipped down). */
  readonly pitch: number;
  /** Tilt of the eye line; positive when the right eye (as seen) is lower. */
  readonly roll: number;
}

/**
 * Where the nose tip sits between the eye line and the mouth line on a frontal face, as a
 * fraction of the way down. InsightFace's ArcFace template (the frontal face every
 * recogniser here was trained on) puts it at 0.495; see docs/decisions/image-decoding.md for
 * what the detectors give on LFW.
 */
export const FRONTAL_NOSE_DROP = 0.495;

/**
 * How far the nose tip stands in front of the eyes and mouth corners. A nose `d` deep moves,
 * when the head turns by yaw, by (d / eye distance) tan(yaw) of the eye distance, and when it
 * nods by pitch, by (d / eye-to-mouth distance) tan(pitch) of that distance. Anthropometric
 * tables give d ~ 30 mm against ~ 63 mm between the pupils (ratio 0.5); the ArcFace template
 * has eye-to-mouth 1.16 times the eye distance, so 0.5 / 1.16 = 0.43 for pitch.
 */
const NOSE_DEPTH_OVER_EYE_DISTANCE = 0.5;
const NOSE_DEPTH_OVER_EYE_TO_MOUTH = 0.43;

/**
 * Yaw from the nose's horizontal place between the eyes and between the mouth corners, roll
 * from the eye line, pitch from the nose's vertical place between eye line and mouth line.
 * The points are first turned by -roll about the eye midpoint, so a tilted head does not
 * read as a turned one. An approximation (no 3-D model): good to a few degrees near
 * frontal, and it saturates towards profile, which is all a quality gate needs.
 */
export function estimatePose(landmarks: FivePoints): LandmarkPose {
  const [leftEye, rightEye, nose, leftMouth, rightMouth] = landmarks;
  const roll = Math.atan2(rightEye.y - leftEye.y, rightEye.x - leftEye.x);
  const origin = midpoint(leftEye, rightEye);
  const level = (p: Point) => rotate(p, origin, -roll);

  const [le, re, n, lm, rm] = [leftEye, rightEye, nose, leftMouth, rightMouth].map(level) as [
    Point,
    Point,
    Point,
    Point,
    Point,
  ];
  const acrossEyes = fraction(n.x, le.x, re.x);
  const acrossMouth = fraction(n.x, lm.x, rm.x);
  const across = (acrossEyes + acrossMouth) / 2;
  const down = fraction(n.y, (le.y + re.y) / 2, (lm.y + rm.y) / 2);

  return {
    yaw: degrees(Math.atan((across - 0.5) / NOSE_DEPTH_OVER_EYE_DISTANCE)),
    pitch: degrees(Math.atan((down - FRONTAL_NOSE_DROP) / NOSE_DEPTH_OVER_EYE_TO_MOUTH)),
    roll: degrees(roll),
  };
}

/** Where `value` lies from `from` (0) to `to` (1); 0.5 when the two coincide. */
function fraction(value: number, from: number, to: number): number {
  const span = to - from;
  return Math.abs(span) < 1e-6 ? 0.5 : (value - from) / span;
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

function rotate(p: Point, origin: Point, angle: number): Point {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const dx = p.x - origin.x;
  const dy = p.y - origin.y;
  return { x: origin.x + dx * cos - dy * sin, y: origin.y + dx * sin + dy * cos };
}

function degrees(radians: number): number {
  return (radians * 180) / Math.PI;
}
