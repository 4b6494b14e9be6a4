import {
  ALIGNMENT_TEMPLATES,
  templateFor,
  templateKey,
  type AlignmentTemplate,
  type LoadedPack,
  type TemplateName,
} from '@rollcall/vision';

/**
 * The distinct templates a pack's recognisers need crops for, at their input sizes, in
 * manifest order: recognisers sharing a template and size share one crop (as
 * `FusedRecognizer.templates` lists them).
 */
export function packTemplates(pack: LoadedPack): AlignmentTemplate[] {
  const byKey = new Map<string, AlignmentTemplate>();
  for (const spec of pack.manifest.recognizers) {
    const [width, height] = spec.inputSize;
    const template = templateFor(spec.template, width, height);
    byKey.set(templateKey(template), template);
  }
  return [...byKey.values()];
}

/**
 * The `templateKey` of a crop that names its template and carries its size, or undefined
 * when the name is not a known template.
 */
export function cropTemplateKey(name: string, width: number, height: number): string | undefined {
  if (!Object.hasOwn(ALIGNMENT_TEMPLATES, name)) return undefined;
  return templateKey(templateFor(name as TemplateName, width, height));
}
