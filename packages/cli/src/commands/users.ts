import { parseRole, withApiKeyStore, type UserRecord } from '@rollcall/api-keys';
import type { Command } from 'commander';

import { globalOptions } from '../global-options';
import { createOutput } from '../output';
import { readPassword } from './read-password';

interface CreateOptions {
  role: string;
  displayName?: string;
  passwordStdin?: boolean;
}

/** `rollcall users create|list|delete`: console accounts (on REDIS_URL, ROLLCALL_KEY_PREFIX). */
export function addUsersCommands(program: Command): void {
  const users = program
    .command('users')
    .description('create, list and delete user accounts of the web console (admin or viewer)');

  users
    .command('create <username>')
    .description('make an account; the password is asked for, or read with --password-stdin')
    .option('--role <role>', 'admin (may change anything) or viewer (may only look)', 'viewer')
    .option('--display-name <name>', 'the name the console shows (default: the username)')
    .option('--password-stdin', 'read the password from the first line of stdin')
    .action(async (username: string, options: CreateOptions, command: Command) => {
      const out = createOutput(globalOptions(command).json);
      const role = parseRole(options.role, 'role');
      const password = await readPassword(options.passwordStdin === true);
      const created = await withApiKeyStore((store) =>
        store.createUser({ username, displayName: options.displayName, role, password }),
      );
      out.result(created, () => [
        `created ${line(created)}`,
        '  Sign in to the console with this username and password.',
      ]);
    });

  users
    .command('list')
    .description('every account: username, display name, role (never a password)')
    .action(async (_options, command: Command) => {
      const out = createOutput(globalOptions(command).json);
      const list = await withApiKeyStore((store) => store.listUsers());
      out.result({ users: list }, () => (list.length === 0 ? ['no users'] : list.map(line)));
    });

  users
    .command('delete <username>')
    .description('delete an account; its sessions stop working at once')
    .action(async (username: string, _options, command: Command) => {
      const out = createOutput(globalOptions(command).json);
      const deleted = await withApiKeyStore((store) => store.deleteUser(username));
      out.result({ deleted }, () => [`deleted ${line(deleted)}`]);
    });
}

function line(user: UserRecord): string {
  return `${user.username}  "${user.displayName}"  ${user.role}  created ${new Date(user.createdAtMs).toISOString()}`;
}
