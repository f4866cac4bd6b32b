import { DomainError, authorize, type Actor } from '@seal/shared';
import { RULES, requireMediumFor, type UkeyOperation } from './medium-rules';
import type { Ports } from '../../ports';
import type { UkeyBinding } from '../../ports/store/credentials';
import { readCertificationRequest } from '../../engines/pki/certification-request';
import { PkiError } from '../../engines/pki/errors';
import { liveCredentialOf, type CredentialItem } from '../credential/find-credential';
import { loadSeal } from '../seal/load-seal';
import type { SealItem } from '../seal/views';
import { getChallenge } from '../challenge/challenge-rules';
import { consumeChallenge } from '../challenge/poll-challenge';
import { issueCredentialCertificate } from '../platform-pki/issue-seal-certificate';
import { certificateRecordWrite, certificateRevocationWrites } from '../platform-pki/revoke-certificates';

interface ChallengeInput {
  sealId: string;
  actor: Actor;
  challengeId: string;
  desktopSecret: string;
}

/**
 * The checks binding and unbinding share, in order: the caller may do it (matrix, read fresh),
 * their credential is on the right medium, the challenge is this desktop's, for this seal.
 * Nothing is consumed here.
 */
async function checkCaller(services: Ports, operation: UkeyOperation, input: ChallengeInput) {
  const { store } = services;
  const personId = input.actor.personId!;
  const seal = await loadSeal(store, input.sealId);
  const decision = authorize(input.actor, RULES[operation].action, { companyId: seal.companyId, sealIds: [seal.sealId] });
  if (!decision.allowed) throw new DomainError('NOT_AUTHORIZED');
  const credential = await liveCredentialOf(store, { sealId: seal.sealId, personId });
  requireMediumFor(operation, credential);
  // Someone else's challenge, or one for another seal, is "not found" exactly like a wrong secret.
  const challenge = await getChallenge(store, input.challengeId);
  if (challenge.summary.creatorId !== personId || challenge.summary.sealId !== seal.sealId) throw new DomainError('CHALLENGE_NOT_FOUND');
  return { seal, credential, as: decision.as, challenge };
}

/** The phone's approval, spent: the last step that can refuse before the write. */
function consume(services: Ports, operation: UkeyOperation, input: ChallengeInput) {
  return consumeChallenge(services, {
    challengeId: input.challengeId,
    desktopSecret: input.desktopSecret,
    purpose: RULES[operation].purpose,
    callerId: input.actor.personId!,
  });
}

/** The request's key and its proof of possession, for the UKey the phone confirmed. */
function readTokenRequest(csrBase64: string, ukeySerial: string) {
  try {
    const request = readCertificationRequest(new Uint8Array(Buffer.from(csrBase64, 'base64')));
    if (!request.signatureValid || !request.algorithm || request.subjectSerialNumber !== ukeySerial)
      throw new DomainError('UKEY_CSR_INVALID');
    return request;
  } catch (error) {
    if (error instanceof PkiError) throw new DomainError('UKEY_CSR_INVALID');
    throw error;
  }
}

/**
 * Ukey绑定 (guide 二.2; decisions 0021, 0121). The desktop's UKey client made a key on the token
 * and a certification request signed by it; a phone approved the QR code naming that UKey (face
 * check by the legal representative, an administrator or a holder of the seal). The platform
 * issues a seal certificate for the token's key and records the binding on the caller's
 * credential, in one conditional write with its audit event and the certificate's record. The
 * credential's own key, certificate and PIN stay, unused while bound. Nothing is consumed or
 * issued before every check that can refuse without writing.
 */
