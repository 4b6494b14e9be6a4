import path from 'node:path';
import type { TemplateName } from '@rollcall/vision';
import { argError, lastValue, parseArgs, positiveInt } from '../cli/args';
import { defaultCacheDir, defaultDataDir } from '../settings';

export interface LfwOptions {
  /** LFW deep-funneled folder (holds pairs.txt and images/). */
  readonly data: string;
  /** Pack whose recognisers are measured. Default `rollcall-default`. */
  readonly pack: string;
  /** Pack whose detector finds the faces. Default: the measured pack. */
  readonly detectorPack: string | undefined;
  /** Embed the mirrored crop too (test-time augmentation). Default: the pack's `flip`. */
  readonly flip: boolean | undefined;
  /** Folds used (the first N of pairs.txt). Default: all. */
  readonly folds: number | undefined;
  /** At most this many pairs, taken evenly from every fold, half same, half different. */
  readonly limit: number | undefined;
  readonly json: boolean;
  /** Where per-image results are cached; undefined with `--no-cache`. */
  readonly cacheDir: string | undefined;
  /** Only these recognisers of the pack (by modelId). Default: all. */
  readonly recognizers: readonly string[];
  /** Override the alignment template of every measured recogniser. */
  readonly template: TemplateName | undefined;
}

const TEMPLATES: readonly TemplateName[] = ['arcface-112', 'dlib-150'];

export function parseLfwOptions(argv: readonly string[]): LfwOptions {
  const args = parseArgs(argv, {
    values: ['data', 'pack', 'detector', 'folds', 'limit', 'cache-dir', 'recognizer', 'template'],
    switches: ['flip', 'no-flip', 'json', 'no-cache'],
  });
  const template = lastValue(args, 'template');
  if (template !== undefined && !TEMPLATES.includes(template as TemplateName)) {
    throw argError(`--template must be one of ${TEMPLATES.join(', ')}`);
  }
  const folds = positiveInt(args, 'folds');
  if (folds !== undefined && folds < 2) throw argError('--folds needs at least 2 folds');

  return {
    data: path.resolve(lastValue(args, 'data') ?? path.join(defaultDataDir(), 'lfw-deepfunneled')),
    pack: lastValue(args, 'pack') ?? 'rollcall-default',
    detectorPack: lastValue(args, 'detector'),
    flip: args.switches.has('flip') ? true : args.switches.has('no-flip') ? false : undefined,
    folds,
    limit: positiveInt(args, 'limit'),
    json: args.switches.has('json'),
    cacheDir: args.switches.has('no-cache')
      ? undefined
      : (lastValue(args, 'cache-dir') ?? defaultCacheDir()),
    recognizers: args.values.get('recognizer') ?? [],
    template: template as TemplateName | undefined,
  };
}
