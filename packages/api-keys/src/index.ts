// Public surface of @rollcall/api-keys: who may call the admin API. API keys and user
// accounts, each with a role, shared by the API (which checks them) and the command line
// (which creates, lists and removes them).
export {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  verifyApiKey,
  type ApiKeyRecord,
  type CreatedApiKey,
  type CreateKeyOptions,
} from './api-keys';
export { withApiKeyStore, type ApiKeyStore } from './key-store';
export { PASSWORD_LENGTH } from './passwords';
export { parseRole, ROLES, type Role } from './roles';
export {
  authenticateUser,
  createUser,
  deleteUser,
  findUser,
  listUsers,
  normalizeUsername,
  type NewUser,
  type UserRecord,
} from './users';
