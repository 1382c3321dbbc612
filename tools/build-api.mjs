// Compiles the API (and the libs it imports) with swc, CommonJS with decorator metadata,
// rewriting the @atm/* path aliases to relative paths. Output: dist/apps/api, or the
// directory given with --out (the test suites build their own copy).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? process.argv[outIndex + 1] : 'dist/apps/api';

rmSync(outDir, { recursive: true, force: true });
const result = spawnSync(
  process.execPath,
  [
    'node_modules/@swc/cli/bin/swc.js',
    'apps/api/src',
    'libs/contracts/src',
    'libs/money/src',
    '--out-dir',
    outDir,
    '--config-file',
    'apps/api/.swcrc',
    '--quiet',
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
