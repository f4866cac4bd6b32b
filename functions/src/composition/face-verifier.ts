import { portRecipe } from '../composition';
import { readRegistrySeed } from '../adapters/registry/seed';
import { SimulatedFaceVerifier } from '../adapters/face/simulated-face-verifier';
import { WechatFaceVerifier } from '../adapters/face/wechat-face-verifier';
import { loadIdentityConfig } from '../domain/identity/identity-config';
import { wechatTokensOf } from './wechat-tokens';

/** FACE_VERIFIER: the simulated check (names from the registry seed) or WeChat's real-name face check. */
export const faceVerifier = portRecipe('faceVerifier', (env, ports) => {
  const c = loadIdentityConfig(env);
  switch (c.FACE_VERIFIER) {
    case 'simulated':
      return new SimulatedFaceVerifier(c.STAGE, (idNumber) => readRegistrySeed().people.find((p) => p.idNumber === idNumber)?.name);
    case 'wechat':
      return new WechatFaceVerifier({ base: c.WECHAT_API_BASE, tokens: wechatTokensOf(ports, env) });
  }
});
