import { CommanderError } from 'commander';
import { isRollcallError } from '@rollcall/errors';
import { closeAllSessions } from '@rollcall/vision';
import { EXIT, exitCodeFor } from './exit-codes';
import { PartialFailure } from './partial-failure';
import { buildProgram } from './program';
import { quietRuntimeLogs } from './quiet-runtime';

/**
 * Runs `rollcall` with `argv` and returns the exit code. A `RollcallError` is printed as
 * its code and message (JSON with `--json`), never as a stack trace; anything else is a
 * bug and is printed in full.
 */
export async function run(argv: readonly string[]): Promise<number> {
  const json = argv.includes('--json');
  quietRuntimeLogs();
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are "errors" to commander; they already printed what was asked.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof PartialFailure) {
      // The result (with each failure in it) is printed already; one line says why the code.
      process.stderr.write(`rollcall: ${err.code}: ${err.message}\n`);
      return exitCodeFor(err.code);
    }
    if (isRollcallError(err)) {
      if (json) process.stdout.write(`${JSON.stringify({ error: err.toJSON() }, null, 2)}\n`);
      process.stderr.write(`rollcall: ${err.code}: ${err.message}\n`);
      return exitCodeFor(err.code);
    }
    process.stderr.write(`rollcall: unexpected failure (a bug; please report it):\n`);
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.internal;
  } finally {
    await closeAllSessions();
  }
}

if (require.main === module || process.argv[1]?.endsWith('rollcall.js')) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
