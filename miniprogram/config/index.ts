import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// The app imports the shared domain (permission matrix, seal machine, labels) as TypeScript source:
// Taro compiles only src/ unless told, so the shared package's source is added to both builds.
const sharedSource = [path.resolve(__dirname, '../../shared/src')];

// npm may hoist @babel/runtime to the root or keep it under miniprogram/ (the lock file decides);
// NutUI's icons, at the root, must find it either way.
const babelRuntime = [
  path.resolve(__dirname, '../node_modules/@babel/runtime'),
  path.resolve(__dirname, '../../node_modules/@babel/runtime'),
].find((dir) => existsSync(dir));

// The weapp build talks to an absolute API origin fixed at build time; the H5 build is served by
// the same origin as the API, so it calls relative paths (`/v1/...`).
const apiBase = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? 'http://localhost:8080');

export default defineConfig<'webpack5'>((merge) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'seal-miniprogram',
    date: '2025-01-01',
    // Our styles are drawn on a 750-wide design; NutUI's stylesheets on a 375-wide one.
    designWidth(input?: string | number | { file?: string }) {
      return typeof input === 'object' && input.file?.replace(/\\+/g, '/').includes('@nutui/') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist',
    plugins: [],
    alias: babelRuntime ? { '@babel/runtime': babelRuntime } : {},
    env: { TARO_APP_API_BASE: JSON.stringify(apiBase) },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: sharedSource },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      compile: { include: sharedSource },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // pdf.js (文件签章 page previews, decision 0020) ships minified already; Taro's terser options
      // quote every key (`quote_keys`), which turns its private methods into `static#"e"`, a
      // syntax error. Its two lazy chunks are left as they are.
      webpackChain(chain) {
        // Only production builds minify; `minimizers` is in webpack-chain but not in its types.
        const minimizers = (chain.optimization as unknown as { minimizers: Map<string, unknown> }).minimizers;
        if (minimizers.has('terserPlugin')) {
          chain.optimization.minimizer('terserPlugin').tap(([options]) => [{ ...options, exclude: /pdfjs/ }]);
        }
      },
      // `npm run dev:h5`: the page on :10086, API calls forwarded to the local stack.
      devServer: {
        host: '127.0.0.1',
        port: 10086,
        proxy: [{ context: ['/v1'], target: process.env.TARO_APP_API_BASE ?? 'http://localhost:8080', changeOrigin: true }],
      },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return merge({}, base);
});
