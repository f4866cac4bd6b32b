import { Stack, type CfnElement } from 'aws-cdk-lib';
import { synthStage, type SynthesizedStage } from './testing/synth-stage';

type Alarm = { Properties: { AlarmDescription: string; AlarmActions?: unknown[]; OKActions?: unknown[] } };

/** Every alarm with its actions resolved to what they point at in the parent stack. */
function alarmsOf(stage: SynthesizedStage): { description: string; alarmActions: string[]; okActions: string[] }[] {
  const main = Stack.of(stage.stack);
  const parentResources = stage.main.toJSON().Resources as Record<string, { Properties?: { Parameters?: Record<string, unknown> } }>;
  const resolve = (action: unknown, parameters: Record<string, unknown>): string => {
    const ref = (action as { Ref?: string }).Ref;
    return JSON.stringify(ref && parameters[ref] !== undefined ? parameters[ref] : action);
  };
  const templates = [
    { template: stage.main, parameters: {} as Record<string, unknown> },
    ...stage.stack.groups.map((group) => {
      const resource = group.nestedStackResource as CfnElement;
      return { template: synthOf(stage, group), parameters: parentResources[main.getLogicalId(resource)]!.Properties!.Parameters! };
    }),
  ];
  return templates.flatMap(({ template, parameters }) =>
    (Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Alarm[]).map((a) => ({
      description: a.Properties.AlarmDescription,
      alarmActions: (a.Properties.AlarmActions ?? []).map((x) => resolve(x, parameters)),
      okActions: (a.Properties.OKActions ?? []).map((x) => resolve(x, parameters)),
    })),
  );
}

function synthOf(stage: SynthesizedStage, group: SynthesizedStage['stack']['groups'][number]) {
  const name = [...group.functions.keys()][0]!;
  return stage.handlerTemplates.get(name)!;
}

function topicRef(stage: SynthesizedStage): string {
  const [id] = Object.keys(stage.main.findResources('AWS::SNS::Topic'));
  return JSON.stringify({ Ref: id });
}

describe('alarm notifications', () => {
  let prod: SynthesizedStage;
  beforeAll(() => {
    prod = synthStage({ stage: 'prod', alarmEmail: 'ops@example.com' });
  });

  it('sends every alarm, of every function and of the API, to the one alarm topic, on alarm and on recovery', () => {
    const alarms = alarmsOf(prod);
    const functions = prod.stack.handlerFunctions().size + 4; // + authorizer, renewal job, audit archive writer, audit checkpoint job
    expect(alarms.length).toBeGreaterThanOrEqual(functions * 2 + 1);
    expect(alarms.map((a) => a.description)).toEqual(expect.arrayContaining(['seal-platform API: 5xx responses', 'seal-platform authorizer: errors', 'seal-platform me: throttles']));
    const topic = topicRef(prod);
    for (const alarm of alarms) expect(alarm).toEqual({ description: alarm.description, alarmActions: [topic], okActions: [topic] });
  });

  it('encrypts the topic with a customer key CloudWatch may use, and refuses publishing without TLS', () => {
    const [topic] = Object.values(prod.main.findResources('AWS::SNS::Topic')) as { Properties: { KmsMasterKeyId: { 'Fn::GetAtt': [string, string] } } }[];
    const keyId = topic!.Properties.KmsMasterKeyId['Fn::GetAtt'][0];
    const key = prod.main.toJSON().Resources[keyId] as { Type: string; Properties: { KeyPolicy: { Statement: { Principal?: { Service?: string }; Action: string[] }[] } } };
    expect(key.Type).toBe('AWS::KMS::Key');
    expect(key.Properties.KeyPolicy.Statement).toContainEqual(expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }));
    const [policy] = Object.values(prod.main.findResources('AWS::SNS::TopicPolicy')) as { Properties: { PolicyDocument: { Statement: unknown[] } } }[];
    expect(policy!.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 'sns:Publish', Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('subscribes the e-mail address given as context', () => {
    const subscriptions = Object.values(prod.main.findResources('AWS::SNS::Subscription')) as { Properties: Record<string, unknown> }[];
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]!.Properties).toMatchObject({ Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: JSON.parse(topicRef(prod)) });
  });

  it('still creates the topic, with no subscription, when prod is deployed without alarmEmail', () => {
    const bare = synthStage({ stage: 'prod' });
    expect(Object.keys(bare.main.findResources('AWS::SNS::Topic'))).toHaveLength(1);
    expect(bare.main.findResources('AWS::SNS::Subscription')).toEqual({});
    expect(alarmsOf(bare).every((a) => a.alarmActions[0] === topicRef(bare))).toBe(true);
  });

  it('refuses an alarmEmail that is not an e-mail address', () => {
    expect(() => synthStage({ stage: 'dev', alarmEmail: 'ops-at-example' })).toThrow(/not an e-mail address/);
  });
});
