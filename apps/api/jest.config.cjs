const nodeProject = require('../../tools/jest/node-project.cjs');

// Unit specs sit beside the code; database specs (test/**/*.db-spec.ts) run twice through
// the real app module: once on the embedded PGlite and once on a fresh PostgreSQL database.
const dbProject = (engine) =>
  nodeProject({
    displayName: `api-db:${engine}`,
    rootDir: __dirname,
    testMatch: ['<rootDir>/test/**/*.db-spec.ts'],
    globals: { TEST_DB_ENGINE: engine },
    testTimeout: 60000,
    slowTestThreshold: 30,
  });

module.exports = {
  unit: nodeProject({
    displayName: 'api-unit',
    rootDir: __dirname,
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
  }),
  pglite: dbProject('pglite'),
  postgres: dbProject('postgres'),
};
