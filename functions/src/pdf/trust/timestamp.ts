import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { checkSignedData, sha256 } from '../cms/read-signed-data';
import { OID } from '../cms/oids';
import { verifyChainAt } from './chain';

export interface TimestampCheck {
  time?: Date;
  valid: boolean;
  problems: string[];
}

/**
 * An RFC 3161 signature time-stamp is good when its TSTInfo imprint is SHA-256 of this
 * signature value, its own CMS signature verifies, and its TSA chains to a trusted root at genTime.
 */
export async function checkTimestamp(token: Uint8Array, signatureValue: Uint8Array, trustedRoots: Uint8Array[]): Promise<TimestampCheck> {
  try {
    return await check(token, signatureValue, trustedRoots);
  } catch {
    return { valid: false, problems: ['时间戳无法解析'] };
  }
}

async function check(token: Uint8Array, signatureValue: Uint8Array, trustedRoots: Uint8Array[]): Promise<TimestampCheck> {
  const problems: string[] = [];
  let checked;
  try {
    checked = checkSignedData(token);
  } catch {
    return { valid: false, problems: ['时间戳格式无效'] };
  }
  if (checked.eContentType !== OID.tstInfo || !checked.eContent) return { valid: false, problems: ['时间戳不含时间戳信息'] };
  const asn = asn1js.fromBER(new Uint8Array(checked.eContent).buffer);
  if (asn.offset === -1) return { valid: false, problems: ['时间戳信息无法解析'] };
  const tst = new pkijs.TSTInfo({ schema: asn.result });
  const time = tst.genTime;
  const imprint = tst.messageImprint;
  if (imprint.hashAlgorithm.algorithmId !== OID.sha256 || !Buffer.from(imprint.hashedMessage.getValue()).equals(sha256(signatureValue)))
    problems.push('时间戳与签名值不对应');
  if (!checked.digestMatches || !checked.signatureVerifies) problems.push('时间戳签名无效');
  if (!checked.signerCertificate) problems.push('时间戳未携带签发证书');
  else {
    const chain = await verifyChainAt(checked.signerCertificate, checked.certificates, trustedRoots, time);
    if (chain.status !== 'valid') problems.push('时间戳服务证书不受信任');
  }
  return { time, valid: problems.length === 0, problems };
}
