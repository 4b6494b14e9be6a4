import { existsSync } from 'node:fs';

import { DATA_DIR, MODELS_DIR, dataPath, describeIfData, hasData } from '../support/data';

describe('test data settings', () => {
  it('resolves both roots to absolute paths', () => {
    expect(DATA_DIR.startsWith('/')).toBe(true);
    expect(MODELS_DIR.startsWith('/')).toBe(true);
  });

  it('reports an absent path as absent', () => {
    expect(hasData('no-such-folder-here')).toBe(false);
  });
});

describeIfData('shared LFW images', 'lfw-deepfunneled/images', () => {
  it('are where the setting says', () => {
    expect(existsSync(dataPath('lfw-deepfunneled/images'))).toBe(true);
  });
});

describeIfData('a data set that is not installed', 'no-such-folder-here', () => {
  it('is never run', () => {
    throw new Error('a skipped suite ran');
  });
});
