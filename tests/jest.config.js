// End-to-end journeys: each file starts the whole local stack and a Chromium, so files run one at a time.
module.exports = {
  ...require('../jest.preset.js'),
  rootDir: __dirname,
  testTimeout: 180000,
  maxWorkers: 1,
  setupFiles: ['<rootDir>/../functions/test-support/jest/env.ts', '<rootDir>/../functions/test-support/jest/every-port.ts'],
  // Every journey fails on a Content-Security-Policy violation in its pages.
  setupFilesAfterEnv: ['<rootDir>/support/csp-guard.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
};