export async function bindUkey(services: Ports, input: ChallengeInput & { csr: string; ukeySerial: string; keyId: string }) {
  const { store } = services;
  const { seal, credential, as, challenge } = await checkCaller(services, 'bind', input);
  // The phone confirmed the UKey the QR code names; the request must come from that token.
  if (challenge.summary.details.ukeySerial !== input.ukeySerial) throw new DomainError('UKEY_MISMATCH');
  const request = readTokenRequest(input.csr, input.ukeySerial);
  const approval = await consume(services, 'bind', input);

  const now = services.now();
  const issued = await issueFor(services, seal, credential, request.publicKeySpki, now);
  const ukey: UkeyBinding = {
    tokenSerial: input.ukeySerial,
    keyId: input.keyId,
    publicKey: Buffer.from(request.publicKeySpki).toString('base64'),
    certificate: Buffer.from(issued.der).toString('base64'),
    serial: issued.info.serialNumber,
    notBefore: issued.info.notBefore.toISOString(),
    notAfter: issued.info.notAfter.toISOString(),
    boundAt: now.toISOString(),
  };
  await store.commitWithAudit(
    {
      companyId: seal.companyId,
      actorId: input.actor.personId!,
      actorRole: as,
      action: 'ukey.bind',
      subject: `credential:${credential.credentialId}`,
      before: { medium: credential.medium, version: credential.version, sealId: seal.sealId },
      after: {
        medium: 'ukey',
        version: credential.version + 1,
        sealId: seal.sealId,
        approvedBy: approval.approverId,
        ukeySerial: input.ukeySerial,
        certificateSerial: ukey.serial,
      },
    },
    [
      store.credentials.moveMedium(credential, { from: 'phone', to: 'ukey', ukey }),
      certificateRecordWrite(store, {
        serial: ukey.serial,
        companyId: seal.companyId,
        sealId: seal.sealId,
        credentialId: credential.credentialId,
        notBefore: issued.info.notBefore,
        notAfter: issued.info.notAfter,
        issuer: issued.issuer,
      }),
    ],
    now,
  );
  return {
    message: '绑定成功',
    sealId: seal.sealId,
    credentialId: credential.credentialId,
    medium: 'ukey' as const,
    ukeySerial: ukey.tokenSerial,
    keyId: ukey.keyId,
    certificate: ukey.certificate,
    certificateSerial: ukey.serial,
  };
}

/**
 * Ukey解绑 (guide 二.3): after the phone's confirmation, the UKey certificate is revoked (on the
 * CRL from now on), the binding removed and the credential back on the phone with its own key,
 * certificate and PIN. The answer names the token's key, for the client to remove it.
 */
export async function unbindUkey(services: Ports, input: ChallengeInput) {
  const { store } = services;
  const { seal, credential, as } = await checkCaller(services, 'unbind', input);
  const binding = credential.ukey;
  if (!binding) throw new DomainError('ILLEGAL_TRANSITION', RULES.unbind.wrongMedium);
  const approval = await consume(services, 'unbind', input);

  const now = services.now();
  await store.commitWithAudit(
    {
      companyId: seal.companyId,
      actorId: input.actor.personId!,
      actorRole: as,
      action: 'ukey.unbind',
      subject: `credential:${credential.credentialId}`,
      before: { medium: credential.medium, version: credential.version, sealId: seal.sealId, ukeySerial: binding.tokenSerial },
      after: {
        medium: 'phone',
        version: credential.version + 1,
        sealId: seal.sealId,
        approvedBy: approval.approverId,
        revokedCertificate: binding.serial,
      },
    },
    [
      store.credentials.moveMedium(credential, { from: 'ukey', to: 'phone' }),
      ...certificateRevocationWrites(store, [{ serial: binding.serial, publicKey: binding.publicKey }], {
        reason: 'cessationOfOperation',
        at: now,
      }),
    ],
    now,
  );
  return {
    message: '解绑成功',
    sealId: seal.sealId,
    credentialId: credential.credentialId,
    medium: 'phone' as const,
    ukeySerial: binding.tokenSerial,
    keyId: binding.keyId,
    certificateSerial: binding.serial,
  };
}

async function issueFor(services: Ports, seal: SealItem, credential: CredentialItem, publicKeySpki: Uint8Array, now: Date) {
  const [company, person] = await Promise.all([
    services.store.companies.get(seal.companyId),
    services.store.people.get(credential.personId),
  ]);
  if (!company) throw new DomainError('COMPANY_NOT_FOUND');
  if (!person) throw new DomainError('PERSON_NOT_FOUND');
  return issueCredentialCertificate(services, {
    company: { name: company.name, creditCode: company.companyId },
    seal: { sealId: seal.sealId, name: seal.name, kind: seal.kind },
    holderName: person.name,
    publicKeySpki,
    now,
  });
}
