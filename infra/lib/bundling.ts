import { join, resolve } from 'node:path';
import { routeAuthTable, type Route } from '@seal/shared/api';

/** The checkout's root: NodejsFunction's project root and the base of every entry path. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** The source file of an API handler: `functions/src/entry/handlers/<handler>.ts` exports `handler`. */
export function handlerEntry(handler: string): string {
  return join(REPO_ROOT, 'functions', 'src', 'entry', 'handlers', `${handler}.ts`);
}

export const AUTHORIZER_ENTRY = join(REPO_ROOT, 'functions', 'src', 'entry', 'authorizer.ts');
export const RENEWAL_JOB_ENTRY = join(REPO_ROOT, 'functions', 'src', 'entry', 'jobs', 'renewal-job.ts');
/** The daily archive job: document timestamps for kept PDFs (decision 0171). */
export const ARCHIVE_JOB_ENTRY = join(REPO_ROOT, 'functions', 'src', 'entry', 'jobs', 'archive-timestamp-job.ts');
/** The platform bootstrap (root CA and TSA certificates), run by a trigger after each deployment (decision 0029). */
export const BOOTSTRAP_ENTRY = join(REPO_ROOT, 'functions', 'src', 'entry', 'jobs', 'bootstrap-platform.ts');
export const AUDIT_ARCHIVE_ENTRY = join(REPO_ROOT, 'functions', 'src', 'entry', 'jobs', 'audit-archive.ts');
/** The audit chainer on the table stream (decision 0160). */
export const AUDIT_CHAIN_ENTRY = join(REPO_ROOT, 'functions', 'src', 'entry', 'jobs', 'audit-chain.ts');
/** The audit checkpoint job (decision 0227). */
export const AUDIT_CHECKPOINT_JOB_ENTRY = join(REPO_ROOT, 'functions', 'src', 'entry', 'jobs', 'audit-checkpoint-job.ts');
export const SIGN_BATCH_WORKER_ENTRY = join(REPO_ROOT, 'functions', 'src', 'entry', 'jobs', 'sign-batch-worker.ts');

/**
 * The session authorizer's view of the route table (route key → auth mode), written into its
 * bundle as the constant `SEAL_ROUTE_AUTH` (functions/src/entry/authorizer.ts): importing the
 * table would bring every route's schemas into the one function that reads them all (decision 0040).
 */
export function authorizerDefine(routes: readonly Route[]): Record<string, string> {
  return { SEAL_ROUTE_AUTH: JSON.stringify(routeAuthTable(routes)) };
}

/**
 * The esbuild options both NodejsFunction (infra) and the bundle bench use, so the bench measures
 * what is deployed. The AWS SDK is bundled (not taken from the runtime) so each function carries
 * exactly the clients it imports, tree-shaken and at the version the tests ran against.
 */
export const BUNDLE_OPTIONS = {
  target: 'node22',
  minify: true,
  sourceMap: false,
  format: 'cjs',
  mainFields: ['module', 'main'],
  // Chinese messages as UTF-8 (3 bytes a character) rather than \uXXXX escapes (6); licences stay in
  // node_modules, not in every bundle.
  charset: 'utf8',
  legalComments: 'none',
} as const;

/**
 * Modules replaced at bundling time, for both NodejsFunction and the bench (decisions 0022, 0028):
 * the SDK's default credential chain is reduced to the environment, where Lambda puts the role's
 * credentials; ElectroDB's model validator is skipped (the models are validated by every test run);
 * ElectroDB's own `require` of lib-dynamodb gets an empty module (the store gives it the commands,
 * decision 0215; our code imports the package as `#lib-dynamodb`, which the alias does not match),
 * and ElectroDB's entity and transaction modules without its index (no `Service`).
 * Tests and the local stack run the real modules.
 */
export const BUNDLE_ALIASES: Record<string, string> = {
  '@aws-sdk/credential-provider-node': join(REPO_ROOT, 'functions', 'src', 'adapters', 'aws', 'lambda-credentials.ts'),
  jsonschema: join(REPO_ROOT, 'functions', 'src', 'adapters', 'dynamodb', 'no-model-validation.ts'),
  '@aws-sdk/lib-dynamodb': join(REPO_ROOT, 'functions', 'src', 'adapters', 'dynamodb', 'no-document-commands.ts'),
  electrodb: join(REPO_ROOT, 'functions', 'src', 'adapters', 'dynamodb', 'electrodb-entity-only.ts'),
};

/** The aliases as esbuild command-line arguments (NodejsFunction's `esbuildArgs`). */
export function aliasArgs(): Record<string, string> {
  return {
    ...Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([from, to]) => [`--alias:${from}`, to])),
    '--legal-comments': BUNDLE_OPTIONS.legalComments,
  };
}
