import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toPem } from '../../engines/pki/pem';
import { patchLast } from '../../../test-support/pdf/tamper';
import { signingWorld, samplePdf } from '../../../test-support/pdf/signed-fixtures';
import { main } from './seal';

const dir = mkdtempSync(join(tmpdir(), 'seal-cli-'));
const run = async (...argv: string[]): Promise<{ code: number; out: string }> => {
  let out = '';
  const code = await main(argv, (s) => (out += s + '\n'));
  return { code, out };
};

beforeAll(async () => {
  const world = await signingWorld(new Date());
  const signed = await world.sign(await samplePdf());
  writeFileSync(join(dir, 'signed.pdf'), signed);
  writeFileSync(join(dir, 'tampered.pdf'), patchLast(signed, '%PDF-1.7', '%PDF-1.6'));
  writeFileSync(join(dir, 'root.pem'), toPem(world.pki.root));
  writeFileSync(join(dir, 'note.txt'), '不是 PDF');
});

describe('seal verify', () => {
  it('prints a Chinese report and exits 0 for a valid document', async () => {
    const { code, out } = await run('verify', join(dir, 'signed.pdf'), '--trust', join(dir, 'root.pem'));
    expect(code).toBe(0);
    expect(out).toContain('验证结论：有效');
    expect(out).toContain('合同专用章');
  });

  it('prints JSON with the verdict and each signature, exit 1 when tampered', async () => {
    const { code, out } = await run('verify', join(dir, 'tampered.pdf'), '--json', '--trust', join(dir, 'root.pem'));
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.verdict).toBe('invalid');
    expect(report.signatures[0]).toMatchObject({ integrity: 'broken', seal: { name: '合同专用章', kind: 'contract' } });
  });

  it('exits 3 for a file that is not a PDF', async () => {
    const { code, out } = await run('verify', join(dir, 'note.txt'), '--trust', join(dir, 'root.pem'));
    expect(code).toBe(3);
    expect(out).toContain('无法验证');
  });

  it('shows usage and exits 3 without a file', async () => {
    expect((await run('verify')).code).toBe(3);
  });
});
