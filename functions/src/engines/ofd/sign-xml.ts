import type { Box } from './document';
import { escapeXml } from './xml';

/** The XML the platform writes into an OFD package (namespace prefix `ofd`, as GB/T 33190's examples). */
export const OFD_NAMESPACE = 'http://www.ofdspec.org/2016';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export interface StampAnnotXml {
  id: string;
  pageRef: string;
  boundary: Box;
  clip?: Box;
}

export interface SignatureXmlInput {
  provider: { name: string; company?: string; version?: string };
  signatureMethod: string;
  signatureDateTime: string;
  checkMethod: string;
  references: { loc: string; checkValue: Uint8Array }[];
  stamps: StampAnnotXml[];
  sealLoc: string;
  signedValueLoc: string;
}

/** Sign_N/Signature.xml (GB/T 33190 §18.2.2), in the schema's element order. */
export function signatureXml(input: SignatureXmlInput): string {
  const { provider } = input;
  const providerXml = `<ofd:Provider ProviderName="${escapeXml(provider.name)}"${provider.company ? ` Company="${escapeXml(provider.company)}"` : ''}${provider.version ? ` Version="${escapeXml(provider.version)}"` : ''}/>`;
  const references = input.references
    .map((r) => `<ofd:Reference FileRef="${escapeXml(r.loc)}"><ofd:CheckValue>${Buffer.from(r.checkValue).toString('base64')}</ofd:CheckValue></ofd:Reference>`)
    .join('');
  const stamps = input.stamps
    .map((s) => `<ofd:StampAnnot ID="${escapeXml(s.id)}" PageRef="${escapeXml(s.pageRef)}" Boundary="${box(s.boundary)}"${s.clip ? ` Clip="${box(s.clip)}"` : ''}/>`)
    .join('');
  return (
    DECLARATION +
    `<ofd:Signature xmlns:ofd="${OFD_NAMESPACE}"><ofd:SignedInfo>${providerXml}` +
    `<ofd:SignatureMethod>${escapeXml(input.signatureMethod)}</ofd:SignatureMethod>` +
    `<ofd:SignatureDateTime>${escapeXml(input.signatureDateTime)}</ofd:SignatureDateTime>` +
    `<ofd:References CheckMethod="${escapeXml(input.checkMethod)}">${references}</ofd:References>` +
    stamps +
    `<ofd:Seal><ofd:BaseLoc>${escapeXml(input.sealLoc)}</ofd:BaseLoc></ofd:Seal>` +
    `</ofd:SignedInfo><ofd:SignedValue>${escapeXml(input.signedValueLoc)}</ofd:SignedValue></ofd:Signature>`
  );
}

/** A fresh Signatures.xml with one entry. */
export function signaturesXml(maxSignId: string, entry: { id: string; loc: string }): string {
  return `${DECLARATION}<ofd:Signatures xmlns:ofd="${OFD_NAMESPACE}"><ofd:MaxSignId>${escapeXml(maxSignId)}</ofd:MaxSignId>${signatureEntry(entry)}</ofd:Signatures>`;
}

export const signatureEntry = (entry: { id: string; loc: string }): string =>
  `<ofd:Signature ID="${escapeXml(entry.id)}" Type="Seal" BaseLoc="${escapeXml(entry.loc)}"/>`;

/** Numbers as OFD writes them: millimetres, at most three decimals, no exponent. */
function box(values: Box): string {
  return values.map((v) => String(Math.round(v * 1000) / 1000)).join(' ');
}
