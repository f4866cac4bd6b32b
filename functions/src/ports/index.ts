import type { Config } from '../config/config';
import type { BlobStore } from './blob-store';
import type { BusinessRegistry } from './business-registry';
import type { FaceVerifier } from './face-verifier';
import type { IdNumberVault } from './id-number-vault';
import type { KeyCustody } from './key-custody';
import type { PinKeys } from './pin-keys';
import type { PlatformKeys } from './platform-keys';
import type { SealStore } from './seal-store';
import type { WechatAuth } from './wechat-auth';
import type { Notifier } from './notifier';
import type { ElectronicLicence } from './electronic-licence';
import type { SigningQueue } from './signing-queue';

/**
 * Everything the domain talks to, as one container: what a use case receives (as `services`).
 * composition.ts builds each port on first use; tests replace one with `replacePorts`.
 */
export interface Ports {
  readonly config: Config;
  /** The clock: the time of the request. */
  now(): Date;
  readonly store: SealStore;
  /** The documents bucket. */
  readonly blobs: BlobStore;
  /** Where seal-credential keys live (KEY_CUSTODY). */
  readonly custody: KeyCustody;
  readonly platformKeys: PlatformKeys;
  /** The signing-PIN MAC key (KMS HMAC, decision 0140). */
  readonly pinKeys: PinKeys;
  readonly idNumbers: IdNumberVault;
  readonly faceVerifier: FaceVerifier;
  readonly registry: BusinessRegistry;
  readonly wechatAuth: WechatAuth;
  /** Pushes notifications outside the app (WeChat subscribe messages; the local inbox). */
  readonly notifier: Notifier;
  /** 电子营业执照 authorization of 在线申请. */
  readonly licences: ElectronicLicence;
  /** Where signing batches' documents wait for the workers (decision 0165). */
  readonly signingQueue: SigningQueue;
}

export type { BlobStore, BusinessRegistry, ElectronicLicence, FaceVerifier, IdNumberVault, KeyCustody, Notifier, PinKeys, PlatformKeys, SealStore, SigningQueue, WechatAuth };
