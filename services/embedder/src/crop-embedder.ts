import type { FaceFound } from '@rollcall/contracts';
import { cropTemplateKey, fromRawImage, packTemplates } from '@rollcall/detector';
import { RollcallError } from '@rollcall/errors';
import { templateKey, type Embedding, type FaceAnalyzer, type RgbImage } from '@rollcall/vision';

/**
 * Embeds the crops the detector made, many faces per model run. Each face must carry one
 * crop per template of the pack (the detector and the embedder run the same pack).
 */
export class CropEmbedder {
  /** The `templateKey`s every face needs a crop for. */
  readonly templateKeys: readonly string[];

  constructor(private readonly analyzer: FaceAnalyzer) {
    this.templateKeys = packTemplates(analyzer.pack).map(templateKey);
  }

  get modelId(): string {
    return this.analyzer.modelId;
  }

  /**
   * The crops of one face by `templateKey`; `INVALID_ARGUMENT` naming what is missing when a
   * template the pack needs has no crop, or a crop's bytes do not match its size.
   */
  cropsOf(found: FaceFound): Map<string, RgbImage> {
    const crops = new Map<string, RgbImage>();
    for (const crop of found.crops) {
      const { width = 0, height = 0 } = crop.image ?? {};
      const key = cropTemplateKey(crop.template, width, height);
      if (key !== undefined && crop.image !== undefined) crops.set(key, fromRawImage(crop.image));
    }

    const missing = this.templateKeys.filter((key) => !crops.has(key));
    if (missing.length > 0) {
      const has = found.crops.map((c) => `${c.template}@${c.image?.width}x${c.image?.height}`);
      throw new RollcallError(
        'INVALID_ARGUMENT',
        `Face ${found.face?.faceId ?? '(no id)'} has crops [${has.join(', ')}] but pack ` +
          `${this.analyzer.pack.manifest.name} needs [${this.templateKeys.join(', ')}]: run ` +
          'the detector with the same ROLLCALL_PACK as the embedder.',
        { details: { missing } },
      );
    }
    return crops;
  }

  /** One embedding per face, in order, from crops checked by `cropsOf`. */
  async embed(faces: readonly ReadonlyMap<string, RgbImage>[]): Promise<Embedding[]> {
    const byTemplate = new Map(
      this.templateKeys.map((key) => [key, faces.map((crops) => crops.get(key) as RgbImage)]),
    );
    return this.analyzer.embedAligned(byTemplate);
  }
}
