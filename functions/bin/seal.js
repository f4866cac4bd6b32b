#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (a root dev dependency), so no build step is needed.
require('tsx/cjs');
const { run } = require('../src/entry/cli/seal.ts');
run(process.argv.slice(2), {
  // Loaded on demand: the demo pulls in the whole local stack (functions/dev), `seal verify` does not.
  async demo(argv, out) {
    const { parseDemoArgs, runDemo } = require('../dev/demo/demo-command.ts');
    const args = parseDemoArgs(argv);
    return args ? runDemo(args, out) : null;
  },
});
