import { AsnConvert } from '@peculiar/asn1-schema';
import { unzipSync, zipSync } from 'fflate';
import { chainedTrail } from '../../../test-support/audit-trail';
import { claimSm2Seal, startDocumentsStack, type DocumentsStack } from '../../../test-support/documents-stack';
import { ofdFixture } from '../../../test-support/gm/fixtures';
import { sm3 } from '../../engines/gm';
import { verifyOfd } from '../../engines/ofd';
import { readSealCertificate } from '../../engines/pki/read-seal-certificate';
import { readTimestampToken } from '../../engines/pki/read-timestamp-token';
import { createTimestampToken, SM3_IMPRINT_ALGORITHM } from '../../engines/pki/timestamp-token';
import { SesSignatureV4 } from '../../engines/ses/schema';
import { getServices } from '../../composition';
import { signingServices } from '../../composition-signing';
import { samplePdf } from '../../../test-support/pdf/sample-pdf';
import { addArchiveTimestamp } from './archive-timestamp';
import { gmPlatformPki, platformPki, PLATFORM_AUDIT_CHAIN } from '../platform-pki/platform-ca';
import { readObject } from './document-blobs';

/**
 * The SM2 TSA certificate renewed by the archive job (decision 0235), and what keeps an OFD
 * verifiable once the certificate that timestamped it has expired: its GB/T 38540 timestamp, judged
 * at its genTime, with the validation data kept beside it. A timestamp made by that certificate
 * after its end (what signing would give without the renewal) proves nothing. And a PDF whose first
 * archive timestamp came only after its certificates had expired: INDETERMINATE, not EXPIRED
 * (decision 0236).
 */
let t: DocumentsStack;
const PIN = '258036';
const DAY = 24 * 3600 * 1000;
// The stack's container, once it has started (the start replaces the container).
let services: ReturnType<typeof getServices>;
let realNow: () => Date;

let pdf: { documentId: string; token: string };

beforeAll(async () => {
  t = await startDocumentsStack();
  services = getServices();
  realNow = services.now;
  // A PDF signed today with a starter (P-256) seal, before any certificate is renewed.
  const company = t.companyOf('lr-xinchuang').creditCode;
  const token = await t.api.login(t.person('lr-xinchuang'));
  const { seals } = await t.api.expect(200, '印章列表', 'GET', `/v1/companies/${company}/seals`, { token });
  const sealId = seals.find((s: { kind: string }) => s.kind === 'contract').sealId;
  await t.api.claimSeal(token, company, sealId, PIN);
  const documentId = await t.api.upload(token, '晚归档合同.pdf', await samplePdf({ pages: 1 }));
  expect((await t.api.sign(token, documentId, { sealId, pin: PIN, placements: [{ page: 1, x: 380, y: 120 }] })).status).toBe(200);
  pdf = { documentId, token };
}, 180_000);
afterEach(() => {
  services.now = realNow;
});
afterAll(async () => {
  await t?.stop();
});

const signedValuePath = 'Doc_0/Signs/Sign_0/SignedValue.dat';

const upload = (signer: { token: string }) => t.api.upload(signer.token, '档案合同.ofd', ofdFixture('helloworld.ofd'));

async function sealOfd(signer: { token: string; sealId: string }, documentId: string): Promise<Uint8Array> {
  const signed = await t.api.sign(signer.token, documentId, { sealId: signer.sealId, pin: PIN, placements: [{ page: 1, x: 100, y: 300 }] });
  expect(signed.status).toBe(200);
  // From storage, not the presigned link: the storage checks a link against its own clock, which the platform's move does not move.
  const record = await services.store.documents.get(documentId);
  return (await readObject(services, record!.objectKey!, 50 * 1024 * 1024)).bytes;
}

/** The TSA certificate of the signature's GB/T 38540 timestamp, and the seal maker certificate of its seal. */
function certificatesOf(ofd: Uint8Array): { tsaSerial: string; genTime: Date; makerSerial: string } {
  const [signature] = verifyOfd(ofd).signatures;
  const token = readTimestampToken(signature!.timeStamp!);
  return { tsaSerial: readSealCertificate(token.tsaCertificate!).serialNumber, genTime: token.genTime, makerSerial: readSealCertificate(signature!.seal!.makerCertificate).serialNumber };
}

/** The OFD with its signature's timestamp replaced by `token` (the signed files untouched). */
function withTimestamp(ofd: Uint8Array, token: Uint8Array): Uint8Array {
  const files = unzipSync(ofd);
  const signature = AsnConvert.parse(files[signedValuePath]!, SesSignatureV4);
  signature.timeStamp = token.slice().buffer;
  files[signedValuePath] = new Uint8Array(AsnConvert.serialize(signature));
  return zipSync(files);
}

const verdictOf = async (bytes: Uint8Array) => {
  const body = (await t.api.verify(bytes)).body;
  expect(body.verifiedAt).toBe(services.now().toISOString());
  const s = body.signatures[0];
  return { indication: s.indication, subIndication: s.subIndication, findings: s.findings.map((f: { code: string }) => f.code), signingTime: s.signingTime, timestamp: s.timestamp };
};

