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
import { readMatrix, unexpected } from '../output-matrix';
import { decodeYunetLevel } from './yunet-decode';

type YunetSpec = Extract<DetectorSpec, { kind: 'yunet' }>;

/** YuNet's heads, fine to coarse; every export seen names them `cls_8` ... `kps_32`. */
const STRIDES = [8, 16, 32] as const;

/**
 * YuNet (OpenCV Zoo 2023mar, libfacedetection.train n/s at 320, 640 or dynamic input).
 * The image is letterboxed top-left like SCRFD; raw 0..255 BGR per the manifest.
 */
export class YunetDetector implements FaceDetector {
  readonly id: string;

  private constructor(
    private readonly session: OnnxSession,
    private readonly spec: YunetSpec,
    private readonly input: ModelInput,
  ) {
    this.id = `yunet:${spec.file}`;
  }

  static async open(
    spec: YunetSpec,
    file: string,
    inference?: InferenceOptions,
  ): Promise<YunetDetector> {
    const session = await openSession(file, inference);
    const input = describeInput(session);
    checkInputSize(input, spec.inputSize, spec.file);
    for (const stride of STRIDES) {
      for (const head of ['cls', 'obj', 'bbox', 'kps']) {
        const name = `${head}_${stride}`;
        if (!session.outputNames.includes(name))
          throw unexpected(`YuNet output "${name}" is missing`);
      }
    }
    return new YunetDetector(session, spec, input);
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

    const candidates = STRIDES.flatMap((stride) =>
      decodeYunetLevel(
        {
          stride,
          cls: readMatrix(outputs, `cls_${stride}`, 1),
          obj: readMatrix(outputs, `obj_${stride}`, 1),
          bbox: readMatrix(outputs, `bbox_${stride}`, 4),
          kps: readMatrix(outputs, `kps_${stride}`, 10),
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
