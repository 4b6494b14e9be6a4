/** How models are run. Read once from settings and passed to every session. */
export interface InferenceOptions {
  /** `cpu` (default) or `cuda` where onnxruntime-node's CUDA binaries are installed. */
  readonly provider: 'cpu' | 'cuda';
  /** Threads inside one operator (onnxruntime intra-op). Default 1: workers scale by count. */
  readonly threads: number;
}

export const DEFAULT_INFERENCE_OPTIONS: InferenceOptions = Object.freeze({
  provider: 'cpu',
  threads: 1,
});
