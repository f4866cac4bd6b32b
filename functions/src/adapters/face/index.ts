import type { Services } from '../../composition';
import { loadIdentityConfig } from '../../domain/identity/identity-config';
import { accessTokensFor } from '../wechat';
import type { FaceVerifier } from '../../ports/face-verifier';
import { SimulatedFaceVerifier } from './simulated-face-verifier';
import { WechatFaceVerifier } from './wechat-face-verifier';

export type { FaceVerifier, FaceCheckSubject } from '../../ports/face-verifier';

/** Picks the face verifier from `FACE_VERIFIER` (one place, exhaustive; simulated refuses prod). */
export function faceVerifierFor(services: Services, env: NodeJS.ProcessEnv = process.env): FaceVerifier {
  const c = loadIdentityConfig(env);
  switch (c.FACE_VERIFIER) {
    case 'simulated':
      return new SimulatedFaceVerifier(c.STAGE);
    case 'wechat':
      return new WechatFaceVerifier({ base: c.WECHAT_API_BASE, tokens: accessTokensFor(services, env) });
  }
}
