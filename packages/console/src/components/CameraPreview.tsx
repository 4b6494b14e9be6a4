import { useEffect, useRef, useState } from 'react';

import type { Camera, Sighting } from '../api/types';
import { useSession } from '../app/session';

const REFRESH_MS = 1_000;

/** The camera's newest frame, refreshed each second, with matched faces boxed and named. */
export function CameraPreview({ camera }: { camera: Camera }) {
  const { api } = useSession();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [message, setMessage] = useState('Waiting for a frame…');

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const base = `/v1/cameras/${encodeURIComponent(camera.id)}`;

    const draw = async () => {
      const [frame, { sightings }] = await Promise.all([
        api.blob(`${base}/frame`),
        api.get<{ sightings: Sighting[] }>(`${base}/sightings`),
      ]);
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
          ? 'No face matched in the last two seconds.'
          : [...new Set(sightings.map((s) => s.name ?? 'Unknown'))].join(', '),
      );
    };
    const loop = () => {
      draw()
        .catch(() => setMessage('No recent frame from this camera; see its status.'))
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
