/**
 * The TSTInfo of an RFC 3161 TimeStampToken, read with the DER reader. The token around it is CMS
 * SignedData (read-signed-data.ts); readTimestampToken checks the two together.
 */
import { decodeTime, TAG } from './der';
import { algorithmOf, childrenOf, contentOf, ensure, integerHex, readWhole } from './der-values';
import { decodeOid } from './oids';
import { PkiError } from './errors';

export interface TstFields {
  policyOid: string;
  hashAlgorithm: string;
  messageImprint: Uint8Array;
  serial: string;
  genTime: Date;
  nonce?: string;
}

/** accuracy, ordering, nonce, tsa [0], extensions [1]. */
const TST_OPTIONAL = new Set<number>([TAG.sequence, 0x01, TAG.integer, 0xa0, 0xa1]);

/** TSTInfo { version, policy, messageImprint, serialNumber, genTime, accuracy?, ordering?, nonce?, tsa?, extensions? }. */
export function readTstInfo(tstInfo: Uint8Array): TstFields {
  try {
    const [version, policy, imprint, serial, genTime, ...optional] = childrenOf(tstInfo, readWhole(tstInfo, TAG.sequence), TAG.sequence);
    ensure(version?.tag === TAG.integer && policy?.tag === TAG.oid && genTime?.tag === TAG.generalizedTime, 'TSTInfo');
    const [hashAlgorithm, hashedMessage, ...extra] = childrenOf(tstInfo, imprint, TAG.sequence);
    ensure(hashedMessage?.tag === TAG.octetString && extra.length === 0, 'MessageImprint');
    ensure(
      optional.every((item) => TST_OPTIONAL.has(item.tag)),
      'TSTInfo',
    );
    const nonce = optional.find((item) => item.tag === TAG.integer);
    return {
      policyOid: decodeOid(contentOf(tstInfo, policy)),
      hashAlgorithm: algorithmOf(tstInfo, hashAlgorithm),
      messageImprint: contentOf(tstInfo, hashedMessage).slice(),
      serial: integerHex(tstInfo, serial),
      genTime: decodeTime(tstInfo, genTime),
      ...(nonce ? { nonce: integerHex(tstInfo, nonce) } : {}),
    };
  } catch (cause) {
    throw new PkiError('PKI_MALFORMED', '时间戳内容无法识别', { cause });
  }
}
