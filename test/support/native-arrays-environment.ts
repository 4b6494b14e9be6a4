/**
 * jest's node environment with the host's typed-array constructors. Each test file runs in
 * its own realm, so a Float32Array that onnxruntime-node's native code returns is not an
 * `instanceof Float32Array` there, and onnxruntime-common refuses to wrap it ("A float32
 * tensor's data must be type of function Float32Array()"). Sharing the constructors makes
 * the check pass. The root jest config makes this every test file's environment.
 */
import { createRequire } from 'node:module';

// jest-environment-node is jest's own dependency, not ours: resolve it from jest.
const fromJest = createRequire(require.resolve('jest'));

interface EnvironmentClass {
  new (config: unknown, context: unknown): { global: Record<string, unknown> };
}
const { TestEnvironment } = fromJest('jest-environment-node') as {
  TestEnvironment: EnvironmentClass;
};

const SHARED = [
  'ArrayBuffer',
  'Float32Array',
  'Float64Array',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'BigInt64Array',
  'Uint8Array',
  'Uint16Array',
  'Uint32Array',
  'BigUint64Array',
] as const;

export default class NativeArraysEnvironment extends TestEnvironment {
  constructor(config: unknown, context: unknown) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}
