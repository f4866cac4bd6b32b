import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { MAX_RECEIVES } from '../../functions/src/ports/signing-queue';
import { addFunctionAlarms, notify } from './alarms';
import { SIGN_BATCH_WORKER_ENTRY } from './bundling';
import { SIGN_BATCH_WORKER_PERMISSIONS } from './function-permissions';
import { suppressDeadLetterQueueFindings } from './nag-suppressions';
import { SealFunction, type SealFunctionProps } from './seal-function';

/** Workers at once: each signs one document (up to 50 MB); more would only queue on the table and KMS. */
export const SIGN_BATCH_WORKERS = 50;

export interface SigningBatchWorkerProps {
  functionProps: Omit<SealFunctionProps, 'name' | 'entry' | 'permissions'>;
  stage: string;
  alarmTopic: sns.ITopic;
}

/**
 * 批量签章任务 (decision 0165): the queue `start-signing-batch` sends one message per document to,
 * and the worker that signs them (functions/src/entry/jobs/sign-batch-worker.ts), one message per
 * invocation, up to SIGN_BATCH_WORKERS in parallel. A message that fails comes back after the
 * visibility timeout; after MAX_RECEIVES deliveries (the worker records the document as failed on
 * the last) it goes to an encrypted dead-letter queue, and an alarm fires.
 */
export class SigningBatchWorker extends Construct {
  readonly fn: SealFunction;
  readonly queue: sqs.Queue;
  readonly deadLetters: sqs.Queue;

  constructor(scope: Construct, id: string, props: SigningBatchWorkerProps) {
    super(scope, id);
    this.fn = new SealFunction(this, 'Fn-sign-batch-worker', {
      ...props.functionProps,
      name: 'sign-batch-worker',
      entry: SIGN_BATCH_WORKER_ENTRY,
      permissions: SIGN_BATCH_WORKER_PERMISSIONS,
    });
    addFunctionAlarms(this, 'sign-batch-worker', this.fn.fn, props.alarmTopic);

    // Messages name a batch and a document, never a PIN or the document's bytes.
    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    suppressDeadLetterQueueFindings(this.deadLetters);
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the worker's timeout, as Lambda's event source asks: a message is not redelivered while a worker still signs it.
      visibilityTimeout: Duration.seconds(6 * SIGN_BATCH_WORKER_PERMISSIONS.timeoutSeconds!),
      retentionPeriod: Duration.days(1),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: MAX_RECEIVES },
    });
    this.fn.fn.addEventSource(new SqsEventSource(this.queue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: SIGN_BATCH_WORKERS }));
    notify(
      this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }).createAlarm(this, 'Alarm-sign-batch-dead-letters', {
        alarmDescription: 'seal-platform signing batches: messages that failed every delivery (see docs/deploying.md)',
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      props.alarmTopic,
    );
  }

  /** The function that starts batches sends to the queue, and only it. */
  grantStart(fn: lambda.Function): void {
    fn.addEnvironment('SIGNING_QUEUE_URL', this.queue.queueUrl);
    this.queue.grantSendMessages(fn);
  }
}
