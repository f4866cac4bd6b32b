#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (a root dev dependency), so no build step is needed.
require('tsx/cjs');
const { run } = require('../src/entry/cli/seal.ts');
run(process.argv.slice(2));
