import { createTestPki, testOcspResponder } from '../../../../test-support/pdf/pki-fixture';
import { signingWorld, samplePdf, type SigningWorld } from '../../../../test-support/pdf/signed-fixtures';
import { createCrl } from '../../pki/crl';
import { createOcspResponse, type OcspCertStatus, type OcspResponder } from '../../pki/ocsp';
import { issueOcspResponderCertificate } from '../../pki/ocsp-responder-certificate';
import { readSealCertificate } from '../../pki/read-seal-certificate';
import { addValidationData } from '../sign';
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
