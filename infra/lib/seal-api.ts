import { Duration, Stack, type RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, type IDependable } from 'constructs';
import type { Route } from '@seal/shared/api';
import { DEFAULT_THROTTLE, ROUTE_GROUP_LIMITS, routesOf } from './edge-limits';

export interface SealApiProps {
  authorizerFunction: lambda.IFunction;
  logRetentionDays: number;
  removalPolicy: RemovalPolicy;
}

/**
 * The HTTP API, its `$default` stage with access logs and throttling, and the session
 * authorizer. Routes are added by the handler groups (handler-group.ts).
 */
export class SealApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly authorizer: apigw.HttpAuthorizer;
  /** What `session` and `staff` routes pass as their authorizer. */
  readonly sessionAuthorizer: apigw.IHttpRouteAuthorizer;

  constructor(scope: Construct, id: string, props: SealApiProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.api = new apigw.HttpApi(this, 'HttpApi', { apiName: `seal-platform-${stack.stackName}`, createDefaultStage: false });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: props.logRetentionDays as logs.RetentionDays, removalPolicy: props.removalPolicy });
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: DEFAULT_THROTTLE,
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs), format: AccessLogFormat.custom(ACCESS_LOG_FORMAT) },
    });

    // Token and route key form the cache key: a verdict never crosses from a staff route to a session route.
    this.authorizer = new apigw.HttpAuthorizer(this, 'SessionAuthorizer', {
      httpApi: this.api,
      authorizerName: 'session',
      type: apigw.HttpAuthorizerType.LAMBDA,
      identitySource: ['$request.header.Authorization', '$context.routeKey'],
      authorizerUri: `arn:${stack.partition}:apigateway:${stack.region}:lambda:path/2015-03-31/functions/${props.authorizerFunction.functionArn}/invocations`,
      payloadFormatVersion: apigw.AuthorizerPayloadVersion.VERSION_2_0,
      enableSimpleResponses: true,
      resultsCacheTtl: Duration.minutes(5),
    });
    props.authorizerFunction.addPermission('InvokedByApiAuthorizer', {
      principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: stack.formatArn({ service: 'execute-api', resource: this.api.apiId, resourceName: `authorizers/${this.authorizer.authorizerId}` }),
    });
    const authorizerId = this.authorizer.authorizerId;
    this.sessionAuthorizer = { bind: () => ({ authorizerId, authorizationType: 'CUSTOM' }) };
  }

  /**
   * Tighter throttles, all callers together, on the public doors (edge-limits.ts). API Gateway
   * checks that each route exists, so the stage waits for the stacks that create them.
   */
  throttleRoutes(routes: readonly Route[], routeStacks: readonly IDependable[]): void {
    // RouteSettings is untyped JSON in CloudFormation's schema: CDK passes it through, so CloudFormation's casing.
    const settings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const group of ROUTE_GROUP_LIMITS) {
      for (const route of routesOf(group, routes)) {
        settings[`${route.method} ${route.path}`] = { ThrottlingRateLimit: group.throttle.rateLimit, ThrottlingBurstLimit: group.throttle.burstLimit };
      }
    }
    (this.stage.node.defaultChild as apigw.CfnStage).routeSettings = settings;
    for (const routeStack of routeStacks) this.stage.node.addDependency(routeStack);
  }
}

const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  responseLength: '$context.responseLength',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
});
