module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'server-knowledge',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
