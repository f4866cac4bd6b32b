/**
 * The layering of functions/ (docs/architecture.md, decision 0029), checked on every `npm test`:
 *
 *   entry → http → domain → ports ← adapters        engines know nothing of the rest
 *   composition.ts and composition/ build the ports from the adapters; dev/ and test-support/ stay out of production.
 *
 * `npm run deps` runs it; functions/src/layers.test.ts shows each rule catching a crossing.
 */
const SRC = '^functions/src/';
const TESTS = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engines-know-no-domain',
      comment:
        'Engines (PDF, OFD, PKI, appearance, fonts, forms) take data and return codes and data: they import nothing ' +
        'from the domain, ports, adapters, entry points, configuration or the shared package (whose text is for people).',
      severity: 'error',
      from: { path: `${SRC}engines/`, pathNot: TESTS },
      to: { path: [`${SRC}(domain|ports|adapters|entry|http|config)/`, `${SRC}composition(\\.ts$|-|/)`, '^shared/'] },
    },
    {
      name: 'domain-uses-ports-not-adapters',
      comment: 'Use cases talk to ports; which adapter answers is decided in composition.ts and composition/ alone.',
      severity: 'error',
      from: { path: `${SRC}domain/`, pathNot: TESTS },
      to: { path: [`${SRC}(adapters|entry|http)/`, `${SRC}composition(\\.ts$|-|/)`] },
    },
    {
      name: 'documents-through-the-format-port',
      comment: 'The document use cases reach PDF and OFD through the DocumentFormat port, never the engines.',
      severity: 'error',
      from: { path: `${SRC}domain/`, pathNot: TESTS },
      to: { path: `${SRC}engines/(pdf|ofd)/` },
    },
    {
      name: 'ports-are-contracts',
      comment: 'A port is an interface and its data types: it depends on no implementation and no caller.',
      severity: 'error',
      from: { path: `${SRC}ports/` },
      to: { path: [`${SRC}(domain|adapters|entry|http)/`, `${SRC}composition(\\.ts$|-|/)`] },
    },
    {
      name: 'adapters-serve-ports',
      comment: 'Adapters implement ports with an outside system; they call no use case and no entry point.',
      severity: 'error',
      from: { path: `${SRC}adapters/`, pathNot: TESTS },
      to: { path: [`${SRC}(domain|entry|http)/`, `${SRC}composition(\\.ts$|-|/)`] },
    },
    {
      name: 'http-serves-entry-points',
      comment: 'The HTTP shell is used by entry points; nothing below it knows about HTTP.',
      severity: 'error',
      from: { path: `${SRC}(domain|ports|adapters|engines)/`, pathNot: TESTS },
      to: { path: `${SRC}http/` },
    },
    {
      name: 'production-has-no-test-support',
      comment: 'Production sources never import test helpers or the local stack.',
      severity: 'error',
      from: { path: SRC, pathNot: TESTS },
      to: { path: '^functions/(test-support|dev)/' },
    },
    {
      name: 'dev-is-not-a-test-helper',
      comment: 'The local stack and the demo run for developers, not only in tests: they use no test helper.',
      severity: 'error',
      from: { path: '^functions/dev/', pathNot: TESTS },
      to: { path: '^functions/test-support/' },
    },
    {
      name: 'apps-call-the-api',
      comment: 'The mini-program and the desktop site reach the platform over HTTP only.',
      severity: 'error',
      from: { path: '^(miniprogram|web)/src/' },
      to: { path: '^(functions|infra)/' },
    },
    {
      name: 'shared-stands-alone',
      comment: 'shared/ is browser-safe and is depended on, never depending.',
      severity: 'error',
      from: { path: '^shared/src/' },
      to: { path: '^(functions|infra|miniprogram|web|tests)/' },
    },
    {
      name: 'no-circular-in-engines',
      comment: 'An engine is a tree of modules, so a reader can follow it from its index.',
      severity: 'error',
      from: { path: `${SRC}engines/` },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '(^|/)dist', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
