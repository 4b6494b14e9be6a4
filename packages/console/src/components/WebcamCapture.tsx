import { useEffect, useRef, useState } from 'react';

import { describeError } from '../api/client';
import type { EnrollmentResult, PreviewVerdict } from '../api/types';
import type { SendPhotos } from '../app/send-photos';
import { useSession } from '../app/session';
import { EnrollmentOutcome } from './EnrollmentOutcome';
import { QualityMeter } from './QualityMeter';

/** How often a frame is judged: about what the server takes per frame on one core. */
const PREVIEW_EVERY_MS = 600;

/**
 * The browser's camera (getUserMedia) with the server's verdict drawn live: a box per
 * face (green when the photo would be accepted) and a quality meter. "Take photo" enrols
 * the current frame.
 */
export function WebcamCapture({ send }: { send: SendPhotos }) {
  const { api } = useSession();
  const video = useRef<HTMLVideoElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const [verdict, setVerdict] = useState<PreviewVerdict | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [result, setResult] = useState<EnrollmentResult | undefined>();
  const [taken, setTaken] = useState(0);
  const [busy, setBusy] = useState(false);
  const [unavailable, setUnavailable] = useState<string | undefined>();

  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopped = false;
    let timer: number | undefined;

    const judge = async () => {
      const element = video.current;
      if (stopped || element === null || element.videoWidth === 0) return;
      try {
        const frame = await grabFrame(element, 0.8);
        const next = await api.bytes<PreviewVerdict>('/v1/vision/preview', frame);
        if (stopped) return;
        setVerdict(next);
        drawBoxes(overlay.current, next);
      } catch (e) {
        if (!stopped) setError(describeError(e));
      }
    };
    const loop = () => {
      void judge().finally(() => {
        if (!stopped) timer = window.setTimeout(loop, PREVIEW_EVERY_MS);
      });
    };

    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || video.current === null) return;
        video.current.srcObject = s;
        await video.current.play();
        loop();
      })
      .catch((e: unknown) => setUnavailable(describeError(e)));

    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [api]);

  const take = async () => {
    if (video.current === null) return;
    setBusy(true);
    try {
      const frame = await grabFrame(video.current, 0.92);
      const form = new FormData();
      form.append('file', frame, `camera-${taken + 1}.jpg`);
      const outcome = await send(form);
      setResult(outcome);
      setTaken((n) => n + outcome.accepted.length);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  if (unavailable !== undefined) {
    // Without a camera the preview, the meter and "Take photo" mean nothing: only the way on.
    return (
      <div className="webcam" role="alert">
        <p>The camera could not be opened ({unavailable}).</p>
        <ul>
          <li>Allow camera access for this site (the camera icon in the address bar).</li>
          <li>Close other apps or tabs that use the camera, then reload this page.</li>
          <li>Or choose “Upload photos” above and enroll from photo files.</li>
        </ul>
      </div>
    );
  }
  return (
    <div className="webcam">
      <div className="video-frame">
        <video ref={video} muted playsInline aria-label="Camera preview" />
        <canvas ref={overlay} aria-hidden="true" />
      </div>
      <QualityMeter verdict={verdict} />
      <button
        type="button"
        onClick={() => void take()}
        disabled={busy || verdict?.ok !== true}
        aria-describedby="quality-status"
      >
        {busy ? 'Enrolling…' : 'Take photo'}
      </button>
      <p className="muted">
        {taken === 0
          ? 'No photo taken yet.'
          : `${taken} ${taken === 1 ? 'photo' : 'photos'} taken and enrolled.`}
      </p>
      {error !== undefined && <p role="alert">{error}</p>}
      {result !== undefined && <EnrollmentOutcome result={result} />}
    </div>
  );
}

/** The video's current frame as a JPEG. */
function grabFrame(element: HTMLVideoElement, quality: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = element.videoWidth;
  canvas.height = element.videoHeight;
  canvas.getContext('2d')?.drawImage(element, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob === null ? reject(new Error('no frame')) : resolve(blob)),
      'image/jpeg',
      quality,
    ),
  );
}

function drawBoxes(canvas: HTMLCanvasElement | null, verdict: PreviewVerdict): void {
  if (canvas === null) return;
  canvas.width = verdict.width;
  canvas.height = verdict.height;
  const context = canvas.getContext('2d');
  if (context === null) return;
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.lineWidth = Math.max(2, verdict.width / 200);
  context.strokeStyle = verdict.ok ? '#1a7f37' : '#b35900';
  for (const { box } of verdict.faces) context.strokeRect(box.x, box.y, box.width, box.height);
}
