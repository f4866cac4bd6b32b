import { unzipSync } from 'fflate';
import type { PageBox } from './placement';

/**
 * An OFD package (GB/T 33190) as the signing page needs it: how many pages and how big, to place
 * seals on. The site draws no OFD page contents (no renderer is bundled): each page is shown as a
 * sheet of its size with a note. Only OFD.xml and the first document's Document.xml are inflated,
 * each bounded before inflating; the server reads and checks the whole package when it signs.
 */
export interface OfdPreview {
  pages: PageBox[];
}

const MAX_PART_BYTES = 4 * 1024 * 1024;
const MM = 72 / 25.4;
const A4: [number, number, number, number] = [0, 0, 210, 297];

export function openOfd(bytes: ArrayBuffer): OfdPreview {
  const zip = new Uint8Array(bytes);
  const ofdXml = part(zip, 'OFD.xml');
  const docRoot = /<(?:\w+:)?DocRoot>\s*([^<\s]+)\s*</.exec(ofdXml)?.[1];
  if (!docRoot) throw new Error('OFD.xml names no document');
  const document = parse(part(zip, docRoot.replace(/^\//, '')));
  const boxText = document.getElementsByTagNameNS('*', 'PageArea')[0]?.getElementsByTagNameNS('*', 'PhysicalBox')[0]?.textContent;
  const box = parseBox(boxText) ?? A4;
  const count = Array.from(document.getElementsByTagNameNS('*', 'Pages')[0]?.getElementsByTagNameNS('*', 'Page') ?? []).length;
  if (count === 0) throw new Error('the document has no pages');
  // Pages that set their own Area are shown at the document's size: placement still goes by the server's page box.
  return { pages: Array.from({ length: count }, () => ({ view: [0, 0, box[2] * MM, box[3] * MM] as const })) };
}

function part(zip: Uint8Array, path: string): string {
  const files = unzipSync(zip, { filter: (file) => file.name === path && file.originalSize <= MAX_PART_BYTES });
  const found = files[path];
  if (!found) throw new Error(`${path} is missing or too large`);
  return new TextDecoder('utf-8', { fatal: true }).decode(found);
}

function parse(xml: string): Document {
  // The browser's XML parser loads nothing external; a DOCTYPE is refused as the server refuses it.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('DOCTYPE in an OFD part');
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) throw new Error('malformed XML');
  return document;
}

function parseBox(text: string | null | undefined): [number, number, number, number] | undefined {
  const numbers = text?.trim().split(/\s+/).map(Number);
  return numbers?.length === 4 && numbers.every((n) => Number.isFinite(n) && n >= 0) && numbers[2]! > 0 && numbers[3]! > 0 ? (numbers as [number, number, number, number]) : undefined;
}

/** What a file is, by its first bytes (as the server decides): a PDF header or a zip package (OFD). */
export function formatOf(bytes: ArrayBuffer): 'pdf' | 'ofd' | undefined {
  const head = new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 1029));
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'ofd';
  return new TextDecoder('latin1').decode(head).includes('%PDF-') ? 'pdf' : undefined;
}
