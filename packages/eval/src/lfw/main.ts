/**
 * `pnpm eval:lfw -- [--data DIR] [--pack NAME] [--detector PACK] [--flip|--no-flip]
 *   [--folds N] [--limit N] [--json] [--no-cache] [--cache-dir DIR]
 *   [--recognizer MODEL_ID ...] [--template arcface-112|dlib-150]`
 *
 * Runs the whole front end on LFW View 2 and prints 10-fold accuracy, TAR@FAR 1e-3, the
 * threshold on all folds, faces missed and ms per face per stage. Progress goes to stderr;
 * with --json the last line of stdout is one JSON object.
 */
import { isRollcallError } from '@rollcall/errors';
import { formatLfwReport, lfwJson } from '../report/lfw-report';
import { parseLfwOptions } from './lfw-options';
import { runLfw } from './run-lfw';

async function main(): Promise<void> {
  const options = parseLfwOptions(process.argv.slice(2));
  const result = await runLfw(options, (l) => process.stderr.write(`${l}\n`));
  console.log(formatLfwReport(result));
  if (options.json) console.log(JSON.stringify(lfwJson(result)));
}

main().catch((err: unknown) => {
  console.error(isRollcallError(err) ? `${err.code}: ${err.message}` : err);
  process.exitCode = 1;
});
