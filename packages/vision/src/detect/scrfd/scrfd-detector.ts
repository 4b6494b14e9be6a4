import type { RgbImage } from '../../image/rgb-image';
import type { DetectorSpec } from '../../packs/manifest';
import type { InferenceOptions } from '../../runtime/inference-options';
import { float32Tensor, openSession, type OnnxSession } from '../../runtime/onnx-session';
import { checkImage } from '../check-image';
import { resolveDetectOptions } from '../detect-options';
import type { DetectOptions, DetectedFace, FaceDetector } from '../face-detector';
import { finishDetections } from '../finish-detections';
import { canvasSize, letterboxInput } from '../letterbox-input';
import { faceToSource } from '../map-face';
import { checkInputSize, describeInput, type ModelInput } from '../model-input';
import { readMatrix } from '../output-matrix';
import { decodeScrfdLevel } from './scrfd-decode';
import { scrfdLevels, type ScrfdLevel } from './scrfd-outputs';

type ScrfdSpec = Extract<DetectorSpec, { kind: 'scrfd' }>;

/**
 * InsightFace SCRFD (det_500m, det_2.5g, det_10g and their re-exports). The image is
 * letterboxed top-left into the manifest's input size; dynamic-size exports run on the
 * smallest multiple-of-32 canvas that holds the scaled image.
 */
export class ScrfdDetector implements FaceDetector {
  readonly id: string;

  private constructor(
    private readonly session: OnnxSession,
    private readonly spec: ScrfdSpec,
    private readonly input: ModelInput,
    private readonly levels: readonly ScrfdLevel[],
  ) {
    this.id = `scrfd:${spec.file}`;
  }

  static async open(
    spec: ScrfdSpec,
    file: string,
    inference?: InferenceOptions,
  ): Promise<ScrfdDetector> {
    const session = await openSession(file, inference);
    const input = describeInput(session);
    checkInputSize(input, spec.inputSize, spec.file);
    return new ScrfdDetector(session, spec, input, scrfdLevels(session.outputNames));
  }

  async detect(image: RgbImage, options?: DetectOptions): Promise<DetectedFace[]> {
    checkImage(image);
    const resolved = resolveDetectOptions(options, this.spec);

    const { inputSize, normalisation, maxScale } = this.spec;
    const [width, height] = canvasSize(image, inputSize, !this.input.fixedSize, maxScale);
    const { data, letterbox } = letterboxInput(image, width, height, normalisation, maxScale);
    const outputs = await this.session.run({
      [this.input.name]: float32Tensor(data, [1, 3, height, width]),
    });

    const candidates = this.levels.flatMap((level) =>
      decodeScrfdLevel(
        {
          stride: level.stride,
          scores: readMatrix(outputs, level.score, 1),
          boxes: readMatrix(outputs, level.bbox, 4),
          kps: readMatrix(outputs, level.kps, 10),
        },
        width,
        height,
        resolved.minScore,
      ),
    );
    const inImage = candidates.map((face) => faceToSource(letterbox, face));
    return finishDetections(inImage, image, resolved);
  }

  /** Sessions are shared through openSession's cache; `closeAllSessions` releases them. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
