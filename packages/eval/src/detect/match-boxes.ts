import type { Box } from '@rollcall/vision';
import { iou } from '@rollcall/vision';
import type { TruthBox } from './dlib-xml';

export interface MatchCounts {
  /** Labelled faces (not ignored) that a detection matched. */
  readonly truePositives: number;
  /** Detections matching no labelled face and no ignored box. */
  readonly falsePositives: number;
  /** Labelled faces (not ignored) in all. */
  readonly faces: number;
}

/**
 * Greedy matching as PASCAL VOC scores detections: best score first, each detection takes
 * the unmatched labelled face it overlaps most (IoU >= minIou); one that only overlaps an
 * `ignore` box is left out of both counts; any other is a false positive (including a
 * second detection of an already matched face).
 */
export function matchBoxes(
  detections: readonly { box: Box; score: number }[],
  truth: readonly TruthBox[],
  minIou = 0.5,
): MatchCounts {
  const faces = truth.filter((t) => !t.ignore);
  const ignored = truth.filter((t) => t.ignore);
  const taken = new Set<number>();
  let truePositives = 0;
  let falsePositives = 0;

  for (const d of [...detections].sort((a, b) => b.score - a.score)) {
    let best = -1;
    let bestIou = minIou;
    faces.forEach((t, i) => {
      const overlap = iou(d.box, t);
      if (!taken.has(i) && overlap >= bestIou) {
        best = i;
        bestIou = overlap;
      }
    });
    if (best >= 0) {
      taken.add(best);
      truePositives++;
    } else if (!ignored.some((t) => iou(d.box, t) >= minIou)) {
      falsePositives++;
    }
  }
  return { truePositives, falsePositives, faces: faces.length };
}

export function addCounts(a: MatchCounts, b: MatchCounts): MatchCounts {
  return {
    truePositives: a.truePositives + b.truePositives,
    falsePositives: a.falsePositives + b.falsePositives,
    faces: a.faces + b.faces,
  };
}
