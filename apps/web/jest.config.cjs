const path = require('node:path');
const { aliases } = require('../../tools/jest/node-project.cjs');

module.exports = {
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    ...aliases,
    '\\.(css)$': 'identity-obj-proxy',
    '\\.(svg|png)$': path.join(__dirname, 'src/test/file-stub.cjs'),
  },
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
};
