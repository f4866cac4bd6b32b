import type { RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { IdentitySecret } from './function-permissions';
import { suppressSecretRotation } from './nag-suppressions';

/** `originVerify`: the header CloudFront adds and the API functions require (decision 0074). */
export type PlatformSecretName = IdentitySecret | 'session' | 'originVerify';

/**
 * Environment variables of each secret: a function gets the ARN; at run time the secrets extension
 * loader (functions/src/config/runtime-secrets.ts) sets the value one, which config.ts and
 * identity-config.ts read.
 */
export const SECRET_ENV: Record<PlatformSecretName, { value: string; arn: string }> = {
  session: { value: 'SESSION_SECRET', arn: 'SESSION_SECRET_ARN' },
  originVerify: { value: 'ORIGIN_VERIFY_SECRET', arn: 'ORIGIN_VERIFY_SECRET_ARN' },
  wechatAppSecret: { value: 'WECHAT_APP_SECRET', arn: 'WECHAT_APP_SECRET_ARN' },
  registryHmacKey: { value: 'REGISTRY_HMAC_KEY', arn: 'REGISTRY_HMAC_KEY_ARN' },
  personIdKey: { value: 'PERSON_ID_KEY', arn: 'PERSON_ID_KEY_ARN' },
};

/**
 * Secrets Manager entries. Generated values are random 64-character strings; the WeChat app secret
 * is a placeholder the operator replaces (docs/deploying.md), and the registry HMAC key is given to
 * the business registry.
 */
export class PlatformSecrets extends Construct {
  readonly all: Record<PlatformSecretName, secretsmanager.Secret>;

  constructor(scope: Construct, id: string, props: { stage: string; key: kms.IKey; removalPolicy: RemovalPolicy }) {
    super(scope, id);
    const secret = (name: string, description: string) => {
      const made = new secretsmanager.Secret(this, name, {
        secretName: `seal-platform/${props.stage}/${name}`,
        description,
        encryptionKey: props.key,
        removalPolicy: props.removalPolicy,
        generateSecretString: { passwordLength: 64, excludePunctuation: true },
      });
      suppressSecretRotation(made);
      return made;
    };
    this.all = {
      session: secret('session-signing-secret', 'HMAC key of session tokens (HS256)'),
      wechatAppSecret: secret('wechat-app-secret', 'WeChat mini-program AppSecret: replace with the value from mp.weixin.qq.com'),
      registryHmacKey: secret('registry-hmac-key', 'HMAC key of business-registry notifications: share with the registry'),
      personIdKey: secret('person-id-key', 'Key of the keyed hash that turns an ID number into a person id: never change it'),
      originVerify: secret('origin-verify', 'Header value CloudFront adds to every API request; the functions refuse requests without it (rotate by redeploying)'),
    };
  }
}
