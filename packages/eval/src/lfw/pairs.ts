import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RollcallError } from '@rollcall/errors';

/** One LFW verification pair: two image paths relative to `images/`, and the truth. */
export interface LfwPair {
  readonly a: string;
  readonly b: string;
  readonly genuine: boolean;
  /** 0-based fold this pair belongs to. */
  readonly fold: number;
}

export interface LfwPairs {
  readonly folds: number;
  readonly pairs: readonly LfwPair[];
}

/** `images/<Name>/<Name>_<NNNN>.jpg`, relative to the LFW folder's `images/`. */
export function lfwImagePath(name: string, index: number): string {
  return path.join(name, `${name}_${String(index).padStart(4, '0')}.jpg`);
}

/**
 * Parses LFW's View 2 `pairs.txt`: a header "folds perFold", then per fold `perFold` same
 * pairs ("name i j") followed by `perFold` different pairs ("name1 i name2 j").
 */
export function parsePairs(text: string): LfwPairs {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').trim().split(/\s+/).map(Number);
  const [folds, perFold] = header;
  if (header.length !== 2 || !isCount(folds) || !isCount(perFold)) {
    throw pairsError(`the header "${lines[0] ?? ''}" is not "<folds> <pairs per fold>"`);
  }
  if (lines.length - 1 !== folds * perFold * 2) {
    throw pairsError(`${lines.length - 1} pair lines, the header promises ${folds * perFold * 2}`);
  }

  const pairs = lines.slice(1).map((line, i) => {
    const fold = Math.floor(i / (2 * perFold));
    const genuine = i % (2 * perFold) < perFold;
    return parseLine(line, genuine, fold, i + 2);
  });
  return { folds, pairs };
}

export function readPairs(file: string): LfwPairs {
  try {
    return parsePairs(readFileSync(file, 'utf8'));
  } catch (err) {
    if (err instanceof RollcallError) throw err;
    throw new RollcallError('DATA_NOT_FOUND', `Cannot read LFW pairs file ${file}: pass --data`, {
      cause: err,
    });
  }
}

function parseLine(line: string, genuine: boolean, fold: number, lineNo: number): LfwPair {
  const f = line.trim().split(/\s+/);
  if (genuine && f.length === 3) {
    const [name, i, j] = f as [string, string, string];
    return {
      a: lfwImagePath(name, index(i, lineNo)),
      b: lfwImagePath(name, index(j, lineNo)),
      genuine,
      fold,
    };
  }
  if (!genuine && f.length === 4) {
    const [n1, i, n2, j] = f as [string, string, string, string];
    return {
      a: lfwImagePath(n1, index(i, lineNo)),
      b: lfwImagePath(n2, index(j, lineNo)),
      genuine,
      fold,
    };
  }
  throw pairsError(`line ${lineNo} "${line}" is not a ${genuine ? 'same' : 'different'} pair`);
}

function index(field: string, lineNo: number): number {
  const n = Number(field);
  if (!isCount(n)) throw pairsError(`line ${lineNo}: image number "${field}" is not positive`);
  return n;
}

function isCount(n: number | undefined): n is number {
  return n !== undefined && Number.isInteger(n) && n > 0;
}

function pairsError(what: string): RollcallError {
  return new RollcallError(
    'INVALID_ARGUMENT',
    `Not an LFW pairs file: ${what}. Use the standard View 2 pairs.txt.`,
  );
}
