import { App, Tags } from 'aws-cdk-lib';
import { SealPlatformStack } from './seal-platform-stack';
import { stageSettings } from './stage-settings';
import { checkWithNag } from './nag';
import type { Route } from '@seal/shared/api';

/** Feature flags, here rather than in cdk.json so tests synthesize exactly what `cdk synth` does. */
const FEATURE_FLAGS = {
  '@aws-cdk/core:checkSecretUsage': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-lambda-nodejs:sdkV3ExcludeSmithyPackages': true,
};

/** The CDK app for one stage: `-c stage=dev|prod` (default dev). */
export function buildApp(context: Record<string, unknown> = {}, routes?: readonly Route[]) {
  const app = new App({ context: { ...FEATURE_FLAGS, ...context } });
  const settings = stageSettings(app.node);
  const stack = new SealPlatformStack(app, `SealPlatform-${settings.stage}`, {
    settings,
    routes,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT || undefined, region: process.env.CDK_DEFAULT_REGION || undefined },
    description: `Electronic seal platform (${settings.stage})`,
  });
  Tags.of(stack).add('project', 'seal-platform');
  Tags.of(stack).add('stage', settings.stage);
  const nag = checkWithNag(app);
  return { app, stack, settings, nag };
}
