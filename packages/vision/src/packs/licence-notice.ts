import type { PackManifest } from './manifest';

/**
 * The notice shown when a pack is installed or listed: the licence in its authors' words,
 * and a plain statement when commercial use is not allowed or unclear.
 */
export function licenceNotice(manifest: PackManifest): string {
  const { summary, commercialUse, url } = manifest.licence;
  const where = url === undefined ? '' : ` (${url})`;
  const use =
    commercialUse === 'allowed'
      ? 'Commercial use is allowed by its licence.'
      : commercialUse === 'not-allowed'
        ? 'These weights are for NON-COMMERCIAL RESEARCH ONLY: do not use them in a commercial ' +
          'product or service.'
        : 'Whether commercial use is allowed is unclear: ask the authors before relying on it.';
  return `Licence of ${manifest.name}: ${summary}${where}\n${use}`;
}
