import { sealToSvg } from '../../engines/appearance';
import type { SignatureReport } from '../../ports/document-format';
import { readSealCertificate, type SealCertificateInfo } from '../../engines/pki/read-seal-certificate';
import { normalizeSerial } from '../../engines/pki/revocation';
import type { Ports } from '../../ports';
import { sealDrawingOf } from './seal-drawing';

export interface SignatureOrigin {
  platform: {
    companyId: string;
    companyName: string | null;
    sealId: string;
    sealName: string | null;
    sealKind: string | null;
    sealStateNow: string | null;
    certificateSerial: string;
  } | null;
  sealImageSvg: string | null;
}

const NONE: SignatureOrigin = { platform: null, sealImageSvg: null };

/**
 * Which company and seal made each signature, by the platform's records: the signer certificate
 * (one the engine found chained to the platform root) → its issuance record by serial → the seal
 * and company. A certificate the platform has no record of gets no origin and no image: the UI
 * must not show a seal the platform cannot vouch for.
 */
export async function signatureOrigins(
  services: Ports,
  signatures: readonly SignatureReport[],
  certificates: readonly Uint8Array[],
): Promise<SignatureOrigin[]> {
  const infos = certificates.map(safeInfo).filter((i): i is SealCertificateInfo => !!i);
  return Promise.all(
    signatures.map(async (s) => {
      // The report names the signer certificate's serial; only a certificate the engine checked against the root counts.
      const info = s.signer.serialNumber === null ? undefined : infos.find((i) => i.serialNumber === s.signer.serialNumber && i.creditCode === s.signer.creditCode);
      return info ? originOf(services, info) : NONE;
    }),
  );
}

async function originOf(services: Ports, info: SealCertificateInfo): Promise<SignatureOrigin> {
  const { store } = services;
  const record = await store.certificates.get(normalizeSerial(info.serialNumber));
  if (!record) return NONE;
  const [seal, company] = await Promise.all([store.seals.get(record.sealId), store.companies.get(record.companyId)]);
  return {
    platform: {
      companyId: record.companyId,
      companyName: company?.name ?? info.companyName ?? null,
      sealId: record.sealId,
      sealName: seal?.name ?? info.sealName ?? null,
      sealKind: seal?.kind ?? null,
      sealStateNow: seal?.state ?? null,
      certificateSerial: record.serial,
    },
    sealImageSvg: seal && company ? sealToSvg(sealDrawingOf(company, seal)) : null,
  };
}

function safeInfo(der: Uint8Array): SealCertificateInfo | undefined {
  try {
    return readSealCertificate(der);
  } catch {
    return undefined;
  }
}
