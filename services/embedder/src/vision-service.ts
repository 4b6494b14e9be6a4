import { randomUUID } from 'node:crypto';

import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import {
  toServiceError,
  type DetectAndEmbedReply,
  type IdentifyReply,
  type ImageRequest,
  type VisionServer,
} from '@rollcall/contracts';
import type { Logger } from '@rollcall/log';
import type { RegistryContext } from '@rollcall/registry';

import type { ImageAnalyst } from './image-analyst';
import { matchAgainstRegistry } from './registry-match';

/** What the Vision service works with. */
export interface VisionServiceOptions {
  readonly analyst: ImageAnalyst;
  /** The registry `Identify` matches against. */
  readonly registry: RegistryContext;
  readonly logger: Logger;
}

/**
 * The `Vision` gRPC service: `DetectAndEmbed` analyses an uploaded image; `Identify` does
 * the same and matches each face against the registry. A refused image answers with the
 * status its registry code maps to and the code in the `rollcall-code` metadata.
 */
export function createVisionService(options: VisionServiceOptions): VisionServer {
  const { analyst, registry } = options;
  const pack = analyst.analyzer.pack.manifest.name;
  const threshold = analyst.analyzer.threshold;

  const detectAndEmbed = async (request: ImageRequest): Promise<DetectAndEmbedReply> => {
    const analysis = await analyst.analyze(request);
    return {
      faces: analysis.faces,
      imageWidth: analysis.width,
      imageHeight: analysis.height,
      pack,
      threshold,
    };
  };

  const identify = async (request: ImageRequest): Promise<IdentifyReply> => {
    const analysis = await analyst.analyze(request);
    const matches = await matchAgainstRegistry(registry, analysis.embeddings, threshold);
    const faces = analysis.faces.map((face, i) => {
      const match = matches[i];
      return {
        face,
        personId: match?.personId ?? '',
        score: match?.score ?? 0,
        candidates: match?.candidates ?? [],
      };
    });
    return { faces, threshold };
  };

  return {
    detectAndEmbed: unary('DetectAndEmbed', detectAndEmbed, options.logger),
    identify: unary('Identify', identify, options.logger),
  };
}

/** A promise-returning call as a grpc-js unary handler, logged with a per-call logger. */
function unary<Req extends ImageRequest, Res>(
  method: string,
  work: (request: Req) => Promise<Res>,
  logger: Logger,
): (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => void {
  return (call, callback) => {
    const log = logger.child({ method, callId: randomUUID() });
    const started = process.hrtime.bigint();
    work(call.request).then(
      (reply) => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        log.debug({ ms, imageBytes: call.request.image.length }, 'call answered');
        callback(null, reply);
      },
      (error: unknown) => {
        log.warn({ err: error, imageBytes: call.request.image.length }, 'call refused');
        callback(toServiceError(error));
      },
    );
  };
}
