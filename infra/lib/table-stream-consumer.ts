import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { addFunctionAlarms, notify } from './alarms';
import type { FunctionPermissions } from './function-permissions';
import { suppressFailureQueueFindings, suppressStreamReaderFindings } from './nag-suppressions';
import { SealFunction, type SealFunctionProps } from './seal-function';

/** New items ElectroDB wrote for `entity`: what a consumer's event source lets through. */
export function newItemsOf(entity: string): lambda.FilterCriteria {
  return lambda.FilterCriteria.filter({
    eventName: lambda.FilterRule.isEqual('INSERT'),
    dynamodb: { NewImage: { __edb_e__: { S: lambda.FilterRule.isEqual(entity) } } },
  });
}

/** The audit archive writer's records: new audit events, i.e. links the chainer made (decision 0023). */
export const AUDIT_EVENT_FILTER = newItemsOf('auditEvent');
/** The chainer's records: audit events their change wrote, not linked yet (decision 0160). */
export const PENDING_AUDIT_EVENT_FILTER = newItemsOf('auditPending');

export interface TableStreamConsumerProps {
  functionProps: Omit<SealFunctionProps, 'name' | 'entry' | 'permissions' | 'environment'>;
  name: string;
  entry: string;
  permissions: FunctionPermissions;
  environment: Record<string, string>;
  filter: lambda.FilterCriteria;
  /** What the failure alarm tells the operator the queued records are. */
  failureDescription: string;
  alarmTopic: sns.ITopic;
}

/**
 * A Lambda on the table stream (functions/src/entry/jobs/: the audit archive writer, the audit
 * chainer). Records reach it in order per shard; batches report their failed record alone; a
 * failing batch is split in two until the bad record stands alone, retried a few times, then its
 * stream coordinates go to an encrypted queue for the operator.
 */
export class TableStreamConsumer extends Construct {
  readonly fn: SealFunction;
  readonly failures: sqs.Queue;

  constructor(scope: Construct, id: string, props: TableStreamConsumerProps) {
    super(scope, id);
    const { targets } = props.functionProps;
    this.fn = new SealFunction(this, `Fn-${props.name}`, {
      ...props.functionProps,
      name: props.name,
      entry: props.entry,
      permissions: props.permissions,
      environment: props.environment,
    });
    addFunctionAlarms(this, props.name, this.fn.fn, props.alarmTopic);

    // Holds only stream coordinates (shard, sequence numbers), never the event itself.
    this.failures = new sqs.Queue(this, 'Failures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    suppressFailureQueueFindings(this.failures);
    notify(
      this.failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }).createAlarm(this, `Alarm-${props.name}-failures`, {
        alarmDescription: `seal-platform ${props.failureDescription} (see docs/deploying.md)`,
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
        filters: [props.filter],
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 10,
        onFailure: new SqsDlq(this.failures),
      }),
    );
    suppressStreamReaderFindings(this.fn.role);
  }
}
