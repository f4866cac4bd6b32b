import { RemovalPolicy } from 'aws-cdk-lib';
import type { Node } from 'constructs';

export type Stage = 'dev' | 'prod';
export type FaceVerifier = 'simulated' | 'wechat';
export type KeyCustody = 'kms-envelope' | 'kms-asymmetric';
/** Where the platform's SM2 keys live (decision 0076): KMS SM2 keys (China regions) or derived from a KMS HMAC key. */
export type Sm2Keys = 'kms-asymmetric' | 'kms-hmac-derived';
/** `cloudfront-waf`: CloudFront with AWS WAF in front of the API (decision 0074); `none`: the API's own URL (China regions). */
export type Edge = 'cloudfront-waf' | 'none';

/** Everything that differs between dev and prod, read once from CDK context (`-c stage=prod`). */
export interface StageSettings {
  stage: Stage;
  faceVerifier: FaceVerifier;
  /** How `wx.login` codes are exchanged; prod refuses the simulated one too (identity-config.ts). */
  wechatAuth: FaceVerifier;
  keyCustody: KeyCustody;
  /** The SM2 root CA, TSA and seal maker keys: KMS `SM2` keys where AWS offers them (China regions), elsewhere derived. */
  sm2Keys: Sm2Keys;
  /** The WeChat mini-program's AppID (not secret). */
  wechatAppId: string;
  /** Where people reach the platform (QR codes, CRL URL); the API's own URL when not given. */
  publicBaseUrl?: string;
  /** prod keeps data (table, buckets, keys, secrets) when the stack is deleted; dev destroys it. */
  removalPolicy: RemovalPolicy;
  logRetentionDays: number;
  /** Object Lock default retention of the audit archive: compliance mode in prod, governance in dev. */
  auditRetentionDays: number;
  /** `stub`: Code.fromInline placeholders instead of esbuild bundles (fast assertion tests). */
  bundling: 'esbuild' | 'stub';
  /** Subscribed by e-mail to the alarm topic (`-c alarmEmail=ops@example.com`); none: the operator subscribes later. */
  alarmEmail?: string;
  /**
   * The Parameters and Secrets extension layer (arm64) for a region CDK's table lacks, e.g. the
   * China regions (`-c paramsAndSecretsLayerArn=arn:aws-cn:lambda:...`); otherwise version 1.0.103.
   */
  paramsAndSecretsLayerArn?: string;
  /**
   * What stands in front of the API. AWS WAF protects CloudFront only from us-east-1 and, in the
   * China regions, regional resources only (not an HTTP API): there the default is `none`.
   */
  edge: Edge;
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if (!allowed.includes(value as T)) throw new Error(`context ${name}=${String(value)}: expected one of ${allowed.join(', ')}`);
  return value as T;
}

/** `region`: where the stack goes (unresolved when synthesized environment-agnostic). */
export function stageSettings(node: Node, region?: string): StageSettings {
  const stage = oneOf<Stage>('stage', node.tryGetContext('stage'), ['dev', 'prod'], 'dev');
  const prod = stage === 'prod';
  const faceVerifier = oneOf<FaceVerifier>('faceVerifier', node.tryGetContext('faceVerifier'), ['simulated', 'wechat'], prod ? 'wechat' : 'simulated');
  const wechatAuth = oneOf<FaceVerifier>('wechatAuth', node.tryGetContext('wechatAuth'), ['simulated', 'wechat'], prod ? 'wechat' : 'simulated');
  // The functions would refuse to start (config.ts, identity-config.ts); refuse at synth instead.
  if (prod && faceVerifier === 'simulated') throw new Error('stage prod cannot use the simulated face verifier (FACE_VERIFIER=simulated)');
  if (prod && wechatAuth === 'simulated') throw new Error('stage prod cannot use the simulated WeChat login (WECHAT_AUTH=simulated)');
  const alarmEmail = node.tryGetContext('alarmEmail') as string | undefined;
  const china = (region ?? '').startsWith('cn-');
  const edge = oneOf<Edge>('edge', node.tryGetContext('edge'), ['cloudfront-waf', 'none'], china ? 'none' : 'cloudfront-waf');
  if (china && edge === 'cloudfront-waf') throw new Error('edge=cloudfront-waf: AWS WAF in the China regions protects regional resources only, not CloudFront (use edge=none)');
  if (alarmEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) throw new Error(`context alarmEmail=${alarmEmail}: not an e-mail address`);
  return {
    stage,
    faceVerifier,
    wechatAuth,
    keyCustody: oneOf<KeyCustody>('keyCustody', node.tryGetContext('keyCustody'), ['kms-envelope', 'kms-asymmetric'], 'kms-envelope'),
    sm2Keys: oneOf<Sm2Keys>('sm2Keys', node.tryGetContext('sm2Keys'), ['kms-asymmetric', 'kms-hmac-derived'], china ? 'kms-asymmetric' : 'kms-hmac-derived'),
    wechatAppId: String(node.tryGetContext('wechatAppId') ?? ''),
    publicBaseUrl: node.tryGetContext('publicBaseUrl') as string | undefined,
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    logRetentionDays: prod ? 365 : 30,
    auditRetentionDays: prod ? 3650 : 1,
    bundling: oneOf<'esbuild' | 'stub'>('bundling', node.tryGetContext('bundling'), ['esbuild', 'stub'], 'esbuild'),
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(node.tryGetContext('paramsAndSecretsLayerArn') ? { paramsAndSecretsLayerArn: String(node.tryGetContext('paramsAndSecretsLayerArn')) } : {}),
    edge,
  };
}
