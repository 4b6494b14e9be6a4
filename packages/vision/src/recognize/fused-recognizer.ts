import type { AlignmentTemplate } from '../align/templates';
import type { Embedding } from '../embedding/embedding';
import type { RgbImage } from '../image/rgb-image';
import type { EmbedOptions } from './face-recognizer';
import { checkFusionWeights, fuseEmbeddings, fusedModelId } from './fuse-embeddings';
import type { OnnxEmbeddingRecognizer } from './onnx-embedding-recognizer';

/** Identifies a template at a crop size: recognisers that share one share their crops. */
export function templateKey(template: AlignmentTemplate): string {
  return `${template.name}@${template.width}x${template.height}`;
}

/** Aligned crops of the same faces, one list per distinct template (by `templateKey`). */
export type CropsByTemplate = ReadonlyMap<string, readonly RgbImage[]>;

/**
 * A pack's recognisers as one: each face gets one embedding. With one recogniser that is
 * the model's own embedding (its own model id, so stored embeddings do not change when a
 * pack's code changes); with several it is their weighted fusion (see fuseEmbeddings).
 */
export class FusedRecognizer {
  readonly modelId: string;
  readonly dimension: number;
  /** Distinct templates the parts need: align each face once per entry. */
  readonly templates: readonly AlignmentTemplate[];

  constructor(
    readonly parts: readonly OnnxEmbeddingRecognizer[],
    private readonly weights: readonly number[],
  ) {
    const fusion = parts.map((p, i) => ({ modelId: p.modelId, weight: weights[i] ?? 0 }));
    if (parts.length > 1) checkFusionWeights(fusion);

    this.modelId =
      parts.length === 1 ? (parts[0] as OnnxEmbeddingRecognizer).modelId : fusedModelId(fusion);
    this.dimension = parts.reduce((n, p) => n + p.dimension, 0);
    const byKey = new Map(parts.map((p) => [templateKey(p.template), p.template]));
    this.templates = [...byKey.values()];
  }

  async embedAligned(crops: CropsByTemplate, options?: EmbedOptions): Promise<Embedding[]> {
    const perPart: Embedding[][] = [];
    for (const part of this.parts) {
      perPart.push(await part.embed(crops.get(templateKey(part.template)) ?? [], options));
    }
    if (this.parts.length === 1) return perPart[0] as Embedding[];

    const fusion = this.parts.map((p, i) => ({ modelId: p.modelId, weight: this.weights[i] ?? 0 }));
    const faces = (perPart[0] as Embedding[]).length;
    return Array.from({ length: faces }, (_, f) =>
      fuseEmbeddings(
        perPart.map((embeddings) => embeddings[f] as Embedding),
        fusion,
        this.modelId,
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.parts.map((p) => p.close()));
  }
}
