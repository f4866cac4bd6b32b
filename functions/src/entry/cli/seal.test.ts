import { mkdtempSync, writeFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toPem } from '../../engines/pki/pem';
import { patchLast } from '../../../test-support/pdf/tamper';
import { signingWorld, samplePdf } from '../../../test-support/pdf/signed-fixtures';
import { main } from './seal';
import { GmOpenssl } from '../../../test-support/gm/openssl';
import { ofdFixture } from '../../../test-support/gm/fixtures';
import { sm2TestPki } from '../../../test-support/gm/sm2-test-pki';
import { makeSeal } from '../../engines/ses';
import { signOfd } from '../../engines/ofd';

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

  // An OFD sealed with SM2 by a test hierarchy (OpenSSL-made root, seal maker and holder).
  const openssl = new GmOpenssl();
  const { root, maker, holders } = sm2TestPki(openssl, ['甲公司']);
  const holder = holders[0]!;
  const day = 86_400_000;
  const seal = await makeSeal(
    {
      vid: 'SEALPLATFORM',
      esId: '4403000000000CLI',
      type: 1,
      name: '甲公司合同专用章',
      signerCertificates: [holder.certificate],
      createDate: new Date(),
      validStart: new Date(Date.now() - day),
      validEnd: new Date(Date.now() + 365 * day),
      picture: { type: 'SVG', data: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), widthMm: 40, heightMm: 40 },
    },
    maker,
  );
  const ofd = await signOfd({ ofd: ofdFixture('helloworld.ofd'), seal, signerCertificate: holder.certificate, signingTime: new Date(), stamps: [{ page: 1, x: 20, y: 20, width: 40, height: 40 }] }, holder.signer);
  writeFileSync(join(dir, 'signed.ofd'), ofd);
  const files = unzipSync(ofd);
  const page = files['Doc_0/Pages/Page_0/Content.xml']!;
  files['Doc_0/Pages/Page_0/Content.xml'] = new TextEncoder().encode(new TextDecoder().decode(page) + ' ');
  writeFileSync(join(dir, 'tampered.ofd'), zipSync(files));
  writeFileSync(join(dir, 'sm2-root.pem'), toPem(root.certificate));
  openssl.dispose();
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

  it('verifies an OFD with the same report: exit 0 sealed, 1 when a page changed, 3 for a broken package', async () => {
    const valid = await run('verify', join(dir, 'signed.ofd'), '--trust', join(dir, 'sm2-root.pem'));
    expect(valid.code).toBe(0);
    expect(valid.out).toContain('验证结论：有效');
    expect(valid.out).toContain('甲公司合同专用章');
    const tampered = await run('verify', join(dir, 'tampered.ofd'), '--json', '--trust', join(dir, 'sm2-root.pem'));
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.out)).toMatchObject({ verdict: 'invalid', signatures: [{ integrity: 'broken', subFilter: 'GB/T 38540 SES_Signature v4' }] });
    writeFileSync(join(dir, 'broken.ofd'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const broken = await run('verify', join(dir, 'broken.ofd'), '--json');
    expect(broken.code).toBe(3);
    expect(JSON.parse(broken.out)).toMatchObject({ verdict: 'unreadable', error: { code: 'OFD_UNREADABLE' } });
  });

  it('shows usage and exits 3 without a file', async () => {
    expect((await run('verify')).code).toBe(3);
  });
});
