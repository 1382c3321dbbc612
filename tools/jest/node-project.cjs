// Shared jest settings for the Node projects (api and libs).
// Nest 12 ships ESM only, so node_modules are transformed too (transformIgnorePatterns: [])
// by @swc/jest into CommonJS with legacy decorators and decorator metadata, as the
// compiled app is.
const path = require('node:path');

const workspaceRoot = path.resolve(__dirname, '../..');

const swcOptions = {
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const aliases = {
  '^@atm/contracts$': path.join(workspaceRoot, 'libs/contracts/src/index.ts'),
  '^@atm/money$': path.join(workspaceRoot, 'libs/money/src/index.ts'),
};

module.exports = function nodeProject({ displayName, rootDir, testMatch, ...rest }) {
  return {
    displayName,
    rootDir,
    testEnvironment: 'node',
    testMatch: testMatch ?? ['<rootDir>/src/**/*.spec.ts'],
    transform: { '^.+\\.(t|j|mj|cj)s$': ['@swc/jest', swcOptions] },
    transformIgnorePatterns: [],
    moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json', 'node'],
    moduleNameMapper: aliases,
    ...rest,
  };
};
module.exports.swcOptions = swcOptions;
module.exports.aliases = aliases;
