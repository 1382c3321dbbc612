const { rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  if (process.env.ATM_TEST_BUILD_DIR)
    rmSync(process.env.ATM_TEST_BUILD_DIR, { recursive: true, force: true });
};
