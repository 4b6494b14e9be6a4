import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { isRollcallError } from '@rollcall/errors';
import { lfwImagePath, parsePairs } from '../src/lfw/pairs';

const SMALL = ['2\t1', 'Ann\t1\t2', 'Bob\t3\tCid\t1', 'Dee\t2\t4', 'Eve\t1\tFay\t12', ''].join(
  '\n',
);

describe('LFW pairs.txt', () => {
  it('reads folds, same and different pairs in order', () => {
    const { folds, pairs } = parsePairs(SMALL);
    expect(folds).toBe(2);
    expect(pairs).toEqual([
      { a: lfwImagePath('Ann', 1), b: lfwImagePath('Ann', 2), genuine: true, fold: 0 },
      { a: lfwImagePath('Bob', 3), b: lfwImagePath('Cid', 1), genuine: false, fold: 0 },
      { a: lfwImagePath('Dee', 2), b: lfwImagePath('Dee', 4), genuine: true, fold: 1 },
      { a: lfwImagePath('Eve', 1), b: lfwImagePath('Fay', 12), genuine: false, fold: 1 },
    ]);
    expect(lfwImagePath('Fay', 12)).toBe(path.join('Fay', 'Fay_0012.jpg'));
  });

  it.each([
    ['a bad header', 'ten 300\n'],
    ['too few lines', '2\t1\nAnn\t1\t2\n'],
    ['a different pair where a same pair belongs', '1\t1\nAnn\t1\tBob\t2\nCid\t1\tDee\t1\n'],
    ['a zero image number', '1\t1\nAnn\t0\t2\nCid\t1\tDee\t1\n'],
  ])('refuses %s with INVALID_ARGUMENT', (_what, text) => {
    let caught: unknown;
    try {
      parsePairs(text);
    } catch (err) {
      caught = err;
    }
    expect(isRollcallError(caught, 'INVALID_ARGUMENT')).toBe(true);
  });

  const real = path.resolve(
    process.env.ROLLCALL_DATA_DIR ?? path.join(__dirname, '..', '..', '..', '..', 'shared', 'data'),
    'lfw-deepfunneled',
  );
  (existsSync(path.join(real, 'pairs.txt')) ? it : it.skip)(
    'reads the real View 2 file: 10 folds of 300 + 300, 7,701 images that exist',
    () => {
      const { folds, pairs } = parsePairs(readFileSync(path.join(real, 'pairs.txt'), 'utf8'));
      expect(folds).toBe(10);
      expect(pairs).toHaveLength(6000);
      expect(pairs.filter((p) => p.genuine)).toHaveLength(3000);
      for (let f = 0; f < 10; f++) expect(pairs.filter((p) => p.fold === f)).toHaveLength(600);
      const images = new Set(pairs.flatMap((p) => [p.a, p.b]));
      expect(images.size).toBe(7701);
      expect([...images].every((i) => existsSync(path.join(real, 'images', i)))).toBe(true);
    },
  );
});
