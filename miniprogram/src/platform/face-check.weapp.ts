import { isWeChatCancel, PlatformError } from './errors';
import { requestPrivacyConsent } from './privacy-consent';
import type { FaceCheckRequest, FaceCheckResult } from './types';

interface RequestFacialVerify {
  (options: { verifyId: string; success: () => void; fail: (err: { errMsg?: string; errCode?: number }) => void }): void;
}

/**
 * WeChat face check (人脸核身, base library 3.8.12+) for a verify id the backend obtained. Success
 * only means the check ran; the backend queries the verdict with the same verify id.
 */
export async function faceCheck({ verifyId }: FaceCheckRequest): Promise<FaceCheckResult> {
  if (!verifyId) throw new PlatformError('UNSUPPORTED', '人脸核验暂不可用，请稍后重试');
  await requestPrivacyConsent();
  const requestFacialVerify = (wx as unknown as { requestFacialVerify?: RequestFacialVerify }).requestFacialVerify;
  if (!requestFacialVerify) throw new PlatformError('UNSUPPORTED', '当前微信版本不支持人脸核验，请升级微信后重试');
  return new Promise((resolve, reject) => {
    requestFacialVerify({
      verifyId,
      success: () => resolve({ verifyId }),
      fail: (err) =>
        reject(
          isWeChatCancel(err)
            ? new PlatformError('CANCELLED', '已取消人脸核验', { cause: err })
            : new PlatformError('FACE_CHECK_FAILED', '人脸核验未通过，请重试', { cause: err }),
        ),
    });
  });
}
