import { App, Stack, Tags } from 'aws-cdk-lib';
import { SealPlatformStack } from './seal-platform-stack';
import { stageSettings } from './stage-settings';
import { checkWithNag } from './nag';
import { ROUTES, type Route } from '@seal/shared/api';
import { EdgeFirewall } from './edge-firewall';

/** Feature flags, here rather than in cdk.json so tests synthesize exactly what `cdk synth` does. */
const FEATURE_FLAGS = {
  '@aws-cdk/core:checkSecretUsage': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-lambda-nodejs:sdkV3ExcludeSmithyPackages': true,
};

/** Where the stacks go; the CLI's account and region unless a test names them. */
export interface AppEnvironment {
  account?: string;
  region?: string;
}

const CLI_ENVIRONMENT: AppEnvironment = { account: process.env.CDK_DEFAULT_ACCOUNT || undefined, region: process.env.CDK_DEFAULT_REGION || undefined };

/**
 * The CDK app for one stage: `-c stage=dev|prod` (default dev). A web ACL for CloudFront must be
 * made in us-east-1 (decision 0074): when the platform goes to another region, a small
 * `SealPlatformEdge-<stage>` stack there holds it and the main stack reads its ARN across regions.
 */
export function buildApp(context: Record<string, unknown> = {}, routes?: readonly Route[], env: AppEnvironment = CLI_ENVIRONMENT) {
  const app = new App({ context: { ...FEATURE_FLAGS, ...context } });
  const settings = stageSettings(app.node, env.region);
  const separateEdge = settings.edge === 'cloudfront-waf' && env.region !== undefined && env.region !== 'us-east-1';
  let edgeStack: Stack | undefined;
  let firewall: EdgeFirewall | undefined;
  if (separateEdge) {
    edgeStack = new Stack(app, `SealPlatformEdge-${settings.stage}`, {
      env: { account: env.account, region: 'us-east-1' },
      crossRegionReferences: true,
      description: `Electronic seal platform (${settings.stage}): the API's AWS WAF web ACL (CloudFront scope)`,
    });
    firewall = new EdgeFirewall(edgeStack, 'Firewall', { stage: settings.stage, routes: routes ?? ROUTES });
  }
  const stack = new SealPlatformStack(app, `SealPlatform-${settings.stage}`, {
    settings,
    routes,
    env,
    ...(firewall ? { webAclArn: firewall.webAcl.attrArn, crossRegionReferences: true } : {}),
    description: `Electronic seal platform (${settings.stage})`,
  });
  for (const made of [stack, edgeStack]) {
    if (!made) continue;
    Tags.of(made).add('project', 'seal-platform');
    Tags.of(made).add('stage', settings.stage);
  }
  const nag = checkWithNag(app);
  return { app, stack, edgeStack, firewall: firewall ?? stack.firewall, settings, nag };
}
