// The browser end-to-end suite: the production build served by the real API server on a
// fresh embedded database, driven through Debian's Chromium with playwright-core.
const nodeProject = require('../../../tools/jest/node-project.cjs');

module.exports = nodeProject({
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  // Each file runs its journeys one after another in one browser.
  testTimeout: 120000,
  slowTestThreshold: 60,
  globalSetup: '<rootDir>/support/global-setup.cjs',
  globalTeardown: '<rootDir>/support/global-teardown.cjs',
});
