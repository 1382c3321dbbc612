// One jest run for the whole workspace, so the closing summary covers every suite.
const { existsSync } = require('node:fs');
const path = require('node:path');
const api = require('./apps/api/jest.config.cjs');

const engines = (process.env.TEST_DB_ENGINES ?? 'pglite,postgres')
  .split(',')
  .map((e) => e.trim())
  .filter(Boolean);

/** Projects whose config exists (the infrastructure checks and the browser end-to-end suite). */
const optional = (...files) =>
  files
    .filter((file) => existsSync(path.join(__dirname, file)))
    .map((file) => require(`./${file}`));

module.exports = {
  // Database and browser suites boot real servers; unit tests finish in milliseconds anyway.
  testTimeout: 60000,
  globalSetup: './tools/jest/global-setup.cjs',
  globalTeardown: './tools/jest/global-teardown.cjs',
  projects: [
    require('./libs/money/jest.config.cjs'),
    require('./libs/contracts/jest.config.cjs'),
    api.unit,
    ...engines.map((engine) => api[engine]),
    require('./apps/web/jest.config.cjs'),
    ...optional(
      'infra/jest.config.cjs',
      'apps/web/e2e/jest.config.cjs',
      'apps/api/test/resilience/jest.config.cjs',
    ),
  ],
};
