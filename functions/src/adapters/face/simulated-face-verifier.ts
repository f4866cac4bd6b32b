import { DomainError } from '@seal/shared';
import type { FaceCheckSubject, FaceVerifier } from '../../ports/face-verifier';

/**
 * Local runs and tests: the H5 app shows the test identity with 通过 / 不通过 buttons and reports
 * the choice. It can never run in production: constructing it there throws.
 */
export class SimulatedFaceVerifier implements FaceVerifier {
  readonly mode = 'simulated' as const;

  constructor(stage: string) {
    if (stage === 'prod') throw new DomainError('PRODUCTION_FORBIDDEN');
  }

  async start(): Promise<{ verifyId?: string }> {
    return {};
  }

  async result(subject: FaceCheckSubject & { claimedPass?: boolean }): Promise<{ passed: boolean; reason?: string }> {
    return subject.claimedPass === true ? { passed: true } : { passed: false, reason: 'simulated_fail' };
  }
}
