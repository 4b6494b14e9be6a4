import { readFile } from 'node:fs/promises';
import type {
  DetectedFace,
  FaceDetector,
  FivePoints,
  RgbImage,
  OnnxEmbeddingRecognizer,
} from '@rollcall/vision';
import { alignFace, templateKey, decodeImage } from '@rollcall/vision';
import { DiskCache, sha256Hex } from '../cache/disk-cache';
import { fallbackLandmarks } from './fallback-face';
import { pickCentreFace } from './pick-face';
import type { StageTimes } from './stage-times';

/** One recogniser as the harness runs it, with the cache its embeddings go to. */
export interface RecognizerRun {
  /** Names the variant in reports and cache: model id, template, flip. */
  readonly key: string;
  readonly recognizer: OnnxEmbeddingRecognizer;
  readonly flip: boolean;
  readonly cache: DiskCache;
}

export interface FrontEndOptions {
  readonly detector: FaceDetector;
  /** Names the detector (pack + detector id) in the detection cache. */
  readonly detectorKey: string;
  readonly recognizers: readonly RecognizerRun[];
  readonly cacheDir: string | undefined;
  readonly times: StageTimes;
}

export interface ImageEmbeddings {
  /** One L2-normalised vector per recogniser, in `recognizers` order. */
  readonly vectors: readonly Float32Array[];
  /** True when no face covered the centre and the fixed deep-funneled points were used. */
  readonly missed: boolean;
}

interface DetectionEntry {
  readonly width: number;
  readonly height: number;
  readonly faces: DetectedFace[];
}

/**
 * Decode, detect, pick the centre face, align and embed one LFW image, reading each stage
 * from the cache where it was computed before (keyed by the file's sha256).
 */
export class LfwFrontEnd {
  private readonly detections: DiskCache;

  constructor(private readonly options: FrontEndOptions) {
    this.detections = new DiskCache(options.cacheDir, `detect/${options.detectorKey}`);
  }

  async process(file: string, relPath: string): Promise<ImageEmbeddings> {
    const bytes = await readFile(file);
    const key = `${relPath}|${sha256Hex(bytes)}`;
    const { times, recognizers } = this.options;

    let image: RgbImage | undefined;
    const pixels = async () => (image ??= await times.time('decode', () => decodeImage(bytes)));

    let detection = this.detections.get<DetectionEntry>(key);
    if (detection === undefined) {
      const decoded = await pixels();
      const faces = await times.time('detect', () => this.options.detector.detect(decoded));
      detection = { width: decoded.width, height: decoded.height, faces };
      this.detections.set(key, detection);
    }
    const face = pickCentreFace(detection.faces, detection.width, detection.height);
    const landmarks = face?.landmarks ?? fallbackLandmarks(detection.width, detection.height);

    const vectors: Float32Array[] = [];
    for (const run of recognizers) {
      const cached = run.cache.get<string>(key);
      if (cached !== undefined) {
        vectors.push(fromBase64(cached));
        continue;
      }
      const vector = await this.embed(run, await pixels(), landmarks);
      // Fallback crops are few and depend on the fixed points, which may be retuned.
      if (face !== undefined) run.cache.set(key, toBase64(vector));
      vectors.push(vector);
    }
    return { vectors, missed: face === undefined };
  }

  private async embed(run: RecognizerRun, image: RgbImage, landmarks: FivePoints) {
    const { times } = this.options;
    const template = run.recognizer.template;
    const aligned = await times.time('align', () => alignFace(image, landmarks, template));
    const [embedding] = await times.time('embed', () =>
      run.recognizer.embed([aligned.crop], { flip: run.flip }),
    );
    if (embedding === undefined) throw new Error(`${run.key} returned no embedding`);
    return embedding.vector;
  }
}

/** The cache namespace of a recogniser variant; any change to what it computes changes it. */
export function recognizerKey(
  recognizer: OnnxEmbeddingRecognizer,
  detectorKey: string,
  flip: boolean,
): string {
  const template = templateKey(recognizer.template);
  return `${recognizer.modelId}/${template}/${flip ? 'flip' : 'plain'}/${detectorKey}`;
}

function toBase64(v: Float32Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
}

function fromBase64(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  const copy = new Uint8Array(bytes); // aligned copy for the Float32Array view
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}
