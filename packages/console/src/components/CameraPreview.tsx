import { useEffect, useRef, useState } from 'react';

import type { Camera, FrameSightings, Sighting } from '../api/types';
import { useSession } from '../app/session';

const REFRESH_MS = 1_000;

/**
 * The camera's newest frame, refreshed each second, with the faces matched in that very
 * frame boxed and named: the API picks the frame (the newest matched one when recent) and
 * its faces, and the picture is fetched by that frame's seq, so no box outlives its frame.
 */
export function CameraPreview({ camera }: { camera: Camera }) {
  const { api } = useSession();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [message, setMessage] = useState('Waiting for a frame…');

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const base = `/v1/cameras/${encodeURIComponent(camera.id)}`;

    const draw = async () => {
      const { frameSeq, sightings } = await api.get<FrameSightings>(`${base}/sightings`);
      if (frameSeq === null) throw new Error('No frame on the stream');
      const frame = await api.blob(`${base}/frame?seq=${frameSeq}`);
      const bitmap = await createImageBitmap(frame);
      const target = canvas.current;
      if (stopped || target === null) return;
      target.width = bitmap.width;
      target.height = bitmap.height;
      const context = target.getContext('2d');
      if (context === null) return;
      context.drawImage(bitmap, 0, 0);
      drawSightings(context, sightings, bitmap.width);
      setMessage(
        sightings.length === 0
          ? 'No face matched in this frame.'
          : [...new Set(sightings.map((s) => s.name ?? 'Unknown'))].join(', '),
      );
    };
    const loop = () => {
      draw()
        .catch(() => {
          // The last picture would be a stale one presented as current: blank it.
          const target = canvas.current;
          target?.getContext('2d')?.clearRect(0, 0, target.width, target.height);
          setMessage('No recent frame from this camera; see its status.');
        })
        .finally(() => {
          if (!stopped) timer = window.setTimeout(loop, REFRESH_MS);
        });
    };
    loop();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [api, camera.id]);

  return (
    <figure className="preview">
      <canvas ref={canvas} role="img" aria-label={`Latest frame of ${camera.name}`} />
      <figcaption aria-live="polite">{message}</figcaption>
    </figure>
  );
}

function drawSightings(context: CanvasRenderingContext2D, sightings: Sighting[], width: number) {
  const line = Math.max(2, width / 300);
  context.lineWidth = line;
  context.font = `${Math.round(line * 8)}px system-ui, sans-serif`;
  for (const s of sightings) {
    context.strokeStyle = s.personId === null ? '#b35900' : '#1a7f37';
    context.strokeRect(s.box.x, s.box.y, s.box.width, s.box.height);
    const label = `${s.name ?? 'Unknown'} ${s.score.toFixed(2)}`;
    context.fillStyle = context.strokeStyle;
    context.fillRect(
      s.box.x,
      s.box.y - line * 10,
      context.measureText(label).width + line * 2,
      line * 10,
    );
    context.fillStyle = '#fff';
    context.fillText(label, s.box.x + line, s.box.y - line * 2);
  }
}
