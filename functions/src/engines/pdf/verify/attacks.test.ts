import { createTestPki, testTimestamp } from '../../../../test-support/pdf/pki-fixture';
import { ATTACKS } from '../../../../test-support/pdf/attacks';
import { signingWorld, samplePdf, type SigningWorld } from '../../../../test-support/pdf/signed-fixtures';
import { verifyPdf } from '../verify';
import { signPdf } from '../sign';
import { drawSeal } from '../../appearance';

let world: SigningWorld;
const verify = (bytes: Uint8Array) => verifyPdf(bytes, { trustedRoots: world.trustedRoots, now: world.now });

beforeAll(async () => {
  world = await signingWorld();
});

/** What the first (attacked) signature must say: not valid, and why, as a code. */
const EXPECTED: Record<string, { finding: string; modification?: string; level?: string }> = {
  'content drawn over page 1 after signing (white box, "PAY 1,000,000")': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'OBJECT_CHANGED' },
  'an existing content stream redefined': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'OBJECT_CHANGED' },
  'pages reordered (hide-and-replace through the page tree)': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'OBJECT_CHANGED' },
  'an unsigned signature widget covering the page (hide)': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'WIDGET_ADDED' },
  'a widget whose /Parent is the already-signed field': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'WIDGET_ADDED' },
  'a /FT /Sig widget reusing the signed /V, only in the page’s /Annots': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'WIDGET_ADDED' },
  'a new field whose /V reuses the existing signature dictionary': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'FIELD_ADDED' },
  'a FreeText annotation "PAY 1,000,000" added after signing': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'ANNOTATION_ADDED', level: 'annotations' },
  'a new signature field with an overlay appearance and a value that signs nothing': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'FIELD_ADDED' },
  'bytes appended after the last %%EOF': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'BYTES_AFTER_LAST_REVISION' },
  'the catalog replaced by a new one': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'CATALOG_REPLACED' },
  'JavaScript added to the catalog (/OpenAction)': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'CATALOG_CHANGED' },
  'a font freed after signing': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'OBJECT_CHANGED' },
  'Info aliases the page’s content stream, then the "Info" changes (prepared before signing)': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'OBJECT_CHANGED' },
  'Info aliases the page itself, then the "Info" gains new contents (prepared before signing)': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'OBJECT_CHANGED' },
  'a page’s /Contents array grows by a stream dressed as a signature widget (prepared before signing)': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'OBJECT_CHANGED' },
  'the signed page draws an object undefined at signing time; a later revision defines it (prepared before signing)': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'DANGLING_REFERENCE_DEFINED' },
  'the signed page names an XObject undefined at signing time; a later revision defines it (prepared before signing)': { finding: 'MODIFIED_AFTER_SIGNING', modification: 'DANGLING_REFERENCE_DEFINED' },
  'the signature dictionary redefined in a later revision': { finding: 'CONTENTS_NOT_EXCLUDED' },
  'a ByteRange whose gap is not exactly the /Contents string': { finding: 'CONTENTS_NOT_EXCLUDED' },
  'universal signature forgery: a null ByteRange': { finding: 'BYTE_RANGE_INVALID' },
  'universal signature forgery: a ByteRange that excludes nothing': { finding: 'BYTE_RANGE_INVALID' },
  'universal signature forgery: overlapping ranges': { finding: 'BYTE_RANGE_INVALID' },
  'universal signature forgery: empty /Contents': { finding: 'CONTENTS_EMPTY' },
};

