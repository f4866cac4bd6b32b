import type { CompanyType } from '@seal/shared';

/** How the phone has the licence presented: the local stand-in page (the real system's launch comes with its adapter). */
export interface LicenceLaunch {
  mode: 'simulated';
}

/** The company's electronic business licence, as its issuing platform verified it. */
export interface VerifiedLicence {
  creditCode: string;
  name: string;
  type: CompanyType;
  status: 'active' | 'closed';
  registeredOn: string;
  legalRepresentative: { name: string; idNumber: string };
  /** Who authorized the presentation, as the licence platform identified them. */
  presentedBy: { name: string; idNumber: string };
}

/**
 * The `ElectronicLicence` port (电子营业执照授权): the company's electronic business licence is
 * presented by its holder on their phone and verified by the platform that issued it; the seal
 * platform learns the licence and who presented it. In production that is the national 电子营业执照
 * system's authorization (its API is not public: its adapter plugs in here); locally the seeded
 * registry's companies stand in.
 */
export interface ElectronicLicence {
  readonly mode: 'simulated';
  /** What the phone opens to present the licence of `creditCode` for this authorization. */
  begin(request: { authorizationId: string; creditCode: string }): Promise<LicenceLaunch>;
  /**
   * The licence, once its holder authorized the presentation; null when they declined or the
   * licence platform does not confirm it. `presenter` is the signed-in person (the simulated
   * adapter takes them as the one who presented; the real one compares the platform's answer).
   */
  verify(request: {
    authorizationId: string;
    creditCode: string;
    authCode?: string;
    simulatedPresented?: boolean;
    presenter: { name: string; idNumber: () => Promise<string> };
  }): Promise<VerifiedLicence | null>;
}
