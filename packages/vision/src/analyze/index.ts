export { FaceAnalyzer, type ImageInput } from './face-analyzer';
export type {
  AnalyzeOptions,
  AnalyzedFace,
  Comparison,
  FaceAnalysis,
  FaceAnalyzerOptions,
  FaceQuality,
  StageTimings,
} from './analysis';
