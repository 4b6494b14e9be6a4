import { parseRole, withApiKeyStore, type ApiKeyRecord } from '@rollcall/api-keys';
import type { Command } from 'commander';

import { globalOptions } from '../global-options';
import { createOutput } from '../output';

/** `rollcall keys create|list|revoke`: admin API keys (on REDIS_URL, ROLLCALL_KEY_PREFIX). */
export function addKeysCommands(program: Command): void {
  const keys = program.command('keys').description('create, list and revoke admin API keys');

  keys
    .command('create <name>')
    .description('make a new key and print it once (only its sha256 is stored)')
    .option('--role <role>', 'admin (may change anything) or viewer (may only look)', 'admin')
    .action(async (name: string, options: { role: string }, command: Command) => {
      const out = createOutput(globalOptions(command).json);
      const role = parseRole(options.role, 'role');
      const created = await withApiKeyStore((store) => store.create(name, role));
      out.result(created, () => [
        created.key,
        `  id ${created.id}, ${created.role}, for ${created.name}: ` +
          'send it as "Authorization: Bearer <key>".',
        '  It is not shown again; revoke it with `rollcall keys revoke <id>`.',
      ]);
    });

  keys
    .command('list')
    .description('every key: id, name, when it was made (never the key itself)')
    .action(async (_options, command: Command) => {
      const out = createOutput(globalOptions(command).json);
      const list = await withApiKeyStore((store) => store.list());
      out.result({ keys: list }, () => (list.length === 0 ? ['no API keys'] : list.map(line)));
    });

  keys
    .command('revoke <id>')
    .description('stop a key from working, by its id')
    .action(async (id: string, _options, command: Command) => {
      const out = createOutput(globalOptions(command).json);
      const revoked = await withApiKeyStore((store) => store.revoke(id));
      out.result({ revoked }, () => [`revoked ${line(revoked)}`]);
    });
}

function line(key: ApiKeyRecord): string {
  return `${key.id}  ${key.name}  ${key.role}  created ${new Date(key.createdAtMs).toISOString()}`;
}
