/**
 * An 电子营业执照 authorization of 在线申请: started by a person for one company, verified once
 * with the licence platform, spent once by the application. Like a face ticket, bound to
 * (person, company) and to an expiry; a separate record so neither can stand in for the other.
 */
export interface LicenceAuthorizationRecord {
  authorizationId: string;
  personId: string;
  companyId: string;
  /** `started` until the licence platform answers; `verified` or `refused`; `used` once. */
  state: 'started' | 'verified' | 'refused' | 'used';
  /** What the licence showed, once verified (company name, legal representative's name, registered on). */
  licence?: { companyName: string; companyType: string; legalRepName: string; registeredOn: string };
  createdAt: string;
  expiresAt: string;
  ttl: number;
}

export interface LicenceAuthorizations {
  get(authorizationId: string): Promise<LicenceAuthorizationRecord | undefined>;
  create(authorization: Omit<LicenceAuthorizationRecord, 'licence'>): Promise<void>;
  /** started → verified | refused, once, if not expired at `now`; false when it was decided or expired. */
  decide(
    authorizationId: string,
    decision: { state: 'verified' | 'refused'; licence?: LicenceAuthorizationRecord['licence']; now: string },
  ): Promise<boolean>;
  /** verified → used, conditional on the person, the company and the expiry: false otherwise. */
  spend(authorization: { authorizationId: string; personId: string; companyId: string; now: string }): Promise<boolean>;
}
