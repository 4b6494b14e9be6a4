import { existsSync } from 'node:fs';
import path from 'node:path';
import { isRollcallError } from '@rollcall/errors';
import { parseDlibXml, readDlibXml } from '../src/detect/dlib-xml';
import { matchBoxes } from '../src/detect/match-boxes';

const XML = `<?xml version='1.0' encoding='ISO-8859-1'?>
<dataset><images>
  <image file='a.jpg' width='100' height='100'>
    <box top='10' left='20' width='30' height='40'/>
    <box top='50' left='50' width='20' height='20' ignore='1'>
      <part name='00' x='1' y='2'/>
    </box>
  </image>
  <image file='empty.jpg'/>
</images></dataset>`;

describe('dlib imglab XML', () => {
  it('reads boxes, ignore flags and images without boxes', () => {
    expect(parseDlibXml(XML)).toEqual([
      {
        file: 'a.jpg',
        boxes: [
          { x: 20, y: 10, width: 30, height: 40, ignore: false },
          { x: 50, y: 50, width: 20, height: 20, ignore: true },
        ],
      },
      { file: 'empty.jpg', boxes: [] },
    ]);
  });

  it('refuses a file with no images', () => {
    let caught: unknown;
    try {
      parseDlibXml('<dataset></dataset>');
    } catch (err) {
      caught = err;
    }
    expect(isRollcallError(caught, 'INVALID_ARGUMENT')).toBe(true);
  });

  const dir = path.resolve(
    process.env.ROLLCALL_DATA_DIR ?? path.join(__dirname, '..', '..', '..', '..', 'shared', 'data'),
    'group-photos',
    'dlib-examples-faces',
  );
  (existsSync(path.join(dir, 'testing.xml')) ? it : it.skip)('reads the real testing.xml', () => {
    const images = readDlibXml(path.join(dir, 'testing.xml'));
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((i) => existsSync(path.join(dir, i.file)))).toBe(true);
    expect(images.flatMap((i) => i.boxes).every((b) => b.width > 0 && b.height > 0)).toBe(true);
  });
});

describe('detection matching at IoU 0.5', () => {
  const face = { x: 0, y: 0, width: 10, height: 10, ignore: false };
  const ignored = { x: 100, y: 100, width: 10, height: 10, ignore: true };

  it('counts a hit, a duplicate as false, and leaves ignored boxes out', () => {
    const counts = matchBoxes(
      [
        { box: { x: 1, y: 0, width: 10, height: 10 }, score: 0.9 }, // IoU 0.82: hit
        { box: { x: 0, y: 1, width: 10, height: 10 }, score: 0.8 }, // same face again: false
        { box: { x: 100, y: 101, width: 10, height: 10 }, score: 0.7 }, // ignored box: neither
        { box: { x: 50, y: 50, width: 10, height: 10 }, score: 0.6 }, // nothing there: false
      ],
      [face, ignored],
    );
    expect(counts).toEqual({ truePositives: 1, falsePositives: 2, faces: 1 });
  });

  it('does not match below IoU 0.5', () => {
    // Overlap 5x10 = 50, union 150: IoU 1/3.
    const counts = matchBoxes([{ box: { x: 5, y: 0, width: 10, height: 10 }, score: 1 }], [face]);
    expect(counts).toEqual({ truePositives: 0, falsePositives: 1, faces: 1 });
  });
});
