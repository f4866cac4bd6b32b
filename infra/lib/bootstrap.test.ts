import { Match } from 'aws-cdk-lib/assertions';
import { synthStage, type SynthesizedStage } from './testing/synth-stage';

let dev: SynthesizedStage;
beforeAll(() => {
  dev = synthStage({ stage: 'dev' });
});

describe('the platform bootstrap (decision 0029)', () => {
  it('runs as a deployment trigger, after the platform keys and the table exist', () => {
    const stack = dev.stack;
    const triggers = dev.main.findResources('Custom::Trigger');
    expect(Object.keys(triggers)).toHaveLength(1);
    const [trigger] = Object.values(triggers) as { DependsOn?: string[]; Properties: { HandlerArn: unknown } }[];
    // The trigger calls a version of the bootstrap function.
    expect(JSON.stringify(trigger!.Properties.HandlerArn)).toContain('FnbootstrapplatformFunctionCurrentVersion');
    const dependsOn = trigger!.DependsOn ?? [];
    const logicalIdsUnder = (scope: { node: { findAll(): { node: { defaultChild?: unknown } }[] } }) =>
      scope.node
        .findAll()
        .map((c) => c.node.defaultChild as { cfnResourceType?: string; logicalId?: string } | undefined)
        .filter((r) => !!r?.cfnResourceType)
        .map((r) => stack.getLogicalId(r as never));
    expect(dependsOn.some((id) => logicalIdsUnder(stack.data).includes(id))).toBe(true);
    expect(dependsOn.some((id) => logicalIdsUnder(stack.keys).includes(id))).toBe(true);
  });

  it('may sign with the platform root, to issue the root and TSA certificates', () => {
    dev.main.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['kms:Sign']) })]),
      }),
      Roles: Match.arrayWith([{ Ref: stack().getLogicalId(stack().bootstrap.role.node.defaultChild as never) }]),
    });
  });
});

const stack = () => dev.stack;
