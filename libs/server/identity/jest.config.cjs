module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'server-identity',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
