import { unexpected } from '../output-matrix';

/** Which output holds what, for one stride of an SCRFD model. */
export interface ScrfdLevel {
  readonly stride: number;
  readonly score: string;
  readonly bbox: string;
  readonly kps: string;
}

/**
 * Finds the score, bbox and keypoint outputs of each stride. Two export styles exist:
 * named (`score_8`, `bbox_8`, `kps_8`, ...) and numbered, where the order is all scores
 * (fine to coarse), then all boxes, then all keypoints, as InsightFace's `scrfd.py` reads
 * them. Models without keypoints (6 or 10 numbered outputs) cannot feed alignment.
 */
export function scrfdLevels(outputNames: readonly string[]): ScrfdLevel[] {
  const named = outputNames
    .map((name) => /^score_(\d+)$/.exec(name))
    .flatMap((match) => (match === null ? [] : [Number(match[1])]));
  if (named.length > 0)
    return namedLevels(
      named.sort((a, b) => a - b),
      outputNames,
    );
  return numberedLevels(outputNames);
}

function namedLevels(strides: number[], outputNames: readonly string[]): ScrfdLevel[] {
  return strides.map((stride) => {
    const level = {
      stride,
      score: `score_${stride}`,
      bbox: `bbox_${stride}`,
      kps: `kps_${stride}`,
    };
    for (const name of [level.bbox, level.kps]) {
      if (!outputNames.includes(name)) throw unexpected(`SCRFD output "${name}" is missing`);
    }
    return level;
  });
}

/** Strides by level count: 3 levels (8, 16, 32) or 5 (8 ... 128), as in InsightFace. */
function numberedLevels(outputNames: readonly string[]): ScrfdLevel[] {
  const levels = outputNames.length / 3;
  if (levels !== 3 && levels !== 5) {
    throw unexpected(
      `an SCRFD model with keypoints has 9 or 15 outputs, this one has ${outputNames.length}` +
        (outputNames.length === 6 || outputNames.length === 10 ? ' (no keypoints)' : ''),
    );
  }
  const strides = levels === 3 ? [8, 16, 32] : [8, 16, 32, 64, 128];
  return strides.map((stride, i) => ({
    stride,
    score: outputNames[i] as string,
    bbox: outputNames[i + levels] as string,
    kps: outputNames[i + 2 * levels] as string,
  }));
}
