import type { FaceFound, Frame } from '@rollcall/contracts';
import type {
  AlignmentTemplate,
  DetectedFace,
  FaceDetector,
  InferenceOptions,
  LoadedPack,
  RgbImage,
} from '@rollcall/vision';
import { alignFace, createDetector, assessFace } from '@rollcall/vision';

import { framePixels } from './frame-pixels';
import { packTemplates } from './pack-templates';
import { toProtoPoints, toProtoQuality } from './proto-faces';
import { toRawImage } from './proto-images';

/**
 * A frame in, one `FaceFound` per face out: detect with the pack's detector, measure each
 * face's quality, and warp it onto every distinct template the pack's recognisers need,
 * so the embedder never needs the frame.
 */
export class FaceFinder {
  private constructor(
    private readonly detector: FaceDetector,
    readonly templates: readonly AlignmentTemplate[],
  ) {}

  static async open(pack: LoadedPack, inference?: InferenceOptions): Promise<FaceFinder> {
    const detector = await createDetector(pack.manifest.detector, pack.files, inference);
    return new FaceFinder(detector, packTemplates(pack));
  }

  get detectorId(): string {
    return this.detector.id;
  }

  async find(frame: Frame): Promise<FaceFound[]> {
    const image = await framePixels(frame);
    const faces = await this.detector.detect(image);
    return faces.map((face, index) => this.describe(frame, image, face, index, faces.length));
  }

  async close(): Promise<void> {
    await this.detector.close();
  }

  private describe(
    frame: Frame,
    image: RgbImage,
    face: DetectedFace,
    index: number,
    count: number,
  ): FaceFound {
    const assessment = assessFace(image, face, count);
    const crops = this.templates.map((template) => ({
      template: template.name,
      image: toRawImage(alignFace(image, face.landmarks, template).crop),
    }));
    return {
      face: {
        faceId: `${frame.cameraId}:${frame.seq}:${index}`,
        cameraId: frame.cameraId,
        frameSeq: frame.seq,
        capturedAtMs: frame.capturedAtMs,
        box: { ...face.box },
        landmarks: toProtoPoints(face.landmarks),
        detectionScore: face.score,
        quality: toProtoQuality(assessment),
        facesInFrame: count,
      },
      detectorId: this.detector.id,
      crops,
    };
  }
}
