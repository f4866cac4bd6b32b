import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** A package part read with Info-ZIP's unzip, parsed by fast-xml-parser: none of the platform's OFD code. */
export function partOf(file: string, part: string): Record<string, unknown> {
  const xml = execFileSync('unzip', ['-p', file, part.replace(/^\//, '')], { encoding: 'utf8' });
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    // Lists, even of one (the root of Signature.xml is a Signature too: matched by its path).
    isArray: (_name, jpath) =>
      [
        'Document.Pages.Page',
        'Signatures.Signature',
        'Signature.SignedInfo.StampAnnot',
        'Signature.SignedInfo.References.Reference',
      ].includes(String(jpath)),
  }).parse(xml);
}

/** A location inside the package: absolute, or relative to the part that names it. */
export const resolvePart = (from: string, loc: string) =>
  loc.startsWith('/') ? loc.slice(1) : path.posix.join(path.posix.dirname(from), loc);

type Box = [number, number, number, number];

/**
 * What a signed OFD says, read independently: OFD.xml → the document's pages (ID, content file,
 * PhysicalBox) → Signatures.xml → each signature's stamp annotations and protected files.
 */
export function readSignedOfd(file: string) {
  const ofd = partOf(file, 'OFD.xml').OFD as { DocBody: { DocRoot: string; Signatures: string } };
  const docPath = ofd.DocBody.DocRoot.replace(/^\//, '');
  const doc = partOf(file, docPath).Document as {
    CommonData: { PageArea: { PhysicalBox: string } };
    Pages: { Page: { ID: string; BaseLoc: string }[] };
  };
  const pages = doc.Pages.Page.map((p) => {
    const content = resolvePart(docPath, p.BaseLoc);
    // Each page's own PhysicalBox (Content.xml's Area), else the document's.
    const own = (partOf(file, content).Page as { Area?: { PhysicalBox?: string } }).Area?.PhysicalBox;
    const [, , width, height] = (own ?? doc.CommonData.PageArea.PhysicalBox).split(' ').map(Number) as Box;
    return { id: String(p.ID), content, width, height };
  });
  const listPath = ofd.DocBody.Signatures.replace(/^\//, '');
  const list = (partOf(file, listPath).Signatures as { Signature: { BaseLoc: string }[] }).Signature;
  const signatures = list.map(({ BaseLoc }) => {
    const signed = (
      partOf(file, resolvePart(listPath, BaseLoc)).Signature as {
        SignedInfo: { StampAnnot: Record<string, string>[]; References: { Reference: { FileRef: string }[] } };
      }
    ).SignedInfo;
    return {
      stamps: signed.StampAnnot.map((s) => ({
        pageRef: String(s.PageRef),
        boundary: s.Boundary!.split(' ').map(Number) as Box,
        clip: s.Clip?.split(' ').map(Number) as Box | undefined,
      })),
      protectedFiles: new Set(signed.References.Reference.map((r) => r.FileRef.replace(/^\//, ''))),
    };
  });
  return { pages, signatures };
}
