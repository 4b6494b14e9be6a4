/* global module */
/**
 * One jest run covers every workspace package. TypeScript is transformed by swc (type
 * checking is `pnpm typecheck`, run before the tests), so the suite starts fast on 2 cores.
 */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }];

module.exports = {
  // jest's node environment sharing the host's typed-array constructors, so arrays that
  // onnxruntime-node's native code returns pass its instanceof checks (see the file).
  testEnvironment: '<rootDir>/test/support/native-arrays-environment.ts',
  roots: ['<rootDir>/packages', '<rootDir>/services', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // cookie 2 (under fastify's inject, light-my-request) ships ESM only; swc turns it into
  // CommonJS, as jest's require cannot load ESM.
  transform: { '^.+\\.ts$': swc, '/cookie/dist/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/cookie@|cookie/)'],
  testTimeout: 60_000,
  maxWorkers: 2,
};
