module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'server-forums',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
