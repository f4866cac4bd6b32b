import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import type { FaceCheckWho } from './face-check';
import { getPerson } from './people';

/** A signed-in person as the face verifier needs them. */
export async function personAsFaceSubject(services: Ports, personId: string): Promise<FaceCheckWho> {
  const person = await getPerson(services.store, personId);
  return {
    subject: personId,
    name: person.name,
    idNumberMasked: person.idNumberMasked,
    openid: person.openid,
    idNumber: async () => {
      if (!person.idNumberSealed) throw new DomainError('FACE_CHECK_FAILED', '请先在微信小程序中登录');
      return services.idNumbers.open(personId, person.idNumberSealed);
    },
  };
}
