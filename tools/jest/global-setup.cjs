// Once per `npm test`: compile the API into a directory of this run's own, so that suites
// which run the real entry points as child processes (admin CLI, worker, server) have
// them, and parallel runs never rebuild under each other's feet.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, '../..');
  const out = path.join('tmp', 'test-build', `run-${process.pid}-${Date.now()}`);
  const result = spawnSync(process.execPath, ['tools/build-api.mjs', '--out', out], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('could not compile the API for the tests');
  // Test workers are started after this and inherit the environment.
  process.env.ATM_TEST_BUILD_DIR = path.join(root, out);
};