describe.each(['stream', 'table'] as const)('verifyPdf against forged documents (xref %s)', (xref) => {
  it('knows what to expect of every crafted attack', () => {
    expect(ATTACKS.map((a) => a.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(ATTACKS.map((a) => [a.family, a.name, a] as const))('%s: %s → not valid, with the reason as a code', async (_family, name, attack) => {
    const report = await verify(await attack.make({ sign: (pdf) => world.sign(pdf), xref }));
    expect(report.verdict).not.toBe('valid');
    const signed = report.signatures[0]!;
    expect(signed.indication).toBe('TOTAL_FAILED');
    expect(signed.findings.map((f) => f.code)).toContain(EXPECTED[name]!.finding);
    if (EXPECTED[name]!.modification) {
      expect(signed.modifiedAfter).toBe(EXPECTED[name]!.level ?? 'other');
      expect(signed.modifications.map((m) => m.code)).toContain(EXPECTED[name]!.modification);
    }
  });
});

describe('the sub-indication of each failure', () => {
  it('says HASH_FAILURE for a change inside the signed bytes, and keeps the crypto as broken', async () => {
    const signed = await world.sign(await samplePdf());
    const tampered = Buffer.from(signed);
    tampered[200] = tampered[200]! ^ 0x01;
    const report = await verify(tampered);
    expect(report.signatures[0]).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE', integrity: 'broken' });
    expect(report).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE', verdict: 'invalid' });
  });

  it('names the object a shadow attack changed by what it is', async () => {
    const attack = ATTACKS.find((a) => a.name === 'an existing content stream redefined')!;
    const report = await verify(await attack.make({ sign: (pdf) => world.sign(pdf) }));
    expect(report.signatures[0]!.modifications).toContainEqual(expect.objectContaining({ revision: 3, level: 'other', code: 'OBJECT_CHANGED', kind: 'content_stream' }));
  });

  it('reports the borrowed signature value of an overlay field as a signature of its own that fails', async () => {
    const attack = ATTACKS.find((a) => a.name === 'a new field whose /V reuses the existing signature dictionary')!;
    const report = await verify(await attack.make({ sign: (pdf) => world.sign(pdf) }));
    expect(report.signatures.map((s) => [s.fieldName, s.indication])).toEqual([
      ['Seal1', 'TOTAL_FAILED'],
      ['Seal9', 'TOTAL_FAILED'],
    ]);
    expect(report.signatures[1]!.findings.map((f) => f.code)).toContain('SIGNATURE_SHARED');
  });
});

describe('trust and time', () => {
  it('is INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND for a signer of another CA, not failed', async () => {
    const stranger = await createTestPki({ now: world.now });
    const forged = await signPdf({
      pdf: await samplePdf(),
      signer: stranger.sealSigner,
      certificateChain: [stranger.seal, stranger.root],
      timestamp: testTimestamp(stranger, world.now),
      placements: [{ page: 1, x: 100, y: 100 }],
      appearance: drawSeal({ shape: 'round', companyName: '深圳市示例科技有限公司', label: '合同专用章' }),
      signingTime: world.now,
    });
    const report = await verify(forged);
    expect(report).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND', verdict: 'indeterminate' });
    expect(report.signatures[0]!.certificateStatus).toBe('unknown_issuer');
    expect(report.signatures[0]!.integrity).toBe('intact');
  });

  it('is TOTAL_FAILED / REVOKED when revoked before the timestamped signing time, and valid when revoked after', async () => {
    const signed = await world.sign(await samplePdf());
    const revokedAt = (when: Date) => ({ revocationsAt: (_c: Uint8Array, at: Date) => (at >= when ? ('revoked' as const) : ('good' as const)) });
    const before = await verifyPdf(signed, { trustedRoots: world.trustedRoots, now: world.now, ...revokedAt(new Date(world.now.getTime() - 1000)) });
    expect(before.signatures[0]).toMatchObject({ certificateStatus: 'revoked', indication: 'TOTAL_FAILED', subIndication: 'REVOKED' });
    const after = await verifyPdf(signed, { trustedRoots: world.trustedRoots, now: world.now, ...revokedAt(new Date(world.now.getTime() + 1000)) });
    expect(after.verdict).toBe('valid');
  });

  it('is INDETERMINATE / TRY_LATER when the revocation status cannot be had', async () => {
    const report = await verifyPdf(await world.sign(await samplePdf()), { trustedRoots: world.trustedRoots, now: world.now, revocationsAt: () => 'unknown' });
    expect(report.signatures[0]).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'TRY_LATER', certificateStatus: 'revocation_unknown' });
  });

  it('is INDETERMINATE / NO_POE when the timestamp comes from an untrusted TSA', async () => {
    const report = await verify(await world.sign(await samplePdf(), { timestamp: testTimestamp(await createTestPki({ now: world.now }), world.now) }));
    expect(report.signatures[0]).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_POE', timestamp: { time: world.now.toISOString(), valid: false } });
    expect(report.signatures[0]!.findings.map((f) => f.code)).toEqual(['TIMESTAMP_UNTRUSTED']);
  });

  it('is INDETERMINATE / OUT_OF_BOUNDS_NO_POE when the certificate has expired and nothing dates the signature', async () => {
    const signed = await world.sign(await samplePdf(), { timestamp: testTimestamp(await createTestPki({ now: world.now }), world.now) });
    const later = new Date(world.now.getTime() + 3 * 365 * 24 * 3600 * 1000);
    const report = await verifyPdf(signed, { trustedRoots: world.trustedRoots, now: later });
    expect(report.signatures[0]!.findings.map((f) => [f.code, f.subIndication])).toContainEqual(['CERTIFICATE_EXPIRED', 'OUT_OF_BOUNDS_NO_POE']);
    expect(report.signatures[0]!.indication).toBe('INDETERMINATE');
  });

  it('stays valid years later when a trusted timestamp dates the signature inside the certificate’s validity', async () => {
    const signed = await world.sign(await samplePdf());
    const later = new Date(world.now.getTime() + 3 * 365 * 24 * 3600 * 1000);
    expect((await verifyPdf(signed, { trustedRoots: world.trustedRoots, now: later })).verdict).toBe('valid');
  });
});
