import sharp from 'sharp';
import type { DetectedFace, RgbImage } from '@rollcall/vision';

/**
 * A JPEG of the image with each face's box, five landmarks and a label drawn on it: an
 * SVG overlay composited by sharp, so no drawing library is needed.
 */
export async function drawFaces(
  image: RgbImage,
  faces: readonly DetectedFace[],
  labels: readonly string[] = [],
): Promise<Buffer> {
  const { width, height } = image;
  // Lines scale with the picture so they stay visible on a 4000 px photo and a 320 px frame.
  const stroke = Math.max(2, Math.round(Math.min(width, height) / 250));
  const font = stroke * 7;

  const shapes = faces.map((face, i) => {
    const { x, y, width: w, height: h } = face.box;
    const label = escapeXml(labels[i] ?? face.score.toFixed(2));
    const dots = face.landmarks
      .map((p) => `<circle cx="${p.x}" cy="${p.y}" r="${stroke * 1.5}" fill="#ffd400"/>`)
      .join('');
    return (
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="#00e676" ` +
      `stroke-width="${stroke}"/>${dots}` +
      `<text x="${x}" y="${Math.max(font, y - stroke * 2)}" font-size="${font}" ` +
      `font-family="sans-serif" fill="#00e676" stroke="#000" stroke-width="${stroke / 3}">` +
      `${label}</text>`
    );
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `${shapes.join('')}</svg>`;

  const pixels = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
