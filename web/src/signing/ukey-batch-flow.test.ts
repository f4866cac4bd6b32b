import { documentDto } from '@seal/shared/api';
import { MAX_BATCH_DIGESTS } from '@seal/shared/ukey-client';
import { batchProblem } from './ukey-batch-flow';

const MB = 1024 * 1024;
const file = (name: string, size = 1000) => ({ name, size });

describe('a UKey batch is bounded before anything is read or uploaded', () => {
  it('takes 1 to 20 files of at most 50 MB each', () => {
    expect(batchProblem([file('a.pdf')])).toBeUndefined();
    expect(batchProblem(Array.from({ length: MAX_BATCH_DIGESTS }, (_, i) => file(`${i}.pdf`, 50 * MB)))).toBeUndefined();
  });

  it('says why it refuses none, too many, or one too large', () => {
    expect(batchProblem([])).toBe('请选择要签章的文件');
    expect(batchProblem(Array.from({ length: MAX_BATCH_DIGESTS + 1 }, (_, i) => file(`${i}.pdf`)))).toBe('一次最多批量签章20份文件');
    expect(batchProblem([file('a.pdf'), file('大文件.pdf', 50 * MB + 1)])).toBe('文件“大文件.pdf”过大，单个文件不能超过50MB');
  });
});

describe('a signing job batch is bounded the same way, at 1,000 files', () => {
  it('takes 1,000 files and refuses 1,001', () => {
    const max = documentDto.MAX_SIGNING_BATCH_DOCUMENTS;
    expect(batchProblem(Array.from({ length: max }, (_, i) => file(`${i}.pdf`)), max)).toBeUndefined();
    expect(batchProblem(Array.from({ length: max + 1 }, (_, i) => file(`${i}.pdf`)), max)).toBe('一次最多批量签章1000份文件');
  });
});
