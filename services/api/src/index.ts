// Public surface of @rollcall/api: the app (for tests and embedding), the vision clients,
// and the API key functions (from @rollcall/api-keys).
export { buildApp, DEFAULT_LIMITS, type ApiLimits, type AppDependencies } from './app';
export type { VisionAnalysis, VisionClient, VisionFace } from './vision/vision-client';
export { InProcessVisionClient } from './vision/in-process-vision';
export { GrpcVisionClient, type GrpcVisionOptions } from './vision/grpc-vision';
export {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  verifyApiKey,
  withApiKeyStore,
  type ApiKeyRecord,
  type ApiKeyStore,
  type CreatedApiKey,
} from '@rollcall/api-keys';
export { createApiMetrics, type ApiMetrics } from './metrics/api-metrics';
export type {
  AttendanceReader,
  AttendanceRow,
  AttendanceQuery,
} from './attendance/attendance-reader';
export { loadApiSettings, type ApiSettings } from './config/api-settings';
