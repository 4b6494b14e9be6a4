import * as ort from 'onnxruntime-node';
import { RollcallError } from '@rollcall/errors';
import { DEFAULT_INFERENCE_OPTIONS, type InferenceOptions } from './inference-options';

/**
 * The one adapter around onnxruntime-node. Sessions are expensive to create (graph
 * optimisation, weight packing), so each (file, provider, threads) is created once per
 * process and shared by every detector and recogniser that asks for it.
 */
const sessions = new Map<string, Promise<ort.InferenceSession>>();

export type OnnxSession = ort.InferenceSession;
export type OnnxTensor = ort.Tensor;

export function openSession(
  file: string,
  options: InferenceOptions = DEFAULT_INFERENCE_OPTIONS,
): Promise<ort.InferenceSession> {
  const key = `${file}|${options.provider}|${options.threads}`;
  let session = sessions.get(key);
  if (session === undefined) {
    session = createSession(file, options);
    sessions.set(key, session);

    // A failed load must not stay cached: the next call may follow a fixed install.
    session.catch(() => sessions.delete(key));
  }
  return session;
}

async function createSession(file: string, options: InferenceOptions) {
  try {
    return await ort.InferenceSession.create(file, {
      executionProviders: options.provider === 'cuda' ? ['cuda', 'cpu'] : ['cpu'],
      intraOpNumThreads: options.threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      // Shape warnings from models that declare fixed dims but run dynamic (SCRFD) are noise.
      logSeverityLevel: 3,
    });
  } catch (err) {
    if (options.provider === 'cuda' && /cuda/i.test(String(err))) {
      throw new RollcallError(
        'PROVIDER_UNAVAILABLE',
        'The cuda execution provider is not available: install onnxruntime-node with its CUDA ' +
          'binaries (without ONNXRUNTIME_NODE_INSTALL=skip) or set ROLLCALL_PROVIDER=cpu.',
        { cause: err },
      );
    }
    throw new RollcallError('MODEL_LOAD_FAILED', `Cannot load model ${file}: ${String(err)}`, {
      details: { file },
      cause: err,
    });
  }
}

export function float32Tensor(data: Float32Array, dims: readonly number[]): ort.Tensor {
  return new ort.Tensor('float32', data, dims);
}

/** Releases every cached session (tests and clean shutdown). */
export async function closeAllSessions(): Promise<void> {
  const open = [...sessions.values()];
  sessions.clear();
  const settled = await Promise.allSettled(open);
  await Promise.all(settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.release()] : [])));
}
