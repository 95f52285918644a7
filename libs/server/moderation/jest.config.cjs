// The policy engine is pure: its tests need no PostgreSQL, so the preset's global
// setup/teardown (which start one) are left out.
const preset = { ...require('../../../jest.preset.cjs') };
delete preset.globalSetup;
delete preset.globalTeardown;

module.exports = {
  ...preset,
  displayName: 'server-moderation',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
