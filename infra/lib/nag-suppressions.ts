import type { IConstruct } from 'constructs';
import { NagSuppressions } from 'cdk-nag';
import type { AuthMode } from '@seal/shared/api';
import type { FunctionPermissions } from './function-permissions';
import { AUDIT_ARCHIVE_PREFIX } from './data-store';

/**
 * Every cdk-nag finding the platform accepts, each with its reason (decision 0015). Anything not
 * covered here fails `npm run synth`.
 */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A function's role and the function: the wildcards its permissions entry implies, and the runtime pin. */
export function suppressFunctionFindings(role: IConstruct, fn: IConstruct, permissions: FunctionPermissions, asymmetricCustody: boolean): void {
  const appliesTo: { regex: string }[] = [];
  if (permissions.table !== 'none') appliesTo.push({ regex: '/^Resource::<.*\\.Arn>\\/index\\/\\*$/g' });
  const docs = permissions.documents ?? {};
  for (const prefix of new Set([...(docs.read ?? []), ...(docs.write ?? []), ...(docs.delete ?? [])])) {
    appliesTo.push({ regex: `/^Resource::<.*\\.Arn>\\/${escape(prefix)}\\*$/g` });
  }
  if (permissions.auditArchive) appliesTo.push({ regex: `/^Resource::<.*\\.Arn>\\/${escape(AUDIT_ARCHIVE_PREFIX)}\\*$/g` });
  if (permissions.credentialKeys && asymmetricCustody) {
    appliesTo.push({ regex: '/^Resource::\\*$/g' }, { regex: '/^Resource::arn:<AWS::Partition>:kms:.*:key\\/\\*$/g' });
  }
  if (appliesTo.length > 0) {
    NagSuppressions.addResourceSuppressions(
      role,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'Scoped wildcards only: the single table\'s own indexes (table/index/*), the object prefixes this handler reads or writes (function-permissions.ts), and, for kms-asymmetric custody, KMS keys created with and used only under the tag purpose=seal-credential (CreateKey has no resource ARN).',
          appliesTo,
        },
      ],
      true,
    );
  }
  NagSuppressions.addResourceSuppressions(fn, [
    { id: 'AwsSolutions-L1', reason: 'Pinned to Node.js 22 on purpose: the runtime the functions are built and tested for (esbuild target node22); moved deliberately, not by the latest release.' },
  ]);
}

const OPEN_ROUTE_REASON: Partial<Record<AuthMode, string>> = {
  public: 'Public by design (route table auth "public"): health, sign-in start, PKI root/CRL/status/TSA and challenge polling must work without a session; handlers validate input and rate limits apply at the stage.',
  registry: 'The business registry authenticates each notification with an HMAC signature over the body, verified in the handler (a gateway authorizer cannot see the body).',
  integration: 'Integrated systems authenticate with their API credentials (signed request), verified in the handler against the hashed secret in the table.',
};

/** A route API Gateway leaves open because the route table says so. */
export function suppressOpenRoute(route: IConstruct, auth: AuthMode): void {
  const reason = OPEN_ROUTE_REASON[auth];
  if (reason) NagSuppressions.addResourceSuppressions(route, [{ id: 'AwsSolutions-APIG4', reason }], true);
}

export function suppressSecretRotation(secret: IConstruct): void {
  NagSuppressions.addResourceSuppressions(secret, [
    {
      id: 'AwsSolutions-SMG4',
      reason:
        'No automatic rotation: the WeChat AppSecret is issued by WeChat, the registry HMAC key is shared with the registry, the person-id key must never change, and rotating the session secret signs everyone out; operators rotate by hand (docs/deploying.md).',
    },
  ]);
}

/** A table stream consumer's failure queue: it is itself the end of the line. */
export function suppressFailureQueueFindings(queue: IConstruct): void {
  NagSuppressions.addResourceSuppressions(queue, [
    {
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the on-failure destination of a table stream consumer (audit archive, audit chainer): it holds the stream coordinates of records that could not be handled, for the operator (an alarm fires on the first message); a queue behind it would have no consumer.',
    },
  ]);
}

/** The signing batches' dead-letter queue (decision 0165): it is itself the end of the line. */
export function suppressDeadLetterQueueFindings(queue: IConstruct): void {
  NagSuppressions.addResourceSuppressions(queue, [
    {
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the signing batches queue: it holds messages that failed every delivery, for the operator (an alarm fires on the first); a queue behind it would have no consumer.',
    },
  ]);
}

/** The stream consumer's role: Lambda's poller lists the table's streams, an action without resource-level permissions. */
export function suppressStreamReaderFindings(role: IConstruct): void {
  NagSuppressions.addResourceSuppressions(
    role,
    [
      {
        id: 'AwsSolutions-IAM5',
        reason: 'dynamodb:ListStreams supports no resource-level permissions (Resource must be "*"); reading records is limited to the table\'s own stream ARN.',
        appliesTo: ['Resource::*'],
      },
    ],
    true,
  );
}

/** The CloudFront distribution in front of the API (api-edge.ts). */
export function suppressEdgeFindings(distribution: IConstruct): void {
  NagSuppressions.addResourceSuppressions(distribution, [
    {
      id: 'AwsSolutions-CFR1',
      reason: 'No geo restriction: companies registered in Shenzhen and integrated systems call the API from wherever they operate; per-IP rate rules in AWS WAF apply everywhere.',
    },
    {
      id: 'AwsSolutions-CFR4',
      reason:
        'Without a custom domain the distribution uses the default *.cloudfront.net certificate, for which CloudFront fixes the minimum protocol at TLSv1; the security policy is set to TLSv1.2_2021 and applies as soon as a custom domain and certificate are attached (docs/deploying.md).',
    },
  ]);
}

/**
 * The CDK trigger that runs the platform bootstrap after deployment: CDK's own singleton provider
 * Lambda (it invokes our function and nothing else), with the AWS-managed basic execution policy
 * and a runtime CDK chooses.
 */
export function suppressTriggerFindings(stack: IConstruct, trigger: IConstruct): void {
  NagSuppressions.addResourceSuppressions(
    trigger,
    [{ id: 'AwsSolutions-IAM4', reason: 'CDK triggers provider: AWSLambdaBasicExecutionRole (its own logs only).' }],
    true,
  );
  for (const child of stack.node.findAll()) {
    if (!child.node.path.includes('AWSCDK.TriggerCustomResourceProvider')) continue;
    NagSuppressions.addResourceSuppressions(child, [
      { id: 'AwsSolutions-IAM4', reason: 'CDK triggers provider: AWSLambdaBasicExecutionRole (its own logs only).' },
      { id: 'AwsSolutions-IAM5', reason: 'CDK triggers provider: may invoke the trigger handler function and its versions only (lambda:InvokeFunction on <fn>:*).' },
      { id: 'AwsSolutions-L1', reason: 'CDK triggers provider: its runtime is chosen and maintained by aws-cdk-lib.' },
    ], true);
  }
}
