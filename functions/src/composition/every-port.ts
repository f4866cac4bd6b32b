import type { PortRecipe } from '../composition';
import { blobs } from './blobs';
import { custody } from './custody';
import { faceVerifier } from './face-verifier';
import { idNumbers } from './id-numbers';
import { licences } from './licences';
import { notifier } from './notifier';
import { pinKeys } from './pin-keys';
import { platformKeys } from './platform-keys';
import { registry } from './registry';
import { wechatAuth } from './wechat-auth';
import { signingQueue } from './signing-queue';

/** Every port: for the local stack (one container serves every route) and tests, never a Lambda bundle. */
export const EVERY_PORT: readonly PortRecipe[] = [blobs, custody, platformKeys, pinKeys, idNumbers, faceVerifier, registry, wechatAuth, notifier, licences, signingQueue];
