import type { OfdFiles } from './container';
import { parseBox, requireFile, type Box } from './document';
import { OfdError } from './errors';
import { resolveLoc } from './paths';
import { attribute, child, children, parseXml, text } from './xml';

/** An entry of Signatures.xml. */
export interface SignatureEntry {
  id: string;
  /** "Seal" (电子签章, SES_Signature) or "Sign" (数字签名); absent means Seal. */
  type: string;
  /** Path of this signature's Signature.xml. */
  path: string;
}

export interface SignatureList {
  maxSignId: string;
  entries: SignatureEntry[];
}

/** A Signature.xml (GB/T 33190 §18.2), with its locations resolved to package paths. */
export interface SignatureDescription {
  path: string;
  signedValuePath: string;
  signatureMethod: string;
  signatureDateTime: string;
  checkMethod: string;
  references: { path: string; loc: string; checkValue: Uint8Array }[];
  sealPath?: string;
  stamps: { id: string; pageRef: string; boundary: Box; clip?: Box }[];
  provider: { name: string; company?: string; version?: string };
}

export function readSignatureList(files: OfdFiles, path: string): SignatureList {
  const root = child(parseXml(requireFile(files, path, 'the signature list'), path), 'Signatures');
  return {
    maxSignId: text(child(root, 'MaxSignId')),
    entries: children(root, 'Signature').map((entry) => {
      const id = attribute(entry, 'ID');
      const baseLoc = attribute(entry, 'BaseLoc');
      if (!id || !baseLoc) throw new OfdError('OFD_MISSING_PART', `a signature in ${path} has no ID or BaseLoc`);
      return { id, type: attribute(entry, 'Type') ?? 'Seal', path: resolveLoc(path, baseLoc) };
    }),
  };
}

export function readSignatureDescription(files: OfdFiles, path: string): SignatureDescription {
  const signature = child(parseXml(requireFile(files, path, 'the signature description'), path), 'Signature');
  const info = child(signature, 'SignedInfo');
  const signedValue = text(child(signature, 'SignedValue'));
  if (!info || !signedValue) throw new OfdError('OFD_MISSING_PART', `${path} has no SignedInfo or SignedValue`);
  const references = child(info, 'References');
  const sealLoc = text(child(child(info, 'Seal'), 'BaseLoc'));
  const provider = child(info, 'Provider');
  return {
    path,
    signedValuePath: resolveLoc(path, signedValue),
    signatureMethod: text(child(info, 'SignatureMethod')),
    signatureDateTime: text(child(info, 'SignatureDateTime')),
    checkMethod: attribute(references, 'CheckMethod') ?? 'MD5',
    references: children(references, 'Reference').map((reference) => {
      const loc = attribute(reference, 'FileRef') ?? '';
      return { loc, path: resolveLoc(path, loc), checkValue: new Uint8Array(Buffer.from(text(child(reference, 'CheckValue')), 'base64')) };
    }),
    ...(sealLoc ? { sealPath: resolveLoc(path, sealLoc) } : {}),
    stamps: children(info, 'StampAnnot').map((stamp) => {
      const clip = parseBox(attribute(stamp, 'Clip'));
      return {
        id: attribute(stamp, 'ID') ?? '',
        pageRef: attribute(stamp, 'PageRef') ?? '',
        boundary: parseBox(attribute(stamp, 'Boundary')) ?? [0, 0, 0, 0],
        ...(clip ? { clip } : {}),
      };
    }),
    provider: {
      name: attribute(provider, 'ProviderName') ?? '',
      ...(attribute(provider, 'Company') ? { company: attribute(provider, 'Company')! } : {}),
      ...(attribute(provider, 'Version') ? { version: attribute(provider, 'Version')! } : {}),
    },
  };
}
