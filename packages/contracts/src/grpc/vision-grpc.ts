import { Server, ServerCredentials, credentials, type ChannelOptions } from '@grpc/grpc-js';

import {
  VisionClient,
  VisionService,
  type DetectAndEmbedReply,
  type IdentifyReply,
  type ImageRequest,
  type VisionServer,
} from '../generated/rollcall/v1/vision';

// Photos from phones run to 10-15 MB; gRPC's 4 MiB default would refuse them.
const DEFAULT_MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

/** How the Vision server listens. */
export interface VisionServerOptions {
  /** `host:port` to bind; port 0 picks a free one. Default `127.0.0.1:0`. */
  readonly address?: string;
  /** Largest request accepted, in bytes. Default 32 MiB. */
  readonly maxMessageBytes?: number;
}

/** A listening Vision server. */
export interface RunningVisionServer {
  readonly server: Server;
  /** The bound port (the chosen one when 0 was asked for). */
  readonly port: number;
  /** Stops accepting calls, lets calls in flight finish, then closes. */
  close(): Promise<void>;
}

/** Binds a gRPC server hosting `implementation` of the `Vision` service (plaintext). */
export async function startVisionServer(
  implementation: VisionServer,
  options: VisionServerOptions = {},
): Promise<RunningVisionServer> {
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const server = new Server({
    'grpc.max_receive_message_length': maxBytes,
    'grpc.max_send_message_length': maxBytes,
  });
  server.addService(VisionService, implementation);

  const address = options.address ?? '127.0.0.1:0';
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(address, ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  const close = () => new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  return { server, port, close };
}

/** The Vision calls as promises. */
export interface VisionCalls {
  readonly client: VisionClient;
  detectAndEmbed(request: ImageRequest): Promise<DetectAndEmbedReply>;
  identify(request: ImageRequest): Promise<IdentifyReply>;
  close(): void;
}

/** A plaintext client for the Vision server at `address` (`host:port`). */
export function createVisionClient(
  address: string,
  options: { readonly maxMessageBytes?: number } = {},
): VisionCalls {
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const channel: ChannelOptions = {
    'grpc.max_receive_message_length': maxBytes,
    'grpc.max_send_message_length': maxBytes,
  };
  const client = new VisionClient(address, credentials.createInsecure(), channel);
  return {
    client,
    detectAndEmbed: (request) =>
      new Promise((resolve, reject) =>
        client.detectAndEmbed(request, (error, reply) => (error ? reject(error) : resolve(reply))),
      ),
    identify: (request) =>
      new Promise((resolve, reject) =>
        client.identify(request, (error, reply) => (error ? reject(error) : resolve(reply))),
      ),
    close: () => client.close(),
  };
}
