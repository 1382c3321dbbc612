// The infrastructure checks: Terraform, workflows, compose, Dockerfile and deploy scripts,
// all static (no terraform binary, Docker engine or cloud account needed).
module.exports = require('../tools/jest/node-project.cjs')({
  displayName: 'infra',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  testTimeout: 60000,
});
