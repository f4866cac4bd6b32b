import { Stack, type CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { ROUTES } from '@seal/shared/api';
import { API_CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY } from '../../functions/src/http/security-headers';
import { DEFAULT_THROTTLE, EDGE_MAX_BODY_BYTES, PER_IP_PER_FIVE_MINUTES, ROUTE_GROUP_LIMITS, contentLengthAbove, pathPattern, routesOf } from './edge-limits';
import { describeFindings } from './nag';
import { resourcesOf, synthStage, type SynthesizedStage } from './testing/synth-stage';

type Rule = {
  Name: string;
  Statement: { RateBasedStatement?: { Limit: number; AggregateKeyType: string; ScopeDownStatement?: { RegexMatchStatement: { RegexString: string } } }; RegexMatchStatement?: { RegexString: string } };
  Action?: { Block?: { CustomResponse?: { ResponseCode: number; CustomResponseBodyKey: string; ResponseHeaders?: { Name: string; Value: string }[] } } };
};
type DistributionConfig = {
  WebACLId: unknown;
  Logging?: unknown;
  Origins: { DomainName: unknown; CustomOriginConfig: unknown; OriginCustomHeaders: unknown }[];
  DefaultCacheBehavior: Record<string, unknown>;
};
type WebAcl = { Scope: string; Rules: Rule[]; CustomResponseBodies: Record<string, { Content: string }> };
const only = <T>(found: Record<string, { Properties?: Record<string, unknown> }>): T => {
  const values = Object.values(found);
  expect(values).toHaveLength(1);
  return values[0]!.Properties as T;
};
const webAclIn = (stage: SynthesizedStage) => only<WebAcl>(stage.edge ? stage.edge.findResources('AWS::WAFv2::WebACL') : resourcesOf(stage, 'AWS::WAFv2::WebACL'));

describe('the edge in front of the API (region not yet chosen: one stack)', () => {
  let stage: SynthesizedStage;
  beforeAll(() => {
    stage = synthStage({ stage: 'prod' });
  });

  it('passes cdk-nag with nothing left unexplained', () => {
    expect(describeFindings(stage.findings)).toBe('');
  });

  it('puts CloudFront, uncached, over HTTPS and TLS 1.2 to the API, with the firewall and the origin secret', () => {
    const { DistributionConfig: config } = only<{ DistributionConfig: DistributionConfig }>(stage.main.findResources('AWS::CloudFront::Distribution'));
    expect(config.WebACLId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^FirewallWebAcl/), 'Arn'] });
    expect(config.Logging).toBeDefined();
    const origin = config.Origins[0]!;
    expect(JSON.stringify(origin.DomainName)).toContain('ApiEndpoint');
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(origin.OriginCustomHeaders).toEqual([{ HeaderName: 'x-origin-verify', HeaderValue: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: expect.stringMatching(/^Secretsoriginverify/) }, ':SecretString:::}}']] } }]);
    const behavior = config.DefaultCacheBehavior;
    expect(behavior).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE']),
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
    });
    expect(behavior.ResponseHeadersPolicyId).toBeDefined();
  });

  it('sends the security headers on every answer, HSTS included', () => {
    stage.main.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: API_CONTENT_SECURITY_POLICY, Override: true },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
          StrictTransportSecurity: { AccessControlMaxAgeSec: 730 * 86400, IncludeSubdomains: true, Override: true },
        },
        CustomHeadersConfig: { Items: [{ Header: 'Permissions-Policy', Value: PERMISSIONS_POLICY, Override: true }] },
      },
    });
    expect(API_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('limits each IP on sign-in, face-check starts and verification, and on everything, with 429 and Retry-After', () => {
    const acl = webAclIn(stage);
    expect(acl.Scope).toBe('CLOUDFRONT');
    const rules = new Map(acl.Rules.map((r) => [r.Name, r]));
    for (const group of ROUTE_GROUP_LIMITS) {
      const rule = rules.get(`per-ip-${group.name}`)!;
      expect(rule.Statement.RateBasedStatement).toMatchObject({ Limit: group.perIpPerFiveMinutes, AggregateKeyType: 'IP' });
      expect(rule.Statement.RateBasedStatement!.ScopeDownStatement!.RegexMatchStatement.RegexString).toBe(pathPattern(routesOf(group, ROUTES)));
      expect(rule.Action!.Block!.CustomResponse).toMatchObject({ ResponseCode: 429, CustomResponseBodyKey: 'rate-limited', ResponseHeaders: [{ Name: 'retry-after', Value: '300' }] });
    }
    expect(rules.get('per-ip-all')!.Statement.RateBasedStatement).toEqual({ Limit: PER_IP_PER_FIVE_MINUTES, EvaluationWindowSec: 300, AggregateKeyType: 'IP' });
    expect(JSON.parse(acl.CustomResponseBodies['rate-limited']!.Content)).toEqual({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
    expect(JSON.parse(acl.CustomResponseBodies['body-too-large']!.Content)).toMatchObject({ code: 'BODY_TOO_LARGE' });
  });

  it('scopes each per-IP rule to exactly its routes’ paths', () => {
    const match = (group: string, path: string) => new RegExp(pathPattern(routesOf(ROUTE_GROUP_LIMITS.find((g) => g.name === group)!, ROUTES))).test(path);
    expect(match('login', '/v1/login/wechat')).toBe(true);
    expect(match('login', '/v1/staff/sessions')).toBe(true);
    expect(match('login', '/v1/login/abc/session')).toBe(true);
    expect(match('login', '/v1/staff/sessions/logout')).toBe(false);
    expect(match('face-check-start', '/v1/face-checks')).toBe(true);
    expect(match('face-check-start', '/v1/login/abc/face-checks')).toBe(true);
    expect(match('face-check-start', '/v1/face-checks/t1/result')).toBe(false);
    expect(match('verify', '/v1/verify')).toBe(true);
    expect(match('verify', '/v1/verify/by-upload')).toBe(true);
    expect(match('verify', '/v1/verifyx')).toBe(false);
  });

  it('refuses at the edge, with 413, a body Lambda could not take', () => {
    const rule = webAclIn(stage).Rules.find((r) => r.Name === 'body-too-large')!;
    expect(rule.Statement.RegexMatchStatement!.RegexString).toBe(contentLengthAbove(EDGE_MAX_BODY_BYTES));
    expect(rule.Action!.Block!.CustomResponse).toMatchObject({ ResponseCode: 413, CustomResponseBodyKey: 'body-too-large' });
    const above = new RegExp(contentLengthAbove(EDGE_MAX_BODY_BYTES));
    for (const n of [EDGE_MAX_BODY_BYTES + 1, 4_700_000, 9_999_999, 10_000_000, 123_456_789]) expect({ n, refused: above.test(String(n)) }).toEqual({ n, refused: true });
    for (const n of [0, 1, 999_999, 4_599_999, EDGE_MAX_BODY_BYTES]) expect({ n, refused: above.test(String(n)) }).toEqual({ n, refused: false });
  });

  it('throttles the stage, and the public doors harder, for all callers together', () => {
    const stageProps = only<{ DefaultRouteSettings: Record<string, number>; RouteSettings: Record<string, Record<string, number>> }>(stage.main.findResources('AWS::ApiGatewayV2::Stage'));
    expect(stageProps.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: DEFAULT_THROTTLE.rateLimit, ThrottlingBurstLimit: DEFAULT_THROTTLE.burstLimit });
    for (const group of ROUTE_GROUP_LIMITS) {
      for (const route of routesOf(group, ROUTES)) {
        expect(stageProps.RouteSettings[`${route.method} ${route.path}`]).toEqual({ ThrottlingRateLimit: group.throttle.rateLimit, ThrottlingBurstLimit: group.throttle.burstLimit });
      }
    }
    // API Gateway checks that a throttled route exists: the stage waits for the stacks that make them.
    const [stageResource] = Object.values(stage.main.findResources('AWS::ApiGatewayV2::Stage')) as { DependsOn?: string[] }[];
    expect(stageResource!.DependsOn?.filter((d) => d.startsWith('Handlers'))).toHaveLength(stage.stack.groups.length);
  });

  it('has people reach the API through CloudFront: ApiUrl and PUBLIC_BASE_URL are its address', () => {
    stage.main.hasOutput('ApiUrl', { Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^EdgeDistribution'), 'DomainName'] }]] } });
    const verify = stage.stack.handlerFunctions().get('verify-document')!.fn.node.defaultChild as CfnElement;
    const resources = stage.handlerTemplates.get('verify-document')!.toJSON().Resources as Record<string, { Properties: { Environment: { Variables: Record<string, unknown> } } }>;
    const publicBaseUrl = resources[Stack.of(verify).getLogicalId(verify)]!.Properties.Environment.Variables.PUBLIC_BASE_URL;
    expect(JSON.stringify(publicBaseUrl)).toContain('EdgeDistribution');
  });
});

describe('where the web ACL goes', () => {
  it('in its own us-east-1 stack when the platform is in another region, read across regions', () => {
    const stage = synthStage({ stage: 'prod' }, undefined, { account: '123456789012', region: 'eu-west-1' });
    expect(stage.edge).toBeDefined();
    expect(webAclIn(stage).Scope).toBe('CLOUDFRONT');
    expect(stage.main.findResources('AWS::WAFv2::WebACL')).toEqual({});
    const { DistributionConfig: config } = only<{ DistributionConfig: { WebACLId: unknown } }>(stage.main.findResources('AWS::CloudFront::Distribution'));
    expect(JSON.stringify(config.WebACLId)).toContain('/cdk/exports/');
    expect(describeFindings(stage.findings)).toBe('');
  });

  it('in the main stack when the platform is in us-east-1', () => {
    const stage = synthStage({ stage: 'dev' }, undefined, { account: '123456789012', region: 'us-east-1' });
    expect(stage.edge).toBeUndefined();
    expect(Object.keys(stage.main.findResources('AWS::WAFv2::WebACL'))).toHaveLength(1);
  });

  it('nowhere in the China regions, where WAF protects no CloudFront distribution: the API is reached directly', () => {
    const chinaLayer = { paramsAndSecretsLayerArn: 'arn:aws-cn:lambda:cn-north-1:123456789012:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:1' };
    const stage = synthStage({ stage: 'dev', ...chinaLayer }, undefined, { account: '123456789012', region: 'cn-north-1' });
    expect(stage.main.findResources('AWS::CloudFront::Distribution')).toEqual({});
    expect(stage.main.findResources('AWS::WAFv2::WebACL')).toEqual({});
    expect(() => synthStage({ stage: 'dev', edge: 'cloudfront-waf', ...chinaLayer }, undefined, { region: 'cn-north-1' })).toThrow(/China regions/);
    // Throttling stays.
    const stageProps = only<{ RouteSettings: Record<string, unknown> }>(stage.main.findResources('AWS::ApiGatewayV2::Stage'));
    expect(Object.keys(stageProps.RouteSettings).length).toBeGreaterThan(5);
  });
});
