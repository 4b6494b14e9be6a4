/*
 * Query time of the matcher's exhaustive search on one core: 10k and 100k people with 1
 * and 3 samples each, batches of 1, 8 and 32 queries, float32 and int8 (rescored), plus
 * the same float32 scan in unrolled JavaScript for comparison. Prints a table; with
 * --json the last line is {"results": [{n, dtype, batch, ms_per_query, top1_agreement}]},
 * where top1_agreement is the share of queries whose best person equals the exact one.
 *
 *   pnpm bench:match [--json] [--people 10000,100000] [--samples 1,3] [--dim 512]
 *
 * Times are CPU time of this process (user + system), not wall time: on a shared machine
 * wall time also counts the time other processes held the core. Wall time is printed too.
 *
 * Queries are half random unit vectors (strangers) and half noisy copies of gallery rows
 * (cosine ~0.7, like a second photo), so agreement is measured where it matters.
 */
import { SearchIndex } from '../src/search/search-index';
import type { SearchPrecision } from '../src/search/search-types';
import { noisyCopy, seededRandom, unitVector } from '../test/support/random-vectors';

interface Result {
  n: number;
  samples_per_person: number;
  dtype: string;
  batch: number;
  ms_per_query: number;
  top1_agreement: number;
}

const BATCHES = [1, 8, 32];
const QUERIES = 64;

function argList(name: string, fallback: number[]): number[] {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  return String(process.argv[at + 1])
    .split(',')
    .map(Number);
}

function buildGallery(people: number, perPerson: number, dim: number) {
  const random = seededRandom(people * 10 + perPerson);
  const index = new SearchIndex(dim, { maxBatch: 32 });
  const kept: Float32Array[] = [];
  for (let p = 0; p < people; p++) {
    for (let s = 0; s < perPerson; s++) {
      const vector = unitVector(random, dim);
      index.add(`p${p}`, `s${s}`, vector);
      if (kept.length < QUERIES && p % Math.ceil(people / QUERIES) === 0) kept.push(vector);
    }
  }
  const queries = [
    ...Array.from({ length: QUERIES / 2 }, () => unitVector(random, dim)),
    ...kept.slice(0, QUERIES / 2).map((v) => noisyCopy(random, v, 1.0)),
  ];
  return { index, queries };
}

/** ms per query over all queries in chunks of `batch`, after one warm-up pass. */
function timeSearch(
  index: SearchIndex,
  queries: Float32Array[],
  batch: number,
  precision: SearchPrecision,
): { ms: number; wallMs: number; top1: string[] } {
  const run = () => {
    const top1: string[] = [];
    for (let at = 0; at < queries.length; at += batch) {
      const found = index.search(queries.slice(at, at + batch), { k: 5, precision });
      for (const candidates of found) top1.push(candidates[0]?.personId ?? '');
    }
    return top1;
  };
  run();
  const { cpuMs, wallMs, value } = measure(run);
  return { ms: cpuMs / queries.length, wallMs: wallMs / queries.length, top1: value };
}

/** CPU and wall milliseconds `work` took. */
function measure<T>(work: () => T): { cpuMs: number; wallMs: number; value: T } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = work();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1e3, wallMs, value };
}

/** The float32 scan in plain unrolled JavaScript, on a copy of the rows. */
function timeJsScan(rows: number, dim: number, queries: Float32Array[]) {
  const random = seededRandom(7);
  const matrix = new Float32Array(rows * dim).map(() => random() - 0.5);
  const scores = new Float32Array(rows);
  const scan = (q: Float32Array) => {
    for (let r = 0, o = 0; r < rows; r++, o += dim) {
      let a = 0;
      let b = 0;
      let c = 0;
      let d = 0;
      for (let i = 0; i < dim; i += 4) {
        a += (matrix[o + i] as number) * (q[i] as number);
        b += (matrix[o + i + 1] as number) * (q[i + 1] as number);
        c += (matrix[o + i + 2] as number) * (q[i + 2] as number);
        d += (matrix[o + i + 3] as number) * (q[i + 3] as number);
      }
      scores[r] = a + b + c + d;
    }
  };
  const sample = queries.slice(0, 8);
  scan(sample[0] as Float32Array);
  const { cpuMs, wallMs } = measure(() => sample.forEach(scan));
  return { ms: cpuMs / sample.length, wallMs: wallMs / sample.length };
}

/** Read+write bandwidth of one large copy, GB/s: the ceiling any scan works under. */
function copyBandwidth(): number {
  const bytes = 256 * 1024 * 1024;
  const from = new Uint8Array(bytes).fill(1);
  const to = new Uint8Array(bytes);
  to.set(from);
  const { cpuMs } = measure(() => to.set(from));
  return (2 * bytes) / (cpuMs / 1e3) / 1e9;
}

function agreement(a: string[], b: string[]): number {
  return a.filter((id, i) => id === b[i]).length / a.length;
}

function main(): void {
  const json = process.argv.includes('--json');
  const dim = argList('dim', [512])[0] as number;
  const results: Result[] = [];
  const bandwidth = copyBandwidth();
  console.log(`dim ${dim}, ${QUERIES} queries, copy bandwidth ${bandwidth.toFixed(1)} GB/s`);
  console.log('people   per  dtype    batch   ms/query   wall ms   top1   scan MB   floor ms');

  for (const people of argList('people', [10_000, 100_000])) {
    for (const perPerson of argList('samples', [1, 3])) {
      const { index, queries } = buildGallery(people, perPerson, dim);
      const scan = index.scanBytes;
      const exact = timeSearch(index, queries, 1, 'f32').top1;

      for (const precision of ['f32', 'i8'] as const) {
        const mb = (precision === 'f32' ? scan.f32 : scan.i8) / 1e6;
        for (const batch of BATCHES) {
          const { ms, wallMs, top1 } = timeSearch(index, queries, batch, precision);
          const row = {
            n: people,
            samples_per_person: perPerson,
            dtype: precision,
            batch,
            ms_per_query: round(ms),
            top1_agreement: agreement(top1, exact),
          };
          results.push(row);
          print(row, wallMs, mb, mb / 1e3 / bandwidth);
        }
      }
      if (perPerson === 1 && people === Math.max(...argList('people', [10_000, 100_000]))) {
        const { ms, wallMs } = timeJsScan(index.samples, index.paddedDim, queries);
        const row = { ...results[results.length - 1], dtype: 'f32-js', batch: 1 } as Result;
        results.push({ ...row, ms_per_query: round(ms), top1_agreement: Number.NaN });
        print(results[results.length - 1] as Result, wallMs, scan.f32 / 1e6, Number.NaN);
      }
    }
  }

  if (json) {
    const clean = results.map((r) => ({
      ...r,
      top1_agreement: Number.isNaN(r.top1_agreement) ? null : r.top1_agreement,
    }));
    console.log(JSON.stringify({ results: clean }));
  }
}

function print(r: Result, wallMs: number, scanMb: number, floorSeconds: number): void {
  const floor = Number.isNaN(floorSeconds) ? '-' : (floorSeconds * 1e3).toFixed(1);
  const agree = Number.isNaN(r.top1_agreement) ? '-' : r.top1_agreement.toFixed(3);
  console.log(
    [
      String(r.n).padStart(6),
      String(r.samples_per_person).padStart(4),
      r.dtype.padEnd(6),
      String(r.batch).padStart(6),
      r.ms_per_query.toFixed(2).padStart(9),
      wallMs.toFixed(2).padStart(8),
      agree.padStart(5),
      scanMb.toFixed(0).padStart(8),
      floor.padStart(9),
    ].join('  '),
  );
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

main();
