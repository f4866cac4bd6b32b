import type {
  CertificateRecord,
  Certificates,
  CrlStateRecord,
  CrlStates,
  PlatformCertificateRecord,
  PlatformCertificates,
} from '../../../ports/store/certificates';
import type { SealService } from '../service';
import { conditionally, tableWrite, type ItemOf, type Same } from './table-write';

const _certificate: Same<ItemOf<'certificate'>, CertificateRecord> = true;
const _platform: Same<ItemOf<'platformCertificate'>, PlatformCertificateRecord> = true;
const _crl: Same<ItemOf<'crlState'>, CrlStateRecord> = true;

export function dynamoDbCertificates({ entities }: SealService): Certificates {
  return {
    async get(serial, options) {
      return (await entities.certificate.get({ serial }).go({ consistent: options?.consistent ?? false })).data ?? undefined;
    },
    async revoked() {
      return (await entities.certificate.query.byStatus({ status: 'revoked' }).go({ pages: 'all' })).data;
    },
    record: (certificate) => tableWrite((e) => e.certificate.create({ ...certificate, status: 'issued' }).commit()),
    revoke: (serial, revocation) =>
      tableWrite((e) =>
        e.certificate
          .patch({ serial })
          .set({ status: 'revoked', revokedAt: revocation.at, revocationReason: revocation.reason })
          .where((a, op) => op.eq(a.status, 'issued'))
          .commit(),
      ),
  };
}

export function dynamoDbPlatformCertificates({ entities }: SealService): PlatformCertificates {
  return {
    async get(role) {
      return (await entities.platformCertificate.get({ role }).go({ consistent: true })).data ?? undefined;
    },
    create: (certificate) => conditionally(() => entities.platformCertificate.create(certificate).go()),
    renew: (certificate, replacedSerial) =>
      tableWrite((e) =>
        e.platformCertificate
          .put(certificate)
          .where((a, op) => op.eq(a.serial, replacedSerial))
          .commit(),
      ),
  };
}

export function dynamoDbCrlStates({ entities }: SealService): CrlStates {
  return {
    async get(issuer) {
      return (await entities.crlState.get({ issuer }).go({ consistent: true })).data ?? undefined;
    },
    countRevocations: (issuer, count) => tableWrite((e) => e.crlState.update({ issuer }).add({ revocationCount: count }).commit()),
    publish: (issuer, readNumber, crl) =>
      conditionally(() =>
        entities.crlState
          .update({ issuer })
          .set(crl)
          .where((a, op) =>
            readNumber === 0 ? `${op.notExists(a.crlNumber)} OR ${op.eq(a.crlNumber, 0)}` : op.eq(a.crlNumber, readNumber),
          )
          .go(),
      ),
  };
}
