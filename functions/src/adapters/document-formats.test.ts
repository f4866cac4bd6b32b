import { documentFormats, sniffDocumentFormat } from './document-formats';
import { pdfReader } from './pdf-format/read';
import { pdfSigner } from './pdf-format/sign';
import { handmadePdf } from '../../test-support/pdf/handmade-pdf';

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('choosing a document format by its bytes', () => {
  it('knows a PDF by its header, also after up to 1024 bytes of something else, as PDF readers do', () => {
    expect(sniffDocumentFormat(latin1('%PDF-1.7\n1 0 obj'))).toBe('pdf');
    expect(sniffDocumentFormat(latin1(`${' '.repeat(1000)}%PDF-1.4\n`))).toBe('pdf');
    expect(sniffDocumentFormat(latin1(`${' '.repeat(2000)}%PDF-1.4\n`))).toBeUndefined();
  });

  it('knows a zip package (what an OFD file is) by its first bytes, and nothing else', () => {
    expect(sniffDocumentFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe('ofd');
    expect(sniffDocumentFormat(new TextEncoder().encode('合同正文'))).toBeUndefined();
    expect(sniffDocumentFormat(new Uint8Array())).toBeUndefined();
  });

  it('refuses bytes of a format the function does not handle with a 4xx and a stable code', () => {
    const formats = documentFormats([pdfSigner]);
    expect(formats.of(latin1('%PDF-1.7\n')).format).toBe('pdf');
    for (const bytes of [new Uint8Array([0x50, 0x4b, 0x03, 0x04]), new TextEncoder().encode('不是文件')]) {
      expect(() => formats.of(bytes)).toThrow(expect.objectContaining({ code: 'DOCUMENT_FORMAT_UNSUPPORTED', status: 415 }));
    }
  });
});

describe('describing a PDF', () => {
  const pdf = handmadePdf([
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R 4 0 R]/Count 2/MediaBox[0 0 595.28 841.89]>>',
    '<</Type/Page/Parent 2 0 R>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 841.89 595.28]>>',
  ]);

  it('counts pages and signatures without reading the pages', async () => {
    expect(await pdfReader.describe(pdf)).toEqual({ format: 'pdf', pages: 2, signatures: 0 });
  });

  it('gives every page size when asked, inherited through the page tree', async () => {
    expect((await pdfReader.describe(pdf, { pageSizes: true })).pageSizes).toEqual([
      { width: 595.28, height: 841.89 },
      { width: 841.89, height: 595.28 },
    ]);
  });

  it('answers PDF_UNREADABLE, as a domain error, for a PDF it cannot read', async () => {
    await expect(pdfReader.describe(latin1('%PDF-1.7\ngarbage'))).rejects.toMatchObject({ name: 'DomainError', code: 'PDF_UNREADABLE' });
  });
});
