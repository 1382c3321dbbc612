// `npm run admin -- <command>`: builds the API when its sources are newer than the build
// (development), then runs the compiled CLI with the given arguments.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const entry = 'dist/apps/api/apps/api/src/cli.js';

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name);
    newest = Math.max(newest, name.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const canBuild = existsSync('apps/api/src') && existsSync('node_modules/@swc/cli');
if (canBuild) {
  const sources = Math.max(
    ...['apps/api/src', 'libs/contracts/src', 'libs/money/src'].map(newestMtime),
  );
  if (!existsSync(entry) || statSync(entry).mtimeMs < sources) {
    const build = spawnSync(process.execPath, ['tools/build-api.mjs'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}
const result = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
