import { FaceAnalyzer, loadPack } from '@rollcall/vision';

/** The pack enrollment tests run: the one `pnpm install` installs. */
export const TEST_PACK = 'rollcall-default';

/** The analyzer of `TEST_PACK`, or undefined (with the reason printed) when absent. */
export async function analyzerIfPresent(): Promise<FaceAnalyzer | undefined> {
  try {
    return await FaceAnalyzer.create(await loadPack(TEST_PACK));
  } catch (error) {
    console.warn(`enrollment tests skipped: pack ${TEST_PACK} did not load (${String(error)})`);
    return undefined;
  }
}
