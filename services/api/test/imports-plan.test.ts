import { planImport } from '../src/import/import-plan';
import { refusedFile, type SourceFile } from '../src/import/import-source';

function files(...paths: string[]): SourceFile[] {
  return paths.map((path) => ({ path, read: () => Promise.resolve(Buffer.alloc(0)) }));
}

function layout(plan: ReturnType<typeof planImport>) {
  return plan.people.map((p) => [p.folder, p.files.map((f) => f.path)]);
}

describe('planImport', () => {
  it('drops the folder a zip of folders is wrapped in, but never the person folder', () => {
    const wrapped = planImport(files('staff/raj/1.jpg', 'staff/amy/2.jpg', 'staff/amy/1.jpg'));
    const single = planImport(files('export/amy/1.jpg', 'export/amy/2.jpg'));

    expect(layout(wrapped)).toEqual([
      ['amy', ['staff/amy/1.jpg', 'staff/amy/2.jpg']],
      ['raj', ['staff/raj/1.jpg']],
    ]);
    expect(layout(single)).toEqual([['amy', ['export/amy/1.jpg', 'export/amy/2.jpg']]]);
  });

  it('gives deeper folders to the person, ignores clutter, keeps `./` paths', () => {
    const plan = planImport(
      files('./amy/2019/1.jpg', 'raj//1.jpg', '__MACOSX/amy/._1.jpg', 'amy/.DS_Store', 'x.jpg'),
    );

    expect(layout(plan)).toEqual([
      ['amy', ['./amy/2019/1.jpg']],
      ['raj', ['raj//1.jpg']],
    ]);
    expect(plan.ignored).toBe(2);
    expect(plan.loose.map((f) => [f.path, f.refusal?.code])).toEqual([
      ['x.jpg', 'IMPORT_NO_PERSON_FOLDER'],
    ]);
  });

  it('keeps unsafe entries out of every person and out of the shared-folder count', () => {
    const unsafe = refusedFile('../x.jpg', { code: 'IMPORT_ENTRY_UNSAFE', message: 'climbs' });
    const plan = planImport([unsafe, ...files('staff/amy/1.jpg', 'staff/raj/1.jpg')]);

    expect(layout(plan)).toEqual([
      ['amy', ['staff/amy/1.jpg']],
      ['raj', ['staff/raj/1.jpg']],
    ]);
    expect(plan.loose).toEqual([unsafe]);
  });
});
