// The root preset in jsdom, with React's automatic JSX runtime; logic pieces only (no pdf.js, no Vite).
const preset = require('../jest.preset.js');

module.exports = {
  ...preset,
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  transform: {
    '^.+\\.(t|j|mj|cj)sx?$': [
      '@swc/jest',
      {
        jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: { '\\.css$': '<rootDir>/src/test/style-stub.cjs' },
};
