import { RollcallError } from '@rollcall/errors';
import { decodeImage, type FaceAnalyzer } from '@rollcall/vision';

import type { VisionAnalysis, VisionClient, VisionFace } from './vision-client';

/**
 * Vision in this process through a `FaceAnalyzer`: for tests and the single-process dev
 * mode. The analyzer is the caller's (load it once); `close` closes it.
 */
export class InProcessVisionClient implements VisionClient {
  readonly kind = 'in-process' as const;

  constructor(private readonly analyzer: FaceAnalyzer) {}

  async detectAndEmbed(image: Uint8Array, maxFaces: number): Promise<VisionAnalysis> {
    const pixels = await decodeImage(image);
    const analysis = await this.analyzer.analyze(pixels, { maxFaces, quality: true });

    const faces = analysis.faces.map((face): VisionFace => {
      const assessment = face.quality?.assessment;
      if (face.embedding === undefined || assessment === undefined) {
        throw new RollcallError('MODEL_OUTPUT_UNEXPECTED', 'The analyzer left a face unembedded.');
      }
      const { eyeDistance, sharpness, yaw, pitch, roll } = assessment;
      return {
        box: face.box,
        landmarks: face.landmarks,
        score: face.score,
        quality: { eyeDistance, sharpness, yaw, pitch, roll },
        embedding: face.embedding,
      };
    });
    return {
      faces,
      width: analysis.width,
      height: analysis.height,
      pack: this.analyzer.pack.manifest.name,
      threshold: this.analyzer.threshold,
    };
  }

  ready(): Promise<{ pack: string }> {
    return Promise.resolve({ pack: this.analyzer.pack.manifest.name });
  }

  close(): Promise<void> {
    return this.analyzer.close();
  }
}
