import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import type { FaceCheckWho } from './face-check';
import { getPerson } from './people';

/**
 * A signed-in person as the face verifier needs them. Their checks count against their own daily
 * quota and that of the company the action is for (`companyId`, when there is one).
 */
export async function personAsFaceSubject(services: Ports, personId: string, companyId?: string): Promise<FaceCheckWho> {
  const person = await getPerson(services.store, personId);
  return {
    subject: personId,
    name: person.name,
    idNumberMasked: person.idNumberMasked,
    openid: person.openid,
    charges: [
      { quota: 'faceCheck.person', subject: personId },
      ...(companyId ? [{ quota: 'faceCheck.company' as const, subject: companyId }] : []),
    ],
    idNumber: async () => {
      if (!person.idNumberSealed) throw new DomainError('FACE_CHECK_FAILED', '请先在微信小程序中登录');
      return services.idNumbers.open(personId, person.idNumberSealed);
    },
  };
}
