import { readTimestampToken, type TimestampTokenInfo } from './read-timestamp-token';
import { verifyChain } from './verify-chain';
import { bytesEqual, sha256 } from './bytes';
import { PkiError } from './errors';

export interface TimestampVerdict {
  valid: boolean;
  /** Plain-Chinese reasons when not valid. */
  reasons: string[];
  /** The token's content; absent only when the token could not be read at all. */
  info?: TimestampTokenInfo;
}

export interface TimestampCheck {
  token: Uint8Array;
  /**
   * What the token must cover: the digest itself (`imprint`), or the signature value it timestamps
   * (`signatureValue`, hashed here with SHA-256 as PAdES does).
   */
  imprint?: Uint8Array;
  signatureValue?: Uint8Array;
  trustedRoots: Uint8Array[];
  intermediates?: Uint8Array[];
  /** The TSA certificate, when the token does not carry it. */
  tsaCertificate?: Uint8Array;
}

/** Whether a timestamp token is genuine, from a trusted TSA, and over the expected digest. */
export async function verifyTimestampToken(check: TimestampCheck): Promise<TimestampVerdict> {
  let info: TimestampTokenInfo;
  try {
    info = readTimestampToken(check.token, { tsaCertificate: check.tsaCertificate });
  } catch (error) {
    if (error instanceof PkiError) return { valid: false, reasons: [error.message] };
    throw error;
  }
  const reasons = [...info.problems];
  const expected = check.imprint ?? (check.signatureValue ? sha256(check.signatureValue) : undefined);
  if (!expected) throw new PkiError('PKI_BAD_INPUT', 'give the imprint or the signature value the token must cover');
  if (!bytesEqual(info.messageImprint, expected)) reasons.push('时间戳不是针对该签名生成的');
  if (info.tsaCertificate) {
    const chain = await verifyChain({
      certificate: info.tsaCertificate,
      intermediates: [...info.certificates, ...(check.intermediates ?? [])],
      trustedRoots: check.trustedRoots,
      at: info.genTime,
    });
    if (!chain.trusted) reasons.push(`时间戳服务证书不受信任：${chain.reason ?? ''}`);
  }
  return { valid: reasons.length === 0, reasons, info };
}
