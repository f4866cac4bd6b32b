import { NestedStack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { Route } from '@seal/shared/api';
import { addFunctionAlarms } from './alarms';
import { handlerEntry } from './bundling';
import { permissionsFor } from './function-permissions';
import { suppressOpenRoute } from './nag-suppressions';
import { SealFunction, type SealFunctionProps } from './seal-function';

/** Auth modes API Gateway checks (the session authorizer); the others are public or verified in the handler. */
export const AUTHORIZED_MODES: ReadonlySet<string> = new Set(['session', 'staff']);

/**
 * A stack holds at most 500 resources and each handler costs about nine (function, role, policy,
 * log group, integration, permission, route, two alarms), so handlers are spread over a fixed
 * number of nested stacks by a hash of their name: adding a handler never moves another one.
 */
export const HANDLER_GROUPS = 8;

export function groupOf(handler: string): number {
  let hash = 0x811c9dc5; // FNV-1a
  for (const char of handler) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash % HANDLER_GROUPS;
}

export interface HandlerGroupProps {
  routes: readonly Route[];
  api: apigw.IHttpApi;
  sessionAuthorizer: apigw.IHttpRouteAuthorizer;
  functionProps: Omit<SealFunctionProps, 'name' | 'entry' | 'permissions'>;
  alarmTopic: sns.ITopic;
}

/** One nested stack: the Lambdas of some handlers and every API route that calls them. */
export class HandlerGroup extends NestedStack {
  readonly functions = new Map<string, SealFunction>();

  constructor(scope: Construct, id: string, props: HandlerGroupProps) {
    super(scope, id, { description: 'Seal platform API handlers' });
    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const def of props.routes) {
      let integration = integrations.get(def.handler);
      if (!integration) {
        const made = new SealFunction(this, `Fn-${def.handler}`, { ...props.functionProps, name: def.handler, entry: handlerEntry(def.handler), permissions: permissionsFor(def.handler) });
        addFunctionAlarms(this, def.handler, made.fn, props.alarmTopic);
        this.functions.set(def.handler, made);
        integration = new HttpLambdaIntegration(`${def.handler}-integration`, made.fn);
        integrations.set(def.handler, integration);
      }
      const route = new apigw.HttpRoute(this, `${def.method} ${def.path}`, {
        httpApi: props.api,
        routeKey: apigw.HttpRouteKey.with(def.path, apigw.HttpMethod[def.method]),
        integration,
        authorizer: AUTHORIZED_MODES.has(def.auth) ? props.sessionAuthorizer : new apigw.HttpNoneAuthorizer(),
      });
      if (!AUTHORIZED_MODES.has(def.auth)) suppressOpenRoute(route, def.auth);
    }
  }
}
