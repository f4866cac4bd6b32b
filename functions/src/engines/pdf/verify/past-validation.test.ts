import { createTestPki, testOcspResponder, testTimestamp } from '../../../../test-support/pdf/pki-fixture';
import { signingWorld, samplePdf, type SigningWorld } from '../../../../test-support/pdf/signed-fixtures';
import { createCrl } from '../../pki/crl';
import { createOcspResponse, type OcspCertStatus, type OcspResponder } from '../../pki/ocsp';
import { issueOcspResponderCertificate } from '../../pki/ocsp-responder-certificate';
import { readSealCertificate } from '../../pki/read-seal-certificate';
import { addDocumentTimestamp, addValidationData } from '../sign';
import { createTimestampToken } from '../../pki/timestamp-token';
import { issueTsaCertificate } from '../../pki/tsa-certificate';
import { verifyPdf } from '../verify';
import type { RevocationStatus } from './verify-signature';

/**
 * Validation at a past time (decision 0170): years after signing, past the seal certificate's
 * revocation or expiry, a signature stays TOTAL_PASSED when the document keeps the status it had
 * when it signed (PAdES B-LT: an OCSP answer or CRL in the DSS, the signature timestamp proving the
 * signing time); without that, INDETERMINATE; a signature made after its certificate was revoked
 * is TOTAL_FAILED / REVOKED.
 */
const HOUR = 3600_000;
const DAY = 24 * HOUR;
let world: SigningWorld;
let responder: OcspResponder;
let signed: Uint8Array;

beforeAll(async () => {
  world = await signingWorld();
  responder = await testOcspResponder(world.pki, world.now);
  signed = await world.sign(await samplePdf());
});

/** An OCSP answer about the seal certificate made at `at` by the test PKI's responder (or another's). */
async function ocspAnswer(at: Date, status: OcspCertStatus, by: Pick<OcspResponder, 'signer' | 'responderCertificate'> = responder) {
  return createOcspResponse({ ...by, issuerCertificate: world.pki.root, statusOf: async () => status, now: () => at }, [world.pki.seal]);
}

/** The signed file with a DSS holding the chain and the given revocation data (B-LT). */
function withLtv(revocation: { ocsps?: Uint8Array[]; crls?: Uint8Array[] }): Uint8Array {
  return addValidationData(signed, {
    certificates: [world.pki.seal, world.pki.root, world.pki.tsa, responder.responderCertificate],
    crls: revocation.crls ?? [],
    ocsps: revocation.ocsps ?? [],
  });
}

/** The platform's records: the seal certificate revoked at `revokedAt` (or never). */
const records =
  (revokedAt?: Date) =>
  (_certificate: Uint8Array, at: Date): RevocationStatus =>
    revokedAt && at >= revokedAt ? 'revoked' : 'good';

const verifyAt = (bytes: Uint8Array, now: Date, revokedAt?: Date) =>
  verifyPdf(bytes, { trustedRoots: world.trustedRoots, now, revocationsAt: records(revokedAt) });
const first = async (report: Promise<Awaited<ReturnType<typeof verifyPdf>>>) => {
  const s = (await report).signatures[0]!;
  return {
    indication: s.indication,
    subIndication: s.subIndication,
    certificateStatus: s.certificateStatus,
    codes: s.findings.map((f) => f.code),
  };
};

