const nodeProject = require('../../../../tools/jest/node-project.cjs');

// The resilience harness (`npm run test:resilience`): one spec file, so that its scenarios
// run one after another even inside `npm test`. It needs PostgreSQL (the shared server for
// fresh databases, its binaries for private clusters) and redis-server; without PostgreSQL
// (TEST_DB_ENGINES has no "postgres", as tools/test.sh sets it) the scenarios are skipped.
// Size: RESILIENCE_OPS operations per workload scenario (400 by default, 10000 full size).
module.exports = nodeProject({
  displayName: 'resilience',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.resilience-spec.ts'],
  // A full-size run takes minutes; each scenario bounds its own loops and waits.
  testTimeout: 60 * 60 * 1000,
  slowTestThreshold: 600,
});
