import { visionSettings } from '@rollcall/config';
import {
  FaceAnalyzer,
  createDetector,
  inferenceOptionsFromSettings,
  loadPack,
  type FaceDetector,
  type LoadedPack,
} from '@rollcall/vision';
import type { GlobalOptions } from './global-options';

/** The analyzer the options ask for: `--pack` (or `ROLLCALL_PACK`), `--detector`, `--flip`. */
export async function openAnalyzer(options: GlobalOptions): Promise<FaceAnalyzer> {
  const settings = visionSettings();
  const pack = await loadPack(options.pack ?? settings.pack);
  const detectorPack =
    options.detector === undefined ? undefined : await loadPack(options.detector);
  return FaceAnalyzer.create(pack, {
    inference: inferenceOptionsFromSettings(settings),
    ...(detectorPack === undefined ? {} : { detectorPack }),
    ...(options.flip === undefined ? {} : { flip: options.flip }),
  });
}

/** Only a detector: `--detector` if given, else the pack's own (detector-only packs work). */
export async function openDetector(
  options: GlobalOptions,
): Promise<{ detector: FaceDetector; pack: LoadedPack }> {
  const settings = visionSettings();
  const pack = await loadPack(options.detector ?? options.pack ?? settings.pack);
  const detector = await createDetector(
    pack.manifest.detector,
    pack.files,
    inferenceOptionsFromSettings(settings),
  );
  return { detector, pack };
}
