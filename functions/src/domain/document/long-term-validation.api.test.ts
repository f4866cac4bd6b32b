import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samplePdf } from '../../../test-support/pdf/sample-pdf';
import { download } from '../../../dev/demo/platform-client';
import { startDocumentsStack, type DocumentsStack } from '../../../test-support/documents-stack';
import { PdfDocument } from '../../engines/pdf/syntax/document';
import { decodeStream } from '../../engines/pdf/syntax/filters';
import { PdfStream, type PdfValue } from '../../engines/pdf/syntax/objects';
import { toPem } from '../../engines/pki/pem';
import { getServices } from '../../composition';
import { requireTools } from '../../../test-support/tools';
import { revokeOneSeal } from '../seal/revoke-one-seal';
import { platformPki } from '../platform-pki/platform-ca';
import { readSealCertificate } from '../../engines/pki/read-seal-certificate';
import { archiveRenewalDay } from './archive-timestamp';
import { readObject } from './document-blobs';
import { chainedTrail } from '../../../test-support/audit-trail';

/**
 * PAdES B-LTA over the API (SIGNATURE_LEVEL=B-LTA; decision 0111): the signed file carries a DSS
 * whose OCSP answers openssl verifies with the platform's responder certificate, and a document
 * timestamp over it; every validator still calls the signature valid.
 */
let t: DocumentsStack;
let holder: string;
let companyId: string;
let sealId: string;
let otherSealId: string;
let dir: string;
const PIN = '258036';
const saved = process.env.SIGNATURE_LEVEL;
const realNow = getServices().now;

beforeAll(async () => {
  process.env.SIGNATURE_LEVEL = 'B-LTA';
  t = await startDocumentsStack();
  dir = mkdtempSync(join(tmpdir(), 'seal-ltv-'));
  companyId = t.companyOf('lr-xinchuang').creditCode;
  holder = await t.api.login(t.person('lr-xinchuang'));
  const { seals } = await t.api.expect(200, 'seals', 'GET', `/v1/companies/${companyId}/seals`, { token: holder });
  sealId = seals.find((s: { kind: string }) => s.kind === 'company_name').sealId;
  otherSealId = seals.find((s: { kind: string }) => s.kind === 'contract').sealId;
  await t.api.claimSeal(holder, companyId, sealId, PIN);
  await t.api.claimSeal(holder, companyId, otherSealId, PIN);
}, 180_000);
afterEach(() => {
  getServices().now = realNow;
});
afterAll(async () => {
  await t?.stop();
  rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.SIGNATURE_LEVEL;
  else process.env.SIGNATURE_LEVEL = saved;
});

/** pdfsig with the platform root trusted in a fresh NSS database. */
function pdfsigTrusting(rootPem: string): Promise<string> {
  const db = `sql:${join(dir, 'nss')}`;
  execFileSync('mkdir', ['-p', join(dir, 'nss')]);
  writeFileSync(join(dir, 'root.pem'), rootPem);
  execFileSync('certutil', ['-N', '--empty-password', '-d', db]);
  execFileSync('certutil', ['-A', '-n', 'platform-root', '-t', 'CT,C,C', '-i', join(dir, 'root.pem'), '-d', db]);
  return new Promise((resolve) => execFile('pdfsig', ['-nssdir', db, join(dir, 'signed.pdf')], (_error, stdout) => resolve(stdout)));
}

