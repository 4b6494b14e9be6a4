export { applyAffine, invertAffine, type AffineMatrix } from './affine';
export { estimateSimilarity } from './similarity-transform';
export { warpAffine } from './warp-affine';
export {
  ALIGNMENT_TEMPLATES,
  templateFor,
  type AlignmentTemplate,
  type TemplateName,
} from './templates';
export { alignFace, type AlignedFace } from './align-face';