describe('the archive job and the SM2 TSA certificate', () => {
  it('renews it (and the seal maker’s) two years before its end, audited, once; OFDs timestamped by either certificate verify past the first one’s end', async () => {
    const first = await claimSm2Seal(t, 'lr-xinghe', 'contract', PIN);
    const early = await sealOfd(first, await upload(first));
    // Uploaded now: a presigned upload is checked against the storage's own clock, which the platform's move does not move.
    const laterDocument = await upload({ token: await t.api.login(t.person('lr-huamei')) });
    const firstTsa = (await gmPlatformPki(services)).tsa;
    const firstEnd = readSealCertificate(firstTsa).notAfter;
    const job = async () => (await fetch(`${t.stack.url}/local/jobs/archive`, { method: 'POST' })).json();

    // Nothing is due today. Two years (less a day) before the end, the job renews it: the same key, certified again by the SM2 root.
    expect((await job()).certificates).toEqual({ renewed: [], failed: [] });
    services.now = () => new Date(firstEnd.getTime() - 2 * 365 * DAY + DAY);
    const report = await job();
    expect(report.certificates.failed).toEqual([]);
    expect(report.certificates.renewed).toEqual(expect.arrayContaining(['sm2-tsa', 'seal-maker']));
    expect((await job()).certificates).toEqual({ renewed: [], failed: [] });

    const pki = await gmPlatformPki(services);
    const renewed = readSealCertificate(pki.tsa);
    expect(renewed.serialNumber).not.toBe(readSealCertificate(firstTsa).serialNumber);
    expect(renewed.notAfter.getTime()).toBeGreaterThan(firstEnd.getTime() + 7 * 365 * DAY);
    expect(renewed.issuer).toBe(readSealCertificate(firstTsa).issuer);
    expect(pki.previousTsa).toEqual([firstTsa]);
    const record = await services.store.platformCertificates.get('sm2-tsa');
    expect(record).toMatchObject({ serial: renewed.serialNumber, previous: [Buffer.from(firstTsa).toString('base64')] });
    const events = (await chainedTrail(services.store, PLATFORM_AUDIT_CHAIN)).filter((e) => e.action === 'platform.certificate_renewed' && e.subject === 'sm2-tsa');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorRole: 'system',
      before: { serial: readSealCertificate(firstTsa).serialNumber, notAfter: firstEnd.toISOString() },
      after: { serial: renewed.serialNumber, notAfter: renewed.notAfter.toISOString() },
    });

    // An OFD sealed now (a new seal, from the renewed seal maker) is timestamped by the renewed certificate.
    const second = await claimSm2Seal(t, 'lr-huamei', 'finance', PIN);
    const late = await sealOfd(second, laterDocument);
    expect(certificatesOf(late).tsaSerial).toBe(renewed.serialNumber);
    expect(certificatesOf(late).makerSerial).toBe(readSealCertificate(pki.sealMaker).serialNumber);
    expect(certificatesOf(early).tsaSerial).toBe(readSealCertificate(firstTsa).serialNumber);

    // A day past the first certificate's end (and years past both seal certificates'): each timestamp,
    // judged at its genTime, still proves its signing time, and the validation data beside it the status then.
    services.now = () => new Date(firstEnd.getTime() + DAY);
    for (const ofd of [early, late]) {
      const { genTime } = certificatesOf(ofd);
      expect(await verdictOf(ofd)).toEqual({
        indication: 'TOTAL_PASSED',
        subIndication: null,
        findings: [],
        signingTime: genTime.toISOString(),
        timestamp: { time: genTime.toISOString(), valid: true },
      });
    }

    // Without the renewal the signing would have been timestamped by the first certificate after its
    // end: that token proves no time, so nothing dates the signature within its (now expired) seal certificate.
    const [signature] = verifyOfd(late).signatures;
    const outlived = await createTimestampToken({
      signer: pki.tsaSigner,
      tsaCertificate: firstTsa,
      chain: [pki.root],
      messageImprint: sm3(signature!.signatureBytes!),
      hashAlgorithm: SM3_IMPRINT_ALGORITHM,
      genTime: services.now(),
    });
    expect(await verdictOf(withTimestamp(late, outlived))).toMatchObject({
      indication: 'INDETERMINATE',
      subIndication: 'OUT_OF_BOUNDS_NO_POE',
      findings: ['CERTIFICATE_EXPIRED', 'TIMESTAMP_INVALID'],
      timestamp: { valid: false },
    });
  }, 240_000);
});

describe('a PDF whose first archive timestamp came after its certificates expired (decision 0236)', () => {
  it('is INDETERMINATE / OUT_OF_BOUNDS_NO_POE: the late timestamp proves the signature existed by then, not that it was made after the seal certificate’s end', async () => {
    // The first test renewed the P-256 TSA certificate; the signature's own timestamp is from the first one.
    const pki = await platformPki(services);
    const firstTsa = pki.previousTsa.at(-1)!;
    expect(firstTsa).toBeDefined();
    // A day past the first TSA certificate's end the document was never renewed (its archive day was missed):
    // the job's catch-up window is long gone, so the renewal is made here, late, as the job would make it.
    services.now = () => new Date(readSealCertificate(firstTsa).notAfter.getTime() + DAY);
    const document = (await services.store.documents.get(pdf.documentId))!;
    expect(await addArchiveTimestamp(signingServices(services), document, services.now())).toBe('renewed');
    const archived = (await services.store.documents.get(pdf.documentId))!;
    const bytes = (await readObject(services, archived.objectKey!, 50 * 1024 * 1024)).bytes;
    const body = (await t.api.verify(bytes)).body;
    expect(body.signatures.map((s: { kind: string; indication: string; subIndication: string | null; findings: { code: string }[] }) => [s.kind, s.indication, s.subIndication, s.findings.map((f) => f.code)])).toEqual([
      ['signature', 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE', ['TIMESTAMP_CERTIFICATE_EXPIRED', 'CERTIFICATE_EXPIRED']],
      ['document_timestamp', 'TOTAL_PASSED', null, []],
    ]);
    expect(body).toMatchObject({ verdict: 'indeterminate', indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE' });
  }, 120_000);
});
