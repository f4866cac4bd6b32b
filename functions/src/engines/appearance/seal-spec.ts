import type { SealKind } from '@seal/shared';

/** What a seal shows, taken from the company and seal records. */
export interface SealSpec {
  kind: SealKind;
  /** 法定名称 along the arc. */
  companyName: string;
  /** The label below the centre, e.g. 合同专用章; defaults by kind. */
  sealName?: string;
  /** 统一社会信用代码: printed across the invoice seal as its tax number. */
  creditCode?: string;
  /** The legal representative's name, for the square name seal. */
  personName?: string;
  /** Optional 13-digit code engraved along the lower arc of round seals. */
  securityCode?: string;
}
