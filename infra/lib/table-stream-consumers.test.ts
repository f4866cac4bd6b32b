import { Stack, type CfnElement } from 'aws-cdk-lib';
import { AuditEvent, PendingAuditEvent } from '../../functions/src/adapters/dynamodb/entities/audit-event';
import { synthStage, type SynthesizedStage } from './testing/synth-stage';

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };
const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe('the audit archive writer', () => {
  let stage: SynthesizedStage;
  let resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  const idOf = (element: unknown) => Stack.of(stage.stack).getLogicalId(element as CfnElement);
  beforeAll(() => {
    stage = synthStage({ stage: 'prod' });
    resources = stage.main.toJSON().Resources;
  });
  const archiveBucket = () => idOf(stage.stack.data.auditArchive.node.defaultChild);
  const table = () => idOf(stage.stack.data.table.node.defaultChild);
  const writer = () => stage.stack.auditArchiveWriter;
  const statements = (consumer = writer()) => {
    const policy = consumer.fn.role.node.findChild('DefaultPolicy').node.defaultChild;
    return (resources[idOf(policy)]!.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement;
  };

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a CloudFormation property bag
  const mappingOf = (fn: unknown): Record<string, any> => {
    const mappings = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping' && JSON.stringify(r.Properties.FunctionName) === JSON.stringify({ Ref: idOf(fn) }));
    expect(mappings).toHaveLength(1);
    return mappings[0]!.Properties;
  };

  it('streams the new image of every table write to two consumers: the archive writer and the chainer', () => {
    const streamMappings = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping' && JSON.stringify(r.Properties.EventSourceArn).includes('StreamArn'));
    expect(streamMappings).toHaveLength(2);
    expect(resources[table()]!.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
  });

  it('receives only new audit events from the stream, reports failed records alone and sends exhausted ones to an encrypted, TLS-only queue', () => {
    const mapping = mappingOf(writer().fn.fn.node.defaultChild);
    expect(mapping).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [table(), 'StreamArn'] },
      FunctionName: { Ref: idOf(writer().fn.fn.node.defaultChild) },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      StartingPosition: 'TRIM_HORIZON',
    });
    expect(mapping.MaximumRetryAttempts).toBeGreaterThan(0);
    const pattern = JSON.parse(mapping.FilterCriteria.Filters[0].Pattern);
    expect(pattern).toEqual({ eventName: ['INSERT'], dynamodb: { NewImage: { __edb_e__: { S: ['auditEvent'] } } } });
    // The name the filter matches is the one ElectroDB writes for an audit event.
    const item = AuditEvent({ table: 't' }).put({ companyId: 'C1', seq: 1, at: 'x', actorId: 'a', actorRole: 'r', action: 'x', subject: 's', prevHash: 'p', hash: 'h' }).params().Item as Record<string, unknown>;
    expect(item.__edb_e__).toBe(pattern.dynamodb.NewImage.__edb_e__.S[0]);

    const queueId = idOf(writer().failures.node.defaultChild);
    expect(mapping.DestinationConfig).toEqual({ OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } });
    expect(resources[queueId]!.Properties.SqsManagedSseEnabled).toBe(true);
    const queuePolicy = Object.values(resources).find((r) => r.Type === 'AWS::SQS::QueuePolicy' && JSON.stringify(r.Properties.Queues).includes(queueId))!;
    expect((queuePolicy.Properties as { PolicyDocument: { Statement: unknown[] } }).PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('may only put objects under audit/ of the archive bucket: no read, no delete, no other bucket', () => {
    const s3 = statements().filter((s) => actions(s).some((a) => a.startsWith('s3:')));
    expect(s3).toEqual([{ Action: 's3:PutObject', Effect: 'Allow', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [archiveBucket(), 'Arn'] }, '/audit/*']] } }]);
  });

  it('reads the table stream but no table item, and holds no secret', () => {
    const dynamo = statements().filter((s) => actions(s).some((a) => a.startsWith('dynamodb:')));
    for (const s of dynamo) {
      const stream = JSON.stringify(s.Resource) === JSON.stringify({ 'Fn::GetAtt': [table(), 'StreamArn'] });
      expect({ actions: actions(s), stream }).toEqual(
        actions(s).every((a) => a === 'dynamodb:ListStreams') ? { actions: ['dynamodb:ListStreams'], stream: false } : { actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], stream: true },
      );
    }
    const tableArn = JSON.stringify({ 'Fn::GetAtt': [table(), 'Arn'] });
    expect(statements().filter((s) => JSON.stringify(s.Resource).includes(tableArn))).toEqual([]);
    expect(statements().flatMap(actions).filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
    const fn = resources[idOf(writer().fn.fn.node.defaultChild)]!.Properties as { Environment: { Variables: Record<string, unknown> }; Layers?: unknown };
    expect(fn.Environment.Variables).toEqual({ STAGE: 'prod', AUDIT_ARCHIVE_BUCKET: { Ref: archiveBucket() } });
    expect(fn.Layers).toBeUndefined();
  });

  it('encrypts with the data key only through S3', () => {
    const encrypt = statements().find((s) => actions(s).includes('kms:GenerateDataKey'));
    expect(encrypt).toMatchObject({ Resource: { 'Fn::GetAtt': [idOf(stage.stack.keys.data.node.defaultChild), 'Arn'] } });
    expect(JSON.stringify(encrypt!.Condition)).toContain('"s3."');
  });

  describe('the audit chainer (decision 0160)', () => {
    const chainer = () => stage.stack.auditChainer;

    it('receives only audit events not linked yet, in order per shard, with failures retried from the failed record', () => {
      const mapping = mappingOf(chainer().fn.fn.node.defaultChild);
      expect(mapping).toMatchObject({ FunctionResponseTypes: ['ReportBatchItemFailures'], StartingPosition: 'TRIM_HORIZON' });
      expect(mapping.ParallelizationFactor ?? 1).toBe(1);
      const pattern = JSON.parse(mapping.FilterCriteria.Filters[0].Pattern);
      expect(pattern).toEqual({ eventName: ['INSERT'], dynamodb: { NewImage: { __edb_e__: { S: ['auditPending'] } } } });
      const item = PendingAuditEvent({ table: 't' }).put({ companyId: 'C1', pendingId: 'p', at: 'x', actorId: 'a', actorRole: 'r', action: 'x', subject: 's' }).params().Item as Record<string, unknown>;
      expect(item.__edb_e__).toBe(pattern.dynamodb.NewImage.__edb_e__.S[0]);
    });

    it('signs with the P-256 TSA key only, and writes no object', () => {
      const signing = statements(chainer()).filter((s) => actions(s).includes('kms:Sign'));
      expect(signing).toHaveLength(1);
      expect(JSON.stringify(signing[0]!.Resource)).toMatch(/tsa/i);
      expect(JSON.stringify(signing[0]!.Resource)).not.toMatch(/sm2|root|ocsp/i);
      expect(statements(chainer()).flatMap(actions).filter((a) => a.startsWith('s3:'))).toEqual([]);
    });
  });
});
