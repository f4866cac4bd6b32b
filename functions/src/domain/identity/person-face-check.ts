import { DomainError } from '@seal/shared';
import type { Services } from '../../composition';
import type { FaceCheckWho } from './face-check';
import { getPerson } from './people';
import { openIdNumber } from './id-number-vault';
import { kmsOf } from '../../adapters/aws-kms/client';

/** A signed-in person as the face verifier needs them. */
export async function personAsFaceSubject(services: Services, personId: string): Promise<FaceCheckWho> {
  const person = await getPerson(services.db, personId);
  return {
    subject: personId,
    name: person.name,
    idNumberMasked: person.idNumberMasked,
    openid: person.openid,
    idNumber: async () => {
      if (!person.idNumberSealed) throw new DomainError('FACE_CHECK_FAILED', '请先在微信小程序中登录');
      return openIdNumber(kmsOf(services), personId, person.idNumberSealed);
    },
  };
}
