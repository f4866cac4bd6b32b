import { Stack, type CfnElement } from 'aws-cdk-lib';
import { ROUTES, json, type Json } from '@seal/shared/api';
import { DEFAULT_PERMISSIONS, FUNCTION_PERMISSIONS, permissionsFor, type PlatformKey } from './function-permissions';
import { synthStage, type SynthesizedStage } from './testing/synth-stage';

type Statement = { Action: string | string[]; Resource: unknown; Condition?: Record<string, unknown> };
const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** The IAM statements of one handler's role, from its nested stack's template. */
function statementsOf(stage: SynthesizedStage, handler: string): Statement[] {
  const template = stage.handlerTemplates.get(handler)!;
  const policy = stage.stack.handlerFunctions().get(handler)!.role.node.findChild('DefaultPolicy').node.defaultChild as CfnElement;
  const resource = template.toJSON().Resources[Stack.of(policy).getLogicalId(policy)] as { Properties: { PolicyDocument: { Statement: Statement[] } } };
  return resource.Properties.PolicyDocument.Statement;
}

/** Which parameter of the nested stack carries which platform key's ARN. */
function keyParameter(resource: unknown): string {
  return JSON.stringify(resource);
}

describe('per-function permissions', () => {
  let stage: SynthesizedStage;
  beforeAll(() => {
    stage = synthStage({ stage: 'prod' });
  });

  it('has an entry, or the default, for every handler of the route table', () => {
    for (const { handler } of ROUTES) expect(permissionsFor(handler)).toBe(FUNCTION_PERMISSIONS[handler] ?? DEFAULT_PERMISSIONS);
  });

  it('names only handlers that exist in the route table', () => {
    const handlers = new Set(ROUTES.map((r) => r.handler));
    expect(Object.keys(FUNCTION_PERMISSIONS).filter((name) => !handlers.has(name))).toEqual([]);
  });

  it('gives no function a platform KMS key its entry does not list', () => {
    // Derived SM2 keys (the default outside the China regions): the three SM2 roles are one HMAC key.
    const keyRefs: Record<PlatformKey, string> = {
      rootCa: 'KeysRootCa',
      tsa: 'KeysTsa',
      ocspResponder: 'KeysOcspResponder',
      wrapping: 'KeysCredentialWrapping',
      sm2RootCa: 'KeysSm2Derivation',
      sm2Tsa: 'KeysSm2Derivation',
      sealMaker: 'KeysSm2Derivation',
      sm2OcspResponder: 'KeysSm2OcspDerivation',
      pinMac: 'KeysPinMac',
    };
    for (const handler of stage.stack.handlerFunctions().keys()) {
      const entry = permissionsFor(handler);
      for (const statement of statementsOf(stage, handler).filter((s) => actions(s).some((a) => a.startsWith('kms:')))) {
        const resource = keyParameter(statement.Resource);
        for (const [key, ref] of Object.entries(keyRefs) as [PlatformKey, string][]) {
          if (!resource.includes(ref)) continue;
          const allowed = key === 'wrapping' && (entry.wrapping?.length ?? 0) > 0 ? true : (entry.keys?.[key]?.length ?? 0) > 0;
          expect({ handler, key, allowed }).toEqual({ handler, key, allowed: true });
        }
        if (resource.includes('KeysData')) expect(JSON.stringify(statement.Condition)).toContain('kms:ViaService');
      }
    }
  });

  it('lets the public OCSP functions sign with the two responder keys and nothing else: no CA key, no derivation of the other SM2 keys', () => {
    for (const handler of ['pki-ocsp', 'pki-ocsp-get']) {
      const signing = statementsOf(stage, handler).filter((s) => actions(s).some((a) => a === 'kms:Sign' || a === 'kms:GenerateMac'));
      const resources = signing.map((s) => keyParameter(s.Resource));
      expect(resources.some((r) => r.includes('KeysOcspResponder'))).toBe(true);
      expect(resources.some((r) => r.includes('KeysSm2OcspDerivation'))).toBe(true);
      expect(resources.filter((r) => !r.includes('KeysOcspResponder') && !r.includes('KeysSm2OcspDerivation'))).toEqual([]);
    }
  });

  it('lets only handlers that sign timestamps use the TSA key to sign', () => {
    const signers = [...stage.stack.handlerFunctions().keys()].filter((h) =>
      statementsOf(stage, h).some((s) => actions(s).includes('kms:Sign') && JSON.stringify(s.Resource).includes('KeysTsa')),
    );
    expect(signers.sort()).toEqual(Object.keys(FUNCTION_PERMISSIONS).filter((h) => FUNCTION_PERMISSIONS[h]!.keys?.tsa?.includes('sign')).sort());
  });

  it('lets only functions that issue SM2 certificates or timestamps derive the SM2 keys (GenerateMac), and nobody Sign with the HMAC key', () => {
    const derivers = [...stage.stack.handlerFunctions().keys()].filter((h) =>
      statementsOf(stage, h).some((s) => actions(s).includes('kms:GenerateMac') && JSON.stringify(s.Resource).includes('KeysSm2Derivation')),
    );
    const signsSm2 = (h: string) => [FUNCTION_PERMISSIONS[h]!.keys?.sm2RootCa, FUNCTION_PERMISSIONS[h]!.keys?.sm2Tsa].some((uses) => uses?.includes('sign'));
    expect(derivers.sort()).toEqual(Object.keys(FUNCTION_PERMISSIONS).filter(signsSm2).sort());
    expect(derivers.length).toBeGreaterThan(0);
    for (const h of stage.stack.handlerFunctions().keys()) {
      const onHmac = statementsOf(stage, h).filter((s) => JSON.stringify(s.Resource).includes('KeysSm2Derivation')).flatMap(actions);
      expect(onHmac.filter((a) => a === 'kms:Sign' || a === 'kms:GetPublicKey')).toEqual([]);
    }
  });

  it('lets only the functions that set or check a signing PIN use the PIN key, to MAC and verify only', () => {
    const onPinKey = (h: string) => statementsOf(stage, h).filter((s) => JSON.stringify(s.Resource).includes('KeysPinMac'));
    const users = [...stage.stack.handlerFunctions().keys()].filter((h) => onPinKey(h).length > 0);
    expect(users.sort()).toEqual(['challenge-approve', 'change-pin', 'claim-seal', 'reset-pin', 'sign-document', 'sign-documents-batch', 'start-signing-batch']);
    for (const h of users) expect(onPinKey(h).flatMap(actions).sort()).toEqual(['kms:GenerateMac', 'kms:VerifyMac']);
  });

  it('limits wrapping-key encryption to the purposes the entry names', () => {
    const statement = statementsOf(stage, 'login-session').find((s) => actions(s).includes('kms:Decrypt') && JSON.stringify(s.Resource).includes('KeysCredentialWrapping'));
    expect(statement?.Condition).toMatchObject({ 'ForAllValues:StringEquals': { 'kms:EncryptionContext:purpose': ['id-number'] } });
  });

  it('lets a function that only reads the table update no attribute but the index keys, and get nothing back (decision 0220)', () => {
    const updates = statementsOf(stage, 'me').filter((s) => actions(s).includes('dynamodb:UpdateItem'));
    expect(updates).toHaveLength(1);
    expect(actions(updates[0]!)).toEqual(['dynamodb:UpdateItem']);
    expect(updates[0]!.Condition).toEqual({
      'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'gsi1pk', 'gsi1sk'] },
      StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' },
    });
    expect(statementsOf(stage, 'me').flatMap(actions).filter((a) => ['dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'].includes(a))).toEqual([]);
  });

  it('never grants a table Scan', () => {
    for (const handler of stage.stack.handlerFunctions().keys()) {
      expect(statementsOf(stage, handler).flatMap(actions).filter((a) => a === 'dynamodb:Scan' || a === 'dynamodb:*')).toEqual([]);
    }
  });

  it('gives a handler without an entry table items only: no key, no object, no identity secret', () => {
    const stage2 = synthStage({ stage: 'dev' }, [...ROUTES, { method: 'GET', path: '/v1/unlisted', handler: 'unlisted-handler', auth: 'session', summary: 'test', response: json as Json<unknown> } as const]);
    const granted = statementsOf(stage2, 'unlisted-handler').flatMap(actions);
    expect(granted.filter((a) => a.startsWith('s3:') || a === 'kms:Sign' || a === 'kms:GetPublicKey')).toEqual([]);
    expect(granted).toContain('dynamodb:PutItem');
    const fn = stage2.stack.handlerFunctions().get('unlisted-handler')!.fn.node.defaultChild as CfnElement;
    const env = (stage2.handlerTemplates.get('unlisted-handler')!.toJSON().Resources[Stack.of(fn).getLogicalId(fn)] as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties.Environment.Variables;
    expect(Object.keys(env)).toContain('SESSION_SECRET_ARN');
    expect(Object.keys(env)).not.toContain('WECHAT_APP_SECRET_ARN');
  });
});
