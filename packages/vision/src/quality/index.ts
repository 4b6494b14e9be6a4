// Enrollment quality: measure a detected face, then judge it against thresholds.
export { assessFace, type FaceAssessment } from './assess-face';
export { checkQuality, noFaceIssue } from './check-quality';
export { checkPhoto, countComparableFaces, type PhotoQuality } from './check-photo';
export type { QualityCode, QualityIssue } from './quality-issue';
export {
  DEFAULT_QUALITY_THRESHOLDS,
  resolveQualityThresholds,
  type QualityThresholds,
  type ResolvedQualityThresholds,
} from './quality-thresholds';
export { estimatePose, FRONTAL_NOSE_DROP, type LandmarkPose } from './pose';
export { faceSharpness, SHARPNESS_PATCH } from './sharpness';
