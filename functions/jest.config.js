module.exports = {
  ...require('../jest.preset.js'),
  rootDir: __dirname,
  testTimeout: 60000,
  setupFiles: ['<rootDir>/test/env.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};
