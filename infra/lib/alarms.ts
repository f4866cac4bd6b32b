import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

const PERIOD = Duration.minutes(5);

/**
 * The one SNS topic every alarm notifies, on entering and leaving ALARM. Encrypted with its own
 * KMS key: CloudWatch can publish to an encrypted topic only if the key policy lets it, which an
 * AWS-managed key never does, and the data key should not be opened to another service for this.
 * Subscribed by e-mail when `-c alarmEmail=...` is given; otherwise the operator subscribes later.
 */
export class AlarmTopic extends Construct {
  readonly topic: sns.Topic;
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: { stage: string; email?: string; removalPolicy: RemovalPolicy }) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      alias: 'alias/seal-platform/alarms',
      description: 'Encrypts the seal platform alarm topic',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
      pendingWindow: Duration.days(30),
    });
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'], // in a key policy, "*" is this key
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: `seal-platform ${props.stage} alarms`,
      masterKey: this.key,
      enforceSSL: true,
    });
    if (props.email) this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
  }
}

/** The alarm notifies the topic when it goes into ALARM and when it is OK again. */
export function notify(alarm: cloudwatch.Alarm, topic: sns.ITopic): cloudwatch.Alarm {
  const action = new SnsAction(topic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
}

/** Errors and throttles of a function, notifying the alarm topic. */
export function addFunctionAlarms(scope: Construct, name: string, fn: lambda.IFunction, topic: sns.ITopic): cloudwatch.Alarm[] {
  const alarm = (metric: cloudwatch.Metric, what: string) =>
    notify(
      metric.createAlarm(scope, `Alarm-${name}-${what}`, {
        alarmDescription: `seal-platform ${name}: ${what}`,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      topic,
    );
  return [alarm(fn.metricErrors({ period: PERIOD }), 'errors'), alarm(fn.metricThrottles({ period: PERIOD }), 'throttles')];
}

/** 5xx answers of the API as a whole, notifying the alarm topic. */
export function addApiAlarm(scope: Construct, metric: cloudwatch.Metric, topic: sns.ITopic): cloudwatch.Alarm {
  return notify(
    metric.createAlarm(scope, 'Alarm-api-5xx', {
      alarmDescription: 'seal-platform API: 5xx responses',
      threshold: 5,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }),
    topic,
  );
}
