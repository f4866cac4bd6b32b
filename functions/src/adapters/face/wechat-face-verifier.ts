import { createHash } from 'node:crypto';
import { DomainError } from '@seal/shared';
import { callWechat, TOKEN_ERRCODES, WechatApiError, type WechatReply } from '../wechat/wechat-api';
import type { AccessTokenCache } from '../wechat/access-token';
import type { FaceCheckSubject, FaceVerifier } from '../../ports/face-verifier';

interface VerifyIdReply extends WechatReply {
  verify_id: string;
  expires_in: number;
}
interface VerifyInfoReply extends WechatReply {
  verify_ret: number;
}

/** The only verify_ret that means "this person, alive, in front of this phone". */
export const VERIFY_RET_PASSED = 10000;

/**
 * `cert_hash` of queryverifyinfo: base64(sha256("cert_type=IDENTITY_CARD&cert_name=<name>&cert_no=<no>")),
 * so WeChat can check the result is read for the same identity the check was started for.
 */
export function certHash(name: string, idNumber: string): string {
  return createHash('sha256').update(`cert_type=IDENTITY_CARD&cert_name=${name}&cert_no=${idNumber}`, 'utf8').digest('base64');
}

/**
 * WeChat face verification 2.0: the server gets a verify_id for (openid, name, ID number)
 * (`cityservice/face/identify/getverifyid`), the phone runs `wx.requestFacialVerify` with it, and the
 * server reads the real result (`queryverifyinfo`) — never trusting what the phone says.
 */
export class WechatFaceVerifier implements FaceVerifier {
  readonly mode = 'wechat' as const;

  constructor(private readonly opts: { base: string; tokens: AccessTokenCache; fetch?: typeof fetch }) {}

  async start(subject: FaceCheckSubject): Promise<{ verifyId?: string }> {
    if (!subject.openid) throw new DomainError('FACE_CHECK_FAILED', '请在微信小程序中完成人脸核验');
    const body = {
      out_seq_no: subject.outSeqNo,
      cert_info: { cert_type: 'IDENTITY_CARD', cert_name: subject.name, cert_no: await subject.idNumber() },
      openid: subject.openid,
    };
    const reply = await this.call<VerifyIdReply>('/cityservice/face/identify/getverifyid', body);
    return { verifyId: reply.verify_id };
  }

  async result(subject: FaceCheckSubject & { verifyId?: string }): Promise<{ passed: boolean; reason?: string }> {
    if (!subject.verifyId || !subject.openid) return { passed: false, reason: 'no_verify_id' };
    const body = { verify_id: subject.verifyId, out_seq_no: subject.outSeqNo, cert_hash: certHash(subject.name, await subject.idNumber()), openid: subject.openid };
    try {
      const reply = await this.call<VerifyInfoReply>('/cityservice/face/identify/queryverifyinfo', body);
      return reply.verify_ret === VERIFY_RET_PASSED ? { passed: true } : { passed: false, reason: `verify_ret ${reply.verify_ret}` };
    } catch (error) {
      // A verify_id of another openid, a wrong cert_hash, an expired verify_id: not a pass.
      if (error instanceof WechatApiError) return { passed: false, reason: `errcode ${error.errcode}` };
      throw error;
    }
  }

  private async call<T extends WechatReply>(path: string, body: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.opts.tokens.get();
      try {
        return await callWechat<T>(`${this.opts.base}${path}?access_token=${encodeURIComponent(token)}`, { method: 'POST', body }, this.opts.fetch);
      } catch (error) {
        if (error instanceof WechatApiError && TOKEN_ERRCODES.has(error.errcode) && attempt === 0) {
          this.opts.tokens.invalidate();
          continue;
        }
        if (error instanceof WechatApiError && path.endsWith('getverifyid')) {
          throw new DomainError('FACE_CHECK_FAILED', '无法发起人脸核验，请确认姓名和身份证号码', undefined, { cause: error });
        }
        throw error;
      }
    }
  }
}
