import { crossValidate } from '../src/metrics/ten-fold';
import { accuracyAt, bestThreshold, meanAndStd, tarAtFar } from '../src/metrics/verification';
import { chooseWeights, crossValidateFusion, fuse, twoModelGrid } from '../src/metrics/fusion';

const pair = (score: number, genuine: boolean, fold = 0) => ({ score, genuine, fold });

describe('verification metrics', () => {
  it('finds the best-accuracy threshold between the scores either side of the cut', () => {
    const pairs = [
      pair(0.1, false),
      pair(0.2, false),
      pair(0.35, true),
      pair(0.4, false),
      pair(0.6, true),
      pair(0.7, true),
    ];
    const { threshold, accuracy } = bestThreshold(pairs);
    expect(accuracy).toBeCloseTo(5 / 6);
    expect(threshold).toBeCloseTo(0.275);
    expect(accuracyAt(pairs, threshold)).toBeCloseTo(5 / 6);
  });

  it('never cuts between tied scores', () => {
    const pairs = [pair(0.5, false), pair(0.5, true), pair(0.5, true), pair(0.9, true)];
    const { threshold, accuracy } = bestThreshold(pairs);
    expect(accuracy).toBeCloseTo(3 / 4);
    expect(threshold).toBeLessThan(0.5);
  });

  it('measures TAR at FAR with at most the allowed impostors accepted', () => {
    const impostors = Array.from({ length: 1000 }, (_, i) => pair(i / 1000, false));
    const genuine = [pair(0.9985, true), pair(0.999, true), pair(0.9975, true), pair(0.5, true)];
    // FAR 2e-3 of 1000 impostors: 2 may pass, so the cut sits at the 3rd highest (0.997).
    const { tar, threshold } = tarAtFar([...impostors, ...genuine], 2e-3);
    expect(threshold).toBeCloseTo(0.997);
    expect(tar).toBeCloseTo(3 / 4);
    expect(impostors.filter((p) => p.score > threshold)).toHaveLength(2);
  });

  it('reports the population standard deviation', () => {
    expect(meanAndStd([0.9, 1.0])).toEqual({ mean: 0.95, std: expect.closeTo(0.05, 10) as number });
  });
});

describe('10-fold protocol', () => {
  it('chooses each fold threshold without looking at that fold', () => {
    // Folds 0-8 separate at 0.5; fold 9 would be perfect at 0.8 but must get 0.5's accuracy.
    const pairs = [];
    for (let f = 0; f < 9; f++) pairs.push(pair(0.4, false, f), pair(0.6, true, f));
    pairs.push(pair(0.7, false, 9), pair(0.9, true, 9));
    const cv = crossValidate(pairs, 10);
    expect(cv.folds[9]?.threshold).toBeCloseTo(0.5);
    expect(cv.folds[9]?.accuracy).toBeCloseTo(0.5);
    expect(cv.mean).toBeCloseTo(0.95);
  });
});

describe('score fusion', () => {
  it('weights model scores and picks the weights that separate the training folds', () => {
    // Model 0 is anti-correlated with the truth; only w = [0, 1] separates the pairs.
    const pairs = [];
    for (let f = 0; f < 10; f++) {
      pairs.push(
        { scores: [0.9, 0.4], genuine: false, fold: f },
        { scores: [0.1, 0.6], genuine: true, fold: f },
      );
    }
    expect(fuse(pairs, [0.5, 0.5])[0]?.score).toBeCloseTo(0.65);
    expect(chooseWeights(pairs, twoModelGrid(0.25))).toEqual([0, 1]);
    const cv = crossValidateFusion(pairs, 10, twoModelGrid(0.25));
    expect(cv.mean).toBe(1);
    expect(cv.folds.every((f) => f.weights[1] === 1)).toBe(true);
  });

  it('breaks ties towards an even split', () => {
    const pairs = [
      { scores: [0.2, 0.2], genuine: false, fold: 0 },
      { scores: [0.8, 0.8], genuine: true, fold: 0 },
    ];
    expect(chooseWeights(pairs, twoModelGrid(0.25))).toEqual([0.5, 0.5]);
  });
});
