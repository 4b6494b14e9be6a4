/**
 * `pnpm exec tsx packages/model-convert/src/quantise/quantise-main.ts <in.onnx> <ranges.json>
 * <out.onnx>`: writes the static QDQ int8 copy of a float model from the ranges that
 * calibrate-main.ts wrote, and prints its size and sha256.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { encodeModelMessage, readModelMessage } from '../onnx/encode-model';
import { quantiseQdq, type ActivationRanges } from './qdq-quantise';

function main(argv: readonly string[]): void {
  const [input, rangesFile, out] = argv;
  if (input === undefined || rangesFile === undefined || out === undefined) {
    console.error('usage: quantise-main.ts <in.onnx> <ranges.json> <out.onnx>');
    process.exitCode = 2;
    return;
  }
  const { ranges } = JSON.parse(readFileSync(rangesFile, 'utf8')) as {
    ranges: ActivationRanges;
  };
  const bytes = encodeModelMessage(quantiseQdq(readModelMessage(readFileSync(input)), ranges));
  writeFileSync(out, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  console.log(JSON.stringify({ out, bytes: bytes.length, sha256 }));
}

main(process.argv.slice(2));
