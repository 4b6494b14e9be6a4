import type { AnalyzedFace, ImageRequest } from '@rollcall/contracts';
import { vectorToBytes } from '@rollcall/contracts';
import { packTemplates, toProtoPoints, toProtoQuality } from '@rollcall/detector';
import type {
  AlignmentTemplate,
  DetectedFace,
  Embedding,
  FaceAnalyzerOptions,
  RgbImage,
  QualityThresholds,
} from '@rollcall/vision';
import {
  FaceAnalyzer,
  alignFace,
  decodeImage,
  templateKey,
  assessFace,
  checkQuality,
  countComparableFaces,
  resolveQualityThresholds,
} from '@rollcall/vision';

/** One image's faces, each with quality, issues and embedding (largest face first). */
export interface ImageAnalysis {
  readonly width: number;
  readonly height: number;
  readonly faces: AnalyzedFace[];
  /** The same faces' embeddings, for matching without decoding the bytes again. */
  readonly embeddings: Embedding[];
}

/**
 * Detect, judge and embed every face of an uploaded image, for the Vision service. Quality
 * is judged per face as `checkPhoto` judges a photo: faces much smaller than the one judged
 * do not count as a second person.
 */
export class ImageAnalyst {
  private readonly templates: readonly AlignmentTemplate[];
  private readonly limits;
  private readonly flip: boolean;
  private mirrored: Promise<FaceAnalyzer> | undefined;

  constructor(
    readonly analyzer: FaceAnalyzer,
    private readonly options: FaceAnalyzerOptions = {},
    thresholds?: QualityThresholds,
  ) {
    this.templates = packTemplates(analyzer.pack);
    this.limits = resolveQualityThresholds(thresholds);
    this.flip = options.flip ?? analyzer.pack.manifest.flip;
  }

  async analyze(request: ImageRequest): Promise<ImageAnalysis> {
    const image = await decodeImage(request.image);
    const faces = largestFirst(await this.analyzer.detect(image), request.maxFaces);
    if (faces.length === 0)
      return { width: image.width, height: image.height, faces: [], embeddings: [] };

    const crops = new Map(
      this.templates.map((t) => [
        templateKey(t),
        faces.map((f) => alignFace(image, f.landmarks, t).crop),
      ]),
    );
    const embedder = await this.embedderFor(request.flip);
    const embeddings = await embedder.embedAligned(crops);
    const analyzed = faces.map((face, i) =>
      this.describe(image, faces, face, embeddings[i] as Embedding),
    );
    return { width: image.width, height: image.height, faces: analyzed, embeddings };
  }

  private describe(
    image: RgbImage,
    all: readonly DetectedFace[],
    face: DetectedFace,
    embedding: Embedding,
  ): AnalyzedFace {
    const count = countComparableFaces(all, face, this.limits.otherFaceRatio);
    const assessment = assessFace(image, face, count);
    return {
      box: { ...face.box },
      landmarks: toProtoPoints(face.landmarks),
      detectionScore: face.score,
      quality: toProtoQuality(assessment),
      issues: checkQuality(assessment, this.limits).map((i) => ({
        code: i.code,
        message: i.message,
      })),
      modelId: embedding.modelId,
      vectorF32: vectorToBytes(embedding.vector),
    };
  }

  /** The analyzer embedding with the flip asked for (the pack's setting when unset). */
  private embedderFor(flip: boolean | undefined): Promise<FaceAnalyzer> {
    if (flip === undefined || flip === this.flip) {
      return Promise.resolve(this.analyzer);
    }
    // Model sessions are shared per file, so the mirrored twin costs no second load.
    this.mirrored ??= FaceAnalyzer.create(this.analyzer.pack, { ...this.options, flip });
    return this.mirrored;
  }
}

/** At most `max` faces (0: all), largest box first, as `ImageRequest.max_faces` says. */
function largestFirst(faces: readonly DetectedFace[], max: number): DetectedFace[] {
  const sorted = [...faces].sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
  return max > 0 ? sorted.slice(0, max) : sorted;
}
