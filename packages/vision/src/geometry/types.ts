/** A point in image pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned box in image pixels: top-left corner, width and height. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The five landmarks of the InsightFace convention, in this order: left eye, right eye,
 * nose tip, left mouth corner, right mouth corner ("left" as seen in the image).
 */
export type FivePoints = readonly [Point, Point, Point, Point, Point];
