import type { PreviewVerdict } from '../api/types';

/*
 * Where each bar is full, from the server's defaults (packages/vision quality thresholds):
 * 20 px between the eyes is the least accepted, so 40 is comfortably large; sharpness 20
 * is the least (the LFW median is 261), so 100 is clearly sharp; 40 degrees of yaw is the
 * most accepted.
 */
const FULL_EYES = 40;
const FULL_SHARPNESS = 100;
const MAX_YAW = 40;

/** Size, sharpness and how frontal the face is, with the server's verdict in words. */
export function QualityMeter({ verdict }: { verdict: PreviewVerdict | undefined }) {
  const q = verdict?.quality ?? null;
  const status =
    verdict === undefined
      ? 'Looking for a face…'
      : verdict.ok
        ? 'Good: take the photo.'
        : (verdict.issues[0]?.message ?? 'No face found.');

  return (
    <div className="quality">
      <p id="quality-status" role="status" className={verdict?.ok ? 'ok' : 'warn'}>
        {status}
      </p>
      <Bar label="Face size" value={q === null ? 0 : q.eyeDistance / FULL_EYES} />
      <Bar label="Sharpness" value={q === null ? 0 : q.sharpness / FULL_SHARPNESS} />
      <Bar label="Facing the camera" value={q === null ? 0 : 1 - Math.abs(q.yaw) / MAX_YAW} />
    </div>
  );
}

function Bar({ label, value }: { label: string; value: number }) {
  const clamped = Math.max(0, Math.min(1, value));
  return (
    <label className="meter">
      <span>{label}</span>
      <meter min={0} max={1} low={0.5} high={0.8} optimum={1} value={clamped} />
    </label>
  );
}
