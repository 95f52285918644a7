module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'server-notifications',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
