import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { ERRORS } from '@seal/shared/errors';
import type { Route } from '@seal/shared/api';
import { EDGE_MAX_BODY_BYTES, PER_IP_PER_FIVE_MINUTES, ROUTE_GROUP_LIMITS, contentLengthAbove, pathPattern, routesOf } from './edge-limits';

export interface EdgeFirewallProps {
  stage: string;
  routes: readonly Route[];
}

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

/** The refusal bodies are the API's own `{ code, message }`, so clients read an edge refusal as any other. */
const body = (code: 'RATE_LIMITED' | 'BODY_TOO_LARGE', message?: string) => JSON.stringify({ code, message: message ?? ERRORS[code].message });
const RATE_LIMITED_RESPONSE: wafv2.CfnWebACL.RuleActionProperty = {
  block: { customResponse: { responseCode: 429, customResponseBodyKey: 'rate-limited', responseHeaders: [{ name: 'retry-after', value: '300' }] } },
};

/**
 * The AWS WAF web ACL in front of the API (CloudFront scope, so it lives in us-east-1; decision 0074):
 * per-IP rate-based rules on the public doors (sign-in, face-check starts, verification) and on
 * everything, bodies Lambda could not take refused with 413, and AWS's managed lists of known bad
 * inputs and bad IP addresses.
 */
export class EdgeFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeFirewallProps) {
    super(scope, id);
    let priority = 0;
    const rules: wafv2.CfnWebACL.RuleProperty[] = [];
    rules.push({
      name: 'body-too-large',
      priority: priority++,
      statement: { regexMatchStatement: { fieldToMatch: { singleHeader: { Name: 'content-length' } }, regexString: contentLengthAbove(EDGE_MAX_BODY_BYTES), textTransformations: [{ priority: 0, type: 'NONE' }] } },
      action: { block: { customResponse: { responseCode: 413, customResponseBodyKey: 'body-too-large' } } },
      visibilityConfig: visibility('body-too-large'),
    });
    for (const group of ROUTE_GROUP_LIMITS) {
      rules.push({
        name: `per-ip-${group.name}`,
        priority: priority++,
        statement: {
          rateBasedStatement: {
            limit: group.perIpPerFiveMinutes,
            evaluationWindowSec: 300,
            aggregateKeyType: 'IP',
            scopeDownStatement: { regexMatchStatement: { fieldToMatch: { uriPath: {} }, regexString: pathPattern(routesOf(group, props.routes)), textTransformations: [{ priority: 0, type: 'NONE' }] } },
          },
        },
        action: RATE_LIMITED_RESPONSE,
        visibilityConfig: visibility(`per-ip-${group.name}`),
      });
    }
    rules.push({
      name: 'per-ip-all',
      priority: priority++,
      statement: { rateBasedStatement: { limit: PER_IP_PER_FIVE_MINUTES, evaluationWindowSec: 300, aggregateKeyType: 'IP' } },
      action: RATE_LIMITED_RESPONSE,
      visibilityConfig: visibility('per-ip-all'),
    });
    for (const name of ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesKnownBadInputsRuleSet']) {
      rules.push({
        name,
        priority: priority++,
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
        overrideAction: { none: {} },
        visibilityConfig: visibility(name),
      });
    }
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `seal-platform-${props.stage}-edge`,
      description: 'Seal platform API - per-IP rate limits on sign-in, face checks and verification, oversized bodies, AWS managed lists',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      customResponseBodies: {
        'rate-limited': { contentType: 'APPLICATION_JSON', content: body('RATE_LIMITED') },
        'body-too-large': { contentType: 'APPLICATION_JSON', content: body('BODY_TOO_LARGE', '请求内容过大（二进制内容不超过4.5MB）') },
      },
      rules,
      visibilityConfig: visibility(`seal-platform-${props.stage}-edge`),
    });
  }
}
