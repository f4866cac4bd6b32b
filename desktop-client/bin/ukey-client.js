#!/usr/bin/env node
// The UKey 签章客户端: runs the TypeScript sources through tsx (a root dev dependency), so no build step.
try {
  require.resolve('pkcs11js/build/Release/pkcs11.node');
} catch {
  // npm may skip a dependency's install script; the PKCS#11 binding is native and must be built.
  console.error('PKCS#11 组件尚未编译，请先运行: npm rebuild pkcs11js');
  process.exit(2);
}
require('tsx/cjs');
require('../src/main.ts')
  .main(process.argv.slice(2))
  .catch((e) => {
    console.error('UKey签章客户端启动失败:', e.message);
    process.exit(1);
  });
