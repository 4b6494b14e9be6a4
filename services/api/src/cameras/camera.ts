/** How a camera's sightings count: `entry` checks in, `exit` checks out. */
export type CameraRole = 'entry' | 'exit';

/** A configured camera, as the API returns it (the URL with any password masked). */
export interface Camera {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  /** Frames per second ingest decodes; null: the source's own rate. */
  readonly fps: number | null;
  readonly role: CameraRole;
  /** Match threshold for this camera; null: the global setting. */
  readonly threshold: number | null;
  readonly createdAtMs: number;
  readonly updatedAtMs: number;
}

export interface NewCamera {
  readonly name: string;
  readonly url: string;
  readonly fps?: number | null;
  readonly role?: CameraRole;
  readonly threshold?: number | null;
}

/** Fields to change; `null` clears fps or threshold. */
export type CameraPatch = Partial<NewCamera>;

/** Live status as ingest writes it to `keys.cameraStatus(id)`; every field as text. */
export type CameraStatus = Readonly<Record<string, string>>;
