module.exports = {
  ...require('../jest.preset.js'),
  rootDir: __dirname,
  testTimeout: 60000,
  setupFiles: ['<rootDir>/test-support/jest/env.ts', '<rootDir>/test-support/jest/every-port.ts'],
  globalSetup: '<rootDir>/test-support/jest/global-setup.ts',
  globalTeardown: '<rootDir>/test-support/jest/global-teardown.ts',
};
