import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { DigestSigner } from './digest-signer';
import { DIGEST_LENGTHS } from './oids';
import { createTimestampToken, DEFAULT_TSA_POLICY_OID } from './timestamp-token';
import { namedBitString } from './extensions';
import { toArrayBuffer } from './bytes';

/** The platform TSA as the HTTP endpoint sees it. */
export interface TimestampAuthority {
  signer: DigestSigner;
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
  let request: pkijs.TimeStampReq;
  try {
    request = pkijs.TimeStampReq.fromBER(toArrayBuffer(requestDer));
  } catch {
    return rejection(FAILURE.badDataFormat, '请求格式无法识别');
  }
  const policyOid = tsa.policyOid ?? DEFAULT_TSA_POLICY_OID;
  const algorithm = request.messageImprint.hashAlgorithm;
  const imprint = request.messageImprint.hashedMessage.valueBlock.valueHexView;
  if (request.version !== 1) return rejection(FAILURE.badRequest, '请求版本不受支持');
  if (DIGEST_LENGTHS[algorithm.algorithmId] !== imprint.length) return rejection(FAILURE.badAlg, '摘要算法不受支持');
  if (request.reqPolicy && request.reqPolicy !== policyOid) return rejection(FAILURE.unacceptedPolicy, '时间戳策略不受支持');
  if (request.extensions?.length) return rejection(FAILURE.unacceptedExtension, '请求扩展不受支持');

  const token = await createTimestampToken({
    signer: tsa.signer,
    tsaCertificate: tsa.tsaCertificate,
    chain: tsa.chain,
    messageImprint: imprint,
    hashAlgorithm: algorithm,
    genTime: tsa.now(),
    ...(request.nonce ? { nonce: new Uint8Array(request.nonce.valueBlock.valueHexView) } : {}),
    policyOid,
    includeCertificates: request.certReq === true,
  });
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
    timeStampToken: pkijs.ContentInfo.fromBER(toArrayBuffer(token)),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}

function rejection(failureBit: number, text: string): Uint8Array {
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({
      status: pkijs.PKIStatus.rejection,
      statusStrings: [new asn1js.Utf8String({ value: text })],
      failInfo: namedBitString([failureBit]),
    }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}
