/**
 * Builds test inputs on the fly from real photos: each bad or unusual file is written to a
 * temporary folder and read back, the way an upload reaches the decoder. Nothing binary is
 * kept in the repository.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

import type { RgbImage } from '../../src/image/rgb-image';
import { dataPath } from '../support/data';

/** A 250 x 250 LFW deep-funneled JPEG. */
export const LFW_FACE = 'lfw-deepfunneled/images/Aaron_Eckhart/Aaron_Eckhart_0001.jpg';
/** A 1920 x 1280 colour photo with several people. */
export const GROUP_PHOTO = 'group-photos/vladmandic-face-api-npm/sample1.jpg';

export function readData(relPath: string): Buffer {
  return readFileSync(dataPath(relPath));
}

/** A temporary folder that writes files and reads them back; `remove()` cleans it up. */
export function tempFolder(): {
  roundTrip(name: string, bytes: Uint8Array): Buffer;
  remove(): void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rollcall-image-'));
  return {
    roundTrip(name, bytes) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return readFileSync(file);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Mean absolute difference per channel value of two same-size images. */
export function meanAbsDiff(a: RgbImage, b: RgbImage): number {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  }
  let sum = 0;
  for (let i = 0; i < a.data.length; i++)
    sum += Math.abs((a.data[i] as number) - (b.data[i] as number));
  return sum / a.data.length;
}

/** A valid PNG whose IHDR claims `width` x `height` RGB, with a tiny (short) body. */
export function pngWithClaimedSize(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(64))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, body: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  return Buffer.concat([uint32(body.length), typed, uint32(crc32(typed))]);
}

/** CRC-32 (ISO 3309, as PNG chunks use it). */
export function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/**
 * A well-formed HEIC container (ISO/IEC 23008-12: ftyp 'heic', one 'hvc1' item with its
 * hvcC and ispe properties) around a placeholder payload. This sharp build has no HEVC
 * encoder, so a real HEIC cannot be made here; the container is enough to reach the point
 * where libheif looks for an HEVC decoder.
 */
export function heicContainer(width: number, height: number): Buffer {
  const payload = Buffer.alloc(64, 7);
  const ftyp = box('ftyp', latin1('heic'), uint32(0), latin1('mif1heic'));
  const hvcC = box(
    'hvcC',
    Buffer.from([1, 1]),
    uint32(0x60000000),
    Buffer.alloc(6),
    Buffer.from([90, 0xf0, 0x00, 0xfc, 0xfd, 0xf8, 0xf8, 0, 0, 0x0f, 0]),
  );
  const ispe = fullBox('ispe', 0, uint32(width), uint32(height));
  const meta = (dataOffset: number): Buffer =>
    fullBox(
      'meta',
      0,
      fullBox('hdlr', 0, uint32(0), latin1('pict'), Buffer.alloc(12), Buffer.from([0])),
      fullBox('pitm', 0, uint16(1)),
      fullBox(
        'iloc',
        0,
        Buffer.from([0x44, 0x00]),
        uint16(1),
        uint16(1),
        uint16(0),
        uint16(1),
        uint32(dataOffset),
        uint32(payload.length),
      ),
      fullBox('iinf', 0, uint16(1), fullBox('infe', 2, uint16(1), uint16(0), latin1('hvc1\0'))),
      box(
        'iprp',
        box('ipco', hvcC, ispe),
        fullBox('ipma', 0, uint32(1), uint16(1), Buffer.from([2, 0x81, 0x02])),
      ),
    );
  const dataOffset = ftyp.length + meta(0).length + 8;
  return Buffer.concat([ftyp, meta(dataOffset), box('mdat', payload)]);
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([uint32(8 + body.length), latin1(type), body]);
}

function fullBox(type: string, version: number, ...parts: Buffer[]): Buffer {
  return box(type, uint32(version << 24), ...parts);
}

function latin1(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

function uint16(value: number): Buffer {
  const out = Buffer.alloc(2);
  out.writeUInt16BE(value);
  return out;
}

function uint32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value);
  return out;
}
