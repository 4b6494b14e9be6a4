import { readFileSync } from 'node:fs';
import type { Box } from '@rollcall/vision';
import { RollcallError } from '@rollcall/errors';

/** A labelled face of a dlib imglab dataset; `ignore` boxes are neither hits nor misses. */
export interface TruthBox extends Box {
  readonly ignore: boolean;
}

export interface TruthImage {
  readonly file: string;
  readonly boxes: readonly TruthBox[];
}

/**
 * Reads a dlib imglab XML file (`<image file=...><box top left width height
 * [ignore='1']/>...</image>`). Only the attributes used here are read; a box's `<part>`
 * children (landmarks) are skipped.
 */
export function parseDlibXml(text: string): TruthImage[] {
  const images: TruthImage[] = [];
  const imageTag = /<image\b([^>]*)>([\s\S]*?)<\/image>|<image\b([^>]*)\/>/g;
  for (const m of text.matchAll(imageTag)) {
    const attrs = attributes(m[1] ?? m[3] ?? '');
    const file = attrs.get('file');
    if (file === undefined) throw xmlError('an <image> has no file attribute');
    const boxes = [...(m[2] ?? '').matchAll(/<box\b([^>]*?)\/?>/g)].map((b) =>
      box(attributes(b[1] ?? ''), file),
    );
    images.push({ file, boxes });
  }
  if (images.length === 0) throw xmlError('no <image> elements');
  return images;
}

export function readDlibXml(file: string): TruthImage[] {
  try {
    return parseDlibXml(readFileSync(file, 'latin1'));
  } catch (err) {
    if (err instanceof RollcallError) throw err;
    throw new RollcallError('DATA_NOT_FOUND', `Cannot read ${file}: pass --data`, { cause: err });
  }
}

function box(attrs: Map<string, string>, file: string): TruthBox {
  const n = (name: string) => {
    const v = Number(attrs.get(name));
    if (!Number.isFinite(v)) throw xmlError(`a box in ${file} has no numeric ${name}`);
    return v;
  };
  return {
    x: n('left'),
    y: n('top'),
    width: n('width'),
    height: n('height'),
    ignore: attrs.get('ignore') === '1',
  };
}

function attributes(text: string): Map<string, string> {
  return new Map(
    [...text.matchAll(/(\w+)\s*=\s*(['"])(.*?)\2/g)].map((m) => [m[1] as string, m[3] as string]),
  );
}

function xmlError(what: string): RollcallError {
  return new RollcallError('INVALID_ARGUMENT', `Not a dlib imglab XML file: ${what}.`);
}
