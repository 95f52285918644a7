// Shared Jest settings for every project: TypeScript through ts-jest (transpile only;
// `npm run typecheck` checks types), workspace aliases, and one PostgreSQL per run.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: path.join(__dirname, '/') }),
  globalSetup: path.join(__dirname, 'tools/jest/global-setup.mjs'),
  globalTeardown: path.join(__dirname, 'tools/jest/global-teardown.mjs'),
  testTimeout: 30000,
};
