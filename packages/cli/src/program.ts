import { Command, Option } from 'commander';
import { addCompareCommand } from './commands/compare';
import { addDetectCommand } from './commands/detect';
import { addEmbedCommand } from './commands/embed';
import { addIdentifyCommand } from './commands/identify';
import { addKeysCommands } from './commands/keys';
import { addModelsCommands } from './commands/models';
import { addUsersCommands } from './commands/users';

/**
 * The `rollcall` command tree. Commands are thin: the work is in @rollcall/vision (and in
 * @rollcall/api-keys for API keys and user accounts).
 */
export function buildProgram(): Command {
  const program = new Command('rollcall')
    .description('Face detection and recognition on your own hardware')
    .option('--json', 'print one JSON document instead of text')
    .option('--pack <name>', 'the recognising model pack (default: ROLLCALL_PACK)')
    .option('--detector <pack>', "use this pack's detector instead of the pack's own")
    .addOption(new Option('--flip', 'also embed the mirrored face and average'))
    .addOption(new Option('--no-flip', "do not flip, whatever the pack's manifest says"))
    .showHelpAfterError()
    .exitOverride();

  addDetectCommand(program);
  addEmbedCommand(program);
  addCompareCommand(program);
  addIdentifyCommand(program);
  addModelsCommands(program);
  addKeysCommands(program);
  addUsersCommands(program);

  // Options are accepted after the command too (`rollcall detect x.jpg --json`).
  for (const command of program.commands) command.exitOverride();
  return program;
}
