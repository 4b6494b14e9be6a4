import { RollcallError } from '@rollcall/errors';
import type { AlignmentTemplate } from '../align/templates';
import { createDetector } from '../detect/create-detector';
import type { DetectOptions, DetectedFace, FaceDetector } from '../detect/face-detector';
import { cosineSimilarity } from '../embedding/cosine-similarity';
import type { Embedding } from '../embedding/embedding';
import { decodeImage } from '../image/decode-image';
import type { RgbImage } from '../image/rgb-image';
import type { LoadedPack } from '../packs/loaded-pack';
import {
  templateKey,
  type CropsByTemplate,
  type FusedRecognizer,
} from '../recognize/fused-recognizer';
import { openPackRecognizer } from '../recognize/open-pack-recognizer';
import { alignFaces, cropsOfFace } from './align-faces';
import type {
  AnalyzeOptions,
  AnalyzedFace,
  Comparison,
  FaceAnalysis,
  FaceAnalyzerOptions,
} from './analysis';
import { judgeFaces } from './judge-faces';
import { requireFaces } from './require-faces';
import { StageClock } from './stage-clock';

type Stage = 'decode' | 'detect' | 'align' | 'embed' | 'quality';

/** An image as the analyzer takes it: encoded bytes (JPEG, PNG, ...) or decoded pixels. */
export type ImageInput = Uint8Array | RgbImage;

/**
 * Image in, faces out, in one call: decode, detect, align (once per distinct template of
 * the pack's recognisers), embed, and compare under the pack's open-set threshold.
 */
export class FaceAnalyzer {
  readonly modelId: string;
  readonly threshold: number;

  private constructor(
    readonly pack: LoadedPack,
    private readonly detector: FaceDetector,
    private readonly recognizer: FusedRecognizer,
    private readonly flip: boolean,
  ) {
    this.modelId = recognizer.modelId;
    this.threshold = pack.manifest.threshold as number;
  }

  static async create(pack: LoadedPack, options: FaceAnalyzerOptions = {}): Promise<FaceAnalyzer> {
    const detectorPack = options.detectorPack ?? pack;
    const recognizer = await openPackRecognizer(pack, options.inference);
    const detector = await createDetector(
      detectorPack.manifest.detector,
      detectorPack.files,
      options.inference,
    );
    return new FaceAnalyzer(pack, detector, recognizer, options.flip ?? pack.manifest.flip);
  }

  async detect(input: ImageInput, options?: DetectOptions): Promise<DetectedFace[]> {
    return this.detector.detect(await toPixels(input), options);
  }

  async analyze(input: ImageInput, options: AnalyzeOptions = {}): Promise<FaceAnalysis> {
    const clock = new StageClock<Stage>();
    const expect = options.expect ?? 'any';
    const image = await clock.time('decode', () => toPixels(input));

    // With expect 'one', a second face must still be seen to be refused.
    const maxFaces = expect === 'one' ? Math.max(2, options.maxFaces ?? 2) : options.maxFaces;
    const { minScore, nmsIou } = options;
    const found = await clock.time('detect', () =>
      this.detector.detect(image, { minScore, nmsIou, maxFaces }),
    );
    requireFaces(found, expect);

    const wantCrops = options.crops === true;
    const wantEmbeddings = options.embed !== false;
    let crops: CropsByTemplate = new Map();
    if ((wantCrops || wantEmbeddings) && found.length > 0) {
      const landmarks = found.map((f) => f.landmarks);
      crops = await clock.time('align', () =>
        alignFaces(image, landmarks, this.recognizer.templates),
      );
    }

    const embeddings =
      wantEmbeddings && found.length > 0
        ? await clock.time('embed', () => this.recognizer.embedAligned(crops, { flip: this.flip }))
        : [];

    const asked = options.quality ?? false;
    const quality =
      asked === false ? [] : await clock.time('quality', () => judgeFaces(image, found, asked));

    const faces: AnalyzedFace[] = found.map((face, i) => ({
      ...face,
      ...(wantEmbeddings ? { embedding: embeddings[i] as Embedding } : {}),
      ...(wantCrops ? { crops: cropsOfFace(crops, i) } : {}),
      ...(quality[i] === undefined ? {} : { quality: quality[i] }),
    }));
    const timings = {
      decode: clock.ms('decode'),
      detect: clock.ms('detect'),
      align: clock.ms('align'),
      embed: clock.ms('embed'),
      quality: clock.ms('quality'),
    };
    return { width: image.width, height: image.height, faces, timings };
  }

  /**
   * Embeds crops already aligned to the pack's templates: by `templateKey`, or a plain
   * list where the pack's recognisers share one template.
   */
  async embedAligned(crops: CropsByTemplate | readonly RgbImage[]): Promise<Embedding[]> {
    return this.recognizer.embedAligned(this.keyed(crops), { flip: this.flip });
  }

  compare(a: Embedding, b: Embedding): Comparison {
    const similarity = cosineSimilarity(a, b);
    return { similarity, same: similarity >= this.threshold, threshold: this.threshold };
  }

  async close(): Promise<void> {
    await Promise.all([this.detector.close(), this.recognizer.close()]);
  }

  private keyed(crops: CropsByTemplate | readonly RgbImage[]): CropsByTemplate {
    if (!Array.isArray(crops)) return crops as CropsByTemplate;

    const templates = this.recognizer.templates;
    if (templates.length !== 1) {
      throw new RollcallError(
        'INVALID_ARGUMENT',
        `Pack ${this.pack.manifest.name} aligns to ${templates.length} templates: pass the ` +
          'crops as a map from templateKey to crops, one entry per template.',
      );
    }
    return new Map([
      [templateKey(templates[0] as AlignmentTemplate), crops as readonly RgbImage[]],
    ]);
  }
}

async function toPixels(input: ImageInput): Promise<RgbImage> {
  return input instanceof Uint8Array ? decodeImage(input) : input;
}
