import { intersectionArea } from '../../geometry/iou';
import { greedyNms } from '../../geometry/nms';
import type { Box } from '../../geometry/types';
import type { RgbImage } from '../../image/rgb-image';
import type { DetectorSpec } from '../../packs/manifest';
import type { InferenceOptions } from '../../runtime/inference-options';
import { openSession } from '../../runtime/onnx-session';
import { checkImage } from '../check-image';
import { resolveDetectOptions } from '../detect-options';
import type { DetectOptions, DetectedFace, FaceDetector } from '../face-detector';
import { finishDetections } from '../finish-detections';
import { checkInputSize, describeInput } from '../model-input';
import { boxCrop, recentredCrop } from './landmark-crop';
import { fivePointsFrom68, predict68, predict68Mirrored, type Landmark68Model } from './landmark68';
import {
  planTiles,
  smallEnoughForTiles,
  touchesInnerEdge,
  DEFAULT_TILING,
  type TilingOptions,
} from './tiles';
import { runUltrafacePass, type BoxCandidate, type UltrafacePassInput } from './ultraface-pass';

type UltrafaceSpec = Extract<DetectorSpec, { kind: 'ultraface-landmark68' }>;

/** Choices of the default pack's detector that are not model constants. */
export interface UltrafaceOptions {
  /**
   * Extra passes over overlapping tiles at a finer scale, merged with the whole-image pass
   * by NMS, for images too large for small faces to survive the shrink to 320x240.
   * `false` turns them off. Default: `DEFAULT_TILING`.
   */
  readonly tiling: TilingOptions | false;
  /**
   * Landmark passes per face: 1 predicts on the detector-box crop; 2 predicts again on a
   * crop re-framed from the first answer. Default 2 (lower error on dlib's 68-point
   * ground truth, see docs/decisions/detectors.md).
   */
  readonly landmarkPasses: 1 | 2;
  /**
   * Predict each landmark pass on the crop and on its mirror image and average the two
   * (doubles the landmark net's runs). Default true (lower error on dlib's ground truth).
   */
  readonly mirrorLandmarks: boolean;
}

export const DEFAULT_ULTRAFACE_OPTIONS: UltrafaceOptions = Object.freeze({
  tiling: DEFAULT_TILING,
  landmarkPasses: 2,
  mirrorLandmarks: true,
});

/** Tile boxes this close (in source pixels) to a shared tile edge are left to a neighbour. */
const INNER_EDGE_MARGIN = 2;

/**
 * The default pack's detector: Ultra-Light RFB-320 for boxes, then a 68-point landmark net
 * on each face, reduced to the five InsightFace points.
 */
export class UltrafaceDetector implements FaceDetector {
  readonly id: string;

  private constructor(
    private readonly spec: UltrafaceSpec,
    private readonly boxes: Omit<UltrafacePassInput, 'minScore'>,
    private readonly landmarks: Landmark68Model,
    private readonly options: UltrafaceOptions,
  ) {
    this.id = `ultraface-landmark68:${spec.file}+${spec.landmarkFile}`;
  }

  static async open(
    spec: UltrafaceSpec,
    files: { detector: string; landmarks: string },
    inference?: InferenceOptions,
    options: Partial<UltrafaceOptions> = {},
  ): Promise<UltrafaceDetector> {
    const [boxSession, landmarkSession] = await Promise.all([
      openSession(files.detector, inference),
      openSession(files.landmarks, inference),
    ]);
    const boxInput = describeInput(boxSession);
    checkInputSize(boxInput, spec.inputSize, spec.file);
    const landmarkInput = describeInput(landmarkSession);
    checkInputSize(landmarkInput, spec.landmarkInputSize, spec.landmarkFile);

    return new UltrafaceDetector(
      spec,
      {
        session: boxSession,
        inputName: boxInput.name,
        inputSize: spec.inputSize,
        normalisation: spec.normalisation,
      },
      {
        session: landmarkSession,
        inputName: landmarkInput.name,
        inputSize: spec.landmarkInputSize,
      },
      { ...DEFAULT_ULTRAFACE_OPTIONS, ...options },
    );
  }

  async detect(image: RgbImage, options?: DetectOptions): Promise<DetectedFace[]> {
    checkImage(image);
    const resolved = resolveDetectOptions(options, this.spec);

    const boxes = await this.findBoxes(image, resolved.minScore);
    const kept = greedyNms(boxes, resolved.nmsIou, resolved.maxFaces);

    const faces: DetectedFace[] = [];
    for (const candidate of kept) {
      faces.push({ ...candidate, landmarks: await this.fivePoints(image, candidate) });
    }
    return finishDetections(faces, image, resolved);
  }

  private async findBoxes(image: RgbImage, minScore: number): Promise<BoxCandidate[]> {
    const pass = { ...this.boxes, minScore };
    const whole = { x: 0, y: 0, width: image.width, height: image.height };
    const found = await runUltrafacePass(pass, image, whole);
    if (this.options.tiling === false) return found;

    const tiling = this.options.tiling;
    for (const tile of planTiles(image.width, image.height, this.spec.inputSize, tiling)) {
      const inTile = await runUltrafacePass(pass, image, tile.region);
      const usable = inTile.filter(
        (c) =>
          smallEnoughForTiles(tile, c.box, tiling) &&
          !touchesInnerEdge(tile, c.box, INNER_EDGE_MARGIN) &&
          !insideAny(c.box, found),
      );
      found.push(...usable);
    }
    return found;
  }

  private async fivePoints(image: RgbImage, candidate: BoxCandidate) {
    const predict = this.options.mirrorLandmarks ? predict68Mirrored : predict68;
    let points = await predict(this.landmarks, image, boxCrop(candidate.box));
    if (this.options.landmarkPasses === 2) {
      points = await predict(this.landmarks, image, recentredCrop(points));
    }
    return fivePointsFrom68(points);
  }

  /** Sessions are shared through openSession's cache; `closeAllSessions` releases them. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Whether most of `box` lies inside a face already found: a tile that zooms in on part of
 * a face (eyes, mouth) can score it as a small face of its own, which IoU-based NMS
 * would keep because the two boxes differ so much in size.
 */
function insideAny(box: Box, faces: readonly BoxCandidate[]): boolean {
  return faces.some((face) => intersectionArea(box, face.box) > 0.5 * box.width * box.height);
}
