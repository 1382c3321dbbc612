// The infrastructure checks: Terraform (validated by terraform itself against the local
// provider mirror when both exist, required under CI=true), workflows, compose, Dockerfile
// and deploy scripts (no Docker engine or cloud account needed).
module.exports = require('../tools/jest/node-project.cjs')({
  displayName: 'infra',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  testTimeout: 60000,
});
