import { RollcallError } from '@rollcall/errors';
import { fusedModelId, type PackManifest } from '@rollcall/vision';

/** What the matcher takes from a model pack. */
export interface PackModel {
  /** The id stored with every embedding the pack makes (fused id for several models). */
  readonly modelId: string;
  readonly dimension: number;
  /** The pack's open-set threshold on cosine similarity. */
  readonly threshold: number;
}

/** The model id, dimension and threshold of a pack, as its recognisers make embeddings. */
export function packModel(manifest: PackManifest): PackModel {
  const parts = manifest.recognizers;
  if (parts.length === 0 || manifest.threshold === undefined) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      `Pack ${manifest.name} has no recogniser, so the matcher has nothing to match: set ` +
        'ROLLCALL_PACK to a pack with one (rollcall models list).',
    );
  }

  const only = parts.length === 1 ? parts[0] : undefined;
  return {
    modelId:
      only?.modelId ?? fusedModelId(parts.map((p) => ({ modelId: p.modelId, weight: p.weight }))),
    dimension: parts.reduce((n, p) => n + p.embeddingSize, 0),
    threshold: manifest.threshold,
  };
}
