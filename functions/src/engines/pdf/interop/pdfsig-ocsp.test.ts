import { execFile, execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPki, testOcspResponder, testTimestamp } from '../../../../test-support/pdf/pki-fixture';
import { samplePdf } from '../../../../test-support/pdf/sample-pdf';
import { requireTools } from '../../../../test-support/tools';
import { drawSeal } from '../../appearance';
import { answerOcspRequest, authorityOf, type OcspResponder } from '../../pki/ocsp';
import { toPem } from '../../pki/pem';
import { signPdf } from '../sign';

/**
 * A seal certificate that names an OCSP responder (Authority Information Access): pdfsig (NSS) then
 * asks it and trusts the certificate only on an answer it accepts (decision 0172). Our responder's
 * answers carry whole-second times, which NSS requires.
 */
let dir: string;
let server: Server;
let responder: OcspResponder;
const asked: string[] = [];

beforeAll(async () => {
  requireTools('pdfsig', 'certutil');
  dir = mkdtempSync(join(tmpdir(), 'seal-pdfsig-ocsp-'));
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      asked.push(req.method!);
      // RFC 6960 A.1: GET carries the request base64 (URL-encoded) as the last path segment.
      const body = req.method === 'GET' ? Buffer.from(decodeURIComponent(req.url!.split('/').pop()!), 'base64') : Buffer.concat(chunks);
      res
        .writeHead(200, { 'content-type': 'application/ocsp-response' })
        .end(Buffer.from(await answerOcspRequest(new Uint8Array(body), [authorityOf(responder)])));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

it('pdfsig trusts a seal certificate with an OCSP address once our responder answers it', async () => {
  const now = new Date();
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const pki = await createTestPki({ now, publicBaseUrl: base, ocspUrl: `${base}/v1/pki/ocsp` });
  // Answers timed with milliseconds, as a platform clock reads: the responder must drop them.
  responder = { ...(await testOcspResponder(pki, now)), now: () => new Date() };
  const signed = await signPdf({
    pdf: await samplePdf({ pages: 1 }),
    signer: pki.sealSigner,
    certificateChain: [pki.seal, pki.root],
    timestamp: testTimestamp(pki, now),
    placements: [{ page: 1, x: 380, y: 80 }],
    appearance: drawSeal({ shape: 'round', companyName: '深圳市示例科技有限公司', label: '合同专用章' }),
    signingTime: now,
  });
  writeFileSync(join(dir, 'signed.pdf'), signed);
  writeFileSync(join(dir, 'root.pem'), toPem(pki.root));
  const db = `sql:${join(dir, 'nss')}`;
  mkdirSync(join(dir, 'nss'));
  execFileSync('certutil', ['-N', '--empty-password', '-d', db]);
  execFileSync('certutil', ['-A', '-n', 'root', '-t', 'CT,C,C', '-i', join(dir, 'root.pem'), '-d', db]);
  // execFile, not execFileSync: the responder answers from this process's event loop.
  const out = await new Promise<string>((resolve) =>
    execFile('pdfsig', ['-nssdir', db, join(dir, 'signed.pdf')], (_error, stdout) => resolve(stdout)),
  );
  expect(out).toContain('Signature is Valid.');
  expect(out).toContain('Certificate is Trusted.');
  expect(asked.length).toBeGreaterThan(0);
});
