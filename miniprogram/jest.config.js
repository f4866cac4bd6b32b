// The root preset, run in jsdom with the H5 flavour of platform files (`x.h5.ts` is tried before
// `x.ts`); weapp files are tested by importing them by their full name. Taro and NutUI are
// replaced by small stand-ins in test/ (their real builds need a mini-program or browser runtime).
const preset = require('../jest.preset.js');

module.exports = {
  ...preset,
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  transform: {
    '^.+\\.(t|j|mj|cj)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['h5.ts', 'h5.tsx', ...preset.moduleFileExtensions],
  moduleNameMapper: {
    '\\.css$': '<rootDir>/test/style-stub.js',
    '^@tarojs/taro$': '<rootDir>/test/taro-stub.ts',
    '^@tarojs/components$': '<rootDir>/test/taro-components-stub.tsx',
    // Also './nutui' from inside src/components.
    '(/components|^\\.)/nutui$': '<rootDir>/test/nutui-stub.tsx',
  },
  setupFiles: ['<rootDir>/test/setup.ts'],
  testPathIgnorePatterns: [...preset.testPathIgnorePatterns, '/dist-h5/'],
};
