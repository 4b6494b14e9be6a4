#!/usr/bin/env node
'use strict';
/* global require */
// A CommonJS entry on purpose: it runs before anything guarantees a TypeScript loader.
/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Run by `pnpm install` (root `postinstall`): assembles the default model pack from the
 * pinned npm packages its manifest names. The work is in @rollcall/vision
 * (packs/install/install-pack-sources.ts); this file only makes TypeScript loadable, so a
 * production install without dev dependencies still completes (with a warning).
 *
 * Usage: node scripts/install-default-pack.cjs [pack]   (default: rollcall-default)
 * Set ROLLCALL_SKIP_MODEL_INSTALL=1 to skip.
 */
if (process.env.ROLLCALL_SKIP_MODEL_INSTALL === '1') {
  console.log('rollcall: ROLLCALL_SKIP_MODEL_INSTALL=1, model pack not assembled');
  process.exit(0);
}

try {
  require('tsx/cjs');
} catch {
  console.warn(
    'rollcall: tsx is not installed, so the default model pack was not assembled. ' +
      'Install dev dependencies and run "node scripts/install-default-pack.cjs".',
  );
  process.exit(0);
}

// Only a checksum mismatch may fail the install; a bug here must not block `pnpm install`.
const fail = (err) => {
  console.warn(`rollcall: the model pack installer failed (${String(err)}); the install goes on.`);
  process.exitCode = 0;
};
try {
  require('./install-default-pack-main.ts')
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    }, fail);
} catch (err) {
  fail(err);
}
