import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

const PERIOD = Duration.minutes(5);

/**
 * Errors and throttles of a function. No notification target is attached here: the operator
 * subscribes the alarms to their on-call channel (docs/deploying.md).
 */
export function addFunctionAlarms(scope: Construct, name: string, fn: lambda.IFunction): cloudwatch.Alarm[] {
  const alarm = (metric: cloudwatch.Metric, what: string) =>
    metric.createAlarm(scope, `Alarm-${name}-${what}`, {
      alarmDescription: `seal-platform ${name}: ${what}`,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  return [alarm(fn.metricErrors({ period: PERIOD }), 'errors'), alarm(fn.metricThrottles({ period: PERIOD }), 'throttles')];
}

/** 5xx answers of the API as a whole. */
export function addApiAlarm(scope: Construct, metric: cloudwatch.Metric): cloudwatch.Alarm {
  return metric.createAlarm(scope, 'Alarm-api-5xx', {
    alarmDescription: 'seal-platform API: 5xx responses',
    threshold: 5,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}
