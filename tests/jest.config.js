// End-to-end journeys: each file starts its own local stack (fresh data, free ports) and Chromium,
// shared by the file's journeys. Files share nothing, so two run at once: CI's two cores are used
// while one file waits on its browser or its stack.
module.exports = {
  ...require('../jest.preset.js'),
  rootDir: __dirname,
  testTimeout: 180000,
  maxWorkers: 2,
  setupFiles: ['<rootDir>/../functions/test-support/jest/env.ts'],
  // Every journey fails on a Content-Security-Policy violation in its pages.
  setupFilesAfterEnv: ['<rootDir>/support/csp-guard.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
};
