import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signingWorld, samplePdf, type SigningWorld } from '../../../../test-support/pdf/signed-fixtures';
import { pdfsig } from '../../../../test-support/pdf/third-party';
import { InMemoryDigestSigner } from '../../pki/in-memory-digest-signer';
import { createCrl } from '../../pki/crl';
import { createOcspResponse } from '../../pki/ocsp';
import { issueOcspResponderCertificate } from '../../pki/ocsp-responder-certificate';
import { toPem } from '../../pki/pem';
import { PdfDocument } from '../syntax/document';
import { PdfString } from '../syntax/objects';
import { findSignatures } from '../verify/find-signatures';
import { verifyPdf } from '../verify';
import { addValidationData, type ValidationData } from './add-validation-data';
import { addDocumentTimestamp } from './document-timestamp';
import { testTimestamp } from '../../../../test-support/pdf/pki-fixture';
import { requireTools } from '../../../../test-support/tools';

let world: SigningWorld;
let data: ValidationData;
let dir: string;

beforeAll(async () => {
  world = await signingWorld();
  dir = mkdtempSync(join(tmpdir(), 'seal-dss-'));
  const { pki, now } = world;
  const responderSigner = await InMemoryDigestSigner.generate();
  const responder = await issueOcspResponderCertificate({ signer: pki.rootSigner, caCertificate: pki.root, responderPublicKey: await responderSigner.publicKeySpki(), notBefore: now });
  const ocsp = await createOcspResponse(
    { signer: responderSigner, responderCertificate: responder, issuerCertificate: pki.root, statusOf: async () => ({ status: 'good' }), now: () => now },
    [pki.seal, pki.tsa],
  );
  const crl = await createCrl({ signer: pki.rootSigner, issuerCertificate: pki.root, entries: [], thisUpdate: now, nextUpdate: new Date(now.getTime() + 86400000), crlNumber: 1 });
  data = { certificates: [pki.seal, pki.root, pki.tsa, responder], crls: [crl], ocsps: [ocsp] };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** qpdf's JSON of the document, objects resolved by number. */
function qpdfJson(pdf: Uint8Array): { dss: Record<string, unknown>; object: (ref: unknown) => Record<string, unknown> } {
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8' }));
  const objects: Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }> = json.qpdf[1];
  const object = (ref: unknown): Record<string, unknown> => {
    if (typeof ref !== 'string') return ref as Record<string, unknown>; // a direct dictionary
    const o = objects[`obj:${String(ref)}`];
    if (!o) throw new Error(`no object ${String(ref)} in ${Object.keys(objects).slice(-5).join(',')}`);
    return (o.value ?? o.stream?.dict) as Record<string, unknown>;
  };
  const trailer = objects.trailer!.value as Record<string, unknown>;
  const catalog = object(trailer['/Root']);
  return { dss: object(catalog['/DSS']), object };
}

describe('PAdES B-LT: the Document Security Store', () => {
  it('is added in an update of its own after the signature, which stays valid', async () => {
    const signed = await world.sign(await samplePdf());
    const lt = addValidationData(signed, data);
    expect(Buffer.from(lt.subarray(0, signed.length)).equals(Buffer.from(signed))).toBe(true);
    expect(PdfDocument.open(lt).revisions).toHaveLength(PdfDocument.open(signed).revisions.length + 1);
    const report = await verifyPdf(lt, { trustedRoots: world.trustedRoots, now: world.now });
    expect(report.verdict).toBe('valid');
    expect(report.signatures[0]!.modifiedAfter).toBe('ltv_updates');
  });

  it('shows in qpdf --json with certificates, CRLs, OCSP responses and a VRI entry for the signature; pdfsig still says valid', async () => {
    requireTools('qpdf', 'pdfsig', 'certutil');
    const signed = await world.sign(await samplePdf());
    const lt = addValidationData(signed, data);
    const { dss, object } = qpdfJson(lt);
    expect(dss['/Certs']).toHaveLength(4);
    expect(dss['/CRLs']).toHaveLength(1);
    expect(dss['/OCSPs']).toHaveLength(1);
    const contents = findSignatures(PdfDocument.open(lt))[0]!.sig.get('Contents') as PdfString;
    const key = createHash('sha1').update(contents.bytes).digest('hex').toUpperCase();
    const entry = object(object(dss['/VRI'])[`/${key}`]) as Record<string, unknown[]>;
    expect(entry['/Cert']).toHaveLength(4);
    expect(entry['/OCSP']).toHaveLength(1);
    expect(entry['/CRL']).toHaveLength(1);
    expect((await pdfsig(lt, [toPem(world.pki.root)])).verdicts).toEqual(['TOTAL_PASSED']);
  });

  it('keeps what a DSS already holds, stores the same data once, and gives each signature its VRI entry', async () => {
    const first = addValidationData(await world.sign(await samplePdf()), data);
    const second = addValidationData(await world.sign(first, { as: 'second' }), data);
    const doc = PdfDocument.open(second);
    const dss = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('DSS'))!;
    expect(doc.resolve(dss.get('Certs'))).toHaveLength(4);
    expect(Object.keys(Object.fromEntries(doc.dict(dss.get('VRI'))!.map))).toHaveLength(2);
    const report = await verifyPdf(second, { trustedRoots: world.trustedRoots, now: world.now });
    expect(report.verdict).toBe('valid');
  });

  it('refuses a document with no signature', async () => {
    const unsigned = await samplePdf();
    expect(() => addValidationData(unsigned, data)).toThrow(expect.objectContaining({ code: 'PDF_NOT_SIGNED' }));
  });
});

describe('PAdES B-LTA: a document timestamp over the DSS', () => {
  it('covers the whole document; our verifier and pdfsig say every signature is valid', async () => {
    const lt = addValidationData(await world.sign(await samplePdf()), data);
    const lta = await addDocumentTimestamp(lt, testTimestamp(world.pki, world.now));
    expect(Buffer.from(lta.subarray(0, lt.length)).equals(Buffer.from(lt))).toBe(true);
    const report = await verifyPdf(lta, { trustedRoots: world.trustedRoots, now: world.now });
    expect(report.verdict).toBe('valid');
    expect(report.signatures[1]).toMatchObject({ kind: 'document_timestamp', subFilter: 'ETSI.RFC3161', indication: 'TOTAL_PASSED', coversWholeDocument: true });
    requireTools('qpdf');
    const { object } = qpdfJson(lta);
    const sig = findSignatures(PdfDocument.open(lta)).find((s) => s.sig.name('Type') === 'DocTimeStamp')!;
    expect(object(`${sig.sigRef!.num} 0 R`)).toMatchObject({ '/Type': '/DocTimeStamp', '/SubFilter': '/ETSI.RFC3161' });
    // pdfsig cannot judge an RFC 3161 document timestamp ("Unable to validate"): the signature itself must stay valid.
    expect((await pdfsig(lta, [toPem(world.pki.root)])).verdicts[0]).toBe('TOTAL_PASSED');
  });
});
