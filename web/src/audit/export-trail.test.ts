import type { sealDto } from '@seal/shared';
import { call } from '../api/client';
import { saveBlob } from '../api/download';
import { EXPORT_MAX_PAGES, exportTrail } from './export-trail';

jest.mock('../api/client', () => ({ call: jest.fn() }));
jest.mock('../api/download', () => ({ saveBlob: jest.fn() }));

const link = (seq: number) => ({ companyId: 'C', seq, at: '2026-11-02T01:00:00.000Z', actorId: 'p', actorRole: 'legal_representative', action: 'seal.claim', subject: `s${seq}`, prevHash: 'x', hash: 'y' });
const page = (seqs: number[], checkpoints: number[], cursor?: string): sealDto.AuditExport => ({
  format: 'seal-audit-export',
  version: 1,
  companyId: 'C',
  from: '2026-11-01',
  to: '2026-11-30',
  exportedAt: '2026-12-04T10:00:00.000Z',
  events: seqs.map(link),
  checkpoints: checkpoints.map((seq) => ({ companyId: 'C', seq, hash: 'y', at: '2026-11-02T01:00:00.000Z', token: 't' })),
  certificates: { root: 'ROOT', tsa: ['TSA'] },
  ...(cursor ? { cursor } : {}),
});

beforeEach(() => jest.mocked(call).mockReset());

describe('导出 on the desktop', () => {
  it('follows the cursors and saves the pages joined as one file, links and checkpoints in order, without a cursor', async () => {
    jest.mocked(call).mockResolvedValueOnce(page([1, 2], [], 'c1.a')).mockResolvedValueOnce(page([3, 4], [3], 'c1.b')).mockResolvedValueOnce(page([5], [5]));
    const progress: number[] = [];
    await expect(exportTrail('C', '2026-11-01', '2026-11-30', (n) => progress.push(n))).resolves.toBe(5);
    expect(jest.mocked(call).mock.calls.map(([, request]) => (request as unknown as { query: { cursor?: string } }).query.cursor)).toEqual([undefined, 'c1.a', 'c1.b']);
    expect(progress).toEqual([2, 4, 5]);
    const [blob, name] = jest.mocked(saveBlob).mock.calls[0]!;
    expect(name).toBe('审计记录-C-2026-11-01至2026-11-30.json');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader(); // jsdom's Blob has no text()
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blob as Blob);
    });
    const saved = JSON.parse(text) as sealDto.AuditExport;
    expect(saved.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(saved.checkpoints.map((c) => c.seq)).toEqual([3, 5]);
    expect(saved).not.toHaveProperty('cursor');
  });

  it('stops after its page bound and asks for a shorter range, saving nothing', async () => {
    jest.mocked(saveBlob).mockClear();
    jest.mocked(call).mockImplementation(async () => page([1], [], 'c1.more'));
    await expect(exportTrail('C', '2026-01-01', '2026-11-30', () => undefined)).rejects.toThrow('请缩短时间段');
    expect(call).toHaveBeenCalledTimes(EXPORT_MAX_PAGES);
    expect(saveBlob).not.toHaveBeenCalled();
  });
});
