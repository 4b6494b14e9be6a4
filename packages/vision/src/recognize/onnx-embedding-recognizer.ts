import { RollcallError } from '@rollcall/errors';
import { templateFor, type AlignmentTemplate } from '../align/templates';
import type { Embedding } from '../embedding/embedding';
import { l2Normalise } from '../embedding/l2-normalise';
import { flipHorizontal } from '../image/resize';
import type { RgbImage } from '../image/rgb-image';
import type { RecognizerSpec } from '../packs/manifest';
import { writeChw } from '../runtime/image-tensor';
import type { InferenceOptions } from '../runtime/inference-options';
import { float32Tensor, openSession, type OnnxSession } from '../runtime/onnx-session';
import type { EmbedOptions, FaceRecognizer } from './face-recognizer';
import { batchIsExact } from './batch-exactness';
import { describeBatching, type ModelBatching } from './model-batching';

const exactBatching = new WeakMap<OnnxSession, Promise<boolean>>();

/** Choices beyond the manifest; every field has a default. */
export interface RecognizerTuning {
  /** Most crops in one model run (bounds the input tensor's memory). Default 32. */
  readonly maxBatch?: number;
}

/**
 * An ArcFace-style ONNX recogniser: aligned crop in, one raw vector out, L2-normalised
 * here. Crops are run as one batch where the model's batch dim is symbolic and batching
 * is exact (checked once at open, see batch-exactness.ts); one at a time where the dim is
 * fixed at 1, where batching changes the vectors, and from then on if a batched run fails
 * or returns the wrong number of rows (an export may declare a free input dim but reshape
 * to one row inside; w600k_mbf declares its output [1, 512]).
 */
export class OnnxEmbeddingRecognizer implements FaceRecognizer {
  readonly modelId: string;
  readonly inputSize: { readonly width: number; readonly height: number };
  readonly dimension: number;
  /** The template crops for this model must be warped to, at its input size. */
  readonly template: AlignmentTemplate;
  private batchLimit: number;

  private constructor(
    private readonly session: OnnxSession,
    private readonly spec: RecognizerSpec,
    private readonly batching: ModelBatching,
    maxBatch: number,
  ) {
    const [width, height] = spec.inputSize;
    this.modelId = spec.modelId;
    this.inputSize = { width, height };
    this.dimension = spec.embeddingSize;
    this.template = templateFor(spec.template, width, height);
    this.batchLimit = batching.fixedBatch ?? maxBatch;
  }

  static async open(
    spec: RecognizerSpec,
    file: string,
    inference?: InferenceOptions,
    tuning: RecognizerTuning = {},
  ): Promise<OnnxEmbeddingRecognizer> {
    const session = await openSession(file, inference);
    const batching = describeBatching(session, spec.inputSize, spec.file);
    const recognizer = new OnnxEmbeddingRecognizer(session, spec, batching, tuning.maxBatch ?? 32);

    if (batching.fixedBatch === undefined && !(await recognizer.batchingIsExact())) {
      recognizer.batchLimit = 1;
    }
    return recognizer;
  }

  /** Probed once per session: every recogniser on a shared session reuses the answer. */
  private batchingIsExact(): Promise<boolean> {
    let exact = exactBatching.get(this.session);
    if (exact === undefined) {
      const { width, height } = this.inputSize;
      exact = batchIsExact((crops) => this.run(crops), width, height);
      exactBatching.set(this.session, exact);
    }
    return exact;
  }

  /** Crops per model run: the declared batch, the cap, or 1 where batching is not exact. */
  get batchSize(): number {
    return this.batchLimit;
  }

  async embed(faces: readonly RgbImage[], options: EmbedOptions = {}): Promise<Embedding[]> {
    faces.forEach((face, i) => this.checkCrop(face, i));

    // With flip, the mirrored crops ride in the same batches; their raw vectors are added
    // to the originals' before normalising (InsightFace's flip test-time augmentation).
    const crops = options.flip === true ? [...faces, ...faces.map(flipHorizontal)] : faces;
    const raw = await this.runAll(crops);

    return faces.map((_, i) => {
      const vector = raw[i] as Float32Array;
      if (options.flip === true) addInto(vector, raw[i + faces.length] as Float32Array);
      return { modelId: this.modelId, vector: l2Normalise(vector) };
    });
  }

