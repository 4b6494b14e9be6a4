import type { RgbImage } from '../image/rgb-image';
import type { Embedding } from '../embedding/embedding';

export interface EmbedOptions {
  /** Also embed the mirrored face and average the two (test-time augmentation). */
  readonly flip?: boolean;
}

/**
 * Turns aligned face crops (the size given by `inputSize`, already warped to the model's
 * template) into L2-normalised embeddings, one per crop, in order. Crops are batched.
 */
export interface FaceRecognizer {
  readonly modelId: string;
  readonly inputSize: { readonly width: number; readonly height: number };
  readonly dimension: number;
  embed(faces: readonly RgbImage[], options?: EmbedOptions): Promise<Embedding[]>;
  close(): Promise<void>;
}
