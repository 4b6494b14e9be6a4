// Public surface of @rollcall/api-keys: the admin API's keys, shared by the API (which
// checks them) and the command line (which creates, lists and revokes them).
export {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  verifyApiKey,
  type ApiKeyRecord,
  type CreatedApiKey,
} from './api-keys';
export { withApiKeyStore, type ApiKeyStore } from './key-store';
