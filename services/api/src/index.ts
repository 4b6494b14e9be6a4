// Public surface of @rollcall/api: the app (for tests and embedding), the vision clients,
// and the API key and user account functions (from @rollcall/api-keys).
export { buildApp, DEFAULT_LIMITS, type ApiLimits, type AppDependencies } from './app';
export type { VisionAnalysis, VisionClient, VisionFace } from './vision/vision-client';
export { InProcessVisionClient } from './vision/in-process-vision';
export { GrpcVisionClient, type GrpcVisionOptions } from './vision/grpc-vision';
export {
  createApiKey,
  createUser,
  listUsers,
  listApiKeys,
  revokeApiKey,
  verifyApiKey,
  withApiKeyStore,
  type ApiKeyRecord,
  type ApiKeyStore,
  type CreatedApiKey,
  type Role,
  type UserRecord,
} from '@rollcall/api-keys';
export type { SessionSettings } from './sessions/session-settings';
export { createApiMetrics, type ApiMetrics } from './metrics/api-metrics';
export type {
  AttendanceReader,
  AttendanceRow,
  AttendanceQuery,
} from './attendance/attendance-reader';
export { loadApiSettings, type ApiSettings } from './config/api-settings';
