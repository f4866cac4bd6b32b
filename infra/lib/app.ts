import { App, Tags } from 'aws-cdk-lib';
import { SealPlatformStack } from './seal-platform-stack';
import { stageSettings } from './stage-settings';
import { checkWithNag } from './nag';
import type { RouteDef } from '../../shared/src/api/route';

/** The CDK app for one stage: `-c stage=dev|prod` (default dev). */
export function buildApp(context: Record<string, unknown> = {}, routes?: readonly RouteDef[]) {
  const app = new App({ context });
  const settings = stageSettings(app.node);
  const stack = new SealPlatformStack(app, `SealPlatform-${settings.stage}`, {
    settings,
    routes,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    description: `Electronic seal platform (${settings.stage})`,
  });
  Tags.of(stack).add('project', 'seal-platform');
  Tags.of(stack).add('stage', settings.stage);
  const nag = checkWithNag(app);
  return { app, stack, settings, nag };
}