describe('long-term validation data in a signed PDF', () => {
  it('carries a DSS (certificates, CRL, OCSP) and a document timestamp; openssl verifies the OCSP answers with the responder certificate', async () => {
    requireTools('qpdf', 'pdfsig', 'certutil', 'openssl');
    const documentId = await t.api.upload(holder, '长期保存合同.pdf', await samplePdf({ pages: 1 }));
    const signed = await t.api.sign(holder, documentId, { sealId, pin: PIN, placements: [{ page: 1, x: 380, y: 120 }] });
    expect(signed.status).toBe(200);
    const bytes = await download(signed.body.downloadUrl);
    writeFileSync(join(dir, 'signed.pdf'), bytes);

    // qpdf sees the DSS in the catalog and the document timestamp.
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', join(dir, 'signed.pdf')], { encoding: 'utf8' })).qpdf[1];
    const catalog = json[`obj:${json.trailer.value['/Root']}`].value;
    const dss = json[`obj:${catalog['/DSS']}`].value;
    expect(dss['/Certs'].length).toBeGreaterThanOrEqual(4);
    expect(dss['/CRLs']).toHaveLength(1);
    expect(dss['/OCSPs']).toHaveLength(1);
    expect(Object.values(json).some((o) => (o as { value?: Record<string, unknown> }).value?.['/Type'] === '/DocTimeStamp')).toBe(true);

    // The embedded OCSP answer, checked by openssl with the responder certificate: good for the seal and the TSA.
    const doc = PdfDocument.open(bytes);
    const [ocspRef] = doc.resolve(doc.dict(doc.dict(doc.trailer.get('Root'))?.get('DSS'))?.get('OCSPs')) as PdfValue[];
    writeFileSync(join(dir, 'ocsp.der'), decodeStream(doc.resolve(ocspRef) as PdfStream));
    const responder = await getServices().store.platformCertificates.get('ocsp-responder');
    writeFileSync(join(dir, 'responder.pem'), toPem(new Uint8Array(Buffer.from(responder!.certificate, 'base64'))));
    const run = spawnSync('openssl', ['ocsp', '-respin', join(dir, 'ocsp.der'), '-VAfile', join(dir, 'responder.pem'), '-resp_text'], { encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    expect(output).toContain('Response verify OK');
    expect(output.match(/Cert Status: good/g)).toHaveLength(2);

    // Our verifier: the signature and the document timestamp over it; pdfsig: the signature.
    const report = await t.api.verify(bytes);
    expect(report.body.verdict).toBe('valid');
    expect(report.body.signatures.map((s: { kind: string }) => s.kind)).toEqual(['signature', 'document_timestamp']);
    const rootPem = await (await fetch(`${t.stack.url}/v1/pki/root`)).text();
    expect(await pdfsigTrusting(rootPem)).toMatch(/Signature #1:[^]*Signature is Valid\.[^]*Certificate is Trusted\./);
  });
});

/** The same signature without its LTV data: the file cut where the signature's byte range ends (PAdES B-T). */
function withoutLtv(bytes: Uint8Array): Uint8Array {
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(Buffer.from(bytes).toString('latin1'));
  return bytes.subarray(0, Number(range![3]) + Number(range![4]));
}

/** The same signature at PAdES B-LT: the file cut where the revision before its first document timestamp ends. */
function withoutDocumentTimestamps(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const eof = text.lastIndexOf('%%EOF', Number(ranges[1]![2]));
  return bytes.subarray(0, eof + '%%EOF'.length + (/^\r?\n/.exec(text.slice(eof + 5))?.[0].length ?? 0));
}

const DAY = 24 * 3600 * 1000;

describe('validation at a past time (the platform clock moved on)', () => {
  it('keeps a signature valid past its seal’s revocation and past its certificate’s expiry with the LTV data, INDETERMINATE without', async () => {
    const signIn = async (seal: string) => {
      const documentId = await t.api.upload(holder, '十年合同.pdf', await samplePdf({ pages: 1 }));
      const signed = await t.api.sign(holder, documentId, { sealId: seal, pin: PIN, placements: [{ page: 1, x: 380, y: 120 }] });
      expect(signed.status).toBe(200);
      return download(signed.body.downloadUrl);
    };
    const revokedLater = await signIn(sealId);
    const expiresLater = await signIn(otherSealId);
    const start = Date.now();
    const services = getServices();
    const at = (days: number) => {
      services.now = () => new Date(start + days * DAY);
    };
    const verdictOf = async (bytes: Uint8Array) => {
      const body = (await t.api.verify(bytes)).body;
      expect(body.verifiedAt).toBe(services.now().toISOString());
      const s = body.signatures[0];
      return { verdict: body.verdict, indication: s.indication, subIndication: s.subIndication, findings: s.findings.map((f: { code: string }) => f.code) };
    };

    // 注销 a month on; two months on, the platform's records say revoked.
    at(30);
    const seal = await services.store.seals.get(sealId);
    await revokeOneSeal(services.store, { seal: seal!, as: 'system', actorId: 'system:test', reason: '测试注销', crlReason: 'cessationOfOperation', now: services.now() });
    at(60);
    expect(await verdictOf(revokedLater)).toMatchObject({ verdict: 'valid', indication: 'TOTAL_PASSED' });
    expect(await verdictOf(withoutLtv(revokedLater))).toEqual({ verdict: 'indeterminate', indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE', findings: ['REVOCATION_DATA_MISSING'] });

    // Past the seal certificate's year: the DSS and the timestamps still prove it was good when it signed.
    at(400);
    expect(await verdictOf(expiresLater)).toMatchObject({ verdict: 'valid', indication: 'TOTAL_PASSED' });
    expect(await verdictOf(revokedLater)).toMatchObject({ verdict: 'valid', indication: 'TOTAL_PASSED' });
    expect(await verdictOf(withoutLtv(expiresLater))).toEqual({ verdict: 'indeterminate', indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE', findings: ['REVOCATION_DATA_MISSING'] });
  }, 120_000);
});

describe('the archive job (B-LTA renewal)', () => {
  it('adds a document timestamp from a renewed TSA certificate a year before the last one expires; the document verifies past that expiry with a chain of timestamps', async () => {
    requireTools('qpdf');
    const services = getServices();
    const documentId = await t.api.upload(holder, '档案合同.pdf', await samplePdf({ pages: 1 }));
    const signed = await t.api.sign(holder, documentId, { sealId: otherSealId, pin: PIN, placements: [{ page: 1, x: 380, y: 120 }] });
    expect(signed.status).toBe(200);
    const firstTsa = (await platformPki(services)).tsa;
    const before = (await services.store.documents.get(documentId))!;
    expect(before.archiveRenewalOn).toBe(archiveRenewalDay(firstTsa));
    expect(before.archiveCompanyId).toBe(companyId);

    // Nothing is due today; on the archive day (nine years on) the job renews the TSA certificate and timestamps the document.
    const job = async () => (await fetch(`${t.stack.url}/local/jobs/archive`, { method: 'POST' })).json();
    expect((await job()).renewed).not.toContain(documentId);
    services.now = () => new Date(`${before.archiveRenewalOn}T12:00:00Z`);
    const report = await job();
    // Every document signed in this file is due the same day.
    expect(report).toMatchObject({ failed: [], tsa_expiring: [], changed: [] });
    expect(report.renewed).toContain(documentId);
    expect((await job()).renewed).toEqual([]);

    const after = (await services.store.documents.get(documentId))!;
    const renewedTsa = (await platformPki(services)).tsa;
    expect(readSealCertificate(renewedTsa).serialNumber).not.toBe(readSealCertificate(firstTsa).serialNumber);
    expect(after).toMatchObject({ version: before.version + 1, signatures: before.signatures, signedAt: before.signedAt, archiveRenewalOn: archiveRenewalDay(renewedTsa) });
    expect(after.archiveRenewalOn! > before.archiveRenewalOn!).toBe(true);
    const audit = await chainedTrail(services.store, companyId);
    // The other documents renewed in the same run have their own events: this document's is there once.
    const events = audit.filter((e) => e.action === 'document.archive_timestamp' && e.subject === documentId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorRole: 'system', after: { version: after.version, sha256: after.sha256 } });

    // A day after the first TSA certificate's end: signature, first document timestamp, the renewal's, all valid.
    const { bytes } = await readObject(services, after.objectKey, 50 * 1024 * 1024);
    writeFileSync(join(dir, 'archived.pdf'), bytes);
    expect(spawnSync('qpdf', ['--check', join(dir, 'archived.pdf')]).status).toBe(0);
    services.now = () => new Date(readSealCertificate(firstTsa).notAfter.getTime() + 24 * 3600 * 1000);
    const verified = (await t.api.verify(bytes)).body;
    expect(verified.verdict).toBe('valid');
    expect(verified.signatures.map((s: { kind: string; indication: string }) => [s.kind, s.indication])).toEqual([
      ['signature', 'TOTAL_PASSED'],
      ['document_timestamp', 'TOTAL_PASSED'],
      ['document_timestamp', 'TOTAL_PASSED'],
    ]);
    expect(verified.signatures.map((s: { signer: { serialNumber: string } }) => s.signer.serialNumber).slice(1)).toEqual([
      readSealCertificate(firstTsa).serialNumber,
      readSealCertificate(renewedTsa).serialNumber,
    ]);

    // Without the renewal (the version before the job; the same cut to B-LT or B-T) nothing made while
    // the first TSA certificate was valid vouches for its timestamps any more (decision 0191).
    const unrenewed = (await readObject(services, before.objectKey, 50 * 1024 * 1024)).bytes;
    for (const file of [unrenewed, withoutDocumentTimestamps(unrenewed), withoutLtv(unrenewed)]) {
      const body = (await t.api.verify(file)).body;
      expect(body).toMatchObject({ verdict: 'indeterminate', indication: 'INDETERMINATE' });
      expect(body.signatures[0].findings.map((f: { code: string }) => f.code)).toContain('TIMESTAMP_CERTIFICATE_EXPIRED');
    }
    expect((await t.api.verify(withoutDocumentTimestamps(unrenewed))).body.signatures.map((s: { kind: string }) => s.kind)).toEqual(['signature']);
  }, 120_000);
});
