import { createHash } from 'node:crypto';
import type { SealKind } from '@seal/shared';
// Module paths, not the indexes: the SES index brings the readers and checkers, the PKI index the CMS builders.
import { assembleSeal, sealInfoDer, type SealContent } from '../../engines/ses/write';
import { certificateFacts } from '../../engines/ses/certificate';
import { signMessage } from '../../engines/pki/signer';
import { sealToSvg } from '../../engines/appearance';
import { MM } from '../../engines/appearance/drawing';
import type { Ports } from '../../ports';
import type { CompanyRecord, SealDataRecord, SealRecord } from '../../ports/seal-store';
import { gmPlatformPki } from '../platform-pki/platform-ca';
import { sealDrawingOf } from '../document/seal-drawing';

/** SES_Header.vid (电子印章厂商标识): names the platform that made the seal. */
export const SEAL_DATA_VENDOR = 'seal-platform';

/** SES_ESPropertyInfo.type: 1 单位印章, 2 个人印章 (GB/T 38540 §5.3). The legal representative's name seal is a person's. */
const sealDataType = (kind: SealKind): number => (kind === 'legal_representative_name' ? 2 : 1);

export interface MadeSealData {
  record: SealDataRecord;
  /** Deletes the stored DER when the write that would have named it failed. */
  discard(): Promise<void>;
}

/**
 * Makes the seal's 印章数据 (GB/T 38540 v4 SES_Seal, decision 0077): the seal as the platform draws
 * it (SVG, the appearance engine's paths), the signer certificates it may be applied with, valid
 * from now until the earliest of their expiries, signed by the platform's SM2 seal maker. The DER
 * goes to the blob store under a key of its own digest; the returned record is what the caller
 * writes on the seal in the same transaction as the certificates it lists.
 */
export async function makeSealData(
  services: Ports,
  input: {
    company: Pick<CompanyRecord, 'name' | 'companyId' | 'legalRepName'>;
    seal: Pick<SealRecord, 'sealId' | 'kind' | 'name'>;
    certificates: readonly Uint8Array[];
    now: Date;
  },
): Promise<MadeSealData> {
  if (input.certificates.length === 0) throw new Error(`seal ${input.seal.sealId}: 印章数据 lists at least one certificate`);
  const pki = await gmPlatformPki(services);
  const facts = input.certificates.map((der) => certificateFacts(der));
  if (facts.some((f) => !f)) throw new Error(`seal ${input.seal.sealId}: a listed certificate is unreadable`);
  const validEnd = new Date(Math.min(...facts.map((f) => f!.notAfter.getTime())));
  const drawing = sealDrawingOf(input.company, input.seal);
  const content: SealContent = {
    vid: SEAL_DATA_VENDOR,
    esId: input.seal.sealId,
    type: sealDataType(input.seal.kind),
    name: input.seal.name,
    signerCertificates: [...input.certificates],
    createDate: input.now,
    validStart: input.now,
    validEnd,
    picture: {
      type: 'SVG',
      data: new TextEncoder().encode(sealToSvg(drawing)),
      widthMm: Math.round(drawing.width / MM),
      heightMm: Math.round(drawing.height / MM),
    },
  };
  const info = sealInfoDer(content);
  const der = assembleSeal(info, pki.sealMaker, await signMessage(pki.sealMakerSigner, info));
  const key = `seals/${input.seal.sealId}/seal-data/${createHash('sha256').update(der).digest('hex')}.esl`;
  await services.blobs.put(key, der, { contentType: 'application/octet-stream' });
  const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();
  return {
    record: {
      key,
      esId: content.esId,
      maker: certificateFacts(pki.sealMaker)?.subjectCommonName ?? '',
      validStart: wholeSeconds(input.now),
      validEnd: wholeSeconds(validEnd),
      madeAt: input.now.toISOString(),
      certificates: input.certificates.length,
    },
    discard: () => services.blobs.delete(key),
  };
}
