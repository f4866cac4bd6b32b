import { Stack, type CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { permissionsFor, AUTHORIZER_PERMISSIONS, RENEWAL_JOB_PERMISSIONS, type FunctionPermissions } from './function-permissions';
import { SECRET_ENV } from './platform-secrets';
import type { SealFunction } from './seal-function';
import { synthStage, type SynthesizedStage } from './testing/synth-stage';

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };
type FnProps = { Environment: { Variables: Record<string, unknown> }; Layers?: unknown[] };
const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const VALUE_NAMES = Object.values(SECRET_ENV).map((e) => e.value);

/** Every function of the stage with its template, its entry and its function and policy resources. */
function functionsOf(stage: SynthesizedStage) {
  const all: { name: string; fn: SealFunction; entry: FunctionPermissions; template: Template }[] = [
    { name: 'authorizer', fn: stage.stack.authorizer, entry: AUTHORIZER_PERMISSIONS, template: stage.main },
    { name: 'renewal-job', fn: stage.stack.renewalJob, entry: RENEWAL_JOB_PERMISSIONS, template: stage.main },
    ...[...stage.stack.handlerFunctions()].map(([name, fn]) => ({ name, fn, entry: permissionsFor(name), template: stage.handlerTemplates.get(name)! })),
  ];
  return all.map(({ name, fn, entry, template }) => {
    const resources = template.toJSON().Resources as Record<string, { Properties: unknown }>;
    const id = (e: unknown) => Stack.of(e as CfnElement).getLogicalId(e as CfnElement);
    const policy = fn.role.node.findChild('DefaultPolicy').node.defaultChild;
    return {
      name,
      entry,
      template,
      props: resources[id(fn.fn.node.defaultChild)]!.Properties as FnProps,
      statements: (resources[id(policy)]!.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement,
    };
  });
}

describe('secrets at run time', () => {
  let stage: SynthesizedStage;
  beforeAll(() => {
    stage = synthStage({ stage: 'prod' });
  });
  // How a secret shows in a template: its logical id in the parent, a parameter named after its path in a nested stack.
  const secretId = (name: keyof typeof SECRET_ENV) => `Secrets${stage.stack.secrets.all[name].node.id.replace(/-/g, '')}`;

  it('puts no secret value, and no dynamic reference to one, in any function environment', () => {
    for (const template of stage.all) {
      for (const fn of Object.values(template.findResources('AWS::Lambda::Function')) as { Properties: FnProps }[]) {
        const variables = fn.Properties.Environment?.Variables ?? {};
        expect(JSON.stringify(variables)).not.toContain('{{resolve:secretsmanager');
        expect(Object.keys(variables).filter((v) => VALUE_NAMES.includes(v))).toEqual([]);
      }
    }
  });

  it('gives each function the ARNs of exactly the secrets its entry names, the session secret to all, the origin secret to the API handlers', () => {
    for (const { name, entry, props } of functionsOf(stage)) {
      const apiHandler = name !== 'authorizer' && name !== 'renewal-job';
      const expected = ['session', ...(entry.secrets ?? []), ...(apiHandler ? ['originVerify'] : [])] as (keyof typeof SECRET_ENV)[];
      const arns = Object.keys(props.Environment.Variables).filter((v) => v.endsWith('_ARN')).sort();
      expect({ name, arns }).toEqual({ name, arns: expected.map((s) => SECRET_ENV[s].arn).sort() });
      expect(JSON.stringify(props.Environment.Variables[SECRET_ENV.session.arn])).toContain(secretId('session'));
    }
  });

  it('runs the Parameters and Secrets extension beside every function that reads a secret', () => {
    for (const { name, props, template } of functionsOf(stage)) {
      expect({ name, layers: props.Layers?.length }).toEqual({ name, layers: 1 });
      const mapping = JSON.stringify(template.toJSON().Mappings ?? {});
      expect(JSON.stringify(props.Layers)).toContain('Paramsandsecretslayer');
      expect(mapping).toContain('AWS-Parameters-and-Secrets-Lambda-Extension-Arm64');
      expect(props.Environment.Variables.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT).toBe('2773');
    }
  });

  it('uses the extension layer named by context where CDK does not know one (China regions)', () => {
    const arn = 'arn:aws-cn:lambda:cn-north-1:123456789012:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:1';
    const cn = synthStage({ stage: 'dev', paramsAndSecretsLayerArn: arn });
    const [authorizer] = functionsOf(cn);
    expect(authorizer!.props.Layers).toEqual([arn]);
  });

  it('lets a function read only its own secrets, decrypting them only through Secrets Manager', () => {
    for (const { name, entry, statements } of functionsOf(stage)) {
      const reads = statements.filter((s) => actions(s).some((a) => a.startsWith('secretsmanager:')));
      expect({ name, actions: reads.flatMap(actions) }).toEqual({ name, actions: ['secretsmanager:GetSecretValue'] });
      const resources = JSON.stringify(reads[0]!.Resource);
      const apiHandler = name !== 'authorizer' && name !== 'renewal-job';
      for (const secret of ['session', 'wechatAppSecret', 'registryHmacKey', 'personIdKey', 'originVerify'] as const) {
        const allowed = secret === 'session' || (secret === 'originVerify' ? apiHandler : (entry.secrets ?? []).includes(secret as never));
        expect({ name, secret, allowed: resources.includes(secretId(secret)) }).toEqual({ name, secret, allowed });
      }
      const decrypt = statements.find((s) => JSON.stringify(s.Condition ?? {}).includes('secretsmanager.'));
      expect(decrypt && actions(decrypt)).toEqual(['kms:Decrypt']);
    }
  });
});
