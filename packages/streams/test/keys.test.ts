import { isRollcallError } from '@rollcall/errors';
import calculateSlot from 'cluster-key-slot';

import { DEFAULT_KEY_PREFIX, createKeySpace, type KeySpace } from '../src';

/** Every key and stream name a key space can produce, with sample ids. */
function allNames(keys: KeySpace): string[] {
  const streams = [keys.frames, keys.faces, keys.embeddings, keys.matches, keys.attendance];
  return [
    ...streams.map((s) => s.key),
    ...streams.map((s) => keys.deadLetters(s).key),
    keys.registryChanges.key,
    keys.people,
    keys.samples('person-1'),
    keys.sampleMeta('person-1'),
    keys.sampleCrops('person-1'),
    keys.externalIds,
    keys.cameras,
    keys.cameraConfig('door-1'),
    keys.cameraStatus('door-1'),
    keys.cameraChanges.key,
    keys.settings,
    keys.apiKeys,
    keys.users,
    keys.session('0a1b2c'),
    keys.loginFailures('amy.lee'),
    keys.launcherLock,
    keys.attendanceRecords,
    keys.attendancePresence,
    keys.attendanceByDay('2026-03-29'),
    keys.attendanceByPerson('person-1'),
    keys.attendanceByCamera('door-1'),
    `${keys.jobQueuePrefix}:imports`,
    keys.importFiles('imp_1'),
    keys.importArchive('imp_1'),
  ];
}

describe('createKeySpace', () => {
  it('builds every name as <prefix>:<entity>:<part>', () => {
    const names = allNames(createKeySpace('rc'));

    for (const name of names) expect(name).toMatch(/^rc:[a-z]+:[A-Za-z0-9_.:-]+$/);
    expect(new Set(names).size).toBe(names.length);
    expect(createKeySpace('rc').frames.key).toBe('rc:frames:stream');
    expect(createKeySpace('rc').deadLetters(createKeySpace('rc').frames).key).toBe(
      'rc:frames:dead',
    );
  });

  it('keeps every name in one Cluster slot when the prefix is a hash tag', () => {
    const names = allNames(createKeySpace('{rollcall}'));
    const slots = new Set(names.map((name) => calculateSlot(name)));

    expect(slots).toEqual(new Set([calculateSlot('rollcall')]));
    for (const name of names) expect(name.startsWith('{rollcall}:')).toBe(true);
  });

  it('spreads names over slots when the prefix is not a hash tag', () => {
    const slots = new Set(allNames(createKeySpace('rollcall')).map((n) => calculateSlot(n)));

    expect(slots.size).toBeGreaterThan(1);
  });

  it('defaults to the hash-tagged prefix and caps every stream', () => {
    const keys = createKeySpace();

    expect(keys.prefix).toBe(DEFAULT_KEY_PREFIX);
    for (const ref of [keys.frames, keys.embeddings, keys.deadLetters(keys.faces)]) {
      expect(ref.maxLen).toBeGreaterThan(0);
    }
  });

  it.each(['', 'a b', 'x:y', '{a}{b}', 'a*', '{}'])('rejects the prefix %j', (prefix) => {
    expect(() => createKeySpace(prefix)).toThrow(
      expect.objectContaining({ code: 'STREAM_NAME_INVALID' }),
    );
  });

  it('rejects ids that would break the layout or the slot', () => {
    const keys = createKeySpace('rc');
    for (const id of ['a:b', '{x}', 'has space', '']) {
      let caught: unknown;
      try {
        keys.cameraConfig(id);
      } catch (error) {
        caught = error;
      }
      expect(isRollcallError(caught, 'STREAM_NAME_INVALID')).toBe(true);
    }
  });
});