describe('validation at a past time', () => {
  const soon = () => new Date(world.now.getTime() + 2000);
  const revokedAt = () => new Date(world.now.getTime() + 30 * DAY);
  const afterRevocation = () => new Date(world.now.getTime() + 60 * DAY);
  const afterExpiry = () => new Date(world.now.getTime() + 2 * 365 * DAY);

  it('stays TOTAL_PASSED past the revocation when the DSS keeps an OCSP answer from the signing time', async () => {
    const bytes = withLtv({ ocsps: [await ocspAnswer(soon(), { status: 'good' })] });
    expect(await first(verifyAt(bytes, afterRevocation(), revokedAt()))).toMatchObject({
      indication: 'TOTAL_PASSED',
      certificateStatus: 'valid',
    });
  });

  it('is INDETERMINATE / REVOKED_NO_POE past the revocation without LTV data', async () => {
    expect(await first(verifyAt(signed, afterRevocation(), revokedAt()))).toEqual({
      indication: 'INDETERMINATE',
      subIndication: 'REVOKED_NO_POE',
      certificateStatus: 'revocation_unknown',
      codes: ['REVOCATION_DATA_MISSING'],
    });
    // Before the revocation the platform's records answer for a certificate still in force.
    expect(await first(verifyAt(signed, soon(), revokedAt()))).toMatchObject({ indication: 'TOTAL_PASSED' });
  });

  it('stays TOTAL_PASSED past the certificate expiry with LTV data (OCSP or CRL), INDETERMINATE / OUT_OF_BOUNDS_NO_POE without', async () => {
    const viaOcsp = withLtv({ ocsps: [await ocspAnswer(soon(), { status: 'good' })] });
    const crl = await createCrl({
      signer: world.pki.rootSigner,
      issuerCertificate: world.pki.root,
      entries: [],
      thisUpdate: new Date(world.now.getTime() - DAY),
      nextUpdate: new Date(world.now.getTime() + 6 * DAY),
      crlNumber: 1,
    });
    const viaCrl = withLtv({ crls: [crl] });
    expect(readSealCertificate(world.pki.seal).notAfter.getTime()).toBeLessThan(afterExpiry().getTime());
    expect(await first(verifyAt(viaOcsp, afterExpiry()))).toMatchObject({ indication: 'TOTAL_PASSED', certificateStatus: 'valid' });
    expect(await first(verifyAt(viaCrl, afterExpiry()))).toMatchObject({ indication: 'TOTAL_PASSED', certificateStatus: 'valid' });
    // Offline (no platform records): the document's evidence alone.
    expect((await verifyPdf(viaOcsp, { trustedRoots: world.trustedRoots, now: afterExpiry() })).verdict).toBe('valid');
    expect(await first(verifyAt(signed, afterExpiry()))).toEqual({
      indication: 'INDETERMINATE',
      subIndication: 'OUT_OF_BOUNDS_NO_POE',
      certificateStatus: 'revocation_unknown',
      codes: ['REVOCATION_DATA_MISSING'],
    });
  });

  it('is TOTAL_FAILED / REVOKED for a signature made after the revocation the DSS records, even offline', async () => {
    const before = new Date(world.now.getTime() - HOUR);
    const bytes = withLtv({ ocsps: [await ocspAnswer(soon(), { status: 'revoked', revokedAt: before, reason: 'keyCompromise' })] });
    expect(await first(verifyPdf(bytes, { trustedRoots: world.trustedRoots, now: soon() }))).toMatchObject({
      indication: 'TOTAL_FAILED',
      subIndication: 'REVOKED',
      certificateStatus: 'revoked',
    });
    const crl = await createCrl({
      signer: world.pki.rootSigner,
      issuerCertificate: world.pki.root,
      entries: [{ serialNumber: readSealCertificate(world.pki.seal).serialNumber, revokedAt: before }],
      thisUpdate: before,
      nextUpdate: afterExpiry(),
      crlNumber: 2,
    });
    expect(await first(verifyAt(withLtv({ crls: [crl] }), afterExpiry()))).toMatchObject({
      indication: 'TOTAL_FAILED',
      subIndication: 'REVOKED',
    });
    // Revoked after the signing time, as the answer says: the signature stays good.
    const later = withLtv({ ocsps: [await ocspAnswer(afterRevocation(), { status: 'revoked', revokedAt: revokedAt() })] });
    expect(await first(verifyAt(later, afterExpiry(), revokedAt()))).toMatchObject({ indication: 'TOTAL_PASSED' });
  });

  it('takes nothing from an answer signed by a responder the CA did not certify, or one that had expired before the signing time', async () => {
    const stranger = await createTestPki({ now: world.now });
    const foreign = await issueOcspResponderCertificate({
      signer: stranger.rootSigner,
      caCertificate: stranger.root,
      responderPublicKey: await stranger.tsaSigner.publicKeySpki(),
      notBefore: world.now,
    });
    const forged = withLtv({
      ocsps: [await ocspAnswer(soon(), { status: 'good' }, { signer: stranger.tsaSigner, responderCertificate: foreign })],
    });
    expect(await first(verifyAt(forged, afterExpiry()))).toMatchObject({ indication: 'INDETERMINATE', codes: ['REVOCATION_DATA_MISSING'] });
    const stale = withLtv({ ocsps: [await ocspAnswer(new Date(world.now.getTime() - 3 * DAY), { status: 'good' })] });
    expect(await first(verifyAt(stale, afterExpiry()))).toMatchObject({ indication: 'INDETERMINATE', codes: ['REVOCATION_DATA_MISSING'] });
  });
});

