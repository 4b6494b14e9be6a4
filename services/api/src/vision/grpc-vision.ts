import type { ServiceError } from '@grpc/grpc-js';
import {
  bytesToVector,
  createVisionClient,
  errorCodeOf,
  type AnalyzedFace,
  type VisionCalls,
} from '@rollcall/contracts';
import { RollcallError } from '@rollcall/errors';
import type { FivePoints } from '@rollcall/vision';
import sharp from 'sharp';

import type { VisionAnalysis, VisionClient, VisionFace } from './vision-client';

/** How the gRPC vision client connects. */
export interface GrpcVisionOptions {
  /** Longest wait for one DetectAndEmbed call, in ms. Default 30000. */
  readonly timeoutMs?: number;
  /** Longest wait for the channel in `ready()`, in ms. Default 2000. */
  readonly readyTimeoutMs?: number;
}

/**
 * Enrollment through the vision workers' `Vision.DetectAndEmbed` (the default: the API
 * process loads no models). Registry codes travel in the call's metadata and come back as
 * the same `RollcallError`; a worker that does not answer is `VISION_UNAVAILABLE`.
 */
export class GrpcVisionClient implements VisionClient {
  readonly kind = 'grpc' as const;
  private readonly calls: VisionCalls;
  private lastPack: string | undefined;

  constructor(
    readonly address: string,
    private readonly options: GrpcVisionOptions = {},
  ) {
    this.calls = createVisionClient(address);
  }

  async detectAndEmbed(image: Uint8Array, maxFaces: number): Promise<VisionAnalysis> {
    let reply;
    try {
      const bytes = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
      reply = await this.calls.detectAndEmbed({ image: bytes, maxFaces });
    } catch (error) {
      throw this.translate(error);
    }

    this.lastPack = reply.pack;
    return {
      faces: reply.faces.map(toVisionFace),
      width: reply.imageWidth,
      height: reply.imageHeight,
      pack: reply.pack,
      threshold: reply.threshold,
    };
  }

  /**
   * Ready when the channel connects and the workers name their pack. Until an enrollment
   * has named it, a blank 64 x 64 image asks for it (no face: only the detector runs).
   */
  async ready(): Promise<{ pack: string }> {
    const deadline = Date.now() + (this.options.readyTimeoutMs ?? 2_000);
    await new Promise<void>((resolve, reject) =>
      this.calls.client.waitForReady(deadline, (error) =>
        error ? reject(this.unavailable(error)) : resolve(),
      ),
    );
    if (this.lastPack === undefined) await this.detectAndEmbed(await blankImage(), 1);
    return { pack: this.lastPack ?? '' };
  }

  close(): Promise<void> {
    this.calls.close();
    return Promise.resolve();
  }

  private translate(error: unknown): RollcallError {
    const serviceError = error as ServiceError;
    const code = errorCodeOf(serviceError);
    if (code === undefined) return this.unavailable(error);
    const message = serviceError.details?.replace(/^[A-Z_]+: /, '') ?? serviceError.message;
    return new RollcallError(code, message);
  }

  private unavailable(error: unknown): RollcallError {
    return new RollcallError(
      'VISION_UNAVAILABLE',
      `The vision workers at ${this.address} did not answer; start them or set ` +
        'ROLLCALL_VISION_ADDRESS (or ROLLCALL_API_VISION=in-process for a single process).',
      { cause: error },
    );
  }
}

let blank: Promise<Buffer> | undefined;

function blankImage(): Promise<Buffer> {
  blank ??= sharp({
    create: { width: 64, height: 64, channels: 3, background: { r: 128, g: 128, b: 128 } },
  })
    .png()
    .toBuffer();
  return blank;
}

function toVisionFace(face: AnalyzedFace): VisionFace {
  const box = face.box ?? { x: 0, y: 0, width: 0, height: 0 };
  const quality = face.quality;
  if (face.landmarks.length !== 5 || quality === undefined) {
    throw new RollcallError(
      'MODEL_OUTPUT_UNEXPECTED',
      'The vision workers sent a face without five landmarks or quality; run one release.',
    );
  }
  return {
    box,
    // Five points, checked above.
    landmarks: face.landmarks.map(({ x, y }) => ({ x, y })) as unknown as FivePoints,
    score: face.detectionScore,
    quality: {
      eyeDistance: quality.interEyePx,
      sharpness: quality.sharpness,
      yaw: quality.yawDeg,
      pitch: quality.pitchDeg,
      roll: quality.rollDeg,
    },
    embedding: { modelId: face.modelId, vector: bytesToVector(face.vectorF32) },
  };
}
