import { randomUUID } from 'node:crypto';
import { DomainError, type Medium } from '@seal/shared';
import { sealPin } from './pin-hash';
import { issueCredentialCertificate } from '../platform-pki/issue-seal-certificate';
import { certificateRecordWrite } from '../platform-pki/revoke-certificates';
import type { WriteOp } from '../../ports/seal-store';
import type { LifecycleDeps } from '../seal/deps';
import { expiryDay, type SealItem } from '../seal/views';

export interface PreparedCredential {
  credentialId: string;
  serial: string;
  notAfter: Date;
  certificate: Uint8Array;
  /** The writes that create the credential and its certificate record. */
  writes: WriteOp[];
  /** Gives the key back if the credential is never written (kms-asymmetric deletes the KMS key). */
  discard(): Promise<void>;
}

/**
 * A new credential for a person on a seal: key under custody, certificate from the platform CA,
 * PIN MACed under the KMS PIN key (decision 0140). Nothing is stored here; the caller writes `writes()` together with the seal's
 * change, so a seal never shows a credential whose transition failed, nor the reverse.
 */
export async function prepareCredential(
  deps: LifecycleDeps,
  request: { seal: SealItem; personId: string; pin: string; medium: Medium; now: Date },
): Promise<PreparedCredential> {
  const { store } = deps.services;
  const { seal, personId, now } = request;
  const [company, person] = await Promise.all([store.companies.get(seal.companyId), store.people.get(personId)]);
  if (!company) throw new DomainError('COMPANY_NOT_FOUND');
  if (!person) throw new DomainError('PERSON_NOT_FOUND');
  const credentialId = `cred-${randomUUID()}`;
  const context = { companyId: seal.companyId, sealId: seal.sealId, credentialId };
  // The seal's algorithm (decision 0078); a seal made before it was recorded gets the deployment's.
  const [key, pinHash] = await Promise.all([deps.custody.createCredentialKey(context, seal.algorithm), sealPin(deps.services.pinKeys, credentialId, request.pin)]);
  const issued = await issueCredentialCertificate(deps.services, {
    company: { name: company.name, creditCode: company.companyId },
    seal: { sealId: seal.sealId, name: seal.name, kind: seal.kind },
    holderName: person.name,
    publicKeySpki: key.publicKeySpki,
    now,
  });
  const { serialNumber: serial, notBefore, notAfter } = issued.info;
  return {
    credentialId,
    serial,
    notAfter,
    certificate: issued.der,
    writes: [
      store.credentials.create({
        sealId: seal.sealId,
        credentialId,
        companyId: seal.companyId,
        personId,
        state: 'active',
        medium: request.medium,
        custody: key.custody,
        keyRef: key.keyRef,
        publicKey: Buffer.from(key.publicKeySpki).toString('base64'),
        certificate: Buffer.from(issued.der).toString('base64'),
        serial,
        notBefore: notBefore.toISOString(),
        notAfter: notAfter.toISOString(),
        pinHash,
        failedAttempts: 0,
        createdAt: now.toISOString(),
      }),
      certificateRecordWrite(store, { serial, companyId: seal.companyId, sealId: seal.sealId, credentialId, notBefore, notAfter, issuer: issued.issuer }),
    ],
    discard: async () => {
      await deps.custody.retireCredentialKey(key, context).catch(() => undefined);
    },
  };
}

export { expiryDay };
