import { Stack, type CfnElement } from 'aws-cdk-lib';
import { synthStage, type SynthesizedStage } from './testing/synth-stage';

type Statement = { Action: string | string[]; Resource: unknown };
const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe('the audit checkpoint job (decision 0227)', () => {
  let stage: SynthesizedStage;
  let resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  const idOf = (element: unknown) => Stack.of(stage.stack).getLogicalId(element as CfnElement);
  beforeAll(() => {
    stage = synthStage({ stage: 'prod' });
    resources = stage.main.toJSON().Resources;
  });
  const job = () => stage.stack.auditCheckpointJob;

  it('runs every 15 minutes from an EventBridge rule that targets the job alone', () => {
    const rules = Object.values(resources).filter((r) => r.Type === 'AWS::Events::Rule' && JSON.stringify(r.Properties.Targets).includes(idOf(job().fn.node.defaultChild)));
    expect(rules).toHaveLength(1);
    expect(rules[0]!.Properties).toMatchObject({ ScheduleExpression: 'rate(15 minutes)', State: 'ENABLED' });
    expect(rules[0]!.Properties.Targets).toEqual([expect.objectContaining({ RetryPolicy: { MaximumEventAgeInSeconds: 900, MaximumRetryAttempts: 1 } })]);
  });

  it('reads and writes the table without Scan, and signs with the P-256 TSA key only', () => {
    const policy = job().fn.role!.node.findChild('DefaultPolicy').node.defaultChild;
    const statements = (resources[idOf(policy)]!.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement;
    const all = statements.flatMap(actions);
    expect(all).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'kms:Sign']));
    expect(all).not.toContain('dynamodb:Scan');
    const signing = statements.filter((s) => actions(s).includes('kms:Sign'));
    expect(signing).toHaveLength(1);
    expect(JSON.stringify(signing[0]!.Resource)).toContain(idOf(stage.stack.keys.tsa.node.defaultChild));
  });

  it('has its errors and throttles alarmed', () => {
    const alarms = Object.values(resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm' && String(r.Properties.AlarmDescription).includes('audit-checkpoint-job'));
    expect(alarms.length).toBeGreaterThanOrEqual(2);
  });
});
