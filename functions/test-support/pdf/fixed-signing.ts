import { drawSeal } from '../../src/engines/appearance';
import { InMemoryDigestSigner } from '../../src/engines/pki/in-memory-digest-signer';
import type { Signer } from '../../src/engines/pki/signer';
import { createRootCertificate } from '../../src/engines/pki/root-ca';
import { issueSealCertificate } from '../../src/engines/pki/seal-certificate';
import { issueTsaCertificate } from '../../src/engines/pki/tsa-certificate';
import { createTimestampToken } from '../../src/engines/pki/timestamp-token';
import { handmadePdf } from './handmade-pdf';

/**
 * Everything a signature depends on, fixed: keys (ECDSA with RFC 6979 nonces is deterministic),
 * certificate serials, times, the timestamp's serial and a hand-written PDF. The same inputs
 * give the same signed bytes, so a change to the signing code that moves a byte shows.
 */
const KEYS = {
  root: 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgnY1uHDvrR6h6LoIfxKezJhBfmDFsJ5cNk1+H0vVr0WWhRANCAARPLfRrHRzZ08VP9UcQ9Dq7EtE3VG68X3uoICiUJ5+uirxUrB+soH+c0Uk+81jjdaW5uSfXZg1SVfrKjaKWw26S',
  tsa: 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgrrq09tLZwQD7yy6S8SraoJV9sRbRLXm5T8LH1jpuwZmhRANCAASpLpDU2fNBT5kq4ROqTAiB+KuXx/0X+pyvgCsJ0ieKgw/1FbuA10u8i0gz+QnFsUyd98TfRt8AChZ2jwPd/I0a',
  seal: 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgU6hI830UvUJfLDZdl8Qf6KW0o1SxpPR/A8mZUwMp7+ihRANCAASmomBv18EBt20UzVBhbhtceg9WhBWBvA29TxlAF+5KqXlATCse/4G5ArmMly26XXUjrUrEVvhlhmVm6JC8rxD8',
} as const;

export const FIXED_TIME = new Date('2026-03-01T02:00:00Z');

export interface FixedSigning {
  sealSigner: Signer;
  chain: Uint8Array[];
  root: Uint8Array;
  timestamp: (imprint: Uint8Array) => Promise<Uint8Array>;
  appearance: ReturnType<typeof drawSeal>;
  pdf: Uint8Array;
}

/** `keys`: other root, TSA and seal keys (an SM2 hierarchy), instead of the fixed P-256 ones. */
export async function fixedSigning(keys?: Record<keyof typeof KEYS, Signer>): Promise<FixedSigning> {
  const key = (name: keyof typeof KEYS) => InMemoryDigestSigner.fromPkcs8(new Uint8Array(Buffer.from(KEYS[name], 'base64')));
  const [rootSigner, tsaSigner, sealSigner] = keys ? [keys.root, keys.tsa, keys.seal] : await Promise.all([key('root'), key('tsa'), key('seal')]);
  const notBefore = new Date(FIXED_TIME.getTime() - 86400000);
  const publicBaseUrl = 'https://seal.example.cn';
  const root = await createRootCertificate({ signer: rootSigner, notBefore, serialNumber: 1001n });
  const tsa = await issueTsaCertificate({
    signer: rootSigner,
    caCertificate: root,
    tsaPublicKey: await tsaSigner.publicKeySpki(),
    notBefore,
    publicBaseUrl,
    serialNumber: 1002n,
  });
  const seal = await issueSealCertificate({
    signer: rootSigner,
    caCertificate: root,
    subjectPublicKey: await sealSigner.publicKeySpki(),
    company: { name: '深圳市示例科技有限公司', creditCode: '91440300MA5F000001' },
    seal: { name: '合同专用章', kindLabel: '合同专用章', id: 'seal-0001' },
    holder: { name: '张三' },
    notBefore,
    publicBaseUrl,
    serialNumber: 1003n,
  });
  const timestamp = (messageImprint: Uint8Array) =>
    createTimestampToken({ signer: tsaSigner, tsaCertificate: tsa, chain: [root], messageImprint, genTime: FIXED_TIME, serialNumber: 77n });
  const page = (contents: number) => `<</Type/Page/Parent 2 0 R/MediaBox[0 0 595.28 841.89]/Contents ${contents} 0 R>>`;
  const text = (s: string) => `<</Length ${s.length}>>\nstream\n${s}\nendstream`;
  const pdf = handmadePdf([
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R 4 0 R]/Count 2>>',
    page(5),
    page(6),
    text('BT /F1 18 Tf 72 760 Td (Contract page 1) Tj ET'),
    text('BT /F1 18 Tf 72 760 Td (Contract page 2) Tj ET'),
  ]);
  return {
    sealSigner,
    chain: [seal, root],
    root,
    timestamp,
    appearance: drawSeal({ shape: 'round', companyName: '深圳市示例科技有限公司', label: '合同专用章' }),
    pdf,
  };
}
