import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { addFunctionAlarms, notify } from './alarms';
import { AUDIT_ARCHIVE_ENTRY } from './bundling';
import { AUDIT_ARCHIVE_PERMISSIONS } from './function-permissions';
import { suppressFailureQueueFindings, suppressStreamReaderFindings } from './nag-suppressions';
import { SealFunction, type SealFunctionProps } from './seal-function';

/** What the writer's event source lets through: new items ElectroDB wrote for the entity `auditEvent`. */
export const AUDIT_EVENT_FILTER = lambda.FilterCriteria.filter({
  eventName: lambda.FilterRule.isEqual('INSERT'),
  dynamodb: { NewImage: { __edb_e__: { S: lambda.FilterRule.isEqual('auditEvent') } } },
});

export interface AuditArchiveWriterProps {
  functionProps: Omit<SealFunctionProps, 'name' | 'entry' | 'permissions' | 'environment'>;
  stage: string;
  alarmTopic: sns.ITopic;
}

/**
 * The table stream → audit archive copy (functions/src/entry/jobs/audit-archive.ts). Batches report
 * their failed record alone; a failing batch is split in two until the bad record stands alone,
 * retried a few times, then its stream coordinates go to an encrypted queue for the operator.
 */
export class AuditArchiveWriter extends Construct {
  readonly fn: SealFunction;
  readonly failures: sqs.Queue;

  constructor(scope: Construct, id: string, props: AuditArchiveWriterProps) {
    super(scope, id);
    const { targets } = props.functionProps;
    this.fn = new SealFunction(this, 'Fn-audit-archive', {
      ...props.functionProps,
      name: 'audit-archive',
      entry: AUDIT_ARCHIVE_ENTRY,
      permissions: AUDIT_ARCHIVE_PERMISSIONS,
      environment: { STAGE: props.stage, AUDIT_ARCHIVE_BUCKET: targets.auditArchive.bucketName },
    });
    addFunctionAlarms(this, 'audit-archive', this.fn.fn, props.alarmTopic);

    // Holds only stream coordinates (shard, sequence numbers), never the event itself.
    this.failures = new sqs.Queue(this, 'Failures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    suppressFailureQueueFindings(this.failures);
    notify(
      this.failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }).createAlarm(this, 'Alarm-audit-archive-failures', {
        alarmDescription: 'seal-platform audit archive: stream records that could not be archived (see docs/deploying.md)',
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      props.alarmTopic,
    );
    this.fn.fn.addEventSource(
      new DynamoEventSource(targets.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(5),
        filters: [AUDIT_EVENT_FILTER],
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 10,
        onFailure: new SqsDlq(this.failures),
      }),
    );
    suppressStreamReaderFindings(this.fn.role);
  }
}