/**
 * A timestamp outlives its TSA certificate (decision 0191, EN 319 102-1 past signature validation):
 * it still proves the signing time only through a later document timestamp made while that
 * certificate was valid (the archive job's renewal), whose own TSA certificate is valid today.
 */
describe('a timestamp whose TSA certificate has expired', () => {
  const soon = () => new Date(world.now.getTime() + 2000);
  const tsaEnd = () => readSealCertificate(world.pki.tsa).notAfter;
  const pastTsa = () => new Date(tsaEnd().getTime() + DAY);
  /** A document timestamp at `at` from the same TSA key, certified again by the root (or, without `renewed`, the first certificate). */
  const documentTimestamp = async (pdf: Uint8Array, at: Date, renewed: boolean) => {
    const tsaCertificate = renewed
      ? await issueTsaCertificate({ signer: world.pki.rootSigner, caCertificate: world.pki.root, tsaPublicKey: await world.pki.tsaSigner.publicKeySpki(), notBefore: new Date(at.getTime() - HOUR), publicBaseUrl: 'http://localhost:3000' })
      : world.pki.tsa;
    return addDocumentTimestamp(pdf, (messageImprint) => createTimestampToken({ signer: world.pki.tsaSigner, tsaCertificate, chain: [world.pki.root], messageImprint, genTime: at }));
  };
  const indications = async (bytes: Uint8Array, now: Date) =>
    (await verifyPdf(bytes, { trustedRoots: world.trustedRoots, now })).signatures.map((s) => ({ kind: s.kind, indication: s.indication, subIndication: s.subIndication, codes: s.findings.map((f) => f.code) }));

  it('leaves B-T and B-LT INDETERMINATE / OUT_OF_BOUNDS_NO_POE without a later document timestamp', async () => {
    const lt = withLtv({ ocsps: [await ocspAnswer(soon(), { status: 'good' })] });
    // A day before the end: the signature timestamp and the DSS still carry it.
    expect(await indications(lt, new Date(tsaEnd().getTime() - DAY))).toEqual([{ kind: 'signature', indication: 'TOTAL_PASSED', subIndication: null, codes: [] }]);
    for (const bytes of [signed, lt]) {
      const [s] = await indications(bytes, pastTsa());
      expect(s).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE' });
      expect(s!.codes).toContain('TIMESTAMP_CERTIFICATE_EXPIRED');
    }
  });

  it('leaves B-LTA INDETERMINATE when the only document timestamp is from the same expired certificate, or came after it expired', async () => {
    const lt = withLtv({ ocsps: [await ocspAnswer(soon(), { status: 'good' })] });
    const sameCertificate = await documentTimestamp(lt, new Date(world.now.getTime() + HOUR), false);
    expect((await indications(sameCertificate, pastTsa())).map((s) => [s.kind, s.indication, s.codes.includes('TIMESTAMP_CERTIFICATE_EXPIRED')])).toEqual([
      ['signature', 'INDETERMINATE', true],
      ['document_timestamp', 'INDETERMINATE', true],
    ]);
    // Renewed, but too late: the first certificate had already expired when the renewal timestamped.
    const late = await documentTimestamp(lt, new Date(tsaEnd().getTime() + HOUR), true);
    const [signature, renewal] = await indications(late, new Date(tsaEnd().getTime() + 2 * DAY));
    // The late renewal is the only standing proof of existence, and it came after the seal certificate's
    // end: nothing proves the signature was made while the certificate was valid, nor after its end
    // (EN 319 102-1: INDETERMINATE / OUT_OF_BOUNDS_NO_POE, not TOTAL_FAILED / EXPIRED; decision 0236).
    expect(readSealCertificate(world.pki.seal).notAfter.getTime()).toBeLessThan(tsaEnd().getTime());
    expect(signature).toEqual({
      kind: 'signature',
      indication: 'INDETERMINATE',
      subIndication: 'OUT_OF_BOUNDS_NO_POE',
      codes: ['TIMESTAMP_CERTIFICATE_EXPIRED', 'CERTIFICATE_EXPIRED'],
    });
    expect(renewal).toMatchObject({ kind: 'document_timestamp', indication: 'TOTAL_PASSED' });
    // The same signature dated by a renewal made in time, or by its own timestamp while that stands, is valid.
    expect((await indications(late, new Date(tsaEnd().getTime() - DAY)))[0]).toMatchObject({ indication: 'TOTAL_PASSED' });
  });

  it('is TOTAL_FAILED / EXPIRED only for a signature proven made after its certificate’s end: one covering a later timestamp', async () => {
    const sealEnd = readSealCertificate(world.pki.seal).notAfter;
    const after = (days: number) => new Date(sealEnd.getTime() + days * DAY);
    const lt = withLtv({ ocsps: [await ocspAnswer(soon(), { status: 'good' })] });
    // Signed again with the expired certificate, over a document timestamp made a day after its end.
    const stamped = await documentTimestamp(lt, after(1), false);
    const again = await world.sign(stamped, { timestamp: testTimestamp(world.pki, after(2)) });
    expect(await indications(again, after(3))).toEqual([
      { kind: 'signature', indication: 'TOTAL_PASSED', subIndication: null, codes: [] },
      { kind: 'document_timestamp', indication: 'TOTAL_PASSED', subIndication: null, codes: [] },
      { kind: 'signature', indication: 'TOTAL_FAILED', subIndication: 'EXPIRED', codes: ['CERTIFICATE_EXPIRED'] },
    ]);
    // The same late signature with nothing before it but timestamps from the certificate's life: its own
    // timestamp only says it existed after the end, not that it was made then.
    const alone = await world.sign(lt, { timestamp: testTimestamp(world.pki, after(2)) });
    expect((await indications(alone, after(3)))[1]).toEqual({ kind: 'signature', indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE', codes: ['CERTIFICATE_EXPIRED'] });
  });

  it('stays TOTAL_PASSED past the first certificate’s end when a renewed certificate timestamped the document before that end', async () => {
    const lt = withLtv({ ocsps: [await ocspAnswer(soon(), { status: 'good' })] });
    const lta = await documentTimestamp(lt, new Date(world.now.getTime() + HOUR), false);
    const renewed = await documentTimestamp(lta, new Date(tsaEnd().getTime() - 365 * DAY), true);
    expect(await indications(renewed, pastTsa())).toEqual([
      { kind: 'signature', indication: 'TOTAL_PASSED', subIndication: null, codes: [] },
      { kind: 'document_timestamp', indication: 'TOTAL_PASSED', subIndication: null, codes: [] },
      { kind: 'document_timestamp', indication: 'TOTAL_PASSED', subIndication: null, codes: [] },
    ]);
  });
});
