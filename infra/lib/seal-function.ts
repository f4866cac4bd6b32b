import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BUNDLE_OPTIONS, REPO_ROOT, aliasArgs } from './bundling';
import type { FunctionPermissions } from './function-permissions';
import { grantPermissions, grantSecretReads, type GrantTargets } from './grant-permissions';
import { suppressFunctionFindings } from './nag-suppressions';
import { SECRET_ENV, type PlatformSecretName, type PlatformSecrets } from './platform-secrets';
import type { StageSettings } from './stage-settings';
import { join } from 'node:path';

export interface SealFunctionProps {
  /** The route table's handler name, or `authorizer` / `renewal-job` / `archive-job` / `audit-archive`. */
  name: string;
  entry: string;
  exportName?: string;
  permissions: FunctionPermissions;
  settings: StageSettings;
  environment: Record<string, string>;
  targets: GrantTargets;
  secrets: PlatformSecrets;
  removalPolicy: RemovalPolicy;
  /** Constants written into the bundle (esbuild `define`): the authorizer's route table. */
  define?: Record<string, string>;
  /** An API handler behind CloudFront: it reads the origin secret and refuses requests without it. */
  behindEdge?: boolean;
}

/**
 * One Lambda with its own role and log group: Node.js 22 on arm64, bundled by the local esbuild
 * (no Docker), permissions exactly as its function-permissions.ts entry says.
 */
export class SealFunction extends Construct {
  readonly fn: lambda.Function;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: SealFunctionProps) {
    super(scope, id);
    const { settings, permissions } = props;
    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description: `seal-platform ${props.name}` });
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: settings.logRetentionDays as logs.RetentionDays, removalPolicy: props.removalPolicy });
    logGroup.grantWrite(this.role);

    const environment: Record<string, string> = { ...props.environment };
    // Only the secrets' ARNs are configuration (decision 0023): the function reads the values at
    // run time through the Parameters and Secrets extension (functions/src/config/runtime-secrets.ts),
    // so they are not visible to whoever may read the function's configuration. Each function
    // gets only the secrets its entry names; every one but the audit writer the session secret.
    const names: PlatformSecretName[] = [...(permissions.sessionSecret === false ? [] : (['session'] as const)), ...(permissions.secrets ?? []), ...(props.behindEdge ? (['originVerify'] as const) : [])];
    const secrets = names.map((name) => props.secrets.all[name]);
    names.forEach((name, i) => (environment[SECRET_ENV[name].arn] = secrets[i]!.secretArn));

    const common = {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      role: this.role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      memorySize: permissions.memoryMb ?? 512,
      timeout: Duration.seconds(permissions.timeoutSeconds ?? 10),
      environment,
      description: `seal-platform ${settings.stage} ${props.name}`,
      ...(secrets.length ? { paramsAndSecrets: secretsExtension(settings) } : {}),
    };
    const handler = props.exportName ?? 'handler';
    this.fn =
      settings.bundling === 'stub'
        ? new lambda.Function(this, 'Function', { ...common, handler: `index.${handler}`, code: lambda.Code.fromInline(`exports.${handler} = async () => ({ statusCode: 501 });`) })
        : new nodejs.NodejsFunction(this, 'Function', {
            ...common,
            entry: props.entry,
            handler,
            projectRoot: REPO_ROOT,
            depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
            bundling: {
              target: BUNDLE_OPTIONS.target,
              minify: BUNDLE_OPTIONS.minify,
              sourceMap: BUNDLE_OPTIONS.sourceMap,
              mainFields: [...BUNDLE_OPTIONS.mainFields],
              charset: nodejs.Charset.UTF8,
              format: nodejs.OutputFormat.CJS,
              bundleAwsSDK: true,
              forceDockerBundling: false,
              esbuildArgs: aliasArgs(),
              ...(props.define ? { define: props.define } : {}),
              ...(permissions.cjkFont ? { commandHooks: CJK_FONT_HOOKS } : {}),
            },
          });
    grantPermissions(this.role, permissions, props.targets);
    grantSecretReads(this.role, secrets, props.targets.keys.data);
    suppressFunctionFindings(this.role, this.fn, permissions, props.targets.keyCustody === 'kms-asymmetric');
  }
}

/** The AWS Parameters and Secrets Lambda Extension: CDK's own table, or the layer named by context. */
function secretsExtension(settings: StageSettings): lambda.ParamsAndSecretsLayerVersion {
  return settings.paramsAndSecretsLayerArn
    ? lambda.ParamsAndSecretsLayerVersion.fromVersionArn(settings.paramsAndSecretsLayerArn)
    : lambda.ParamsAndSecretsLayerVersion.fromVersion(lambda.ParamsAndSecretsVersions.V1_0_103);
}

/**
 * functions/src/engines/fonts/noto-sans-sc.ts finds the fonts with require.resolve('@embedpdf/fonts-sc'):
 * copy the package's entry and the two weights it reads (16 MB of the package's 41 MB) next to
 * the bundle, offline.
 */
const CJK_FONT_HOOKS: nodejs.ICommandHooks = {
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (_inputDir: string, outputDir: string) => {
    const from = join(REPO_ROOT, 'node_modules', '@embedpdf', 'fonts-sc');
    const to = join(outputDir, 'node_modules', '@embedpdf', 'fonts-sc');
    return [
      `mkdir -p "${to}/dist" "${to}/fonts"`,
      `cp "${from}/package.json" "${to}/package.json"`,
      `cp "${from}/dist/index.cjs" "${from}/dist/index.js" "${to}/dist/"`,
      `cp "${from}/fonts/NotoSansHans-Regular.otf" "${from}/fonts/NotoSansHans-Bold.otf" "${to}/fonts/"`,
    ];
  },
};
