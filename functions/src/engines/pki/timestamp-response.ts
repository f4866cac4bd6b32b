import { AsnConvert } from '@peculiar/asn1-schema';
import {
  PKIFailureInfo,
  PKIFreeText,
  PKIStatus,
  PKIStatusInfo,
  TimeStampReq,
  TimeStampResp,
  type TimeStampToken,
} from '@peculiar/asn1-tsp';
import type { Signer } from './signer';
import { DIGEST_LENGTHS } from './oids';
import { createTimestampToken, DEFAULT_TSA_POLICY_OID } from './timestamp-token';
import { namedBits } from './certificate-extensions';
import { derOf, rawDer } from './schema';

/** The platform TSA as the HTTP endpoint sees it. */
export interface TimestampAuthority {
  signer: Signer;
  tsaCertificate: Uint8Array;
  /** Sent when the request asks for certificates (certReq): usually the root. */
  chain?: Uint8Array[];
  policyOid?: string;
  /** The clock; the token's genTime. */
  now: () => Date;
}

/** PKIFailureInfo bits (RFC 3161 §2.4.2). */
const FAILURE = { badAlg: 0, badRequest: 2, badDataFormat: 5, unacceptedPolicy: 15, unacceptedExtension: 16 } as const;

/**
 * Answers a DER TimeStampReq (`application/timestamp-query`) with a DER TimeStampResp
 * (`application/timestamp-reply`): granted with a token, or rejection with the failure reason.
 * Never throws for a bad request: the HTTP answer is always a TimeStampResp.
 */
export async function timestampResponse(requestDer: Uint8Array, tsa: TimestampAuthority): Promise<Uint8Array> {
  let request: TimeStampReq;
  try {
    request = AsnConvert.parse(requestDer, TimeStampReq);
  } catch {
    return rejection(FAILURE.badDataFormat, '请求格式无法识别');
  }
  const policyOid = tsa.policyOid ?? DEFAULT_TSA_POLICY_OID;
  const algorithm = request.messageImprint.hashAlgorithm;
  const imprint = new Uint8Array(request.messageImprint.hashedMessage.buffer);
  if (request.version !== 1) return rejection(FAILURE.badRequest, '请求版本不受支持');
  if (DIGEST_LENGTHS[algorithm.algorithm] !== imprint.length) return rejection(FAILURE.badAlg, '摘要算法不受支持');
  if (request.reqPolicy && request.reqPolicy !== policyOid) return rejection(FAILURE.unacceptedPolicy, '时间戳策略不受支持');
  if (request.extensions?.length) return rejection(FAILURE.unacceptedExtension, '请求扩展不受支持');

  const token = await createTimestampToken({
    signer: tsa.signer,
    tsaCertificate: tsa.tsaCertificate,
    chain: tsa.chain,
    messageImprint: imprint,
    hashAlgorithm: derOf(algorithm),
    genTime: tsa.now(),
    ...(request.nonce ? { nonce: new Uint8Array(request.nonce) } : {}),
    policyOid,
    includeCertificates: request.certReq === true,
  });
  const status = new PKIStatusInfo({ status: PKIStatus.granted });
  return derOf(new TimeStampResp({ status, timeStampToken: rawDer<TimeStampToken>(token) }));
}

function rejection(failureBit: number, text: string): Uint8Array {
  const { value, unusedBits } = namedBits([failureBit]);
  const status = new PKIStatusInfo({
    status: PKIStatus.rejection,
    statusString: new PKIFreeText([text]),
    failInfo: new PKIFailureInfo(value, unusedBits),
  });
  return derOf(new TimeStampResp({ status }));
}
