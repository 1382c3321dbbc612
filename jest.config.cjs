// One jest run for the whole workspace, so the closing summary covers every suite.
const api = require('./apps/api/jest.config.cjs');

const engines = (process.env.TEST_DB_ENGINES ?? 'pglite,postgres')
  .split(',')
  .map((e) => e.trim())
  .filter(Boolean);

module.exports = {
  projects: [
    require('./libs/money/jest.config.cjs'),
    require('./libs/contracts/jest.config.cjs'),
    api.unit,
    ...engines.map((engine) => api[engine]),
    require('./apps/web/jest.config.cjs'),
  ],
};
