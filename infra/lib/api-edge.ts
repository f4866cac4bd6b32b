import { Duration, Fn, type RemovalPolicy } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { API_CONTENT_SECURITY_POLICY, ORIGIN_VERIFY_HEADER, PERMISSIONS_POLICY } from '../../functions/src/http/security-headers';
import { suppressEdgeFindings } from './nag-suppressions';

export interface ApiEdgeProps {
  api: apigw.HttpApi;
  /** The WAF web ACL (CLOUDFRONT scope) in front of the API. */
  webAclArn: string;
  /** Shared with the functions: only requests that came through this distribution carry it. */
  originSecret: secretsmanager.ISecret;
  /** Where the edge log bucket's own access logs go. */
  accessLogs: s3.IBucket;
  removalPolicy: RemovalPolicy;
}

/**
 * CloudFront in front of the HTTP API (decision 0074): AWS WAF cannot be attached to an HTTP API,
 * and CloudFront's response-headers policy puts the security headers — HSTS among them — on every
 * answer, API Gateway's own refusals (401 from the authorizer, 429, 413) included. Nothing is cached.
 * CloudFront adds a secret header the functions require, so the API's own URL does not bypass the
 * firewall, and passes the viewer's address on (CloudFront-Viewer-Address) for per-IP limits.
 */
export class ApiEdge extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly headersPolicy: cloudfront.ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: ApiEdgeProps) {
    super(scope, id);
    this.headersPolicy = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Seal platform: security headers on every answer (functions/src/http/security-headers.ts)',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: API_CONTENT_SECURITY_POLICY, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      },
      customHeadersBehavior: { customHeaders: [{ header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true }] },
    });
    const logs = new s3.Bucket(this, 'Logs', {
      // CloudFront's standard logs are delivered with an ACL: this bucket alone keeps ACLs on.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'edge-logs/',
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: props.removalPolicy,
    });
    const apiDomain = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Seal platform API',
      defaultBehavior: {
        origin: new origins.HttpOrigin(apiDomain, {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          readTimeout: Duration.seconds(30),
          customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originSecret.secretValue.unsafeUnwrap() },
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        // Everything but Host (API Gateway answers only its own), and CloudFront's viewer headers.
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: this.headersPolicy,
      },
      webAclId: props.webAclArn,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'api/',
    });
    suppressEdgeFindings(this.distribution);
  }
}