  close(): Promise<void> {
    // The session is shared through openSession's cache; closeAllSessions releases it.
    return Promise.resolve();
  }

  private async runAll(crops: readonly RgbImage[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let start = 0; start < crops.length; start += this.batchLimit) {
      const chunk = crops.slice(start, start + this.batchLimit);
      out.push(...(await this.runChunk(chunk)));
    }
    return out;
  }

  private async runChunk(chunk: readonly RgbImage[]): Promise<Float32Array[]> {
    if (chunk.length === 1 || this.batching.fixedBatch !== undefined) return this.run(chunk);

    try {
      return await this.run(chunk);
    } catch (err) {
      const code = err instanceof RollcallError ? err.code : undefined;
      if (code !== 'MODEL_RUN_FAILED' && code !== 'MODEL_OUTPUT_UNEXPECTED') throw err;

      // The file claims a free batch dim but cannot run one: go one crop at a time.
      this.batchLimit = 1;
      const out: Float32Array[] = [];
      for (const crop of chunk) out.push(...(await this.run([crop])));
      return out;
    }
  }

  /** One model run; a fixed batch larger than the chunk is padded with zero crops. */
  private async run(chunk: readonly RgbImage[]): Promise<Float32Array[]> {
    const { width, height } = this.inputSize;
    const rows = this.batching.fixedBatch ?? chunk.length;
    const plane = 3 * width * height;
    const input = new Float32Array(rows * plane);
    chunk.forEach((crop, i) => writeChw(crop, this.spec.normalisation, input, i * plane));

    const tensor = float32Tensor(input, [rows, 3, height, width]);
    const outputs = await this.session.run({ [this.batching.inputName]: tensor }).catch((err) => {
      throw new RollcallError(
        'MODEL_RUN_FAILED',
        `${this.spec.file} cannot run on [${rows}, 3, ${height}, ${width}]: ${String(err)}. ` +
          "Check the manifest's recognizer inputSize against the model file.",
        { details: { file: this.spec.file, rows }, cause: err },
      );
    });
    return this.readRows(outputs[this.batching.outputName], rows).slice(0, chunk.length);
  }

  private readRows(tensor: { data: unknown; dims: readonly number[] } | undefined, rows: number) {
    const d = this.dimension;
    const data = tensor?.data;
    if (!(data instanceof Float32Array) || data.length !== rows * d) {
      throw new RollcallError(
        'MODEL_OUTPUT_UNEXPECTED',
        `${this.spec.file} returned [${tensor?.dims.join(', ') ?? 'nothing'}] for ${rows} ` +
          `crops; expected float32 [${rows}, ${d}]: check the manifest's embeddingSize.`,
        { details: { file: this.spec.file, dims: tensor?.dims, rows, embeddingSize: d } },
      );
    }
    if (!data.every(Number.isFinite)) {
      throw new RollcallError(
        'MODEL_OUTPUT_UNEXPECTED',
        `${this.spec.file} returned non-finite values: the model file is damaged; reinstall it.`,
        { details: { file: this.spec.file } },
      );
    }
    return Array.from({ length: rows }, (_, i) => data.slice(i * d, (i + 1) * d));
  }

  private checkCrop(face: RgbImage, index: number): void {
    const { width, height } = this.inputSize;
    if (face.width !== width || face.height !== height) {
      throw new RollcallError(
        'INVALID_ARGUMENT',
        `Crop ${index} is ${face.width}x${face.height}; ${this.modelId} takes aligned ` +
          `${width}x${height} crops: warp it with alignFace to the recogniser's template.`,
      );
    }
  }
}

function addInto(target: Float32Array, source: Float32Array): void {
  for (let k = 0; k < target.length; k++) target[k] = (target[k] as number) + (source[k] as number);
}
