import { DomainError } from '@seal/shared';
import type { FaceCheckSubject, FaceVerifier } from '../../ports/face-verifier';

/**
 * Local runs and tests: the H5 app shows the test identity with 通过 / 不通过 buttons and reports
 * the choice. It can never run in production: constructing it there throws.
 *
 * WeChat's real-name face check refuses to start when the name does not belong to the ID number
 * (the authority's records say so, before any face is scanned). `registeredName` stands in for
 * those records with the local test people: a known ID number under another name is refused the
 * same way; an unknown one is left to the tester's choice.
 */
export class SimulatedFaceVerifier implements FaceVerifier {
  readonly mode = 'simulated' as const;

  constructor(
    stage: string,
    private readonly registeredName: (idNumber: string) => string | undefined = () => undefined,
  ) {
    if (stage === 'prod') throw new DomainError('PRODUCTION_FORBIDDEN');
  }

  async start(subject: FaceCheckSubject): Promise<{ verifyId?: string }> {
    const registered = this.registeredName(await subject.idNumber());
    if (registered !== undefined && registered !== subject.name) throw new DomainError('FACE_CHECK_FAILED', '姓名与身份证号码不符，请确认姓名和身份证号码');
    return {};
  }

  async result(subject: FaceCheckSubject & { claimedPass?: boolean }): Promise<{ passed: boolean; reason?: string }> {
    return subject.claimedPass === true ? { passed: true } : { passed: false, reason: 'simulated_fail' };
  }
}
