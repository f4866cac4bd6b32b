import Taro from '@tarojs/taro';
import { resetTaroStub } from '../../test/taro-stub';
import { fetchSigningRecords, shortHash, signDocument, signedFileName, uploadDocument } from './documents';

const fetchMock = jest.fn();

beforeEach(() => {
  resetTaroStub();
  fetchMock.mockReset();
  global.fetch = fetchMock as unknown as typeof fetch;
});

function apiAnswers(...bodies: unknown[]): void {
  for (const body of bodies) jest.mocked(Taro.request).mockResolvedValueOnce({ statusCode: 200, data: body } as never);
}

describe('documents service', () => {
  it('uploads the chosen file to the presigned URL with the headers it was signed for (the browser sets the length)', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]).buffer; // %PDF
    fetchMock.mockResolvedValueOnce({ arrayBuffer: async () => bytes }); // readChosenFile (H5)
    fetchMock.mockResolvedValueOnce({ ok: true, status: 200 }); // the PUT
    apiAnswers({
      documentId: 'doc1',
      uploadUrl: 'http://s3.local/up?sig=1',
      uploadHeaders: { 'content-type': 'application/pdf', 'content-length': '4' },
      expiresAt: 'x',
    });

    const uploaded = await uploadDocument({ name: '合同.pdf', size: bytes.byteLength, path: 'blob:1' });

    expect(uploaded.documentId).toBe('doc1');
    expect(jest.mocked(Taro.request).mock.calls[0]![0]).toMatchObject({
      method: 'POST',
      data: { name: '合同.pdf', size: bytes.byteLength },
    });
    expect(fetchMock).toHaveBeenLastCalledWith('http://s3.local/up?sig=1', {
      method: 'PUT',
      body: bytes,
      headers: { 'content-type': 'application/pdf' },
    });
  });

  it('refuses to go on when storage refuses the upload', async () => {
    const bytes = new ArrayBuffer(4);
    fetchMock.mockResolvedValueOnce({ arrayBuffer: async () => bytes });
    fetchMock.mockResolvedValueOnce({ ok: false, status: 403 });
    apiAnswers({ documentId: 'doc1', uploadUrl: 'http://s3.local/up', uploadHeaders: {}, expiresAt: 'x' });
    await expect(uploadDocument({ name: 'a.pdf', size: 4, path: 'blob:1' })).rejects.toThrow('文件上传失败（403），请重试');
  });

  it('sends only page and position of each placement, with the seal, PIN and 骑缝章 choice', async () => {
    apiAnswers({ documentId: 'doc1', version: 1, pages: 3, signatures: 1 });
    await signDocument('doc1', {
      sealId: 'seal1',
      pin: '135790',
      placements: [{ page: 2, x: 10, y: 20, key: 'k1' } as never],
      crossPage: true,
      requestId: 'req-12345678',
    });
    expect(jest.mocked(Taro.request).mock.calls[0]![0]).toMatchObject({
      url: '/v1/documents/doc1/sign',
      method: 'POST',
      data: { sealId: 'seal1', pin: '135790', placements: [{ page: 2, x: 10, y: 20 }], crossPage: true, requestId: 'req-12345678' },
    });
  });

  it('names the signed copy after the original', () => {
    expect(signedFileName('采购合同.PDF')).toBe('采购合同-已签章.pdf');
    expect(signedFileName('采购合同-已签章.pdf')).toBe('采购合同-已签章.pdf');
    expect(signedFileName('公文.OFD')).toBe('公文-已签章.ofd');
  });

  it('shortens a SHA-256 to its two ends for a list line', () => {
    const hash = 'a'.repeat(8) + '0'.repeat(48) + 'b'.repeat(8);
    expect(shortHash(hash)).toBe('aaaaaaaa…bbbbbbbb');
    expect(shortHash('abc')).toBe('abc');
  });

  it("asks for a seal's 用印记录 by its id, a screenful at a time, with the next page's cursor", async () => {
    apiAnswers({ seal: { sealId: 's 1', companyId: 'c', companyName: '公司', name: '法定名称章' }, items: [] });
    await fetchSigningRecords('s 1', 'next');
    expect(jest.mocked(Taro.request).mock.calls[0]![0]).toMatchObject({
      url: '/v1/seals/s%201/signing-records?cursor=next&limit=10',
      method: 'GET',
    });
  });
});
