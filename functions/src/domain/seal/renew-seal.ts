import { DomainError } from '@seal/shared';
import { transitionSeal } from './transition-seal';
import { credentialsOfSeal, isLive } from '../credential/find-credential';
import { issueCredentialCertificate } from '../platform-pki/issue-seal-certificate';
import { certificateRecordWrite, certificateRevocationWrites } from '../platform-pki/revoke-certificates';
import type { LifecycleDeps } from './deps';
import type { ActingParty } from './acting-party';
import { runSealBatch } from './seal-batch';
import { earliestExpiry, expiryDay, type SealItem } from './views';
import { makeSealData } from './make-seal-data';

/**
 * 续期 of seals in renewal_due or expired (decision 0012: re-certify). Every live credential gets
 * a new certificate for the key it already has, so holders keep their key and PIN and need do
 * nothing. The previous certificate is revoked as `superseded` (signatures made with it before
 * stay valid: status is judged at signing time), so a credential has one current certificate and
 * revoking the seal later revokes everything it could sign with. The new certificates, the
 * credentials pointing at them, the old certificates' revocation and the seal's `renew` transition
 * with its new expiry day are one transaction.
 */
export async function renewSeals(
  deps: LifecycleDeps,
  request: { companyId: string; sealIds: readonly string[]; party: ActingParty; now: Date },
) {
  return runSealBatch(deps, {
    ...request,
    action: 'seal.renew',
    event: 'renew',
    apply: async (seal, acting) => (await renewOneSeal(deps, seal, acting, request.now)).to,
  });
}

async function renewOneSeal(
  deps: LifecycleDeps,
  seal: SealItem,
  acting: { as: Parameters<typeof transitionSeal>[1]['as']; actorId: string },
  now: Date,
) {
  const { store } = deps.services;
  const [company, credentials] = await Promise.all([store.companies.get(seal.companyId), credentialsOfSeal(store, seal.sealId)]);
  if (!company) throw new DomainError('COMPANY_NOT_FOUND');
  const live = credentials.filter(isLive);
  const renewed = await Promise.all(
    live.map(async (c) => {
      const person = await store.people.get(c.personId);
      const issued = await issueCredentialCertificate(deps.services, {
        company: { name: company.name, creditCode: company.companyId },
        seal: { sealId: seal.sealId, name: seal.name, kind: seal.kind },
        holderName: person?.name ?? '印章持有人',
        publicKeySpki: new Uint8Array(Buffer.from(c.publicKey, 'base64')),
        now,
      });
      return { credential: c, issued };
    }),
  );
  // The renewed certificates replace the old ones in the seal's 印章数据 (decision 0077).
  const sealData = renewed.length
    ? await makeSealData(deps.services, { company, seal, certificates: renewed.map((r) => r.issued.der), now })
    : undefined;
  try {
    return await transitionSeal(store, {
      sealId: seal.sealId,
      event: 'renew',
      ...acting,
      reason: '印章续期',
      expectedVersion: seal.version,
      set: {
        expiresOn: earliestExpiry(renewed.map((r) => expiryDay(r.issued.info.notAfter))),
        ...(sealData ? { sealData: sealData.record } : {}),
      },
      alsoWrite: [
        ...certificateRevocationWrites(
          store,
          renewed.map((r) => r.credential),
          { reason: 'superseded', at: now },
        ),
        ...renewed.flatMap(({ credential: c, issued }) => [
          store.credentials.recertify(c, {
            certificate: Buffer.from(issued.der).toString('base64'),
            serial: issued.info.serialNumber,
            notBefore: issued.info.notBefore.toISOString(),
            notAfter: issued.info.notAfter.toISOString(),
          }),
          certificateRecordWrite(store, {
            serial: issued.info.serialNumber,
            companyId: seal.companyId,
            sealId: seal.sealId,
            credentialId: c.credentialId,
            notBefore: issued.info.notBefore,
            notAfter: issued.info.notAfter,
            issuer: issued.issuer,
          }),
        ]),
      ],
      now: () => now,
    });
  } catch (error) {
    await sealData?.discard();
    throw error;
  }
}
