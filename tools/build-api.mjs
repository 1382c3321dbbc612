// Compiles the API (and the libs it imports) with swc into dist/apps/api, CommonJS with
// decorator metadata, rewriting the @atm/* path aliases to relative paths.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist/apps/api', { recursive: true, force: true });
const result = spawnSync(
  process.execPath,
  [
    'node_modules/@swc/cli/bin/swc.js',
    'apps/api/src',
    'libs/contracts/src',
    'libs/money/src',
    '--out-dir',
    'dist/apps/api',
    '--config-file',
    'apps/api/.swcrc',
    '--quiet',
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
