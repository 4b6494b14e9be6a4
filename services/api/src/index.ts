// Public surface of @rollcall/api: the app (for tests and embedding), the vision clients,
// and the API key functions the CLI calls.
export { buildApp, DEFAULT_LIMITS, type ApiLimits, type AppDependencies } from './app';
export type { VisionAnalysis, VisionClient, VisionFace } from './vision/vision-client';
export { InProcessVisionClient } from './vision/in-process-vision';
export { GrpcVisionClient, type GrpcVisionOptions } from './vision/grpc-vision';
export {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  verifyApiKey,
  type ApiKeyRecord,
  type CreatedApiKey,
} from './auth/api-keys';
export { createApiMetrics, type ApiMetrics } from './metrics/api-metrics';
export type {
  AttendanceReader,
  AttendanceRow,
  AttendanceQuery,
} from './attendance/attendance-reader';
export { withApiKeyStore, type ApiKeyStore } from './auth/key-store';
export { loadApiSettings, type ApiSettings } from './config/api-settings';
