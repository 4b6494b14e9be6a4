import { readdirSync } from 'node:fs';
import path from 'node:path';
import { listPacks, readManifest } from '../../src/packs';
import { MANIFESTS_DIR, settingsIn, tempFolders } from './pack-fixtures';

const manifestFiles = readdirSync(MANIFESTS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'installed')
  .map((e) => path.join(MANIFESTS_DIR, e.name, 'manifest.json'));

describe('shipped pack manifests', () => {
  const temp = tempFolders();

  it('are there', () => {
    expect(manifestFiles.length).toBeGreaterThanOrEqual(10);
  });

  it.each(manifestFiles)('%s parses and is consistent', (file) => {
    const m = readManifest(file);
    expect(m.name).toBe(path.basename(path.dirname(file)));

    // Every model file the detector and recognisers run is one the manifest pins.
    const names = new Set(m.files.map((f) => f.name));
    expect(names.has(m.detector.file)).toBe(true);
    if (m.detector.kind === 'ultraface-landmark68')
      expect(names.has(m.detector.landmarkFile)).toBe(true);
    for (const r of m.recognizers) expect(names.has(r.file)).toBe(true);

    const weights = m.recognizers.reduce((sum, r) => sum + r.weight, 0);
    if (m.recognizers.length > 0) expect(weights).toBeCloseTo(1, 6);

    // A pinned size goes with a pinned hash, and the other way round.
    for (const f of m.files) expect(f.sha256 === null).toBe(f.bytes === null);
  });

  it('list every pack once, sorted, including one installed with its own manifest', () => {
    const root = temp();
    const packs = listPacks(settingsIn(root, []));
    const names = packs.map((p) => p.manifest.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['rollcall-default', 'buffalo_l', 'antelopev2']));
    expect(packs.every((p) => p.origin === 'shipped')).toBe(true);
  });

  it('mark every InsightFace pack as non-commercial', () => {
    const root = temp();
    const insightface = listPacks(settingsIn(root, [])).filter((p) =>
      p.manifest.licence.summary.includes('InsightFace'),
    );
    expect(insightface.length).toBeGreaterThanOrEqual(5);
    for (const p of insightface) expect(p.manifest.licence.commercialUse).toBe('not-allowed');
  });
});
