import { cpus } from 'node:os';
import type { ScoreSummary } from '../lfw/evaluate';
import type { LfwResult } from '../lfw/run-lfw';
import { STAGES } from '../lfw/stage-times';

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

function line(s: ScoreSummary): string {
  const weights =
    s.weights === undefined ? '' : `  weights ${s.weights.map((w) => w.toFixed(2)).join('/')}`;
  return (
    `  ${s.name}\n    accuracy ${pct(s.accuracy)} ± ${pct(s.accuracyStd)}  ` +
    `TAR@FAR1e-3 ${pct(s.tarAtFar1e3)}  threshold ${s.threshold.toFixed(4)}${weights}`
  );
}

/** The human-readable report. */
export function formatLfwReport(r: LfwResult): string {
  const ms = STAGES.map((s) => `${s} ${r.ms[s].ms.toFixed(1)} (n=${r.ms[s].count})`).join(', ');
  const total = STAGES.reduce((sum, s) => sum + r.ms[s].ms, 0);
  const out = [
    `LFW View 2: ${r.pairs} pairs in ${r.folds} folds, ${r.images} images`,
    `pack ${r.pack}, detector from ${r.detectorPack}, flip ${r.flip ? 'on' : 'off'}`,
    `faces missed: ${r.facesMissed} (no detected face covers the centre pixel; those images ` +
      'use fixed deep-funneled landmarks instead, so every pair is scored)',
    'models:',
    ...r.models.map(line),
  ];
  if (r.models.length > 1) {
    out.push('fusion (weights and threshold chosen on the 9 other folds for each fold):');
    out.push(line(r.headline));
    if (r.headline.foldWeights !== undefined) {
      out.push(
        `    per-fold weights: ${r.headline.foldWeights.map((w) => w[0]?.toFixed(2)).join(' ')}`,
      );
    }
    if (r.manifestFusion !== undefined) out.push(line(r.manifestFusion));
  }
  const cpu = STAGES.map((s) => `${s} ${r.ms[s].cpuMs.toFixed(1)}`).join(', ');
  const cpuTotal = STAGES.reduce((sum, s) => sum + r.ms[s].cpuMs, 0);
  const [loadStart, loadEnd] = r.loadAverage.map((l) => l.toFixed(2));
  out.push(
    `ms per face (${r.threads} thread(s), computed faces only): ${ms}; total ${total.toFixed(1)}`,
    `CPU ms per face (process CPU time, all threads): ${cpu}; total ${cpuTotal.toFixed(1)}`,
    `load average (1 min) at start ${loadStart}, at end ${loadEnd}, on ${cpus().length} cores`,
  );
  return out.join('\n');
}

/** The one-line JSON object `--json` ends with. */
export function lfwJson(r: LfwResult): Record<string, unknown> {
  const ms = perStage(r, 'ms');
  const cpuMs = perStage(r, 'cpuMs');
  return {
    accuracy: round(r.headline.accuracy, 5),
    accuracy_std: round(r.headline.accuracyStd, 5),
    tar_at_far_1e3: round(r.headline.tarAtFar1e3, 5),
    threshold_at_far_1e3: round(r.headline.thresholdAtFar1e3, 5),
    threshold: round(r.headline.threshold, 5),
    faces_missed: r.facesMissed,
    ms,
    cpu_ms: cpuMs,
    load_average: r.loadAverage.map((l) => round(l, 2)),
    cores: cpus().length,
    pack: r.pack,
    detector_pack: r.detectorPack,
    flip: r.flip,
    pairs: r.pairs,
    images: r.images,
    threads: r.threads,
    weights: r.headline.weights,
    models: r.models.map((m) => ({
      name: m.name,
      accuracy: round(m.accuracy, 5),
      accuracy_std: round(m.accuracyStd, 5),
      tar_at_far_1e3: round(m.tarAtFar1e3, 5),
      threshold_at_far_1e3: round(m.thresholdAtFar1e3, 5),
      threshold: round(m.threshold, 5),
    })),
  };
}

function perStage(r: LfwResult, field: 'ms' | 'cpuMs'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of STAGES) out[s] = round(r.ms[s][field], 2);
  out.total = round(
    STAGES.reduce((sum, s) => sum + r.ms[s][field], 0),
    2,
  );
  return out;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
