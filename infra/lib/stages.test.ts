import { Stack, type CfnElement } from 'aws-cdk-lib';
import { describeFindings } from './nag';
import { synthStage } from './testing/synth-stage';

describe('stages', () => {
  it('refuses to synthesize prod with the simulated face verifier', () => {
    expect(() => synthStage({ stage: 'prod', faceVerifier: 'simulated' })).toThrow(/simulated face verifier/);
  });

  it('runs dev with the simulated face verifier and destroys its data with the stack', () => {
    const dev = synthStage({ stage: 'dev' });
    const env = variablesOf(dev, 'me');
    expect(env).toMatchObject({ STAGE: 'dev', FACE_VERIFIER: 'simulated', KEY_CUSTODY: 'kms-envelope' });
    for (const type of ['AWS::DynamoDB::Table', 'AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::SecretsManager::Secret']) {
      for (const resource of Object.values(dev.main.findResources(type))) expect(resource.DeletionPolicy).toBe('Delete');
    }
  });

  it('gives prod functions their table, bucket, base URL, verifier, custody and secrets', () => {
    const prod = synthStage({ stage: 'prod', keyCustody: 'kms-asymmetric', publicBaseUrl: 'https://seal.example.cn' });
    const env = variablesOf(prod, 'login-session');
    expect(Object.keys(env).sort()).toEqual(
      expect.arrayContaining(['STAGE', 'TABLE_NAME', 'DOCUMENTS_BUCKET', 'PUBLIC_BASE_URL', 'FACE_VERIFIER', 'KEY_CUSTODY', 'SESSION_SECRET_ARN', 'PERSON_ID_KEY_ARN']),
    );
    // Values are read at run time (functions/src/config/runtime-secrets.ts), never configured.
    expect(Object.keys(env)).not.toContain('SESSION_SECRET');
    expect(env).toMatchObject({ STAGE: 'prod', FACE_VERIFIER: 'wechat', KEY_CUSTODY: 'kms-asymmetric', PUBLIC_BASE_URL: 'https://seal.example.cn' });
  });

  it.each(['dev', 'prod'])('has no unsuppressed cdk-nag finding in %s', (stage) => {
    const { findings } = synthStage({ stage });
    expect(describeFindings(findings)).toBe('');
  });

  it('has no unsuppressed cdk-nag finding with kms-asymmetric custody', () => {
    const { findings } = synthStage({ stage: 'prod', keyCustody: 'kms-asymmetric' });
    expect(describeFindings(findings)).toBe('');
  });
});

function variablesOf(stage: ReturnType<typeof synthStage>, handler: string): Record<string, unknown> {
  const fn = stage.stack.handlerFunctions().get(handler)!.fn.node.defaultChild as CfnElement;
  const resource = stage.handlerTemplates.get(handler)!.toJSON().Resources[Stack.of(fn).getLogicalId(fn)] as { Properties: { Environment: { Variables: Record<string, unknown> } } };
  return resource.Properties.Environment.Variables;
}
