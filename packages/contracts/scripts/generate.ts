// Generates TypeScript from proto/ with ts-proto, run through buf's own compiler (no protoc
// binary), then formats it with the repository's Prettier settings so the committed files
// pass format checks. Usage: `tsx scripts/generate.ts [out-dir]` (default src/generated).
import { generateContracts } from './generate-contracts';

const out = process.argv[2];

generateContracts(out).then(
  (files) => console.log(`generated ${files.length} file(s)`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
