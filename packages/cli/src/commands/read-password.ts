import { createInterface } from 'node:readline';

import { RollcallError } from '@rollcall/errors';

/**
 * A password for a new account: the first line of stdin with `--password-stdin` (for
 * scripts: `printf '%s' "$PW" | rollcall users create ...`), otherwise asked for twice on
 * the terminal without echoing it. Never an argument: those show in `ps` and shell history.
 */
export async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return firstLine(await readAll(process.stdin));
  if (!process.stdin.isTTY) {
    throw new RollcallError(
      'INVALID_ARGUMENT',
      'No terminal to ask for the password on; pipe it in with --password-stdin.',
      { details: { field: 'password' } },
    );
  }
  const first = await ask('Password: ');
  const second = await ask('Repeat it: ');
  if (first !== second) {
    throw new RollcallError('INVALID_ARGUMENT', 'The two passwords differ; run it again.', {
      details: { field: 'password' },
    });
  }
  return first;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? '';
}

/** One line from the terminal, typed without being shown. */
function ask(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // readline echoes what is typed through this method; after the prompt, write nothing.
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stderr.write(prompt);
  output._writeToOutput = () => undefined;
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
